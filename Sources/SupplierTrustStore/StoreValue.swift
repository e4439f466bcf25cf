/// One checked value of a record, as the store binds it: null, an integer, a real, or text held
/// as a span of bytes that the caller owns (see ``StoreTexts``).
///
/// Plain data of 16 bytes, so that the values of millions of records cost no allocation and no
/// reference counting between the reading thread and the writing one. A record is a run of
/// values in its table's column order (``StoreRow``).
public struct StoreValue: Sendable, Equatable {
  /// Which SQLite type the value binds as.
  public enum Kind: UInt8, Sendable {
    /// SQL NULL (an empty field), INTEGER, REAL, or TEXT held in a caller's buffer.
    case null, integer, real, text
  }

  /// Which SQLite type the value binds as, and so how ``payload`` is read.
  public var kind: Kind
  /// For text: which of the caller's buffers holds the bytes.
  public var buffer: UInt8
  /// For text: the number of bytes.
  public var count: Int32
  /// The integer, the real's bit pattern, or the text's offset in its buffer.
  public var payload: Int64

  /// Makes a value from its raw parts; `integer(_:)`, `real(_:)`, `text(buffer:offset:count:)` and
  /// the others are simpler.
  @inlinable
  public init(kind: Kind, buffer: UInt8, count: Int32, payload: Int64) {
    self.kind = kind
    self.buffer = buffer
    self.count = count
    self.payload = payload
  }

  /// Computed, not stored: a stored static is reached through a lazy-initialisation call on
  /// every use, and null is the most common value of a record.
  @inlinable public static var null: StoreValue { StoreValue(kind: .null, buffer: 0, count: 0, payload: 0) }

  /// An integer value.
  @inlinable @inline(__always)
  public static func integer(_ value: Int64) -> StoreValue {
    StoreValue(kind: .integer, buffer: 0, count: 0, payload: value)
  }

  /// An integer value, or null for nil.
  @inlinable @inline(__always)
  public static func integer(_ value: Int?) -> StoreValue {
    value.map { integer(Int64($0)) } ?? .null
  }

  /// An integer value, or null for nil.
  @inlinable @inline(__always)
  public static func integer(_ value: Int64?) -> StoreValue {
    value.map { integer($0) } ?? .null
  }

  /// A yes/no value stored as the integer 1 or 0, or null for nil (unknown).
  @inlinable @inline(__always)
  public static func flag(_ value: Bool?) -> StoreValue {
    value.map { integer($0 ? 1 : 0) } ?? .null
  }

  /// A real value, or null for nil.
  @inlinable @inline(__always)
  public static func real(_ value: Double?) -> StoreValue {
    value.map { StoreValue(kind: .real, buffer: 0, count: 0, payload: Int64(bitPattern: $0.bitPattern)) }
      ?? .null
  }

  /// A text value: `count` bytes at `offset` in the caller's buffer number `buffer` (see ``StoreTexts``).
  @inlinable @inline(__always)
  public static func text(buffer: UInt8, offset: Int, count: Int) -> StoreValue {
    StoreValue(kind: .text, buffer: buffer, count: Int32(count), payload: Int64(offset))
  }

  /// Whether the value is SQL NULL (an empty field).
  @inlinable public var isNull: Bool { kind == .null }

  /// The integer (nil unless ``kind`` is `.integer`).
  @inlinable public var int64: Int64? { kind == .integer ? payload : nil }

  /// The real (nil unless ``kind`` is `.real`).
  @inlinable public var double: Double? {
    kind == .real ? Double(bitPattern: UInt64(bitPattern: payload)) : nil
  }
}

/// The byte buffers that text values point into, lent for the duration of a call.
public struct StoreTexts {
  /// Up to three buffers, by ``StoreValue/buffer`` index.
  public var buffers: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>)

  /// Lends up to three buffers, indexed 0, 1 and 2; those not given are empty.
  @inlinable public init(
    _ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8> = .init(start: nil, count: 0),
    _ third: UnsafeBufferPointer<UInt8> = .init(start: nil, count: 0)
  ) {
    buffers = (first, second, third)
  }

  /// The bytes of a text value.
  @inlinable @inline(__always)
  public func bytes(_ value: StoreValue) -> UnsafeBufferPointer<UInt8> {
    let base: UnsafeBufferPointer<UInt8>
    switch value.buffer {
    case 0: base = buffers.0
    case 1: base = buffers.1
    default: base = buffers.2
    }
    return UnsafeBufferPointer(rebasing: base[Int(value.payload)..<(Int(value.payload) + Int(value.count))])
  }

  /// A text value as a string (nil for any other kind).
  public func string(_ value: StoreValue) -> String? {
    guard value.kind == .text else { return nil }
    return String(decoding: bytes(value), as: UTF8.self)
  }
}

/// One record's values in its table's column order (the key first), with the bytes they point into.
public struct StoreRow {
  /// The record's values, the key first.
  public let values: UnsafeBufferPointer<StoreValue>
  /// The buffers the record's text values point into.
  public let texts: StoreTexts

  /// Makes a row of `values` whose texts point into `texts`.
  @inlinable public init(values: UnsafeBufferPointer<StoreValue>, texts: StoreTexts) {
    self.values = values
    self.texts = texts
  }

  /// The value of the column at `index`, in the table's column order.
  @inlinable @inline(__always)
  public subscript(_ index: Int) -> StoreValue { values[index] }

  /// The text of the column at `index` as a string (nil unless it is text).
  public func string(_ index: Int) -> String? { texts.string(values[index]) }

  /// The bytes of the text column at `index`.
  @inlinable @inline(__always)
  public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> { texts.bytes(values[index]) }
}
