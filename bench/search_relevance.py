"""Search relevance and latency over the demo content, on the current database backend.

    .venv/bin/python bench/search_relevance.py                        # the DATABASE_URL given
    .venv/bin/python bench/search_relevance.py --build                # throwaway SQLite demo
    .venv/bin/python bench/search_relevance.py --build --database postgres
    .venv/bin/python bench/search_relevance.py --build --database postgres --publications 10000

Each judged query (bench/judged_queries.json) names the page a visitor expects (by the last
part of its URL, so it survives a page moving to another section: a person's profile, an
organization's ``#organization-<slug>`` entry on the network page, or a page); the script
asks the real search page for it and prints, per query, the rank of that page, then the mean
reciprocal rank (MRR), success at 1 and at 3, and p50/p95 latency of the search page.
Queries whose expected page does not exist in this database are listed and left out of the
figures. Searches made here are not recorded in the editors' search report.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
JUDGED = Path(__file__).resolve().parent / "judged_queries.json"


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--database", default="", help="sqlite, postgres or a DATABASE_URL (default: env)"
    )
    parser.add_argument("--build", action="store_true", help="migrate and load the demo first")
    parser.add_argument(
        "--publications", type=int, default=0, help="add synthetic publications up to this many"
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per query")
    parser.add_argument("--verbose", action="store_true", help="print the top 3 of each query")
    return parser.parse_args()


def database_url(args):
    suffix = f"_{args.publications}" if args.publications else ""
    database = args.database
    if not database and args.build and not os.environ.get("DATABASE_URL"):
        database = "sqlite"  # a throwaway SQLite demo, as the examples above say
    if database == "sqlite":
        path = Path("/tmp") / f"cwb_search_bench{suffix}.sqlite3"
        if args.build:
            for extra in ("", "-wal", "-shm"):
                Path(f"{path}{extra}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    if database == "postgres":
        name = f"cwb_search_bench{suffix}"
        if args.build:
            for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
                subprocess.run(["psql", f"{PG_SERVER}/postgres", "-qc", sql], check=True)
        return f"{PG_SERVER}/{name}"
    return database or os.environ.get("DATABASE_URL", "")


def manage(url, *command):
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *command], check=True, env=env, cwd=ROOT)


def add_publications(total):
    """Bulk-add synthetic publications (the publications app's own generator) up to
    ``total`` and index them."""
    from django.apps import apps
    from django.core.management import call_command
    from wagtail.models import Page

    try:
        publication_model = apps.get_model("publications", "PublicationPage")
        from publications import demo as publications_demo
    except (LookupError, ImportError):
        print("No publications app: nothing to add.")
        return
    existing = publication_model.objects.count()
    if existing >= total:
        refresh_statistics()
        return
    index = Page.objects.get(
        content_type__app_label="publications", content_type__model="publicationindexpage"
    )
    types = {
        kind.slug: kind for kind in apps.get_model("publications", "PublicationType").objects.all()
    }
    topics = {topic.slug: topic for topic in apps.get_model("publications", "Topic").objects.all()}
    started = time.perf_counter()
    publications_demo.add_synthetic_publications(
        index, total - existing, list(types.values()), topics
    )
    print(
        f"Added {total - existing} publications in {time.perf_counter() - started:.0f} s; indexing…"
    )
    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    print(f"Indexed in {time.perf_counter() - started:.0f} s")
    refresh_statistics()


def refresh_statistics():
    """Bulk inserts leave PostgreSQL's planner statistics stale until autovacuum runs;
    measure what a settled site does."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def rank_of(hrefs, expected):
    for position, href in enumerate(hrefs, start=1):
        if href.rstrip("/").endswith(expected.rstrip("/")):
            return position
    return None


def percentile(samples, fraction):
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def main():
    args = parse_args()
    url = database_url(args)
    if url:
        os.environ["DATABASE_URL"] = url
    if args.build:
        manage(url, "migrate", "-v0")
        manage(url, "load_demo_content")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from bs4 import BeautifulSoup
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from wagtail.models import Page

    import search.views
    from search import engine

    settings.DEBUG = False
    # Benchmark searches are not visitors' searches: keep them out of the report.
    search.views.record_after_response = lambda *args, **kwargs: None
    if args.publications:
        add_publications(args.publications)

    judged = json.loads(JUDGED.read_text())
    client = Client()
    live_paths = set(Page.objects.live().values_list("url_path", flat=True))
    # People's profiles and organizations' entries: the addresses search gives them.
    for model in engine.snippet_models():
        visible = list(model.search_visible())
        live_paths.update(url for url in model.search_result_urls(visible).values() if url)
    reciprocal_ranks, at_one, at_three, latencies, missing = [], 0, 0, [], []
    for item in judged:
        expected = item["expected"]
        if not any(path.rstrip("/").endswith(expected.rstrip("/")) for path in live_paths):
            missing.append(item["query"])
            continue
        response = client.get("/search/", {"q": item["query"]})
        page = BeautifulSoup(response.content, "html.parser")
        hrefs = [link["href"] for link in page.select(".search-result__title a")]
        rank = rank_of(hrefs, expected)
        for _ in range(args.repeat):
            started = time.perf_counter()
            client.get("/search/", {"q": item["query"]})
            latencies.append((time.perf_counter() - started) * 1000)
        reciprocal_ranks.append(1 / rank if rank else 0)
        at_one += rank == 1
        at_three += bool(rank and rank <= 3)
        shown = rank if rank else "-"
        print(f"{shown!s:>3}  {item['query']}")
        if args.verbose and (rank or 0) != 1:
            for href in hrefs[:3]:
                print(f"       {href}")

    judged_count = len(reciprocal_ranks)
    pages = Page.objects.live().count()
    print()
    print(f"backend: {connection.vendor}, {pages} live pages, {judged_count} judged queries")
    if missing:
        print(f"left out (expected page not in this database): {', '.join(missing)}")
    if judged_count:
        print(f"MRR {statistics.mean(reciprocal_ranks):.3f}")
        print(f"success@1 {at_one / judged_count:.3f}  success@3 {at_three / judged_count:.3f}")
        print(
            f"latency ms: p50 {percentile(latencies, 0.5):.1f}  "
            f"p95 {percentile(latencies, 0.95):.1f}  ({len(latencies)} requests)"
        )


if __name__ == "__main__":
    main()
