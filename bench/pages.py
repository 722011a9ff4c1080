"""Pick one URL per public page type and count the SQL queries of each (run inside Django).

Prints JSON: [{"label": ..., "url": ..., "queries": ..., "status": ...}, ...]. Used by run.py;
runs in its own process because it needs the benchmark database's settings.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

EXTRA_URLS = [
    ("publication index (filtered)", "/publications/?topic=burnout&year=2018"),
    ("publication feed (RSS)", "/publications/feed/rss/"),
    ("events calendar feed", "/events/calendar/"),
    ("search", "/search/?q=clinician+burnout"),
    ("search (no results)", "/search/?q=zzzzqqq"),
]


def page_urls():
    """The first live, public page of every page type, in tree order."""
    seen = {}
    pages = Page.objects.live().public().filter(depth__gt=1).order_by("path").specific()
    for page in pages.iterator():
        label = page.specific_class._meta.label
        if label in seen:
            continue
        url = page.get_url()
        if url:
            seen[label] = url
    return list(seen.items())


def count(client, url):
    client.get(url, secure=True)  # warm process caches, as on a running site
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, secure=True)
    return len(captured), response.status_code


def main():
    client = Client()
    # A session cookie makes the page cache step aside: these are uncached query counts.
    client.cookies["sessionid"] = "benchmark-uncached"
    rows = []
    for label, url in page_urls() + EXTRA_URLS:
        queries, status = count(client, url)
        rows.append({"label": label, "url": url, "queries": queries, "status": status})
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
