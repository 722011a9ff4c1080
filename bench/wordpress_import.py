"""How long importing a large WordPress export takes, and whether its memory stays flat.

Generates an export of N posts (half news, half publications, with categories, tags,
authors and a picture in every tenth) and M events of The Events Calendar (with venues and
organizers), plus the image attachments and their files, then imports it into a throwaway
SQLite (or PostgreSQL) database under the production settings. Prints the wall time, items
per second, the importer's memory (resident now and peak) at a quarter, half, three
quarters and all of the items, and the time of a second run, which must change nothing.

    .venv/bin/python bench/wordpress_import.py                   # 2,000 posts, 500 events
    .venv/bin/python bench/wordpress_import.py --posts 200 --events 50
    .venv/bin/python bench/wordpress_import.py --database postgres
    .venv/bin/python bench/wordpress_import.py --publish         # publish what WordPress had
    .venv/bin/python bench/wordpress_import.py --profile /tmp/import.prof   # cProfile it

Only 127.0.0.1 is contacted.
"""

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PG_SERVER, PYTHON, ROOT, environment  # noqa: E402

HOST = "https://old.example.org"
TAGS = ["burnout", "nurses", "residents", "moral-injury", "leadership", "research"]
HEAD = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><wp:base_site_url>{HOST}</wp:base_site_url>
<wp:author><wp:author_login>editor</wp:author_login><wp:author_display_name>A. Editor</wp:author_display_name></wp:author>
<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>publications</wp:category_nicename><wp:cat_name>Publications</wp:cat_name></wp:category>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:cat_name>News</wp:cat_name></wp:category>
"""  # noqa: E501
HEAD += "".join(
    f"<wp:tag><wp:term_id>{10 + number}</wp:term_id><wp:tag_slug>{slug}</wp:tag_slug>"
    f"<wp:tag_name>{slug.replace('-', ' ').title()}</wp:tag_name></wp:tag>\n"
    for number, slug in enumerate(TAGS)
)
BODY = (
    "<!-- wp:heading --><h2>What happened</h2><!-- /wp:heading -->"
    "<!-- wp:paragraph --><p>A paragraph about clinician well-being with a "
    '<a href="{link}">link to another post</a>.</p>'
    "<!-- /wp:paragraph --><ul><li>One point</li><li>Another</li></ul>{image}"
)


def item(post_id, post_type, title, body, *, terms=(), meta=(), parent=0, extra=""):
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key><wp:meta_value>{escape(value)}"
        "</wp:meta_value></wp:postmeta>"
        for key, value in meta
    )
    categories = "".join(
        f'<category domain="{domain}" nicename="{slug}">{slug}</category>' for domain, slug in terms
    )
    status = "inherit" if post_type == "attachment" else "publish"
    return (
        f"<item><title>{escape(title)}</title>"
        f"<link>{HOST}/{post_type}/{post_id}/</link>"
        f"<guid>{HOST}/?p={post_id}</guid><dc:creator>editor</dc:creator>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>2020-01-01 09:00:00</wp:post_date>"
        f"<wp:post_date_gmt>2020-01-01 14:00:00</wp:post_date_gmt>"
        f"<wp:post_name>{post_type}-{post_id}</wp:post_name><wp:status>{status}</wp:status>"
        f"<wp:post_parent>{parent}</wp:post_parent><wp:post_type>{post_type}</wp:post_type>"
        f"{extra}{categories}{metas}</item>\n"
    )


def picture(number):
    """A small PNG of its own colour."""
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", (64, 48), (number * 7 % 256, number * 13 % 256, 120)).save(output, "PNG")
    return output.getvalue()


def write_export(path, posts, events, uploads=None):
    """A WXR file of ``posts`` posts and ``events`` events; with ``uploads``, a picture for
    every tenth post (its attachment in the export, its file in that folder)."""
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
        export.write(item(950_000, "tribe_organizer", "The Collaborative", ""))
        for number in range(1, posts + 1):
            image = ""
            if uploads is not None and number % 10 == 0:
                relative = f"2020/01/picture-{number}.png"
                (uploads / relative).parent.mkdir(parents=True, exist_ok=True)
                (uploads / relative).write_bytes(picture(number))
                url = f"{HOST}/wp-content/uploads/{relative}"
                export.write(
                    item(
                        800_000 + number,
                        "attachment",
                        f"Picture {number}",
                        "",
                        parent=number,
                        meta=[
                            ("_wp_attached_file", relative),
                            ("_wp_attachment_image_alt", f"An abstract picture, {number}"),
                        ],
                        extra=f"<wp:attachment_url>{url}</wp:attachment_url>",
                    )
                )
                image = f'<figure><img src="{url}" alt="A picture"/></figure>'
            category = "publications" if number % 2 else "news"
            # Links to the post before (already imported) and, in every fifth post, to one
            # further down the export, which is only there at the end.
            target = number + 7 if number % 5 == 0 and number + 7 <= posts else max(1, number - 1)
            export.write(
                item(
                    number,
                    "post",
                    f"Post {number}",
                    BODY.format(link=f"{HOST}/post/{target}/", image=image),
                    terms=[("category", category), ("post_tag", TAGS[number % len(TAGS)])],
                )
            )
        for number in range(events):
            month = 1 + number % 12
            export.write(
                item(
                    500_000 + number,
                    "tribe_events",
                    f"Event {number}",
                    BODY.format(link=f"{HOST}/post/1/", image=""),
                    meta=[
                        ("_EventStartDate", f"2019-{month:02d}-10 09:00:00"),
                        ("_EventEndDate", f"2019-{month:02d}-10 12:00:00"),
                        ("_EventTimezone", "America/New_York"),
                        ("_EventVenueID", str(900_000 + number % venues)),
                        ("_EventOrganizerID", "950000"),
                    ],
                )
            )
        export.write("</channel></rss>\n")


# Run in a process of its own (``--import-only``): the import with its progress, each
# checkpoint's resident and peak memory, from the operating system's own figures.
IMPORT_SCRIPT = """
import resource, sys, time, django
django.setup()
from wordpress_import.importer import Importer
from wordpress_import.wxr import read_export

def rss():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 1024 / 1024

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def progress(message):
    print(f"{message}  [memory {rss():.0f} MB, peak {peak():.0f} MB]", flush=True)

started = time.monotonic()
export = read_export(sys.argv[1])
print(f"  read in {time.monotonic() - started:.1f} s  [memory {rss():.0f} MB]", flush=True)
importer = Importer(export, uploads=sys.argv[2], progress=progress, publish=sys.argv[3] == "1",
                    progress_every=max(1, len(export.items) // 4))
summary = importer.run()
for line in summary.lines():
    if not line.startswith("    "):
        print(line)
print(f"WALL {time.monotonic() - started:.2f} PEAK {peak():.1f}")
"""


def run(command, env, *, show=True):
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines = []
    for line in process.stdout:
        lines.append(line.rstrip())
        if show and not line.startswith("WALL"):
            print("   ", line.rstrip(), flush=True)
    if process.wait():
        raise SystemExit(f"{command[:3]} failed:\n" + "\n".join(lines[-30:]))
    return lines


def measure(posts, events, database, profile=None, publish=False):
    workdir = Path(tempfile.mkdtemp(prefix="cwb_bench_wp_"))
    export, uploads = workdir / "export.xml", workdir / "uploads"
    uploads.mkdir()
    write_export(export, posts, events, uploads)
    if database == "postgres":
        name = f"cwb_bench_wp_{posts}"
        for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
            subprocess.run(["psql", f"{PG_SERVER}/postgres", "-qc", sql], check=True)
        url = f"{PG_SERVER}/{name}"
    else:
        url = f"sqlite:///{workdir / 'db.sqlite3'}"
    env = environment(url, f"wp_{posts}")
    env["MEDIA_ROOT"] = str(workdir / "media")
    env["CACHE_DIR"] = str(workdir / "cache")
    env.setdefault("SITE_URL", "https://bench.example.org")
    # As in production: what the import leaves for later (rendering published pages with
    # pictures, images' focal points) is queued for the worker, not run in the import.
    env["TASKS_BACKEND"] = "database"
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], env, show=False)
    run(
        [PYTHON, "manage.py", "shell", "-c", "from demo.builder import site_root; site_root()"],
        env,
        show=False,
    )
    size = export.stat().st_size / 1024 / 1024
    print(f"{database}: {posts:,} posts + {events:,} events ({size:.1f} MB export)", flush=True)
    arguments = [str(export), str(uploads), "1" if publish else "0"]
    command = [PYTHON, "-c", IMPORT_SCRIPT, *arguments]
    if profile:
        script = workdir / "import_script.py"
        script.write_text(IMPORT_SCRIPT)
        command = [PYTHON, "-m", "cProfile", "-o", profile, str(script), *arguments]
    figures = []
    for label in ("first import", "second import (nothing changed)"):
        started = time.monotonic()
        lines = run(command, env, show=label == "first import")
        seconds = time.monotonic() - started
        peak = float(lines[-1].split("PEAK")[1])
        figures.append((label, seconds, peak))
        print(
            f"  {label}: {seconds:.1f} s including start-up "
            f"({(posts + events) / seconds:.0f} items a second), peak memory {peak:.0f} MB",
            flush=True,
        )
        if label != "first import":
            changed = [line for line in lines if "created" in line or "updated" in line]
            print("    changed:", "; ".join(changed) if changed else "nothing", flush=True)
        if profile:
            break
    shutil.rmtree(workdir, ignore_errors=True)
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--profile", help="write cProfile statistics of the import here")
    parser.add_argument("--publish", action="store_true", help="import with --publish")
    options = parser.parse_args()
    measure(options.posts, options.events, options.database, options.profile, options.publish)


if __name__ == "__main__":
    main()
