"""The gallery panel's review: every gallery index page (and the works in it) goes through
the Gallery panel review workflow, and its reviewers may edit there and nowhere else.
Artworks are published by finishing that review, never straight from the editor."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission, Workflow, WorkflowPage
from wagtail.signals import page_published

from editorial.roles import GALLERY_PANEL_REVIEW, GALLERY_REVIEWERS

REVIEWER_PAGE_PERMISSIONS = ("change_page",)


def open_gallery_to_reviewers(page):
    """Let the gallery panel into this gallery (and only here) and route it through its
    review."""
    reviewers = Group.objects.filter(name=GALLERY_REVIEWERS).first()
    workflow = Workflow.objects.filter(name=GALLERY_PANEL_REVIEW).first()
    if reviewers is not None:
        for codename in REVIEWER_PAGE_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=reviewers, page_id=page.pk, permission=permission
            )
    if workflow is not None and not WorkflowPage.objects.filter(page_id=page.pk).exists():
        WorkflowPage.objects.create(page_id=page.pk, workflow=workflow)


def is_gallery_reviewed(page):
    """True when the page is reviewed by the gallery panel workflow (artworks, the gallery)."""
    workflow = page.get_workflow() if page is not None else None
    return workflow is not None and workflow.name == GALLERY_PANEL_REVIEW


@receiver(page_published, dispatch_uid="gallery_review_images_go_public")
def accepted_work_images_go_public(sender, instance, **kwargs):
    """A published work's images leave the private collection submissions wait in."""
    from gallery.models import ArtworkImage, ArtworkPage
    from gallery.submissions import SUBMISSIONS_COLLECTION

    if not isinstance(instance, ArtworkPage):
        return
    waiting = ArtworkImage.objects.filter(
        page=instance, image__collection__name=SUBMISSIONS_COLLECTION
    ).values("image_id")
    get_image_model().objects.filter(pk__in=waiting).update(
        collection=Collection.get_first_root_node()
    )


@receiver(post_migrate, dispatch_uid="gallery_review_setup")
def open_all_galleries(sender, using="default", **kwargs):
    """After the editorial roles (whose receiver runs first), on every ``migrate``."""
    if sender.name != "gallery":
        return
    from gallery.models import GalleryIndexPage

    with transaction.atomic(using=using):
        for page in GalleryIndexPage.objects.using(using):
            open_gallery_to_reviewers(page)


@receiver(post_save, dispatch_uid="gallery_review_new_gallery")
def gallery_index_created(sender, instance, created, raw=False, **kwargs):
    from gallery.models import GalleryIndexPage

    if created and not raw and isinstance(instance, GalleryIndexPage):
        open_gallery_to_reviewers(instance)
