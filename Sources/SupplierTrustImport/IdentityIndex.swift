/// The line where each record id was first seen in one file, for finding repeated ids when
/// checking without a store.
///
/// An open-addressing table over the ids' UTF-8 bytes: it hashes with FNV-1a instead of
/// `Hasher` (seeding a `Hasher` per lookup dominated `check` in profiles) and keeps every key in
/// one byte arena, so millions of ids cost a few arrays rather than millions of objects.
struct IdentityIndex {
  private var hashes: [UInt64]
  private var lines: [Int32]
  private var keyStarts: [UInt32]
  private var keyLengths: [UInt32]
  private var arena: [UInt8] = []
  private(set) var count = 0

  init(expectedCount: Int = 1024) {
    var capacity = 16
    while capacity < expectedCount * 2 { capacity <<= 1 }
    hashes = Array(repeating: 0, count: capacity)
    lines = Array(repeating: 0, count: capacity)
    keyStarts = Array(repeating: 0, count: capacity)
    keyLengths = Array(repeating: 0, count: capacity)
  }

  /// Records `key` at `line`; returns the earlier line when the key was already there.
  mutating func insert(_ key: String, line: Int) -> Int? {
    var key = key
    return key.withUTF8 { insert(bytes: $0, line: line) }
  }

  mutating func insert(bytes key: UnsafeBufferPointer<UInt8>, line: Int) -> Int? {
    if (count + 1) * 2 > hashes.count { grow() }
    let hash = Self.hash(key)
    let mask = hashes.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while hashes[slot] != 0 {
      if hashes[slot] == hash && equals(slot, key) { return Int(lines[slot]) }
      slot = (slot + 1) & mask
    }
    hashes[slot] = hash
    lines[slot] = Int32(truncatingIfNeeded: line)
    keyStarts[slot] = UInt32(arena.count)
    keyLengths[slot] = UInt32(key.count)
    arena.append(contentsOf: key)
    count += 1
    return nil
  }

  private func equals(_ slot: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    guard Int(keyLengths[slot]) == key.count else { return false }
    let start = Int(keyStarts[slot])
    return arena.withUnsafeBufferPointer { stored in
      for i in 0..<key.count where stored[start + i] != key[i] { return false }
      return true
    }
  }

  private mutating func grow() {
    let oldHashes = hashes
    let oldLines = lines
    let oldStarts = keyStarts
    let oldLengths = keyLengths
    let capacity = oldHashes.count * 2
    hashes = Array(repeating: 0, count: capacity)
    lines = Array(repeating: 0, count: capacity)
    keyStarts = Array(repeating: 0, count: capacity)
    keyLengths = Array(repeating: 0, count: capacity)
    let mask = capacity - 1
    for old in 0..<oldHashes.count where oldHashes[old] != 0 {
      var slot = Int(truncatingIfNeeded: oldHashes[old]) & mask
      while hashes[slot] != 0 { slot = (slot + 1) & mask }
      hashes[slot] = oldHashes[old]
      lines[slot] = oldLines[old]
      keyStarts[slot] = oldStarts[old]
      keyLengths[slot] = oldLengths[old]
    }
  }

  /// FNV-1a, finished with a multiply-xorshift so that the low bits used for the slot mix well;
  /// never 0, which marks an empty slot.
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    hash ^= hash >> 32
    hash &*= 0xd6e8_feb8_6659_fd93
    hash ^= hash >> 32
    return hash | 1
  }
}
