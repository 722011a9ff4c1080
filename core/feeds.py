"""RSS and Atom feeds of an index page's newest items, for all of them or one topic.

An index page mixes in :class:`TopicFeeds`, says what it lists (``feed_subject``), which items
(``feed_queryset``) in what order (``feed_ordering``), and its feed class: a subclass of
:class:`IndexFeed` that reads an item's description and date.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

COLLABORATIVE = (
    "the National Academy of Medicine's Action Collaborative on Clinician Well-Being and Resilience"
)


class IndexFeed(Feed):
    """One feed of an index page (``feed_type`` RSS or Atom), of one topic or all."""

    def __init__(self, index, topic=None, feed_type=Rss201rev2Feed):
        super().__init__()
        self.index = index
        self.topic = topic
        self.feed_type = feed_type
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
        return f"{self.index.feed_subject}{subject} from {COLLABORATIVE}."

    def subtitle(self):
        return self.description()  # Atom's name for it

    def items(self):
        return self.index.feed_items(self.topic)

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class TopicFeeds(RoutablePageMixin):
    """An index page's feeds: ``feed/rss/``, ``feed/atom/`` and the same per topic at
    ``topics/<slug>/feed/...``; and the CDN paths that show a changed item or topic.
    Templates link them with ``includes/feed_links.html`` and ``includes/feed_list.html``."""

    feed_class = IndexFeed
    feed_subject = ""  # "The newest publications", "News"
    feed_ordering: tuple[str, ...] = ()
    feed_size = 20
    topic_model = None  # the model items are filed under (``item.topics``)

    def feed_queryset(self):
        raise NotImplementedError

    def feed_items(self, topic=None):
        items = self.feed_queryset().prefetch_related("topics")
        if topic is not None:
            items = items.filter(topics=topic)
        return items.order_by(*self.feed_ordering)[: self.feed_size]

    def feed_topic(self, slug):
        topic = self.topic_model.objects.filter(slug=slug).first()
        if topic is None:
            raise Http404("There is no such topic.")
        return topic

    def get_cached_paths(self):
        """The listing and its feeds: what a CDN drops when an item below changes."""
        return ["/", f"/{self.reverse_subpage('rss')}", f"/{self.reverse_subpage('atom')}"]

    def cached_paths_showing(self, shown):
        """The topic feeds that list ``shown``: an item below, or a topic."""
        if isinstance(shown, self.topic_model):
            slugs = [shown.slug]
        elif isinstance(shown, self.feed_queryset().model):
            slugs = list(shown.topics.values_list("slug", flat=True))
        else:
            return []
        return [
            f"/{self.reverse_subpage(name, kwargs={'topic': slug})}"
            for slug in slugs
            for name in ("topic_rss", "topic_atom")
        ]

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return self.feed_class(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return self.feed_class(self, feed_type=Atom1Feed)(request)

    @path("topics/<slug:topic>/feed/rss/", name="topic_rss")
    def topic_rss_feed(self, request, topic):
        return self.feed_class(self, self.feed_topic(topic))(request)

    @path("topics/<slug:topic>/feed/atom/", name="topic_atom")
    def topic_atom_feed(self, request, topic):
        return self.feed_class(self, self.feed_topic(topic), feed_type=Atom1Feed)(request)
