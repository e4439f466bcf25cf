// Micro-benchmarks of the import path's stages on one CSV file, to see where time goes:
//
//   swift run -c release supplier-trust-bench bench-data/L/reviews.csv
//
// Each stage runs on one core, in this process, after a warm-up read of the file.
import Foundation
import SupplierTrustCSV
import SupplierTrustImport
import SupplierTrustModel

func measure(_ label: String, bytes: Int, _ body: () throws -> Int) rethrows {
  let start = DispatchTime.now().uptimeNanoseconds
  let records = try body()
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  let line =
    "\(label.padding(toLength: 28, withPad: " ", startingAt: 0)) "
    + String(
      format: "%7.2f s %8.1f MB/s %11.0f records/s", seconds, Double(bytes) / 1e6 / seconds,
      Double(records) / seconds)
  print(line)
}

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first else {
  print("usage: supplier-trust-bench FILE.csv")
  exit(1)
}
let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0

try measure("read only (4 MiB chunks)", bytes: size) {
  let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
  var total = 0
  while let chunk = try handle.read(upToCount: 4 << 20), !chunk.isEmpty { total += chunk.count }
  return 0
}

try measure("CSV split into fields", bytes: size) {
  let reader = try CSVReader(path: path)
  _ = try reader.readHeader()
  var records = 0
  while let batch = try reader.nextBatch() { records += batch.count }
  return records
}

try measure("check (split+decode+verify)", bytes: size) {
  var options = ImportOptions()
  options.rejectsDirectory = nil
  // Suppliers beside the file are read first so that references resolve.
  let suppliers = (path as NSString).deletingLastPathComponent + "/suppliers.csv"
  let importer = try Importer(store: nil, options: options, knownSuppliers: [])
  let paths =
    FileManager.default.fileExists(atPath: suppliers) && suppliers != path ? [suppliers, path] : [path]
  let report = importer.run(paths: paths)
  return report.acceptedCount + report.rejectedCount
}

// Numbering the reviewers of a reviews file (what `score DIR` does on its main thread): the
// reviewer_id column (the fifth) read first, then only the numbering timed.
if path.hasSuffix("reviews.csv") {
  var arena: [UInt8] = []
  var ends: [Int] = []
  let reader = try CSVReader(path: path)
  _ = try reader.readHeader()
  while let batch = try reader.nextBatch() {
    batch.withView { view in
      for record in 0..<view.count where view.fieldCount(record) > 4 {
        arena.append(contentsOf: view.field(record, 4))
        ends.append(arena.count)
      }
    }
  }
  measure("number reviewers", bytes: arena.count) {
    var numbering = NameNumbering()
    arena.withUnsafeBufferPointer { arena in
      var start = 0
      for end in ends {
        _ = numbering.number(ofUTF8: UnsafeBufferPointer(rebasing: arena[start..<end]))
        start = end
      }
    }
    return ends.count
  }
}
