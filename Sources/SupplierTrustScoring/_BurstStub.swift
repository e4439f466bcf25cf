// TEMPORARY stand-in until the detector lands; replaced by ReviewBurstDetector.swift.
public struct BurstPolicy: Sendable, Equatable {
  public var windowDays = 7
  public var minimumReviews = 10
  public var newReviewerShare = 0.6
  public var unverifiedShare = 0.6
  public var textSimilarity = 0.6
  public var nearIdenticalShare = 0.5
  public var shingleSize = 3
  public var signatureSize = 64
  public static let `default` = BurstPolicy()
}
public struct ReviewBurst: Sendable, Equatable {
  public var start: Day, end: Day
  public var reviewIndices: [Int]
  public var reviewCount: Int
  public var newReviewerShare: Double
  public var unverifiedShare: Double
  public var nearIdenticalShare: Double
  public var fiveStarShare: Double
  public var detail: String
}
public struct ReviewBurstDetector: Sendable {
  public init(policy: BurstPolicy = .default) {}
  public func detect(_ reviews: [Review], reviewCount: (String) -> Int) -> [ReviewBurst] { [] }
}
