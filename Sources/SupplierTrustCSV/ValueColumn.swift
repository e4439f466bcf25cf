/// A growable run of plain values in memory its owner manages: appends without an array's
/// uniqueness and capacity-growth checks, for the hot loops that build indexes a value at a
/// time (the CSV splitter's batch index, the duplicate check's run of ids).
///
/// Not a value type in the array sense: copies share the memory. The owner keeps one copy and
/// calls ``deallocate()`` once, when it is done.
@frozen
public struct ValueColumn<Element: BitwiseCopyable> {
  // Inlinable throughout: used from other modules, a generic column not specialised there cost
  // a fifth more instructions for a whole check.
  @usableFromInline var base: UnsafeMutablePointer<Element>
  @usableFromInline var capacity: Int
  /// How many values are held (``count``), kept settable for the inlined appends.
  @usableFromInline var stored = 0
  /// How many values the column holds.
  public var count: Int { stored }

  /// An empty column with room for `capacity` values (at least 16); the owner must call ``deallocate()``.
  @inlinable
  public init(capacity: Int) {
    self.capacity = max(16, capacity)
    base = .allocate(capacity: self.capacity)
  }

  /// The value at `index`, which must be below ``count`` (not checked).
  @inlinable @inline(__always)
  public subscript(index: Int) -> Element { base[index] }

  /// Appends a value, growing the memory when it is full.
  @inlinable @inline(__always)
  public mutating func append(_ value: Element) {
    if count == capacity { grow(to: count + 1) }
    base[count] = value
    stored &+= 1
  }

  /// Appends the values of `values`.
  @inlinable @inline(__always)
  public mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
    guard let source = values.baseAddress else { return }
    space(for: values.count).update(from: source, count: values.count)
    stored &+= values.count
  }

  /// Room for `extra` values after the last one, to write before ``keep(_:)`` counts them.
  @inlinable @inline(__always)
  public mutating func space(for extra: Int) -> UnsafeMutablePointer<Element> {
    if count &+ extra > capacity { grow(to: count + extra) }
    return base + count
  }

  /// Counts the first `written` values of the last ``space(for:)``.
  @inlinable @inline(__always)
  public mutating func keep(_ written: Int) {
    stored &+= written
  }

  /// The values from `start` up to `end`, valid until the column next grows or is deallocated.
  @inlinable @inline(__always)
  public func values(_ start: Int, _ end: Int) -> UnsafeBufferPointer<Element> {
    UnsafeBufferPointer(start: base + start, count: end - start)
  }

  /// Cuts the column to its first `kept` values.
  @inlinable
  public mutating func truncate(to kept: Int) {
    precondition(kept >= 0 && kept <= count, "a column is only cut shorter")
    stored = kept
  }

  /// Replaces the last value; the column must not be empty.
  @inlinable
  public mutating func setLast(_ value: Element) {
    precondition(count > 0, "no last value to replace")
    base[count - 1] = value
  }

  @inlinable @inline(never)
  mutating func grow(to needed: Int) {
    let larger = max(needed, capacity * 2)
    let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
    moved.update(from: base, count: count)
    base.deallocate()
    base = moved
    capacity = larger
  }

  /// The values as an array, copied out of the column's memory.
  @inlinable
  public func array() -> [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

  /// Frees the column's memory: call it once, from the one owner, and use no copy afterwards.
  @inlinable
  public func deallocate() { base.deallocate() }
}
