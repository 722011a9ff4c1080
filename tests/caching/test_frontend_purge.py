"""Publishing tells the CDN: a local HTTP receiver records the PURGE requests."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


class PurgeReceiver(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        PurgeReceiver.received.append((self.headers.get("Host"), self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver(settings):
    PurgeReceiver.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeReceiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield PurgeReceiver.received
    server.shutdown()


def test_publish_and_unpublish_purge_the_page_its_parent_and_home(home_page, receiver):
    section = StandardPageFactory(parent=home_page, title="About", slug="about")
    child = StandardPageFactory(parent=section, title="Phase III", slug="phase-3")
    receiver.clear()

    child.save_revision().publish()
    published = {path for _host, path in receiver}
    receiver.clear()
    child.unpublish()
    unpublished = {path for _host, path in receiver}

    assert {"/about/phase-3/", "/about/", "/"} <= published
    assert {"/about/phase-3/", "/about/", "/"} <= unpublished


def paths(receiver):
    found = {path for _host, path in receiver}
    receiver.clear()
    return found


def test_a_publication_purges_its_citations_the_listing_its_feeds_and_topic_feeds(
    home_page, receiver
):
    from tests.publications.factories import (
        PublicationIndexPageFactory,
        TopicFactory,
        make_publication,
    )

    index = PublicationIndexPageFactory(parent=home_page)
    burnout = TopicFactory(name="Burnout", slug="burnout")
    TopicFactory(name="Nurses", slug="nurses")
    paper = make_publication(
        index, title="Burnout in residency", slug="residency", topics=[burnout]
    )
    receiver.clear()

    paper.save_revision().publish()

    assert paths(receiver) == {
        "/publications/residency/",
        "/publications/residency/citation/ris/",
        "/publications/residency/citation/bibtex/",
        "/publications/",
        "/publications/feed/rss/",
        "/publications/feed/atom/",
        "/publications/topics/burnout/feed/rss/",
        "/publications/topics/burnout/feed/atom/",
        "/",
    }  # not the feeds of topics the paper does not have

    burnout.name = "Burnout and moral injury"
    burnout.save()
    purged = paths(receiver)
    assert {"/publications/residency/", "/publications/topics/burnout/feed/rss/"} <= purged
    assert "/publications/topics/nurses/feed/rss/" not in purged


def test_an_event_purges_its_calendar_file_and_the_events_calendar_feed(home_page, receiver):
    from tests.events.factories import EventIndexPageFactory, EventPageFactory

    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, slug="public-meeting")
    receiver.clear()

    event.save_revision().publish()

    assert {
        "/events/public-meeting/",
        "/events/public-meeting/calendar/",
        "/events/",
        "/events/calendar/",
        "/",
    } <= paths(receiver)


def test_changing_a_person_purges_the_people_page_and_their_profile_only(home_page, receiver):
    from tests.community.factories import PeoplePageFactory, PersonFactory, place

    people = PeoplePageFactory(parent=home_page)
    chair = PersonFactory(name="Victor Dzau", slug="victor-dzau")
    other = PersonFactory(name="Darrell Kirch", slug="darrell-kirch")
    place(people, chair, "chair")
    place(people, other, "co_chair")
    people.save_revision().publish()  # the reference index learns who the page shows
    receiver.clear()

    chair.role_title = "President, National Academy of Medicine"
    chair.save()

    purged = paths(receiver)
    assert {"/people/", "/people/victor-dzau/", "/"} <= purged
    assert "/people/darrell-kirch/" not in purged


def test_an_artwork_purges_its_artists_page_in_the_gallery(home_page, receiver):
    from tests.gallery.factories import ArtworkPageFactory, GalleryIndexPageFactory

    gallery = GalleryIndexPageFactory(parent=home_page)
    work = ArtworkPageFactory(parent=gallery, slug="night-shift")
    receiver.clear()

    work.save_revision().publish()

    assert {
        "/gallery/night-shift/",
        "/gallery/",
        f"/gallery/artists/{work.artist_id}/",
        "/",
    } <= paths(receiver)


def test_moving_a_page_purges_its_old_address_and_both_listings(home_page, receiver):
    old_section = StandardPageFactory(parent=home_page, title="About", slug="about")
    new_section = StandardPageFactory(parent=home_page, title="Programs", slug="programs")
    child = StandardPageFactory(parent=old_section, title="Phase III", slug="phase-3")
    receiver.clear()

    child.move(new_section, pos="last-child")

    assert {"/about/phase-3/", "/about/", "/programs/", "/"} <= paths(receiver)


def test_deleting_a_live_page_purges_it_and_its_listing(home_page, receiver):
    section = StandardPageFactory(parent=home_page, title="About", slug="about")
    child = StandardPageFactory(parent=section, title="Phase III", slug="phase-3")
    draft = StandardPageFactory(parent=section, title="Draft", slug="draft", live=False)
    receiver.clear()

    draft.delete()
    assert paths(receiver) == set()  # never served, nothing to purge

    child.delete()
    assert {"/about/phase-3/", "/about/", "/"} <= paths(receiver)


def test_a_purge_that_fails_never_stops_a_publish(home_page, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",  # nothing listens there
        }
    }
    page = StandardPageFactory(parent=home_page, title="About", slug="about")
    page.title = "About us"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live and page.title == "About us"


def test_a_change_on_every_page_purges_every_live_page_from_a_task_of_its_own(
    home_page, receiver, settings
):
    """The site settings show on every page: the change's request only asks for the purge,
    and the task sends every live page's paths, sub-paths included, drafts left out."""
    from django_tasks import default_task_backend
    from wagtail.models import Site

    from core.models import SiteSettings
    from tests.publications.factories import PublicationIndexPageFactory, make_publication

    section = StandardPageFactory(parent=home_page, title="About", slug="about")
    StandardPageFactory(parent=section, title="Phase III", slug="phase-3")
    StandardPageFactory(parent=section, title="Draft", slug="draft", live=False)
    index = PublicationIndexPageFactory(parent=home_page)
    make_publication(index, title="Burnout in residency", slug="residency")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    receiver.clear()

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    site_settings.save()
    asked = [result.task.name for result in default_task_backend.results]
    assert asked == ["purge_every_page"] and receiver == []

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from caching.invalidation import purge_every_page

    purge_every_page.enqueue()
    assert {
        "/",
        "/about/",
        "/about/phase-3/",
        "/publications/",
        "/publications/feed/rss/",
        "/publications/residency/",
        "/publications/residency/citation/ris/",
    } <= paths(receiver)
    assert "/about/draft/" not in paths(receiver)


def test_every_page_is_purged_a_few_hundred_pages_to_a_request(home_page, receiver, monkeypatch):
    from caching import invalidation

    monkeypatch.setattr(invalidation, "PURGE_BATCH_PAGES", 2)
    for number in range(5):
        StandardPageFactory(parent=home_page, title=f"Page {number}", slug=f"page-{number}")
    sent = []
    monkeypatch.setattr(invalidation, "send", lambda batch: sent.append(len(batch.urls)))

    invalidation.purge_every_page.enqueue()

    assert sum(sent) == 6 and max(sent) <= 2  # the home page and five below it
