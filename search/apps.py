from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"
    verbose_name = "Search"

    def ready(self):
        from wagtail.signals import page_published

        page_published.connect(index_with_children, dispatch_uid="search-index-with-children")


def index_with_children(sender, instance, **kwargs):
    """Wagtail indexes a page as it is saved, before its inline children (the resources of
    the knowledge hub, a publication's authors) are written: a page searched by its children
    is indexed again once it is published, children included."""
    from wagtail.search import index

    if any(isinstance(field, index.RelatedFields) for field in instance.get_search_fields()):
        index.insert_or_update_object(instance)
