"""The news index's RSS and Atom feeds (see core.feeds): an item's summary and its date."""

from core.feeds import IndexFeed


class NewsFeed(IndexFeed):
    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at
