#!/usr/bin/env python3
"""The DuckDB baseline of the scoring benchmark: read a catalog's reviews and suppliers CSV and
compute a per-supplier Bayesian average rating, top 100. Prints the wall time.

    pip install duckdb && scripts/duckdb-baseline.py bench-data/L
"""
import sys, time
import duckdb

folder = sys.argv[1] if len(sys.argv) > 1 else "bench-data/L"
start = time.perf_counter()
con = duckdb.connect()
rows = con.execute(f"""
    WITH r AS (SELECT supplier_id, rating FROM read_csv_auto('{folder}/reviews.csv')),
         s AS (SELECT supplier_id, name FROM read_csv_auto('{folder}/suppliers.csv')),
         prior AS (SELECT avg(rating) AS m FROM r),
         per AS (SELECT supplier_id, count(*) AS n, sum(rating) AS total FROM r GROUP BY supplier_id)
    SELECT s.supplier_id, s.name, (8 * prior.m + per.total) / (8 + per.n) AS bayes
    FROM per JOIN s USING (supplier_id), prior
    ORDER BY bayes DESC, s.supplier_id LIMIT 100
""").fetchall()
elapsed = time.perf_counter() - start
print(f"duckdb {duckdb.__version__}: {len(rows)} rows in {elapsed:.2f} s (top: {rows[0][0]} {rows[0][2]:.3f})")
