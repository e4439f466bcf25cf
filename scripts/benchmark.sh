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
# and the peak resident memory of each run (GNU time's %M). Each is run RUNS times (default 3;
# imports into a new store each time) and the median and best are printed after the runs: this
# machine's timings swing by a third from one run to the next, and the store's writes to disk
# by more (the kernel time of an L import varied 0.4-2.6 s with the store file's name alone).
# STORE_DIR sets where import stores go (default /tmp; /dev/shm takes the disk out).
# Figures go to stdout and to reports/benchmark-<SIZE>.txt.
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

runs="${RUNS:-3}"
store_dir="${STORE_DIR:-/tmp}"
store="$store_dir/supplier-trust-bench.sqlite"

# run LABEL BYTES COMMAND...: each run's seconds, MB/s, records/s and peak memory, then the
# median and the best. A command naming $store gets a new store each run.
run() {
  local label="$1" bytes="$2"
  shift 2
  local times=() kbs=() records=0
  for ((i = 1; i <= runs; i++)); do
    rm -f "$store" "$store"-*
    local stats
    stats=$( { /usr/bin/time -f "%e %M" "$@" --format json --no-reject-files > /tmp/supplier-trust-bench.json; } 2>&1 | tail -1)
    times+=("${stats% *}")
    kbs+=("${stats#* }")
    records=$(python3 -c 'import json,sys; print(sum(f["accepted"]+f["rejected"] for f in json.load(open(sys.argv[1]))["files"]))' /tmp/supplier-trust-bench.json)
  done
  python3 - "$label" "$bytes" "$records" "${times[*]}" "${kbs[*]}" <<'PY' | tee -a "$out"
import statistics, sys
label, size, records = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
times = [float(t) for t in sys.argv[4].split()]
peak = max(int(k) for k in sys.argv[5].split()) / 1024
def line(what, seconds):
    return (f"{label:<17} {what:<7} {size/1e6:8.1f} MB {records:>9} records {seconds:6.2f} s "
            f"{size/1e6/seconds:7.1f} MB/s {records/seconds:>9.0f} records/s")
print("  ".join(f"{t:.2f}" for t in times).join([f"{label:<17} runs    ", " s"]))
print(line("median", statistics.median(times)))
print(line("best", min(times)) + f"  peak {peak:6.1f} MiB")
PY
}

echo "SupplierTrust benchmark, size $size, $(date -u +%Y-%m-%d), $(nproc) cores, $runs runs each, store in $store_dir" | tee -a "$out"
run "check CSV" "$csv_bytes" "$bin" check --db /nonexistent/none.sqlite "$csv"
if command -v taskset >/dev/null; then
  run "check CSV 1 core" "$csv_bytes" taskset -c 0 "$bin" check --db /nonexistent/none.sqlite "$csv"
fi
run "import CSV" "$csv_bytes" "$bin" import --db "$store" "$csv"
run "check XML" "$xml_bytes" "$bin" check --db /nonexistent/none.sqlite "$xml"
run "import XML" "$xml_bytes" "$bin" import --db "$store" "$xml"
rm -f "$store" "$store"-* /tmp/supplier-trust-bench.json
