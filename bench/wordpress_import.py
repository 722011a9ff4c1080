"""How long importing a large WordPress export takes, and how much memory it needs.

Generates an export of N posts (half news, half publications) and M events with venues,
imports it into a throwaway SQLite (or PostgreSQL) database, and prints the wall time, the
importer's peak memory (max RSS) and the figures at a tenth of the size, to show whether
memory grows with the export.

    .venv/bin/python bench/wordpress_import.py                   # 2,000 posts, 500 events
    .venv/bin/python bench/wordpress_import.py --posts 200 --events 50
    .venv/bin/python bench/wordpress_import.py --database postgres
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv/bin/python")

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><wp:base_site_url>https://old.example.org</wp:base_site_url>
<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>publications</wp:category_nicename><wp:cat_name>Publications</wp:cat_name></wp:category>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:cat_name>News</wp:cat_name></wp:category>
"""


def item(post_id, post_type, title, body, *, category="", meta=()):
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key><wp:meta_value>{escape(value)}"
        "</wp:meta_value></wp:postmeta>"
        for key, value in meta
    )
    categories = (
        f'<category domain="category" nicename="{category}">{category}</category>'
        if category
        else ""
    )
    return (
        f"<item><title>{escape(title)}</title>"
        f"<link>https://old.example.org/{post_type}/{post_id}/</link>"
        f"<guid>https://old.example.org/?p={post_id}</guid>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>2020-01-01 09:00:00</wp:post_date>"
        f"<wp:post_date_gmt>2020-01-01 14:00:00</wp:post_date_gmt>"
        f"<wp:post_name>{post_type}-{post_id}</wp:post_name><wp:status>publish</wp:status>"
        f"<wp:post_parent>0</wp:post_parent><wp:post_type>{post_type}</wp:post_type>"
        f"{categories}{metas}</item>\n"
    )


def write_export(path, posts, events):
    body = (
        "<!-- wp:heading --><h2>What happened</h2><!-- /wp:heading -->"
        "<!-- wp:paragraph --><p>A paragraph about clinician well-being with a "
        '<a href="https://old.example.org/post/1/">link to the first post</a>.</p>'
        "<!-- /wp:paragraph --><ul><li>One point</li><li>Another</li></ul>"
    )
    with open(path, "w") as export:
        export.write(HEAD)
        venues = max(1, events // 50)
        for number in range(venues):
            export.write(
                item(
                    900_000 + number,
                    "tribe_venue",
                    f"Venue {number}",
                    "",
                    meta=[("_VenueCity", "Washington"), ("_VenueState", "DC")],
                )
            )
        for number in range(1, posts + 1):
            category = "publications" if number % 2 else "news"
            export.write(item(number, "post", f"Post {number}", body, category=category))
        for number in range(events):
            month = 1 + number % 12
            export.write(
                item(
                    500_000 + number,
                    "tribe_events",
                    f"Event {number}",
                    body,
                    meta=[
                        ("_EventStartDate", f"2019-{month:02d}-10 09:00:00"),
                        ("_EventEndDate", f"2019-{month:02d}-10 12:00:00"),
                        ("_EventTimezone", "America/New_York"),
                        ("_EventVenueID", str(900_000 + number % venues)),
                    ],
                )
            )
        export.write("</channel></rss>\n")


def run(command, env):
    return subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)


def measure(posts, events, database):
    workdir = Path(tempfile.mkdtemp(prefix="cwb_bench_wp_"))
    export = workdir / "export.xml"
    write_export(export, posts, events)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "MEDIA_ROOT": str(workdir / "media"),
    }
    if database == "postgres":
        name = f"cwb_bench_wp_{posts}"
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True
        )
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'db.sqlite3'}"
    run([PYTHON, "manage.py", "migrate", "--verbosity", "0"], env)
    run(
        [PYTHON, "manage.py", "shell", "-c", "from demo.builder import site_root; site_root()"], env
    )
    # The import in a process of its own, which prints its own peak memory at the end.
    script = (
        "import resource, sys, django; django.setup(); "
        "from django.core.management import call_command; "
        "call_command('import_wordpress', sys.argv[1]); "
        "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    started = time.monotonic()
    result = run([PYTHON, "-c", script, str(export)], env)
    seconds = time.monotonic() - started
    peak = int(result.stdout.rsplit("PEAK", 1)[1].strip()) / 1024
    summary = [line for line in result.stdout.splitlines() if ":" in line and "created" in line]
    return seconds, peak, export.stat().st_size / 1024 / 1024, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    options = parser.parse_args()
    for posts, events in [
        (options.posts // 10, options.events // 10),
        (options.posts, options.events),
    ]:
        seconds, peak, size, summary = measure(posts, events, options.database)
        print(
            f"{options.database}: {posts:,} posts + {events:,} events ({size:.1f} MB export): "
            f"{seconds:.1f} s, {(posts + events) / seconds:.0f} items/s, peak memory {peak:.0f} MB"
        )
        for line in summary:
            print("   ", line.strip())
        sys.stdout.flush()


if __name__ == "__main__":
    main()
