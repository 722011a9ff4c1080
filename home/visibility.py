"""Which pages an anonymous visitor may see, asked without extra queries.

Wagtail answers "is this page private?" in two ways that each cost queries of their own:
``PageQuerySet.public()`` first loads every view restriction of the site, and
``Page.get_view_restrictions()`` (run before every page is served) loads the page's
ancestors and then their restrictions. The site asks the same questions inside the query it
runs anyway, with the same rules.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public(pages):
    """``pages`` without any that is, or lies under, a page with a view restriction
    (password, signed-in users or groups): Wagtail's ``public()`` as a subquery."""
    restrictions_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restrictions_above))


class ViewRestrictionsInOneQuery:
    """Mixed into every page type: the restrictions that apply to a page in one query.

    The same answer as Wagtail's method: the restrictions of the page and each ancestor,
    where an alias (the page or an ancestor) counts by the restrictions of its source page
    instead of its own. The ancestors' paths are prefixes of the page's own, so they need
    no query to find.
    """

    def get_view_restrictions(self):
        if not self.path:  # a new page being previewed: not in the tree yet
            return super().get_view_restrictions()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()
