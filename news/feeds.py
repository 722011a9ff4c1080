"""RSS and Atom feeds of the newest news items, for the whole index or one topic.

Served by routes of :class:`news.models.NewsIndexPage`.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, topic=None):
        super().__init__()
        self.index = index
        self.topic = topic
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        if self.topic is not None:
            return f"{self.index.title}: {self.topic.name}"
        return self.index.title

    def link(self):
        url = self.index.get_full_url(self.request)
        return f"{url}?topic={self.topic.slug}" if self.topic is not None else url

    def description(self):
        subject = f" about {self.topic.name.lower()}" if self.topic is not None else ""
        return (
            f"News{subject} from the National Academy of Medicine's Action Collaborative on "
            "Clinician Well-Being and Resilience."
        )

    def items(self):
        return self.index.feed_items(self.topic)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
