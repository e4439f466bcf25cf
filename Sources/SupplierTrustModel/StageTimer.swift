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
  private var lastCPU: UInt64

  /// `prefix` names the layer in each line (`"scoring: "`), indented under the command's stages.
  public init(prefix: String = "") {
    self.prefix = prefix
    last = StageTimer.now()
    lastCPU = StageTimer.processCPU()
  }

  /// Writes the time since the previous lap (or the start) with `label`.
  public func lap(_ label: @autoclosure () -> String) {
    guard enabled else { return }
    let now = StageTimer.now()
    let cpu = StageTimer.processCPU()
    let milliseconds = (now - last) / 1_000_000
    // Processor time of all threads against the wall time: 2.0 on two busy cores, 1.0 where
    // one thread works alone.
    let cores = now > last ? Double(cpu - lastCPU) / Double(now - last) : 0
    let busy = ", \(Int(cores * 10) / 10).\(Int(cores * 10) % 10) cores"
    let seconds =
      "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - String(milliseconds % 1000).count))\(milliseconds % 1000)"
    var line = Array(
      "\(prefix.isEmpty ? "" : "           ")\(seconds) s  \(prefix)\(label())\(StageTimer.memory(busy))\n"
        .utf8)
    _ = write(2, &line, line.count)
    last = now
    lastCPU = cpu
  }

  /// The process's resident memory now and at its peak, from /proc (Linux only): where a
  /// command's memory goes matters as much as its time at size L.
  private static func memory(_ busy: String) -> String {
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
    return resident.isEmpty ? "  [\(busy.dropFirst(2))]" : "  [\(resident) MiB, peak \(peak) MiB\(busy)]"
  }

  /// Processor time used by every thread of the process so far, in nanoseconds.
  private static func processCPU() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
  }

  private static func now() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
  }
}
