import CByteScan

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fast hash of a short byte string (ids, names), for tables keyed by UTF-8 bytes.
///
/// Eight bytes at a time, each word mixed with a multiply (as in wyhash and FxHash), the length
/// folded in so that keys differing only by trailing zero bytes differ; finished with a
/// multiply-xorshift so that the low bits used for the slot mix well. Never 0, so tables can
/// mark an empty slot with 0.
///
/// `Hasher` seeds and runs SipHash for every key: with millions of 12-byte ids that was most of
/// the cost of numbering reviewers (1.8 s of 4M look-ups at size L, against about 0.3 s here).
public enum ByteHash {
  /// The hash of the bytes of `key`; never 0.
  @inlinable
  public static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(key.count)
    guard let base = key.baseAddress else { return hash | 1 }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= key.count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
      hash ^= hash >> 29
      offset += 8
    }
    if offset < key.count {
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while offset < key.count {
        tail |= UInt64(key[offset]) << shift
        shift += 8
        offset += 1
      }
      hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
    }
    hash ^= hash >> 32
    hash &*= 0xd6e8_feb8_6659_fd93
    hash ^= hash >> 32
    return hash | 1
  }
}

/// Byte-wise comparison of short keys (ids of about ten bytes) eight bytes at a time, inline:
/// a `memcmp` call cost more than the comparison, and ids are compared several times per record.
public enum ByteComparison {
  /// The lexicographic order of `a` and `b` by unsigned bytes (a prefix first): -1, 0 or 1.
  @inlinable
  public static func order(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let common = min(a.count, b.count)
    if common > 0, let left = a.baseAddress, let right = b.baseAddress {
      let l = UnsafeRawPointer(left)
      let r = UnsafeRawPointer(right)
      var offset = 0
      while offset + 8 <= common {
        // Big-endian, so that integer order is byte order.
        let x = UInt64(bigEndian: l.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let y = UInt64(bigEndian: r.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        if x != y { return x < y ? -1 : 1 }
        offset += 8
      }
      while offset < common {
        let x = left[offset]
        let y = right[offset]
        if x != y { return x < y ? -1 : 1 }
        offset += 1
      }
    }
    return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
  }

  /// Whether `a` and `b` hold the same bytes.
  @inlinable
  public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    a.count == b.count && order(a, b) == 0
  }
}

/// Numbers distinct names 0, 1, 2, … in order of first appearance, looked up by their UTF-8
/// bytes: a catalog's reviewers (millions of reviews, hundreds of thousands of reviewers) become
/// small integers without a `String` or a `Hasher` per look-up.
///
/// An open-addressing table of (hash, number) slots, at most three quarters full, over one byte
/// arena holding every name back to back; a `String` is made once per distinct name.
public struct NameNumbering: Sendable {
  /// Every distinct name, by number.
  public private(set) var names: [String] = []
  /// 32 bytes. A name of up to 16 bytes (most ids) is kept in the slot itself, so that a look-up
  /// touches one cache line: comparing against the arena instead cost a second and third random
  /// memory access per look-up (the arena and the end offsets), which doubled the time.
  private struct Slot {
    /// 0 marks an empty slot (``ByteHash/hash(_:)`` is never 0).
    var hash: UInt64
    var number: Int32
    var length: Int32
    /// The first 16 bytes of the name, zero-padded.
    var head: (UInt64, UInt64)

    static let empty = Slot(hash: 0, number: 0, length: 0, head: (0, 0))
  }
  private var slots: [Slot] = []
  /// Names' bytes back to back; name `n` ends at `ends[n]` and starts where name `n - 1` ends.
  private var arena: [UInt8] = []
  private var ends: [Int] = []

  /// Makes an empty numbering.
  public init() {}

  /// A numbering of `names` in their order. A name given twice keeps its place in ``names``
  /// (so that numbers already handed out stay valid) and is found under its first number.
  public init(_ names: [String]) {
    for var name in names {
      name.withUTF8 { key in
        if (self.names.count + 1) * 4 > slots.count * 3 { grow() }
        let hash = ByteHash.hash(key)
        let (slot, found) = find(key, hash: hash)
        if found == nil {
          slots[slot] = Self.slot(key, hash: hash, number: Int32(self.names.count))
        } else {
          hasRepeatedNames = true
        }
        append(key)
      }
    }
  }

  /// Whether a name was given twice to ``init(_:)``: its later places in ``names`` then have no
  /// number of their own.
  public private(set) var hasRepeatedNames = false

  /// How many names ``names`` holds: one past the highest number handed out.
  public var count: Int { names.count }

  /// The number of `name`, added when new.
  public mutating func number(of name: String) -> Int32 {
    var name = name
    return name.withUTF8 { number(ofUTF8: $0) }
  }

  /// The number of the name with these UTF-8 bytes, added when new.
  public mutating func number(ofUTF8 key: UnsafeBufferPointer<UInt8>) -> Int32 {
    if (names.count + 1) * 4 > slots.count * 3 { grow() }
    let hash = ByteHash.hash(key)
    let (slot, found) = find(key, hash: hash)
    if let found { return found }
    let number = Int32(names.count)
    slots[slot] = Self.slot(key, hash: hash, number: number)
    append(key)
    return number
  }

  /// The number of `name` if it has one; nothing is added.
  public func existingNumber(of name: String) -> Int32? {
    guard !slots.isEmpty else { return nil }
    var name = name
    return name.withUTF8 { find($0, hash: ByteHash.hash($0)).number }
  }

  /// The numbers of a group of names, added when new: name `k` is the bytes of `bytes` from
  /// `ends[k - 1]` (0 for the first) to `ends[k]`; `body` gets each position and number in order.
  ///
  /// The same numbers as ``number(ofUTF8:)`` one name at a time (the tests compare them), but the
  /// slot of a name eight places ahead is prefetched while this one is looked up: with 700,000
  /// reviewers the table outgrows the caches and every look-up was a cache miss waited for alone
  /// (0.7 s of 4M reviews at size L).
  public mutating func numberGroup(
    _ bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int32>, _ body: (Int, Int32) -> Void
  ) {
    let count = ends.count
    guard count > 0 else { return }
    // Grown once for the whole group, so that a prefetched slot is still where the key goes.
    while (names.count + count) * 4 > slots.count * 3 { grow() }
    var hashes = [UInt64](repeating: 0, count: count)
    var start = 0
    for k in 0..<count {
      let end = Int(ends[k])
      hashes[k] = ByteHash.hash(UnsafeBufferPointer(rebasing: bytes[start..<end]))
      start = end
    }
    let mask = slots.count - 1
    let ahead = 8
    func prefetch(_ k: Int) {
      slots.withUnsafeBufferPointer {
        supplier_trust_prefetch($0.baseAddress! + (Int(truncatingIfNeeded: hashes[k]) & mask))
      }
    }
    for k in 0..<min(ahead, count) { prefetch(k) }
    start = 0
    for k in 0..<count {
      if k + ahead < count { prefetch(k + ahead) }
      let end = Int(ends[k])
      let key = UnsafeBufferPointer(rebasing: bytes[start..<end])
      start = end
      let (slot, found) = find(key, hash: hashes[k])
      if let found {
        body(k, found)
      } else {
        let number = Int32(names.count)
        slots[slot] = Self.slot(key, hash: hashes[k], number: number)
        append(key)
        body(k, number)
      }
    }
  }

  private mutating func append(_ key: UnsafeBufferPointer<UInt8>) {
    if let base = key.baseAddress, !key.isEmpty {
      arena.append(contentsOf: UnsafeBufferPointer(start: base, count: key.count))
    }
    ends.append(arena.count)
    names.append(String(decoding: key, as: UTF8.self))
  }

  /// The slot holding `key`, with its number, or the empty slot where it would go.
  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, number: Int32?) {
    arena.withUnsafeBufferPointer { stored in
      slots.withUnsafeBufferPointer { slots in
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let head = Self.head(key)
        while slots[slot].hash != 0 {
          if slots[slot].hash == hash && Int(slots[slot].length) == key.count && slots[slot].head == head {
            guard key.count > 16 else { return (slot, slots[slot].number) }
            let number = Int(slots[slot].number)
            let start = number == 0 ? 0 : ends[number - 1]
            if memcmp(stored.baseAddress! + start + 16, key.baseAddress! + 16, key.count - 16) == 0 {
              return (slot, slots[slot].number)
            }
          }
          slot = (slot + 1) & mask
        }
        return (slot, nil)
      }
    }
  }

  private static func slot(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, number: Int32) -> Slot {
    Slot(hash: hash, number: number, length: Int32(key.count), head: head(key))
  }

  /// The first 16 bytes of `key`, zero-padded.
  private static func head(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
    var head: (UInt64, UInt64) = (0, 0)
    if let base = key.baseAddress {
      withUnsafeMutableBytes(of: &head) {
        $0.copyMemory(from: UnsafeRawBufferPointer(start: base, count: min(16, key.count)))
      }
    }
    return head
  }

  private mutating func grow() {
    let capacity = max(64, slots.count * 2)
    var grown = [Slot](repeating: .empty, count: capacity)
    let mask = capacity - 1
    grown.withUnsafeMutableBufferPointer { grown in
      for entry in slots where entry.hash != 0 {
        var slot = Int(truncatingIfNeeded: entry.hash) & mask
        while grown[slot].hash != 0 { slot = (slot + 1) & mask }
        grown[slot] = entry
      }
    }
    slots = grown
  }
}
