import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What scoring a catalog concluded, in a form a later run can start from.
///
/// A run of the same catalog under the same policy on the same as-of day (`rank` after `score`,
/// or a second `rank` for another order) reaches the same numbers. Screening four million reviews
/// for bursts and scoring every supplier is most of a run, and none of it depends on the order
/// being ranked, so ``Scorer/score(_:reusing:detailing:)`` takes the catalog-wide figures and every
/// supplier's numbers from here and works out in full only the suppliers it explains.
///
/// The memo holds numbers, flag codes and burst findings, not words. It does not know which
/// catalog it was made from: whoever keeps it files it under the catalog's version, the policy's
/// hash, the as-of day and the program (``Scorer/memoKey(catalogVersion:)``), and the scorer
/// checks that it fits (supplier and review counts, and every explained supplier's numbers again).
public struct ScoringMemo: Sendable, Equatable {
  /// One supplier's numbers, in the scorer's supplier order (by id): what ranking orders by and
  /// what its filters ask (components, interval and figures are shown only for suppliers
  /// explained, which are scored again).
  struct Row: Sendable {
    var score: Double?
    var exactScore: Double?
    var meanScore: Double?
    var grade: String
    var standing: Standing
    var confidence: Double
    /// Codes and severities, most serious first (details are written only for those explained).
    var flags: [(code: FlagCode, severity: Severity)]
    var validStandards: [String]
  }

  var supplierCount: Int
  var reviewCount: Int
  var meanRating: Double
  var ratingSpread: Double
  var ratingCount: Int
  var priorReviewValue: Double
  var catalogAverages: [Double?]
  var imputed: [Double?]
  /// Positions (in the scorer's review table) of the reviews discounted as part of a burst.
  var suspicious: [Int32]
  /// The bursts found, by supplier position.
  var bursts: [(supplier: Int32, bursts: [ReviewBurst])]
  /// Whether the run scored the catalog's reviews as they stood (all up to the as-of day, grouped
  /// by supplier in id order, as a store hands them over): a later run then finds any supplier's
  /// evidence by its id, without gathering every supplier's.
  var reviewsAsGiven: Bool
  /// The certificates several suppliers claim (see ``Scorer/sharedCertificates(_:)``).
  var sharedCertificates: [UInt64: (key: String, holders: [String])]
  /// Every supplier's ``Row``, encoded one after another (written on both cores straight from
  /// the assessments: building 100,000 rows first cost a tenth of a second).
  var rowData: [UInt8]
  /// Where each run of ``rowsPerChunk`` rows ends in ``rowData``: runs are written, and read, on
  /// both cores.
  var rowChunkEnds: [Int]

  /// Rows per run of ``rowData``.
  static let rowsPerChunk = 2048

  /// Each enumeration's cases by number, made once: `allCases` builds a new array at every use,
  /// and a row uses it several times.
  static let standings = Standing.allCases
  static let flagCodes = FlagCode.allCases
  static let severities = Severity.allCases

  /// Whether two memos hold the same figures, bursts and rows (the same run writes equal memos,
  /// whatever words it wrote).
  public static func == (a: ScoringMemo, b: ScoringMemo) -> Bool {
    a.supplierCount == b.supplierCount && a.reviewCount == b.reviewCount && a.meanRating == b.meanRating
      && a.ratingSpread == b.ratingSpread && a.ratingCount == b.ratingCount
      && a.priorReviewValue == b.priorReviewValue && a.catalogAverages == b.catalogAverages
      && a.imputed == b.imputed && a.suspicious == b.suspicious
      && a.bursts.map(\.supplier) == b.bursts.map(\.supplier)
      && a.bursts.map(\.bursts) == b.bursts.map(\.bursts)
      && a.reviewsAsGiven == b.reviewsAsGiven
      && Set(a.sharedCertificates.keys) == Set(b.sharedCertificates.keys)
      && a.sharedCertificates.allSatisfy { hash, entry in
        b.sharedCertificates[hash].map { $0.key == entry.key && $0.holders == entry.holders } ?? false
      }
      && a.rowData == b.rowData && a.rowChunkEnds == b.rowChunkEnds
  }

  /// Written first, so that bytes of an older layout (or of anything else) are refused.
  static let formatTag = "supplier-trust scoring memo 5"

  /// A checksum of `bytes` (64-bit words multiplied and mixed in; the tail byte by byte): a
  /// memo whose bytes changed in place, where its layout still reads, is refused rather than
  /// ranking a supplier by a damaged score (black-box review 68 flipped one byte of a score and
  /// its supplier fell out of the top three unnoticed).
  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    let words = bytes.count / 8
    for k in 0..<words {
      let word = bytes.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self)
      hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
    }
    for k in (words * 8)..<bytes.count {
      hash = (hash ^ UInt64(bytes[k])) &* 0x94D0_49BB_1331_11EB
      hash ^= hash >> 29
    }
    return hash
  }

  /// The memo as bytes, for ``init(decoding:)``: its fields, then their checksum.
  public func encoded() -> [UInt8] {
    var w = MemoWriter()
    w.bytes.reserveCapacity(256 + rowData.count + suspicious.count * 4)
    w.string(Self.formatTag)
    w.int(supplierCount)
    w.int(reviewCount)
    w.double(meanRating)
    w.double(ratingSpread)
    w.int(ratingCount)
    w.double(priorReviewValue)
    for value in catalogAverages + imputed { w.optional(value) }
    w.int(suspicious.count)
    // As gaps from the one before: positions ascend.
    var previous = 0
    for k in suspicious {
      w.int(Int(k) - previous)
      previous = Int(k)
    }
    w.int(bursts.count)
    for (supplier, found) in bursts {
      w.int(Int(supplier))
      w.int(found.count)
      for burst in found { w.burst(burst) }
    }
    w.int(reviewsAsGiven ? 1 : 0)
    w.int(sharedCertificates.count)
    // In hash order, so that the same run writes the same bytes.
    for (hash, entry) in sharedCertificates.sorted(by: { $0.key < $1.key }) {
      w.u64(hash)
      w.string(entry.key)
      w.int(entry.holders.count)
      for holder in entry.holders { w.string(holder) }
    }
    w.int(rowChunkEnds.count)
    for end in rowChunkEnds { w.int(end) }
    w.int(rowData.count)
    w.bytes.append(contentsOf: rowData)
    let sum = w.bytes.withUnsafeBytes { Self.checksum($0) }
    withUnsafeBytes(of: sum.littleEndian) { w.bytes.append(contentsOf: $0) }
    return w.bytes
  }

  /// The memo `bytes` hold, or nil when they are not one written by ``encoded()`` (another
  /// layout, cut short, or damaged).
  public init?(decoding bytes: [UInt8]) {
    let decoded: ScoringMemo? = bytes.withUnsafeBytes { raw in
      guard raw.count >= 8 else { return nil }
      let body = UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 8)])
      let stored = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
      guard Self.checksum(body) == stored else { return nil }
      var r = MemoReader(body)
      return Self.decode(&r)
    }
    guard let decoded else { return nil }
    self = decoded
  }

  private init(
    supplierCount: Int, reviewCount: Int, meanRating: Double, ratingSpread: Double, ratingCount: Int,
    priorReviewValue: Double, catalogAverages: [Double?], imputed: [Double?], suspicious: [Int32],
    bursts: [(supplier: Int32, bursts: [ReviewBurst])], reviewsAsGiven: Bool,
    sharedCertificates: [UInt64: (key: String, holders: [String])], rowData: [UInt8], rowChunkEnds: [Int]
  ) {
    self.supplierCount = supplierCount
    self.reviewCount = reviewCount
    self.meanRating = meanRating
    self.ratingSpread = ratingSpread
    self.ratingCount = ratingCount
    self.priorReviewValue = priorReviewValue
    self.catalogAverages = catalogAverages
    self.imputed = imputed
    self.suspicious = suspicious
    self.bursts = bursts
    self.reviewsAsGiven = reviewsAsGiven
    self.sharedCertificates = sharedCertificates
    self.rowData = rowData
    self.rowChunkEnds = rowChunkEnds
  }

  /// Made by the scorer at the end of a run (see ``Scorer/scoreKeepingMemo(_:detailing:)``), from
  /// the number-only assessments in supplier order.
  init(
    context: Scorer.Context, ratingCount: Int, suspicious: [Bool], bursts: [[ReviewBurst]],
    assessments: [SupplierAssessment], reviewsAsGiven: Bool
  ) {
    var marked: [Int32] = []
    for (k, isSuspicious) in suspicious.enumerated() where isSuspicious { marked.append(Int32(k)) }
    let chunks = mapChunks(count: assessments.count, chunkSize: Self.rowsPerChunk) { range in
      var w = MemoWriter()
      w.bytes.reserveCapacity(range.count * 120)
      // Through a pointer: a subscript copied each assessment to hand it over.
      assessments.withUnsafeBufferPointer { all in
        for i in range { w.row(all.baseAddress! + i) }
      }
      return w.bytes
    }
    var rowData: [UInt8] = []
    rowData.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
    var ends: [Int] = []
    for chunk in chunks {
      rowData.append(contentsOf: chunk)
      ends.append(rowData.count)
    }
    self.init(
      supplierCount: assessments.count, reviewCount: suspicious.count, meanRating: context.meanRating,
      ratingSpread: context.ratingSpread, ratingCount: ratingCount,
      priorReviewValue: context.priorReviewValue,
      catalogAverages: context.catalogAverages, imputed: context.imputed, suspicious: marked,
      bursts: bursts.enumerated().filter { !$0.element.isEmpty }.map { (Int32($0.offset), $0.element) },
      reviewsAsGiven: reviewsAsGiven, sharedCertificates: context.sharedCertificates, rowData: rowData,
      rowChunkEnds: ends)
  }

  /// The number of runs of rows.
  var rowChunkCount: Int { rowChunkEnds.count }

  /// The rows of run `chunk` (suppliers `chunk * rowsPerChunk` on); nil when they are damaged or
  /// not as many as the run holds.
  func rows(inChunk chunk: Int) -> [Row]? {
    let first = chunk * Self.rowsPerChunk
    let count = min(Self.rowsPerChunk, supplierCount - first)
    let start = chunk == 0 ? 0 : rowChunkEnds[chunk - 1]
    return rowData.withUnsafeBytes { raw -> [Row]? in
      var r = MemoReader(UnsafeRawBufferPointer(rebasing: raw[start..<rowChunkEnds[chunk]]))
      var rows: [Row] = []
      rows.reserveCapacity(count)
      while r.remaining > 0 {
        guard rows.count < count, let row = r.row() else { return nil }
        rows.append(row)
      }
      return rows.count == count ? rows : nil
    }
  }

  /// Every supplier's row, in supplier order; nil when the rows are damaged or not one per supplier.
  func rows() -> [Row]? {
    var all: [Row] = []
    for chunk in 0..<rowChunkCount {
      guard let rows = rows(inChunk: chunk) else { return nil }
      all.append(contentsOf: rows)
    }
    return all.count == supplierCount ? all : nil
  }

  private static func decode(_ r: inout MemoReader) -> ScoringMemo? {
    // Counts beyond what a table can number are refused before anything is sized by them.
    let countRange = 0...Int(Int32.max)
    guard r.string() == formatTag, let supplierCount = r.int(), countRange.contains(supplierCount),
      let reviewCount = r.int(), countRange.contains(reviewCount), let meanRating = r.double(),
      let ratingSpread = r.double(), let ratingCount = r.int(), let priorReviewValue = r.double()
    else { return nil }
    var averages: [Double?] = []
    for _ in 0..<10 {
      guard let value = r.optional() else { return nil }
      averages.append(value)
    }
    // Each position takes a byte at least: more than the bytes left is damage, not a count.
    guard let suspiciousCount = r.int(), (0...min(reviewCount, r.remaining)).contains(suspiciousCount)
    else { return nil }
    var suspicious: [Int32] = []
    suspicious.reserveCapacity(suspiciousCount)
    var position = 0
    for _ in 0..<suspiciousCount {
      guard let gap = r.int(), gap >= 0, gap < reviewCount - position else { return nil }
      position += gap
      suspicious.append(Int32(position))
    }
    guard let burstSuppliers = r.int(), (0...min(supplierCount, r.remaining)).contains(burstSuppliers)
    else { return nil }
    var bursts: [(supplier: Int32, bursts: [ReviewBurst])] = []
    for _ in 0..<burstSuppliers {
      guard let supplier = r.int(), (0..<supplierCount).contains(supplier), let count = r.int(),
        (0...min(reviewCount, r.remaining)).contains(count)
      else { return nil }
      var found: [ReviewBurst] = []
      for _ in 0..<count {
        guard let burst = r.burst() else { return nil }
        found.append(burst)
      }
      bursts.append((Int32(supplier), found))
    }
    guard let asGiven = r.int(), (0...1).contains(asGiven), let sharedCount = r.int(),
      (0...r.remaining).contains(sharedCount)
    else { return nil }
    var shared: [UInt64: (key: String, holders: [String])] = [:]
    for _ in 0..<sharedCount {
      guard let hash = r.u64(), let key = r.string(), let holderCount = r.int(),
        (0...r.remaining).contains(holderCount)
      else { return nil }
      var holders: [String] = []
      for _ in 0..<holderCount {
        guard let holder = r.string() else { return nil }
        holders.append(holder)
      }
      shared[hash] = (key, holders)
    }
    // Runs of rows: as many as the suppliers fill, each ending at or after the one before.
    let chunkCount = (supplierCount + rowsPerChunk - 1) / rowsPerChunk
    guard let endCount = r.int(), endCount == chunkCount else { return nil }
    var ends: [Int] = []
    for _ in 0..<chunkCount {
      guard let end = r.int(), end >= (ends.last ?? 0) else { return nil }
      ends.append(end)
    }
    guard let rowBytes = r.int(), rowBytes == r.remaining, (ends.last ?? 0) == rowBytes,
      let rowData = r.bytes(rowBytes)
    else { return nil }
    return ScoringMemo(
      supplierCount: supplierCount, reviewCount: reviewCount, meanRating: meanRating,
      ratingSpread: ratingSpread,
      ratingCount: ratingCount, priorReviewValue: priorReviewValue, catalogAverages: Array(averages[0..<5]),
      imputed: Array(averages[5..<10]), suspicious: suspicious, bursts: bursts, reviewsAsGiven: asGiven == 1,
      sharedCertificates: shared, rowData: rowData, rowChunkEnds: ends)
  }
}

extension ScoringMemo.Row {
  /// Whether `a` and `b` have the same scores, grade, standing, confidence, flag codes and valid
  /// standards: what a memo keeps of an assessment.
  static func sameNumbers(_ a: SupplierAssessment, _ b: SupplierAssessment) -> Bool {
    a.score == b.score && a.exactScore == b.exactScore && a.meanScore == b.meanScore && a.grade == b.grade
      && a.standing == b.standing && a.confidence == b.confidence
      && a.flags.map(\.code) == b.flags.map(\.code) && a.flags.map(\.severity) == b.flags.map(\.severity)
      && a.validStandards == b.validStandards
  }
}

/// Little-endian integers as variable-length (LEB128, zig-zag) numbers, doubles by their bits,
/// optionals behind a byte: most numbers of a memo are small.
struct MemoWriter {
  var bytes: [UInt8] = []

  mutating func int(_ value: Int) {
    var v = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
    while v >= 0x80 {
      bytes.append(UInt8(v & 0x7F) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  mutating func double(_ value: Double) { u64(value.bitPattern) }

  mutating func u64(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func optional(_ value: Double?) {
    if let value {
      bytes.append(1)
      double(value)
    } else {
      bytes.append(0)
    }
  }

  mutating func string(_ value: String) {
    int(value.utf8.count)
    bytes.append(contentsOf: value.utf8)
  }

  mutating func row(_ assessment: UnsafePointer<SupplierAssessment>) {
    optional(assessment.pointee.score)
    optional(assessment.pointee.exactScore)
    optional(assessment.pointee.meanScore)
    string(assessment.pointee.grade)
    int(ScoringMemo.standings.firstIndex(of: assessment.pointee.standing)!)
    double(assessment.pointee.confidence)
    int(assessment.pointee.flags.count)
    for flag in assessment.pointee.flags {
      int(ScoringMemo.flagCodes.firstIndex(of: flag.code)!)
      int(ScoringMemo.severities.firstIndex(of: flag.severity)!)
    }
    int(assessment.pointee.validStandards.count)
    // Sorted, so that the same run writes the same bytes (a set's order changes from run to run).
    if assessment.pointee.validStandards.count > 1 {
      for standard in assessment.pointee.validStandards.sorted() { string(standard) }
    } else {
      for standard in assessment.pointee.validStandards { string(standard) }
    }
  }

  mutating func burst(_ b: ReviewBurst) {
    int(Int(b.start.daysSinceEpoch))
    int(Int(b.end.daysSinceEpoch))
    int(b.reviewIndices.count)
    for i in b.reviewIndices { int(i) }
    int(b.reviewCount)
    for value in [b.newReviewerShare, b.unverifiedShare, b.nearIdenticalShare, b.fiveStarShare, b.meanRating]
    {
      double(value)
    }
    string(b.detail)
    if let stars = b.campaignStars {
      int(stars.count)
      for star in stars.sorted() { int(star) }
    } else {
      int(-1)
    }
    int(b.commonestStar)
    int(b.lowersRating ? (b.alsoInflates ? 2 : 1) : 0)
  }
}

/// Reads what ``MemoWriter`` wrote; every read is bounds-checked and nil past the end.
struct MemoReader {
  private let base: UnsafeRawBufferPointer
  private var offset = 0

  init(_ base: UnsafeRawBufferPointer) { self.base = base }

  var remaining: Int { base.count - offset }

  mutating func int() -> Int? {
    var v: UInt64 = 0
    var shift: UInt64 = 0
    while offset < base.count, shift < 64 {
      let byte = base[offset]
      offset += 1
      v |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 {
        let signed = Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)
        return Int(signed)
      }
      shift += 7
    }
    return nil
  }

  mutating func double() -> Double? { u64().map(Double.init(bitPattern:)) }

  mutating func u64() -> UInt64? {
    guard remaining >= 8 else { return nil }
    defer { offset += 8 }
    return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// nil past the end; `.some(nil)` for a value written as missing.
  mutating func optional() -> Double?? {
    guard offset < base.count else { return nil }
    let tag = base[offset]
    offset += 1
    switch tag {
    case 0: return .some(nil)
    case 1: return double().map { .some($0) }
    default: return nil
    }
  }

  mutating func string() -> String? {
    guard let count = int(), count >= 0, count <= remaining else { return nil }
    let text = String(
      decoding: UnsafeRawBufferPointer(rebasing: base[offset..<offset + count]), as: UTF8.self)
    offset += count
    return text
  }

  mutating func bytes(_ count: Int) -> [UInt8]? {
    guard count >= 0, count <= remaining else { return nil }
    defer { offset += count }
    return Array(base[offset..<offset + count])
  }

  mutating func row() -> ScoringMemo.Row? {
    guard let score = optional(), let exactScore = optional(), let meanScore = optional(),
      let grade = string(),
      let standing = int(), ScoringMemo.standings.indices.contains(standing), let confidence = double()
    else { return nil }
    guard let flagCount = int(), (0...remaining).contains(flagCount) else { return nil }
    var flags: [(code: FlagCode, severity: Severity)] = []
    for _ in 0..<flagCount {
      guard let code = int(), ScoringMemo.flagCodes.indices.contains(code), let severity = int(),
        ScoringMemo.severities.indices.contains(severity)
      else { return nil }
      flags.append((ScoringMemo.flagCodes[code], ScoringMemo.severities[severity]))
    }
    guard let standardCount = int(), (0...remaining).contains(standardCount) else { return nil }
    var standards: [String] = []
    for _ in 0..<standardCount {
      guard let standard = string() else { return nil }
      standards.append(standard)
    }
    return ScoringMemo.Row(
      score: score, exactScore: exactScore, meanScore: meanScore, grade: grade,
      standing: ScoringMemo.standings[standing], confidence: confidence, flags: flags,
      validStandards: standards)
  }

  mutating func burst() -> ReviewBurst? {
    guard let start = int(), let end = int(), let indexCount = int(), indexCount >= 0, indexCount <= remaining
    else { return nil }
    var indices: [Int] = []
    indices.reserveCapacity(indexCount)
    for _ in 0..<indexCount {
      guard let i = int(), i >= 0 else { return nil }
      indices.append(i)
    }
    guard let reviewCount = int(), let newShare = double(), let unverifiedShare = double(),
      let nearIdentical = double(), let fiveStar = double(), let mean = double(), let detail = string(),
      let starCount = int(), starCount <= 5
    else { return nil }
    var stars: Set<Int>?
    if starCount >= 0 {
      var set: Set<Int> = []
      for _ in 0..<starCount {
        guard let star = int() else { return nil }
        set.insert(star)
      }
      stars = set
    }
    guard let commonest = int(), let lowers = int(), (0...1).contains(lowers),
      let startDay = Int32(exactly: start), let endDay = Int32(exactly: end)
    else { return nil }
    var burst = ReviewBurst(
      start: Day(daysSinceEpoch: startDay), end: Day(daysSinceEpoch: endDay), reviewIndices: indices,
      reviewCount: reviewCount, newReviewerShare: newShare, unverifiedShare: unverifiedShare,
      nearIdenticalShare: nearIdentical, fiveStarShare: fiveStar, meanRating: mean, detail: detail)
    burst.campaignStars = stars
    burst.commonestStar = commonest
    burst.lowersRating = lowers >= 1
    burst.alsoInflates = lowers == 2
    return burst
  }
}

extension Scorer {
  /// What a memo of this scorer's runs of a catalog is kept under: the catalog's version as its
  /// store names it, the policy's hash, the as-of day, the registry's fingerprint, the memo's
  /// layout and the program itself (a rebuilt program may score otherwise: its file's size, time
  /// and inode say it is another one).
  /// nil when the program's file cannot be told apart from another build's.
  public func memoKey(catalogVersion: String) -> String? {
    guard let program = Self.programIdentity else { return nil }
    return "\(catalogVersion); policy \(policy.hash); as of \(asOf); "
      + "registry \(String(registry.fingerprint, radix: 16)); \(ScoringMemo.formatTag); program \(program)"
  }

  /// The running program's file: size, modification time and inode.
  static let programIdentity: String? = {
    var info = stat()
    #if os(Linux)
      let path = "/proc/self/exe"
    #else
      // The program's own path (a name found through PATH would be looked up in the current folder).
      guard let path = Bundle.main.executablePath else { return nil }
    #endif
    guard stat(path, &info) == 0 else { return nil }
    #if os(Linux)
      let time = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    #else
      let time = "\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
    #endif
    return "\(info.st_size) bytes, \(time), inode \(info.st_ino)"
  }()
}
