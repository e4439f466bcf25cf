/// A record made invalid on purpose: which column breaks which rule.
struct Fault: Sendable {
  let column: Int
  let kind: FaultKind
}

/// Where generated records go. The generator emits supplier by supplier (the supplier row, then
/// its certifications, audits, reviews and orders in that order), which both the five CSV files
/// and the nested XML document can follow while streaming.
protocol CatalogSink: AnyObject {
  func beginSupplier(_ row: RecordRow, fault: Fault?) throws
  func child(_ kind: RecordKind, _ row: RecordRow, fault: Fault?) throws
  /// A record whose `supplier_id` names no supplier. XML cannot nest it, so it goes to top level.
  func orphan(_ kind: RecordKind, _ row: RecordRow, fault: Fault) throws
  func endSupplier() throws
  /// Completes the files and describes them.
  func finish() throws -> [GeneratedFile]
}
