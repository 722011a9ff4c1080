"""Importing a WordPress export into the site: pages, posts (news or publications), The
Events Calendar's events with their venues and organizers, attachments, topics and
redirects from every old address.

Everything happens in one transaction: a failure leaves nothing half-imported. Each item
is remembered by its WordPress ID (``ImportedItem``), with a digest of what was imported,
so running the import again updates what changed and leaves the rest alone. Pages arrive
as drafts unless ``publish`` is asked for, and even then only items WordPress published
(never private, password-protected, draft or trashed ones).

Large exports: what is already there (imported items, slugs under a parent, redirects) is
read once, not item by item; a page is saved with its body straight away, and only a page
linking to items further down the export is converted again once they are in; the search
index, Wagtail's reference index and the page cache are brought up to date once at the end.
Pages are not kept in memory between items, so memory stays flat however long the export.
"""

import datetime
import hashlib
import json
import re
import time
import zoneinfo
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.search import index
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from caching import invalidation, renditions
from core.images import sanitize_image
from core.models import StandardPage
from core.uploads import document_content_problem
from wordpress_import.content import ContentConverter, Resolver, normalise_path
from wordpress_import.models import ImportedItem

BATCH = 200  # pages read back, redirects inserted, at a time
VERSION = "1"  # bump when the mapping changes, so a re-run rewrites what it made
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp"}
DOCUMENT_EXTENSIONS = {"pdf", "docx", "pptx", "xlsx", "csv", "txt"}
SKIPPED_TYPES = {
    "revision": "a revision (WordPress keeps old versions; the latest is imported)",
    "nav_menu_item": "a menu item (the site's menus are set in its settings)",
    "customize_changeset": "a theme customisation",
    "oembed_cache": "WordPress's embed cache",
    "wp_global_styles": "theme styles",
    "wp_navigation": "a menu",
}
DEFAULT_MAPPING = {
    "posts": {
        "default": "news",
        "publications": ["publications", "publication", "discussion-papers", "reports"],
        "news": ["news", "announcements", "updates"],
    },
    "publications": {"type": "discussion-paper", "type_name": "Discussion paper"},
    "events": {"time_zone": "America/New_York"},
}


class Summary:
    def __init__(self, dry_run=False):
        self.dry_run = dry_run
        self.counts = Counter()  # ("news item", "created") -> n
        self.skipped = []  # (WordPress id, title, reason)
        self.missing_files = []
        self.warnings = []

    def count(self, kind, outcome):
        if self.dry_run and outcome in ("created", "updated"):
            outcome = f"would be {outcome}"
        self.counts[(kind, outcome)] += 1

    def lines(self):
        kinds = sorted({kind for kind, _ in self.counts})
        out = []
        for kind in kinds:
            parts = [
                f"{self.counts[(kind, outcome)]} {outcome}"
                for outcome in (
                    "created",
                    "updated",
                    "unchanged",
                    "would be created",
                    "would be updated",
                    "read",
                )
                if self.counts[(kind, outcome)]
            ]
            out.append(f"  {kind}: {', '.join(parts)}")
        if self.skipped:
            out.append(f"Skipped {len(self.skipped)}:")
            out.extend(
                f"  #{pk} “{title or '(no title)'}”: {reason}" for pk, title, reason in self.skipped
            )
        if self.missing_files:
            out.append(f"Missing files {len(self.missing_files)} (not imported):")
            out.extend(f"  {path}" for path in self.missing_files)
        if self.warnings:
            out.append(f"Notes {len(self.warnings)}:")
            out.extend(f"  {warning}" for warning in self.warnings)
        return out


class Importer:
    def __init__(
        self,
        export,
        *,
        uploads=None,
        publish=False,
        dry_run=False,
        mapping=None,
        progress=None,
        progress_every=250,
    ):
        self.export = export
        self.uploads = Path(uploads).resolve() if uploads else None
        self.publish = publish
        self.dry_run = dry_run
        self.mapping = _merge(DEFAULT_MAPPING, mapping or {})
        self.progress = progress or (lambda message: None)
        self.progress_every = max(1, progress_every)
        self.summary = Summary(dry_run)
        self.site_host = urlparse(export.site_url).netloc.lower()
        self.by_id = {item.post_id: item for item in export.items if item.post_id}
        self.known = {}  # (kind, WordPress id) -> ImportedItem
        self.existing_pages = set()  # ids of the pages earlier imports made that still exist
        self.topics = {}
        self.resolver = Resolver(export.site_url)
        self.converter = ContentConverter(self.resolver)
        self.paths = self.resolver.paths  # old path -> page id
        self.post_pages = self.resolver.post_ids  # WordPress id -> page id
        self.files = self.resolver.files  # old file path -> document id
        self.images = self.resolver.images  # old file path -> (image id, alt text)
        self.indexes = {}  # index page model -> the index page, fetched once
        self.slugs = {}  # parent page id -> its children's slugs, read once
        self.people = {}  # author name -> Person or None
        self.venues = set()  # ids of the venues events may name
        self.publication_type = None
        self.relinked = []  # (item, page id, body field, kind): linking to later items
        self.to_index = {}  # model -> ids made or changed, indexed once at the end
        self.published_with_images = []  # their renditions are made once, at the end

    # The run -------------------------------------------------------------------------

    def run(self):
        # The search and reference indexes are brought up to date once at the end, for
        # everything imported together, rather than at each of a page's saves, and the page
        # cache is refreshed once, for every page. The search backends that update on their
        # own are chosen before their updates are paused.
        self.search_backends = list(get_search_backends(with_auto_update=True))
        with (
            transaction.atomic(),
            invalidation.deferred(),
            disable_reference_index_auto_update(),
            search_auto_update_paused(),
            renditions.deferred(),
        ):
            with tasks_held() as held:
                self._load_known()
                self.home = _site_root()
                self._topics()
                items = self._triage()
                total = len(items)
                started = time.monotonic()
                for number, item in enumerate(items, start=1):
                    self._import(item)
                    held.sort()
                    if number % self.progress_every == 0 or number == total:
                        rate = number / max(time.monotonic() - started, 0.001)
                        self.progress(
                            f"  {number:,}/{total:,} items imported ({rate:.0f} a second)"
                        )
                self._relink()
                self._redirects(items)
                self._update_indexes()
                held.sort()
            if self.dry_run:
                transaction.set_rollback(True)
                return self.summary
            held.enqueue()
            if self.published_with_images:
                ids = list(self.published_with_images)
                transaction.on_commit(lambda: renditions.warm_pages.enqueue(ids))
        return self.summary

    def _load_known(self):
        """What earlier imports made, read once."""
        from events.models import Venue

        page_type = ContentType.objects.get_for_model(Page)
        page_ids, venue_ids = [], []
        for record in ImportedItem.objects.all():
            self.known[(record.kind, record.wordpress_id)] = record
            if record.content_type_id == page_type.pk:
                page_ids.append(record.object_id)
            elif record.kind == "tribe_venue":
                venue_ids.append(record.object_id)
        for start in range(0, len(page_ids), 500):
            chunk = page_ids[start : start + 500]
            self.existing_pages.update(
                Page.objects.filter(pk__in=chunk).values_list("pk", flat=True)
            )
        self.venues.update(Venue.objects.filter(pk__in=venue_ids).values_list("pk", flat=True))

    def _triage(self):
        """The items to import, parents before children; the rest reported as skipped."""
        wanted = []
        for item in self.export.items:
            reason = self._skip_reason(item)
            if reason:
                self.summary.skipped.append((item.post_id, item.title, reason))
                continue
            wanted.append(item)
        order = {"attachment": 0, "tribe_venue": 1, "tribe_organizer": 1, "page": 2}
        wanted.sort(key=lambda item: (order.get(item.post_type, 3), self._depth(item)))
        return wanted

    def _skip_reason(self, item):
        if item.post_type in SKIPPED_TYPES:
            return SKIPPED_TYPES[item.post_type]
        if item.status == "auto-draft":
            return "an auto-draft WordPress saved on its own"
        if item.status == "trash":
            return "in WordPress's trash"
        if item.status == "inherit" and item.post_type != "attachment":
            return "a revision"
        if item.post_type not in (
            "page",
            "post",
            "attachment",
            "tribe_events",
            "tribe_venue",
            "tribe_organizer",
        ):
            return f"a post type this site has no place for ({item.post_type or 'none'})"
        if not item.post_id:
            return "no WordPress ID"
        return None

    def _depth(self, item):
        depth, seen, parent = 0, set(), item.parent_id
        while parent and parent in self.by_id and parent not in seen and depth < 20:
            seen.add(parent)
            depth += 1
            parent = self.by_id[parent].parent_id
        return depth

    def _import(self, item):
        handler = {
            "attachment": self._attachment,
            "tribe_venue": self._venue,
            "tribe_organizer": self._organizer,
            "page": self._page,
            "post": self._post,
            "tribe_events": self._event,
        }[item.post_type]
        handler(item)

    # Topics --------------------------------------------------------------------------

    def _topics(self):
        from publications.models import Topic

        terms = {(term.slug): term.name for term in self.export.terms}
        for item in self.export.items:
            for term in item.terms:
                terms.setdefault(term.slug, term.name)
        existing = {topic.slug: topic for topic in Topic.objects.filter(slug__in=terms)}
        for slug, name in terms.items():
            slug = slugify(slug)[:80] or None
            if slug is None:
                continue
            topic = existing.get(slug)
            if topic is None:
                topic = Topic.objects.filter(name=name[:80]).first()
            if topic is None:
                topic = Topic.objects.create(slug=slug, name=_unique_topic_name(name[:80]))
                self.summary.count("topic", "created")
            else:
                self.summary.count("topic", "unchanged")
            self.topics[slug] = topic

    def _item_topics(self, item):
        topics = {self.topics.get(slugify(term.slug)) for term in item.terms}
        # A category that only says where a post goes (news, publications) is no topic.
        routing = {
            slugify(slug)
            for group in ("news", "publications")
            for slug in self.mapping["posts"][group]
        }
        return [topic for topic in topics if topic is not None and topic.slug not in routing]

    # Files ---------------------------------------------------------------------------

    def _attachment(self, item):
        url = item.attachment_url or item.guid
        relative = item.meta.get("_wp_attached_file") or _uploads_relative(url)
        extension = Path(relative).suffix.lower().lstrip(".")
        old_path = normalise_path(urlparse(url).path) if url else ""
        kind = "image" if extension in IMAGE_EXTENSIONS else "document"
        if extension not in IMAGE_EXTENSIONS | DOCUMENT_EXTENSIONS:
            self.summary.skipped.append(
                (
                    item.post_id,
                    item.title,
                    f"a .{extension or '?'} file, not an image or document the site keeps",
                )
            )
            return
        record = self.known.get(("attachment", item.post_id))
        alt = item.meta.get("_wp_attachment_image_alt", "").strip()
        if record is not None and record.target is not None:
            self._remember_file(kind, old_path, record.object_id, alt)
            self.summary.count(kind, "unchanged")
            return
        source = self._upload(relative)
        if source is None:
            self.summary.missing_files.append(f"{relative or url} (attachment #{item.post_id})")
            return
        data = source.read_bytes()
        title = (item.title or Path(relative).stem)[:255]
        if self.dry_run:
            self.summary.count(kind, "created")
            self._remember_file(kind, old_path, 0, alt)
            return
        try:
            obj = (
                self._image(title, source.name, data, alt)
                if kind == "image"
                else self._document(title, source.name, data)
            )
        except ValidationError as error:
            self.summary.skipped.append(
                (item.post_id, item.title, f"the file was refused: {' '.join(error.messages)}")
            )
            return
        self._record("attachment", item, obj)
        self._index_later(obj)
        self._remember_file(kind, old_path, obj.pk, alt)
        self.summary.count(kind, "created")

    def _remember_file(self, kind, old_path, pk, alt):
        if not old_path:
            return
        if kind == "image":
            self.images[old_path] = (pk, alt)
        else:
            self.files[old_path] = pk

    def _upload(self, relative):
        """The file under ``--uploads``, never outside it; None when it is not there."""
        if self.uploads is None or not relative:
            return None
        candidate = (self.uploads / relative.lstrip("/")).resolve()
        if self.uploads not in candidate.parents or not candidate.is_file():
            return None
        return candidate

    def _image(self, title, name, data, alt):
        upload = ContentFile(data, name=name)
        clean = sanitize_image(upload)
        image = get_image_model()(title=title, description=alt[:255])
        image.file.save(Path(name).name, clean, save=False)
        image.save()
        return image

    def _document(self, title, name, data):
        upload = ContentFile(data, name=name)
        problem = document_content_problem(upload)
        if problem:
            raise ValidationError(problem)
        document = get_document_model()(title=title)
        document.file.save(Path(name).name, upload, save=False)
        document.file_size = len(data)
        document.save()
        return document

    # Venues and organizers -----------------------------------------------------------

    def _venue(self, item):
        from events.models import Venue

        meta = item.meta
        city = ", ".join(
            part
            for part in (
                meta.get("_VenueCity", "").strip(),
                (meta.get("_VenueStateProvince") or meta.get("_VenueState", "")).strip(),
            )
            if part
        )
        fields = {
            "name": (item.title or "Venue")[:200],
            "address": meta.get("_VenueAddress", "").strip()[:250],
            "city": (city or meta.get("_VenueCountry", "").strip() or "Unknown")[:120],
        }
        record = self.known.get(("tribe_venue", item.post_id))
        venue = record.target if record is not None else None
        if venue is None:
            venue = Venue.objects.filter(name=fields["name"], city=fields["city"]).first()
        if venue is None:
            venue = Venue.objects.create(**fields)
            self._index_later(venue)
            self.summary.count("venue", "created")
        else:
            self.summary.count("venue", "unchanged")
        self._record("tribe_venue", item, venue)
        self.venues.add(venue.pk)

    def _organizer(self, item):
        self.summary.count("organizer (named on its events)", "read")

    # Pages ---------------------------------------------------------------------------

    def _page(self, item):
        parent = self.home
        parent_record = self.known.get(("page", item.parent_id)) if item.parent_id else None
        if parent_record is not None and parent_record.target is not None:
            parent = parent_record.target.specific
        self._save_page(
            item,
            "page",
            "standard page",
            StandardPage,
            parent,
            {"introduction": _plain(item.excerpt)},
        )

    def _post(self, item):
        category_slugs = {term.slug for term in item.terms if term.kind == "category"}
        goes_to = self.mapping["posts"]["default"]
        for group in ("publications", "news"):
            if category_slugs & set(self.mapping["posts"][group]):
                goes_to = group
                break
        date = _local_date(item.post_date)
        summary = _plain(item.excerpt) or _words(item.content, 40)
        if goes_to == "publications":
            from publications.models import PublicationIndexPage, PublicationPage, PublicationType

            parent = self._index(PublicationIndexPage, "publications", "Publications")
            if self.publication_type is None:
                settings = self.mapping["publications"]
                self.publication_type = PublicationType.objects.get_or_create(
                    slug=settings["type"], defaults={"name": settings["type_name"]}
                )[0]
            fields = {
                "publication_type": self.publication_type,
                "publication_date": date,
                "abstract": summary,
            }
            self._save_page(item, "post", "publication", PublicationPage, parent, fields)
        else:
            from news.models import NewsIndexPage, NewsPage

            parent = self._index(NewsIndexPage, "news", "News")
            self._save_page(
                item, "post", "news item", NewsPage, parent, {"date": date, "summary": summary}
            )

    def _event(self, item):
        from events.models import EventIndexPage, EventPage

        meta = item.meta
        zone_name = meta.get("_EventTimezone", "").strip()
        try:
            zone = zoneinfo.ZoneInfo(zone_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            fallback = self.mapping["events"]["time_zone"]
            if zone_name:
                self.summary.warnings.append(
                    f"event #{item.post_id}: time zone “{zone_name}” is not a place name; "
                    f"read in {fallback}"
                )
            zone_name, zone = fallback, zoneinfo.ZoneInfo(fallback)
        start = _wall_clock(meta.get("_EventStartDate"), zone)
        end = _wall_clock(meta.get("_EventEndDate"), zone) or start
        if start is None:
            self.summary.skipped.append((item.post_id, item.title, "an event without a start date"))
            return
        if meta.get("_EventAllDay") == "yes" and end == start:
            end = start + datetime.timedelta(hours=23, minutes=59)
        venue_record = self.known.get(("tribe_venue", _int(meta.get("_EventVenueID"))))
        parent = self._index(EventIndexPage, "events", "Events")
        fields = {
            "summary": _plain(item.excerpt) or _words(item.content, 40) or item.title,
            "start": start,
            "end": max(end, start),
            "time_zone": zone_name,
            "venue_id": venue_record.object_id
            if venue_record is not None and venue_record.object_id in self.venues
            else None,
            "registration_url": meta.get("_EventURL", "").strip()[:200]
            if meta.get("_EventURL", "").startswith("http")
            else "",
        }
        self._save_page(
            item, "tribe_events", "event", EventPage, parent, fields, body_field="description"
        )

    def _organizers(self, item):
        ids = [_int(value) for key, value in item.meta.items() if key == "_EventOrganizerID"]
        return [self.by_id[pk].title for pk in ids if pk in self.by_id and self.by_id[pk].title]

    def _index(self, model, slug, title):
        """The site's index of that type below the home page, made as a draft when missing;
        looked up once (the same object then receives every child)."""
        if model in self.indexes:
            return self.indexes[model]
        found = (
            model.objects.child_of(self.home).first()
            or model.objects.descendant_of(self.home).first()
        )
        if found is None:
            found = model(title=title, slug=self._free_slug(self.home, slug), live=False)
            self.home.add_child(instance=found)
            found.save_revision()
            self.summary.count(f"{model._meta.verbose_name}", "created")
        self.indexes[model] = found
        return found

    def _save_page(self, item, kind, label, model, parent, fields, body_field="body"):
        record = self.known.get((kind, item.post_id))
        exists = record is not None and record.object_id in self.existing_pages
        fingerprint = _fingerprint(item)
        title = item.title.strip()
        if not title:
            title = f"Untitled {label} (WordPress #{item.post_id})"
            self.summary.warnings.append(f"#{item.post_id} had no title; called “{title}”")
        if exists and record.fingerprint == fingerprint:
            self._remember_page(item, record.object_id)
            self.summary.count(label, "unchanged")
            return
        # Converted now, with the links whose targets are already in; converted again at
        # the end only if it links to an item further down the export.
        missed_before = self.resolver.missed
        blocks, warnings = self._body(item, title)
        relink = self.resolver.missed > missed_before
        if exists:
            page = Page.objects.get(pk=record.object_id).specific
            page.title = title
            for name, value in fields.items():
                setattr(page, name, value)
            outcome = "updated"
        else:
            slug = self._free_slug(
                parent, slugify(item.slug or title)[:200] or f"{kind}-{item.post_id}"
            )
            page = model(title=title, slug=slug, live=False, **fields)
            if item.status == "publish":
                page.first_published_at = _gmt(item.post_date_gmt)
            outcome = "created"
        setattr(page, body_field, json.dumps(blocks))
        if hasattr(page, "topics"):
            page.topics = self._item_topics(item)
        self._authors(item, page)
        if exists:
            page.save()
        else:
            parent.add_child(instance=page)
        self._record(kind, item, page, fingerprint)
        self._remember_page(item, page.pk)
        if relink:
            self.relinked.append((item, page.pk, body_field, kind))
        else:
            self._finish(item, page, blocks, warnings)
        self.summary.count(label, outcome)

    def _body(self, item, title):
        """The item's content as raw StreamField data (as the database holds it: ids, not
        objects), and what the conversion noted."""
        converted = self.converter.convert(item.content, title=title)
        blocks = converted.blocks
        organizers = self._organizers(item) if item.post_type == "tribe_events" else []
        if organizers:
            blocks = [
                (
                    "rich_text",
                    f"<p>Organized by {', '.join(_escape(name) for name in organizers)}.</p>",
                )
            ] + blocks
        return [{"type": kind, "value": value} for kind, value in blocks], converted.warnings

    def _finish(self, item, page, blocks, warnings):
        """The page's revision, published when asked for and WordPress had published it."""
        for warning in warnings:
            self.summary.warnings.append(f"#{item.post_id} “{page.title}”: {warning}")
        revision = page.save_revision(clean=False)
        if self.publish and item.status == "publish" and not item.password:
            revision.publish()
            if any(block["type"] == "figure" for block in blocks):
                self.published_with_images.append(page.pk)
        self._index_later(page)

    def _authors(self, item, page):
        if not hasattr(page, "authors") or not item.creator:
            return
        from community.models import Person
        from publications.models import PublicationAuthor

        name = self.export.authors.get(item.creator, item.creator)
        if name.lower() not in self.people:
            self.people[name.lower()] = Person.objects.filter(name__iexact=name).first()
        person = self.people[name.lower()]
        page.authors = [
            PublicationAuthor(person=person) if person else PublicationAuthor(name=name[:200])
        ]

    def _remember_page(self, item, page_id):
        self.post_pages[item.post_id] = page_id
        if item.link:
            self.paths[normalise_path(urlparse(item.link).path)] = page_id

    # Second pass: bodies linking to items further down the export --------------------

    def _relink(self):
        """Convert again, now that every link has a target, the bodies that linked ahead."""
        if self.relinked:
            self.progress(f"  {len(self.relinked):,} pages linking ahead converted again")
        for start in range(0, len(self.relinked), BATCH):
            batch = self.relinked[start : start + BATCH]
            pages = Page.objects.filter(pk__in=[pk for _item, pk, *_rest in batch]).specific()
            pages = {page.pk: page for page in pages}
            for item, page_id, body_field, _kind in batch:
                page = pages[page_id]
                blocks, warnings = self._body(item, page.title)
                setattr(page, body_field, json.dumps(blocks))
                # Only the body changes: its slug and title were checked when it was added.
                page.save(clean=False, update_fields=[body_field])
                self._finish(item, page, blocks, warnings)

    def _index_later(self, obj):
        self.to_index.setdefault(type(obj), set()).add(obj.pk)

    def _update_indexes(self):
        """The search index and Wagtail's reference index, for everything made or changed,
        read back in batches (never all in memory at once)."""
        if self.dry_run:
            return
        done = 0
        for model, ids in self.to_index.items():
            ids = sorted(ids)
            for start in range(0, len(ids), BATCH):
                objects = list(model._default_manager.filter(pk__in=ids[start : start + BATCH]))
                for obj in objects:
                    ReferenceIndex.create_or_update_for_object(obj)
                if issubclass(model, index.Indexed):
                    for backend in self.search_backends:
                        backend.add_bulk(model, objects)
                done += len(objects)
        self.progress(f"  {done:,} items indexed for search")

    # Redirects -----------------------------------------------------------------------

    def _redirects(self, items):
        """Every old address to its new page or file: the site's redirects read once, the
        new ones inserted in batches."""
        site = Site.objects.filter(is_default_site=True).first()
        self.redirects = {
            old_path: (pk, page_id, link)
            for old_path, pk, page_id, link in Redirect.objects.filter(site=site).values_list(
                "old_path", "pk", "redirect_page_id", "redirect_link"
            )
        }
        self.new_redirects = {}  # old path -> an unsaved Redirect
        documents = get_document_model().objects.in_bulk({pk for pk in self.files.values() if pk})
        events = self._index_if_any("events.EventIndexPage")
        for item in items:
            page_id = self.post_pages.get(item.post_id)
            paths = set()
            if item.link and self._is_old_site(item.link):
                parsed = urlparse(item.link)
                paths.add(parsed.path + (f"?{parsed.query}" if parsed.query else ""))
            if page_id:
                paths.add(f"/?p={item.post_id}")
                if item.post_type == "page":
                    paths.add(f"/?page_id={item.post_id}")
                self._redirect(paths, site, page_id=page_id)
            elif item.post_type == "attachment":
                self._attachment_redirects(item, paths, site, documents)
            elif item.post_type == "tribe_venue" and events is not None:
                self._redirect(paths, site, page_id=events.pk)
        if not self.dry_run:
            Redirect.objects.bulk_create(self.new_redirects.values(), batch_size=BATCH)

    def _attachment_redirects(self, item, paths, site, documents):
        url = item.attachment_url or item.guid
        old_path = normalise_path(urlparse(url).path) if url else ""
        paths.add(f"/?attachment_id={item.post_id}")
        if old_path in self.files and self.files[old_path]:
            document = documents.get(self.files[old_path])
            if document is not None:
                self._redirect(paths | {urlparse(url).path}, site, link=document.url)
        elif item.parent_id in self.post_pages:
            # An image's page and file lead to the page that shows it (originals are never linked).
            self._redirect(
                paths | {urlparse(url).path}, site, page_id=self.post_pages[item.parent_id]
            )

    def _index_if_any(self, label):
        from django.apps import apps

        model = apps.get_model(label)
        return model.objects.descendant_of(self.home).first()

    def _redirect(self, paths, site, *, page_id=None, link=""):
        for path in paths:
            old_path = Redirect.normalise_path(path)
            if not old_path or old_path == "/":
                continue
            target = {"redirect_page_id": page_id, "redirect_link": link, "is_permanent": True}
            if old_path in self.new_redirects:
                redirect = self.new_redirects[old_path]
                for name, value in target.items():
                    setattr(redirect, name, value)
                continue  # counted when first seen
            existing = self.redirects.get(old_path)
            if existing is None:
                self.new_redirects[old_path] = Redirect(old_path=old_path, site=site, **target)
                self.summary.count("redirect", "created")
            elif existing[1:] != (page_id, link):
                Redirect.objects.filter(pk=existing[0]).update(**target)
                self.redirects[old_path] = (existing[0], page_id, link)
                self.summary.count("redirect", "created")
            else:
                self.summary.count("redirect", "unchanged")

    def _is_old_site(self, url):
        host = urlparse(url).netloc.lower()
        return not host or not self.site_host or host == self.site_host

    # Records -------------------------------------------------------------------------

    def _record(self, kind, item, obj, fingerprint=""):
        if isinstance(obj, Page):
            content_type = ContentType.objects.get_for_model(Page)
        else:
            content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        values = {
            "guid": item.guid[:500],
            "content_type": content_type,
            "object_id": obj.pk,
            "fingerprint": fingerprint,
        }
        record = self.known.get((kind, item.post_id))
        if record is None:
            record = ImportedItem.objects.create(kind=kind, wordpress_id=item.post_id, **values)
        elif any(getattr(record, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(record, name, value)
            record.save()
        self.known[(kind, item.post_id)] = record
        return record

    def _free_slug(self, parent, slug):
        """``slug``, or ``slug-2``, ``-3``... if a child of ``parent`` has it already (its
        children's slugs read once, then kept up to date)."""
        taken = self.slugs.get(parent.pk)
        if taken is None:
            taken = set(Page.objects.child_of(parent).values_list("slug", flat=True))
            self.slugs[parent.pk] = taken
        free, number = slug, 2
        while free in taken:
            free = f"{slug}-{number}"
            number += 1
        taken.add(free)
        return free


# Helpers ----------------------------------------------------------------------------


def search_auto_update_paused():
    """Every search backend's automatic updates off for the import (Wagtail reads the
    setting at each save); the importer indexes what it made in bulk at the end."""
    backends = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    return override_settings(WAGTAILSEARCH_BACKENDS=backends)


class HeldTasks:
    """The background tasks the import's saves enqueued, held back: the search index's (one
    per save of every object, which would re-index each page two or three times after the
    import) are dropped, as the importer indexes everything once at the end; any other
    (an image's focal point) is enqueued on the site's own backend when the import is done."""

    def __init__(self):
        from modelsearch.tasks import insert_or_update_object_task

        self.dropped = {insert_or_update_object_task.module_path}
        self.kept = []
        self.backend = None

    def sort(self):
        for result in self.backend.results:
            if result.task.module_path not in self.dropped:
                self.kept.append((result.task, result.args, result.kwargs))
        self.backend.clear()

    def enqueue(self):
        for task, args, kwargs in self.kept:
            task.enqueue(*args, **kwargs)
        self.kept = []


@contextmanager
def tasks_held():
    """Tasks go to django-tasks' DummyBackend (which only keeps them) during the import."""
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

    held = HeldTasks()
    dummy = {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    with override_settings(TASKS={**settings.TASKS, DEFAULT_TASK_BACKEND_ALIAS: dummy}):
        held.backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
        yield held


def _site_root():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ValueError("The site has no default Site and home page to import under.")
    return site.root_page.specific


def _merge(base, override):
    merged = {key: dict(value) for key, value in base.items()}
    for key, value in override.items():
        merged.setdefault(key, {}).update(value)
    return merged


def _fingerprint(item):
    data = [
        VERSION,
        item.post_type,
        item.status,
        item.title,
        item.slug,
        item.content,
        item.excerpt,
        item.parent_id,
        item.password,
        sorted(item.meta.items()),
        sorted((term.kind, term.slug) for term in item.terms),
    ]
    return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()


def _plain(html):
    return re.sub(r"\s+", " ", strip_tags(html or "")).strip()


def _words(html, count):
    text = _plain(
        re.sub(r"\[/?[a-zA-Z][^\]]*\]", " ", re.sub(r"<!--.*?-->", " ", html or "", flags=re.S))
    )
    return Truncator(text).words(count)


def _escape(text):
    from django.utils.html import escape

    return escape(text)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _local_date(value):
    try:
        return datetime.datetime.strptime(value[:10], "%Y-%m-%d").date()
    except (TypeError, ValueError):
        return timezone.localdate()


def _gmt(value):
    try:
        moment = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except (TypeError, ValueError):
        return None
    if moment.year < 1971:  # WordPress writes 0000-00-00 00:00:00 for drafts
        return None
    return moment.replace(tzinfo=datetime.UTC)


def _wall_clock(value, zone):
    """An event's local date and time in its zone (DST taken from the date itself)."""
    value = (value or "").strip()
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(value, pattern).replace(tzinfo=zone)
        except ValueError:
            continue
    return None


def _uploads_relative(url):
    path = urlparse(url or "").path
    marker = "/wp-content/uploads/"
    return path.split(marker, 1)[1] if marker in path else ""


def _unique_topic_name(name):
    from publications.models import Topic

    if not Topic.objects.filter(name=name).exists():
        return name
    return f"{name} (WordPress)"[:80]
