import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from news.models import NewsPage
from tests.news.factories import make_news
from tests.publications.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(news_index):
    nurses = TopicFactory(name="Nurses", slug="nurses")
    make_news(
        news_index,
        title="Nurse suicide paper published",
        date=datetime.date(2018, 1, 29),
        topics=[nurses],
        summary="A discussion paper asks for nurse suicide to be tracked.",
    )
    make_news(news_index, title="Older news", date=datetime.date(2017, 7, 5))
    make_news(news_index, title="Newest news", date=datetime.date(2022, 10, 1))
    draft = make_news(news_index, title="Draft news", topics=[nurses])
    draft.unpublish()
    private = make_news(news_index, title="Private news", topics=[nurses])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    return news_index


def parse(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_rss_feed_lists_the_newest_news(client, newsroom):
    feed = parse(client, "/news/feed/rss/", "application/rss+xml")

    assert feed.feed.title == "News"
    assert [entry.title for entry in feed.entries] == [
        "Newest news",
        "Nurse suicide paper published",
        "Older news",
    ]
    nurse = feed.entries[1]
    assert nurse.link == "http://localhost/news/nurse-suicide-paper-published/"
    assert nurse.summary == "A discussion paper asks for nurse suicide to be tracked."
    assert nurse.tags[0].term == "Nurses"
    assert nurse.published_parsed[:3] == (2018, 1, 29)


def test_atom_feed_and_topic_feeds(client, newsroom):
    atom = parse(client, "/news/feed/atom/", "application/atom+xml")
    topic = parse(client, "/news/topics/nurses/feed/atom/", "application/atom+xml")

    assert atom.version == "atom10"
    assert atom.entries[0].title == "Newest news"
    assert topic.feed.title == "News: Nurses"
    assert [entry.title for entry in topic.entries] == ["Nurse suicide paper published"]
    assert client.get("/news/topics/no-such-topic/feed/rss/").status_code == 404


def test_the_index_links_its_feeds(client, newsroom):
    page = BeautifulSoup(client.get(newsroom.url).content, "html.parser")

    assert page.select_one("link[type='application/rss+xml']")["href"] == "/news/feed/rss/"
    assert page.select_one("link[type='application/atom+xml']")["href"] == "/news/feed/atom/"


def test_drafts_and_private_news_never_reach_a_feed_search_or_the_sitemap(client, newsroom):
    for url in ["/news/feed/rss/", "/news/feed/atom/", "/news/topics/nurses/feed/rss/"]:
        body = client.get(url).content.decode()
        assert "Draft news" not in body and "Private news" not in body

    search = client.get("/search/?q=news").content.decode()
    assert "Newest news" in search
    assert "Draft news" not in search and "Private news" not in search

    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/news/newest-news/" in sitemap
    assert "/news/draft-news/" not in sitemap and "/news/private-news/" not in sitemap


def test_search_finds_news_by_summary_and_labels_it_news(client, newsroom):
    response = client.get("/search/?q=tracked")
    page = BeautifulSoup(response.content, "html.parser")

    result = page.select_one(".search-result")
    assert result.select_one(".search-result__title a").get_text(strip=True) == (
        "Nurse suicide paper published"
    )
    assert result.select_one(".search-result__type").get_text(strip=True) == "News item"
    assert list(NewsPage.objects.live().search("tracked")) == [
        NewsPage.objects.get(title="Nurse suicide paper published")
    ]


def test_publishing_news_shows_in_the_cached_index_and_feed_at_once(client, newsroom, settings):
    settings.PAGE_CACHE_ENABLED = True
    for url in [newsroom.url, "/news/feed/rss/", "/news/topics/nurses/feed/rss/"] * 2:
        client.get(url)
    assert client.get(newsroom.url)["X-Page-Cache"] == "hit"
    assert client.get("/news/feed/rss/")["X-Page-Cache"] == "hit"

    nurses = TopicFactory._meta.model.objects.get(slug="nurses")
    make_news(
        newsroom, title="Breaking announcement", date=datetime.date(2026, 1, 1), topics=[nurses]
    )

    assert "Breaking announcement" in client.get(newsroom.url).content.decode()
    assert "Breaking announcement" in client.get("/news/feed/rss/").content.decode()
    assert "Breaking announcement" in client.get("/news/topics/nurses/feed/rss/").content.decode()


def test_unpublishing_news_leaves_the_cached_index_and_feed_at_once(client, newsroom, settings):
    settings.PAGE_CACHE_ENABLED = True
    for url in [newsroom.url, "/news/feed/atom/"] * 2:
        client.get(url)
    assert client.get("/news/feed/atom/")["X-Page-Cache"] == "hit"

    NewsPage.objects.get(title="Newest news").unpublish()

    assert "Newest news" not in client.get(newsroom.url).content.decode()
    assert "Newest news" not in client.get("/news/feed/atom/").content.decode()
