/// Where one record was read: an index into ``Catalog/sources`` and the line where it starts.
///
/// Two 32-bit numbers rather than a path per record: a large catalog holds millions of reviews.
public struct SourceRef: Hashable, Sendable, BitwiseCopyable {
  /// Index into ``Catalog/sources``.
  public var file: Int32
  /// The physical line where the record starts (the header is line 1).
  public var line: Int32

  /// Makes a reference to line `line` of source `file` (an index into ``Catalog/sources``).
  public init(file: Int32, line: Int32) {
    self.file = file
    self.line = line
  }
}

/// A file the catalog's records came from, as the import log or the reader saw it.
public struct SourceFile: Hashable, Sendable {
  /// The file's path, as it was given to the import or the reader.
  public var path: String
  /// SHA-256 of the file's bytes, hex; nil when unknown.
  public var sha256: String?
  /// Records of the file the catalog holds: accepted, and not replaced by a later file's record
  /// with the same id.
  public var records: Int
  /// When the file was imported (ISO 8601), or nil when read directly.
  public var importedAt: String?
  /// Records of the file rejected when it was read or imported: left out of every score.
  public var rejected: Int

  /// Describes a source file; counts default to zero and the hash and import time to unknown.
  public init(
    path: String, sha256: String? = nil, records: Int = 0, importedAt: String? = nil, rejected: Int = 0
  ) {
    self.path = path
    self.sha256 = sha256
    self.records = records
    self.importedAt = importedAt
    self.rejected = rejected
  }
}

/// A record and where it was read.
public struct Sourced<Record: Sendable>: Sendable {
  /// The record itself.
  public var record: Record
  /// The file and line it was read from.
  public var source: SourceRef

  /// Pairs `record` with where it was read.
  public init(_ record: Record, source: SourceRef) {
    self.record = record
    self.source = source
  }
}

extension Sourced: Equatable where Record: Equatable {}
extension Sourced: Hashable where Record: Hashable {}

/// Every accepted record of a catalog in memory: what scoring, ranking and reports read, whether
/// it came from the workspace store or straight from files.
public struct Catalog: Sendable {
  /// The files the records came from; ``SourceRef/file`` indexes this list.
  public var sources: [SourceFile] = []
  /// The accepted supplier profiles.
  public var suppliers: [Sourced<Supplier>] = []
  /// The certificates suppliers hold.
  public var certifications: [Sourced<Certification>] = []
  /// The on-site audits and verifications.
  public var audits: [Sourced<Audit>] = []
  /// As columns: a large catalog holds millions of reviews.
  public var reviews = ReviewTable()
  /// The buyer's own orders.
  public var orders: [Sourced<Order>] = []
  /// Where review texts come from when ``reviews`` were loaded without them (a store):
  /// scoring asks only for the few it needs (reviews in a suspected burst).
  public var deferredReviewTexts: (any ReviewTextSource)?

  /// Makes an empty catalog.
  public init() {}

  /// Adds a source file and returns its index for ``SourceRef/file``.
  public mutating func addSource(_ file: SourceFile) -> Int32 {
    sources.append(file)
    return Int32(sources.count - 1)
  }

  /// "path:line" of a record, for explanations and flags.
  public func location(_ ref: SourceRef) -> String {
    let path = sources.indices.contains(Int(ref.file)) ? sources[Int(ref.file)].path : "?"
    return "\(path):\(ref.line)"
  }

  /// Total records of all kinds.
  public var recordCount: Int {
    suppliers.count + certifications.count + audits.count + reviews.count + orders.count
  }

  /// Sets each source's ``SourceFile/records`` to the records the catalog holds from it.
  public mutating func countRecordsBySource() {
    var counts = [Int](repeating: 0, count: sources.count)
    func tally(_ refs: some Sequence<SourceRef>) {
      for ref in refs where counts.indices.contains(Int(ref.file)) { counts[Int(ref.file)] += 1 }
    }
    tally(suppliers.lazy.map(\.source))
    tally(certifications.lazy.map(\.source))
    tally(audits.lazy.map(\.source))
    tally(orders.lazy.map(\.source))
    tally(reviews.sources)
    for index in sources.indices { sources[index].records = counts[index] }
  }
}

/// Fetches review texts on demand, so that millions of reviews need not carry their texts in memory.
public protocol ReviewTextSource: AnyObject, Sendable {
  /// The texts of the given reviews that have one, by review id.
  func texts(of reviewIDs: [String]) -> [String: String]
  /// The text of each of `reviewIDs` (sorted, byte by byte), nil where a review has none:
  /// ``texts(of:)`` without a dictionary to build and look up again.
  func texts(ofSorted reviewIDs: [String]) -> [String?]
}

extension ReviewTextSource {
  /// By ``texts(of:)``, for a source with nothing faster.
  public func texts(ofSorted reviewIDs: [String]) -> [String?] {
    let found = texts(of: reviewIDs)
    return reviewIDs.map { found[$0] }
  }
}
