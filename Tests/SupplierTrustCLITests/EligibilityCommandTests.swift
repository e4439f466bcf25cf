import Testing

@Test func eligibilityHelpListsOnlyTheFormatsItAccepts() throws {
  let help = try CommandRunner.run(["eligibility", "--help"])
  #expect(help.status == 0)
  let flattened = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  #expect(
    flattened.contains(
      "--format <format> Output format: table, json, csv or markdown. (values: table, json, csv, markdown;"))
  let html = try CommandRunner.run(["eligibility", "datasets/sample", "--format", "html"])
  #expect(html.status == 1)
  #expect(html.stderr.contains("Please provide one of 'table', 'json', 'csv' or 'markdown'."))
  for format in ["table", "json", "csv", "markdown"] {
    let result = try CommandRunner.run(
      ["eligibility", "datasets/sample", "--as-of", "2026-11-25", "--format", format])
    #expect(result.status == 0, "\(format): \(result.stderr)")
  }
}
