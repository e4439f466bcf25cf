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
///
/// An open-addressing table keyed by address: each distinct address keeps its own slot, so two
/// names never evict each other (a direct-mapped table did, depending on where the run's memory
/// happened to lie, and then looked both names up on every use). Past ``capacity`` addresses, or
/// a few kilobytes of names, nothing more is remembered and names are simply looked up.
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

  /// 2^8 slots, as the index takes the mixed address's top 8 bits; at most three quarters used.
  private static let slotCount = 256
  /// How many distinct names are remembered.
  public static let capacity = 192
  private static let maximumNameBytes = 16_384
  private let slots: UnsafeMutablePointer<Slot>
  private var used = 0
  /// The remembered names' bytes, back to back.
  // One thread uses a cache (see above): no dynamic exclusivity check per look-up.
  @exclusivity(unchecked) private var names: [UInt8] = []

  /// Makes an empty cache, with room for ``capacity`` names.
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
    let slot = find(address)
    if slot.pointee.address == address, matches(address, slot.pointee), address[Int(slot.pointee.length)] == 0
    {
      return slot.pointee.value
    }
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
    let slot = find(address)
    if slot.pointee.address == address, Int(slot.pointee.length) == name.count, matches(address, slot.pointee)
    {
      return slot.pointee.value
    }
    return remember(name, in: slot, compute)
  }

  /// The slot holding `address`, or the empty one where it would go.
  @inline(__always)
  private func find(_ address: UnsafePointer<UInt8>) -> UnsafeMutablePointer<Slot> {
    // Names lie a few bytes apart, so the address is mixed (Fibonacci hashing) before taking the
    // top bits: its low bits alone put neighbouring names in one slot.
    let bits = UInt64(UInt(bitPattern: address))
    var index = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 56)
    while let stored = slots[index].address, stored != address { index = (index + 1) & (Self.slotCount - 1) }
    return slots + index
  }

  private func remember(
    _ name: UnsafeBufferPointer<UInt8>, in slot: UnsafeMutablePointer<Slot>,
    _ compute: (UnsafeBufferPointer<UInt8>) -> Int
  ) -> Int {
    let value = compute(name)
    let isNew = slot.pointee.address == nil
    guard !isNew || used < Self.capacity, names.count + name.count <= Self.maximumNameBytes else {
      return value
    }
    if isNew { used += 1 }
    let start = Int32(names.count)
    names.append(contentsOf: name)
    slot.pointee = Slot(address: name.baseAddress, value: value, length: Int32(name.count), start: start)
    return value
  }

  /// Whether the bytes at `address` begin with the name remembered in `slot`. Compared a byte at
  /// a time: a shorter name differs at its NUL at the latest, so nothing past it is read.
  @inline(__always)
  private func matches(_ address: UnsafePointer<UInt8>, _ slot: Slot) -> Bool {
    guard slot.length > 0 else { return true }
    return names.withUnsafeBufferPointer { names in
      let stored = names.baseAddress! + Int(slot.start)
      for offset in 0..<Int(slot.length) where address[offset] != stored[offset] { return false }
      return true
    }
  }
}
