from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from publications.models import PublicationType, Topic


class PublicationTypeViewSet(SnippetViewSet):
    model = PublicationType
    icon = "doc-full"
    menu_label = "Types"
    list_display = ["name", "slug", "citation_kind"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class PublicationListsGroup(SnippetViewSetGroup):
    """The lists editors extend without a deploy: publication types and topics."""

    items = (PublicationTypeViewSet, TopicViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = "Publication lists"
    menu_order = 220


register_snippet(PublicationListsGroup)
