import Foundation
import SupplierTrustImport
import SupplierTrustModel
import SupplierTrustScoring

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing to stderr, and a progress line that only appears on a terminal.
enum Terminal {
  static let stderrIsTerminal = isatty(2) == 1
  nonisolated(unsafe) private static var progressShown = false

  /// What a CSV of no rows leaves unsaid: its rows name the policy and its hash, and there are
  /// none (README: every output names the policy and its SHA-256).
  static func emptyCSVNote(asOf: Day, policy: Policy) -> String {
    "note: no rows; made as of \(asOf) with policy \(policy.name) (sha256 \(policy.hash))"
  }

  /// Writes a message line to stderr. Control characters in it are escaped line by line
  /// (file and folder names are the user's data too: one named with an escape sequence must not
  /// recolour or retitle the terminal; black-box review 18).
  static func error(_ text: String) {
    clearProgress()
    write(
      text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).terminalSafe }.joined(
        separator: "\n") + "\n")
  }

  static func progress(_ text: String) {
    // Kept to one row: a wrapped line is only partly cleared, and its first row stayed above the
    // next message (black-box review 93, 60 columns). The path's start goes, its end is the news.
    var shown = text.terminalSafe
    if let columns = progressColumns, shown.count > columns - 1 {
      shown = "…" + shown.suffix(max(1, columns - 2))
    }
    write("\r\u{1B}[K" + shown)
    progressShown = true
  }

  /// The columns of the terminal stderr writes to (COLUMNS first), if known.
  private static var progressColumns: Int? {
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 1 {
      return columns
    }
    var size = winsize()
    return ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 1 ? Int(size.ws_col) : nil
  }

  /// Writes straight to file descriptor 2 (unbuffered, so messages interleave in order).
  static func write(_ text: String) {
    var text = text
    // A message that cannot be written has nowhere else to go.
    _ = text.withUTF8 { writeAll($0, to: 2) }
  }

  /// Writes bytes to standard output, after whatever `print` has buffered; a write error (a
  /// closed pipe) ends the output quietly, as it does for `print`.
  static func writeOutput(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { writeOutput($0) }
  }

  /// ``writeOutput(_:)-([UInt8])`` for bytes held elsewhere (a piece of a streamed document).
  static func writeOutput(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard !outputFailed else { return }
    fflush(nil)
    if !writeAll(bytes, to: 1) { outputFailed = true }
  }

  /// Set once a write to stdout has failed: output written in pieces stops there rather than
  /// going on with a piece missing (code review).
  nonisolated(unsafe) private static var outputFailed = false

  /// Writes every byte to a file descriptor, as many calls as it takes, again when a signal
  /// interrupted a call; returns false at an error.
  @discardableResult
  private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return false }
      offset += n
    }
    return true
  }

  static func clearProgress() {
    guard progressShown else { return }
    write("\r\u{1B}[K")
    progressShown = false
  }
}
