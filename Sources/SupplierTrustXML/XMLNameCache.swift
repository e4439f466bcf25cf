#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Remembers what a handler made of element or attribute names (a column number, say), so that
/// the millions of names of a large document are not each measured and looked up again.
///
/// libxml2 keeps one copy of each distinct name per document and hands that copy over every
/// time, so a name's address is a good guess at its identity. A guess only: a hit is confirmed by
/// comparing the name's bytes with the ones remembered, so the cache gives the right answer
/// whatever the parser does with its memory; the address just says where to look.
/// Direct-mapped: a name that collides with another is looked up again.
///
/// A class with storage of its own, used by one thread: a struct of arrays inside the handler
/// paid uniqueness checks on every look-up.
public final class XMLNameCache {
  private struct Slot {
    var address: UnsafePointer<UInt8>?
    var value: Int
    var length: Int32
    /// Where the name's bytes start in `names`.
    var start: Int32
  }

  /// 2^7, as the index takes the mixed address's top 7 bits.
  private static let slotCount = 128
  private let slots: UnsafeMutablePointer<Slot>
  /// The remembered names' bytes, back to back (they stay: a document has a few dozen names).
  // One thread uses a cache (see above): no dynamic exclusivity check per look-up.
  @exclusivity(unchecked) private var names: [UInt8] = []

  public init() {
    slots = .allocate(capacity: Self.slotCount)
    slots.initialize(repeating: Slot(address: nil, value: 0, length: 0, start: 0), count: Self.slotCount)
  }

  deinit { slots.deallocate() }

  /// What `compute` made of the name of attribute `position`, computed the first time that name
  /// is seen at its address.
  @inline(__always)
  public func value(
    ofAttribute position: Int, in attributes: XMLAttributes, compute: (UnsafeBufferPointer<UInt8>) -> Int
  ) -> Int {
    let address = attributes.nameAddress(at: position)
    let slot = slots + Self.index(address)
    if slot.pointee.address == address, matchesTerminated(address, slot.pointee) { return slot.pointee.value }
    return remember(UnsafeBufferPointer(start: address, count: strlenOf(address)), in: slot, compute)
  }

  /// What `compute` made of `name` (an element's name as handed to
  /// ``XMLStreamHandler/startElement(name:attributes:line:)``), computed the first time that
  /// name is seen at its address.
  @inline(__always)
  public func value(ofName name: UnsafeBufferPointer<UInt8>, compute: (UnsafeBufferPointer<UInt8>) -> Int)
    -> Int
  {
    guard let address = name.baseAddress else { return compute(name) }
    let slot = slots + Self.index(address)
    if slot.pointee.address == address, Int(slot.pointee.length) == name.count, matches(address, slot.pointee)
    {
      return slot.pointee.value
    }
    return remember(name, in: slot, compute)
  }

  @inline(__always)
  private static func index(_ address: UnsafePointer<UInt8>) -> Int {
    // Names lie a few bytes apart, so the address is mixed (Fibonacci hashing) before taking the
    // top bits: its low bits alone put neighbouring names in one slot.
    let bits = UInt64(UInt(bitPattern: address))
    return Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 57)
  }

  private func remember(
    _ name: UnsafeBufferPointer<UInt8>, in slot: UnsafeMutablePointer<Slot>,
    _ compute: (UnsafeBufferPointer<UInt8>) -> Int
  ) -> Int {
    let value = compute(name)
    // A catalog's names are a few dozen bytes in all; anything larger is just not remembered.
    guard let start = Int32(exactly: names.count), let length = Int32(exactly: name.count) else {
      return value
    }
    names.append(contentsOf: name)
    slot.pointee = Slot(address: name.baseAddress, value: value, length: length, start: start)
    return value
  }

  /// Whether the bytes at `address` are the name remembered in `slot` (its length known).
  @inline(__always)
  private func matches(_ address: UnsafePointer<UInt8>, _ slot: Slot) -> Bool {
    guard slot.length > 0 else { return true }
    return names.withUnsafeBufferPointer { names in
      let stored = names.baseAddress! + Int(slot.start)
      for offset in 0..<Int(slot.length) where address[offset] != stored[offset] { return false }
      return true
    }
  }

  /// Whether the NUL-terminated name at `address` is the one remembered in `slot`. Compared a
  /// byte at a time: a shorter name differs at its NUL at the latest, so nothing past it is read.
  @inline(__always)
  private func matchesTerminated(_ address: UnsafePointer<UInt8>, _ slot: Slot) -> Bool {
    matches(address, slot) && address[Int(slot.length)] == 0
  }
}
