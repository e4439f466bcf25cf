#!/usr/bin/env bash
# Speed and memory of the import path on generated data (release build).
#
#   scripts/benchmark.sh [S|M|L|XL]      default L
#
# Generates bench-data/<SIZE> (CSV) and bench-data/<SIZE>-xml (XML) once, then measures:
#   check CSV   read + validate every record, nothing stored   (MB/s)
#   check CSV on one core   the same, pinned to one CPU (taskset), as the issue's target is set
#   import CSV  the whole catalog into a fresh store            (records/s, MB/s)
#   check XML / import XML                                      (MB/s)
# and the peak resident memory of each run (GNU time's %M). Figures go to stdout and to
# reports/benchmark-<SIZE>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-L}"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 1; }

swift build -c release --product supplier-trust >/dev/null
bin=.build/release/supplier-trust
csv="bench-data/$size"
xml="bench-data/$size-xml"
[ -f "$csv/reviews.csv" ] || "$bin" generate --size "$size" --out "$csv"
[ -f "$xml/catalog.xml" ] || "$bin" generate --size "$size" --xml --out "$xml"

csv_bytes=$(cat "$csv"/*.csv | wc -c)
xml_bytes=$(wc -c < "$xml/catalog.xml")
mkdir -p reports
out="reports/benchmark-$size.txt"
: > "$out"

# run LABEL BYTES COMMAND...: prints seconds, MB/s, records/s and peak memory.
run() {
  local label="$1" bytes="$2"
  shift 2
  local stats
  stats=$( { /usr/bin/time -f "%e %M" "$@" --format json --no-reject-files > /tmp/supplier-trust-bench.json; } 2>&1 | tail -1)
  local seconds=${stats% *} kb=${stats#* }
  local records
  records=$(python3 -c 'import json,sys; print(sum(f["accepted"]+f["rejected"] for f in json.load(open(sys.argv[1]))["files"]))' /tmp/supplier-trust-bench.json)
  python3 - "$label" "$bytes" "$seconds" "$kb" "$records" <<'PY' | tee -a "$out"
import sys
label, size, seconds, kb, records = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print(f"{label:<16} {size/1e6:8.1f} MB {records:>10} records {seconds:7.2f} s "
      f"{size/1e6/seconds:7.1f} MB/s {records/seconds:>10.0f} records/s  peak {kb/1024:7.1f} MiB")
PY
}

echo "SupplierTrust benchmark, size $size, $(date -u +%Y-%m-%d), $(nproc) cores" | tee -a "$out"
run "check CSV" "$csv_bytes" "$bin" check --db /nonexistent/none.sqlite "$csv"
if command -v taskset >/dev/null; then
  run "check CSV 1 core" "$csv_bytes" taskset -c 0 "$bin" check --db /nonexistent/none.sqlite "$csv"
fi
rm -f /tmp/supplier-trust-bench.sqlite*
run "import CSV" "$csv_bytes" "$bin" import --db /tmp/supplier-trust-bench.sqlite "$csv"
run "check XML" "$xml_bytes" "$bin" check --db /nonexistent/none.sqlite "$xml"
rm -f /tmp/supplier-trust-bench.sqlite*
run "import XML" "$xml_bytes" "$bin" import --db /tmp/supplier-trust-bench.sqlite "$xml"
rm -f /tmp/supplier-trust-bench.sqlite* /tmp/supplier-trust-bench.json
