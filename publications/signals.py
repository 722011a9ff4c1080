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
