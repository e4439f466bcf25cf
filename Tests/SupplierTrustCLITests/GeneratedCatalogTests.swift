import Foundation
import SupplierTrustStore
import Testing

/// A generated catalog with planted bad records: every bad record is reported at the file, line
/// and column its manifest names, and every other record is stored.
@Test(arguments: [false, true])
func plantedBadRecordsAreAllReportedAndTheRestStored(xml: Bool) throws {
  let dir = try CommandRunner.temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let out = dir.appendingPathComponent("catalog").path
  let generated = try CommandRunner.run(
    ["generate", "--size", "S", "--seed", "3", "--bad-records", "0.02", "--out", out] + (xml ? ["--xml"] : [])
  )
  #expect(generated.status == 0, "stderr: \(generated.stderr)")
  // "path  kind  N records  B bytes" for each file written.
  let totalRecords = generated.stdout.split(separator: "\n").compactMap { line -> Int? in
    let words = line.split(separator: " ", omittingEmptySubsequences: true)
    guard let index = words.firstIndex(of: "records"), index > 0 else { return nil }
    return Int(words[index - 1])
  }.reduce(0, +)
  #expect(totalRecords > 40_000)

  let db = dir.appendingPathComponent("store.sqlite").path
  let imported = try CommandRunner.run(["import", "--db", db, "--format", "json", "--no-reject-files", out])
  #expect(imported.status == 2, "stderr tail: \(imported.stderr.suffix(500))")
  let summary = try #require(JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])
  let rejects = try #require(summary["rejects"] as? [[String: Any]])
  struct Place: Hashable {
    let file: String
    let line: Int
    let column: String
  }
  let reported = Set(
    rejects.map {
      Place(
        file: (($0["file"] as? String) ?? "").split(separator: "/").last.map(String.init) ?? "",
        line: $0["line"] as? Int ?? 0, column: $0["column"] as? String ?? "")
    })
  let manifest = try String(contentsOfFile: out + "/expected-rejects.csv", encoding: .utf8)
  let expected = Set(
    manifest.split(separator: "\n").dropFirst().map { row in
      let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      return Place(file: cells[0], line: Int(cells[1]) ?? -1, column: cells[2])
    })
  #expect(expected.count > 500)
  #expect(reported == expected)
  #expect(rejects.count == expected.count)

  let store = try Store(path: db)
  let stored = try store.counts().values.reduce(0, +)
  #expect(stored == totalRecords - expected.count)
}

/// `--out` naming a file (not a folder) is said in words with what to do, not as "errno 20"
/// (black-box review 36).
@Test func generatingIntoAFileSaysToGiveAFolder() throws {
  let dir = try CommandRunner.temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let file = dir.appendingPathComponent("catalog.csv").path
  try "x\n".write(toFile: file, atomically: true, encoding: .utf8)
  let result = try CommandRunner.run(["generate", "--size", "S", "--out", file])
  #expect(result.status == 1)
  #expect(
    result.stderr
      == "error: cannot write the catalog to \(file): cannot create the folder \(file) (Not a directory); --out names a folder to create or fill, and this is a file (or lies under one): give a folder path\n"
  )
  #expect(try String(contentsOfFile: file, encoding: .utf8) == "x\n")
}

/// A folder that already holds catalog files is not written over without `--overwrite`
/// (black-box review 65: a user's own catalog was replaced without a word).
@Test func generatingIntoAFolderWithACatalogNeedsOverwrite() throws {
  let dir = try CommandRunner.temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: dir) }
  let mine = dir.appendingPathComponent("suppliers.csv")
  try "supplier_id,name,country\nMINE,Mine,CN\n".write(to: mine, atomically: true, encoding: .utf8)
  let refused = try CommandRunner.run(["generate", "--size", "S", "--out", dir.path])
  #expect(refused.status == 1)
  #expect(
    refused.stderr
      == "error: \(dir.path) already holds catalog files (suppliers.csv), which generating would replace or mix with\n  fix: pass --out with a new or empty folder, or add --overwrite to replace them\n"
  )
  #expect(try String(contentsOf: mine, encoding: .utf8) == "supplier_id,name,country\nMINE,Mine,CN\n")
  let replaced = try CommandRunner.run(["generate", "--size", "S", "--out", dir.path, "--overwrite"])
  #expect(replaced.status == 0)
  #expect(try String(contentsOf: mine, encoding: .utf8).hasPrefix("supplier_id,name,"))
  #expect(!(try String(contentsOf: mine, encoding: .utf8).contains("MINE")))
  // Replaced by XML, the CSV catalog goes: the folder holds one catalog, not two (code review);
  // a file of the user's own stays, and is warned about.
  let own = dir.appendingPathComponent("notes.csv")
  try "a,b\n".write(to: own, atomically: true, encoding: .utf8)
  let xml = try CommandRunner.run(["generate", "--size", "S", "--xml", "--out", dir.path, "--overwrite"])
  #expect(xml.status == 0)
  #expect(
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["catalog.xml", "notes.csv"])
  #expect(
    xml.stderr.contains(
      "warning: \(dir.path) also holds notes.csv, which commands reading the folder read with the catalog"))
}
