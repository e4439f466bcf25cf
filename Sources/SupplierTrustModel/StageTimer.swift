#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Stage timings on stderr, written only when the environment variable SUPPLIER_TRUST_TIMINGS is
/// set: how benchmarks see where a command spends its time, at no cost otherwise.
public final class StageTimer {
  private let enabled = getenv("SUPPLIER_TRUST_TIMINGS") != nil
  private let prefix: String
  private var last: UInt64

  /// `prefix` names the layer in each line (`"scoring: "`), indented under the command's stages.
  public init(prefix: String = "") {
    self.prefix = prefix
    last = StageTimer.now()
  }

  /// Writes the time since the previous lap (or the start) with `label`.
  public func lap(_ label: @autoclosure () -> String) {
    guard enabled else { return }
    let now = StageTimer.now()
    let milliseconds = (now - last) / 1_000_000
    let seconds =
      "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - String(milliseconds % 1000).count))\(milliseconds % 1000)"
    var line = Array("\(prefix.isEmpty ? "" : "           ")\(seconds) s  \(prefix)\(label())\n".utf8)
    _ = write(2, &line, line.count)
    last = now
  }

  private static func now() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
  }
}
