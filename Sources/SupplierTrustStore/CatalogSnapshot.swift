import SupplierTrustModel

/// The catalog as scoring reads it, in one binary blob kept inside the store.
///
/// Loading millions of rows through SQL costs seconds (each column of each row is a call into
/// SQLite, and each value a Swift allocation or copy); reading the same records back from one blob
/// costs a fraction of that. The blob is a cache: it is written after a full load, deleted by
/// every import that commits (in the same transaction), and ignored whenever its key or shape does
/// not match, so it can never hand out records the tables no longer hold.
///
/// Two parts (rows), read and decoded on two threads: the reviews, and every other record. Each
/// holds magic, format version and key, then records field by field (little-endian, fixed width;
/// strings as a 32-bit length and UTF-8; `nil` as length `UInt32.max` or a flag byte).
enum CatalogSnapshot {
  static let magic: UInt32 = 0x5354_4331  // "STC1"
  /// 7: certificates, audits and orders grouped by supplier (``Store/loadCatalog(fullReviews:)``).
  /// 8: enumerations as one-byte codes (``Codes``), not their names.
  /// 9: each part ends with a checksum of its bytes (``SnapshotChecksum``).
  static let formatVersion: UInt32 = 9

  /// Each enumeration's cases, numbered from 1 in a snapshot (0: not stated). Made once:
  /// `allCases` builds a new array at every use. Reading a name back through `init(rawValue:)`,
  /// which compares it with every case's, was 3 % of a `rank` from the store.
  enum Codes {
    static let businessTypes = BusinessType.allCases
    static let certificateStatuses = CertificateStatus.allCases
    static let auditKinds = AuditKind.allCases
    static let auditResults = AuditResult.allCases
    static let paymentMethods = PaymentMethod.allCases
    static let inspectionResults = InspectionResult.allCases
    static let disputes = DisputeStatus.allCases
  }

  /// The two parts: every record but the reviews, and the reviews. Each starts with the header
  /// (magic, format, key), so that either is refused on its own when it does not belong.
  static func encode(_ catalog: Catalog, key: String) -> (records: [UInt8], reviews: [UInt8]) {
    (sealed(encodeRecords(catalog, key: key)), sealed(encodeReviews(catalog.reviews, key: key)))
  }

  /// `bytes` followed by their checksum (8 bytes, little-endian): a part whose bytes were damaged
  /// in the file is refused, and the catalog read from the tables again, rather than decoded into
  /// wrong records (black-box review 101 flipped single bits: a quarter changed names, scores or
  /// lines, with nothing said).
  static func sealed(_ bytes: [UInt8]) -> [UInt8] {
    var checksum = SnapshotChecksum()
    bytes.withUnsafeBytes { checksum.update($0) }
    var out = bytes
    withUnsafeBytes(of: checksum.value.littleEndian) { out.append(contentsOf: $0) }
    return out
  }

  /// The bytes of a sealed part before its checksum, or nil when the checksum does not match.
  static func unsealed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
    guard bytes.count >= 8 else { return nil }
    let body = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 8)])
    var checksum = SnapshotChecksum()
    checksum.update(body)
    let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
    return checksum.value == stored ? body : nil
  }

  /// What each part is, in its header: a part is never read as the other.
  enum Part: UInt32 {
    case records = 1
    case reviews = 2
  }

  private static func header(_ w: inout ByteWriter, _ part: Part, key: String) {
    w.u32(magic)
    w.u32(formatVersion)
    w.u32(part.rawValue)
    w.string(key)
  }

  private static func hasHeader(_ r: inout ByteReader, _ part: Part, key: String) -> Bool {
    r.u32() == magic && r.u32() == formatVersion && r.u32() == part.rawValue && r.string() == key
  }

  /// Reviews without texts (they stay in the store, fetched on demand), supplier ids as runs,
  /// reviewer names once each, then each field as one column of fixed-width values (the ids as
  /// their end offsets and one run of bytes). Columns are copied into the table's arrays in bulk:
  /// decoding 4M reviews field by field cost 0.55-0.65 s, about as long as the rest of scoring.
  static func encodeReviews(_ reviews: ReviewTable, key: String) -> [UInt8] {
    var body = ByteWriter()
    body.bytes.reserveCapacity(64 + reviews.count * 40)
    header(&body, .reviews, key: key)
    let count = reviews.count
    body.count(count)
    let owners = reviews.supplierIDs
    for run in owners.values.indices {
      body.string(owners.values[run])
      body.count(owners.rows(ofRun: run).count)
    }
    body.count(reviews.reviewerNames.count)
    for name in reviews.reviewerNames { body.string(name) }
    // The id column as it is held: end offsets, then the bytes.
    body.column(reviews.ids.ends)
    body.column(reviews.ids.bytes)
    body.column(reviews.ratings.map(\.bitPattern))
    body.column(reviews.days.map { UInt32(bitPattern: $0.daysSinceEpoch) })
    body.column(reviews.verified.map { $0.map { $0 ? UInt8(1) : 0 } ?? 2 })
    body.column(reviews.reviewers.map { UInt32(bitPattern: $0) })
    body.column(
      reviews.sources.map { UInt64(UInt32(bitPattern: $0.file)) | UInt64(UInt32(bitPattern: $0.line)) << 32 })
    return body.bytes
  }

  static func encodeRecords(_ catalog: Catalog, key: String) -> [UInt8] {
    var w = ByteWriter()
    w.bytes.reserveCapacity(64 + catalog.suppliers.count * 300)
    header(&w, .records, key: key)
    w.count(catalog.sources.count)
    for s in catalog.sources {
      w.string(s.path)
      w.string(s.sha256)
      w.int(s.records)
      w.string(s.importedAt)
      w.int(s.rejected)
    }
    w.count(catalog.suppliers.count)
    for sourced in catalog.suppliers {
      let s = sourced.record
      w.string(s.id)
      w.string(s.name)
      w.string(s.country)
      w.string(s.region)
      w.code(s.businessType, Codes.businessTypes)
      w.count(s.categories.count)
      for c in s.categories { w.string(c) }
      w.int(s.yearEstablished)
      w.int(s.employees)
      w.bool(s.tradeAssurance)
      w.int(s.tradeAssuranceLimit?.cents)
      w.int(s.goldSupplierSince)
      w.bool(s.verifiedSupplier)
      w.bool(s.businessLicenseVerified)
      w.double(s.responseRate)
      w.double(s.medianResponseHours)
      w.double(s.onTimeDeliveryRate)
      w.double(s.platformRating)
      w.int(s.transactions12m)
      w.int(s.revenue12m?.cents)
      w.source(sourced.source)
    }
    w.count(catalog.certifications.count)
    for sourced in catalog.certifications {
      let c = sourced.record
      w.string(c.supplierID)
      w.string(c.standard)
      w.string(c.certificateNumber)
      w.string(c.certificationBody)
      w.string(c.accreditationBody)
      w.day(c.issuedOn)
      w.day(c.expiresOn)
      w.code(c.status, Codes.certificateStatuses)
      w.string(c.scope)
      w.source(sourced.source)
    }
    w.count(catalog.audits.count)
    for sourced in catalog.audits {
      let a = sourced.record
      w.string(a.id)
      w.string(a.supplierID)
      w.code(a.kind, Codes.auditKinds)
      w.string(a.auditor)
      w.day(a.date)
      w.code(a.result, Codes.auditResults)
      w.double(a.score)
      w.int(a.majorFindings)
      w.int(a.minorFindings)
      w.day(a.validUntil)
      w.source(sourced.source)
    }
    w.count(catalog.orders.count)
    for sourced in catalog.orders {
      let o = sourced.record
      w.string(o.id)
      w.string(o.supplierID)
      w.day(o.orderDate)
      w.int(o.amount.cents)
      w.code(o.paymentMethod, Codes.paymentMethods)
      w.bool(o.tradeAssurance)
      w.day(o.agreedShipDate)
      w.day(o.shippedDate)
      w.day(o.deliveredDate)
      w.code(o.inspectionResult, Codes.inspectionResults)
      w.code(o.dispute, Codes.disputes)
      w.day(o.disputeOpenedOn)
      w.day(o.disputeClosedOn)
      w.int(o.refund?.cents)
      w.source(sourced.source)
    }
    return w.bytes
  }

  /// The catalog in the two parts, or nil when they are not a snapshot of this format with `key`.
  static func decode(
    records: UnsafeRawBufferPointer, reviews: UnsafeRawBufferPointer, key: String
  ) -> Catalog? {
    guard let records = unsealed(records), let reviews = unsealed(reviews),
      var catalog = decodeRecords(records, key: key), let table = decodeReviews(reviews, key: key)
    else {
      return nil
    }
    catalog.reviews = table
    return catalog
  }

  /// Every record but the reviews.
  static func decodeRecords(_ bytes: UnsafeRawBufferPointer, key expectedKey: String) -> Catalog? {
    var reader = ByteReader(bytes)
    return decodeRecords(&reader, key: expectedKey)
  }

  static func decodeRecords(_ r: inout ByteReader, key expectedKey: String) -> Catalog? {
    guard hasHeader(&r, .records, key: expectedKey) else { return nil }
    let clock = StageTimer(prefix: "snapshot: ")
    var catalog = Catalog()
    for _ in 0..<r.count() {
      guard let path = r.string() else { return nil }
      let sha = r.string()
      let records = r.int() ?? 0
      let importedAt = r.string()
      let rejected = r.int() ?? 0
      _ = catalog.addSource(
        SourceFile(path: path, sha256: sha, records: records, importedAt: importedAt, rejected: rejected))
    }
    let supplierCount = r.count()
    catalog.suppliers.reserveCapacity(supplierCount)
    for _ in 0..<supplierCount {
      guard let id = r.string(), let name = r.string(), let country = r.string() else { return nil }
      var s = Supplier(id: id, name: name, country: country)
      s.region = r.sharedString()
      guard let businessType = r.code(Codes.businessTypes) else { return nil }
      s.businessType = businessType
      let categories = r.count()
      for _ in 0..<categories { s.categories.append(r.sharedString() ?? "") }
      s.yearEstablished = r.int()
      s.employees = r.int()
      s.tradeAssurance = r.bool()
      s.tradeAssuranceLimit = r.int64().map(Money.init(cents:))
      s.goldSupplierSince = r.int()
      s.verifiedSupplier = r.bool()
      s.businessLicenseVerified = r.bool()
      s.responseRate = r.double()
      s.medianResponseHours = r.double()
      s.onTimeDeliveryRate = r.double()
      s.platformRating = r.double()
      s.transactions12m = r.int()
      s.revenue12m = r.int64().map(Money.init(cents:))
      catalog.suppliers.append(Sourced(s, source: r.source()))
    }
    var standards = StandardNames()
    // Each kind's array sized once: grown by doubling, the records were copied over and over
    // (4 % of a `rank` from the store in moving them).
    let certificationCount = r.count()
    catalog.certifications.reserveCapacity(certificationCount)
    for _ in 0..<certificationCount {
      guard let supplierID = r.string(), let standard = r.string() else { return nil }
      var c = Certification(supplierID: supplierID, standard: standards.current(standard))
      c.certificateNumber = r.string()
      c.certificationBody = r.sharedString()
      c.accreditationBody = r.sharedString()
      c.issuedOn = r.day()
      c.expiresOn = r.day()
      guard let status = r.code(Codes.certificateStatuses) else { return nil }
      c.status = status
      c.scope = r.sharedString()
      catalog.certifications.append(Sourced(c, source: r.source()))
    }
    let auditCount = r.count()
    catalog.audits.reserveCapacity(auditCount)
    for _ in 0..<auditCount {
      guard let id = r.string(), let supplierID = r.string(), let kind = r.code(Codes.auditKinds) ?? nil
      else { return nil }
      let auditor = r.sharedString()
      guard let date = r.day(), let result = r.code(Codes.auditResults) ?? nil else {
        return nil
      }
      var a = Audit(id: id, supplierID: supplierID, kind: kind, date: date, result: result)
      a.auditor = auditor
      a.score = r.double()
      a.majorFindings = r.int()
      a.minorFindings = r.int()
      a.validUntil = r.day()
      catalog.audits.append(Sourced(a, source: r.source()))
    }
    let orderCount = r.count()
    catalog.orders.reserveCapacity(orderCount)
    for _ in 0..<orderCount {
      guard let id = r.string(), let supplierID = r.string(), let date = r.day(),
        let cents = r.int64()
      else { return nil }
      var o = Order(id: id, supplierID: supplierID, orderDate: date, amount: Money(cents: cents))
      guard let paymentMethod = r.code(Codes.paymentMethods) else { return nil }
      o.paymentMethod = paymentMethod
      o.tradeAssurance = r.bool()
      o.agreedShipDate = r.day()
      o.shippedDate = r.day()
      o.deliveredDate = r.day()
      guard let inspectionResult = r.code(Codes.inspectionResults) else { return nil }
      o.inspectionResult = inspectionResult
      guard let dispute = r.code(Codes.disputes) else { return nil }
      o.dispute = dispute
      o.disputeOpenedOn = r.day()
      o.disputeClosedOn = r.day()
      o.refund = r.int64().map(Money.init(cents:))
      catalog.orders.append(Sourced(o, source: r.source()))
    }
    guard r.isValid, r.atEnd() else { return nil }
    clock.lap("suppliers, certificates, audits, orders")
    return catalog
  }

  static func decodeReviews(_ bytes: UnsafeRawBufferPointer, key expectedKey: String) -> ReviewTable? {
    var reader = ByteReader(bytes)
    return decodeReviews(&reader, key: expectedKey)
  }

  static func decodeReviews(_ r: inout ByteReader, key expectedKey: String) -> ReviewTable? {
    guard hasHeader(&r, .reviews, key: expectedKey) else { return nil }
    let clock = StageTimer(prefix: "snapshot: ")
    defer { clock.lap("reviews") }
    let count = r.count()
    var owners: [(String, Int)] = []
    var covered = 0
    while covered < count {
      guard let id = r.string() else { return nil }
      let run = r.count()
      guard run > 0 else { return nil }
      owners.append((id, run))
      covered += run
    }
    guard covered == count else { return nil }
    let nameCount = r.count()
    var names: [String] = []
    names.reserveCapacity(min(nameCount, count))
    for _ in 0..<nameCount {
      guard let name = r.string() else { return nil }
      names.append(name)
    }
    guard let idEnds = r.column(UInt32.self, count: count),
      let idBytes = r.column(UInt8.self, count: Int(idEnds.last ?? 0)),
      let ratings = r.column(UInt64.self, count: count, as: Double.self, Double.init(bitPattern:)),
      let days = r.column(
        UInt32.self, count: count, as: Day.self, { Day(daysSinceEpoch: Int32(bitPattern: $0)) }),
      let verifiedFlags = r.column(UInt8.self, count: count),
      let reviewers = r.column(UInt32.self, count: count, as: Int32.self, { Int32(bitPattern: $0) }),
      let sources = r.column(
        UInt64.self, count: count, as: SourceRef.self,
        { pair in
          SourceRef(file: Int32(truncatingIfNeeded: pair), line: Int32(truncatingIfNeeded: pair >> 32))
        }),
      r.isValid, r.atEnd()
    else { return nil }
    // Taken over as they are: no `String` per review.
    guard let ids = IdentifierColumn(bytes: idBytes, ends: idEnds) else { return nil }
    // Kept as runs: no `String` per review.
    guard let supplierIDs = RunColumn(runs: owners.lazy.map { (value: $0.0, count: $0.1) }) else {
      return nil
    }
    return ReviewTable(
      ids: ids, supplierIDs: supplierIDs, ratings: ratings, days: days,
      verified: verifiedFlags.map { $0 == 1 ? true : ($0 == 0 ? false : nil) }, reviewers: reviewers,
      reviewerNames: names, sources: sources)
  }
}

/// Appends fixed-width little-endian values and length-prefixed strings.
struct ByteWriter {
  var bytes: [UInt8] = []

  mutating func u32(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }
  mutating func u64(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }
  mutating func count(_ value: Int) { u32(UInt32(value)) }
  /// Values back to back, little-endian, with no count (the reader is told how many).
  mutating func column<T: FixedWidthInteger>(_ values: [T]) {
    #if _endian(big)
      values.map(\.littleEndian).withUnsafeBytes { bytes.append(contentsOf: $0) }
    #else
      values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    #endif
  }
  mutating func int(_ value: Int?) { int(value.map(Int64.init)) }
  mutating func int(_ value: Int64?) {
    bytes.append(value == nil ? 0 : 1)
    u64(UInt64(bitPattern: value ?? 0))
  }
  mutating func double(_ value: Double?) {
    bytes.append(value == nil ? 0 : 1)
    u64((value ?? 0).bitPattern)
  }
  mutating func bool(_ value: Bool?) { bytes.append(value.map { $0 ? 1 : 0 } ?? 2) }
  /// `value`'s number among `cases`, from 1; 0 for nil.
  mutating func code<E: Equatable>(_ value: E?, _ cases: [E]) {
    bytes.append(value.flatMap { cases.firstIndex(of: $0) }.map { UInt8($0 + 1) } ?? 0)
  }
  mutating func day(_ value: Day?) { int(value.map { Int64($0.daysSinceEpoch) }) }
  mutating func source(_ value: SourceRef) {
    u32(UInt32(bitPattern: value.file))
    u32(UInt32(bitPattern: value.line))
  }
  mutating func string(_ value: String?) {
    guard var value else {
      u32(.max)
      return
    }
    value.withUTF8 { utf8 in
      u32(UInt32(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }
}

/// Reads what ``ByteWriter`` wrote, from memory or streamed from a ``ByteSource`` through a
/// window that is refilled in place. Reading past the end yields zeros and nils and marks the
/// reader invalid, so that a truncated or foreign blob is refused as a whole, never half-read.
struct ByteReader {
  private var base: UnsafeRawBufferPointer
  private var offset = 0
  private(set) var isValid = true
  private let stream: StreamWindow?

  init(_ base: UnsafeRawBufferPointer) {
    self.base = base
    stream = nil
  }

  /// Reads `source` through a window of `window` bytes (grown when one value needs more).
  init(source: any ByteSource, window: Int = 1 << 20) {
    stream = StreamWindow(source: source, capacity: window)
    base = UnsafeRawBufferPointer(start: nil, count: 0)
  }

  /// How many bytes are left to read, when known (a stream whose source does not say: nil).
  private var bytesLeft: Int? {
    guard let stream else { return base.count - offset }
    return stream.sourceRemaining.map { $0 + base.count - offset }
  }

  /// Whether every byte has been read (a stream is asked for more first).
  mutating func atEnd() -> Bool {
    guard offset == base.count else { return false }
    guard let stream else { return true }
    let more = stream.refill(keeping: UnsafeRawBufferPointer(start: nil, count: 0), atLeast: 1)
    base = stream.window
    offset = 0
    return !more
  }

  /// The next `n` bytes. Inlined for the common case, bytes at hand in the window: every field
  /// of every record comes through here (about 140 instructions a call out of line).
  @inline(__always)
  private mutating func take(_ n: Int) -> UnsafeRawBufferPointer? {
    if isValid, n >= 0, base.count - offset >= n, let start = base.baseAddress {
      defer { offset += n }
      return UnsafeRawBufferPointer(start: start + offset, count: n)
    }
    return takeRefilling(n)
  }

  @inline(never)
  private mutating func takeRefilling(_ n: Int) -> UnsafeRawBufferPointer? {
    guard isValid, n >= 0 else {
      isValid = false
      return nil
    }
    if base.count - offset < n {
      guard let stream,
        stream.refill(keeping: UnsafeRawBufferPointer(rebasing: base[offset...]), atLeast: n)
      else {
        isValid = false
        return nil
      }
      base = stream.window
      offset = 0
    }
    defer { offset += n }
    return UnsafeRawBufferPointer(rebasing: base[offset..<(offset + n)])
  }

  /// `count` values written by ``ByteWriter/column(_:)``, copied in bulk (straight from the
  /// source past the window), or nil when the bytes run out. A count whose bytes could not fit
  /// in any SQLite value (2 GiB) is refused before anything is allocated.
  mutating func column<T: FixedWidthInteger>(_ type: T.Type, count: Int) -> [T]? {
    // No more than the bytes left (when the source knows them): a damaged count in a streamed
    // BLOB had allocated and zeroed up to 2 GiB before the part was refused (code review).
    guard isValid, count >= 0, count <= (1 << 31) / MemoryLayout<T>.stride,
      bytesLeft.map({ count * MemoryLayout<T>.stride <= $0 }) ?? true
    else {
      isValid = false
      return nil
    }
    var complete = false
    let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      complete = copy(into: UnsafeMutableRawBufferPointer(buffer))
      // Zeroed only when the bytes ran out (the result is then dropped): otherwise every byte
      // was just written, and zeroing first would write 4M reviews' columns twice.
      if !complete { buffer.initialize(repeating: 0) }
      initialized = count
    }
    guard complete else { return nil }
    #if _endian(big)
      return values.map { T(littleEndian: $0) }
    #else
      return values
    #endif
  }

  /// `count` values written as `Stored` by ``ByteWriter/column(_:)``, as `Value`s made by
  /// `convert`. When `Value` is laid out as `Stored` is (a double and its bit pattern, a day and
  /// its number) and the machine is little-endian, the bytes go straight into the result, with
  /// no intermediate array: at 4M reviews each such array is 16-32 MB of fresh pages to fault in.
  /// `convert` must then be the identity on bits; it is applied only where layouts differ.
  mutating func column<Stored: FixedWidthInteger, Value: BitwiseCopyable>(
    _ stored: Stored.Type, count: Int, as value: Value.Type, _ convert: (Stored) -> Value
  ) -> [Value]? {
    #if _endian(little)
      if MemoryLayout<Value>.size == MemoryLayout<Stored>.size
        && MemoryLayout<Value>.stride == MemoryLayout<Stored>.stride
      {
        guard isValid, count >= 0, count <= (1 << 31) / MemoryLayout<Stored>.stride else {
          isValid = false
          return nil
        }
        var complete = false
        let values = [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
          let raw = UnsafeMutableRawBufferPointer(buffer)
          complete = copy(into: raw)
          if !complete { raw.initializeMemory(as: UInt8.self, repeating: 0) }
          initialized = count
        }
        return complete ? values : nil
      }
    #endif
    return column(stored, count: count)?.map(convert)
  }

  /// Fills `destination` with the next bytes: what the window holds, then the rest straight
  /// from the source. False (and the reader invalid) when the bytes run out.
  private mutating func copy(into destination: UnsafeMutableRawBufferPointer) -> Bool {
    guard let target = destination.baseAddress, destination.count > 0 else { return isValid }
    let fromWindow = min(base.count - offset, destination.count)
    if fromWindow > 0 {
      target.copyMemory(from: base.baseAddress! + offset, byteCount: fromWindow)
      offset += fromWindow
    }
    guard fromWindow < destination.count else { return true }
    guard let stream, stream.read(into: UnsafeMutableRawBufferPointer(rebasing: destination[fromWindow...]))
    else {
      isValid = false
      return false
    }
    return true
  }

  mutating func u32() -> UInt32? {
    take(4).map { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
  }
  mutating func u64() -> UInt64? {
    take(8).map { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
  }
  mutating func count() -> Int {
    guard let value = u32(), value != .max else { return 0 }
    return Int(value)
  }
  private mutating func flag() -> UInt8? { take(1).map { $0[0] } }
  mutating func int64() -> Int64? {
    let present = flag()
    let value = u64()
    return present == 1 ? value.map { Int64(bitPattern: $0) } : nil
  }
  mutating func int() -> Int? { int64().map { Int($0) } }
  mutating func double() -> Double? {
    let present = flag()
    let value = u64()
    return present == 1 ? value.map(Double.init(bitPattern:)) : nil
  }
  mutating func bool() -> Bool? {
    switch flag() {
    case 1: return true
    case 0: return false
    default: return nil
    }
  }
  mutating func day() -> Day? { int64().map { Day(daysSinceEpoch: Int32(truncatingIfNeeded: $0)) } }
  /// What ``ByteWriter/code(_:_:)`` wrote: `.some(nil)` for not stated, nil for a number no case
  /// has (damage: the snapshot is not used).
  mutating func code<E>(_ cases: [E]) -> E?? {
    guard let number = flag() else { return nil }
    if number == 0 { return .some(nil) }
    return cases.indices.contains(Int(number) - 1) ? .some(cases[Int(number) - 1]) : nil
  }
  mutating func source() -> SourceRef {
    SourceRef(file: Int32(bitPattern: u32() ?? 0), line: Int32(bitPattern: u32() ?? 0))
  }
  mutating func string() -> String? {
    guard let length = u32(), length != .max, let utf8 = take(Int(length)) else { return nil }
    return String(decoding: utf8, as: UTF8.self)
  }

  /// Strings longer than 15 bytes seen so far, by a hash of their bytes (shorter ones are stored
  /// inline and cost nothing to make).
  private var shared: [UInt64: String] = [:]

  /// A string that is likely to repeat (a certification body, an auditor, a category): one
  /// instance for every repeat, so that 400 k records do not allocate 400 k copies of a few
  /// hundred names.
  mutating func sharedString() -> String? {
    guard let length = u32(), length != .max, let utf8 = take(Int(length)) else { return nil }
    guard utf8.count > 15 else { return String(decoding: utf8, as: UTF8.self) }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(utf8.count)
    for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    // Compared as contiguous bytes: `elementsEqual` walked both one element at a time through
    // the generic iterator (1,750 instructions a look-up of a body name; callgrind).
    if let known = shared[hash],
      known.utf8.withContiguousStorageIfAvailable({ stored in
        utf8.withMemoryRebound(to: UInt8.self) { ByteComparison.equal(stored, $0) }
      }) ?? known.utf8.elementsEqual(utf8)
    {
      return known
    }
    let text = String(decoding: utf8, as: UTF8.self)
    if shared.count < 1 << 16 { shared[hash] = text }
    return text
  }
}

/// A 64-bit checksum of a stream of bytes, fed in pieces of any size: 32-byte blocks as four
/// 64-bit words, each multiplied and mixed into a lane of its own (four lanes run side by side:
/// one lane took 35 ms of each load of a large catalog's snapshot), the last partial block byte
/// by byte. Not cryptographic: it catches damage, not forgery.
struct SnapshotChecksum {
  private var lanes: (UInt64, UInt64, UInt64, UInt64) = (
    0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5
  )
  /// Bytes of a block not yet complete (at most 31).
  private var pending: [UInt8] = []
  private var total = 0

  @inline(__always) private static func mix(_ lane: inout UInt64, _ word: UInt64) {
    lane = (lane ^ word) &* 0xBF58_476D_1CE4_E5B9
    lane ^= lane >> 31
  }

  @inline(__always) private mutating func block(_ bytes: UnsafeRawBufferPointer, at k: Int) {
    Self.mix(&lanes.0, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: k, as: UInt64.self)))
    Self.mix(&lanes.1, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: k + 8, as: UInt64.self)))
    Self.mix(&lanes.2, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: k + 16, as: UInt64.self)))
    Self.mix(&lanes.3, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: k + 24, as: UInt64.self)))
  }

  mutating func update(_ bytes: UnsafeRawBufferPointer) {
    total += bytes.count
    var k = 0
    // Complete a block begun by the previous piece.
    if !pending.isEmpty {
      let taken = min(32 - pending.count, bytes.count)
      pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[..<taken]))
      k = taken
      guard pending.count == 32 else { return }
      pending.withUnsafeBytes { block($0, at: 0) }
      pending.removeAll(keepingCapacity: true)
    }
    while k + 32 <= bytes.count {
      block(bytes, at: k)
      k += 32
    }
    if k < bytes.count { pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[k...])) }
  }

  /// The checksum of every byte fed so far.
  var value: UInt64 {
    var h = lanes.0
    Self.mix(&h, lanes.1)
    Self.mix(&h, lanes.2)
    Self.mix(&h, lanes.3)
    for byte in pending { Self.mix(&h, UInt64(byte) | 0x100) }
    Self.mix(&h, UInt64(total))
    return h ^ (h >> 32)
  }
}

/// Bytes read in order from somewhere other than memory (a BLOB in the store).
protocol ByteSource: AnyObject {
  /// Copies the next bytes into `buffer`; returns how many (0 at the end or on an error).
  func read(into buffer: UnsafeMutableRawBufferPointer) -> Int
  /// How many bytes are left to read, when the source knows.
  var remaining: Int? { get }
}

extension ByteSource {
  var remaining: Int? { nil }
}

/// The buffer a streaming ``ByteReader`` reads from: unread bytes move to its front, and the
/// source fills the rest.
final class StreamWindow {
  private var storage: UnsafeMutableRawBufferPointer
  private let source: any ByteSource
  private var ended = false
  private(set) var window = UnsafeRawBufferPointer(start: nil, count: 0)

  init(source: any ByteSource, capacity: Int) {
    self.source = source
    storage = .allocate(byteCount: max(16, capacity), alignment: 16)
  }

  deinit { storage.deallocate() }

  /// The bytes the source has not handed over yet, when it knows.
  var sourceRemaining: Int? { source.remaining }

  /// Fills `destination` straight from the source, past the window (which must have been read
  /// to its end); false when the source ends first.
  func read(into destination: UnsafeMutableRawBufferPointer) -> Bool {
    window = UnsafeRawBufferPointer(start: nil, count: 0)
    var filled = 0
    while filled < destination.count && !ended {
      let got = source.read(into: UnsafeMutableRawBufferPointer(rebasing: destination[filled...]))
      if got == 0 { ended = true }
      filled += got
    }
    return filled == destination.count
  }

  /// Keeps `rest` (unread bytes of the current window) and reads more until the window holds at
  /// least `needed` bytes or the source ends; false when it cannot.
  func refill(keeping rest: UnsafeRawBufferPointer, atLeast needed: Int) -> Bool {
    let kept = rest.count
    if needed > storage.count {
      let larger = UnsafeMutableRawBufferPointer.allocate(
        byteCount: max(needed, storage.count * 2), alignment: 16)
      if kept > 0 { larger.baseAddress!.copyMemory(from: rest.baseAddress!, byteCount: kept) }
      storage.deallocate()
      storage = larger
    } else if kept > 0 {
      storage.baseAddress!.copyMemory(from: rest.baseAddress!, byteCount: kept)
    }
    var filled = kept
    while filled < needed && !ended {
      let got = source.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[filled...]))
      if got == 0 { ended = true }
      filled += got
    }
    window = UnsafeRawBufferPointer(rebasing: storage[..<filled])
    return filled >= needed
  }
}
