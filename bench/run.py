"""Benchmark the site as it is served: gunicorn on 127.0.0.1 against a chosen database.

    .venv/bin/python bench/run.py                       # SQLite, demo size
    .venv/bin/python bench/run.py --scale 10            # SQLite, 10x content
    .venv/bin/python bench/run.py --database postgres   # a throwaway PostgreSQL database
    .venv/bin/python bench/run.py --database postgres --large   # the size of the budgets

For each public page type: SQL queries per request, p50 and p95 response time uncached
(sequential requests that bypass the page cache), p50 cached, requests per second uncached
and cached under concurrent load, and bytes; plus a static-file baseline from the same run
and the workers' memory. Every loop is bounded in requests and time.
"""

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from common import (  # bench scripts run as files, beside common.py
    PYTHON,
    ROOT,
    UNCACHED,
    add_database_arguments,
    build_site,
    fetch,
    gunicorn,
    percentile,
    size_name,
    worker_memory_mib,
)


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    add_database_arguments(parser)
    parser.add_argument("--requests", type=int, default=60, help="sequential requests per page")
    parser.add_argument("--load-seconds", type=float, default=3.0, help="load duration per page")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    return parser.parse_args()


def timings(url, count, headers=None):
    samples = [fetch(url, headers=headers)[0] * 1000 for _ in range(count)]
    return statistics.median(samples), percentile(samples, 0.95)


def throughput(url, seconds, concurrency, headers=None):
    deadline = time.perf_counter() + seconds
    done, errors = [0], [0]
    lock = threading.Lock()

    def worker():
        while time.perf_counter() < deadline:
            try:
                ok = fetch(url, headers=headers)[1] < 500
            except OSError:
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


def static_url(env):
    code = (
        "import django; django.setup(); from django.templatetags.static import static; "
        "print(static('css/site.css'))"
    )
    result = subprocess.run(
        [PYTHON, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=ROOT
    )
    return result.stdout.strip()


def main():
    args = parse_args()
    env = build_site(args)
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
    rows = []
    with gunicorn(env, args.workers, args.port) as (server, base):
        targets = [{"label": "static file (baseline)", "url": static_url(env), "queries": 0}]
        for target in targets + pages:
            url = base + target["url"]
            for _ in range(3):
                fetch(url, headers=UNCACHED)  # warm the workers
                fetch(url)  # and the page cache
            p50, p95 = timings(url, args.requests, UNCACHED)
            cached_p50, _ = timings(url, args.requests)
            rps, errors = throughput(url, args.load_seconds, args.concurrency, UNCACHED)
            cached_rps, cached_errors = throughput(url, args.load_seconds, args.concurrency)
            size = fetch(url)[2]
            rows.append(
                {
                    **target,
                    "p50_ms": p50,
                    "p95_ms": p95,
                    "cached_p50_ms": cached_p50,
                    "rps": rps,
                    "cached_rps": cached_rps,
                    "errors": errors + cached_errors,
                    "bytes": size,
                }
            )
            print(f"  measured {target['label']}", flush=True)
        memory = worker_memory_mib(server.pid)

    print()
    header = (
        f"{'page type':30} {'SQL':>4} {'p50':>7} {'p95':>7} {'cached':>7} "
        f"{'req/s':>7} {'cached':>7} {'5xx':>4} {'KiB':>6}  url"
    )
    print(header)
    print(f"{'':30} {'':>4} {'ms':>7} {'ms':>7} {'p50 ms':>7} {'':>7} {'req/s':>7}")
    for row in rows:
        print(
            f"{row['label'][:30]:30} {row['queries']:>4} {row['p50_ms']:>7.1f} "
            f"{row['p95_ms']:>7.1f} {row['cached_p50_ms']:>7.1f} {row['rps']:>7.0f} "
            f"{row['cached_rps']:>7.0f} {row['errors']:>4} {row['bytes'] / 1024:>6.1f}  {row['url']}"
        )
    if memory:
        print(f"\nWorker memory (RSS): {', '.join(f'{size:.0f} MiB' for size in memory)}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "scale": args.scale,
                    "size": size_name(args),
                    "database": args.database,
                    "rows": rows,
                    "worker_mib": memory,
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    sys.exit(main())
