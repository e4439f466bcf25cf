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
    var line = Array(
      "\(prefix.isEmpty ? "" : "           ")\(seconds) s  \(prefix)\(label())\(StageTimer.memory())\n".utf8)
    _ = write(2, &line, line.count)
    last = now
  }

  /// The process's resident memory now and at its peak, from /proc (Linux only): where a
  /// command's memory goes matters as much as its time at size L.
  private static func memory() -> String {
    guard let file = fopen("/proc/self/status", "r") else { return "" }
    defer { fclose(file) }
    var resident = ""
    var peak = ""
    var buffer = [CChar](repeating: 0, count: 256)
    while fgets(&buffer, Int32(buffer.count), file) != nil {
      let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 / 1024 }
      if line.hasPrefix("VmRSS:"), let kilobytes { resident = "\(kilobytes)" }
      if line.hasPrefix("VmHWM:"), let kilobytes { peak = "\(kilobytes)" }
    }
    return resident.isEmpty ? "" : "  [\(resident) MiB, peak \(peak) MiB]"
  }

  private static func now() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
  }
}
