import SupplierTrustScoring
import Testing

@testable import SupplierTrustReport

/// The terminal table and the Markdown ranking: what reaches a terminal or a chat window as text.
@Suite struct TextOutputTests {
  static func list(_ f: ReportFixture, policy: Policy = .default) -> RankedList {
    RankedList(run: Scorer(policy: policy, asOf: f.asOf).score(f.catalog))
  }

  @Test func aPolicyNameCannotSendControlCharactersToTheTerminal() {
    var policy = Policy.default
    policy.name = "x\u{1B}[31m\u{7}red\u{9B}2J"
    let f = ReportFixture.ordinary(count: 3)
    let list = Self.list(f, policy: policy)
    let orders = EligibilityChecker(asOf: f.asOf).check(f.catalog)
    let outputs = [
      "table": ScoreOutput.table(list, colour: false),
      "markdown": ScoreOutput.markdown(list),
      "eligibility table": EligibilityOutput.table(orders, asOf: f.asOf, policy: policy, colour: false),
    ]
    for (name, text) in outputs {
      let controls = text.unicodeScalars.filter {
        ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
      }
      #expect(controls.isEmpty, "\(name) has \(controls.map { String($0.value, radix: 16) })")
      #expect(text.contains("x [31m red 2J"), "\(name) should still show the name, made inert")
    }
  }
}
