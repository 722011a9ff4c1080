"""What the benchmark scripts share: a throwaway database, the site built into it, gunicorn
serving it on 127.0.0.1, and a small HTTP client. Nothing but 127.0.0.1 is contacted."""

import contextlib
import os
import secrets
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
# A session cookie makes the page cache step aside: how "uncached" figures are measured.
UNCACHED = {"Cookie": "sessionid=benchmark-uncached"}


def add_database_arguments(parser):
    parser.add_argument("--database", default="sqlite", help="sqlite, postgres, or a DATABASE_URL")
    parser.add_argument("--scale", type=int, default=1, help="multiply the demo content")
    parser.add_argument(
        "--large",
        action="store_true",
        help="the size the budgets are measured at: load_demo_content --large "
        "(10,000 publications, 2,000 events, 1,000 artworks)",
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--reuse", action="store_true", help="keep the database of an earlier run")


def size_name(args):
    """Names the database, SQLite file and media directory of a size: x1, x10, large."""
    return "large" if getattr(args, "large", False) else f"x{args.scale}"


def size_options(args):
    """load_demo_content's options for the size asked for."""
    return ["--large"] if getattr(args, "large", False) else ["--scale", str(args.scale)]


def database_url(args):
    if args.database == "sqlite":
        path = Path("/tmp") / f"cwb_bench_{size_name(args)}.sqlite3"
        if not args.reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    if args.database == "postgres":
        name = f"cwb_bench_{size_name(args)}"
        if not args.reuse:
            for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
                subprocess.run(["psql", f"{PG_SERVER}/postgres", "-qc", sql], check=True)
        return f"{PG_SERVER}/{name}"
    return args.database


def environment(url, size):
    """The production settings against ``url``; ``size`` names the media directory (an
    int is a scale, as in ``x10``)."""
    if isinstance(size, int):
        size = f"x{size}"
    kind = "sqlite" if url.startswith("sqlite") else "postgres"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        # Production requires the public https address; requests say they came through
        # the TLS proxy (X-Forwarded-Proto), so links and redirects read it as https.
        "SITE_URL": "https://127.0.0.1",
        "MEDIA_ROOT": f"/tmp/cwb_bench_media_{size}",
        # The cache every worker shares (production without Redis), one per site built.
        "CACHE_DIR": f"/tmp/cwb_bench_cache_{kind}_{size}",
        "LOG_LEVEL": "WARNING",
        # Index and render while building; a benchmark has no worker running.
        "TASKS_BACKEND": "immediate",
    }


def manage(env, *args):
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], env=env, check=True, cwd=ROOT)


def build_site(args):
    """The database URL and environment of a site built for this run."""
    url = database_url(args)
    env = environment(url, size_name(args))
    print(f"Database: {url.split('@')[-1]}  size: {size_name(args)}", flush=True)
    # Pages and counts cached by an earlier run (other code, other content) must not count.
    shutil.rmtree(env["CACHE_DIR"], ignore_errors=True)
    # Before the demo content: loading it pre-renders pages, whose templates need the
    # static files' manifest.
    manage(env, "collectstatic", "--noinput", "-v", "0")
    if not args.reuse:
        started = time.monotonic()
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_demo_content", *size_options(args))
        print(f"Built the site in {time.monotonic() - started:.0f} s", flush=True)
    return env


@contextlib.contextmanager
def gunicorn(env, workers, port):
    """gunicorn with sync workers on 127.0.0.1, stopped on exit."""
    server = subprocess.Popen(
        [GUNICORN, "config.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}"]
        + ["--log-level", "warning", "--timeout", "60"],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                fetch(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        yield server, base
    finally:
        server.terminate()
        server.wait(timeout=30)


def fetch(url, *, headers=None, data=None, timeout=30):
    """(seconds, status, bytes) of one request; HTTP errors are answers, not exceptions."""
    request = urllib.request.Request(
        url, data=data, headers={"X-Forwarded-Proto": "https", **(headers or {})}
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # 127.0.0.1 only
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body = error.read()
        status = error.code
    return time.perf_counter() - started, status, len(body)


def worker_memory_mib(master_pid):
    sizes = []
    for children in Path(f"/proc/{master_pid}/task").glob("*/children"):
        for pid in children.read_text().split():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
    return sizes


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else 0.0
