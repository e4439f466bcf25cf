/// Why one record was refused: the column at fault, its value, the rule and the fix.
public struct FieldProblem: Error, Equatable, Sendable {
  public var column: String
  public var value: String
  public var reason: String
  public var fix: String

  public init(column: String, value: String, reason: String, fix: String) {
    self.column = column
    self.value = value
    self.reason = reason
    self.fix = fix
  }
}
