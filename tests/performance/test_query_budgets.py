"""Every public page of the demo site renders in at most 15 SQL queries (the home page in 16),
and in exactly as many when the content grows tenfold.

The per-app tests prove each page type against factories; this one proves the site as
visitors meet it. It builds the demo, follows every link of every page in the sitemap
(listings with their filters and pages, profiles, statements, citations, calendars and
feeds), adds searches, counts each URL's queries uncached, then builds the demo again at
``--scale 10`` and counts the same URLs again.
"""

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from wagtail.models import Page

from events.models import EventPage
from gallery.models import ArtworkPage
from publications.models import PublicationPage
from search.analytics import tally
from tests.helpers import count_queries

pytestmark = pytest.mark.slow

# Every public URL, the home page included (its hero image comes with the page itself).
BUDGET = 15
SEARCHES = [
    "/search/?q=burnout",
    "/search/?q=clinician+well-being+national+plan",
    "/search/?q=resilense",  # a typo
    "/search/?q=zzzqqqxx",  # nothing found
    "/search/?q=" + "wellbeing+" * 60,  # very long
    "/search/?q=burnout&page=2",
    "/search/suggest/?q=burn",
]
NOT_PAGES = ("/admin/", "/documents/", "/media/", "/static/", "/django-admin/", "/cms/")


def links(html):
    """The site's own links on a page: paths with their query strings, no fragments."""
    for href in re.findall(r'href="([^"#]+)', html):
        href = href.replace("&amp;", "&")
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if parts.path.startswith(NOT_PAGES):
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


def public_urls(client):
    """Every page in the sitemap and every page of the site they link to."""
    sitemap = client.get("/sitemap.xml").content.decode()
    pages = {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    found = set(pages) | set(SEARCHES)
    for url in sorted(pages):
        response = client.get(url)
        assert response.status_code == 200, url
        found.update(links(response.content.decode()))
    return sorted(url for url in found if client.get(url).status_code == 200)


def kind(url):
    """A label for the page type a URL shows, for readable failures."""
    path = urlsplit(url).path
    page = Page.objects.filter(url_path__in=[f"/home{path}", f"/home{path.rsplit('/', 2)[0]}/"])
    found = page.order_by("-depth").first()
    return found.specific_class.__name__ if found else path.split("/")[1] or "home"


def shape(sql):
    """A query with its literal values taken out, so the same query for other rows matches
    (numbers anywhere, so cursor and savepoint names match too)."""
    sql = re.sub(r"'[^']*'", "?", sql)
    sql = re.sub(r"\bIN \([^()]*\)", "IN (...)", sql)
    return re.sub(r"\d+", "N", sql)


def growth(small_sql, large_sql):
    """The queries the larger site makes beyond the smaller one's, by shape.

    One exception: a prefetch (``WHERE ... IN (...)``) that the smaller site never made,
    made once. Django skips a prefetch when there is nothing to prefetch for: an artist
    whose works were all poems, until a photograph was added, costs one query more, once.
    """
    extra = Counter(map(shape, large_sql)) - Counter(map(shape, small_sql))
    small_shapes = set(map(shape, small_sql))
    return {
        query: times
        for query, times in extra.items()
        if not (times == 1 and "IN (...)" in query and query not in small_shapes)
    }


def test_every_public_page_stays_within_budget_at_the_demo_size_and_at_ten_times_it(
    demo_site, client, settings
):
    # Searches are counted in memory and written once a minute (search/analytics.py); the
    # test settings write each at once. Count what a visitor's search costs.
    settings.SEARCH_TALLY_SECONDS = 3600
    urls = public_urls(client)
    kinds = Counter(kind(url) for url in urls)
    small = {url: count_queries(client, url) for url in urls}

    call_command("load_demo_content", "--scale", "10")
    assert PublicationPage.objects.live().count() >= 100
    assert EventPage.objects.live().count() >= 100
    assert ArtworkPage.objects.live().count() >= 200
    large = {url: count_queries(client, url) for url in urls}
    tally.write()  # the searches counted, into this test's database while it exists

    grew = {url: growth(small[url][1], large[url][1]) for url in urls}
    grew = {url: extra for url, extra in grew.items() if extra}
    over = {
        url: (small[url][0], large[url][0])
        for url in urls
        if max(small[url][0], large[url][0]) > BUDGET
    }
    assert not grew, "queries that grew with the content:\n" + "\n".join(
        f"{url} ({kind(url)}): {small[url][0]} -> {large[url][0]}: {extra}"
        for url, extra in grew.items()
    )
    assert not over, f"over {BUDGET} queries (demo size, ten times): {over}"
    # The crawl covered the site: every page type, the sub-pages and the feeds.
    assert len(urls) > 150, len(urls)
    for expected in (
        "HomePage",
        "StandardPage",
        "PublicationIndexPage",
        "PublicationPage",
        "EventIndexPage",
        "EventPage",
        "GalleryIndexPage",
        "ArtworkPage",
        "PeoplePage",
        "WorkingGroupIndexPage",
        "WorkingGroupPage",
        "NetworkOrganizationIndexPage",
        "CommitmentStatementPage",
        "search",
    ):
        assert kinds[expected], (expected, kinds)
    assert any("page=2" in url for url in urls)
    assert any("/feed/" in url for url in urls)
    assert any("/calendar/" in url for url in urls)
    assert any("/citation/" in url for url in urls)
