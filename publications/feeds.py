"""The publication index's RSS and Atom feeds (see core.feeds): a publication's abstract,
its date (noon UTC on the day it was published) and its authors."""

import datetime

from django.utils import timezone

from core.feeds import IndexFeed


class PublicationsFeed(IndexFeed):
    def item_description(self, item):
        return item.abstract

    def item_pubdate(self, item):
        published = datetime.datetime.combine(item.publication_date, datetime.time(12))
        return timezone.make_aware(published, datetime.UTC)

    def item_author_name(self, item):
        return item.author_names or None
