import Foundation
import Testing

@testable import SupplierTrustModel

/// The text column behaves as a plain `[String?]` (the reference model) through appends,
/// replacements, joins and reorderings.
@Suite struct TextColumnTests {
  @Test func agreesWithAnArrayOfOptionalStrings() {
    var column = TextColumn()
    var model: [String?] = []
    var random = SystemRandomNumberGenerator()
    for n in 0..<400 {
      let text: String? =
        switch n % 5 {
        case 0: nil
        case 1: ""
        case 2: "ünïcode \(n) ✓"
        default: String(repeating: "w", count: n % 37)
        }
      column.append(text)
      model.append(text)
    }
    column.appendNils(3)
    model += [nil, nil, nil]
    #expect(Array(column) == model)
    // Replacements, longer and shorter, to nil and from nil.
    for _ in 0..<200 {
      let k = Int.random(in: 0..<model.count, using: &random)
      let text: String? = Bool.random(using: &random) ? nil : String(repeating: "r", count: k % 50)
      column[k] = text
      model[k] = text
    }
    column.replaceSubrange(10..<20, with: ["a", nil])
    model.replaceSubrange(10..<20, with: ["a", nil])
    #expect(Array(column) == model)
    #expect(column == TextColumn(model))
    // Reordered: the same texts at the new positions.
    let positions = model.indices.shuffled(using: &random)
    #expect(Array(column.reordered(by: positions)) == positions.map { model[$0] })
    // Joined: the second column's texts after the first's.
    var joined = column
    joined.append(contentsOf: ["x", nil, "yz"])
    #expect(Array(joined) == model + ["x", nil, "yz"])
  }

  /// Texts left in a file read as the texts at their places, next to texts in memory, through
  /// joins (a file text is not moved by the bytes before it) and reorderings, one at a time and
  /// together in runs.
  @Test func textsInAFileAgreeWithTheModel() throws {
    // Over 3 MB, so that texts far apart are read in several runs.
    let content = (0..<200_000).map { "text \($0) ✓;" }.joined()
    let path = NSTemporaryDirectory() + "text-column-\(UInt64.random(in: 0...UInt64.max)).txt"
    #expect(FileManager.default.createFile(atPath: path, contents: Data(content.utf8)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let files = TextFiles()
    var status = stat()
    #expect(stat(path, &status) == 0)
    // Only as the very file being read (its device and inode).
    #expect(files.register(path: path, identity: (UInt64(status.st_dev), UInt64(status.st_ino) + 1)) == nil)
    let file = try #require(
      files.register(path: path, identity: (UInt64(status.st_dev), UInt64(status.st_ino))))
    let bytes = Array(content.utf8)
    var random = SystemRandomNumberGenerator()
    func column(_ count: Int) -> (TextColumn, [String?]) {
      var column = TextColumn()
      column.readFiles(from: files)
      var model: [String?] = []
      for n in 0..<count {
        if n % 3 == 0 {
          let text = "memory \(n)"
          column.append(text)
          model.append(text)
        } else if n % 7 == 0 {
          column.append(nil)
          model.append(nil)
        } else {
          let start = Int.random(in: 0..<(bytes.count - 40), using: &random)
          let end = start + Int.random(in: 0...30, using: &random)
          column.append(inFile: file, at: start, count: end - start)
          model.append(String(decoding: bytes[start..<end], as: UTF8.self))
        }
      }
      return (column, model)
    }
    var (joined, model) = column(120)
    let (second, secondModel) = column(80)
    joined.append(contentsOf: second)
    model += secondModel
    #expect(Array(joined) == model)
    let positions = model.indices.shuffled(using: &random) + [5, 5, 0]
    #expect(Array(joined.reordered(by: positions)) == positions.map { model[$0] })
    #expect(joined.texts(at: positions) == positions.map { model[$0] })
    #expect(files.failure == nil)
  }

  @Test func bytesGoInWithoutAString() {
    var column = TextColumn()
    Array("héllo".utf8).withUnsafeBufferPointer { column.append(utf8: $0) }
    column.append(utf8: nil)
    #expect(column == ["héllo", nil])
  }
}
