#!/usr/bin/env python3
"""The DuckDB baseline of the scoring benchmark: read a catalog's reviews and suppliers CSV and
compute a per-supplier Bayesian average rating, top 100. Prints the wall time.

    pip install duckdb && scripts/duckdb-baseline.py bench-data/L [--all-columns]

By default DuckDB reads only the columns the query needs (supplier_id and rating of the reviews,
supplier_id and name of the suppliers). With --all-columns it first loads every column of both
files into tables, as `score DIR` must read every field (dates, reviewers, verification, where
each text is), then runs the same query on them: the same answer, over the whole input.
"""
import sys, time
import duckdb

args = [a for a in sys.argv[1:] if not a.startswith("--")]
all_columns = "--all-columns" in sys.argv[1:]
folder = args[0] if args else "bench-data/L"
start = time.perf_counter()
con = duckdb.connect()
if all_columns:
    con.execute(f"CREATE TABLE r AS SELECT * FROM read_csv_auto('{folder}/reviews.csv')")
    con.execute(f"CREATE TABLE s AS SELECT * FROM read_csv_auto('{folder}/suppliers.csv')")
    reviews, suppliers = "r", "s"
else:
    reviews = f"(SELECT supplier_id, rating FROM read_csv_auto('{folder}/reviews.csv'))"
    suppliers = f"(SELECT supplier_id, name FROM read_csv_auto('{folder}/suppliers.csv'))"
rows = con.execute(f"""
    WITH r AS (SELECT supplier_id, rating FROM {reviews}),
         s AS (SELECT supplier_id, name FROM {suppliers}),
         prior AS (SELECT avg(rating) AS m FROM r),
         per AS (SELECT supplier_id, count(*) AS n, sum(rating) AS total FROM r GROUP BY supplier_id)
    SELECT s.supplier_id, s.name, (8 * prior.m + per.total) / (8 + per.n) AS bayes
    FROM per JOIN s USING (supplier_id), prior
    ORDER BY bayes DESC, s.supplier_id LIMIT 100
""").fetchall()
elapsed = time.perf_counter() - start
label = "every column loaded" if all_columns else "two columns read"
print(f"duckdb {duckdb.__version__} ({label}): {len(rows)} rows in {elapsed:.2f} s (top: {rows[0][0]} {rows[0][2]:.3f})")
