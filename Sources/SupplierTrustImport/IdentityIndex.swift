/// The line where each record id was first seen in one file, for finding repeated ids when
/// checking without a store.
///
/// An open-addressing table over the ids' UTF-8 bytes: it hashes with FNV-1a instead of
/// `Hasher` (seeding a `Hasher` per lookup dominated `check` in profiles) and keeps every key in
/// one byte arena (length-prefixed), so millions of ids cost three arrays of 16 bytes a slot
/// rather than millions of objects: 12 million review ids fit in about 450 MB.
struct IdentityIndex {
  private var hashes: [UInt64]
  private var lines: [Int32]
  /// Offset in `arena` of the key's LEB128 length, followed by its bytes.
  private var keyStarts: [UInt32]
  private var arena: [UInt8] = []
  private(set) var count = 0

  init(expectedCount: Int = 1024) {
    var capacity = 16
    while capacity * 3 < expectedCount * 4 { capacity <<= 1 }
    hashes = Array(repeating: 0, count: capacity)
    lines = Array(repeating: 0, count: capacity)
    keyStarts = Array(repeating: 0, count: capacity)
  }

  /// Records `key` at `line`; returns the earlier line when the key was already there.
  mutating func insert(_ key: String, line: Int) -> Int? {
    var key = key
    return key.withUTF8 { insert(bytes: $0, line: line) }
  }

  mutating func insert(bytes key: UnsafeBufferPointer<UInt8>, line: Int) -> Int? {
    // At most three quarters full: linear probing stays short, memory stays small.
    if (count + 1) * 4 > hashes.count * 3 { grow() }
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
    var length = key.count
    while length >= 0x80 {
      arena.append(UInt8(length & 0x7F) | 0x80)
      length >>= 7
    }
    arena.append(UInt8(length))
    arena.append(contentsOf: key)
    count += 1
    return nil
  }

  private func equals(_ slot: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    arena.withUnsafeBufferPointer { stored in
      var offset = Int(keyStarts[slot])
      var length = 0
      var shift = 0
      while true {
        let byte = stored[offset]
        offset += 1
        length |= Int(byte & 0x7F) << shift
        if byte < 0x80 { break }
        shift += 7
      }
      guard length == key.count else { return false }
      for i in 0..<length where stored[offset + i] != key[i] { return false }
      return true
    }
  }

  private mutating func grow() {
    let oldHashes = hashes
    let oldLines = lines
    let oldStarts = keyStarts
    let capacity = oldHashes.count * 2
    hashes = Array(repeating: 0, count: capacity)
    lines = Array(repeating: 0, count: capacity)
    keyStarts = Array(repeating: 0, count: capacity)
    let mask = capacity - 1
    for old in 0..<oldHashes.count where oldHashes[old] != 0 {
      var slot = Int(truncatingIfNeeded: oldHashes[old]) & mask
      while hashes[slot] != 0 { slot = (slot + 1) & mask }
      hashes[slot] = oldHashes[old]
      lines[slot] = oldLines[old]
      keyStarts[slot] = oldStarts[old]
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
