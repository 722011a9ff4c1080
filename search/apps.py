from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"
    verbose_name = "Search"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, published, unpublished

        from search.models import SearchSynonym
        from search.query import forget_synonyms, forget_vocabulary

        # Spelling suggestions come from live titles, names and synonyms: forget them on
        # change (``published`` is sent for snippets with drafts: people, organizations).
        for signal in (page_published, page_unpublished, published, unpublished):
            signal.connect(forget_vocabulary, dispatch_uid=f"search-vocabulary-{signal!r}")
        page_published.connect(index_with_children, dispatch_uid="search-index-with-children")
        for signal in (post_save, post_delete):
            signal.connect(forget_synonyms, sender=SearchSynonym, dispatch_uid=f"syn-{signal!r}")
            signal.connect(forget_vocabulary, sender=SearchSynonym, dispatch_uid=f"voc-{signal!r}")


def index_with_children(sender, instance, **kwargs):
    """Wagtail indexes a page as it is saved, before its inline children (the resources of
    the knowledge hub, a publication's authors) are written: a page searched by its children
    is indexed again once it is published, children included."""
    from wagtail.search import index

    if any(isinstance(field, index.RelatedFields) for field in instance.get_search_fields()):
        index.insert_or_update_object(instance)
