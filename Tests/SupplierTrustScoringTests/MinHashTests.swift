import Testing

@testable import SupplierTrustScoring

@Suite struct MinHashTests {
  @Test(arguments: [
    (
      "Great supplier!!! Best quality, fast shipping, highly recommend!",
      "great supplier best quality fast shipping highly recommend"
    ),
    ("  GREAT   quality\n\tfast-shipping…  ", "great quality fast shipping"),
    ("Don't stop, don’t STOP", "dont stop dont stop"),
    ("A+++ 5 stars!!!", "a 5 stars"),
    ("Thanks, Linda!", "thanks linda"),
    ("Größe OK. Çok güzel", "größe ok çok güzel"),
    ("质量很好，发货快!", "质 量 很 好 发 货 快"),
    ("とても良いです", "と て も 良 い で す"),
    ("コーヒー・カップ", "コ ー ヒ ー カ ッ プ"),
    ("ok 👍👍 ok", "ok ok"),
    ("lead time was about 20 days", "lead time was about 20 days"),
    ("!!! ... ???", ""),
    ("", ""),
  ])
  func normalization(input: String, expected: String) {
    #expect(ReviewTextNormalizer.normalize(input) == expected)
  }

  @Test func asciiShortcutFollowsTheUnicodeRules() {
    var rng = BurstTestSupport.Random(seed: 5)
    let alphabet = Array("aZ09 '!,.-\t\n\"+()#?AbCxYz")
    for _ in 0..<500 {
      let text = String(
        (0..<Int.random(in: 0...30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
      #expect(
        ReviewTextNormalizer.normalizeASCII(text) == ReviewTextNormalizer.normalizeUnicode(text), "\(text)")
    }
  }

  @Test func fnvAndSplitMixMatchPublishedVectors() {
    func fnv(_ text: String) -> UInt64 {
      var copy = text
      return copy.withUTF8 { StableHash.fnv1a64($0) }
    }
    #expect(fnv("") == 0xCBF2_9CE4_8422_2325)
    #expect(fnv("a") == 0xAF63_DC4C_8601_EC8C)
    #expect(fnv("foobar") == 0x8594_4171_F739_67E8)
    // The first output of SplitMix64 seeded with 0.
    #expect(StableHash.mix(0) == 0xE220_A839_7B1D_CDAF)
  }

  @Test func shinglesAreWordTriplesAndShortTextsAreOneShingle() {
    let hasher = MinHasher(shingleSize: 3, signatureSize: 8)
    #expect(hasher.shingleHashes("").isEmpty)
    #expect(hasher.shingleHashes("a b c d") == [hash("a b c"), hash("b c d")])
    #expect(hasher.shingleHashes("a b c") == [hash("a b c")])
    #expect(hasher.shingleHashes("good supplier") == [hash("good supplier")])
    #expect(hasher.shingleHashes("good") == [hash("good")])
    #expect(hasher.signature(normalized: "") == nil)
  }

  @Test func signaturesAreStableAcrossProcesses() {
    // Pinned values: a change here means stored verdicts would no longer reproduce (for
    // example if someone switched to `Hasher`, which is seeded per process).
    let hasher = MinHasher(shingleSize: 3, signatureSize: 64)
    let signature = hasher.signature(normalized: "great quality fast shipping highly recommend")!
    #expect(signature.count == 64)
    #expect(Array(signature.prefix(2)) == MinHashTests.pinnedPrefix)
  }
  static let pinnedPrefix: [UInt64] = [4_805_647_173_878_260_769, 3_341_196_184_035_041_331]

  @Test func identicalTextsEstimateOne() {
    let hasher = MinHasher(shingleSize: 3, signatureSize: 64)
    for text in ["good", "great supplier best quality fast shipping highly recommend", "a b c d e f"] {
      let a = hasher.signature(normalized: text)!
      let b = hasher.signature(normalized: text)!
      #expect(MinHasher.estimatedJaccard(a, b) == 1.0)
    }
  }

  @Test(arguments: [
    // 6 shared shingles of 7: 0.857.
    (
      "great supplier best quality fast shipping highly recommend",
      "great supplier best quality fast shipping highly recommend a"
    ),
    // 6 of 8: 0.75.
    (
      "great supplier best quality fast shipping highly recommend",
      "great supplier best quality fast shipping highly recommend 5 stars"
    ),
    // 6 of 10: 0.6, the default threshold.
    (
      "great supplier best quality fast shipping highly recommend 5 stars",
      "great supplier best quality fast shipping highly recommend thank you"
    ),
    // 4 of 10: 0.4.
    (
      "the quick brown fox jumps over the lazy dog",
      "the quick brown cat jumps over the lazy dog"
    ),
    (
      "samples matched the bulk goods and the cartons were well protected",
      "samples matched the bulk goods but the voltage was wrong for our market"
    ),
    ("very poor quality goods not as described", "excellent supplier will order again"),
    (
      "one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
      "one two three four five six seven eight alpha beta gamma delta epsilon zeta"
    ),
  ])
  func estimateIsCloseToExactJaccard(a: String, b: String) {
    let hasher = MinHasher(shingleSize: 3, signatureSize: 64)
    let exact = BurstTestSupport.exactJaccard(a, b, shingleSize: 3)
    let estimate = MinHasher.estimatedJaccard(
      hasher.signature(normalized: a)!, hasher.signature(normalized: b)!)
    #expect(abs(estimate - exact) <= 0.15, "exact \(exact), estimate \(estimate)")
  }

  @Test func estimateIsUnbiasedOverManyPairs() {
    // Pairs of 20-word texts sharing a prefix of varying length.
    let hasher = MinHasher(shingleSize: 3, signatureSize: 64)
    var totalError = 0.0
    let pairs = 200
    for pair in 0..<pairs {
      let shared = pair % 19
      let left = (0..<20).map { $0 < shared ? "w\($0)" : "l\(pair)x\($0)" }.joined(separator: " ")
      let right = (0..<20).map { $0 < shared ? "w\($0)" : "r\(pair)x\($0)" }.joined(separator: " ")
      let exact = BurstTestSupport.exactJaccard(left, right, shingleSize: 3)
      let estimate = MinHasher.estimatedJaccard(
        hasher.signature(normalized: left)!, hasher.signature(normalized: right)!)
      totalError += estimate - exact
    }
    #expect(abs(totalError / Double(pairs)) < 0.02)
  }

  @Test func bandingFavoursRecallAtTheThreshold() {
    let banding = LSHBanding.choose(signatureSize: 64, threshold: 0.6)
    #expect(banding == LSHBanding(bands: 21, rows: 3))
    #expect(banding.candidateProbability(similarity: 0.6) >= 0.99)
    #expect(banding.candidateProbability(similarity: 0.2) < 0.2)
    #expect(LSHBanding.choose(signatureSize: 64, threshold: 0.9).rows > 3)
  }

  private func hash(_ text: String) -> UInt64 {
    var copy = text
    return copy.withUTF8 { StableHash.fnv1a64($0) }
  }
}

/// Helpers shared by the burst and MinHash tests, in a namespace of their own because other
/// suites of this target define their own.
enum BurstTestSupport {
  /// SplitMix64 as a seedable `RandomNumberGenerator`, so that generated cases and shuffles are
  /// the same on every run.
  struct Random: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
      defer { state &+= 0x9E37_79B9_7F4A_7C15 }
      return StableHash.mix(state)
    }
  }

  /// Word shingles of normalised text as strings, by the same rule as ``MinHasher``.
  static func shingleSet(_ normalized: String, shingleSize: Int, wordSetMinimumWords: Int = 0) -> Set<String>
  {
    let words = normalized.split(separator: " ").map(String.init)
    guard !words.isEmpty else { return [] }
    // A Chinese or Japanese character counts a third of a word (as ``MinHasher`` counts).
    let characters = words.filter { $0.utf8.first! >= 0xE0 && $0.utf8.count <= 4 }.count
    let counted = words.count - characters + characters / 3
    let span =
      wordSetMinimumWords > 0 && counted >= wordSetMinimumWords ? 1 : min(shingleSize, words.count)
    return Set((0...(words.count - span)).map { words[$0..<($0 + span)].joined(separator: " ") })
  }

  /// The exact Jaccard similarity of the word shingles of two normalised texts.
  static func exactJaccard(_ a: String, _ b: String, shingleSize: Int, wordSetMinimumWords: Int = 0) -> Double
  {
    let x = shingleSet(a, shingleSize: shingleSize, wordSetMinimumWords: wordSetMinimumWords)
    let y = shingleSet(b, shingleSize: shingleSize, wordSetMinimumWords: wordSetMinimumWords)
    let union = x.union(y).count
    return union == 0 ? 0 : Double(x.intersection(y).count) / Double(union)
  }
}
