/// Why one record was refused: the column at fault, its value, the rule and the fix.
public struct FieldProblem: Error, Equatable, Sendable {
  /// The contract's name of the column at fault (`supplier_id` for XML's `id` too); empty for the whole record.
  public var column: String
  /// The offending value as read.
  public var value: String
  /// Which rule the value broke.
  public var reason: String
  /// How to correct the value.
  public var fix: String
  /// The record's other problems, one per column, when it broke more than one rule: reported
  /// together so that the record is fixed once.
  public var others: [FieldProblem] = []

  /// Makes a problem of `column` holding `value`, with the rule it broke and the fix; no others.
  public init(column: String, value: String, reason: String, fix: String) {
    self.column = column
    self.value = value
    self.reason = reason
    self.fix = fix
  }

  /// This problem with the record's others from `all` (every problem found, this one first).
  func with(_ all: [FieldProblem]) -> FieldProblem {
    var problem = self
    problem.others = all.filter { $0.column != column }
    return problem
  }
}
