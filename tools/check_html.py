"""Validate every public page of the demo site with the Nu HTML Checker (make lint-html).

Crawls the site in-process with Django's test client, starting from the sitemap and the
home page and following every internal link (listings with their filters and pages,
routable sub-pages, profiles, statements), adds searches, a missing page, each form
submitted empty (its error state) and the error pages rendered from their templates. Every
HTML response is written to a folder, and the whole folder is checked by ONE run of
``java -jar vnu.jar --errors-only --format json``. Prints the errors by URL and exits 1 if
there are any.

Run it against a database that holds the demo (``make lint-html`` builds one in a temporary
folder)::

    DATABASE_URL=sqlite:////tmp/x/site.sqlite3 MEDIA_ROOT=/tmp/x/media \\
        .venv/bin/python tools/check_html.py --out /tmp/x/html
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Pages no link leads to, or that show a state worth checking.
EXTRA_URLS = [
    "/",
    "/search/",
    "/search/?q=burnout",
    "/search/?q=clinician+well-being",
    "/search/?q=resilense",  # a typo: the suggestion
    "/search/?q=zzzqqqxx",  # nothing found
    "/search/?q=burnout&page=2",
    "/this-page-does-not-exist/",  # the 404 page
]
# Never pages: the admin, files, the API, machine-readable routes.
SKIP_PREFIXES = ("/admin", "/cms", "/django-admin", "/documents/", "/media/", "/static/", "/api/")
SKIP_PATHS = ("/sitemap.xml", "/robots.txt", "/healthz", "/readyz", "/search/suggest/")
# At most this many URLs (a guard against a link that breeds new links forever).
LIMIT = 3000


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.conf import settings

    # Pages as visitors get them: the designed 404 page, not the debug one.
    settings.DEBUG = False
    # Each request counts a search at most once a minute instead of writing it at once.
    settings.SEARCH_TALLY_SECONDS = 3600


def internal_links(html, hosts):
    """The site's own links on a page: paths with their query strings, no fragments."""
    for href in re.findall(r'\bhref="([^"]*)"', html):
        href = href.replace("&amp;", "&").split("#", 1)[0]
        if not href:
            continue
        parts = urlsplit(href)
        if parts.scheme and parts.scheme not in ("http", "https"):
            continue  # mailto:, tel:, webcal:
        if parts.netloc and parts.netloc not in hosts:
            continue
        if not parts.path.startswith("/"):
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


def wanted(url):
    path = urlsplit(url).path
    return not path.startswith(SKIP_PREFIXES) and path not in SKIP_PATHS


def is_html(response):
    return response.get("Content-Type", "").startswith("text/html")


def crawl(client, hosts):
    """{url: html} for every HTML page reachable from the sitemap and EXTRA_URLS."""
    sitemap = client.get("/sitemap.xml").content.decode()
    start = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    queue = deque(dict.fromkeys(start + EXTRA_URLS))
    seen = set(queue)
    pages, problems = {}, []
    while queue:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code in (301, 302, 307, 308):
            target = response["Location"]
            if wanted(target) and target not in seen and len(seen) < LIMIT:
                seen.add(target)
                queue.append(target)
            continue
        if response.status_code not in (200, 404) or (
            response.status_code == 404 and url not in EXTRA_URLS
        ):
            problems.append(f"{url}: HTTP {response.status_code}")
        if not is_html(response) or response.streaming:
            continue
        html = response.content.decode()
        pages[url] = html
        for link in internal_links(html, hosts):
            if link not in seen and wanted(link) and len(seen) < LIMIT:
                seen.add(link)
                queue.append(link)
    return pages, problems


def submitted_forms(client, pages):
    """Each page with a form that posts, submitted empty: the form with its errors."""
    found = {}
    for url, html in list(pages.items()):
        if "?" in url or not re.search(r'<form[^>]*method="post"', html, re.IGNORECASE):
            continue
        response = client.post(url, {})
        if is_html(response) and response.status_code in (200, 400):
            found[f"{url} (submitted empty)"] = response.content.decode()
    return found


def error_pages():
    """The error pages that no crawl reaches, rendered as the site serves them."""
    from django.template.loader import get_template, render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    return {
        "500 page": get_template("500.html").render(),
        "503 page": get_template("503.html").render({}),
        "429 page (too many attempts)": render_to_string("too_many_attempts.html", request=request),
        "sign-in locked page": render_to_string("account_locked.html", request=request),
    }


def validate(pages, folder):
    """Write the pages to folder and check them all in one run of the Nu HTML Checker."""
    folder.mkdir(parents=True, exist_ok=True)
    names = {}
    for number, (url, html) in enumerate(sorted(pages.items())):
        path = folder / f"page-{number:05d}.html"
        path.write_text(html, encoding="utf-8")
        names[path.name] = url
    java = shutil.which("java") or "java"
    result = subprocess.run(  # noqa: S603 (fixed program and arguments)
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        sys.exit(f"The Nu HTML Checker failed (exit {result.returncode}):\n{result.stderr}")
    errors = {}
    for message in messages:
        name = message.get("url", "").rsplit("/", 1)[-1]
        errors.setdefault(names.get(name, name), []).append(message)
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="folder for the pages (default: a temporary one)")
    args = parser.parse_args()
    if not VNU_JAR.exists():
        sys.exit(f"{VNU_JAR.relative_to(ROOT)} is missing: run npm ci --ignore-scripts")

    setup_django()
    from django.conf import settings
    from django.test import Client

    started = time.monotonic()
    client = Client()
    hosts = {"testserver", urlsplit(settings.SITE_URL).netloc}
    pages, problems = crawl(client, hosts)
    crawled = len(pages)
    pages.update(submitted_forms(client, pages))
    pages.update(error_pages())
    print(
        f"Crawled {crawled} HTML pages, {len(pages) - crawled} more states "
        f"(forms submitted empty, error pages) in {time.monotonic() - started:.0f}s"
    )

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cwb-html-") as temporary:
        errors = validate(pages, args.out or Path(temporary))
    seconds = time.monotonic() - started
    print(f"Checked {len(pages)} pages with the Nu HTML Checker in {seconds:.0f}s")

    for url, messages in sorted(errors.items()):
        print(f"\n{url}")
        for message in messages:
            column = message.get("firstColumn", message.get("lastColumn", "?"))
            where = f"{message.get('lastLine', '?')}:{column}"
            print(f"  {where}  {message.get('message')}")
            extract = (message.get("extract") or "").strip().replace("\n", " ")
            if extract:
                print(f"      {extract[:160]}")
    for problem in problems:
        print(f"  unexpected status: {problem}")
    total = sum(len(messages) for messages in errors.values())
    if total or problems:
        print(f"\n{total} HTML errors on {len(errors)} pages; {len(problems)} unexpected statuses")
        return 1
    print("Every page is valid HTML.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
