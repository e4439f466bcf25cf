import Testing

@testable import SupplierTrustScoring

@Suite struct EligibilityTests {
  let asOf = Day(year: 2026, month: 11, day: 25)!
  let here = Evidence(location: "orders.csv:2", recordID: "O-1")

  func order(
    ta: Bool?, payment: PaymentMethod?, amount: Int64 = 10_000, agreed: Int? = -60, shipped: Int? = -61,
    delivered: Int? = -40, inspection: InspectionResult? = .pass
  ) -> Order {
    var o = Order(
      id: "O-1", supplierID: "S", orderDate: asOf.adding(days: -90), amount: Money(cents: amount * 100))
    o.tradeAssurance = ta
    o.paymentMethod = payment
    o.agreedShipDate = agreed.map { asOf.adding(days: $0) }
    o.shippedDate = shipped.map { asOf.adding(days: $0) }
    o.deliveredDate = delivered.map { asOf.adding(days: $0) }
    o.inspectionResult = inspection
    return o
  }

  func supplier(ta: Bool? = true, limit: Int64? = 50_000) -> Supplier {
    var s = Supplier(id: "S", name: "S", country: "CN")
    s.tradeAssurance = ta
    s.tradeAssuranceLimit = limit.map { Money(cents: $0 * 100) }
    return s
  }

  struct Row: Sendable, CustomTestStringConvertible {
    var ta: Bool?
    var payment: PaymentMethod?
    var amount: Int64
    var protected: Bool
    var testDescription: String {
      "ta=\(String(describing: ta)) pay=\(payment?.rawValue ?? "nil") amount=\(amount)"
    }
  }

  static let truthTable: [Row] = {
    var rows: [Row] = []
    for ta in [true, false, nil] as [Bool?] {
      for payment in PaymentMethod.allCases.map(Optional.some) + [nil] {
        for amount: Int64 in [10_000, 50_000, 50_001] {
          let protected = ta == true && (payment?.isPlatformMethod ?? false) && amount <= 50_000
          rows.append(Row(ta: ta, payment: payment, amount: amount, protected: protected))
        }
      }
    }
    return rows
  }()

  /// The supplier's side of the truth table: taking part (yes, no, not stated) and its limit.
  @Test(arguments: [
    (true as Bool?, 50_000 as Int64?, true), (false, 50_000, false), (nil, 50_000, false), (nil, nil, false),
    (true, nil, false), (true, 0, false),
  ])
  func supplierParticipationAndLimit(ta: Bool?, limit: Int64?, protected: Bool) {
    let result = EligibilityChecker(asOf: asOf).check(
      order(ta: true, payment: .creditCard), supplier: supplier(ta: ta, limit: limit), evidence: here)
    #expect(result.protected == protected)
    #expect(result.reasons.isEmpty == protected)
    if ta == nil {
      #expect(
        result.reasons.contains { $0.contains("does not say whether it takes part in Trade Assurance") })
    }
  }

  /// An order whose supplier has no profile in the catalog says so (black-box review 94 read
  /// "trade_assurance is empty in its profile" for a supplier with none).
  @Test func anOrderOfASupplierWithoutAProfileSaysSo() {
    let result = EligibilityChecker(asOf: asOf).check(
      order(ta: true, payment: .paypal), supplier: nil, evidence: here)
    #expect(!result.protected)
    #expect(
      result.reasons == [
        "the catalog holds no profile of the supplier S, so its Trade Assurance cannot be confirmed"
      ])
  }

  /// Delivered with no ship date stated: on time when it arrived by the agreed ship date; after
  /// it, a late-shipment claim cannot be judged, which is said as a note (no "not shipped" guess,
  /// and no claim listed as not fileable: black-box review 79).
  /// A failed inspection is known once the goods could have been inspected: shipped or delivered
  /// by the as-of day (the agreed ship day passed, when neither day is stated). A back-test
  /// before the goods shipped had listed a quality claim that could be filed (black-box review
  /// 148).
  @Test func aFailedInspectionIsNoClaimBeforeTheGoodsCouldBeInspected() {
    let checker = EligibilityChecker(asOf: asOf)
    func quality(agreed: Int?, shipped: Int?, delivered: Int?) -> Bool {
      checker.check(
        order(
          ta: true, payment: .paypal, agreed: agreed, shipped: shipped, delivered: delivered,
          inspection: .fail),
        supplier: supplier(), evidence: here
      ).claims.contains { $0.kind == .quality }
    }
    // Shipped later (delivered later or not stated), neither stated with the agreed day to come:
    // not yet.
    #expect(!quality(agreed: 5, shipped: 3, delivered: 20))
    #expect(!quality(agreed: 5, shipped: 3, delivered: nil))
    #expect(!quality(agreed: 5, shipped: nil, delivered: nil))
    #expect(!quality(agreed: -5, shipped: nil, delivered: 4))
    // Shipped (delivered or not yet), delivered, or the agreed day passed with neither: a claim.
    #expect(quality(agreed: -10, shipped: -11, delivered: 4))
    #expect(quality(agreed: -30, shipped: -31, delivered: -10))
    #expect(quality(agreed: -30, shipped: -31, delivered: nil))
    #expect(quality(agreed: -30, shipped: nil, delivered: -10))
    #expect(quality(agreed: -3, shipped: nil, delivered: nil))
    #expect(quality(agreed: nil, shipped: nil, delivered: nil))
  }

  @Test func aDeliveredOrderWithoutAShipDateIsNotCalledUnshipped() throws {
    let checker = EligibilityChecker(asOf: asOf)
    let early = checker.check(
      order(ta: true, payment: .paypal, agreed: -30, shipped: nil, delivered: -35), supplier: supplier(),
      evidence: here)
    #expect(early.claims.isEmpty)
    let late = checker.check(
      order(ta: true, payment: .paypal, agreed: -30, shipped: nil, delivered: -10), supplier: supplier(),
      evidence: here)
    #expect(late.claims.isEmpty)
    let note = try #require(late.notes.first { $0.hasPrefix(EligibilityChecker.lateShipmentUnjudged) })
    #expect(note.contains("the ship date is not stated"))
    #expect(!note.contains("not shipped"))
    let oneDay = checker.check(
      order(ta: true, payment: .paypal, agreed: -30, shipped: -29, delivered: -10), supplier: supplier(),
      evidence: here)
    #expect(oneDay.claims.first?.detail.hasPrefix("shipped 1 day after") == true)
    // Delivered after the as-of day: it shipped some day before that, perhaps in time (black-box
    // review 86 got "not shipped 24 days after the agreed date" and a claim that can be filed).
    let arrivingLater = checker.check(
      order(ta: true, payment: .paypal, agreed: -24, shipped: nil, delivered: 6), supplier: supplier(),
      evidence: here)
    #expect(arrivingLater.claims.isEmpty)
    let later = try #require(
      arrivingLater.notes.first { $0.hasPrefix(EligibilityChecker.lateShipmentUnjudged) })
    #expect(later.contains("after the as-of day") && !later.contains("not shipped"), "\(later)")
    // Arriving by the agreed day, or the agreed day still to come: nothing to judge.
    for (agreed, delivered) in [(8, 6), (3, 6)] {
      let none = checker.check(
        order(ta: true, payment: .paypal, agreed: agreed, shipped: nil, delivered: delivered),
        supplier: supplier(), evidence: here)
      #expect(
        none.claims.isEmpty
          && none.notes.allSatisfy { !$0.hasPrefix(EligibilityChecker.lateShipmentUnjudged) })
    }
  }

  @Test(arguments: truthTable) func protectionTruthTable(row: Row) {
    let result = EligibilityChecker(asOf: asOf).check(
      order(ta: row.ta, payment: row.payment, amount: row.amount), supplier: supplier(), evidence: here)
    #expect(result.protected == row.protected)
    #expect(result.reasons.isEmpty == row.protected)
    #expect(result.coveredAmount == (row.protected ? Money(cents: row.amount * 100) : Money(cents: 0)))
  }

  @Test func platformMethodsAreExactlyTheAcceptedOnes() {
    let accepted = PaymentMethod.allCases.filter(\.isPlatformMethod).map(\.rawValue).sorted()
    #expect(
      accepted == [
        "afterpay", "apple_pay", "bank_transfer", "credit_card", "debit_card", "google_pay", "paypal",
      ])
  }

  @Test func reasonsSayWhyVerbatim() {
    let checker = EligibilityChecker(asOf: asOf)
    let wu = checker.check(order(ta: true, payment: .westernUnion), supplier: supplier(), evidence: here)
    #expect(
      wu.reasons == [
        "paid by western_union: payment outside the platform's accepted methods voids Trade Assurance protection"
      ])
    let unknown = checker.check(order(ta: nil, payment: nil), supplier: supplier(), evidence: here)
    #expect(
      unknown.reasons == [
        "the order does not say whether it was placed through Trade Assurance (trade_assurance is empty)",
        "the payment method is unknown (payment_method is empty), so protection cannot be confirmed",
      ])
    let above = checker.check(
      order(ta: true, payment: .paypal, amount: 60_000), supplier: supplier(), evidence: here)
    #expect(above.reasons == ["the amount $60,000 is above the supplier's Trade Assurance limit $50,000"])
    let notInProgramme = checker.check(
      order(ta: true, payment: .paypal), supplier: supplier(ta: false), evidence: here)
    #expect(notInProgramme.reasons == ["the supplier S does not take part in Trade Assurance"])
  }

  /// One day left is "1 day left"; a limit of 0 is one reason, not two (a black-box review).
  @Test func wordingOfTheLastDayAndOfANoughtLimit() {
    let checker = EligibilityChecker(asOf: asOf)
    let lastButOne = checker.check(
      order(ta: true, payment: .bankTransfer, delivered: -29, inspection: .fail), supplier: supplier(),
      evidence: here)
    #expect(lastButOne.claims[0].detail.hasSuffix("(1 day left)"), "\(lastButOne.claims[0].detail)")
    let nought = checker.check(
      order(ta: true, payment: .paypal), supplier: supplier(limit: 0), evidence: here)
    #expect(nought.reasons == ["the supplier's Trade Assurance limit is $0: nothing is covered"])
  }

  @Test func capModeProtectsUpToTheLimit() {
    var policy = Policy.TradeAssurance()
    policy.limitMode = .cap
    let result = EligibilityChecker(policy: policy, asOf: asOf).check(
      order(ta: true, payment: .creditCard, amount: 80_000), supplier: supplier(), evidence: here)
    #expect(result.protected)
    #expect(result.coveredAmount == Money(cents: 5_000_000))
    // A protected order has no reasons (scripts read reasons as "why not"); the cap is a note.
    #expect(result.reasons.isEmpty)
    #expect(result.notes == ["covered only up to the supplier's Trade Assurance limit: $50,000 of $80,000"])
    let within = EligibilityChecker(policy: policy, asOf: asOf).check(
      order(ta: true, payment: .creditCard, amount: 50_000), supplier: supplier(), evidence: here)
    #expect(within.protected && within.notes.isEmpty && within.coveredAmount == Money(cents: 5_000_000))
  }

  /// The platform's reply and mediation days belong to disputes on orders it protects; an order
  /// paid off-platform, or with a supplier outside Trade Assurance, gets no such promise.
  @Test func anUnprotectedOrdersDisputeHasNoMediationTimetable() throws {
    for (o, s) in [
      (order(ta: true, payment: .westernUnion), supplier()),
      (order(ta: true, payment: .paypal), supplier(ta: false)),
    ] {
      var o = o
      o.dispute = DisputeStatus.open
      o.disputeOpenedOn = asOf.adding(days: -5)
      let result = EligibilityChecker(asOf: asOf).check(o, supplier: s, evidence: here)
      #expect(!result.protected)
      let d = try #require(result.dispute)
      #expect(d.status == .open && d.openedOn == asOf.adding(days: -5))
      #expect(d.supplierReplyBy == nil && d.buyerMayEscalateFrom == nil && d.automaticEscalationOn == nil)
      #expect(
        d.stage
          == "open with the supplier; the order is not protected, so Trade Assurance's reply and mediation timetable does not apply"
      )
    }
  }

  @Test func lateShipmentClaims() {
    let checker = EligibilityChecker(asOf: asOf)
    // Shipped 12 days late, delivered 10 days ago: window open for 20 more days.
    let late = checker.check(
      order(ta: true, payment: .paypal, agreed: -50, shipped: -38, delivered: -10), supplier: supplier(),
      evidence: here)
    #expect(late.claims.map(\.kind) == [.lateShipment])
    #expect(late.claims[0].eligible)
    #expect(late.claims[0].deadline == asOf.adding(days: 20))
    #expect(late.claims[0].detail.hasPrefix("shipped 12 days after the agreed date"))
    // Not shipped and the agreed day has passed: eligible, window opens at delivery.
    let unshipped = checker.check(
      order(ta: true, payment: .paypal, agreed: -31, shipped: nil, delivered: nil), supplier: supplier(),
      evidence: here)
    #expect(unshipped.claims.first?.eligible == true)
    #expect(unshipped.claims.first?.deadline == nil)
    #expect(unshipped.claims.first?.detail.hasPrefix("not shipped 31 days after the agreed date") == true)
    // Not shipped, agreed day still ahead: no claim.
    let early = checker.check(
      order(ta: true, payment: .paypal, agreed: 10, shipped: nil, delivered: nil), supplier: supplier(),
      evidence: here)
    #expect(early.claims.isEmpty)
    // Shipped on time: no claim.
    let onTime = checker.check(order(ta: true, payment: .paypal), supplier: supplier(), evidence: here)
    #expect(onTime.claims.isEmpty)
    // Late but the window closed 30 days after delivery.
    let closed = checker.check(
      order(ta: true, payment: .paypal, agreed: -100, shipped: -90, delivered: -31), supplier: supplier(),
      evidence: here)
    #expect(closed.claims.first?.eligible == false)
    #expect(closed.claims.first?.deadline == asOf.adding(days: -1))
  }

  @Test func qualityClaimsFollowTheWindowAndProtection() {
    let checker = EligibilityChecker(asOf: asOf)
    let open = checker.check(
      order(ta: true, payment: .bankTransfer, delivered: -13, inspection: .fail), supplier: supplier(),
      evidence: here)
    #expect(open.claims.map(\.kind) == [.quality])
    #expect(open.claims[0].eligible)
    #expect(open.claims[0].deadline == asOf.adding(days: 17))
    let lastDay = checker.check(
      order(ta: true, payment: .bankTransfer, delivered: -30, inspection: .fail), supplier: supplier(),
      evidence: here)
    #expect(lastDay.claims[0].eligible)
    let passed = checker.check(
      order(ta: true, payment: .bankTransfer, delivered: -31, inspection: .fail), supplier: supplier(),
      evidence: here)
    #expect(!passed.claims[0].eligible)
    let unprotected = checker.check(
      order(ta: true, payment: .cash, delivered: -5, inspection: .fail), supplier: supplier(), evidence: here)
    #expect(!unprotected.claims[0].eligible)
    #expect(unprotected.claims[0].detail.hasSuffix("the order is not protected, so no Trade Assurance claim"))
  }

  /// No claim listed must not read as no ground for one when the row never stated the ground: an
  /// order without its agreed ship day, or delivered inside the window without an inspection
  /// result, says so in its notes (and stays protected).
  @Test func claimsThatCannotBeJudgedAreNoted() {
    let checker = EligibilityChecker(asOf: asOf)
    let noAgreedDay = checker.check(
      order(ta: true, payment: .bankTransfer, agreed: nil), supplier: supplier(), evidence: here)
    #expect(noAgreedDay.protected)
    #expect(noAgreedDay.claims.isEmpty)
    #expect(
      noAgreedDay.notes == [
        "a late-shipment claim cannot be judged: the agreed ship date is not stated (agreed_ship_date is empty)"
      ])
    let noInspection = checker.check(
      order(ta: true, payment: .bankTransfer, delivered: -10, inspection: nil), supplier: supplier(),
      evidence: here)
    #expect(noInspection.claims.isEmpty)
    #expect(
      noInspection.notes == [
        "a quality claim cannot be judged: no inspection result is stated (inspection_result is empty); the claim window runs until 2026-12-15"
      ])
    // Past the window, or with everything stated, there is nothing to note.
    for quiet in [
      order(ta: true, payment: .bankTransfer, delivered: -40, inspection: nil),
      order(ta: true, payment: .bankTransfer, delivered: -10, inspection: .pass),
    ] {
      #expect(checker.check(quiet, supplier: supplier(), evidence: here).notes.isEmpty)
    }
  }

  /// A dispute whose opening day is not stated is still a dispute: open, with the days that
  /// count from the opening unknown, and named beside the order's claims.
  @Test func anOpenDisputeWithoutItsOpeningDayIsShownAsOpen() throws {
    var o = order(ta: true, payment: .paypal, inspection: .fail)
    o.dispute = DisputeStatus.open
    let result = EligibilityChecker(asOf: asOf).check(o, supplier: supplier(), evidence: here)
    let d = try #require(result.dispute)
    #expect(d.status == .open)
    #expect(d.openedOn == nil && d.supplierReplyBy == nil && d.automaticEscalationOn == nil)
    #expect(d.stage.contains("opening day is not stated"))
    let quality = try #require(result.claims.first { $0.kind == .quality })
    #expect(quality.detail.contains("a dispute is open (opening day not stated)"))
    // Decided without an opening day: the claim is closed all the same.
    o.dispute = .refunded
    let decided = EligibilityChecker(asOf: asOf).check(o, supplier: supplier(), evidence: here)
    #expect(decided.claims.first { $0.kind == .quality }?.eligible == false)
    #expect(decided.dispute?.stage.hasPrefix("closed") == true)
  }

  @Test func disputeMilestones() {
    var policy = Policy.TradeAssurance()
    for (opened, stage) in [
      (-2, "waiting for the supplier's reply"), (-5, "the buyer may escalate"),
      (-9, "escalated to platform mediation"),
    ] {
      // Delivered twelve days ago: each dispute opened within the claim window.
      var o = order(ta: true, payment: .paypal, delivered: -12)
      o.dispute = DisputeStatus.open
      o.disputeOpenedOn = asOf.adding(days: opened)
      let result = EligibilityChecker(policy: policy, asOf: asOf).check(
        o, supplier: supplier(), evidence: here)
      let d = try! #require(result.dispute)
      #expect(d.supplierReplyBy == asOf.adding(days: opened + 3))
      #expect(d.buyerMayEscalateFrom == asOf.adding(days: opened + 4))
      #expect(d.automaticEscalationOn == asOf.adding(days: opened + 7))
      #expect(d.stage.contains(stage), "opened \(opened): \(d.stage)")
    }
    policy.automaticEscalationDay = 8
    var o = order(ta: true, payment: .paypal, delivered: -12)
    o.dispute = DisputeStatus.open
    o.disputeOpenedOn = asOf.adding(days: -7)
    let d = EligibilityChecker(policy: policy, asOf: asOf).check(o, supplier: supplier(), evidence: here)
      .dispute!
    #expect(d.automaticEscalationOn == asOf.adding(days: 1))
    #expect(d.stage.contains("the buyer may escalate"))
  }

  @Test func eventsAfterTheAsOfDayHaveNotHappenedYet() {
    let checker = EligibilityChecker(asOf: asOf)
    // Delivered five days after the as-of day: not delivered yet, so no deadline.
    let future = checker.check(
      order(ta: true, payment: .paypal, delivered: 5, inspection: .fail), supplier: supplier(), evidence: here
    )
    #expect(future.claims.first?.deadline == nil)
    #expect(future.claims.first?.detail.contains("not delivered yet") == true)
    // Shipped and delivered after the as-of day, the agreed day long past: not shipped then.
    let unshipped = checker.check(
      order(ta: true, payment: .paypal, agreed: -24, shipped: 3, delivered: 25), supplier: supplier(),
      evidence: here)
    #expect(unshipped.claims.first?.detail.hasPrefix("not shipped 24 days after the agreed date") == true)
    #expect(unshipped.claims.first?.deadline == nil)
    // A dispute closed after the as-of day was still open then.
    var o = order(ta: true, payment: .paypal, inspection: .fail)
    o.deliveredDate = asOf.adding(days: -10)
    o.dispute = .refunded
    o.disputeOpenedOn = asOf.adding(days: -6)
    o.disputeClosedOn = asOf.adding(days: 4)
    let pending = checker.check(o, supplier: supplier(), evidence: here)
    #expect(pending.dispute?.status == .open)
    #expect(pending.claims.first?.eligible == true)
    #expect(
      pending.claims.first?.detail.hasSuffix("; a dispute is open since \(asOf.adding(days: -6))") == true)
  }

  /// A dispute opened after the claim window closed is no Trade Assurance claim: no reply or
  /// mediation days (black-box review 22).
  @Test func aDisputeOpenedAfterTheWindowGetsNoTimetable() throws {
    var o = order(ta: true, payment: .paypal, inspection: .fail)
    o.deliveredDate = asOf.adding(days: -50)
    o.dispute = .open
    o.disputeOpenedOn = asOf.adding(days: -5)
    let result = EligibilityChecker(asOf: asOf).check(o, supplier: supplier(), evidence: here)
    let dispute = try #require(result.dispute)
    #expect(dispute.supplierReplyBy == nil && dispute.automaticEscalationOn == nil)
    #expect(
      dispute.stage
        == "open with the supplier; opened after the claim window closed on \(asOf.adding(days: -20)), so Trade Assurance's reply and mediation timetable does not apply"
    )
    #expect(result.claims.first?.eligible == false)
    // Opened within the window, it has its timetable.
    o.disputeOpenedOn = asOf.adding(days: -25)
    #expect(
      EligibilityChecker(asOf: asOf).check(o, supplier: supplier(), evidence: here).dispute?.supplierReplyBy
        != nil)
  }

  @Test func aDecidedDisputeLeavesNothingToClaim() {
    for status in [DisputeStatus.refunded, .partiallyRefunded, .rejected, .withdrawn] {
      var o = order(ta: true, payment: .paypal, inspection: .fail)
      o.deliveredDate = asOf.adding(days: -10)
      o.dispute = status
      o.disputeOpenedOn = asOf.adding(days: -9)
      o.disputeClosedOn = asOf.adding(days: -2)
      let result = EligibilityChecker(asOf: asOf).check(o, supplier: supplier(), evidence: here)
      #expect(result.claims.first?.eligible == false, "\(status)")
      // A withdrawal is the buyer's own closing, not a decision (black-box review 22).
      #expect(
        result.claims.first?.detail
          == (status == .withdrawn
            ? "inspection failed; already closed: the buyer withdrew the dispute opened \(asOf.adding(days: -9)) on "
              + "\(asOf.adding(days: -2))"
            : "inspection failed; already decided: the dispute opened \(asOf.adding(days: -9)) was closed on "
              + "\(asOf.adding(days: -2)) as \(status.rawValue)"))
    }
  }

  @Test func aClaimFiledInTimeStandsWhileItsDisputeIsOpen() {
    // Delivered 60 days ago: the 30-day window closed 30 days ago.
    var o = order(ta: true, payment: .creditCard, delivered: -60, inspection: .fail)
    o.dispute = DisputeStatus.open
    o.disputeOpenedOn = asOf.adding(days: -45)
    func firstClaim() -> Claim? {
      EligibilityChecker(asOf: asOf).check(o, supplier: supplier(), evidence: here).claims.first
    }
    let claim = firstClaim()
    #expect(claim?.eligible == true)
    #expect(
      claim?.detail
        == "inspection failed; filed in time: the dispute opened \(asOf.adding(days: -45)) is open "
        + "(the claim window closed on \(asOf.adding(days: -30)))")
    // A closing day beside an open status is named, not silently used or dropped.
    o.disputeClosedOn = asOf.adding(days: -5)
    let contradictory = firstClaim()
    #expect(contradictory?.eligible == true)
    #expect(
      contradictory?.detail.hasSuffix(
        " (its closing day \(asOf.adding(days: -5)) is ignored: the status says open)")
        == true)
    o.disputeClosedOn = nil
    // Opened after the window closed: too late.
    o.disputeOpenedOn = asOf.adding(days: -20)
    let late = firstClaim()
    #expect(late?.eligible == false)
    #expect(
      late?.detail
        == "inspection failed; the claim window closed on \(asOf.adding(days: -30)); a dispute is open since "
        + "\(asOf.adding(days: -20))")
  }

  @Test func anUnknownCoverageLimitCannotConfirmProtection() {
    let result = EligibilityChecker(asOf: asOf).check(
      order(ta: true, payment: .paypal), supplier: supplier(limit: nil), evidence: here)
    #expect(!result.protected)
    #expect(
      result.reasons == [
        "the supplier's Trade Assurance limit is unknown (ta_limit_usd is empty), so cover for $10,000 cannot be confirmed"
      ])
  }
}
