"""Benchmark the site as it is served: gunicorn on 127.0.0.1 against a chosen database.

    .venv/bin/python bench/run.py                       # SQLite, demo size
    .venv/bin/python bench/run.py --scale 10            # SQLite, 10x content
    .venv/bin/python bench/run.py --database postgres   # a throwaway PostgreSQL database

For each public page type it prints SQL queries per request, median and p95 response time
(sequential requests, uncached), requests per second under concurrent load, and bytes; plus a
static-file baseline and the workers' memory. Only 127.0.0.1 is ever contacted; every loop is
bounded in requests and time.
"""

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PG_SERVER = "postgres://postgres@127.0.0.1:5432"


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--database", default="sqlite", help="sqlite, postgres, or a DATABASE_URL")
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--requests", type=int, default=60, help="sequential requests per page")
    parser.add_argument("--load-seconds", type=float, default=4.0, help="load duration per page")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--reuse", action="store_true", help="keep an existing benchmark database")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    return parser.parse_args()


def database_url(args):
    if args.database == "sqlite":
        path = Path("/tmp") / f"cwb_bench_x{args.scale}.sqlite3"
        if not args.reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    if args.database == "postgres":
        name = f"cwb_bench_x{args.scale}"
        if not args.reuse:
            for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
                subprocess.run(["psql", f"{PG_SERVER}/postgres", "-qc", sql], check=True)
        return f"{PG_SERVER}/{name}"
    return args.database


def environment(url):
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "MEDIA_ROOT": str(Path("/tmp") / "cwb_bench_media"),
        "LOG_LEVEL": "ERROR",
        # Index and render while building; a benchmark has no worker running.
        "TASKS_BACKEND": "immediate",
    }


def manage(env, *args):
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], env=env, check=True, cwd=ROOT)


def fetch(url, timeout=30):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=timeout) as response:  # 127.0.0.1 only
        body = response.read()
        status = response.status
    return time.perf_counter() - started, status, len(body)


def latency(url, count):
    timings, size = [], 0
    for _ in range(count):
        elapsed, _status, size = fetch(url)
        timings.append(elapsed * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    return statistics.median(timings), p95, size


def throughput(url, seconds, concurrency):
    deadline = time.perf_counter() + seconds
    done, errors = [0], [0]
    lock = threading.Lock()

    def worker():
        while time.perf_counter() < deadline:
            try:
                _elapsed, status, _size = fetch(url)
                ok = status < 500
            except Exception:
                ok = False
            with lock:
                done[0] += 1
                errors[0] += 0 if ok else 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0] / (time.perf_counter() - started), errors[0]


def worker_memory_mib(master_pid):
    total = []
    for child in Path(f"/proc/{master_pid}/task").glob("*/children"):
        for pid in child.read_text().split():
            status = Path(f"/proc/{pid}/status").read_text()
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    total.append(int(line.split()[1]) / 1024)
    return total


def static_url(env):
    out = subprocess.run(
        [
            PYTHON,
            "-c",
            "import django; django.setup(); from django.templatetags.static import static; print(static('css/site.css'))",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return out.stdout.strip()


def main():
    args = parse_args()
    url = database_url(args)
    env = environment(url)
    print(f"Database: {url.split('@')[-1]}  scale: {args.scale}", flush=True)
    if not args.reuse:
        started = time.monotonic()
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_demo_content", "--scale", str(args.scale))
        print(f"Built the site in {time.monotonic() - started:.0f} s", flush=True)
    manage(env, "collectstatic", "--noinput", "-v", "0")
    pages = json.loads(
        subprocess.run(
            [PYTHON, str(ROOT / "bench" / "pages.py")],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
    )
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [
            GUNICORN,
            "config.wsgi",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        for _ in range(100):
            try:
                fetch(base + "/", timeout=2)
                break
            except Exception:
                time.sleep(0.2)
        rows = []
        static = static_url(env)
        targets = [{"label": "static file (baseline)", "url": static, "queries": 0}] + pages
        for target in targets:
            full = base + target["url"]
            for _ in range(3):
                fetch(full)  # warm the workers
            median, p95, size = latency(full, args.requests)
            rps, errors = throughput(full, args.load_seconds, args.concurrency)
            rows.append(
                {
                    **target,
                    "median_ms": median,
                    "p95_ms": p95,
                    "rps": rps,
                    "errors": errors,
                    "bytes": size,
                }
            )
            print(f"  measured {target['label']}", flush=True)
        memory = worker_memory_mib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=20)

    print()
    print(
        f"{'page type':34} {'queries':>7} {'median ms':>10} {'p95 ms':>8} {'req/s':>8} {'errors':>6} {'KiB':>7}  url"
    )
    for row in rows:
        print(
            f"{row['label'][:34]:34} {row['queries']:>7} {row['median_ms']:>10.1f} {row['p95_ms']:>8.1f} "
            f"{row['rps']:>8.0f} {row['errors']:>6} {row['bytes'] / 1024:>7.1f}  {row['url']}"
        )
    if memory:
        print(f"\nWorker memory (RSS): {', '.join(f'{m:.0f} MiB' for m in memory)}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "scale": args.scale,
                    "database": args.database,
                    "rows": rows,
                    "worker_mib": memory,
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    sys.exit(main())
