// TEMPORARY stand-in until the registry lands; replaced by CertificationBodyRegistry.swift.
public enum Recognition: Equatable, Sendable {
  case recognised(canonical: String)
  case lookAlike(name: String, reason: String)
  case unknown
  public var isRecognised: Bool { if case .recognised = self { return true } else { return false } }
}
public struct CertificationBodyRegistry: Sendable {
  public static let shipped = CertificationBodyRegistry()
  public func accreditationBody(_ name: String) -> Recognition { .recognised(canonical: name) }
  public func certificationBody(_ name: String) -> Recognition { .recognised(canonical: name) }
  public func auditor(_ name: String) -> Recognition { .recognised(canonical: name) }
}
