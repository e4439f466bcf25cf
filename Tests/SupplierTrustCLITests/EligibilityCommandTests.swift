import Foundation
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

/// What black-box review 16 found `eligibility` passing over in silence: an orders file without a
/// required column, an order asked for by id that was rejected, an unknown supplier filter, a
/// catalog without orders, and the same order in two files.
@Test func eligibilityNeverPassesOverMissingOrdersInSilence() throws {
  let folder = try CommandRunner.temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: folder) }
  let write = { (name: String, text: String) throws in try writeFile(name, text, in: folder) }
  let suppliers = "supplier_id,name,country,trade_assurance,ta_limit_usd\nS-1,One,CN,true,50000\n"
  try write("a/suppliers.csv", suppliers)
  try write(
    "a/orders.csv",
    "order_id,supplier_id,order_date,amount_usd,payment_method,trade_assurance\n"
      + "O-1,S-1,2026-10-01,1000.00,paypal,true\nO-2,S-GHOST,2026-10-02,500.00,paypal,true\n")
  // Without amount_usd the file is still an orders file, and the missing column is an error.
  try write("b/suppliers.csv", suppliers)
  try write("b/orders.csv", "order_id,supplier_id,order_date,payment_method\nO-1,S-1,2026-10-01,paypal\n")
  try write(
    "c/orders.csv",
    "order_id,supplier_id,order_date,amount_usd,payment_method,trade_assurance\n"
      + "O-1,S-1,2026-10-01,1000.00,western_union,true\n")
  try write("d/suppliers.csv", suppliers)

  let missing = try CommandRunner.run(["eligibility", "b", "--as-of", "2026-11-25"], in: folder)
  #expect(missing.status == 1)
  #expect(missing.stderr.contains("b/orders.csv:1"), "\(missing.stderr)")
  #expect(missing.stderr.contains("the orders header lacks the required column amount_usd"))

  let rejected = try CommandRunner.run(
    ["eligibility", "a", "--as-of", "2026-11-25", "--order", "O-2"], in: folder)
  #expect(rejected.status == 1)
  #expect(
    rejected.stderr.contains(
      "order O-2 was rejected when its file was read: supplier_id S-GHOST is not a known supplier"),
    "\(rejected.stderr)")
  #expect(rejected.stderr.contains("--> a/orders.csv:3:"))

  let later = try CommandRunner.run(
    ["eligibility", "a", "--as-of", "2026-09-01", "--order", "O-1"], in: folder)
  #expect(later.status == 1)
  #expect(later.stderr.contains("order O-1 was placed on 2026-10-01, after the as-of day 2026-09-01"))

  let nobody = try CommandRunner.run(
    ["eligibility", "a", "--as-of", "2026-11-25", "--supplier", "S-NOPE"], in: folder)
  #expect(nobody.status == 1)
  #expect(nobody.stderr.contains("no supplier S-NOPE in the catalog"))

  // The order exists, but not among the supplier's: said, not an empty list (black-box review 79).
  try write("e/suppliers.csv", suppliers + "S-2,Two,CN,true,50000\n")
  try write(
    "e/orders.csv",
    "order_id,supplier_id,order_date,amount_usd,payment_method,trade_assurance\n"
      + "O-1,S-1,2026-10-01,1000.00,paypal,true\n")
  let crossed = try CommandRunner.run(
    ["eligibility", "e", "--as-of", "2026-11-25", "--order", "O-1", "--supplier", "S-2"], in: folder)
  #expect(crossed.status == 1)
  #expect(
    crossed.stderr.contains("order O-1 is of supplier S-1, not of S-2 (--supplier)"), "\(crossed.stderr)")

  let empty = try CommandRunner.run(["eligibility", "d", "--as-of", "2026-11-25"], in: folder)
  #expect(empty.status == 0)
  #expect(empty.stderr.contains("warning: no orders were read"))

  // The second file's O-1 replaces the first's, and says so.
  let twice = try CommandRunner.run(
    ["eligibility", "a", "c/orders.csv", "--as-of", "2026-11-25", "--format", "json"], in: folder)
  #expect(twice.status == 0)
  #expect(
    twice.stderr.contains(
      "warning: order O-1 (a/orders.csv:2) appears in more than one file; the last file read is used (c/orders.csv:2)"
    ),
    "\(twice.stderr)")
  #expect(twice.stdout.contains("\"protected\": false"))
}

/// Files read directly are read without the store (black-box reviews 78 and 79): orders of
/// suppliers only the store holds are all rejected, which fails the command instead of printing
/// an empty list with exit 0; the warning shows the first rejection and says that `check`, which
/// looks suppliers up in the store, will not list those; and `--db` with paths is refused rather
/// than ignored.
@Test func filesReadWithoutTheirSuppliersFailAndSayWhy() throws {
  let folder = try CommandRunner.temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: folder) }
  try writeFile(
    "s/suppliers.csv", "supplier_id,name,country,trade_assurance,ta_limit_usd\nS-1,One,CN,true,50000\n",
    in: folder)
  try writeFile(
    "o/orders.csv",
    "order_id,supplier_id,order_date,amount_usd,payment_method,trade_assurance\n"
      + "O-1,S-1,2026-10-01,1000.00,paypal,true\n", in: folder)
  let imported = try CommandRunner.run(["import", "s", "--no-reject-files"], in: folder)
  #expect(imported.status == 0, "\(imported.stderr)")

  let orders = try CommandRunner.run(["eligibility", "o", "--as-of", "2026-11-25"], in: folder)
  #expect(orders.status == 1)
  #expect(orders.stdout.isEmpty)
  #expect(
    orders.stderr.contains(
      "warning: 1 rejected record was left out; run `supplier-trust check o` to see them (but for the 1 naming suppliers these files do not hold: `check` also looks suppliers up in the store supplier-trust.sqlite, and files given are read without it;"
    ), "\(orders.stderr)")
  #expect(orders.stderr.contains("error: supplier_id S-1 is not a known supplier\n --> o/orders.csv:2:"))
  #expect(orders.stderr.contains("no supplier profile was read from o, so nothing could be scored or judged"))

  let scored = try CommandRunner.run(["score", "o", "--as-of", "2026-11-25"], in: folder)
  #expect(scored.status == 1)

  // With the suppliers' file among the paths the same orders are judged.
  let both = try CommandRunner.run(
    ["eligibility", "s", "o", "--as-of", "2026-11-25", "--format", "json"], in: folder)
  #expect(both.status == 0, "\(both.stderr)")
  #expect(both.stdout.contains("\"order_id\": \"O-1\""))

  let twoSources = try CommandRunner.run(
    ["eligibility", "o", "--db", "supplier-trust.sqlite", "--as-of", "2026-11-25"], in: folder)
  #expect(twoSources.status == 1)
  #expect(
    twoSources.stderr.contains(
      "--db supplier-trust.sqlite names the store to read, and o files to read instead of a store; give one"),
    "\(twoSources.stderr)")
}

/// From the store, an order rejected at import is named with its place and reason, as it is when
/// the files are read (black-box review 46: the store kept no rejections, and the hint was the
/// generic one); a file rolled back keeps none, and a corrected import makes the order known.
@Test func eligibilityFromTheStoreNamesAnOrderRejectedAtImport() throws {
  let folder = try CommandRunner.temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: folder) }
  let write = { (name: String, text: String) throws in try writeFile(name, text, in: folder) }
  let header = "order_id,supplier_id,order_date,amount_usd,payment_method,trade_assurance\n"
  try write(
    "a/suppliers.csv", "supplier_id,name,country,trade_assurance,ta_limit_usd\nS-1,One,CN,true,50000\n")
  try write(
    "a/orders.csv", header + "O-1,S-1,2026-10-01,1000.00,paypal,true\nO-2,S-1,2026-10-02,5x0.00,paypal,true\n"
  )
  let imported = try CommandRunner.run(["import", "a", "--db", "st.sqlite"], in: folder)
  // Exit 2: stored, with a record rejected.
  #expect(imported.status == 2, "\(imported.stderr)")

  let rejected = try CommandRunner.run(
    ["eligibility", "--db", "st.sqlite", "--as-of", "2026-11-25", "--order", "O-2"], in: folder)
  #expect(rejected.status == 1)
  #expect(
    rejected.stderr
      == """
      error: order O-2 was rejected when its file was imported: amount_usd must be a plain US-dollar amount
        --> a/orders.csv:3:20
        fix: write digits with a decimal point and no thousands separators or currency signs, e.g. 25000.00; then import the corrected file again

      """, "\(rejected.stderr)")

  // --strict stops at the first rejected record and rolls its file back, rejection and all.
  try write("b/orders.csv", header + "O-3,S-1,2026-10-03,7y0.00,paypal,true\n")
  let strict = try CommandRunner.run(["import", "b/orders.csv", "--db", "st.sqlite", "--strict"], in: folder)
  #expect(strict.status != 0)
  let never = try CommandRunner.run(
    ["eligibility", "--db", "st.sqlite", "--as-of", "2026-11-25", "--order", "O-3"], in: folder)
  #expect(never.status == 1)
  #expect(never.stderr.contains("no order O-3 in the catalog"), "\(never.stderr)")

  try write("c/orders.csv", header + "O-2,S-1,2026-10-02,500.00,paypal,true\n")
  #expect(try CommandRunner.run(["import", "c/orders.csv", "--db", "st.sqlite"], in: folder).status == 0)
  let fixed = try CommandRunner.run(
    ["eligibility", "--db", "st.sqlite", "--as-of", "2026-11-25", "--order", "O-2", "--format", "json"],
    in: folder)
  #expect(fixed.status == 0, "\(fixed.stderr)")
  #expect(fixed.stdout.contains("\"order_id\": \"O-2\""), "\(fixed.stdout)")
  #expect(!fixed.stderr.contains("warning"), "\(fixed.stderr)")

  // Broken again by a later import of the same file: the stored order is judged, with a warning
  // that it is out of date (black-box review 50).
  try write("c/orders.csv", header + "O-2,S-1,2026-10-02,5y0.00,paypal,true\n")
  #expect(try CommandRunner.run(["import", "c/orders.csv", "--db", "st.sqlite"], in: folder).status == 2)
  let stale = try CommandRunner.run(
    ["eligibility", "--db", "st.sqlite", "--as-of", "2026-11-25", "--order", "O-2"], in: folder)
  #expect(stale.status == 0, "\(stale.stderr)")
  #expect(
    stale.stderr.hasPrefix(
      "warning: order O-2 is judged as stored by an earlier import; a later import of c/orders.csv rejected it: amount_usd must be a plain US-dollar amount\n  --> c/orders.csv:2:20\n"
    ), "\(stale.stderr)")
}

/// Writes `text` to `name` inside `folder`, making the folders on the way.
private func writeFile(_ name: String, _ text: String, in folder: URL) throws {
  let url = folder.appendingPathComponent(name)
  try FileManager.default.createDirectory(
    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
  try text.write(to: url, atomically: true, encoding: .utf8)
}
