import Foundation
import SupplierTrustModel
import Testing

@testable import SupplierTrustImport
@testable import SupplierTrustStore

/// Imports write SQLite's cache out to the store file while a file's transaction is open (so the
/// disk can take the pages before the commit); none of that may show unless the file commits.
@Suite struct WritebackTests {
  /// Small pieces, so that records reach the store in many groups (a write-out comes after one).
  static var smallBatches: ImportOptions {
    var options = ImportOptions()
    options.xmlBatchSize = 16
    options.csvChunkSize = 512
    return options
  }

  /// A store whose cache (two pages) spills at once, as a large import's does, and that writes its
  /// cache out every 8 rows from then on.
  static func spillingStore(_ path: String) throws -> Store {
    let store = try Store(path: path)
    try store.connection.execute("PRAGMA cache_size = 2")
    store.rowsPerCacheFlush = 8
    return store
  }

  /// Suppliers, each with two reviews, and then (when `broken`) a malformed element.
  static func catalog(suppliers: Int, broken: Bool) -> String {
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<supplierCatalog>\n"
    for i in 0..<suppliers {
      xml += """
          <supplier id="BULK-\(i)"><name>Bulk \(i)</name><country>CN</country>
            <reviews>
              <review review_id="BR-\(i)-A" rating="5" review_date="2026-01-01"/>
              <review review_id="BR-\(i)-B" rating="4" review_date="2026-02-01"/>
            </reviews>
          </supplier>

        """
    }
    if broken { xml += "  <supplier id=\"LAST\"><name>Last</nme></supplier>\n" }
    return xml + "</supplierCatalog>\n"
  }

  @Test func aFailedImportLeavesTheStoreUnchangedAfterItsPagesWereWrittenOut() throws {
    try withTempDir { dir in
      let path = dir.file("store.sqlite")
      do {
        let store = try Self.spillingStore(path)
        _ = try importing(Sample.csvFiles, into: store)
        let before = try dumps(store)
        let flushesBefore = store.writebacksRequested
        let xml = try dir.write("catalog.xml", Self.catalog(suppliers: 300, broken: true))
        let report = try importing([xml], into: store, options: Self.smallBatches)
        #expect(report.failures.count == 1)
        // The failing file wrote its cache out many times before it failed.
        #expect(store.writebacksRequested - flushesBefore > 20)
        #expect(try dumps(store) == before)
        #expect(try store.imports().count == Sample.csvFiles.count)
      }
      // And so the file says, read afresh.
      let reopened = try Store(path: path, readOnly: true)
      #expect(try reopened.counts() == Sample.expectedCounts)
    }
  }

  @Test func recordsWrittenOutAlongTheWayAreStoredAsWithoutIt() throws {
    try withTempDir { dir in
      let xml = try dir.write("catalog.xml", Self.catalog(suppliers: 300, broken: false))
      let often = try Self.spillingStore(dir.file("often.sqlite"))
      let never = try Store(path: dir.file("never.sqlite"))
      never.rowsPerCacheFlush = .max
      for store in [often, never] {
        let report = try importing(Sample.csvFiles + [xml], into: store, options: Self.smallBatches)
        #expect(report.failures.isEmpty)
        #expect(report.rejects.isEmpty)
      }
      #expect(often.writebacksRequested > 50)
      #expect(never.writebacksRequested == 0)
      #expect(try dumps(often) == dumps(never))
      #expect(try often.counts()[.reviews] == Sample.expectedCounts[.reviews]! + 600)
    }
  }

  /// Until SQLite spills its cache, nothing is written out: writing to the file would take the
  /// EXCLUSIVE lock and shut readers out for the rest of the import (black-box review 11).
  @Test func readersAreNotShutOutBeforeTheCacheSpills() throws {
    try withTempDir { dir in
      let path = dir.file("store.sqlite")
      let store = try Store(path: path)
      store.rowsPerCacheFlush = 8
      _ = try importing(Sample.csvFiles, into: store)
      var csv = "supplier_id,name,country\n"
      for i in 0..<300 { csv += "BULK-\(i),Bulk \(i),CN\n" }
      csv += "BAD-1,Bad,Chinaa\n"
      let suppliers = try dir.write("more/suppliers.csv", csv)
      let readerSaw = Observations()
      var options = ImportOptions()
      options.csvChunkSize = 512
      // Runs on the importing thread with the file's transaction open and 300 rows written.
      options.onReject = { _ in
        let counts = try? Store(path: path, readOnly: true).counts()
        readerSaw.append(counts?[.suppliers] ?? -1)
      }
      let report = try importing([suppliers], into: store, options: options)
      #expect(report.failures.isEmpty)
      #expect(store.writebacksRequested == 0)
      #expect(readerSaw.values == [Sample.expectedCounts[.suppliers]!])
      #expect(try store.counts()[.suppliers] == Sample.expectedCounts[.suppliers]! + 300)
    }
  }

  #if os(Linux)
    /// Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
    /// included: the write-back must never open and close the store file of its own (found by
    /// black-box review 10: another process then took the journal of an import in progress for
    /// a crashed one's and rolled it back, and the import failed or left a malformed store).
    @Test func theStoresLocksOutliveTheWriteback() throws {
      try withTempDir { dir in
        let path = dir.file("store.sqlite")
        let store = try Store(path: path)
        try store.connection.execute("BEGIN IMMEDIATE")
        defer { try? store.connection.execute("ROLLBACK") }
        let held = try Self.locksHeld(on: path)
        #expect(held > 0)
        let writeback = try #require(BackgroundWriteback.start(path: path))
        writeback.request()
        writeback.stop()
        #expect(try Self.locksHeld(on: path) == held)
      }
    }

    /// This process's POSIX locks on the file at `path`, from /proc/locks (lines such as
    /// `1: POSIX  ADVISORY  WRITE 4242 fd:01:123456 1073741825 1073741825`).
    static func locksHeld(on path: String) throws -> Int {
      var info = stat()
      guard stat(path, &info) == 0 else { return 0 }
      let pid = String(getpid())
      let inode = String(info.st_ino)
      return try String(contentsOfFile: "/proc/locks", encoding: .utf8)
        .split(separator: "\n")
        .filter { line in
          let fields = line.split(separator: " ")
          return fields.count >= 6 && fields[1] == "POSIX" && fields[4] == pid
            && fields[5].split(separator: ":").last.map(String.init) == inode
        }
        .count
    }
  #endif
}

/// Values noted by a callback on the importing thread, read once the import has returned.
private final class Observations: @unchecked Sendable {
  private(set) var values: [Int] = []
  func append(_ value: Int) { values.append(value) }
}
