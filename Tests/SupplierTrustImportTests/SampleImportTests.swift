import Foundation
import SupplierTrustModel
import SupplierTrustStore
import Testing

@testable import SupplierTrustImport

@Suite struct SampleImportTests {
  @Test func csvFolderImportsCleanly() throws {
    try withTempDir { dir in
      let store = try makeStore(in: dir)
      let report = try importing([Sample.folder], into: store)
      #expect(report.rejects.isEmpty, "\(report.rejects.map(\.rendered))")
      #expect(report.failures.isEmpty)
      #expect(report.warnings.isEmpty, "\(report.warnings.map(\.rendered))")
      #expect(try store.counts() == Sample.expectedCounts)
      // The folder holds xml/ as a subfolder: not descended into, so five CSV files.
      #expect(report.files.map(\.kind) == [.suppliers, .certifications, .audits, .orders, .reviews])
      #expect(report.acceptedCount == 30 + 62 + 37 + 396 + 55)
      #expect(report.rejectedCount == 0)
    }
  }

  @Test func xmlCatalogGivesTheSameStoreAsTheCSVFiles() throws {
    try withTempDir { dir in
      let csvStore = try makeStore(in: dir, name: "csv.sqlite")
      let xmlStore = try makeStore(in: dir, name: "xml.sqlite")
      let csvReport = try importing([Sample.folder], into: csvStore)
      let xmlReport = try importing([Sample.xml], into: xmlStore)
      #expect(csvReport.rejects.isEmpty)
      #expect(xmlReport.rejects.isEmpty, "\(xmlReport.rejects.map(\.rendered))")
      #expect(xmlReport.failures.isEmpty, "\(xmlReport.failures.map(\.rendered))")
      #expect(try xmlStore.counts() == Sample.expectedCounts)
      for kind in RecordKind.allCases {
        let csvRows = try csvStore.dump(kind)
        let xmlRows = try xmlStore.dump(kind)
        #expect(csvRows.count == Sample.expectedCounts[kind])
        #expect(csvRows == xmlRows, "\(kind) differs")
        if csvRows != xmlRows {
          let firstDifference = zip(csvRows, xmlRows).first { $0 != $1 }
          Issue.record("first differing \(kind) row: \(String(describing: firstDifference))")
        }
      }
      // One summary per kind for the XML document.
      #expect(Set(xmlReport.files.map(\.kind)) == Set(RecordKind.allCases))
      #expect(xmlReport.files.allSatisfy { $0.path == Sample.xml })
    }
  }

  @Test func reimportIsIdempotent() throws {
    try withTempDir { dir in
      let store = try makeStore(in: dir)
      let first = try importing([Sample.folder], into: store)
      let before = try dumps(store)
      let second = try importing([Sample.folder], into: store)
      #expect(first.rejects.isEmpty)
      #expect(second.rejects.isEmpty, "\(second.rejects.map(\.rendered))")
      #expect(second.failures.isEmpty)
      #expect(try store.counts() == Sample.expectedCounts)
      #expect(try dumps(store) == before)

      let log = try store.imports()
      #expect(log.count == 10)
      let firstRun = Array(log.prefix(5))
      let secondRun = Array(log.suffix(5))
      #expect(firstRun.map(\.path) == secondRun.map(\.path))
      #expect(firstRun.map(\.sha256) == secondRun.map(\.sha256))
      #expect(firstRun.map(\.accepted) == secondRun.map(\.accepted))
      #expect(log.allSatisfy { $0.finishedAt != nil && $0.format == "csv" })
      let digests = firstRun.compactMap(\.sha256)
      #expect(digests.count == 5)
      #expect(Set(digests).count == 5, "each file has its own digest")
      for digest in digests {
        #expect(digest.count == 64)
        #expect(digest.allSatisfy { "0123456789abcdef".contains($0) })
      }
      // The report carries the same digest and the import id of the log row.
      #expect(second.files.map(\.sha256) == secondRun.map { $0.sha256 ?? "" })
      #expect(second.files.map(\.importID) == secondRun.map(\.id))
      // And it is the file's real SHA-256, as sha256sum computes it.
      let tool = "/usr/bin/sha256sum"
      if FileManager.default.isExecutableFile(atPath: tool) {
        for entry in firstRun {
          let expected = try sha256sum(tool, entry.path)
          #expect(entry.sha256 == expected, "\(entry.path)")
        }
      }
    }
  }

  @Test func reimportingTheXMLAfterTheCSVChangesNothing() throws {
    try withTempDir { dir in
      let store = try makeStore(in: dir)
      _ = try importing([Sample.folder], into: store)
      let before = try dumps(store)
      let report = try importing([Sample.xml], into: store)
      #expect(report.rejects.isEmpty)
      #expect(report.failures.isEmpty)
      #expect(try dumps(store) == before)
    }
  }

  @Test func folderImportPutsSuppliersFirst() throws {
    try withTempDir { dir in
      let store = try makeStore(in: dir)
      let paths = ["reviews", "orders", "audits", "certifications", "suppliers"].map {
        "\(Sample.folder)/\($0).csv"
      }
      let report = try importing(paths, into: store)
      #expect(report.rejects.isEmpty, "\(report.rejects.prefix(3).map(\.rendered))")
      #expect(report.files.first?.kind == .suppliers)
      #expect(try store.counts() == Sample.expectedCounts)
    }
  }

  @Test func folderImportPutsSuppliersFirstForSmallFiles() throws {
    try withTempDir { dir in
      // Names sort reviews before suppliers ("a-reviews" < "b-suppliers").
      try dir.write(
        "data/a-reviews.csv",
        "review_id,supplier_id,rating,review_date\nR-1,SUP-A,5,2026-01-02\n")
      try dir.write("data/b-suppliers.csv", "supplier_id,name,country\nSUP-A,Alpha,CN\n")
      let store = try Store(path: ":memory:")
      let report = try importing(
        [dir.file("data/a-reviews.csv"), dir.file("data/b-suppliers.csv")], into: store)
      #expect(report.rejects.isEmpty)
      #expect(try store.counts()[.reviews] == 1)
      #expect(report.files.map(\.kind) == [.suppliers, .reviews])
    }
  }
}

func sha256sum(_ tool: String, _ path: String) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: tool)
  process.arguments = [path]
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(String(decoding: data, as: UTF8.self).prefix(64))
}
