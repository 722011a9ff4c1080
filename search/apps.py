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
        for signal in (post_save, post_delete):
            signal.connect(forget_synonyms, sender=SearchSynonym, dispatch_uid=f"syn-{signal!r}")
            signal.connect(forget_vocabulary, sender=SearchSynonym, dispatch_uid=f"voc-{signal!r}")
