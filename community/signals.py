"""Keep cached facts about community pages in step with the page tree."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from community.caching import forget_page_urls
from community.models import CommitmentStatementPage, PeoplePage

CACHED_PAGE_TYPES = (PeoplePage, CommitmentStatementPage)


def _cached_page_changed(sender, **kwargs):
    forget_page_urls()
    if sender is PeoplePage:
        # Every page that shows a person links to their profile below the people page.
        from django.contrib.contenttypes.models import ContentType
        from wagtail.models import Page, ReferenceIndex

        from community.models import Person
        from home.caching import bump

        references = ReferenceIndex.get_references_to_in_bulk(Person.objects.all())
        pages = references.filter(base_content_type=ContentType.objects.get_for_model(Page))
        bump(int(pk) for pk in pages.values_list("object_id", flat=True))


def connect():
    for page_type in CACHED_PAGE_TYPES:
        page_published.connect(_cached_page_changed, sender=page_type)
        page_unpublished.connect(_cached_page_changed, sender=page_type)
        post_save.connect(_cached_page_changed, sender=page_type)
        post_delete.connect(_cached_page_changed, sender=page_type)
    post_page_move.connect(_cached_page_changed)
    post_save.connect(_cached_page_changed, sender=PageViewRestriction)
    post_delete.connect(_cached_page_changed, sender=PageViewRestriction)
