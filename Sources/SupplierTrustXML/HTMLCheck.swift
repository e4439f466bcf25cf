internal import CLibXML2

// xmlInitParser is not thread-safe before 2.10 unless called once up front; a global is initialized
// exactly once, atomically, on first use.
private let htmlParserInitialized: Void = xmlInitParser()

/// One attribute of an element as the parser read it (entities decoded).
public struct HTMLAttribute: Sendable, Equatable {
  /// The attribute's name as libxml2 reports it (``HTMLNode/attribute(_:)`` compares it in any case).
  public var name: String
  /// The decoded value; empty for a boolean attribute such as `hidden`.
  public var value: String

  /// An attribute called `name` with the decoded `value`.
  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}

/// One node of a parsed HTML document, in document order.
public struct HTMLNode: Sendable, Equatable {
  /// What sort of node it is: element, text or comment.
  public enum Kind: Sendable, Equatable {
    /// An element; `name` and `attributes` are set.
    case element
    /// Text (including the content of `script` and `style`); `text` is set.
    case text
    /// A comment; `text` is set.
    case comment
  }

  /// Whether the node is an element, text or a comment.
  public var kind: Kind
  /// Lower-case element name; empty for text and comments.
  public var name: String
  /// The element's attributes in document order; empty for text and comments.
  public var attributes: [HTMLAttribute]
  /// Decoded text of a text or comment node; empty for elements.
  public var text: String
  /// Index of the enclosing element in ``HTMLParseResult/nodes`` (nil at the top).
  public var parent: Int?
  /// Index just past this node's last descendant: its descendants are `index + 1 ..< end`.
  public var end: Int
  /// The line the node starts on (1-based).
  public var line: Int

  /// The value of the attribute `name` (any case), or nil when the element does not have it.
  public func attribute(_ name: String) -> String? {
    let wanted = name.lowercased()
    return attributes.first { $0.name.lowercased() == wanted }?.value
  }
}

/// A problem libxml2's HTML parser reported.
public struct HTMLParseIssue: Sendable, Equatable, CustomStringConvertible {
  /// The libxml2 error code (`xmlParserErrors`), e.g. 801 for an unknown tag.
  public var code: Int
  /// The line the problem was found on (1-based; 0 when the parser could not start).
  public var line: Int
  /// libxml2's message, trailing line breaks and spaces removed.
  public var message: String
  /// For an unknown tag: the tag's name. libxml2 2.9 knows HTML 4 only, so HTML5 elements
  /// (`section`, `nav`, ...) and inline SVG report this without being wrong.
  public var unknownTag: String?
  /// Warnings do not make a document malformed.
  public var isWarning: Bool

  /// `line N: message (code C)`.
  public var description: String { "line \(line): \(message) (code \(code))" }
}

/// A parsed HTML document: every node in document order and every problem the parser reported.
public struct HTMLParseResult: Sendable {
  /// Every element, text and comment node in document order; indices into this array link nodes.
  public var nodes: [HTMLNode]
  /// Every problem the parser reported, warnings and unknown tags included.
  public var issues: [HTMLParseIssue]

  /// Issues other than unknown tags: what makes a document not parse cleanly.
  public var errors: [HTMLParseIssue] { issues.filter { $0.unknownTag == nil && !$0.isWarning } }

  /// Names of the tags the parser did not know (HTML5 and SVG element names with libxml2 2.9).
  public var unknownTags: Set<String> { Set(issues.compactMap(\.unknownTag)) }

  /// Indices of the elements called `name` (lower case), in document order.
  public func elements(named name: String) -> [Int] {
    nodes.indices.filter { nodes[$0].kind == .element && nodes[$0].name == name }
  }

  /// The text of the node and all its descendants, in document order (comments left out).
  public func textContent(of index: Int) -> String {
    let node = nodes[index]
    if node.kind == .text { return node.text }
    var out = ""
    for i in (index + 1)..<node.end where nodes[i].kind == .text { out += nodes[i].text }
    return out
  }

  /// The indices of the element's ancestors, nearest first.
  public func ancestors(of index: Int) -> [Int] {
    var out: [Int] = []
    var current = nodes[index].parent
    while let p = current {
      out.append(p)
      current = nodes[p].parent
    }
    return out
  }
}

/// Parses HTML with libxml2's (forgiving, HTML 4 era) parser and hands back plain Swift values,
/// for checks on generated reports: parse errors, elements, attributes and text.
///
/// Nothing is fetched: the parser is told not to use the network, and no tree is built in C (the
/// SAX events are copied into Swift values as they arrive and the parser context is freed before
/// returning).
public enum HTMLCheck {
  /// Parses `html` into its nodes and the problems the parser reported, without using the network.
  public static func parse(_ html: String) -> HTMLParseResult {
    _ = htmlParserInitialized
    var bytes = Array(html.utf8)
    if bytes.isEmpty { return HTMLParseResult(nodes: [], issues: []) }
    let collector = HTMLCollector()
    bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        guard let context = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else {
          collector.issues.append(
            HTMLParseIssue(
              code: -1, line: 0, message: "libxml2 could not allocate a parser context", unknownTag: nil,
              isWarning: false))
          return
        }
        defer {
          if let doc = context.pointee.myDoc {
            xmlFreeDoc(doc)
            context.pointee.myDoc = nil
          }
          context.pointee.userData = nil
          htmlFreeParserCtxt(context)
        }
        _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        _ = htmlCtxtUseOptions(context, Int32(HTML_PARSE_NONET.rawValue))
        context.pointee.sax.pointee = makeHTMLSAXHandler()
        collector.context = context
        context.pointee.userData = Unmanaged.passUnretained(collector).toOpaque()
        let saved = CLibXML2_silenceGenericErrors()
        _ = htmlParseDocument(context)
        CLibXML2_restoreGenericErrors(saved)
        collector.context = nil
      }
    }
    collector.closeAll()
    return HTMLParseResult(nodes: collector.nodes, issues: collector.issues)
  }
}

private final class HTMLCollector {
  var nodes: [HTMLNode] = []
  var issues: [HTMLParseIssue] = []
  var open: [Int] = []
  var context: htmlParserCtxtPtr?

  var line: Int { Int(context?.pointee.input?.pointee.line ?? 0) }

  func start(_ name: String, _ attributes: [HTMLAttribute]) {
    nodes.append(
      HTMLNode(
        kind: .element, name: name.lowercased(), attributes: attributes, text: "", parent: open.last,
        end: nodes.count + 1, line: line))
    open.append(nodes.count - 1)
  }

  func end(_ name: String) {
    let lower = name.lowercased()
    // libxml2 closes elements in order; close up to the matching one should it ever skip.
    guard let position = open.lastIndex(where: { nodes[$0].name == lower }) else { return }
    while open.count > position {
      let i = open.removeLast()
      nodes[i].end = nodes.count
    }
  }

  func leaf(_ kind: HTMLNode.Kind, _ text: String) {
    if kind == .text, let last = nodes.indices.last, nodes[last].kind == .text,
      nodes[last].parent == open.last
    {
      nodes[last].text += text
      nodes[last].end = nodes.count
      return
    }
    nodes.append(
      HTMLNode(
        kind: kind, name: "", attributes: [], text: text, parent: open.last, end: nodes.count + 1, line: line)
    )
  }

  func closeAll() {
    while let i = open.popLast() { nodes[i].end = nodes.count }
  }
}

@inline(__always)
private func withCollector(_ context: UnsafeMutableRawPointer?, _ body: (HTMLCollector) -> Void) {
  guard let context else { return }
  Unmanaged<HTMLCollector>.fromOpaque(context)._withUnsafeGuaranteedRef(body)
}

private func string(_ bytes: UnsafePointer<xmlChar>?, count: Int32) -> String {
  guard let bytes, count > 0 else { return "" }
  return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(count)), as: UTF8.self)
}

private func string(_ text: UnsafePointer<xmlChar>?) -> String {
  guard let text else { return "" }
  return String(cString: text)
}

private func makeHTMLSAXHandler() -> xmlSAXHandler {
  var sax = xmlSAXHandler()
  // The magic number makes libxml2 report through `serror` (structured errors with codes).
  sax.initialized = XML_SAX2_MAGIC
  CLibXML2_silenceSAXHandler(&sax)
  sax.startElement = { context, name, attributes in
    var list: [HTMLAttribute] = []
    if let attributes {
      var i = 0
      while let name = attributes[i] {
        list.append(HTMLAttribute(name: String(cString: name), value: string(attributes[i + 1])))
        i += 2
      }
    }
    let tag = string(name)
    withCollector(context) { $0.start(tag, list) }
  }
  sax.endElement = { context, name in
    let tag = string(name)
    withCollector(context) { $0.end(tag) }
  }
  sax.characters = { context, bytes, count in
    let text = string(bytes, count: count)
    withCollector(context) { $0.leaf(.text, text) }
  }
  sax.cdataBlock = sax.characters
  sax.ignorableWhitespace = sax.characters
  sax.comment = { context, text in
    let value = string(text)
    withCollector(context) { $0.leaf(.comment, value) }
  }
  // Nothing is ever loaded from outside the document.
  sax.resolveEntity = { _, _, _ in nil }
  sax.serror = { context, error in
    guard let error else { return }
    let e = error.pointee
    var message = e.message.map { String(cString: $0) } ?? "unknown error"
    while message.last == "\n" || message.last == " " { message.removeLast() }
    let code = Int(e.code)
    let unknown =
      code == Int(XML_HTML_UNKNOWN_TAG.rawValue) ? e.str1.map { String(cString: $0).lowercased() } : nil
    let issue = HTMLParseIssue(
      code: code, line: Int(e.line), message: message, unknownTag: unknown,
      isWarning: e.level == XML_ERR_WARNING)
    withCollector(context) { $0.issues.append(issue) }
  }
  return sax
}
