"""Factories for news tests."""

import datetime

import factory
import wagtail_factories

from news.models import NewsIndexPage, NewsPage, NewsRelatedEvent, NewsRelatedPublication


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"
    introduction = "Announcements from the Collaborative."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    date = datetime.date(2022, 10, 1)
    summary = "A short summary of what happened."

    class Meta:
        model = NewsPage


def make_news(index, *, topics=(), publications=(), events=(), **fields):
    """A live news item under ``index`` with topics and related pages."""
    page = NewsPageFactory.build(**fields)
    page.topics = list(topics)
    page.related_publications = [NewsRelatedPublication(publication=p) for p in publications]
    page.related_events = [NewsRelatedEvent(event=event) for event in events]
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
