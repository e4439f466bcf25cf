/// Why one record was refused: the column at fault, its value, the rule and the fix.
public struct FieldProblem: Error, Equatable, Sendable {
  public var column: String
  public var value: String
  public var reason: String
  public var fix: String
  /// The record's other problems, one per column, when it broke more than one rule: reported
  /// together so that the record is fixed once.
  public var others: [FieldProblem] = []

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
