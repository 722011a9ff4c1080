import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from news.models import NewsPage, NewsRelatedPublication
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.helpers import assert_constant_queries, count_queries
from tests.news.factories import make_news
from tests.publications.factories import (
    PublicationIndexPageFactory,
    TopicFactory,
    make_publication,
)

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".news-card h3 a")]


def options(response, param):
    result = {}
    for option in soup(response).select(f"select[name={param}] option"):
        if option.get("value"):
            label, _, count = option.get_text(strip=True).rpartition(" (")
            result[label] = int(count.rstrip(")"))
    return result


@pytest.fixture
def newsroom(news_index):
    burnout = TopicFactory(name="Burnout", slug="burnout")
    leadership = TopicFactory(name="Leadership", slug="leadership")
    make_news(
        news_index,
        title="Recordings from the third public meeting",
        date=datetime.date(2018, 5, 2),
        topics=[burnout],
    )
    make_news(
        news_index,
        title="A national plan for health workforce well-being",
        date=datetime.date(2022, 10, 1),
        topics=[leadership, burnout],
        summary="The Collaborative released a plan for collective action.",
    )
    make_news(
        news_index,
        title="A consensus report on clinician burnout",
        date=datetime.date(2019, 10, 23),
    )
    return news_index


def test_index_lists_news_newest_first_with_date_and_summary(client, newsroom):
    response = client.get(newsroom.url)

    assert response.status_code == 200
    assert titles(response) == [
        "A national plan for health workforce well-being",
        "A consensus report on clinician burnout",
        "Recordings from the third public meeting",
    ]
    first = soup(response).select_one(".news-card")
    assert first.select_one("time")["datetime"] == "2022-10-01"
    assert "October 1, 2022" in first.get_text()
    assert "Burnout, Leadership" in first.get_text()
    assert "plan for collective action" in first.get_text()
    assert "3 news items" in soup(response).select_one(".listing-count").get_text()


def test_filters_by_topic_and_year_without_javascript(client, newsroom):
    by_topic = client.get(newsroom.url, {"topic": "leadership"})
    by_year = client.get(newsroom.url, {"year": "2018"})

    assert titles(by_topic) == ["A national plan for health workforce well-being"]
    assert titles(by_year) == ["Recordings from the third public meeting"]
    assert options(client.get(newsroom.url), "topic") == {"Burnout": 2, "Leadership": 1}
    form = soup(by_topic).select_one("form.listing-filters")
    assert form["method"] == "get" and form.select_one("button[type=submit]")
    assert soup(by_topic).select_one("meta[name=robots]")["content"].startswith("noindex")
    assert soup(client.get(newsroom.url)).select_one("meta[name=robots]") is None


def test_oldest_first_sort(client, newsroom):
    assert titles(client.get(newsroom.url, {"sort": "oldest"}))[0] == (
        "Recordings from the third public meeting"
    )


def test_ten_per_page_with_pagination(client, news_index):
    for number in range(12):
        make_news(news_index, title=f"Item {number:02d}", date=datetime.date(2010 + number, 1, 1))

    first = client.get(news_index.url)
    second = client.get(news_index.url, {"page": "2"})

    assert len(titles(first)) == 10
    assert titles(second) == ["Item 01", "Item 00"]
    assert soup(first).select_one(".pagination a[rel=next]")["href"] == "?page=2"


@pytest.mark.parametrize(
    ("page_number", "status", "message"),
    [
        ("abc", 400, "whole numbers"),
        ("0", 400, "whole numbers"),
        ("99999", 404, "There is no page 99999"),
        ("9" * 500, 404, "There is no page"),
    ],
)
def test_bad_page_numbers_give_a_clear_page(client, newsroom, page_number, status, message):
    response = client.get(newsroom.url, {"page": page_number})

    assert response.status_code == status
    assert message in soup(response).select_one("[role=alert]").get_text()
    assert soup(response).select_one(".listing-filters") is not None


@pytest.mark.parametrize(
    "params",
    [
        {"topic": "no-such-topic"},
        {"year": "abc"},
        {"year": "1850"},
        {"topic": "burnout\x00"},
        {"topic": "x" * 5000},
        {"sort": "popular"},
        {"topic": "<script>alert(1)</script>"},
    ],
)
def test_unknown_filters_are_dropped_with_a_notice(client, newsroom, params):
    response = client.get(newsroom.url, params)

    assert response.status_code == 200
    notices = " ".join(n.get_text() for n in soup(response).select("p.notice"))
    assert "left out" in notices or "not available" in notices
    assert len(titles(response)) == 3
    assert b"<script>alert(1)" not in response.content


def test_filters_with_no_results_say_so(client, newsroom):
    response = client.get(newsroom.url, {"topic": "leadership", "year": "2018"})

    assert response.status_code == 200
    assert "No news matches these filters" in response.content.decode()


def test_drafts_and_private_news_never_appear_in_the_listing(client, newsroom):
    draft = make_news(newsroom, title="A draft announcement", date=datetime.date(2030, 1, 1))
    draft.unpublish()
    private = make_news(newsroom, title="A private announcement", date=datetime.date(2030, 1, 1))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    response = client.get(newsroom.url)

    assert "A draft announcement" not in titles(response)
    assert "A private announcement" not in titles(response)
    assert "3 news items" in soup(response).select_one(".listing-count").get_text()
    assert [item.title for item in NewsPage.latest(3)] == titles(response)


def test_news_page_shows_date_summary_body_topics_and_live_related_pages(client, home_page):
    from tests.news.factories import NewsIndexPageFactory

    news_index = NewsIndexPageFactory(parent=home_page)
    library = PublicationIndexPageFactory(parent=home_page)
    plan = make_publication(library, title="National Plan for Health Workforce Well-Being")
    withdrawn = make_publication(library, title="A withdrawn paper")
    events = EventIndexPageFactory(parent=home_page)
    meeting = EventPageFactory(parent=events, title="Meeting 3")
    leadership = TopicFactory(name="Leadership", slug="leadership")
    item = make_news(
        news_index,
        title="The National Plan is out",
        date=datetime.date(2022, 10, 1),
        summary="A plan for collective action.",
        body=[("rich_text", "<h2>What it asks</h2><p>Leaders act together.</p>")],
        topics=[leadership],
        publications=[plan, withdrawn],
        events=[meeting],
    )
    withdrawn.unpublish()

    response = client.get(item.url)
    page = soup(response)

    assert response.status_code == 200
    assert page.select_one("h1").get_text() == "The National Plan is out"
    assert page.select_one(".news-item__date time")["datetime"] == "2022-10-01"
    assert "A plan for collective action." in page.select_one(".lead").get_text()
    assert page.select_one(".prose h2").get_text() == "What it asks"
    assert page.select_one(".tag-list a")["href"] == "/news/?topic=leadership"
    related = [a.get_text() for a in page.select(".news-item__related a")]
    assert related == ["National Plan for Health Workforce Well-Being", "Meeting 3"]
    assert page.select_one(".news-item__back a")["href"] == "/news/"


def test_latest_gives_the_newest_three_in_constant_queries(client, news_index):
    topics = [TopicFactory(), TopicFactory()]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(count, start):
        for number in range(count):
            make_news(news_index, date=datetime.date(2000 + start + number, 1, 1), topics=topics)

    add(3, 0)
    with CaptureQueriesContext(connection) as small:
        latest = NewsPage.latest(3)
        [topic.name for item in latest for topic in item.topics.all()]
    add(30, 10)
    with CaptureQueriesContext(connection) as large:
        latest = NewsPage.latest(3)
        [topic.name for item in latest for topic in item.topics.all()]

    assert [item.date.year for item in latest] == [2039, 2038, 2037]
    assert len(small) == len(large) <= 3  # view restrictions, the items, their topics


def test_index_and_filtered_index_cost_the_same_queries_at_10_and_150(client, news_index):
    topics = [TopicFactory(), TopicFactory(), TopicFactory()]

    def add(count):
        for number in range(count):
            make_news(
                news_index,
                date=datetime.date(2015 + number % 8, 1 + number % 12, 1),
                topics=topics[: 1 + number % 3],
            )

    add(10)
    filtered = f"{news_index.url}?topic={topics[0].slug}&year=2016&sort=oldest"
    small_filtered, _ = count_queries(client, filtered)
    assert_constant_queries(client, news_index.url, lambda: add(140), at_most=12)
    large_filtered, _ = count_queries(client, filtered)
    assert small_filtered == large_filtered <= 12


def test_news_page_costs_constant_queries_with_more_related_pages(client, home_page):
    from tests.news.factories import NewsIndexPageFactory

    news_index = NewsIndexPageFactory(parent=home_page)
    library = PublicationIndexPageFactory(parent=home_page)
    topics = [TopicFactory() for _ in range(2)]
    item = make_news(
        news_index, title="Growing", topics=topics[:1], publications=[make_publication(library)]
    )

    def grow():
        item.topics = topics
        item.related_publications = [
            NewsRelatedPublication(publication=make_publication(library)) for _ in range(5)
        ]
        item.save_revision().publish()

    assert_constant_queries(client, item.url, grow, at_most=12)


def test_only_news_pages_go_under_the_index_and_the_index_under_home():
    from news.models import NewsIndexPage

    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert "home.HomePage" in NewsIndexPage.parent_page_types
