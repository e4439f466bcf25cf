/// Record ids kept in one byte buffer, each as the end offset of its bytes.
///
/// Four million review ids as `String`s are four million values of 16 bytes to create, copy when
/// reordered, and (for ids longer than 15 bytes) allocate and free; here they are one run of
/// bytes and one offset each. A snapshot stores exactly these two arrays, so loading one makes no
/// `String` per review at all; a `String` is made only for an id that is read.
public struct IdentifierColumn: Sendable {
  /// Every id's UTF-8 bytes, back to back.
  public private(set) var bytes: [UInt8] = []
  /// The end of id `k` in ``bytes`` (it starts where id `k - 1` ends).
  public private(set) var ends: [UInt32] = []

  /// Makes an empty column.
  public init() {}

  /// The ids from their bytes and end offsets (a snapshot's), or nil when the offsets do not
  /// rise through the bytes.
  public init?(bytes: [UInt8], ends: [UInt32]) {
    var previous: UInt32 = 0
    for end in ends {
      guard end >= previous else { return nil }
      previous = end
    }
    guard Int(previous) == bytes.count else { return nil }
    self.bytes = bytes
    self.ends = ends
  }

  /// A column holding `ids` in order.
  public init(_ ids: some Sequence<String>) {
    for id in ids { append(id) }
  }

  /// Reserves room for `count` ids holding `byteCount` UTF-8 bytes in all.
  public mutating func reserveCapacity(_ count: Int, bytes byteCount: Int) {
    ends.reserveCapacity(count)
    bytes.reserveCapacity(byteCount)
  }

  /// Appends an id.
  public mutating func append(_ id: String) {
    var id = id
    id.withUTF8 { append(utf8: $0) }
  }

  /// Appends an id given as UTF-8 bytes, without making a `String`.
  public mutating func append(utf8 id: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: id)
    ends.append(UInt32(bytes.count))
  }

  /// Appends every id of `other`, in order.
  public mutating func append(contentsOf other: IdentifierColumn) {
    let shift = UInt32(bytes.count)
    bytes.append(contentsOf: other.bytes)
    ends.append(contentsOf: other.ends.lazy.map { $0 + shift })
  }

  /// The byte range of id `k`.
  private func span(_ k: Int) -> Range<Int> {
    (k == 0 ? 0 : Int(ends[k - 1]))..<Int(ends[k])
  }

  /// Calls `body` with the UTF-8 bytes of id `k`.
  public func withUTF8<R>(at k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let range = span(k)
    return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// Whether id `a` sorts before id `b`, byte by byte (as SQLite's BINARY collation does).
  public func precedes(_ a: Int, _ b: Int) -> Bool {
    let (first, second) = (span(a), span(b))
    // Eight bytes at a time (a generic walk byte by byte was 0.6 % of scoring L from files).
    return bytes.withUnsafeBufferPointer { all in
      ByteComparison.order(
        UnsafeBufferPointer(rebasing: all[first]), UnsafeBufferPointer(rebasing: all[second])) < 0
    }
  }

  /// The ids at `positions`, in that order.
  ///
  /// The ends first, then each id's bytes copied in place, 16 at a time where they fit: an
  /// array append per id (a `memmove` call for ten bytes) took 0.08 s for L's 4 M reviews.
  public func reordered(by positions: [Int]) -> IdentifierColumn {
    var out = IdentifierColumn()
    ends.withUnsafeBufferPointer { ends in
      out.ends = [UInt32](unsafeUninitializedCapacity: positions.count) { outEnds, initialized in
        var end: UInt32 = 0
        for (slot, k) in positions.enumerated() {
          end += ends[k] - (k == 0 ? 0 : ends[k - 1])
          outEnds[slot] = end
        }
        initialized = positions.count
      }
    }
    let total = Int(out.ends.last ?? 0)
    // Room for one 16-byte store past the last id, never counted.
    out.bytes = [UInt8](unsafeUninitializedCapacity: total + 16) { outBytes, initialized in
      bytes.withUnsafeBufferPointer { all in
        ends.withUnsafeBufferPointer { ends in
          guard let source = all.baseAddress, let target = outBytes.baseAddress else { return }
          let sourceEnd = all.count
          var offset = 0
          for k in positions {
            let start = k == 0 ? 0 : Int(ends[k - 1])
            let count = Int(ends[k]) - start
            if count <= 16 && start + 16 <= sourceEnd {
              UnsafeMutableRawPointer(target + offset).storeBytes(
                of: UnsafeRawPointer(source + start).loadUnaligned(as: SIMD16<UInt8>.self),
                as: SIMD16<UInt8>.self)
            } else if count > 0 {
              (target + offset).initialize(from: source + start, count: count)
            }
            offset += count
          }
        }
      }
      initialized = total
    }
    return out
  }

  /// Replaces the ids in `range` with `ids`, rebuilding the column.
  public mutating func replaceSubrange(_ range: Range<Int>, with ids: some Collection<String>) {
    var rebuilt = IdentifierColumn()
    rebuilt.reserveCapacity(count - range.count + ids.count, bytes: bytes.count)
    bytes.withUnsafeBufferPointer { all in
      for k in 0..<range.lowerBound { rebuilt.append(utf8: UnsafeBufferPointer(rebasing: all[span(k)])) }
    }
    for id in ids { rebuilt.append(id) }
    bytes.withUnsafeBufferPointer { all in
      for k in range.upperBound..<count { rebuilt.append(utf8: UnsafeBufferPointer(rebasing: all[span(k)])) }
    }
    self = rebuilt
  }
}

extension IdentifierColumn: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral, Equatable {
  /// The position of the first id: always 0.
  public var startIndex: Int { 0 }
  /// One past the position of the last id.
  public var endIndex: Int { ends.count }

  /// The id at `position`. Setting one of the same byte length rewrites it in place; any other length rebuilds.
  public subscript(position: Int) -> String {
    get { withUTF8(at: position) { String(decoding: $0, as: UTF8.self) } }
    set {
      var id = newValue
      let range = span(position)
      // Same length (shuffles swap ids of one shape): in place.
      let replaced = id.withUTF8 { new -> Bool in
        guard new.count == range.count else { return false }
        bytes.withUnsafeMutableBufferPointer { all in
          for (offset, byte) in new.enumerated() { all[range.lowerBound + offset] = byte }
        }
        return true
      }
      if !replaced { replaceSubrange(position..<(position + 1), with: CollectionOfOne(newValue)) }
    }
  }

  /// A column holding the listed ids.
  public init(arrayLiteral ids: String...) {
    self.init(ids)
  }

  /// Whether two columns hold the same ids in the same order.
  public static func == (a: IdentifierColumn, b: IdentifierColumn) -> Bool {
    a.ends == b.ends && a.bytes == b.bytes
  }
}
