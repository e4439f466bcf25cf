import Testing

@Test func eligibilityHelpListsOnlyTheFormatsItAccepts() throws {
  let help = try CommandRunner.run(["eligibility", "--help"])
  #expect(help.status == 0)
  let flattened = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  #expect(
    flattened.contains("--format <format> Output format: table, json or csv. (values: table, json, csv;"))
  #expect(!help.stdout.contains("markdown"))
  let markdown = try CommandRunner.run(["eligibility", "datasets/sample", "--format", "markdown"])
  #expect(markdown.status == 1)
  #expect(markdown.stderr.contains("Please provide one of 'table', 'json' or 'csv'."))
  for format in ["table", "json", "csv"] {
    let result = try CommandRunner.run(
      ["eligibility", "datasets/sample", "--as-of", "2026-11-25", "--format", format])
    #expect(result.status == 0, "\(format): \(result.stderr)")
  }
}
