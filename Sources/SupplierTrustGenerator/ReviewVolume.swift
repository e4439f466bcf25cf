/// How many ordinary reviews each supplier gets: heavy-tailed (most suppliers a handful, a few
/// thousands), scaled so that the catalog total lands near the size's target.
///
/// Drawn up front for all suppliers (4 bytes each) because the scale needs the total, while the
/// records themselves are then generated supplier by supplier.
enum ReviewVolume {
  static func counts(suppliers: Int, target: Int, seed: UInt64) -> [Int32] {
    var rng = Random(seed: seed, stream: 0x5EED_C0DE)
    var weights = [Double](repeating: 0, count: suppliers)
    var sum = 0.0
    for index in 0..<suppliers {
      // New listings have no reviews yet.
      if rng.chance(0.08) { continue }
      let weight = min(rng.logNormal(median: 1, sigma: 1.5), 250)
      weights[index] = weight
      sum += weight
    }
    // Planted bursts and genuine spikes add about 1.6 % on top; leave room for them.
    let scale = sum > 0 ? Double(target) * 0.984 / sum : 0
    return weights.map { weight in
      Int32(min(8_000, Int(weight * scale + rng.unit())))
    }
  }
}
