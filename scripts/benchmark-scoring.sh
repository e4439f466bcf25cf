#!/usr/bin/env bash
# Speed of scoring and ranking on generated data (release build), beside a DuckDB baseline.
#
#   scripts/benchmark-scoring.sh [S|M|L|XL]      default L
#
# Uses bench-data/<SIZE> (generated once) and a store bench-data/<SIZE>.sqlite (imported once).
# Measures, three runs each, wall time and peak memory of:
#   score store   `score --format csv` of every supplier from the store (it keeps a scoring memo)
#   rank store    `rank --top 100` from the store, from scratch (the store's memos deleted first,
#                 outside the timing)
#   rank after score  `rank --top 100` from the store once `score` has kept its memo
#   score+rank store  `score --format csv` then `rank --top 100`, one after the other, memos deleted
#                 first (outside the timing): the target's sum, the second starting from the first's memo
#   rank files    `rank DIR --top 100` straight from the CSV files (no store)
#   score files   `score DIR` of every supplier straight from the CSV files (the default table)
#   rank same input   `rank --top 100` of a folder holding only reviews.csv and suppliers.csv (links):
#                 exactly the files DuckDB reads
#   duckdb        reviews + suppliers CSV → per-supplier Bayesian average, top 100 (needs `pip install duckdb`):
#                 the query's own time as the script prints it, and the whole process (Python
#                 start and import included) as /usr/bin/time sees it, as ours are measured;
#                 then the same after loading every column of both files (--all-columns)
#   side by side  `score DIR`, `rank DIR --top 100` and DuckDB's full load alternated ROUNDS
#                 times (default 8): medians and the ratios to DuckDB
# Figures go to stdout and reports/benchmark-scoring-<SIZE>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-L}"
swift build -c release --product supplier-trust >/dev/null
bin=.build/release/supplier-trust
data="bench-data/$size"
store="bench-data/$size.sqlite"
[ -f "$data/reviews.csv" ] || "$bin" generate --size "$size" --out "$data"
[ -f "$store" ] || "$bin" import --db "$store" --no-reject-files "$data" >/dev/null
# The first run after an import migrates the store (builds the scoring index) once.
"$bin" score --db "$store" --as-of 2026-11-25 --format csv --no-snapshot >/dev/null
mkdir -p reports
out="reports/benchmark-scoring-$size.txt"
echo "SupplierTrust scoring benchmark, size $size, $(date -u +%Y-%m-%d), $(nproc) cores" | tee "$out"
# Deletes the store's scoring memos, so that the next run scores from scratch.
forget() {
  python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("DELETE FROM scoring_memos"); c.commit()' "$store"
}
# `before`, when set, runs ahead of each timed run, outside the timing.
before=""
measure() {
  local label="$1"
  shift
  for run in 1 2 3; do
    if [ -n "$before" ]; then $before; fi
    local stats
    stats=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -1)
    printf "%-16s run %d  %6.2f s  peak %7.1f MiB\n" "$label" "$run" "${stats% *}" "$(echo "${stats#* } / 1024" | bc -l)" | tee -a "$out"
  done
}
before=forget measure "score store" "$bin" score --db "$store" --as-of 2026-11-25 --format csv --no-snapshot
before=forget measure "rank store" "$bin" rank --db "$store" --as-of 2026-11-25 --top 100
"$bin" score --db "$store" --as-of 2026-11-25 --format csv --no-snapshot >/dev/null
measure "rank after score" "$bin" rank --db "$store" --as-of 2026-11-25 --top 100
before=forget measure "score+rank store" sh -c '"$1" score --db "$2" --as-of 2026-11-25 --format csv --no-snapshot >/dev/null && "$1" rank --db "$2" --as-of 2026-11-25 --top 100' sh "$bin" "$store"
measure "rank files" "$bin" rank "$data" --as-of 2026-11-25 --top 100
same="bench-data/$size-reviews-suppliers"
mkdir -p "$same"
ln -sf "../$size/reviews.csv" "$same/reviews.csv"
ln -sf "../$size/suppliers.csv" "$same/suppliers.csv"
measure "rank same input" "$bin" rank "$same" --as-of 2026-11-25 --top 100
measure "score files" "$bin" score "$data" --as-of 2026-11-25
if python3 -c "import duckdb" 2>/dev/null; then
  for run in 1 2 3; do
    { /usr/bin/time -f "duckdb process %e s  peak %M KiB" python3 scripts/duckdb-baseline.py "$data"; } 2>&1 | tee -a "$out"
  done
  # The same query after loading every column of both files, as `score DIR` reads every field.
  for run in 1 2 3; do
    { /usr/bin/time -f "duckdb process %e s  peak %M KiB" python3 scripts/duckdb-baseline.py "$data" --all-columns; } 2>&1 | tee -a "$out"
  done
  # Side by side: this machine's speed drifts by a tenth over tens of seconds, so that blocks of
  # three runs taken one after the other can favour either side. The files commands and DuckDB's
  # full load alternated, ROUNDS times (default 8), then each one's median and the ratios.
  rounds="${ROUNDS:-8}"
  side=$(mktemp)
  for round in $(seq "$rounds"); do
    for what in score rank duckdb; do
      case "$what" in
        score) command=("$bin" score "$data" --as-of 2026-11-25) ;;
        rank) command=("$bin" rank "$data" --as-of 2026-11-25 --top 100) ;;
        duckdb) command=(python3 scripts/duckdb-baseline.py "$data" --all-columns) ;;
      esac
      { /usr/bin/time -f "$what %e" "${command[@]}" >/dev/null; } 2>&1 | tail -1 >>"$side"
    done
  done
  python3 - "$side" "$rounds" <<'PY' | tee -a "$out"
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    what, seconds = line.split()
    times.setdefault(what, []).append(float(seconds))
duck = statistics.median(times["duckdb"])
print(f"side by side, {sys.argv[2]} rounds alternated (median, range):")
for what in ("score", "rank", "duckdb"):
    runs = times[what]
    ratio = "" if what == "duckdb" else f"  {statistics.median(runs) / duck:.2f}x DuckDB's full load"
    print(f"  {what:7s} {statistics.median(runs):.2f} s  ({min(runs):.2f}-{max(runs):.2f}){ratio}")
PY
  rm -f "$side"
else
  echo "duckdb: not installed (pip install duckdb)" | tee -a "$out"
fi
