"""Which pages an anonymous visitor may see, asked without extra queries.

Wagtail answers "is this page private?" in two ways that each cost queries of their own:
``PageQuerySet.public()`` first loads every view restriction of the site, and
``Page.get_view_restrictions()`` (run before every page is served) loads the page's
ancestors and then their restrictions. The site keeps its few view restrictions in the
structure cache (home.structure) and answers both questions from there, with the same rules.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from home.structure import view_restrictions


def restricted_paths():
    """The tree paths of the pages that carry a view restriction (password, signed-in
    users or groups): they and every page below them are private."""
    return sorted({page_path for _restriction, page_path, _covered in view_restrictions()})


def public(pages):
    """``pages`` without any that is, or lies under, a page with a view restriction, as
    Wagtail's ``public()`` decides."""
    restricted = Q()
    for page_path in restricted_paths():
        restricted |= Q(path__startswith=page_path)
    return pages.exclude(restricted) if restricted else pages


class ViewRestrictionsInOneQuery:
    """Mixed into every page type: the restrictions that apply to a page, from the cache.

    The same answer as Wagtail's method: the restrictions of the page and each ancestor,
    where an alias (the page or an ancestor) counts by the restrictions of its source page
    instead of its own. The ancestors' paths are prefixes of the page's own.

    It is still a queryset, as the admin expects (it orders and filters it), but one that
    already holds its results: serving a page iterates it without a query.
    """

    def get_view_restrictions(self):
        if not self.path:  # a new page being previewed: not in the tree yet
            return super().get_view_restrictions()
        found = [
            restriction
            for restriction, _page_path, covered in view_restrictions()
            if any(self.path.startswith(path) for path in covered)
        ]
        restrictions = PageViewRestriction.objects.filter(pk__in=[r.pk for r in found])
        restrictions._result_cache = found
        restrictions._prefetch_done = True
        return restrictions
