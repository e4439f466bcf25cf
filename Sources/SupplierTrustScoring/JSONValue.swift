/// A JSON value that keeps object keys in order and remembers the line each value started on,
/// so that policy errors can name the place (`policy.json:14`) and the default policy can be
/// written out in a documented order.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  /// Equal when of the same case and value; objects must have the same keys in the same order.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }

  /// A short name of the value's type, for error messages.
  var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "a list"
    case .object: return "an object"
    }
  }

  /// Pretty-printed JSON with two-space indents; numbers without a needless `.0`.
  public func rendered(indent: String = "") -> String {
    var out: [UInt8] = []
    write(into: &out, depth: indent.count / 2)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the pretty-printed value to `out` as UTF-8. Bytes rather than a `String`: a ranking
  /// of a hundred thousand suppliers is some 300 MB of JSON, which String appends built at
  /// 28 MB/s (each append re-checks the string's capacity, count and ASCII flag).
  public func write(into out: inout [UInt8], depth: Int = 0) {
    switch self {
    case .null: JSONValue.append("null", to: &out)
    case .bool(let b): JSONValue.append(b ? "true" : "false", to: &out)
    case .number(let n): JSONValue.append(JSONValue.format(n), to: &out)
    case .string(let s): JSONValue.appendQuoted(s, to: &out)
    case .array(let items):
      if items.isEmpty {
        JSONValue.append("[]", to: &out)
        return
      }
      // Short lists of scalars stay on one line; anything longer gets a line per item.
      if items.count <= 8, items.allSatisfy({ $0.isShortScalar }) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
          if i > 0 { JSONValue.append(", ", to: &out) }
          item.write(into: &out, depth: depth + 1)
        }
        out.append(UInt8(ascii: "]"))
        return
      }
      JSONValue.append("[\n", to: &out)
      for (i, item) in items.enumerated() {
        if i > 0 { JSONValue.append(",\n", to: &out) }
        JSONValue.indent(&out, depth + 1)
        item.write(into: &out, depth: depth + 1)
      }
      out.append(UInt8(ascii: "\n"))
      JSONValue.indent(&out, depth)
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty {
        JSONValue.append("{}", to: &out)
        return
      }
      JSONValue.append("{\n", to: &out)
      for (i, member) in members.enumerated() {
        if i > 0 { JSONValue.append(",\n", to: &out) }
        JSONValue.writeMember(member.key, member.value, into: &out, depth: depth + 1)
      }
      out.append(UInt8(ascii: "\n"))
      JSONValue.indent(&out, depth)
      out.append(UInt8(ascii: "}"))
    }
  }

  /// One object member as ``write(into:depth:)`` writes it inside an object at `depth - 1`: the
  /// indent, the quoted key, `": "` and the value; for writing an object a member at a time.
  public static func writeMember(_ key: String, _ value: JSONValue, into out: inout [UInt8], depth: Int) {
    indent(&out, depth)
    appendQuoted(key, to: &out)
    append(": ", to: &out)
    value.write(into: &out, depth: depth)
  }

  /// Appends the UTF-8 bytes of `text` as they are (no quoting or escaping).
  @inline(__always) public static func append(_ text: StaticString, to out: inout [UInt8]) {
    text.withUTF8Buffer { out.append(contentsOf: $0) }
  }

  /// Appends the UTF-8 bytes of `text` as they are (no quoting or escaping).
  public static func append(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { out.append(contentsOf: $0) }
  }

  private var isShortScalar: Bool {
    switch self {
    case .null, .bool, .number: return true
    case .string(let s): return s.utf8.count <= 24
    case .array, .object: return false
    }
  }

  /// Two spaces per level.
  public static func indent(_ out: inout [UInt8], _ depth: Int) {
    for _ in 0..<depth {
      out.append(UInt8(ascii: " "))
      out.append(UInt8(ascii: " "))
    }
  }

  /// Shortest decimal that reads back as the same number; integers without a fraction.
  public static func format(_ n: Double) -> String {
    if n.isNaN || n.isInfinite { return "null" }
    if n == n.rounded() && abs(n) < 1e15 { return String(Int64(n)) }
    return "\(n)"
  }

  /// A JSON string literal; control characters, quotes and backslashes escaped, and `<`, `>`,
  /// `&` too, so that the text can sit inside an HTML `<script>` element unharmed.
  public static func quote(_ s: String) -> String {
    var out: [UInt8] = []
    appendQuoted(s, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `s` as a JSON string literal (see ``quote(_:)``).
  public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
    var s = s
    out.append(UInt8(ascii: "\""))
    s.withUTF8 { bytes in
      var clean = bytes.startIndex
      var index = bytes.startIndex
      while index < bytes.endIndex {
        let byte = bytes[index]
        let escape: StaticString?
        switch byte {
        case UInt8(ascii: "\""): escape = "\\\""
        case UInt8(ascii: "\\"): escape = "\\\\"
        case UInt8(ascii: "\n"): escape = "\\n"
        case UInt8(ascii: "\r"): escape = "\\r"
        case UInt8(ascii: "\t"): escape = "\\t"
        case UInt8(ascii: "<"): escape = "\\u003c"
        case UInt8(ascii: ">"): escape = "\\u003e"
        case UInt8(ascii: "&"): escape = "\\u0026"
        case 0xE2:
          // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript.
          if index + 2 < bytes.endIndex, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 {
            escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
          } else {
            escape = nil
          }
        default: escape = byte < 0x20 ? "" : nil
        }
        guard let escape else {
          index += 1
          continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<index]))
        if byte < 0x20, escape.utf8CodeUnitCount == 0 {
          let digits: StaticString = "0123456789abcdef"
          append("\\u00", to: &out)
          out.append(digits.utf8Start[Int(byte >> 4)])
          out.append(digits.utf8Start[Int(byte & 0xF)])
        } else {
          append(escape, to: &out)
        }
        index += byte == 0xE2 ? 3 : 1
        clean = index
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<bytes.endIndex]))
    }
    out.append(UInt8(ascii: "\""))
  }
}

/// A JSON syntax error with the line and column where reading stopped.
public struct JSONSyntaxError: Error, Equatable, Sendable {
  /// Line where reading stopped, from 1.
  public var line: Int
  /// Column where reading stopped, counted in UTF-8 bytes from 1.
  public var column: Int
  /// What was wrong, in words.
  public var message: String
}

/// A strict JSON reader (RFC 8259) that records the line of every object member.
struct JSONReader {
  /// Lists and objects nested deeper than this are refused: reading recurses, and 50,000 levels
  /// overflowed the stack (black-box review 22); a policy file needs four.
  static let maximumDepth = 64
  private let bytes: [UInt8]
  private var depth = 0
  private var index = 0
  private var line = 1
  private var lineStart = 0
  /// Line of each member, keyed by its dotted path (`reviews.half_life_days`, `bands[2].grade`).
  private(set) var lines: [String: Int] = [:]

  init(_ text: String) {
    bytes = Array(text.utf8)
  }

  mutating func parse() throws(JSONSyntaxError) -> JSONValue {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    skipSpace()
    let value = try parseValue(path: "")
    skipSpace()
    guard index == bytes.count else { throw error("unexpected text after the end of the JSON value") }
    return value
  }

  private func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(line: line, column: index - lineStart + 1, message: message)
  }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  private mutating func parseValue(path: String) throws(JSONSyntaxError) -> JSONValue {
    guard index < bytes.count else { throw error("the JSON ends too early") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(path: path)
    case UInt8(ascii: "["): return try parseArray(path: path)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("expected a value (a number, string, true, false, null, list or object)")
    }
  }

  private mutating func literal(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
    let w = Array(word.utf8)
    guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
      throw error("expected \(word)")
    }
    index += w.count
    return value
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    while index < bytes.count,
      (0x30...0x39).contains(bytes[index]) || [0x2E, 0x65, 0x45, 0x2B, 0x2D].contains(bytes[index])
    {
      index += 1
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    // RFC 8259's grammar: no leading zeros (`07`), a digit on both sides of a decimal point.
    let digits = text.drop { $0 == "-" }
    let malformed =
      (digits.count > 1 && digits.first == "0" && digits.dropFirst().first.map(\.isNumber) == true)
      || digits.first == "." || text.contains(".e") || text.contains(".E") || text.hasSuffix(".")
    guard !malformed, let value = Double(text), value.isFinite else {
      index = start
      throw error(
        "\(text) is not a number"
          + (malformed
            ? " as JSON writes them (no leading zeros; a digit on each side of a decimal point)" : ""))
    }
    return .number(value)
  }

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    var run: [UInt8] = []
    func flush() {
      if !run.isEmpty {
        scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
        run.removeAll(keepingCapacity: true)
      }
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        flush()
        return String(scalars)
      }
      if byte < 0x20 { throw error("a string may not hold a raw line break or control character") }
      if byte == UInt8(ascii: "\\") {
        flush()
        guard index + 1 < bytes.count else { break }
        let escape = bytes[index + 1]
        index += 2
        switch escape {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{8}")
        case UInt8(ascii: "f"): scalars.append("\u{C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          guard index + 4 <= bytes.count,
            let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
          else { throw error("\\u must be followed by four hex digits") }
          index += 4
          scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        default: throw error("unknown escape \\\(Character(Unicode.Scalar(escape)))")
        }
        continue
      }
      run.append(byte)
      index += 1
    }
    throw error("a string is not closed (missing \")")
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    guard depth <= Self.maximumDepth else {
      throw error("lists and objects are nested more than \(Self.maximumDepth) levels deep")
    }
  }

  private mutating func parseArray(path: String) throws(JSONSyntaxError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1
    var items: [JSONValue] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array([])
    }
    while true {
      skipSpace()
      let itemPath = "\(path)[\(items.count)]"
      lines[itemPath] = line
      items.append(try parseValue(path: itemPath))
      skipSpace()
      guard index < bytes.count else { throw error("a list is not closed (missing ])") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      throw error("expected , or ] in a list")
    }
  }

  private mutating func parseObject(path: String) throws(JSONSyntaxError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object([])
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a key in double quotes")
      }
      let key = try parseString()
      let memberPath = path.isEmpty ? key : "\(path).\(key)"
      if members.contains(where: { $0.key == key }) { throw error("the key \"\(key)\" appears twice") }
      lines[memberPath] = line
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected : after a key")
      }
      index += 1
      skipSpace()
      members.append((key, try parseValue(path: memberPath)))
      skipSpace()
      guard index < bytes.count else { throw error("an object is not closed (missing })") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      throw error("expected , or } in an object")
    }
  }
}
