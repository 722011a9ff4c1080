from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["name", "role_title", "organization", "live"]
    search_fields = ["name", "organization"]
    add_to_admin_menu = True
    menu_order = 210


register_snippet(PersonViewSet)
