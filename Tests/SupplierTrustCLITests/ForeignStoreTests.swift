import CSQLite
import Foundation
import Testing

/// `--db` may name any file: another program's SQLite database must be refused, not read as an
/// empty store or given this tool's tables.
@Suite struct ForeignStoreTests {
  /// Runs `sql` on a new SQLite file at `path`.
  func sqlite(_ path: String, _ sql: String) throws {
    var handle: OpaquePointer?
    try #require(sqlite3_open(path, &handle) == SQLITE_OK)
    defer { sqlite3_close(handle) }
    try #require(sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK)
  }

  /// The names of the tables in the file and its user_version.
  func contents(_ path: String) throws -> (tables: [String], version: Int32) {
    var handle: OpaquePointer?
    try #require(sqlite3_open(path, &handle) == SQLITE_OK)
    defer { sqlite3_close(handle) }
    var tables: [String] = []
    var statement: OpaquePointer?
    sqlite3_prepare_v2(
      handle, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &statement, nil)
    while sqlite3_step(statement) == SQLITE_ROW {
      tables.append(String(cString: sqlite3_column_text(statement, 0)))
    }
    sqlite3_finalize(statement)
    sqlite3_prepare_v2(handle, "PRAGMA user_version", -1, &statement, nil)
    sqlite3_step(statement)
    let version = sqlite3_column_int(statement, 0)
    sqlite3_finalize(statement)
    return (tables, version)
  }

  /// A folder given as the store: SQLite's "disk I/O error" named neither the folder nor the fix
  /// (black-box review 37).
  @Test(arguments: [["rank"], ["import", "datasets/sample"]])
  func aFolderIsRefusedWithTheFileNameToGive(command: [String]) throws {
    let dir = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let arguments = command.map { $0.hasPrefix("datasets") ? root.appendingPathComponent($0).path : $0 }
    let result = try CommandRunner.run(arguments + ["--db", dir.path], in: dir)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "error: store error (opening \(dir.path)): \(dir.path) is a folder, not a store file; give the store's file name, e.g. --db \(dir.path)/supplier-trust.sqlite\n"
    )
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  /// Refused whether or not it sets a schema version of its own (black-box review 89 got "no such
  /// table: imports" from one at version 3).
  @Test(
    arguments: [["rank"], ["score"], ["report", "--out", "r.html"], ["import", "datasets-none"]], [0, 3, 42])
  func anotherProgramsDatabaseIsRefusedAndLeftUnchanged(command: [String], version: Int) throws {
    let dir = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let db = dir.appendingPathComponent("books.sqlite").path
    try sqlite(
      db,
      "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5); PRAGMA user_version = \(version)"
    )
    var arguments = command
    if command.first == "import" {
      let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/sample").path
      arguments = ["import", sample]
    }
    let result = try CommandRunner.run(arguments + ["--db", db], in: dir)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "\(db) is an SQLite database of another program, not a SupplierTrust store (it holds tables invoices)"
      ))
    #expect(
      result.stderr.contains("pass the --db PATH of a SupplierTrust store, or a new file name to start one"))
    let after = try contents(db)
    #expect(after.tables == ["invoices"])
    #expect(after.version == version)
  }

  @Test func aFileThatIsNotADatabaseIsNamedWithAFix() throws {
    let dir = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let db = dir.appendingPathComponent("junk.sqlite")
    try Data("not a database, just text\n".utf8).write(to: db)
    let result = try CommandRunner.run(["score", "--db", db.path], in: dir)
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(db.path) is not a SupplierTrust store (not an SQLite database)"))
    #expect(result.stderr.contains("pass another --db PATH, or move the file away"))
  }
}

@Suite struct EmptyResultTests {
  @Test func aRankingThatAdmitsNobodySaysWhichFilterExcludedEveryone() throws {
    let result = try CommandRunner.run([
      "rank", "datasets/sample", "--as-of", "2026-11-25", "--require", "SA8000", "--country", "CN",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains("No supplier matches"))
    #expect(
      result.stderr.contains(
        "note: no supplier has a valid SA8000 certificate (each filter on its own admits: a valid SA8000 certificate: 0 of"
      ))
    #expect(result.stderr.contains("; country CN: "))
  }

  @Test func aReportCannotBeWrittenOverAFolder() throws {
    let dir = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("datasets/sample").path
    let result = try CommandRunner.run(
      ["report", sample, "--as-of", "2026-11-25", "--out", dir.path], in: dir)
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot write the report to \(dir.path): it is a folder"))
    #expect(result.stderr.contains("fix: pass --out with a file name"))
  }

  /// A folder of the path that is a file is said as such (black-box review 36 read "A file with
  /// the same name already exists" and was told to check that the folder is writable).
  @Test func aReportUnderAFileSaysSo() throws {
    let dir = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("datasets/sample").path
    let blocker = dir.appendingPathComponent("notadir").path
    try "x\n".write(toFile: blocker, atomically: true, encoding: .utf8)
    let out = blocker + "/report.html"
    let result = try CommandRunner.run(["report", sample, "--as-of", "2026-11-25", "--out", out], in: dir)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "error: cannot write the report to \(out): cannot make the folder \(blocker) (Not a directory)\n  fix: a file stands where a folder of the path should be; pass --out with another path\n"
    )
  }
}
