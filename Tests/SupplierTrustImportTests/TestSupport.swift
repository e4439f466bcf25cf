import Foundation
import SupplierTrustModel
import Testing

@testable import SupplierTrustImport
@testable import SupplierTrustStore

/// The number of rows of a store's table.
func rowCount(_ store: Store, _ table: String) throws -> Int {
  let st = try store.connection.prepare("SELECT count(*) FROM \(table)")
  defer { st.reset() }
  _ = try st.step()
  return Int(st.int64(0) ?? 0)
}

/// A unique temporary folder, removed by `remove()`.
struct TempDir {
  let path: String

  init() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("SupplierTrustImportTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    path = url.path
  }

  func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, bytes: Array(text.utf8))
  }

  @discardableResult
  func write(_ name: String, bytes: [UInt8]) throws -> String {
    let target = file(name)
    try FileManager.default.createDirectory(
      atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: target))
    return target
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs `body` with a fresh temporary folder, removed afterwards.
func withTempDir<R>(_ body: (TempDir) throws -> R) throws -> R {
  let dir = try TempDir()
  defer { dir.remove() }
  return try body(dir)
}

enum Sample {
  /// The repository root, found from this file's path (Tests/SupplierTrustImportTests/…).
  static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
  static let folder = root + "/datasets/sample"
  static let xml = folder + "/xml/catalog.xml"
  static let csvFiles = ["suppliers", "certifications", "audits", "reviews", "orders"].map {
    "\(folder)/\($0).csv"
  }
  static let expectedCounts: [RecordKind: Int] = [
    .suppliers: 30, .certifications: 62, .audits: 37, .reviews: 396, .orders: 55,
  ]
}

func fixture(_ name: String) throws -> String {
  let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures").appendingPathComponent(
    name)
  #expect(FileManager.default.fileExists(atPath: url.path), "fixture \(name) missing")
  return url.path
}

/// A store in a temp folder's file.
func makeStore(in dir: TempDir, name: String = "store.sqlite") throws -> Store {
  try Store(path: dir.file(name))
}

func importing(_ paths: [String], into store: Store, options: ImportOptions = ImportOptions()) throws
  -> ImportReport
{
  try Importer(store: store, options: options).run(paths: paths)
}

/// Every kind's dump, for comparing whole stores.
func dumps(_ store: Store) throws -> [RecordKind: [[String]]] {
  var result: [RecordKind: [[String]]] = [:]
  for kind in RecordKind.allCases { result[kind] = try store.dump(kind) }
  return result
}

/// Two suppliers that the other kinds' fixtures refer to.
let baseSuppliersCSV = """
  supplier_id,name,country
  SUP-A,Alpha Hardware Co.,CN
  SUP-B,Beta Textiles Ltd.,VN

  """

/// Imports `baseSuppliersCSV` and then `name` holding `csv`, returning the report and the store.
func importWithSuppliers(
  _ dir: TempDir, _ name: String, _ csv: String, options: ImportOptions = ImportOptions()
)
  throws -> (ImportReport, Store, String)
{
  let suppliers = try dir.write("base/suppliers.csv", baseSuppliersCSV)
  let target = try dir.write(name, csv)
  let store = try Store(path: ":memory:")
  let report = try importing([suppliers, target], into: store, options: options)
  #expect(report.failures.isEmpty, "unexpected failures: \(report.failures)")
  return (report, store, target)
}
