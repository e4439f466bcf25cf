import CByteScan
import SupplierTrustModel

/// A set of short byte strings (supplier ids), asked about by their UTF-8 bytes.
///
/// Every review, certificate, audit and order names its supplier, and the importer asks whether
/// that supplier is known. A `Set<String>` made a string and hashed it with SipHash on every
/// change of supplier (once per supplier and file when records come grouped, on every record
/// otherwise): 3 % of a one-core check of size L. Here the question costs one ``ByteHash`` and
/// usually one probe of a 16-byte slot.
///
/// Open addressing with linear probing, at most half full; removal shifts later entries back
/// rather than leaving markers, so lookups never slow down after a file's suppliers are
/// forgotten. Keys live in one arena (length-prefixed); a removed key's bytes stay there.
struct ByteKeySet {
  private struct Slot {
    /// 0 marks an empty slot (``ByteHash`` never gives 0).
    var hash: UInt64
    /// Offset in `arena` of the key's length (four bytes), followed by its bytes.
    var keyStart: Int
  }

  private var slots: [Slot]
  private var arena: [UInt8] = []
  private(set) var count = 0

  init<Keys: Sequence>(_ keys: Keys) where Keys.Element == String {
    slots = Array(repeating: Slot(hash: 0, keyStart: 0), count: 16)
    for var key in keys { key.withUTF8 { _ = insert($0) } }
  }

  init() { self.init([String]()) }

  func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    find(key, hash: ByteHash.hash(key)).found
  }

  func contains(_ key: String) -> Bool {
    var key = key
    return key.withUTF8 { contains($0) }
  }

  /// Starts loading the slot `key` is looked up in, for a look-up a few records later: a
  /// suppliers file's 100,000 inserts each waited for a cache miss (0.016 s of the thread that
  /// collects them, the busiest while suppliers are read).
  func prefetch(_ key: UnsafeBufferPointer<UInt8>) {
    slots.withUnsafeBufferPointer { slots in
      supplier_trust_prefetch(
        slots.baseAddress! + (Int(truncatingIfNeeded: ByteHash.hash(key)) & (slots.count - 1)))
    }
  }

  /// Adds `key`; false when it was already there.
  @discardableResult
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let hash = ByteHash.hash(key)
    let (found, slot) = find(key, hash: hash)
    if found { return false }
    var length = UInt32(key.count)
    let keyStart = arena.count
    withUnsafeBytes(of: &length) { arena.append(contentsOf: $0) }
    arena.append(contentsOf: key)
    slots[slot] = Slot(hash: hash, keyStart: keyStart)
    count += 1
    if count * 2 > slots.count { grow() }
    return true
  }

  @discardableResult
  mutating func insert(_ key: String) -> Bool {
    var key = key
    return key.withUTF8 { insert($0) }
  }

  /// Removes `key` if present.
  mutating func remove(_ key: String) {
    var key = key
    key.withUTF8 { key in
      let (found, slot) = find(key, hash: ByteHash.hash(key))
      guard found else { return }
      count -= 1
      // Backward-shift deletion: move up each later entry of the run that may sit in the hole.
      let mask = slots.count - 1
      var hole = slot
      var next = (slot + 1) & mask
      while slots[next].hash != 0 {
        let home = Int(truncatingIfNeeded: slots[next].hash) & mask
        // The entry may move to the hole unless its home lies cyclically in (hole, next].
        let distanceToNext = (next - home) & mask
        let distanceToHole = (hole - home) & mask
        if distanceToHole < distanceToNext {
          slots[hole] = slots[next]
          hole = next
        }
        next = (next + 1) & mask
      }
      slots[hole] = Slot(hash: 0, keyStart: 0)
    }
  }

  /// Whether `key` is present, and its slot (or the empty slot where it would go).
  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (found: Bool, slot: Int) {
    slots.withUnsafeBufferPointer { slots in
      arena.withUnsafeBufferPointer { arena in
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].hash != 0 {
          if slots[slot].hash == hash && Self.key(at: slots[slot].keyStart, in: arena, equals: key) {
            return (true, slot)
          }
          slot = (slot + 1) & mask
        }
        return (false, slot)
      }
    }
  }

  private static func key(
    at start: Int, in arena: UnsafeBufferPointer<UInt8>, equals key: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let length = Int(UnsafeRawPointer(arena.baseAddress! + start).loadUnaligned(as: UInt32.self))
    guard length == key.count else { return false }
    return ByteComparison.equal(
      UnsafeBufferPointer(start: arena.baseAddress! + start + 4, count: length), key)
  }

  private mutating func grow() { rehash(slots.count * 2) }

  private mutating func rehash(_ size: Int) {
    let old = slots
    slots = Array(repeating: Slot(hash: 0, keyStart: 0), count: size)
    let mask = slots.count - 1
    for entry in old where entry.hash != 0 {
      var slot = Int(truncatingIfNeeded: entry.hash) & mask
      while slots[slot].hash != 0 { slot = (slot + 1) & mask }
      slots[slot] = entry
    }
  }

  /// Room for `total` keys without growing.
  mutating func reserveCapacity(_ total: Int) {
    var size = slots.count
    while total * 2 > size { size *= 2 }
    if size > slots.count { rehash(size) }
  }
}
