import SupplierTrustScoring
import Testing

@testable import SupplierTrustReport

/// Splits RFC 4180 CSV into rows of cells (quoted cells may hold commas, quotes and newlines).
func csvRows(_ text: String) -> [[String]] {
  let chars = Array(text)
  var rows: [[String]] = []
  var row: [String] = []
  var cell = ""
  var quoted = false
  var i = 0
  while i < chars.count {
    let ch = chars[i]
    i += 1
    if quoted {
      if ch != "\"" {
        cell.append(ch)
      } else if i < chars.count && chars[i] == "\"" {
        cell.append("\"")
        i += 1
      } else {
        quoted = false
      }
      continue
    }
    switch ch {
    case "\"": quoted = true
    case ",":
      row.append(cell)
      cell = ""
    case "\n", "\r\n":
      rows.append(row + [cell])
      row = []
      cell = ""
    default: cell.append(ch)
    }
  }
  if !cell.isEmpty || !row.isEmpty { rows.append(row + [cell]) }
  return rows
}

@Suite struct EligibilityOutputTests {
  @Test func everyCSVRowHasACellPerHeaderColumn() throws {
    let f = ReportFixture.ordinary(count: 12)
    let orders = EligibilityChecker(asOf: f.asOf).check(f.catalog)
    #expect(!orders.isEmpty)
    let rows = csvRows(EligibilityOutput.csv(orders, asOf: f.asOf))
    let header = try #require(rows.first)
    #expect(header == EligibilityOutput.csvHeader)
    #expect(rows.count == orders.count + 1)
    for (n, row) in rows.enumerated() {
      #expect(row.count == header.count, "row \(n) has \(row.count) cells, the header \(header.count)")
    }
    let last = try #require(rows.last)
    #expect(last[header.firstIndex(of: "as_of")!] == f.asOf.description)
    #expect(last[header.firstIndex(of: "policy_sha256")!] == Policy.default.hash)
  }
}
