import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.publications.factories import TopicFactory, make_person, make_publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def publications(index):
    nurses = TopicFactory(name="Nurses", slug="nurses")
    make_publication(
        index,
        title="Nurse Suicide: Breaking the Silence",
        publication_date=datetime.date(2018, 1, 29),
        topics=[nurses],
        authors=[make_person("Judy Davidson")],
    )
    make_publication(index, title="Older Paper", publication_date=datetime.date(2017, 7, 5))
    make_publication(index, title="Newest Paper", publication_date=datetime.date(2022, 10, 1))
    draft = make_publication(index, title="Draft Paper", topics=[nurses])
    draft.unpublish()
    private = make_publication(index, title="Private Paper", topics=[nurses])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    return index


def parse(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_rss_feed_lists_the_newest_publications(client, publications):
    feed = parse(client, "/publications/feed/rss/", "application/rss+xml")

    assert feed.feed.title == "Publications"
    assert [entry.title for entry in feed.entries] == [
        "Newest Paper",
        "Nurse Suicide: Breaking the Silence",
        "Older Paper",
    ]
    nurse = feed.entries[1]
    assert nurse.link == "http://localhost/publications/nurse-suicide-breaking-the-silence/"
    assert nurse.tags[0].term == "Nurses"
    assert nurse.published_parsed[:3] == (2018, 1, 29)


def test_atom_feed_matches_the_rss_feed(client, publications):
    feed = parse(client, "/publications/feed/atom/", "application/atom+xml")

    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries][0] == "Newest Paper"
    assert feed.entries[1].author == "Judy Davidson"


def test_topic_feeds_hold_only_that_topic(client, publications):
    for url, content_type in [
        ("/publications/topics/nurses/feed/rss/", "application/rss+xml"),
        ("/publications/topics/nurses/feed/atom/", "application/atom+xml"),
    ]:
        feed = parse(client, url, content_type)
        assert feed.feed.title == "Publications: Nurses"
        assert [entry.title for entry in feed.entries] == ["Nurse Suicide: Breaking the Silence"]


def test_unknown_topic_feed_is_not_found(client, publications):
    assert client.get("/publications/topics/no-such-topic/feed/rss/").status_code == 404


def test_drafts_and_private_publications_never_reach_a_feed(client, publications):
    for url in ["/publications/feed/rss/", "/publications/topics/nurses/feed/atom/"]:
        body = client.get(url).content.decode()
        assert "Draft Paper" not in body
        assert "Private Paper" not in body


def test_index_links_to_its_feeds_in_the_head(client, publications):
    head = BeautifulSoup(client.get("/publications/?topic=nurses").content, "html.parser").head
    feeds = {link["href"] for link in head.select("link[rel=alternate]")}

    assert feeds == {
        "/publications/feed/rss/",
        "/publications/feed/atom/",
        "/publications/topics/nurses/feed/rss/",
        "/publications/topics/nurses/feed/atom/",
    }
