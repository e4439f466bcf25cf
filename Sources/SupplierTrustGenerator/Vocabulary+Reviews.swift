/// Sentence parts that review texts are assembled from, grouped by tone.
struct ReviewText: Sendable {
  let positive: [[UInt8]]
  let mixed: [[UInt8]]
  let negative: [[UInt8]]
  let details: [[UInt8]]
  let closers: [[UInt8]]
  let negativeClosers: [[UInt8]]
  /// Near-identical cheerleading used by planted review bursts.
  let burst: [[UInt8]]
  let burstTails: [[UInt8]]

  init() {
    positive = [
      "Excellent supplier", "Good quality and fair price", "Products exactly as described",
      "Very professional team", "Fast delivery and good packing", "Great communication with the sales rep",
      "Second order with them, still consistent", "Samples matched the bulk goods",
      "Quality better than expected", "Reliable partner for our shop",
    ].map(utf8)
    mixed = [
      "Quality is okay for the price", "Goods arrived, a few defects", "Delivery was a bit slow",
      "Packaging could be better", "Communication sometimes slow", "Average, nothing special",
    ].map(utf8)
    negative = [
      "Very poor quality", "Shipment was three weeks late", "Goods not as described",
      "Seller stopped answering after payment", "Half of the items were broken",
      "Wrong color and wrong size sent",
    ].map(utf8)
    details = [
      "the stitching is neat", "the cartons were well protected", "the colors match the photos",
      "they sent photos before shipping", "the logo print is sharp", "lead time was about 20 days",
      "the QC report was detailed", "some units had scratches", "the \"premium\" grade was not premium",
      "the MOQ was flexible", "they fixed the issue quickly", "the voltage was wrong for our market",
      "documents for customs were complete", "shipping cost was higher than quoted",
    ].map(utf8)
    closers = [
      "Will order again.", "Recommended.", "Thanks, Linda!", "5 stars.", "Happy with this order.",
      "We will place a bigger order next month.", "Good for small businesses.",
    ].map(utf8)
    negativeClosers = [
      "Not recommended.", "Asked for a refund.", "Opened a dispute.", "Will not order again.",
      "Be careful with this seller.",
    ].map(utf8)
    burst = [
      "Great supplier!!! Best quality, fast shipping, highly recommend!",
      "Best supplier ever, great quality and fast shipping, highly recommend!",
    ].map(utf8)
    burstTails = ["", "!", " A+++", " 5 stars", " Thank you!"].map(utf8)
  }
}
