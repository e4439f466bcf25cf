import Foundation
import SupplierTrustCSV

@testable import SupplierTrustGenerator

/// A fresh directory under the system temporary directory, removed by `cleanUp`.
func makeTemporaryDirectory(_ label: String) -> String {
  let path = NSTemporaryDirectory() + "supplier-trust-gen-\(label)-\(UUID().uuidString)"
  return path
}

func cleanUp(_ path: String) {
  try? FileManager.default.removeItem(atPath: path)
}

/// A small catalog (a tenth of S by default) so that debug-build tests stay fast.
func smallOptions(
  _ directory: String, suppliers: Int = 120, seed: UInt64 = 7, rate: Double = 0, xml: Bool = false
) -> GeneratorOptions {
  var options = GeneratorOptions(size: .s, outputDirectory: directory)
  options.supplierCountOverride = suppliers
  options.seed = seed
  options.badRecordRate = rate
  options.writeXML = xml
  return options
}

/// One CSV file read back with the project's reader.
struct ReadCSV {
  var header: [String] = []
  var records: [(line: Int, fields: [String])] = []
  var syntaxErrors = 0

  init(path: String) throws {
    let reader = try CSVReader(path: path, chunkSize: 4096)
    header = try reader.readHeader() ?? []
    while let batch = try reader.nextBatch() {
      syntaxErrors += batch.errors.count
      batch.withView { view in
        for index in 0..<view.count {
          records.append((batch.lines[index], view.strings(index)))
        }
      }
    }
  }

  func column(_ name: String) -> Int { header.firstIndex(of: name)! }
}

let recordFiles = ["suppliers", "certifications", "audits", "reviews", "orders"]

func readAll(_ directory: String) throws -> [String: ReadCSV] {
  var files: [String: ReadCSV] = [:]
  for name in recordFiles {
    files[name] = try ReadCSV(path: directory + "/" + name + ".csv")
  }
  return files
}
