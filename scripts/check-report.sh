#!/usr/bin/env bash
# Renders the HTML trust report of the sample catalog and checks it in headless Chromium:
# no console error, no network request, and the ranked table sorts (Score header: ascending after
# one click, descending after two) and filters. Saves a screenshot to reports/trust-report.png,
# and to docs/report.png (the README's picture) with --update-docs or when that is missing. Exits
# non-zero with the reasons when a check fails; prints one line when all pass.
#
# The report is dated with SOURCE_DATE_EPOCH (fixed here), so the screenshot only changes when the
# report does.
#
# Usage: scripts/check-report.sh [--update-docs]
# Environment:
#   SUPPLIER_TRUST   the binary to use (default: build with swift build and use its product)
#   SCRATCH_PATH     swift build --scratch-path, when building (default: .build)
#   CHROMIUM         the browser (default: Debian's chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

update_docs=false
for argument in "$@"; do
  case "$argument" in
    --update-docs) update_docs=true ;;
    *) echo "usage: scripts/check-report.sh [--update-docs]" >&2; exit 2 ;;
  esac
done

fail() {
  echo "check-report: $*" >&2
  exit 1
}

# Chromium and the Python websocket module (Debian packages), installed when missing and possible.
missing=()
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/lib/chromium/chromium ]; then
  missing+=(chromium)
fi
python=/usr/bin/python3
[ -x "$python" ] || python=$(command -v python3 || true)
[ -n "$python" ] || missing+=(python3)
if [ -n "$python" ] && ! "$python" -c 'import websocket' >/dev/null 2>&1; then missing+=(python3-websocket); fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    fail "missing ${missing[*]}; install them (Debian: apt-get install ${missing[*]})"
  fi
  echo "check-report: installing ${missing[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  python=/usr/bin/python3
fi

binary=${SUPPLIER_TRUST:-}
if [ -z "$binary" ]; then
  scratch=(--scratch-path "${SCRATCH_PATH:-.build}")
  swift build "${scratch[@]}" --product supplier-trust >/dev/null 2>&1 ||
    { swift build "${scratch[@]}" --product supplier-trust >&2; fail "swift build failed"; }
  binary="$(swift build "${scratch[@]}" --show-bin-path)/supplier-trust"
fi
[ -x "$binary" ] || fail "no supplier-trust binary at $binary"

report=reports/trust-report.html
screenshot=reports/trust-report.png
SOURCE_DATE_EPOCH=1795597200 "$binary" report datasets/sample --as-of 2026-11-25 --out "$report" >/dev/null ||
  fail "supplier-trust report failed"

"$python" scripts/check_report.py "$report" "$screenshot" ${CHROMIUM:+--chromium "$CHROMIUM"}
# The same checks on a catalog of unbroken 600-character names, 200-character certificate
# numbers and 500-character review texts: nothing may widen the page.
long_report=reports/trust-report-long-strings.html
SOURCE_DATE_EPOCH=1795597200 "$binary" report Tests/SupplierTrustCLITests/Fixtures/long-strings --as-of 2026-11-25 \
  --out "$long_report" >/dev/null || fail "supplier-trust report of the long-strings fixture failed"
"$python" scripts/check_report.py "$long_report" reports/trust-report-long-strings.png ${CHROMIUM:+--chromium "$CHROMIUM"}
if $update_docs || [ ! -f docs/report.png ]; then
  mkdir -p docs
  cp "$screenshot" docs/report.png
fi
