/// A tiny HTML builder that escapes by default, modelled on Plot's `Node` API (`.text` escapes,
/// `.raw` only when asked), written by hand rather than depending on Plot 0.14.0 because:
///
/// - Plot writes attribute values unescaped (`name="value"` as given), and its text escaping
///   leaves anything that looks like an entity (`&amp;`, `&#60;`) alone, so a supplier named
///   `&lt;b&gt;` would show as `<b>`. Every input string here is data and must show as itself.
/// - Plot builds a tree of closures and escapes character by character into new strings; a report
///   of 10,000 suppliers writes some 150,000 elements, which this writer appends straight into one
///   byte buffer.
///
/// Markup can only come from string literals: tag names, attribute names and `raw` take a
/// `StaticString`, so no input string can ever reach the output unescaped.
struct HTMLWriter {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 1 << 16) {
    bytes.reserveCapacity(capacity)
  }

  /// The document so far.
  var string: String { String(decoding: bytes, as: UTF8.self) }

  /// Markup written as is: only literals of this module.
  mutating func raw(_ markup: StaticString) {
    markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Text, escaped for element content and attribute values alike.
  mutating func text(_ value: String) {
    HTMLWriter.appendEscaped(value, to: &bytes)
  }

  /// `<tag a="v" ...>`; attributes with a nil value are left out, `""` writes a bare attribute.
  mutating func open(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
    bytes.append(UInt8(ascii: "<"))
    raw(tag)
    for (name, value) in attributes {
      guard let value else { continue }
      bytes.append(UInt8(ascii: " "))
      raw(name)
      if value.isEmpty { continue }
      bytes.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
      text(value)
      bytes.append(UInt8(ascii: "\""))
    }
    bytes.append(UInt8(ascii: ">"))
  }

  mutating func close(_ tag: StaticString) {
    bytes.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
    raw(tag)
    bytes.append(UInt8(ascii: ">"))
  }

  /// `<tag ...>text</tag>`.
  mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], text value: String
  ) {
    open(tag, attributes)
    text(value)
    close(tag)
  }

  /// `<tag ...>` children `</tag>`.
  mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:],
    _ body: (inout HTMLWriter) -> Void
  ) {
    open(tag, attributes)
    body(&self)
    close(tag)
  }

  /// An HTML void element (`meta`, `link`, `input`): no content and no end tag. Any other HTML
  /// element needs `element` (`<i/>` would leave an `<i>` open).
  mutating func void(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
    open(tag, attributes)
  }

  /// A childless SVG element (`rect`, `line`, `circle`, `polyline`), self-closed as SVG allows.
  mutating func svgLeaf(_ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) {
    open(tag, attributes)
    bytes.removeLast()
    bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: "/"), UInt8(ascii: ">")])
  }

  /// Appends `value` with `&`, `<`, `>`, `"` and `'` as character references. Control characters
  /// other than tab and line breaks (never valid in HTML text) become spaces. Bidirectional
  /// embeddings, overrides and isolates (U+202A...U+202E, U+2066...U+2069) are dropped: one in a
  /// supplier's name reversed the report's own words after it ("established 2005" read
  /// "5002 dehsilbatse", black-box review 28), and a name could pass for another.
  static func appendEscaped(_ value: String, to out: inout [UInt8]) {
    var value = value
    value.withUTF8 { utf8 in
      // Most strings need nothing: append them whole.
      if !utf8.contains(where: needsWork) {
        out.append(contentsOf: utf8)
        return
      }
      var i = 0
      while i < utf8.count {
        let byte = utf8[i]
        switch byte {
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
        case 0x09, 0x0A, 0x0D: out.append(byte)
        case 0x00..<0x20, 0x7F: out.append(UInt8(ascii: " "))
        case 0xC2 where i + 1 < utf8.count && (0x80...0x9F).contains(utf8[i + 1]):
          // C1 control characters (U+0080...U+009F).
          out.append(UInt8(ascii: " "))
          i += 1
        case 0xE2
        where i + 2 < utf8.count
          && ((utf8[i + 1] == 0x80 && (0xAA...0xAE).contains(utf8[i + 2]))
            || (utf8[i + 1] == 0x81 && (0xA6...0xA9).contains(utf8[i + 2]))):
          i += 2
        default: out.append(byte)
        }
        i += 1
      }
    }
  }

  private static func needsWork(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
      0x00..<0x20, 0x7F, 0xC2, 0xE2:
      return true
    default: return false
    }
  }

  /// `value` escaped, as a string (for tests and for building attribute values).
  static func escaped(_ value: String) -> String {
    var out: [UInt8] = []
    appendEscaped(value, to: &out)
    return String(decoding: out, as: UTF8.self)
  }
}
