/// Why a document could not be read, with where and what to do about it.
public struct XMLReadError: Error, Equatable, CustomStringConvertible {
  /// The kind of failure.
  public enum Code: String, Sendable {
    /// The bytes are not well-formed XML (mismatched tags, truncation, bad encoding, undefined entity).
    case malformed
    /// The document has a `<!DOCTYPE ...>` declaration, which is refused so that no DTD is ever read.
    case doctypeForbidden
    /// The document declares an entity, which is refused so that no entity is ever expanded.
    case entityForbidden
    /// The file could not be opened or read.
    case io
    /// Reserved for handlers that want to report their own failures in the same shape.
    case handler
  }

  /// The kind of failure.
  public let code: Code
  /// What went wrong, one sentence.
  public let message: String
  /// The document name (for ``XMLStreamParser/parseFile(atPath:handler:chunkSize:)``, the path).
  public let file: String
  /// The 1-based line of the failure; 0 when unknown.
  public let line: Int
  /// The 1-based column of the failure; 0 when unknown.
  public let column: Int
  /// What the user should do about it.
  public let fix: String

  /// Makes an error of kind `code` at `line`:`column` of `file` (0 for either when unknown), with the `fix` to suggest.
  public init(code: Code, message: String, file: String, line: Int, column: Int, fix: String) {
    self.code = code
    self.message = message
    self.file = file
    self.line = line
    self.column = column
    self.fix = fix
  }

  /// `file:line:column: message (fix: fix)`, on one line; the position is left out when unknown.
  public var description: String {
    var position = file
    if line > 0 {
      position += ":\(line)"
      if column > 0 { position += ":\(column)" }
    }
    return "\(position): \(message) (fix: \(fix))"
  }
}

extension XMLReadError {
  static let malformedFix =
    "correct the XML at the reported position; check that every start tag has a matching end tag "
    + "and that the file was not truncated"

  static func doctypeForbidden(file: String, line: Int, column: Int) -> XMLReadError {
    XMLReadError(
      code: .doctypeForbidden, message: "DOCTYPE declarations are not allowed in supplier catalogs",
      file: file, line: line, column: column,
      fix: "remove the <!DOCTYPE ...> declaration; the catalog format needs no DTD")
  }

  static func entityForbidden(file: String, line: Int, column: Int) -> XMLReadError {
    XMLReadError(
      code: .entityForbidden, message: "entity declarations are not allowed in supplier catalogs",
      file: file, line: line, column: column,
      fix: "remove the <!ENTITY ...> declarations and write the text out; only &amp; &lt; &gt; &quot; "
        + "&apos; and character references such as &#233; are supported")
  }
}
