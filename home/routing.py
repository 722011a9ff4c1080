"""Serving a child of an index page with one query for the child instead of two."""


class ChildrenOfOneType:
    """Mixed into an index page whose children are all of one page type (publications,
    events, artworks, working groups, commitment statements).

    Wagtail routes to a child in two queries: the child's page row, then its specific row.
    Knowing the type, one query brings both, together with the related rows the child's
    page shows (``child_related``, for ``select_related``). A child of another type (left
    from before the rules changed) is still found, the usual way.
    """

    child_related: tuple[str, ...] = ()

    def route(self, request, path_components):
        model = self.child_page_model()
        if path_components and model is not None:
            child = (
                model.objects.child_of(self)
                .select_related(*self.child_related)
                .filter(slug=path_components[0])
                .first()
            )
            if child is not None:
                child._cached_parent_obj = self  # its ancestors need no query either
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    @classmethod
    def child_page_model(cls):
        models = cls.allowed_subpage_models()
        return models[0] if len(models) == 1 else None
