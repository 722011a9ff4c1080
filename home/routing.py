"""Serving a child of a page with one query for the child instead of two."""

from django.contrib.contenttypes.models import ContentType


class ChildrenServedInOneQuery:
    """Mixed into a page whose children visitors open (every index, the home page and
    standard pages).

    Wagtail routes to a child in two queries: the child's page row, to learn its type, then
    its specific row. Knowing the type, one query brings both, together with the related
    rows the child's page shows (``child_related``, for ``select_related``). The type is
    known when the page allows children of one type only (publications, events,
    artworks...); otherwise each child's type by its slug comes from the structure cache
    (home.structure), kept until a page is added, published, moved or deleted. A child that
    is found neither way is still looked for the usual way.
    """

    child_related: tuple[str, ...] = ()

    def route(self, request, path_components):
        model = self.child_page_model(path_components[0]) if path_components else None
        if model is not None:
            # Slugs are unique among siblings: no ORDER BY (Django's compiler spends about
            # a millisecond matching an ordering against a select of this many columns).
            found = (
                model.objects.child_of(self)
                .select_related(*self.child_related)
                .filter(slug=path_components[0])
                .order_by()[:1]
            )
            child = next(iter(found), None)
            if child is not None:
                child._cached_parent_obj = self  # its ancestors need no query either
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def child_page_model(self, slug):
        """The page type of the child at ``slug``, or None if it is not known."""
        models = self.allowed_subpage_models()
        if len(models) == 1:
            return models[0]
        from home.structure import structure_cached

        types = structure_cached(
            f"child-types:{self.pk}",
            lambda: dict(self.get_children().values_list("slug", "content_type_id")),
        )
        content_type = types.get(slug)
        return ContentType.objects.get_for_id(content_type).model_class() if content_type else None
