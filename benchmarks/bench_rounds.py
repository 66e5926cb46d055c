"""Reporting rounds under concurrent entry (``make bench``): 100 units × 50 indicators written through the
API by 20 concurrent clients on PostgreSQL, against a real ``chitieu serve`` process over loopback HTTP.

Each client is an officer scoped to 5 units; it reads its units' values (to learn each version) and PUTs
every value with that version, timing each write. Afterwards every value is read back and compared with what
was written (a lost write would show), and the audit trail of the round must hold exactly one change per
value. Prints p50/p95/max per write, throughput, errors, lost writes, audit rows.

Needs CHITIEU_BENCH_POSTGRES_URL or CHITIEU_TEST_POSTGRES_URL (a server whose user may create databases);
a fresh database is created and dropped. Figures taken while others use the machine are distorted: the load
average is printed with them.
"""

from __future__ import annotations

import os
import statistics
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_latency import Server

BIN = Path(sys.executable).parent / "chitieu"
UNITS, INDICATORS, CLIENTS = 100, 50, 20


def fresh_database(base: str) -> tuple[str, object]:
    import sqlalchemy as sa

    name = f"chitieu_bench_rounds_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = base.rsplit("/", 1)[0] + "/" + name

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


def prepare(url: str) -> dict[str, str]:
    """The plan, its units, an office token and one officer token per client (5 units each)."""
    from chitieu.domain import Actor, Indicator, OrgUnit, Plan, PlanBundle, Registry
    from chitieu.services.accounts import add_user, create_token
    from chitieu.services.database import open_database
    from chitieu.services.registry import save_registry

    admin = Actor("bench", role="admin")
    plan = Plan("BENCH", "Kế hoạch thử tải kỳ báo cáo", term_start=2021, term_end=2025)
    units = [OrgUnit("P", "Tỉnh thử", "tỉnh")] + [OrgUnit(f"X{u:03d}", f"Xã {u}", "xã", "P") for u in range(UNITS)]
    indicators = [Indicator(f"I{i:02d}", f"Chỉ tiêu {i}", "%", plan_code="BENCH", order=i) for i in range(INDICATORS)]
    registry = Registry(org_units=units, plans=[plan], contents={"BENCH": PlanBundle(plan, indicators=indicators)})
    database = open_database(url)
    tokens: dict[str, str] = {}
    try:
        with database.session(write=True) as session:
            save_registry(session, admin, registry)
            add_user(session, admin, "office", role="office", password=None)
            tokens["office"] = create_token(session, "office")
            for c in range(CLIENTS):
                mine = [f"X{u:03d}" for u in range(c * UNITS // CLIENTS, (c + 1) * UNITS // CLIENTS)]
                add_user(session, admin, f"officer{c}", role="officer", password=None, units=mine)
                tokens[f"officer{c}"] = create_token(session, f"officer{c}")
    finally:
        database.close()
    return tokens


def main() -> int:
    base = os.environ.get("CHITIEU_BENCH_POSTGRES_URL") or os.environ.get("CHITIEU_TEST_POSTGRES_URL")
    if not base:
        print("Reporting rounds: skipped (set CHITIEU_BENCH_POSTGRES_URL or CHITIEU_TEST_POSTGRES_URL)")
        return 0
    url, drop = fresh_database(base)
    try:
        tokens = prepare(url)
        server = Server(url)
        try:
            return measure(server.url, tokens)
        finally:
            server.stop()
    finally:
        drop()  # type: ignore[operator]


def measure(base_url: str, tokens: dict[str, str]) -> int:
    office = {"Authorization": f"Bearer {tokens['office']}"}
    with httpx.Client(base_url=base_url, timeout=60) as client:
        made = client.post("/api/v1/rounds", headers=office, json={
            "plan": "BENCH", "period": "năm 2025", "deadline": "2025-12-15",
            "units": [f"X{u:03d}" for u in range(UNITS)]})
        made.raise_for_status()
        rid = made.json()["id"]
    samples: list[float] = []
    errors: list[str] = []
    written: dict[tuple[str, str], str] = {}
    lock = threading.Lock()

    def client_work(c: int) -> None:
        headers = {"Authorization": f"Bearer {tokens[f'officer{c}']}"}
        mine = [f"X{u:03d}" for u in range(c * UNITS // CLIENTS, (c + 1) * UNITS // CLIENTS)]
        with httpx.Client(base_url=base_url, timeout=60) as client:
            for unit in mine:
                values = client.get(f"/api/v1/rounds/{rid}/units/{unit}/values", headers=headers).json()
                for v in values:
                    text = f"{(c * 7 + int(v['indicator'][1:]) * 3) % 100},{int(unit[1:]) % 10}"
                    start = time.perf_counter()
                    answer = client.put(f"/api/v1/rounds/{rid}/values/{unit}/{v['indicator']}", headers=headers,
                                        json={"text": text, "flag": "ước", "version": v["version"]})
                    took = (time.perf_counter() - start) * 1000
                    with lock:
                        samples.append(took)
                        if answer.status_code != 200:
                            errors.append(f"{unit}/{v['indicator']}: {answer.status_code} {answer.text[:120]}")
                        else:
                            written[(unit, v["indicator"])] = text

    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    threads = [threading.Thread(target=client_work, args=(c,)) for c in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    load_after = os.getloadavg()[0]
    lost = 0
    with httpx.Client(base_url=base_url, timeout=60) as client:
        for u in range(UNITS):
            unit = f"X{u:03d}"
            for v in client.get(f"/api/v1/rounds/{rid}/units/{unit}/values", headers=office).json():
                if written.get((unit, v["indicator"])) != v["text"]:
                    lost += 1
        audit = client.get(f"/api/v1/audit?round={rid}", headers=office).json()
    samples.sort()
    expected = UNITS * INDICATORS
    print(f"Reporting rounds on PostgreSQL: {UNITS} units × {INDICATORS} indicators by {CLIENTS} concurrent clients "
          f"(load average {load_before:.1f} before, {load_after:.1f} after)")
    print(f"  writes {len(samples)} of {expected} in {wall:.1f} s ({len(samples) / wall:.0f}/s); "
          f"per write p50 {statistics.median(samples):.1f} ms, p95 {samples[int(0.95 * len(samples)) - 1]:.1f} ms, "
          f"max {samples[-1]:.1f} ms")
    print(f"  errors {len(errors)}, lost writes {lost}, audit rows {len(audit)} (expected {expected})")
    for e in errors[:5]:
        print("   ", e)
    return 0 if not errors and not lost and len(audit) == expected and len(samples) == expected else 1


if __name__ == "__main__":
    raise SystemExit(main())
