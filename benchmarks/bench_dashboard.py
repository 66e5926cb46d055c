"""The national dashboard: p95 over real HTTP on a national database, and the summaries' refresh times.

Prints "name | value" lines for benchmarks/run.py. Database: CHITIEU_BENCH_DASHBOARD_DB (an existing
database loaded by ``chitieu synth national``, e.g. the F = 1.0 one, which takes minutes to build: synth it
once); without it a fresh PostgreSQL database is made at CHITIEU_BENCH_DASHBOARD_SCALE (default 0.1) and
dropped afterwards. CHITIEU_BENCH_DASHBOARD_REFRESH=0 skips the full rebuild when the summaries exist.

Measured: the full rebuild (``chitieu summaries refresh`` as a whole process, wall time and peak memory);
incremental refreshes inside a transaction rolled back afterwards (the database is left as it was): one
commune value written (a round, a review accept), one whole province plan rewritten (a registry save);
the dashboard over loopback HTTP with a real ``chitieu serve`` (nation, a province, a commune; page and
API; 200 requests after 10 warm-up ones). Goal (issue #11): p95 ≤ 200 ms on the F = 1.0 database.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import sqlalchemy as sa

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from web_latency import BIN, Server, timings  # noqa: E402

BASE = os.environ.get("CHITIEU_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
GOAL_MS = 200.0


def load() -> str:
    return "load " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def _fresh(scale: float) -> tuple[str, sa.Engine, str]:
    name = f"chitieu_dash_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(BASE, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = BASE.rsplit("/", 1)[0] + "/" + name
    subprocess.run([str(BIN), "synth", "national", "--scale", str(scale), "--db", url], check=True,
                   capture_output=True)
    return url, admin, name


def full_refresh(url: str) -> None:
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", str(BIN), "summaries", "refresh", "--db", url],
                          capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    rss_mb = int(done.stderr.strip().splitlines()[-1]) / 1024
    print(f"summaries refresh (full rebuild, whole process) | {seconds:.1f} s, peak RSS {rss_mb:.0f} MB ({load()})")


def incremental(url: str, samples: int = 10) -> None:
    from chitieu.cli.common import cli_actor
    from chitieu.services.bulk_assess import SeriesKey
    from chitieu.services.database import open_database
    from chitieu.services.summaries import refresh_touched

    database = open_database(url)
    rng = random.Random(11)
    actor = cli_actor()
    with database.session() as s:
        series = s.execute(sa.text(
            "SELECT DISTINCT o.indicator_id, o.org_unit_id FROM observations o JOIN indicators i ON i.id = o.indicator_id "
            "WHERE i.code = 'CT003' AND o.org_unit_id IS NOT NULL LIMIT 500")).all()
        plans = list(s.execute(sa.text("SELECT id FROM plans WHERE code LIKE 'NQ-T%' ORDER BY id")).scalars())
    one: list[float] = []
    for indicator_id, unit_id in rng.sample(series, min(samples, len(series))):
        connection = database.engine.connect()
        transaction = connection.begin()
        from sqlalchemy.orm import Session

        with Session(bind=connection) as session:
            session.execute(sa.text("UPDATE observations SET value = value * 1.5 WHERE indicator_id = :i AND org_unit_id = :u"),
                            {"i": indicator_id, "u": unit_id})
            start = time.perf_counter()
            refresh_touched(session, actor, series=[SeriesKey(indicator_id, unit_id)])
            one.append(time.perf_counter() - start)
        transaction.rollback()
        connection.close()
    whole: list[float] = []
    for plan_id in rng.sample(plans, min(3, len(plans))):
        connection = database.engine.connect()
        transaction = connection.begin()
        from sqlalchemy.orm import Session

        with Session(bind=connection) as session:
            start = time.perf_counter()
            refresh_touched(session, actor, plan_ids=[plan_id])
            whole.append(time.perf_counter() - start)
        transaction.rollback()
        connection.close()
    database.close()
    print(f"summaries refresh after one commune value (median of {len(one)}) | "
          f"{statistics.median(one) * 1000:.0f} ms (max {max(one) * 1000:.0f} ms; {load()})")
    print(f"summaries refresh after a province plan rewritten (median of {len(whole)}) | "
          f"{statistics.median(whole):.2f} s (max {max(whole):.2f} s; {load()})")


def token(url: str) -> str:
    from chitieu.domain.actors import Actor
    from chitieu.services.accounts import add_user, create_token
    from chitieu.services.database import open_database

    database = open_database(url)
    name = f"bench-{uuid.uuid4().hex[:6]}"
    with database.session(write=True) as session:
        add_user(session, Actor("bench", role="admin", via="cli"), name, role="viewer", password=uuid.uuid4().hex)
        secret = create_token(session, name)
    database.close()
    return secret


def http(url: str) -> None:
    secret = token(url)
    server = Server(url)
    try:
        with httpx.Client(base_url=server.url, timeout=30, headers={"Authorization": f"Bearer {secret}"}) as client:
            nation = client.get("/api/v1/national").json()
            province = nation["lines"][0]["code"]
            commune = client.get(f"/api/v1/national/{province}").json()["lines"][0]["code"]
            for label, path in (("nation", "/national"), ("province", f"/national/{province}"),
                                ("commune", f"/national/{commune}")):
                for kind, prefix in (("page", ""), ("API", "/api/v1")):
                    t = timings(client, prefix + path)
                    mark = "ok" if t["p95"] <= GOAL_MS else "OVER GOAL"
                    print(f"dashboard {label} {kind} {prefix + path} (200 requests) | p50 {t['p50']:.1f} ms, "
                          f"p95 {t['p95']:.1f} ms, max {t['max']:.1f} ms (goal p95 ≤ {GOAL_MS:.0f}: {mark}; {load()})")
    finally:
        server.stop()


def main() -> None:
    url = os.environ.get("CHITIEU_BENCH_DASHBOARD_DB", "")
    admin = name = None
    if not url:
        url, admin, name = _fresh(float(os.environ.get("CHITIEU_BENCH_DASHBOARD_SCALE", "0.1")))
    try:
        with sa.create_engine(url).connect() as conn:
            counts = conn.execute(sa.text("SELECT (SELECT count(*) FROM observations), (SELECT count(*) FROM targets)")).one()
        print(f"dashboard database | {counts[0]:_} observations, {counts[1]:_} targets".replace("_", "."))
        built = False
        with sa.create_engine(url).connect() as conn:
            try:
                built = bool(conn.execute(sa.text("SELECT count(*) FROM summary_state")).scalar())
            except sa.exc.DBAPIError:
                built = False
        if not built or os.environ.get("CHITIEU_BENCH_DASHBOARD_REFRESH", "1") != "0":
            full_refresh(url)
        incremental(url)
        http(url)
    finally:
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
