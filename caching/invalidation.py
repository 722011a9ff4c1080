"""The one way cached pages are kept fresh.

When something changes (a page published, unpublished, moved or deleted; a snippet, image,
document or the site settings saved or deleted; a view restriction or a Site changed), every
page that shows it gets a new generation, so the page cache renders it afresh on the next
request, and the same pages are purged from the CDN.

A page shows:
- itself, and its ancestors list it (its section, the home page);
- its ancestors' titles and slugs, in its breadcrumbs and address: publishing, moving,
  unpublishing or deleting a page refreshes the pages below it too;
- whatever it references (Wagtail's reference index: foreign keys, inlines, choosers,
  StreamField and rich-text links), and its ancestors' listings show it in its card; an
  object that is not a page (a person, an artist) passes on what it shows, once;
- what references it, through a relation it lists the other way round (a working group
  lists the publications that name it, an event the tour stops held there);
- what it links to through a many-to-many field (topics, themes), which the reference index
  does not record;
- every object of the models its type names in ``cache_dependencies`` (listings that show
  every organization, every tour stop...).
What every page shows (the site settings, and any page they link to in the menus), the Site
and view restrictions refresh every page.

Pages with sub-routes say which of their paths show an object with ``cached_paths_showing``
(Wagtail's ``get_cached_paths`` lists them all); the CDN purge uses it.
"""

import functools
import logging
import threading
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import ManyToManyField
from django_tasks import task
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site, get_page_models

from caching.pages import new_generations

logger = logging.getLogger(__name__)

# Fields a draft changes on the live row; a save of only these shows visitors nothing new.
DRAFT_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


class Shown:
    """The pages showing some changed objects, and whether every page does."""

    def __init__(self):
        self.page_ids = set()
        self.everywhere = False
        self.objects = []  # (page id, the changed object): for the CDN's sub-paths

    def add(self, page_ids, shown=None):
        for page_id in page_ids:
            self.page_ids.add(int(page_id))
            if shown is not None:
                self.objects.append((int(page_id), shown))

    def refreshes_every_page(self):
        """Whether the change is shown everywhere, or on so many pages (``MANY_PAGES``)
        that refreshing and purging every page is cheaper than listing them."""
        return self.everywhere or len(self.page_ids) > MANY_PAGES


def page_content_type():
    return ContentType.objects.get_for_model(Page)


def pages_showing(obj, shown=None, *, with_descendants=False, passed_on=False):
    """Add to ``shown`` every page that shows ``obj`` (see the module's description)."""
    shown = shown if shown is not None else Shown()
    if isinstance(obj, BaseSiteSetting):
        shown.everywhere = True
        return shown
    page_type = page_content_type()
    if isinstance(obj, Page):
        shown.add([obj.pk], obj)
        shown.add(ancestors_of([obj.pk]), obj)
        if with_descendants and obj.numchild:
            shown.add(Page.objects.descendant_of(obj).values_list("pk", flat=True), obj)
        if with_descendants:
            for label in getattr(obj.specific_class, "gives_addresses_to", ()):
                addressed = apps.get_model(label).objects.all()
                linking = ReferenceIndex.get_references_to_in_bulk(addressed)
                shown.add(
                    linking.filter(base_content_type=page_type).values_list("object_id", flat=True)
                )

    referencing_pages = pages_linking_to(obj)
    for base_type, content_type, object_id in ReferenceIndex.get_references_to(obj).values_list(
        "base_content_type_id", "content_type_id", "object_id"
    ):
        if base_type == page_type.pk:
            referencing_pages.add(int(object_id))
            continue
        model = ContentType.objects.get_for_id(content_type).model_class()
        if model is not None and issubclass(model, BaseSiteSetting):
            shown.everywhere = True  # a menu or footer link: on every page
        elif model is not None and not passed_on:
            found = model._default_manager.filter(pk=object_id).first()
            if found is not None:
                pages_showing(found, shown, passed_on=True)
    shown.add(referencing_pages, obj)
    shown.add(ancestors_of(referencing_pages), obj)

    referenced = ReferenceIndex.get_references_for_object(obj)
    shown_by_reference(referenced, shown, obj)
    shown.add(pages_linked_from(obj), obj)

    label = obj._meta.label
    listing_types = [model for model in get_page_models() if label in dependencies_of(model)]
    if listing_types:
        shown.add(Page.objects.type(*listing_types).values_list("pk", flat=True), obj)
    return shown


def shown_by_reference(references, shown, obj):
    """The pages an object's references show: the pages it references, and the pages that
    give an address to the other objects it references (a publication names its authors,
    whose profiles list it)."""
    page_type = page_content_type()
    shown.add(
        references.filter(to_content_type=page_type).values_list("to_object_id", flat=True), obj
    )
    targets = references.exclude(to_content_type=page_type).values_list(
        "to_content_type_id", "to_object_id"
    )
    for content_type, object_id in set(targets):
        model = ContentType.objects.get_for_id(content_type).model_class()
        addressing = [
            page_model
            for page_model in get_page_models()
            if model is not None
            and model._meta.label in getattr(page_model, "gives_addresses_to", ())
        ]
        target = model._default_manager.filter(pk=object_id).first() if addressing else None
        if target is not None:
            pages = Page.objects.type(*addressing).live().values_list("pk", flat=True)
            shown.add(pages, target)


def dependencies_of(page_model):
    """The models a page type lists every object of (``cache_dependencies``)."""
    return getattr(page_model, "cache_dependencies", ())


def ancestors_of(page_ids):
    """The ancestors below the tree root of the given pages, in one query."""
    if not page_ids:
        return []
    step = Page.steplen
    paths = Page.objects.filter(pk__in=page_ids).values_list("path", flat=True)
    prefixes = {path[:end] for path in paths for end in range(2 * step, len(path), step)}
    return Page.objects.filter(path__in=prefixes).values_list("pk", flat=True)


def pages_linking_to(obj):
    """Pages that link to ``obj`` through a many-to-many field of theirs (topics, themes)."""
    ids = set()
    for model in get_page_models():
        for field in model._meta.local_many_to_many:
            if field.related_model is type(obj):
                linked = model.objects.filter(**{field.name: obj})
                ids.update(linked.values_list("pk", flat=True))
    return ids


def pages_linked_from(obj):
    """Pages ``obj`` links to through a many-to-many field of its own, as saved (the works
    shown at a tour stop)."""
    ids = set()
    if obj.pk is None:
        return ids
    for field in type(obj)._meta.get_fields():
        if isinstance(field, ManyToManyField) and issubclass(field.related_model, Page):
            links = field.remote_field.through.objects.filter(**{field.m2m_field_name(): obj.pk})
            ids.update(links.values_list(field.m2m_reverse_field_name(), flat=True))
    return ids


# Past this many pages, one new site generation refreshes every page instead of a
# generation per page: publishing the home page shows in the breadcrumbs of all 14,000
# pages of the largest benchmark site, and a folder cache writes (and culls) a file per key.
MANY_PAGES = 500


def refresh(shown):
    """New generations now (this process sees the change at once) and again once the
    change is committed, so that a page rendered meanwhile from the old rows is not kept;
    and the CDN purge (which Wagtail sends from a background task)."""
    everywhere = shown.refreshes_every_page()
    page_ids = () if everywhere else shown.page_ids
    new_generations(page_ids, site=everywhere)
    transaction.on_commit(lambda: new_generations(page_ids, site=everywhere))
    purge_from_cdn(shown)


def purge_from_cdn(shown, urls=()):
    """Purge the pages' paths from the CDN: each page's own (``get_cached_paths``) or,
    where it shows a changed object at sub-paths of its own, those
    (``cached_paths_showing``). Wagtail sends the requests from a background task.

    A change that refreshes every page purges them all from a task of its own, so the
    change's request never walks the whole site."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch(urls)
    if shown.refreshes_every_page():
        purge_every_page.enqueue()
        send(batch)
        return
    objects = {}
    for page_id, obj in shown.objects:
        objects.setdefault(page_id, obj)
    for page in Page.objects.live().specific().filter(pk__in=shown.page_ids):
        batch.add_page(page)
        showing = getattr(page, "cached_paths_showing", None)
        obj = objects.get(page.pk)
        root = page.get_full_url()
        if showing is not None and obj is not None and obj != page and root:
            batch.add_urls(root + path.lstrip("/") for path in showing(obj))
    send(batch)


# Pages whose paths go to the CDN in one request when every page is purged.
PURGE_BATCH_PAGES = 500


@task()
def purge_every_page():
    """Every live page's paths, a few hundred pages to each purge request."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    pages = Page.objects.live().specific().order_by("path")
    for count, page in enumerate(pages.iterator(chunk_size=PURGE_BATCH_PAGES), start=1):
        batch.add_page(page)
        if count % PURGE_BATCH_PAGES == 0:
            send(batch)
            batch = PurgeBatch()
    send(batch)


def send(batch):
    if not batch.urls:
        return
    try:
        batch.purge()
    except Exception:
        logger.warning("CDN purge failed", exc_info=True)


def refresh_everything():
    """After changes that sent no signals (content inserted in bulk, a restore)."""
    shown = Shown()
    shown.everywhere = True
    refresh(shown)


_state = threading.local()


@contextmanager
def deferred():
    """Many changes at once (an import): the receivers below stand aside instead of working
    out what each save shows, and every page is refreshed once at the end."""
    _state.deferred = True
    try:
        yield
    finally:
        _state.deferred = False
    refresh_everything()


def is_deferred():
    return getattr(_state, "deferred", False)


def unless_deferred(receiver):
    """A signal receiver that stands aside while changes are deferred."""

    @functools.wraps(receiver)
    def receive(*args, **kwargs):
        if not is_deferred():
            return receiver(*args, **kwargs)
        return None

    return receive


# Signal receivers --------------------------------------------------------------------------


@unless_deferred
def page_changed(sender, instance, **kwargs):
    """Published, unpublished (a scheduled publication going live is a publication)."""
    refresh(pages_showing(indexed(instance), with_descendants=True))


@unless_deferred
def page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    shown = pages_showing(instance, with_descendants=True)
    for parent in (parent_page_before, parent_page_after):
        if parent is not None:
            shown.add([parent.pk], instance)
            shown.add(ancestors_of([parent.pk]), instance)
    refresh(shown)
    former = former_url(instance, kwargs.get("url_path_before"))
    if former:
        purge_from_cdn(Shown(), urls=[former])


def former_url(page, url_path_before):
    """The full URL a moved page had before the move, where the CDN still holds it."""
    parts = page.get_url_parts()
    if not url_path_before or parts is None or url_path_before == page.url_path:
        return None
    _site_id, root_url, page_path = parts
    site_prefix = page.url_path[: len(page.url_path) - len(page_path)]
    if not url_path_before.startswith(site_prefix):
        return None
    return root_url + url_path_before[len(site_prefix) :]


def is_shown_model(model):
    """Whether visitors see rows of ``model`` on pages: snippets, images, documents,
    settings and what listings name in ``cache_dependencies``."""
    from wagtail import hooks
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    hooks.search_for_hooks()  # snippets register themselves in the apps' wagtail_hooks
    listed = {label for page_model in get_page_models() for label in dependencies_of(page_model)}
    return (
        model in get_snippet_models()
        or issubclass(model, (get_image_model(), get_document_model(), BaseSiteSetting))
        or model._meta.label in listed
    )


def is_shown(instance):
    return isinstance(instance, Page) and instance.live or is_shown_model(type(instance))


def is_draft_save(update_fields):
    return bool(update_fields) and set(update_fields) <= DRAFT_FIELDS


@unless_deferred
def object_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a save: the pages the object showed through its own links (they may be
    about to go), from the rows and references as they still are."""
    if raw or instance.pk is None or is_draft_save(update_fields) or not is_shown(instance):
        return
    shown = Shown()
    shown_by_reference(ReferenceIndex.get_references_for_object(instance), shown, instance)
    shown.add(pages_linked_from(instance), instance)
    if shown.page_ids:
        refresh(shown)


@unless_deferred
def object_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    if raw or is_draft_save(update_fields):
        return
    if isinstance(instance, (Site, PageViewRestriction)):
        refresh_everything()
    elif isinstance(instance, Page):
        if instance.live:  # saved while live (a new live page: added without a publish)
            refresh(pages_showing(indexed(instance), with_descendants=created))
    elif isinstance(instance, BaseSiteSetting) and created:
        return  # made on a first visit, holding what pages already show
    elif is_shown_model(type(instance)):
        refresh(pages_showing(indexed(instance)))


def indexed(instance):
    """The object, with its references recorded now: Wagtail records them from a task
    that a worker may run later, and the pages it newly links to must be found now."""
    if ReferenceIndex.model_is_indexable(type(instance)):
        ReferenceIndex.create_or_update_for_object(instance)
    return instance


@unless_deferred
def object_deleted(sender, instance, **kwargs):
    """Before the delete, while the references to the object are still recorded."""
    if isinstance(instance, Page):
        if instance.specific_class not in (None, type(instance)):
            return  # the Page row under a specific page: that page's own signal acts
        if instance.live:
            refresh(pages_showing(instance, with_descendants=True))
    elif isinstance(instance, (Site, PageViewRestriction)):
        refresh_everything()
    elif is_shown_model(type(instance)):
        refresh(pages_showing(instance))


@unless_deferred
def links_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """A many-to-many link added or removed (topics, themes, the works at a tour stop, the
    groups of a view restriction)."""
    if not action.startswith("post_"):
        return
    if isinstance(instance, PageViewRestriction):
        refresh_everything()
        return
    shown = Shown()
    if isinstance(instance, Page):
        shown.add([instance.pk], instance)
        shown.add(ancestors_of([instance.pk]), instance)
    elif is_shown_model(type(instance)):
        pages_showing(instance, shown)
    if pk_set and issubclass(model, Page):
        shown.add(pk_set, instance)
    if shown.page_ids or shown.everywhere:
        refresh(shown)


def connect():
    from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
    from wagtail import hooks
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from caching.pages import remember_page

    page_published.connect(page_changed, dispatch_uid="caching-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="caching-page-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="caching-page-moved")
    pre_save.connect(object_saving, dispatch_uid="caching-object-saving")
    post_save.connect(object_saved, dispatch_uid="caching-object-saved")
    pre_delete.connect(object_deleted, dispatch_uid="caching-object-deleted")
    m2m_changed.connect(links_changed, dispatch_uid="caching-links-changed")
    hooks.register("before_serve_page", remember_page)
