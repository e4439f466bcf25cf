/// The report's inline stylesheet and script: constants, never built from input.
enum HTMLAssets {
  /// Screen and print styles. Colours per standing: ok green, warned amber, blocked red; every text
  /// colour has at least 4.5:1 contrast on its background, the focus ring 3:1.
  ///
  /// On paper the ranking is no scroll box (a scroll box clips its Flags column at A4 width), says
  /// when the screen's filters left suppliers out, and its sort buttons are `display: contents`:
  /// Chromium repeats a table's header on every printed page only when the header cells hold no
  /// buttons (black-box review 63: 94 of 95 ranking pages printed without it).
  static let css: StaticString = """
    :root{--ink:#1b2430;--muted:#566070;--line:#d8dde4;--panel:#f4f6f9;--accent:#1d5ea8;
    --ok:#166a36;--ok-bg:#e2f2e7;--ok-mark:#3a9a5b;--warned:#7f4d00;--warned-bg:#fff0d2;
    --warned-mark:#d99a22;--blocked:#a11a1a;--blocked-bg:#fde3e3;--blocked-mark:#c94141;--none:#8a93a0}
    *{box-sizing:border-box}
    [hidden]{display:none!important}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;color:var(--ink);background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",
    Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif}
    .wrap{max-width:1200px;margin:0 auto;padding:0 24px}
    a{color:var(--accent)}
    a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #0b4f9c;
    outline-offset:2px}
    #ranking tr:focus{outline:3px solid #0b4f9c;outline-offset:-3px}
    .skip{position:absolute;left:-9999px}
    .skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:10}
    header.top{border-bottom:4px solid var(--accent);padding:28px 0 16px;background:var(--panel)}
    .kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:var(--muted)}
    h1{font-size:30px;line-height:1.2;margin:4px 0 6px}
    body{overflow-wrap:break-word}
    h1,h2,h3,p,li,figcaption,caption,blockquote,dd,summary{overflow-wrap:anywhere}
    h2{font-size:22px;line-height:1.3;margin:44px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
    h3{font-size:18px;line-height:1.3;margin:28px 0 8px}
    h4{font-size:13px;margin:22px 0 6px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
    p{margin:6px 0 10px}
    .lede{font-size:16px;max-width:64em;margin:0}
    table.flagcounts td:nth-child(3){min-width:14em}
    table.flagcounts td:nth-child(4){font-size:13px}
    .notice{max-width:64em;margin:8px 0 0;padding:6px 10px;border-left:4px solid var(--warned-mark);
    background:var(--warned-bg)}
    .muted{color:var(--muted)}
    code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;
    font-size:.88em}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:12px 0 0;font-size:14px}
    dl.facts dt{color:var(--muted)}
    dl.facts dd{margin:0;overflow-wrap:anywhere}
    nav.toc{font-size:14px;padding:10px 0;border-bottom:1px solid var(--line)}
    nav.toc ol{display:flex;flex-wrap:wrap;gap:4px 20px;list-style:none;margin:0;padding:0}
    .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:16px 0}
    .card{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:#fff}
    .card .v{font-size:26px;font-weight:650;font-variant-numeric:tabular-nums;line-height:1.2}
    .card .k{font-size:13px;color:var(--muted)}
    .card.ok{border-left:6px solid var(--ok-mark)}
    .card.warned{border-left:6px solid var(--warned-mark)}
    .card.blocked{border-left:6px solid var(--blocked-mark)}
    .grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:8px 28px;align-items:start}
    .grid2>*{min-width:0}
    table.flagcounts td:not(:first-child){overflow-wrap:anywhere}
    table.flagcounts thead th{white-space:normal}
    table.flagcounts td:last-child{min-width:6em}
    figure{margin:8px 0 16px}
    figcaption{font-size:13px;color:var(--muted);margin-top:4px}
    svg.chart{display:block;width:100%;height:auto;max-width:760px}
    svg.chart text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:11px;
    fill:var(--ink)}
    svg.chart .axis{stroke:#9aa3ae;stroke-width:1}
    svg.chart .grid{stroke:#e6e9ee;stroke-width:1}
    svg.chart .lbl{fill:var(--muted)}
    svg.chart .ok{fill:var(--ok-mark)}
    svg.chart .warned{fill:var(--warned-mark)}
    svg.chart .blocked{fill:var(--blocked-mark)}
    svg.chart .band-ok{fill:var(--ok-bg)}
    svg.chart .band-warned{fill:var(--warned-bg)}
    svg.chart .band-blocked{fill:var(--blocked-bg)}
    svg.chart .track{fill:#eef1f5}
    svg.chart .noev{fill:#fff;stroke:var(--none);stroke-dasharray:4 3}
    svg.chart .noev-t{fill:var(--muted);font-style:italic}
    svg.chart .bar{fill:#5b7fae}
    svg.chart .burst{fill:var(--blocked-mark);fill-opacity:.18;stroke:var(--blocked-mark);stroke-width:1}
    svg.chart .burst-t{fill:var(--blocked);font-weight:600}
    svg.chart .line{fill:none;stroke:#1b2430;stroke-width:1.6}
    svg.chart .dot{fill:#1b2430}
    svg.chart .dot.now{fill:#fff;stroke:#1b2430;stroke-width:2}
    svg.chart .noscore{stroke:#6b7480;stroke-width:2;stroke-dasharray:4 3}
    svg.chart .asof{stroke:var(--accent);stroke-width:1.5;stroke-dasharray:5 3}
    svg.chart .asof-t{fill:var(--accent);font-weight:600}
    svg.chart .iv{stroke:#1b2430;stroke-width:4;stroke-linecap:round}
    svg.chart .tl-valid{fill:var(--ok-mark)}
    svg.chart .tl-doubtful{fill:var(--warned-mark)}
    svg.chart .tl-suspended{fill:#fff;stroke:var(--warned);stroke-width:2;stroke-dasharray:6 3}
    svg.chart .tl-expired{fill:#c8ccd2;stroke:var(--blocked-mark);stroke-width:1}
    svg.chart .open{stroke:#1b2430;stroke-width:1.2;stroke-dasharray:4 3;fill-opacity:.55}
    table{border-collapse:collapse;width:100%;font-size:14px;margin:6px 0 14px}
    caption{text-align:left;font-weight:600;padding:4px 0 6px;caption-side:top}
    th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
    thead th{background:var(--panel);font-weight:600;border-bottom:2px solid #b9c0ca;white-space:nowrap}
    tbody th{font-weight:600}
    .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .tablewrap{overflow-x:auto}
    @media screen{#ranking thead th{position:sticky;top:0;z-index:1}}
    @media screen{html.js #ranking tr.cap{display:none}}
    #ranking td:first-child{border-left:4px solid transparent}
    #ranking tr.ok td:first-child{border-left-color:var(--ok-mark)}
    #ranking tr.warned td:first-child{border-left-color:var(--warned-mark)}
    #ranking tr.blocked td:first-child{border-left-color:var(--blocked-mark)}
    #ranking td:nth-child(2){min-width:15em;overflow-wrap:anywhere}
    #ranking td{overflow-wrap:anywhere}
    table.sources .hash{display:block;font:400 11px ui-monospace,SFMono-Regular,Menlo,Consolas,
    "Liberation Mono",monospace;color:var(--muted);overflow-wrap:anywhere}
    table.policy{table-layout:fixed}
    table.policy th:first-child{width:30%}
    table.policy td:nth-child(2){width:22%}
    table.policy td,table.policy th{overflow-wrap:anywhere}
    #ranking .sid{display:block;color:var(--muted);font-size:12px}
    #ranking td.sc{font-weight:700}
    #ranking .iv{color:var(--muted);font-size:12px;font-weight:400}
    button.sort{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer;
    font-weight:600;text-align:inherit}
    button.sort::after{content:" \\2195";content:" \\2195" / "";color:#8a93a0;font-weight:400}
    th[aria-sort=ascending] button.sort::after{content:" \\25B2";content:" \\25B2" / "";color:var(--ink)}
    th[aria-sort=descending] button.sort::after{content:" \\25BC";content:" \\25BC" / "";color:var(--ink)}
    .b{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:650;white-space:nowrap}
    .b.ok{background:var(--ok-bg);color:var(--ok)}
    .b.warned{background:var(--warned-bg);color:var(--warned)}
    .b.blocked{background:var(--blocked-bg);color:var(--blocked)}
    .f{display:inline-block;margin:1px 4px 1px 0;padding:0 5px;border-radius:4px;border:1px solid;
    font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:11.5px}
    .f.high{color:var(--blocked);background:var(--blocked-bg);border-color:#eeb3b3}
    .f.medium{color:var(--warned);background:var(--warned-bg);border-color:#ecc98a}
    .f.low{color:#3c4654;background:#eef1f5;border-color:#cfd5dd}
    .nb{white-space:nowrap}
    .f.high::after{content:" !!";font-weight:700}
    .f.medium::after{content:" !";font-weight:700}
    .yes{color:var(--ok);font-weight:600}
    .no{color:var(--blocked);font-weight:600}
    .unk{color:var(--muted)}
    .pos{color:var(--ok);font-weight:600}
    .neg{color:var(--blocked);font-weight:600}
    form.controls{display:flex;flex-wrap:wrap;gap:10px 18px;align-items:end;padding:12px 14px;margin:10px 0;
    background:var(--panel);border:1px solid var(--line);border-radius:8px;font-size:14px}
    form.controls label{display:flex;flex-direction:column;gap:2px;color:var(--muted)}
    form.controls label.check{flex-direction:row;align-items:center;gap:6px;color:var(--ink)}
    form.controls input,form.controls select{font:inherit;color:var(--ink);padding:4px 6px;
    border:1px solid #9aa3ae;border-radius:5px;background:#fff}
    form.controls input[type=search]{min-width:16em}
    form.controls input[type=number]{width:6em}
    .status{font-size:13px;color:var(--muted);margin:4px 0}
    #show-all{font:inherit;font-size:13px;margin:0 0 6px}
    section.supplier{border-top:3px solid var(--line);margin-top:36px;padding-top:4px}
    section.supplier.ok{border-top-color:var(--ok-mark)}
    section.supplier.warned{border-top-color:var(--warned-mark)}
    section.supplier.blocked{border-top-color:var(--blocked-mark)}
    .verdict{display:flex;flex-wrap:wrap;gap:6px 22px;align-items:baseline;margin:6px 0 4px}
    .verdict .score{font-size:32px;font-weight:700;font-variant-numeric:tabular-nums}
    ul.flags{list-style:none;padding:0;margin:4px 0}
    ul.flags li{padding:6px 0 6px 10px;border-left:4px solid var(--line);margin:4px 0}
    ul.flags li.high{border-left-color:var(--blocked-mark)}
    ul.flags li.medium{border-left-color:var(--warned-mark)}
    .ev{font-size:12.5px;color:var(--muted);overflow-wrap:anywhere}
    ul.plain{margin:4px 0;padding-left:20px}
    blockquote{margin:6px 0;padding:6px 12px;border-left:3px solid var(--line);background:#fafbfc;
    font-size:14px}
    blockquote .meta{display:block;font-size:12px;color:var(--muted)}
    .legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12.5px;color:var(--muted);margin:2px 0}
    .legend i{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:4px;
    vertical-align:-1px}
    .legend i.ok{background:var(--ok-mark)}
    .legend i.warned{background:var(--warned-mark)}
    .legend i.blocked{background:var(--blocked-mark)}
    .legend i.expired{background:#c8ccd2;border:1px solid var(--blocked-mark)}
    .legend i.suspended{background:#fff;border:2px dashed var(--warned)}
    .legend i.burst{background:rgba(201,65,65,.18);border:1px solid var(--blocked-mark)}
    .note{font-size:13px;color:var(--muted)}
    footer{margin:48px 0 24px;padding-top:12px;border-top:1px solid var(--line);font-size:13px;
    color:var(--muted)}
    @media (max-width:700px){.wrap{padding:0 12px}h1{font-size:24px}.grid2{grid-template-columns:1fr}}
    @media screen and (max-width:600px){#ranking,#ranking thead,#ranking tbody,#ranking caption{display:block}
    #ranking th:nth-child(3),#ranking td:nth-child(3),#ranking th:nth-child(5),#ranking td:nth-child(5){display:none}
    #ranking thead tr{display:flex;flex-wrap:wrap;gap:2px 14px;padding:2px 0 6px;border-bottom:2px solid #b9c0ca}
    #ranking thead th{display:block;position:static;border:0;background:none;padding:2px 0;font-size:13px}
    html:not(.js) #ranking thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
    #ranking tbody tr{display:grid;grid-template-columns:2.6em minmax(0,1fr) auto;column-gap:4px;padding:6px 0;
    border-bottom:1px solid var(--line);border-left:4px solid transparent}
    #ranking tbody tr.ok{border-left-color:var(--ok-mark)}
    #ranking tbody tr.warned{border-left-color:var(--warned-mark)}
    #ranking tbody tr.blocked{border-left-color:var(--blocked-mark)}
    #ranking tbody tr[hidden]{display:none}
    #ranking td,#ranking td:first-child,#ranking td:nth-child(2){display:block;border:0;padding:1px 4px;min-width:0}
    #ranking td:nth-child(n+6){grid-column:2/4}
    #ranking td:nth-child(7)::before{content:"Trade Assurance: ";color:var(--muted)}
    #ranking td:nth-child(8)::before{content:"Flags: ";color:var(--muted)}}
    @media print{
    @page{size:A4;margin:14mm 12mm}
    body{font-size:9.5pt;line-height:1.35}
    .wrap{max-width:none;padding:0}
    header.top{background:none;padding-top:0}
    nav.toc,form.controls,.status,.skip{display:none!important}
    #ranking thead th{position:static;white-space:normal}
    .tablewrap{overflow:visible}
    #ranking td:nth-child(2){min-width:0}
    button.sort::after{content:none!important}
    button.sort{display:contents}
    #table-status[data-print]{display:block!important;font-size:0;margin:0 0 4px}
    #table-status[data-print]::before{content:attr(data-print);font-size:9pt;font-weight:600}
    #ranking.filtered caption{display:none}
    #ranking td:nth-child(8){overflow-wrap:normal}
    thead{display:table-header-group}
    tr,figure,.card,blockquote,ul.flags li,dl.facts{break-inside:avoid}
    h2,h3,h4{break-after:avoid}
    section.supplier,#methodology{break-before:page}
    a{color:inherit;text-decoration:none}
    table{font-size:8.5pt}
    .ev,blockquote,.note,figcaption{font-size:8pt}
    th,td{padding:3px 5px}
    svg.chart{max-width:170mm}
    .grid2{display:block}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    }

    """

  /// Runs in the head, before the table is parsed: marks the page as scripted, so that the rows
  /// past the first ``rowCap`` stay out of the first layout (without JavaScript every row shows).
  static let headScript: StaticString = "document.documentElement.className = \"js\";"

  /// Matching rows of the ranked table shown at once when JavaScript runs; must equal `limit` in
  /// ``script``.
  static let rowCap = 500

  /// Sorting and filtering of the ranked table. It only enhances: without it the table reads in rank
  /// order and the controls stay hidden. One listener on the header and one on the form (none per
  /// row); sort keys come from `data-*` attributes (or cell text) read once per column; sorting
  /// reorders the existing rows through a DocumentFragment.
  static let script: StaticString = """
    (function () {
      "use strict";
      var table = document.getElementById("ranking");
      if (!table || !table.tBodies.length || !table.tHead) return;
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var n = rows.length;
      var heads = table.tHead.rows[0].cells;
      var status = document.getElementById("table-status");
      var collator = window.Intl ? new Intl.Collator(undefined, { numeric: true, sensitivity: "base" }) : null;
      var cache = {};
      var sortCol = 0, sortDir = 1;
      var i;
      // At most this many matching rows are shown at once (the rest on request) so that sorting or
      // filtering 10,000 rows only lays out a few hundred; the page marks the rest `cap` to start.
      var limit = 500;
      var showAll = document.getElementById("show-all");

      function keys(col) {
        if (cache[col]) return cache[col];
        var th = heads[col], key = th.getAttribute("data-key");
        var numeric = th.getAttribute("data-type") === "number";
        var out = new Array(n);
        for (var r = 0; r < n; r++) {
          if (key === "rank") { out[r] = r; continue; }
          if (numeric) {
            var v = rows[r].getAttribute("data-" + key);
            out[r] = v === null || v === "" ? NaN : parseFloat(v);
          } else {
            out[r] = rows[r].cells[col].textContent.trim().toLowerCase();
          }
        }
        cache[col] = out;
        return out;
      }

      function label(col) { return heads[col].textContent.trim(); }

      function applyCap() {
        var matching = 0;
        var live = body.rows;
        for (var r = 0; r < live.length; r++) {
          var row = live[r];
          if (row.hidden) continue;
          matching++;
          var capped = matching > limit;
          if (row.classList.contains("cap") !== capped) row.classList.toggle("cap");
        }
        return matching;
      }

      function report() {
        var matching = applyCap();
        if (showAll) showAll.hidden = matching <= limit;
        if (!status) return;
        var shown = Math.min(matching, limit);
        var what = shown < matching
          ? "Showing the first " + shown + " of " + matching + " matching suppliers" + (matching < n ? " (of " + n + ")" : "")
          : "Showing " + shown + " of " + n + " suppliers";
        status.textContent = what + ", sorted by " + label(sortCol) + (sortDir > 0 ? " (ascending)." : " (descending).");
        // Paper shows every matching row in the screen's order: it says which, when the filters
        // leave some out (then in place of the caption, which speaks of all) or the order is not
        // the ranking's.
        var filtered = matching < n;
        if (filtered !== table.classList.contains("filtered")) table.classList.toggle("filtered");
        if (filtered || sortCol !== 0 || sortDir !== 1) {
          status.setAttribute("data-print", (filtered ? "Filtered: " + matching + " of " + n + " suppliers" + filters() : "All " + n + " suppliers") +
            ", sorted by " + label(sortCol) + (sortDir > 0 ? " (ascending)." : " (descending)."));
        } else {
          status.removeAttribute("data-print");
        }
      }

      function filters() {
        var form = document.getElementById("controls");
        if (!form) return "";
        var parts = [];
        var needle = form.elements.q.value.trim();
        if (needle) parts.push("matching \\u201C" + needle + "\\u201D");
        if (form.elements.cc.value) parts.push("country " + form.elements.cc.value);
        if (form.elements.ta.checked) parts.push("Trade Assurance only");
        var minimum = parseFloat(form.elements.min.value);
        if (minimum > 0) parts.push("minimum score " + minimum);
        return parts.length ? " (" + parts.join(", ") + ")" : "";
      }

      function sortBy(col, dir) {
        var k = keys(col);
        var numeric = heads[col].getAttribute("data-type") === "number";
        var idx = new Array(n);
        for (var r = 0; r < n; r++) idx[r] = r;
        idx.sort(function (a, b) {
          var x = k[a], y = k[b];
          if (numeric) {
            var xn = x !== x, yn = y !== y;
            if (xn || yn) return xn && yn ? a - b : (xn ? 1 : -1);
            if (x !== y) return (x < y ? -1 : 1) * dir;
          } else if (x !== y) {
            var c = collator ? collator.compare(x, y) : (x < y ? -1 : 1);
            if (c) return c * dir;
          }
          return a - b;
        });
        var frag = document.createDocumentFragment();
        for (var j = 0; j < n; j++) frag.appendChild(rows[idx[j]]);
        body.appendChild(frag);
        for (var h = 0; h < heads.length; h++) heads[h].removeAttribute("aria-sort");
        heads[col].setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
        sortCol = col;
        sortDir = dir;
        report();
      }

      for (var c = 0; c < heads.length; c++) {
        var th = heads[c];
        if (!th.hasAttribute("data-type")) continue;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort";
        button.setAttribute("data-col", String(c));
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
      }
      heads[0].setAttribute("aria-sort", "ascending");
      table.tHead.addEventListener("click", function (event) {
        var target = event.target;
        while (target && target !== table.tHead && !(target.className === "sort")) target = target.parentNode;
        if (!target || target === table.tHead) return;
        var col = parseInt(target.getAttribute("data-col"), 10);
        sortBy(col, col === sortCol ? -sortDir : 1);
      });

      var form = document.getElementById("controls");
      if (form) {
        var text = null;
        // Accents ignored, as `rank --category` ignores them: "sahin" finds "Şahin".
        var fold = function (value) {
          return value.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase()
            .replace(/ı/g, "i").replace(/ø/g, "o").replace(/æ/g, "ae").replace(/œ/g, "oe")
            .replace(/ł/g, "l").replace(/đ/g, "d").replace(/ß/g, "ss").replace(/þ/g, "th").replace(/ð/g, "d");
        };
        var apply = function () {
          if (!text) {
            text = new Array(n);
            for (i = 0; i < n; i++) text[i] = fold(rows[i].textContent);
          }
          var needle = fold(form.elements.q.value.trim());
          var country = form.elements.cc.value;
          var onlyTA = form.elements.ta.checked;
          var minimum = parseFloat(form.elements.min.value);
          for (i = 0; i < n; i++) {
            var row = rows[i];
            var ok = (!needle || text[i].indexOf(needle) >= 0) &&
              (!country || row.getAttribute("data-cc") === country) &&
              (!onlyTA || row.getAttribute("data-ta") === "1") &&
              (!(minimum > 0) || parseFloat(row.getAttribute("data-score")) >= minimum);
            if (row.hidden === ok) row.hidden = !ok;
          }
          report();
        };
        var pending = 0;
        var schedule = function () {
          if (pending) return;
          pending = window.requestAnimationFrame(function () { pending = 0; apply(); });
        };
        form.addEventListener("input", schedule);
        form.addEventListener("change", schedule);
        form.addEventListener("submit", function (event) { event.preventDefault(); });
        form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
        form.hidden = false;
      }
      if (showAll) {
        showAll.addEventListener("click", function () {
          // The button hides itself: focus goes to the first row it brought in, not to the page top.
          var first = null;
          for (var r = 0; r < body.rows.length && !first; r++) {
            if (!body.rows[r].hidden && body.rows[r].classList.contains("cap")) first = body.rows[r];
          }
          limit = Infinity;
          report();
          if (first) {
            first.tabIndex = -1;
            first.focus();
          }
        });
      }
      report();
    })();

    """
}
