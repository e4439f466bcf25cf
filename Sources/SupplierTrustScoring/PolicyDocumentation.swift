/// `docs/policy.md`: every setting of the default policy with its value and the reason for it.
public enum PolicyDocumentation {
  /// The text of `docs/policy.md`, as `supplier-trust policy --docs` prints it.
  public static func markdown() -> String {
    var out = """
      # The scoring policy

      Every weight, threshold, half-life and window that scoring uses lives in a policy. The default \
      is built in and shipped as [`policies/default.json`](../policies/default.json); `supplier-trust \
      policy` prints it. Pass `--policy FILE` to `score`, `rank`, `eligibility` or `report` to use \
      your own: the file may set any subset of the keys below, and the others keep their defaults. An \
      unknown key, a wrong type or a value out of range stops the command with the line, the key and \
      the fix. Every output names the policy and its SHA-256 (of the complete policy, so two files \
      that differ only in layout have the same hash; the terminal table shows its first 12 hex \
      digits). Policy files are JSON.

      The five `weights` are each component's share of the score and should add up to 1; weights \
      that add up to more or less count as their share of the sum, said in a warning (reviews and \
      certifications set to 0.9, the other three left at their defaults, count 0.39, 0.39, 0.065, \
      0.087 and 0.065). A component that \
      no supplier of the catalog has evidence for is left out and the others scale up; the JSON \
      output's `weights` are the shares a run used.

      This page is generated from the code (`supplier-trust policy --docs`); a test keeps it equal.

      | key | default | why |
      |---|---|---|

      """
    for entry in PolicyFile.documentation {
      let value = entry.value.replacingNewlines
      out += "| `\(entry.key)` | `\(value)` | \(entry.why) |\n"
    }
    out += """

      ## How the numbers are used

      - **reviews**: each review weighs `0.5^(age / half_life_days)` times `verified_weight` or \
      `unverified_weight`, times `suspicious_weight` inside a detected burst. The weighted mean is \
      shrunk toward the catalog's mean rating with `prior_strength` reviews' weight; \
      `uncertainty_penalty` standard errors (the supplier's own rating spread, shrunk toward the \
      catalog's with `prior_strength`, over the square root of prior plus review weight: a steady \
      supplier is surer than a polarised one with the same mean) are taken off, and the result is \
      mapped from 1..5 stars to 0..1. \
      A supplier without reviews counts at what the prior alone gives (the catalog's mean less \
      `uncertainty_penalty` of the prior's standard error), not at `missing_component_value`: \
      ratings are relative to the catalog, so each review moves the value from there in its own \
      direction (one verified one-star review never scores above none, sixty verified reviews at \
      3.4★ in a catalog rated 4.3 score below none, and three five-star reviews stay below four \
      hundred at 4.8). \
      A supplier whose verified reviews of the last year outnumber both `verified_per_transaction` \
      per platform transaction of the last twelve months and the transactions with \
      `verified_transactions_slack` over them \
      has each of those verified reviews count only as the share of them the transactions back \
      (the rest at `unverified_weight`; older ones and complaints keep their weight), and its \
      verified flags count for nothing in burst detection. \
      When a burst inflated the rating (it is rated at or above the supplier's other reviews or \
      the catalog's mean, and its commonest rating is not one or two stars; otherwise it is an \
      attack on the supplier, or a bad batch that looks like one: discounted only down to the weight of its `minimum_reviews` − 1 weightiest \
      reviews, verified complaints not at all, and not held against the supplier; in the \
      catalog's mean its `minimum_reviews` − 1 lowest ratings count, as many as its victim's \
      do), \
      `burst_penalty` is taken off as well. A burst is a window of at most `window_days` days with at least \
      `minimum_reviews` reviews, `new_reviewer_share` of them from reviewers with no other history \
      (no verified purchase, or no review at all when the catalog states no verification, of \
      another supplier `window_days` or more before or after the review) and `unverified_share` not verified, whose reviews look coordinated: `near_identical_share` of \
      them in one group of near-identical texts, or `uniform_rating_share` giving the same star \
      rating in a rush (`pace_factor` times the reviews the supplier's other days give such a \
      window). A window of new (or unnamed) reviewers' mostly verified purchases (orders can be \
      bought to post reviews) is a burst when it shows both: `near_identical_share` of it \
      near-identical templates of at least `template_min_words` words, each repeated at least \
      three times (several templates together only when `template_rotation_new_share` of its \
      reviewers are new), and `uniform_rating_share` of its ratings within one star; or, sharing no \
      templates, when `uniform_rating_share` of its new accounts' reviews give one rating of \
      praise (4 or 5 stars; verified complaints are a bad batch, not a campaign) in a rush and \
      the chance of that many giving it (at the rate of the other suppliers' reviews for that rating, or the \
      supplier's own with one review of each kind added, if higher) is below \
      `verified_uniform_chance`. A window's counts and shares leave out the \
      reviews that oppose its commonest rating (a one- or two-star review among praise, or \
      praise among pans): a pan planted in a campaign's days never dilutes it out of sight. A \
      catalog that names no reviewer, or states no verification, at all (optional \
      columns left out) is not held against anyone: that share is then no condition, and only \
      near-identical texts show coordination, or, where reviewers are named, praise (or \
      complaints) at `praise_rush_factor` times the pace from accounts seen nowhere else.
      - **certifications**: each certificate is worth 1 when valid, in date, issued by a recognised \
      certification body and accredited by an IAF MLA signatory; less when a body is unknown or not \
      stated (an unknown body is flagged on management-system certificates only: product marks \
      such as CE are issued by test labs outside IAF accreditation, so a mark's unknown issuer or \
      accreditation counts as one not stated, and an unknown issuer does not meet `--require`), \
      or when the validity is too \
      long; 0 when expired (a management-system certificate that states no expiry lapses \
      `maximum_validity_years` after issue), suspended, withdrawn or cancelled, or accredited by a \
      look-alike body. A standard counts its best certificate (so a renewal covers an expired one). \
      The credit is 1 − `other_standards_share` times the most relevant standard's value times its \
      relevance (`relevance`, or `other_relevance` for a standard not listed there, raised to a \
      sector's value when the supplier's categories match one of `sectors`: FSSC 22000 counts as \
      much as ISO 9001 for a food maker), plus `other_standards_share` times the others' (summed, at most 1). The component \
      starts from `missing_component_value` (where a supplier with no certificate stands), gains \
      the credit on the rest of the way to 1, and loses `problem_penalty` for each suspended, \
      withdrawn or cancelled certificate, look-alike accreditation or impossible validity (a lapsed \
      certificate's too, unless a valid renewal supersedes it), \
      `unrecognised_penalty` for each management-system certificate from an unrecognised body, and \
      `lapsed_penalty` × relevance for each lapsed certificate no renewal replaces (at least \
      `unrecognised_penalty` when it came from an unrecognised body, so that letting it lapse gains \
      nothing; a renewal \
      with a problem, or naming no issuer, replaces none; one without its accreditation body \
      stated does): a valid \
      certificate never lowers the component, and a problem always does.
      - **audits**: each audit's verdict (pass, conditional, fail values, minus finding penalties \
      and `score_shortfall_penalty` per point its stated score falls short of 100) moves the \
      component from a neutral 0.5 (`unrecognised_auditor_factor` of that move when the auditor is \
      not a recognised body), fading with `half_life_days` (and keeping `lapsed_factor` of its \
      weight once its own `valid_until` has passed). A score left out counts as 90 and minor \
      findings left out as two (half of `unstated_details_penalty` each). The latest audit's move \
      counts in full; the earlier audits' moves, summed and held within a fresh audit's own (half \
      from neutral either way), add `earlier_audits_weight` of that, or the weight the latest has \
      lost to age, lapse or an unrecognised auditor when that is more. A failed audit \
      that is still the latest of its scope (factory: platform on-site, verified-supplier and \
      factory audits; social compliance; product: quality inspections) counts in full, as the \
      latest does, and keeps `audit_failed`: a later audit of another scope does not cover it.
      - **delivery**: the on-time share blends the buyer's own due orders, the platform's figure \
      (worth `platform_evidence_factor` orders per transaction, at most `platform_evidence_cap`; \
      with `transactions_12m` empty, as 20 transactions, one own order's worth) and \
      a prior; each late order counts as up to `severe_lateness_extra` more late orders (in full at \
      `lateness_full_days` late). It counts from neutral at `late_threshold` \
      (`missing_component_value`, the value of no record at all) to 1 at 100 % and 0 at none, so \
      that a rate flagged `late_shipments` counts below no record. A problem part then moves it: \
      the worse of two shares of the buyer's own orders, each shrunk toward `prior_dispute_rate` \
      with `prior_strength` orders (a clean record never below neutral): disputed or refunded (of those that state a dispute status; a \
      partially refunded dispute counts half plus half the refund's share of the order's amount, \
      a refund without an upheld dispute its share alone), \
      and failed inspections (of those inspected); when neither shows a problem, the one with more \
      orders behind it. It counts from neutral at `dispute_threshold` \
      to 1 at none and 0 at `dispute_rate_at_zero` (which must lie above the threshold), and moves the on-time part up toward 1 (or \
      down toward 0) by 1 − `on_time_share` of the way at its extremes, not at all at neutral: \
      a clean order never lowers the component. A late order counts only against: its dispute or \
      failed inspection, never its lack of one; and an order disputed, refunded or failed at \
      inspection only against too: not as a due order shipped on time (for `late_shipments` \
      either), nor its passed inspection, nor (failed) as free of dispute, so that an order that \
      goes wrong never raises the component nor clears a flag. With no on-time evidence at all \
      the on-time part is neutral, moved by the problem part as always. An empty field is \
      unknown: it counts in neither. \
      As of `--as-of`, a dispute opened later had not been opened, one closed later was still open \
      (its refund unpaid), and an inspection counts once the goods were delivered (shipped, when the \
      delivery day is not stated; the agreed ship day passed, when neither is: an overdue order \
      is late, so only a failed inspection counts, against it). \
      `late_shipments` (for the buyer's own orders) and `dispute_history` are raised when their \
      share is past the threshold even if the orders missing to `minimum_orders_for_flags` had \
      gone well, and warn (rather than inform) when it is so over `minimum_orders_to_warn`: an \
      order that goes well never raises a flag or its severity. Otherwise the platform's figure \
      speaks, and warns only below `platform_warn_below` over at least \
      `minimum_orders_for_flags` transactions (whatever the buyer's own orders show).
      - **standing**: a weighted mean of the profile signals, those left empty counting at \
      `missing_component_value` (neither good nor bad). Gold Supplier membership counts from \
      that value at its first year to 1 at `gold_supplier_full_years`.
      - **score**: 100 × the weighted mean of the five components (or, with `weakest_link`, the \
      weakest component, ties ordered by the weighted mean). A component without evidence counts as \
      `missing_component_value` (reviews: as the prior alone gives), never as 0 or 1 (a component no supplier of the catalog has \
      evidence for is left out); a supplier with no evidence at all is unrated. Each factor of an explanation gives the \
      points its component adds to or takes from a neutral 50 (with `weakest_link`, the weakest \
      component's factor carries them all, the first of equals, and the others none). **confidence** is the weighted share \
      of evidence each component has (reviews: weight / (weight + `reviews_half`), a burst found counting \
      at least as its verified purchases (those the transactions back) and the `minimum_reviews` - 1 weightiest of its other reviews, as \
      many as may come without being called one, so that one more verified review never lowers it and \
      bought unverified ones beyond those add nothing: a supplier that bought reviews can end a little \
      surer than its twin without them, never above one with the same number of genuine reviews; delivery: orders \
      / (orders + `orders_half`), each own order that tells something (due, disputed, \
      refunded or inspected) counted once beside the platform's share; audits: the freshest audit's weight; certifications: from 0.5 \
      toward 1 as certificates state their body, accreditation, expiry and status, each certificate adding \
      to what the others state, never diluting it; standing: the share of known signals); a \
      missing component adds nothing. \
      The **interval** is the score ± `interval_at_zero` × (1 − confidence).

      """
    return out
  }
}

extension String {
  var replacingNewlines: String {
    String(map { $0 == "\n" ? " " : $0 })
  }
}
