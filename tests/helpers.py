"""Assertions every page type's tests use."""

import io
import socket
import threading

from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

# The test settings run the site as production does, caches included. Counting what
# rendering a page costs means stepping around the caches that store rendered output.
# The demo at small benchmark sizes (``sized_demo_site``): every kind of content beyond
# the seeds' filled up with synthetic items inserted in bulk.
SIZED_DEMO_ARGUMENTS = (
    "--publications", "30", "--events", "25", "--artworks", "30", "--organizations", "50",
    "--skip-index",
)  # fmt: skip


def raw_rendering():
    """Pages rendered in full: neither the page cache nor kept fragments answer."""
    fragments_off = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    return override_settings(
        PAGE_CACHE_ENABLED=False,
        CACHES={**settings.CACHES, "template_fragments": fragments_off},
    )


def count_queries(client, url):
    """The number of SQL queries one GET of ``url`` makes when the page is rendered (not
    served from the page cache), after a warm-up request.

    The warm-up fills process-level caches (content types, site root paths) so that the
    count is what rendering the page costs on a running site.
    """
    with raw_rendering():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured), [query["sql"] for query in captured.captured_queries]


def assert_constant_queries(client, url, grow, *, at_most=None):
    """Assert that ``url`` costs the same number of queries before and after ``grow()``
    adds content, and optionally no more than ``at_most``."""
    small, small_sql = count_queries(client, url)
    grow()
    large, large_sql = count_queries(client, url)
    extra = "\n".join(large_sql[small:]) if large > small else ""
    assert small == large, f"{url}: {small} queries before growing, {large} after\n{extra}"
    if at_most is not None:
        listing = "\n".join(large_sql)
        assert large <= at_most, f"{url}: {large} queries, budget {at_most}\n{listing}"
    return large


class FailingEmailBackend:
    """A mail server that refuses every message (see the ``failing_mail`` fixture)."""

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        pass

    def close(self):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def undelivered_email():
    """Email the site has queued and not delivered (yet)."""
    from post_office.models import STATUS, Email

    return Email.objects.exclude(status=STATUS.sent)


def retry_email_later(settings, minutes=10):
    """The mail server is back, and the scheduler's next passes retry what waits."""
    import datetime

    import time_machine
    from django.core.management import call_command
    from django.utils import timezone

    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
    }
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=minutes)):
        call_command("run_scheduler", "--once", stdout=io.StringIO())


class SilentServer:
    """A server that accepts connections and never says a word (a database or mail server
    that hangs): every connection is held open until the test ends."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(50)
        self.port = self.listener.getsockname()[1]
        self.held = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                held, _ = self.listener.accept()
            except OSError:
                return
            self.held.append(held)

    def close(self):
        self.listener.close()
        for held in self.held:
            held.close()


def demo_page_urls():
    """One address of each page type and routable sub-page of the demo site."""
    from wagtail.models import Page

    from community.models import (
        NetworkOrganization,
        NetworkOrganizationIndexPage,
        PeoplePage,
        PeoplePagePerson,
    )
    from gallery.models import Artist, ArtworkPage, GalleryIndexPage

    urls = {}
    for page in Page.objects.live().public().specific().filter(depth__gt=1).order_by("path"):
        urls.setdefault(type(page).__name__, page.url)
    people_page = Page.objects.live().type(PeoplePage)
    gallery = GalleryIndexPage.objects.live().first()
    artist = Artist.objects.filter(pk__in=ArtworkPage.objects.live().values("artist_id")).first()
    organization = NetworkOrganization.objects.filter(live=True).first()
    person = PeoplePagePerson.objects.filter(person__live=True).select_related("person")[0].person
    urls.update(
        {
            "Person profile": people_page.first().url + f"{person.slug}/",
            "Organization statement": Page.objects.live()
            .type(NetworkOrganizationIndexPage)
            .first()
            .url
            + f"statements/{organization.slug}/",
            "Artist page": gallery.url + gallery.reverse_subpage("artist", args=[artist.pk]),
            "Host the gallery": gallery.url + gallery.reverse_subpage("host"),
            "Submit artwork": gallery.url + gallery.reverse_subpage("submit"),
            "Search results": "/search/?q=burnout",
            "Search page": "/search/",
            "Page not found": "/no-such-page/",
        }
    )
    return urls
