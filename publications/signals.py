"""Keep publications' PDF text in step when a document's file is replaced in place."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.search.index import insert_or_update_object


@receiver(post_save, sender=get_document_model())
def refresh_publications_using_document(sender, instance, **kwargs):
    from publications.models import PublicationPage

    stale = PublicationPage.objects.filter(document=instance).exclude(
        pdf_text_file_hash=instance.file_hash or ""
    )
    for page in stale:
        page.document = instance
        page.refresh_pdf_text()
        PublicationPage.objects.filter(pk=page.pk).update(
            pdf_text=page.pdf_text, pdf_text_file_hash=page.pdf_text_file_hash
        )
        insert_or_update_object(page)


def _forget_when_changed(sender, **kwargs):
    from publications.listing import forget_known_filter_values

    forget_known_filter_values()


def connect_listing_cache_signals():
    """Any change to what the index can filter on clears the cached filter values."""
    from django.db.models.signals import m2m_changed, post_delete
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from publications.models import PublicationPage, PublicationType, Topic

    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(_forget_when_changed, sender=PublicationPage, weak=False)
    post_page_move.connect(_forget_when_changed, weak=False)
    m2m_changed.connect(_forget_when_changed, sender=PublicationPage.topics.through, weak=False)
    for model in (PublicationType, Topic, PageViewRestriction):
        post_save.connect(_forget_when_changed, sender=model, weak=False)
        post_delete.connect(_forget_when_changed, sender=model, weak=False)
