import SupplierTrustCSV
import SupplierTrustModel

/// The line where each record id was first seen in one file, for finding repeated ids when
/// checking without a store.
///
/// Files usually list records in id order, so ids that keep rising are kept as a sorted run:
/// appending one costs a comparison with the last (ids numbered one after the other take a few
/// segments of it, not memory each: ``Run``), and a later id that does not rise is looked up in
/// the run by binary search. The others go to an open-addressing table over the ids' UTF-8
/// bytes. Every id in the table is smaller than the run's last id (the run only grows), so a
/// rising id is new without a look-up. In a shuffled file the run stays short (rising records
/// are rare) and the table does the work.
///
/// Each table slot is 16 bytes (hash, line, key offset) in one array, so that an insert into a
/// table of millions touches one cache line, not three; keys live in one byte arena
/// (length-prefixed) rather than in millions of strings; the hash reads eight bytes at a time
/// (``ByteHash``) instead of seeding a `Hasher` per id. A random probe into a large table costs 250-350 ns on
/// this machine (a cache and TLB miss), which is why sorted input avoids the table altogether.
struct IdentityIndex {
  private struct Slot {
    /// 0 marks an empty slot (``hash(_:)`` is never 0).
    var hash: UInt64
    var line: Int32
    /// Offset in `arena` of the key's LEB128 length, followed by its bytes.
    var keyStart: UInt32
  }

  /// The sorted run.
  private var run: Run
  private var slots: [Slot]
  private var arena: [UInt8] = []
  private(set) var count = 0

  /// Ids in the table (the rest are in the run).
  private var tableCount = 0
  /// The table's first size, used when the first id out of order arrives.
  private let initialCapacity: Int

  init(expectedCount: Int = 1024) {
    var capacity = 16
    while capacity * 3 < expectedCount * 4 { capacity <<= 1 }
    initialCapacity = capacity
    slots = []
    run = Run()
  }

  /// Records `key` at `line`; returns the earlier line when the key was already there.
  mutating func insert(_ key: String, line: Int) -> Int? {
    var key = key
    return key.withUTF8 { insert(bytes: $0, line: line) }
  }

  mutating func insert(bytes key: UnsafeBufferPointer<UInt8>, line: Int) -> Int? {
    if !isKnownUniquelyReferenced(&run) { run = run.copy() }
    if run.extends(with: key, line: Int32(truncatingIfNeeded: line)) {
      count += 1
      return nil
    }
    let order = run.count == 0 ? 1 : ByteComparison.order(key, run.last)
    if order > 0 {
      run.startSegment(key, line: Int32(truncatingIfNeeded: line))
      count += 1
      return nil
    }
    if order == 0 { return Int(run.line(run.count - 1)) }
    if let found = searchRun(key) { return Int(run.line(found)) }
    return insertInTable(key, line: line)
  }

  /// Every key with its line: the rising run's, then the table's.
  func forEach(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
    run.forEach { key, line in body(key, Int(line)) }
    arena.withUnsafeBufferPointer { stored in
      for slot in slots where slot.hash != 0 {
        body(Self.storedKey(stored, slot.keyStart), Int(slot.line))
      }
    }
  }

  /// The line where `key` was recorded, if it was; records nothing.
  func line(of key: UnsafeBufferPointer<UInt8>) -> Int? {
    if let found = searchRun(key) { return Int(run.line(found)) }
    guard !slots.isEmpty else { return nil }
    return probe(key, hash: ByteHash.hash(key)).line
  }

  /// The table slot holding `key` and its line, or the empty slot where it would go.
  private func probe(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, line: Int?) {
    arena.withUnsafeBufferPointer { stored in
      slots.withUnsafeBufferPointer { slots in
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].hash != 0 {
          if slots[slot].hash == hash && Self.equals(stored, slots[slot].keyStart, key) {
            return (slot, Int(slots[slot].line))
          }
          slot = (slot + 1) & mask
        }
        return (slot, nil)
      }
    }
  }

  /// The index of `key` in the run, by binary search.
  private func searchRun(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
    var low = 0
    var high = run.count
    while low < high {
      let middle = (low + high) / 2
      let order = run.withKey(middle) { ByteComparison.order(key, $0) }
      if order == 0 { return middle }
      if order > 0 { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  private mutating func insertInTable(_ key: UnsafeBufferPointer<UInt8>, line: Int) -> Int? {
    if slots.isEmpty { slots = Array(repeating: Slot(hash: 0, line: 0, keyStart: 0), count: initialCapacity) }
    // At most three quarters full: linear probing stays short, memory stays small.
    if (tableCount + 1) * 4 > slots.count * 3 { grow() }
    let hash = ByteHash.hash(key)
    let (slot, found) = probe(key, hash: hash)
    if let found { return found }
    slots[slot] = Slot(hash: hash, line: Int32(truncatingIfNeeded: line), keyStart: UInt32(arena.count))
    var length = key.count
    while length >= 0x80 {
      arena.append(UInt8(length & 0x7F) | 0x80)
      length >>= 7
    }
    arena.append(UInt8(length))
    if let base = key.baseAddress, !key.isEmpty {
      arena.append(contentsOf: UnsafeBufferPointer(start: base, count: key.count))
    }
    tableCount += 1
    count += 1
    return nil
  }

  /// The key stored in `arena` at `keyStart`: its LEB128 length, then its bytes.
  @inline(__always)
  private static func storedKey(_ stored: UnsafeBufferPointer<UInt8>, _ keyStart: UInt32)
    -> UnsafeBufferPointer<UInt8>
  {
    var offset = Int(keyStart)
    var length = 0
    var shift = 0
    while true {
      let byte = stored[offset]
      offset += 1
      length |= Int(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    return UnsafeBufferPointer(rebasing: stored[offset..<(offset + length)])
  }

  private static func equals(
    _ stored: UnsafeBufferPointer<UInt8>, _ keyStart: UInt32, _ key: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let found = storedKey(stored, keyStart)
    guard found.count == key.count else { return false }
    for i in 0..<found.count where found[i] != key[i] { return false }
    return true
  }

  /// The rising keys as segments: a key that is the last one with its trailing decimal digits
  /// counted up by one (RV-00000041 after RV-00000040, RV-00000100 after RV-00000099), on the
  /// line after it, extends the last segment; any other rising key starts one. A segment keeps
  /// its first key, the index of that key and its line; every other key and line follows from
  /// them. Files number their records one per line more often than not, so four million ids
  /// take a few segments where they took 23 bytes each (100 MB of memory at size L, every page
  /// of it first touched on the thread that collects the reviews, the reading's busiest).
  private final class Run {
    // Used by one thread at a time (the index's owner): no dynamic exclusivity check per append,
    // which cost more than the append.
    @exclusivity(unchecked) private var firstKeys: ValueColumn<UInt8>
    @exclusivity(unchecked) private var firstKeyEnds: ValueColumn<Int>
    @exclusivity(unchecked) private var firstIndexes: ValueColumn<Int>
    @exclusivity(unchecked) private var firstLines: ValueColumn<Int32>
    /// The last key: the next one extends its segment when it is this one counted up.
    @exclusivity(unchecked) private var lastKey = KeyBuffer()
    private var lastLine: Int32 = 0
    private(set) var count = 0

    init() {
      firstKeys = ValueColumn(capacity: 256)
      firstKeyEnds = ValueColumn(capacity: 16)
      firstIndexes = ValueColumn(capacity: 16)
      firstLines = ValueColumn(capacity: 16)
    }

    deinit {
      firstKeys.deallocate()
      firstKeyEnds.deallocate()
      firstIndexes.deallocate()
      firstLines.deallocate()
      lastKey.deallocate()
    }

    func copy() -> Run {
      let other = Run()
      for segment in 0..<firstIndexes.count {
        other.firstKeys.append(contentsOf: firstKey(segment))
        other.firstKeyEnds.append(other.firstKeys.count)
        other.firstIndexes.append(firstIndexes[segment])
        other.firstLines.append(firstLines[segment])
      }
      other.lastKey.set(last)
      other.lastLine = lastLine
      other.count = count
      return other
    }

    /// The last key appended.
    var last: UnsafeBufferPointer<UInt8> { lastKey.bytes }

    /// Appends `key` if it is the last key counted up, on the line after the last one.
    @inline(__always)
    func extends(with key: UnsafeBufferPointer<UInt8>, line: Int32) -> Bool {
      guard count > 0, line == lastLine &+ 1, Self.follows(key, last) else { return false }
      lastKey.set(key)
      lastLine = line
      count += 1
      return true
    }

    /// Appends `key`, which sorts after the last key but does not extend its segment
    /// (``extends(with:line:)`` said no), on `line`: the first of a segment.
    func startSegment(_ key: UnsafeBufferPointer<UInt8>, line: Int32) {
      firstKeys.append(contentsOf: key)
      firstKeyEnds.append(firstKeys.count)
      firstIndexes.append(count)
      firstLines.append(line)
      lastKey.set(key)
      lastLine = line
      count += 1
    }

    /// Whether `key` is `previous` with its trailing decimal digits counted up by one (its
    /// trailing 9s turned to 0s and the digit before them, not a 9, one higher).
    @inline(__always)
    static func follows(_ key: UnsafeBufferPointer<UInt8>, _ previous: UnsafeBufferPointer<UInt8>) -> Bool {
      guard key.count == previous.count, let k = key.baseAddress, let p = previous.baseAddress else {
        return false
      }
      var i = key.count - 1
      while i >= 0 && p[i] == UInt8(ascii: "9") {
        guard k[i] == UInt8(ascii: "0") else { return false }
        i -= 1
      }
      guard i >= 0, p[i] >= UInt8(ascii: "0"), p[i] < UInt8(ascii: "9"), k[i] == p[i] + 1 else {
        return false
      }
      return i == 0
        || ByteComparison.equal(
          UnsafeBufferPointer(start: k, count: i), UnsafeBufferPointer(start: p, count: i))
    }

    /// The segment holding key `index`: the last whose first index is at most `index`.
    private func segment(holding index: Int) -> Int {
      var low = 0
      var high = firstIndexes.count
      while high - low > 1 {
        let middle = (low + high) / 2
        if firstIndexes[middle] <= index { low = middle } else { high = middle }
      }
      return low
    }

    private func firstKey(_ segment: Int) -> UnsafeBufferPointer<UInt8> {
      firstKeys.values(segment == 0 ? 0 : firstKeyEnds[segment - 1], firstKeyEnds[segment])
    }

    /// Calls `body` with key `index`: its segment's first key with the trailing digits counted
    /// up by its place in the segment (no carry leaves the digits: every key between was
    /// counted up without one).
    func withKey<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
      let segment = segment(holding: index)
      let first = firstKey(segment)
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, first.count)) { buffer in
        let bytes = UnsafeMutableBufferPointer(rebasing: buffer[0..<first.count])
        _ = bytes.initialize(fromContentsOf: first)
        var carry = index - firstIndexes[segment]
        var i = bytes.count - 1
        while carry > 0 && i >= 0 {
          var digit = Int(bytes[i] &- UInt8(ascii: "0")) + carry % 10
          carry /= 10
          if digit >= 10 {
            digit -= 10
            carry += 1
          }
          bytes[i] = UInt8(ascii: "0") + UInt8(digit)
          i -= 1
        }
        return body(UnsafeBufferPointer(bytes))
      }
    }

    func line(_ index: Int) -> Int32 {
      let segment = segment(holding: index)
      return firstLines[segment] &+ Int32(truncatingIfNeeded: index - firstIndexes[segment])
    }

    /// Calls `body` with every key in order and its line.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, Int32) -> Void) {
      for segment in 0..<firstIndexes.count {
        let end = segment + 1 < firstIndexes.count ? firstIndexes[segment + 1] : count
        let first = firstKey(segment)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, first.count)) { buffer in
          let bytes = UnsafeMutableBufferPointer(rebasing: buffer[0..<first.count])
          _ = bytes.initialize(fromContentsOf: first)
          for index in firstIndexes[segment]..<end {
            if index > firstIndexes[segment] { Self.countUp(bytes) }
            body(
              UnsafeBufferPointer(bytes),
              firstLines[segment] &+ Int32(truncatingIfNeeded: index - firstIndexes[segment]))
          }
        }
      }
    }

    /// Counts the trailing decimal digits of `bytes` up by one (a key of a segment: they do
    /// not all read 9).
    private static func countUp(_ bytes: UnsafeMutableBufferPointer<UInt8>) {
      var i = bytes.count - 1
      while i >= 0 && bytes[i] == UInt8(ascii: "9") {
        bytes[i] = UInt8(ascii: "0")
        i -= 1
      }
      if i >= 0 { bytes[i] += 1 }
    }
  }

  /// One key's bytes in memory its owner frees (``deallocate()``), replaced in place.
  private struct KeyBuffer {
    private var base = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    private var capacity = 64
    private var count = 0

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func set(_ key: UnsafeBufferPointer<UInt8>) {
      if key.count > capacity {
        base.deallocate()
        capacity = key.count
        base = .allocate(capacity: capacity)
      }
      if let source = key.baseAddress { base.update(from: source, count: key.count) }
      count = key.count
    }

    func deallocate() { base.deallocate() }
  }

  private mutating func grow() {
    let old = slots
    let capacity = old.count * 2
    slots = Array(repeating: Slot(hash: 0, line: 0, keyStart: 0), count: capacity)
    let mask = capacity - 1
    slots.withUnsafeMutableBufferPointer { slots in
      for entry in old where entry.hash != 0 {
        var slot = Int(truncatingIfNeeded: entry.hash) & mask
        while slots[slot].hash != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
      }
    }
  }
}
