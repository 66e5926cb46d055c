"""Ingestion throughput of 1 and 2 ``chitieu worker`` processes on a real broker (issue #11, item 5).

Real public documents (the Lai Châu corpus beside the repository and tests/extraction/unseen), each sent
``--copies`` times with a first line of its own (a distinct hash, the same work), are ingested into a fresh
PostgreSQL database with the Lai Châu XIV plan installed. The workers are started and warmed up first
(their start-up is reported apart); then ``chitieu enqueue`` queues every document and the run ends when
the last job is done. For each run:

- span: from the first job's start to the last job's end (the jobs table's own clock);
- CPU per document: the workers' CPU time and the PostgreSQL backends' CPU time (of this database), read
  from /proc before and after, divided by the documents: the work itself, whatever else the machine runs;
- machine busy: the share of both cores busy during the span (/proc/stat), i.e. how much the other users
  of this shared machine took.

Speed-up is given two ways: wall (span of 1 worker / span of 2, medians of the runs) and CPU-bound
(2 × CPU per document with 1 worker / CPU per document with 2: what two workers would reach on two free
cores if nothing but their own extra CPU per document held them back).

Prints "name | value" lines for benchmarks/run.py. Needs PostgreSQL (CHITIEU_BENCH_POSTGRES_URL, default
postgresql+psycopg://postgres@127.0.0.1:5432/postgres) and a broker (CHITIEU_BENCH_BROKER_URL, default
RabbitMQ amqp://guest:guest@127.0.0.1:5672//).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
BASE = os.environ.get("CHITIEU_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
BROKER = os.environ.get("CHITIEU_BENCH_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
CLI = [sys.executable, "-m", "chitieu.cli.main"]
TICKS = os.sysconf("SC_CLK_TCK")


def documents() -> list[Path]:
    corpus = sorted((ROOT.parent / "shared" / "corpus").glob("*.txt"))
    return corpus + sorted((ROOT / "tests" / "extraction" / "unseen").glob("*.txt"))


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process (0 when it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def machine_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all cores since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def backends(engine: sa.Engine, name: str) -> dict[int, float]:
    with engine.connect() as conn:
        pids = conn.execute(sa.text("SELECT pid FROM pg_stat_activity WHERE datname = :n AND pid <> pg_backend_pid()"),
                            {"n": name}).scalars().all()
    return {int(p): cpu_seconds(int(p)) for p in pids}


@dataclass
class Run:
    workers: int
    documents: int
    startup: float
    span: float
    worker_cpu: float
    pg_cpu: float
    busy: float  # share of the machine's cores busy during the span, 0–1
    load: str
    job_seconds: float  # the jobs' own durations added up (started → finished)

    @property
    def utilisation(self) -> float:
        """How much of the span the workers spent inside jobs (the rest: between jobs, waiting for work)."""
        return self.job_seconds / (self.span * self.workers)

    @property
    def cpu_per_document(self) -> float:
        return (self.worker_cpu + self.pg_cpu) / self.documents


def one_run(workers: int, files: list[Path], copies: int, nice: int = 0) -> Run:
    name = f"chitieu_bench_w_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(BASE, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = BASE.rsplit("/", 1)[0] + "/" + name
    queue = f"chitieu-bench-{uuid.uuid4().hex[:8]}"
    env = os.environ | {"CHITIEU_DATABASE_URL": url, "CHITIEU_BROKER_URL": BROKER, "CHITIEU_QUEUE": queue}
    procs: list[subprocess.Popen[bytes]] = []
    engine = sa.create_engine(url)
    folder = Path(tempfile.mkdtemp(prefix="chitieu-bench-workers-"))
    try:
        subprocess.run([*CLI, "dataset", "install", "laichau_xiv"], env=env, check=True, capture_output=True)
        paths = []
        for copy in range(copies):
            for source in files:
                path = folder / f"{copy}-{source.name}"
                path.write_text(f"(bản {copy + 1})\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
                paths.append(path)
        from chitieu.workers.broker import celery_app

        start = time.perf_counter()
        procs = [subprocess.Popen([*CLI, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  preexec_fn=(lambda: os.nice(nice)) if nice else None)
                 for _ in range(workers)]
        app = celery_app(BROKER, queue)
        while True:  # ready: every worker consumes the queue
            try:
                with app.connection_for_write() as conn:
                    ready = conn.default_channel.queue_declare(queue=queue, passive=True).consumer_count
            except Exception:
                ready = 0
            if ready >= workers:
                break
            if any(p.poll() is not None for p in procs):
                raise RuntimeError("a worker stopped during start-up")
            time.sleep(0.2)
        startup = time.perf_counter() - start
        time.sleep(1.0)  # let the workers' first sweep end
        before_workers = {p.pid: cpu_seconds(p.pid) for p in procs}
        before_pg = backends(admin, name)
        busy0, total0 = machine_ticks()
        subprocess.run([*CLI, "enqueue", *map(str, paths)], env=env, check=True, capture_output=True)
        while True:
            with engine.connect() as conn:
                left = conn.execute(sa.text("SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')")).scalar()
            if not left:
                break
            time.sleep(0.2)
        busy1, total1 = machine_ticks()
        worker_cpu = sum(cpu_seconds(pid) - cpu for pid, cpu in before_workers.items())
        pg_cpu = sum(cpu - before_pg.get(pid, 0.0) for pid, cpu in backends(admin, name).items())
        with engine.connect() as conn:
            first, last, done, job_seconds = conn.execute(sa.text(
                "SELECT min(started_at), max(finished_at), count(*) FILTER (WHERE status = 'done'), "
                "sum(extract(epoch FROM finished_at - started_at)) FROM jobs")).one()
        if done != len(paths):
            raise RuntimeError(f"{done} of {len(paths)} jobs done")
        load = Path("/proc/loadavg").read_text().split()[:3]
        return Run(workers, len(paths), startup, (last - first).total_seconds(), worker_cpu, pg_cpu,
                   (busy1 - busy0) / max(1, total1 - total0), " ".join(load), float(job_seconds))
    finally:
        for p in procs:
            p.terminate()
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
        try:
            from chitieu.workers.broker import celery_app

            with celery_app(BROKER, queue).connection_for_write() as conn:
                conn.default_channel.queue_delete(queue)
        except Exception:
            pass
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2, help="each document sent this many times")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each worker count (alternating 1, 2)")
    parser.add_argument("--json", action="store_true", help="print every run as JSON too")
    parser.add_argument("--nice", type=int, default=0,
                        help="start the workers at this niceness (e.g. -10, as root: the scheduler gives them the "
                             "cores before the machine's other users)")
    args = parser.parse_args()
    files = documents()
    runs: list[Run] = []
    for _ in range(args.repeat):
        for workers in (1, 2):
            run = one_run(workers, files, args.copies, args.nice)
            runs.append(run)
            if args.json:
                print(json.dumps(run.__dict__ | {"utilisation": run.utilisation}), flush=True)
    n = runs[0].documents
    for workers in (1, 2):
        mine = [r for r in runs if r.workers == workers]
        spans = [r.span for r in mine]
        print(f"ingestion, {n} real documents, {workers} worker{'s' if workers > 1 else ''} | span median "
              f"{statistics.median(spans):.1f} s (runs {', '.join(f'{s:.1f}' for s in spans)}), "
              f"{n / statistics.median(spans):.2f} documents/s; CPU per document {statistics.median(r.cpu_per_document for r in mine):.3f} s "
              f"(workers {statistics.median(r.worker_cpu for r in mine) / n:.3f} + PostgreSQL {statistics.median(r.pg_cpu for r in mine) / n:.3f}); "
              f"in jobs {statistics.median(r.utilisation for r in mine):.0%} of the span; "
              f"machine busy {', '.join(f'{r.busy:.0%}' for r in mine)}; load {mine[-1].load}; "
              f"worker start-up {statistics.median(r.startup for r in mine):.1f} s")
    one = [r for r in runs if r.workers == 1]
    two = [r for r in runs if r.workers == 2]
    wall = statistics.median(r.span for r in one) / statistics.median(r.span for r in two)
    cpu = 2 * statistics.median(r.cpu_per_document for r in one) / statistics.median(r.cpu_per_document for r in two)
    print(f"ingestion speed-up, 2 workers / 1 | wall {wall:.2f}× (shared machine); CPU-bound {cpu:.2f}× "
          f"(2 × CPU per document of 1 worker / of 2 workers; goal ≥ 1.8×)")


if __name__ == "__main__":
    main()
