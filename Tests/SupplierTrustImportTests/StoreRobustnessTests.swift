import CSQLite
import Dispatch
import Foundation
import Testing

@testable import SupplierTrustStore

/// A store shared by processes, or damaged, fails with words that name it and what to do, and
/// is never made twice (black-box review 55).
@Suite struct StoreRobustnessTests {
  /// Many connections making one new store at once: each waits for the write lock and reads the
  /// schema version again under it, so the tables are made once ("table imports already exists"
  /// had failed one of two imports into a new store).
  @Test func storesOpenedAtOnceOnANewFileAreMadeOnce() throws {
    for _ in 0..<5 {
      let dir = try TempDir()
      defer { dir.remove() }
      let path = dir.file("new.sqlite")
      let failures = UnsafeFailures()
      DispatchQueue.concurrentPerform(iterations: 8) { _ in
        do {
          _ = try Store(path: path)
        } catch {
          failures.add("\(error)")
        }
      }
      #expect(failures.all.isEmpty, "\(failures.all)")
      #expect(try Store(path: path).userVersion() == Schema.migrations.count)
    }
  }

  @Test func aDamagedStoreIsNamedWithWhatToDo() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let path = dir.file("store.sqlite")
    do {
      let store = try Store(path: path)
      try store.connection.execute("CREATE TABLE filler (x BLOB)")
      for _ in 0..<64 { try store.connection.execute("INSERT INTO filler VALUES (randomblob(60000))") }
    }
    // Cut short in the middle, as a copy that did not finish leaves it.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
    var message = "opened"
    do {
      let store = try Store(path: path)
      _ = try store.connection.execute("SELECT count(*) FROM filler")
      try store.connection.execute("PRAGMA integrity_check")
    } catch {
      message = "\(error)"
    }
    #expect(message.contains("the store \(path) is damaged (SQLite: "), "\(message)")
    #expect(
      message.hasSuffix(
        "; restore it from a backup, or import the catalog into a new store (--db NEW.sqlite)"),
      "\(message)")
  }

  @Test func aLockedStoreSaysWhoToWaitFor() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let connection = try SQLiteConnection(path: dir.file("s.sqlite"))
    for code in [SQLITE_BUSY, SQLITE_LOCKED, 517 /* SQLITE_BUSY_SNAPSHOT */] {
      let error = connection.described(code, message: "database is locked", context: "BEGIN IMMEDIATE")
      #expect(
        error.description
          == "store error (BEGIN IMMEDIATE): the store \(dir.file("s.sqlite")) is in use by another process (another supplier-trust import, most likely)\(code == SQLITE_BUSY ? " and stayed locked for 30 s" : ""); wait for that process to finish, then run this command again"
      )
    }
    let other = connection.described(SQLITE_CONSTRAINT, message: "UNIQUE constraint failed", context: "x")
    #expect(other.description == "store error (x): UNIQUE constraint failed")
  }
}

/// Errors collected from concurrent work.
private final class UnsafeFailures: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func add(_ item: String) {
    lock.lock()
    items.append(item)
    lock.unlock()
  }
  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}
