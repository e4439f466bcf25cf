import SupplierTrustCSV
import SupplierTrustModel

/// The line where each record id was first seen in one file, for finding repeated ids when
/// checking without a store.
///
/// Files usually list records in id order, so ids that keep rising are kept as a sorted run:
/// appending one costs a comparison with the last, and a later id that does not rise is looked
/// up in the run by binary search. The others go to an open-addressing table over the ids' UTF-8
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
    // Most files are in id order, so the run takes nearly every id: room for them up front, as
    // growing by doubling copied them into fresh pages again and again.
    run = Run(expectedCount: expectedCount)
  }

  /// Records `key` at `line`; returns the earlier line when the key was already there.
  mutating func insert(_ key: String, line: Int) -> Int? {
    var key = key
    return key.withUTF8 { insert(bytes: $0, line: line) }
  }

  mutating func insert(bytes key: UnsafeBufferPointer<UInt8>, line: Int) -> Int? {
    let order = run.count == 0 ? 1 : ByteComparison.order(key, run.key(run.count - 1))
    if order > 0 {
      if !isKnownUniquelyReferenced(&run) { run = run.copy() }
      run.append(key, line: Int32(truncatingIfNeeded: line))
      count += 1
      return nil
    }
    if order == 0 { return Int(run.line(run.count - 1)) }
    if let found = searchRun(key) { return Int(run.line(found)) }
    return insertInTable(key, line: line)
  }

  /// Every key with its line: the rising run's, then the table's.
  func forEach(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
    for k in 0..<run.count { body(run.key(k), Int(run.line(k))) }
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
      let order = ByteComparison.order(key, run.key(middle))
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

  /// Rising keys back to back with their end offsets and lines, in memory of its own: three
  /// array appends per id (each with its uniqueness and capacity checks) cost more than the
  /// comparison that decides them.
  private final class Run {
    // Used by one thread at a time (the index's owner): no dynamic exclusivity check per append,
    // which cost more than the append.
    @exclusivity(unchecked) private var bytes: ValueColumn<UInt8>
    @exclusivity(unchecked) private var ends: ValueColumn<Int>
    @exclusivity(unchecked) private var lines: ValueColumn<Int32>
    var count: Int { ends.count }

    init(expectedCount: Int) {
      bytes = ValueColumn(capacity: max(16, expectedCount) * 12)
      ends = ValueColumn(capacity: expectedCount)
      lines = ValueColumn(capacity: expectedCount)
    }

    deinit {
      bytes.deallocate()
      ends.deallocate()
      lines.deallocate()
    }

    func copy() -> Run {
      let other = Run(expectedCount: count)
      for k in 0..<count { other.append(key(k), line: lines[k]) }
      return other
    }

    @inline(__always)
    func key(_ index: Int) -> UnsafeBufferPointer<UInt8> {
      bytes.values(index == 0 ? 0 : ends[index - 1], ends[index])
    }

    @inline(__always)
    func line(_ index: Int) -> Int32 { lines[index] }

    func append(_ key: UnsafeBufferPointer<UInt8>, line: Int32) {
      bytes.append(contentsOf: key)
      ends.append(bytes.count)
      lines.append(line)
    }
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
