"""National scale (docs/scale.md): synth, set-based assessment, memory (ingestion by workers: bench_workers.py).

Prints "name | value" lines for benchmarks/run.py. Scales: CHITIEU_BENCH_NATIONAL_SCALES (default
"0.01,0.1"; add 1.0 to measure the full country, several minutes and ≈ 1 GB of PostgreSQL). The databases
are made on CHITIEU_BENCH_POSTGRES_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/postgres) and
dropped afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid

import sqlalchemy as sa

BASE = os.environ.get("CHITIEU_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
CLI = [sys.executable, "-m", "chitieu.cli.main"]
MEASURE = """
import json, resource, sys, time
from chitieu.cli.common import cli_actor
from chitieu.services.database import open_database
from chitieu.services.bulk_assess import assess_all_plans
with open_database(sys.argv[1]) as db, db.session() as s:
    best = []
    for _ in range(3):
        t = time.perf_counter(); rows = assess_all_plans(s, cli_actor(), as_of=2024); best.append(time.perf_counter() - t)
print(json.dumps({"rows": len(rows), "seconds": min(best), "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
SYNTH = """
import json, resource, sys
from chitieu.cli.common import cli_actor
from chitieu.services.database import open_database
from chitieu.services.synth import synth_national
with open_database(sys.argv[1]) as db, db.session(write=True) as s:
    r = synth_national(s, cli_actor(), scale=float(sys.argv[2]), seed=1)
print(json.dumps({"rows": r.rows, "observations": r.observations, "targets": r.targets, "seconds": r.seconds,
                  "rate": r.rows_per_second, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _database() -> tuple[str, sa.Engine, str]:
    name = f"chitieu_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(BASE, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    return BASE.rsplit("/", 1)[0] + "/" + name, admin, name


def _drop(admin: sa.Engine, name: str) -> None:
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _json(args: list[str]) -> dict[str, float]:
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def scale_figures(scale: float) -> None:
    url, admin, name = _database()
    try:
        s = _json([sys.executable, "-c", SYNTH, url, str(scale)])
        print(f"synth national F={scale:g} (PostgreSQL COPY) | {s['seconds']:.1f} s, {int(s['rows']):,} rows "
              f"({int(s['targets']):,} targets, {int(s['observations']):,} observations), {s['rate']:,.0f} rows/s, "
              f"peak RSS {s['rss_mb']:.0f} MB")
        a = _json([sys.executable, "-c", MEASURE, url])
        print(f"assess --all-plans engine F={scale:g} | {a['seconds']:.2f} s for {int(a['rows']):,} targets "
              f"(best of 3), peak RSS {a['rss_mb']:.0f} MB")
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([*CLI, "assess", "--all-plans", "--as-of", "2024", "--format", "csv", "--db", url],
                           stdout=subprocess.DEVNULL, check=True)
            runs.append(time.perf_counter() - start)
        print(f"assess --all-plans --format csv, whole process, F={scale:g} | {min(runs):.2f} s (best of 3; "
              f"median {sorted(runs)[1]:.2f} s)")
    finally:
        _drop(admin, name)


def main() -> None:
    for text in os.environ.get("CHITIEU_BENCH_NATIONAL_SCALES", "0.01,0.1").split(","):
        scale_figures(float(text))


if __name__ == "__main__":
    main()
