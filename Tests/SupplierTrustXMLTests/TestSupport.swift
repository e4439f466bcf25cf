import Foundation
import SupplierTrustXML
import Testing

/// One parse event, copied out of the parser's transient byte views.
enum Event: Equatable, CustomStringConvertible {
  case start(String, [String: String], line: Int)
  case end(String)
  case text(String)

  var description: String {
    switch self {
    case .start(let name, let attributes, let line):
      let sorted = attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      return "start(\(name) \(sorted) @\(line))"
    case .end(let name): return "end(\(name))"
    case .text(let text): return "text(\(text.debugDescription))"
    }
  }
}

/// Records events, merging consecutive character pieces so that chunking does not matter.
final class Recorder: XMLStreamHandler {
  private(set) var events: [Event] = []
  private var pendingText: [UInt8] = []
  /// Attribute names in document order, per start tag.
  private(set) var attributeOrder: [[String]] = []
  /// Number of raw `characters` calls.
  private(set) var characterCalls = 0
  /// Throws `StopHere` on this start element (1-based), if set.
  var throwOnStartElement: Int?
  private var startCount = 0

  func startElement(name: UnsafeBufferPointer<UInt8>, attributes: XMLAttributes, line: Int) throws {
    flushText()
    var dictionary: [String: String] = [:]
    var order: [String] = []
    for attribute in attributes {
      let key = String(decoding: attribute.name, as: UTF8.self)
      dictionary[key] = String(decoding: attribute.value, as: UTF8.self)
      order.append(key)
    }
    attributeOrder.append(order)
    events.append(.start(String(decoding: name, as: UTF8.self), dictionary, line: line))
    startCount += 1
    if startCount == throwOnStartElement { throw StopHere(element: startCount) }
  }

  func endElement(name: UnsafeBufferPointer<UInt8>) throws {
    flushText()
    events.append(.end(String(decoding: name, as: UTF8.self)))
  }

  func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    characterCalls += 1
    pendingText.append(contentsOf: bytes)
  }

  /// All events, with any trailing text flushed.
  var allEvents: [Event] {
    flushText()
    return events
  }

  /// Events without whitespace-only text, for readable expectations.
  var significantEvents: [Event] {
    allEvents.filter {
      if case .text(let text) = $0 { return !text.allSatisfy(\.isWhitespace) }
      return true
    }
  }

  /// Every byte passed to `characters`, in order.
  var allText: String {
    allEvents.compactMap {
      if case .text(let text) = $0 { return text }
      return nil
    }.joined()
  }

  private func flushText() {
    guard !pendingText.isEmpty else { return }
    events.append(.text(String(decoding: pendingText, as: UTF8.self)))
    pendingText.removeAll(keepingCapacity: true)
  }
}

struct StopHere: Error, Equatable {
  let element: Int
}

/// Parses `data` fed in chunks of `chunkSize` bytes (whole when nil); returns the recorder and any error.
func parse(
  _ data: Data, chunkSize: Int? = nil, name: String = "test.xml", recorder: Recorder = Recorder()
) -> (Recorder, (any Error)?) {
  let parser = XMLStreamParser(documentName: name, handler: recorder)
  do {
    try data.withUnsafeBytes { bytes in
      let step = chunkSize ?? max(bytes.count, 1)
      var offset = 0
      while offset < bytes.count {
        let end = min(offset + step, bytes.count)
        try parser.feed(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
        offset = end
      }
    }
    try parser.finish()
    return (recorder, nil)
  } catch {
    return (recorder, error)
  }
}

func parse(_ text: String, chunkSize: Int? = nil) -> (Recorder, (any Error)?) {
  parse(Data(text.utf8), chunkSize: chunkSize)
}

func fixtureURL(_ name: String) throws -> URL {
  let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)
  return try #require(url, "missing fixture \(name)")
}

func fixture(_ name: String) throws -> Data {
  try Data(contentsOf: fixtureURL(name))
}

/// A fresh temporary directory, removed by the caller.
func makeTemporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("SupplierTrustXMLTests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Runs `probe` repeatedly on a background thread while `body` runs, and reports whether it ever
/// returned true. Used to detect (and unblock) a forbidden open of a FIFO or connection to a socket.
func whileProbing(_ probe: @escaping @Sendable () -> Bool, _ body: () -> Void) -> Bool {
  let state = ProbeState()
  let done = DispatchSemaphore(value: 0)
  let thread = Thread {
    while !state.stopped {
      if probe() { state.markHit() }
      usleep(2_000)
    }
    done.signal()
  }
  thread.start()
  body()
  state.stop()
  done.wait()
  return state.hit
}

private final class ProbeState: @unchecked Sendable {
  private let lock = NSLock()
  private var _stopped = false
  private var _hit = false
  var stopped: Bool { lock.withLock { _stopped } }
  var hit: Bool { lock.withLock { _hit } }
  func stop() { lock.withLock { _stopped = true } }
  func markHit() { lock.withLock { _hit = true } }
}
