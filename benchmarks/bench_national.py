"""National scale (docs/scale.md): synth, set-based assessment, memory (ingestion by workers: bench_workers.py).

Prints "name | value" lines for benchmarks/run.py. Scales: CHITIEU_BENCH_NATIONAL_SCALES (default
"0.01,0.1"; add 1.0 to measure the full country, several minutes and ≈ 1 GB of PostgreSQL). The databases
are made on CHITIEU_BENCH_POSTGRES_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/postgres) and
dropped afterwards.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
import uuid
from typing import Any

import sqlalchemy as sa

BASE = os.environ.get("CHITIEU_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
CLI = [sys.executable, "-m", "chitieu.cli.main"]
MEASURE = """
import json, resource, sys, time
from chitieu.cli.common import cli_actor
from chitieu.services.database import open_database
from chitieu.services.bulk_assess import assess_all_plans_columns
with open_database(sys.argv[1]) as db, db.session() as s:
    best, cpu = [], []
    for _ in range(3):
        t, c = time.perf_counter(), time.process_time()
        r = assess_all_plans_columns(s, cli_actor(), as_of=2024)
        best.append(time.perf_counter() - t); cpu.append(time.process_time() - c)
print(json.dumps({"rows": len(r), "row_engine": r.row_engine, "seconds": min(best), "cpu": min(cpu),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
# Every field of every row of the columnar judgement against the row engine on the same database, and the
# rows of three plans against `assess --plan`'s own engine (assess_bundle on the loaded plan).
AGREE = """
import json, random, sys
from dataclasses import asdict
from chitieu.assessment import assess_bundle
from chitieu.cli.common import cli_actor
from chitieu.services.database import open_database
from chitieu.services.bulk_assess import assess_all_plans
from chitieu.services.registry import load_bundle
with open_database(sys.argv[1]) as db, db.session() as s:
    columns = assess_all_plans(s, cli_actor(), as_of=2024)
    rows = assess_all_plans(s, cli_actor(), as_of=2024, engine="rows")
    differ = sum(asdict(a) != asdict(b) for a, b in zip(columns, rows, strict=True))
    plans = sorted({r.plan_code for r in columns})
    sample = random.Random(1).sample(plans, min(3, len(plans)))
    skipped = {"explanation", "value_text"}
    checked = bad = 0
    for code in sample:
        want = assess_bundle(load_bundle(s, cli_actor(), code), as_of=2024)
        got = [r for r in columns if r.plan_code == code]
        checked += len(want)
        bad += len(want) != len(got) or sum({k: v for k, v in asdict(a).items() if k not in skipped}
                                            != {k: v for k, v in asdict(b).items() if k not in skipped}
                                            for a, b in zip(got, want, strict=False))
print(json.dumps({"rows": len(columns), "differ": differ, "plans": sample, "checked": checked, "bad": bad}))
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


def _load() -> str:
    return f"load average {os.getloadavg()[0]:.1f}"


def _timed(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child: user + system) of one process. On a shared machine the CPU
    time says what the process costs; the wall time adds the wait for a core."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def start_figures() -> None:
    """The CLI's start: `chitieu assess --help` as a whole process (imports only the assess commands)."""
    runs = sorted(_timed([*CLI, "assess", "--help"]) for _ in range(3))
    print(f"chitieu assess --help, whole process | {runs[0][0]:.2f} s wall, {min(r[1] for r in runs):.2f} s CPU "
          f"(best of 3), {_load()}")


def _json(args: list[str]) -> dict[str, Any]:
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
              f"(best of 3; {a['cpu']:.2f} s CPU in Python, the rest in PostgreSQL or waiting; "
              f"{int(a['row_engine'])} left to the row engine), peak RSS {a['rss_mb']:.0f} MB, "
              f"{_load()}")
        if scale <= 0.1:
            g = _json([sys.executable, "-c", AGREE, url])
            print(f"assess --all-plans agreement F={scale:g} | {int(g['differ'])} of {int(g['rows']):,} rows differ from "
                  f"the row engine; {int(g['bad'])} of {int(g['checked'])} rows of plans {', '.join(g['plans'])} "
                  f"differ from assess --plan")
        runs = sorted(_timed([*CLI, "assess", "--all-plans", "--as-of", "2024", "--format", "csv", "--db", url])
                      for _ in range(3))
        print(f"assess --all-plans --format csv, whole process, F={scale:g} | {runs[0][0]:.2f} s wall (best of 3; "
              f"median {runs[1][0]:.2f} s), {min(r[1] for r in runs):.2f} s CPU of the process, {_load()}")
    finally:
        _drop(admin, name)


def main() -> None:
    start_figures()
    for text in os.environ.get("CHITIEU_BENCH_NATIONAL_SCALES", "0.01,0.1").split(","):
        scale_figures(float(text))


if __name__ == "__main__":
    main()
