"""Building blocks for each app's demo content (``<app>/demo.py``).

Everything here is idempotent: running the demo twice finds what the first run made and
changes nothing. Images are drawn with Pillow and PDFs written with fpdf2, so nothing is
downloaded.
"""

import hashlib
import io
import math
import random
import uuid
import wave
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connections, router, transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

PALETTES = [
    ["#0b4f6c", "#f2c14e", "#f78154", "#4d9078", "#b4436c"],
    ["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51"],
    ["#22223b", "#4a4e69", "#9a8c98", "#c9ada7", "#f2e9e4"],
    ["#003049", "#d62828", "#f77f00", "#fcbf49", "#eae2b7"],
    ["#1b4332", "#40916c", "#95d5b2", "#d8f3dc", "#081c15"],
    ["#3d405b", "#e07a5f", "#f4f1de", "#81b29a", "#f2cc8f"],
]


# Plain names for the palettes' colours, which the alt text of a generated image uses.
COLOUR_NAMES = {
    "#0b4f6c": "deep blue",
    "#f2c14e": "saffron yellow",
    "#f78154": "coral",
    "#4d9078": "sage green",
    "#b4436c": "raspberry pink",
    "#264653": "dark teal",
    "#2a9d8f": "teal",
    "#e9c46a": "sand yellow",
    "#f4a261": "apricot",
    "#e76f51": "burnt orange",
    "#22223b": "navy",
    "#4a4e69": "slate blue",
    "#9a8c98": "mauve",
    "#c9ada7": "dusty pink",
    "#f2e9e4": "off-white",
    "#003049": "midnight blue",
    "#d62828": "red",
    "#f77f00": "orange",
    "#fcbf49": "amber",
    "#eae2b7": "cream",
    "#1b4332": "forest green",
    "#40916c": "green",
    "#95d5b2": "mint green",
    "#d8f3dc": "pale mint",
    "#081c15": "near-black green",
    "#3d405b": "dark slate",
    "#e07a5f": "terracotta",
    "#f4f1de": "ivory",
    "#81b29a": "soft green",
    "#f2cc8f": "pale gold",
}
NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen"]  # fmt: skip
# A colour counts as visible in a generated image from this share of its pixels.
VISIBLE_SHARE = 0.005

# ``load_demo_content --large``: the size at which listings and search are benchmarked.
LARGE_TOTALS = {"publications": 10_000, "events": 2_000, "artworks": 1_000, "organizations": 1_000}


class DemoBuilder:
    """Shared state of one demo run: output, size, and idempotent creators.

    The size is either a multiplier (``scale``: every kind of synthetic content grows with
    it) or explicit ``totals`` per kind (``{"publications": 10_000, ...}``); a total, when
    given, wins over the multiplier for its kind.
    """

    def __init__(self, stdout=None, scale=1, totals=None):
        self.stdout = stdout
        self.scale = max(1, int(scale))
        self.totals = {
            kind: max(0, int(total)) for kind, total in (totals or {}).items() if total is not None
        }

    @property
    def is_scaled(self):
        """True when synthetic content is asked for (benchmarks), by scale or by totals."""
        return self.scale > 1 or any(self.totals.values())

    def synthetic_count(self, kind, seed_count, per_scale=None):
        """How many synthetic items of ``kind`` to add next to ``seed_count`` real ones.

        With an explicit total it is the difference (never below zero); otherwise
        ``scale - 1`` times ``per_scale`` (by default, times the seed count).
        """
        if kind in self.totals:
            return max(0, self.totals[kind] - seed_count)
        unit = seed_count if per_scale is None else per_scale
        return (self.scale - 1) * unit

    def synthetic_children_count(self, kind, parent, model, prefix, per_scale=None):
        """``synthetic_count`` for pages: the real ones are the live ``model`` children of
        ``parent`` whose slugs do not start with the synthetic ``prefix``."""
        real = model.objects.child_of(parent).live().exclude(slug__startswith=prefix).count()
        return self.synthetic_count(kind, real, per_scale=per_scale)

    def home_page(self):
        return site_root()

    def say(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    # Pages -------------------------------------------------------------------------------

    def page(self, parent, model, slug, **fields):
        """The live child of ``parent`` with ``slug``, created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def add_to_navigation(self, page, label, *, footer=True, position=None):
        """Put a content app's index page in the menus, once (last, or at ``position``)."""
        from wagtail.models import Site

        from core.models import SiteSettings

        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        changed = False
        for stream_name in ["main_navigation"] + (["footer_navigation"] if footer else []):
            stream = getattr(site_settings, stream_name)
            if any(
                block.value.get("page") and block.value["page"].pk == page.pk for block in stream
            ):
                continue
            link = ("link", {"label": label, "page": page, "url": ""})
            if position is None:
                stream.append(link)
            else:
                stream.insert(position, link)
            changed = True
        if changed:
            site_settings.save()

    # Media -------------------------------------------------------------------------------

    def image(self, title, *, seed=None, width=1200, height=800, style="bands"):
        """A generated abstract image, found again by its title on later runs."""
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing is not None:
            return existing
        content = draw_abstract(seed or title, width, height, style)
        name = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12] + ".png"
        image = Image(title=title)
        image.file.save(name, ImageFile(io.BytesIO(content), name=name), save=False)
        image.save()
        return image

    def media(self, title, content, extension, *, media_type="audio", duration=None):
        """An uploaded recording (wagtailmedia), found again by its title on later runs."""
        from wagtailmedia import get_media_model

        Media = get_media_model()
        existing = Media.objects.filter(title=title).first()
        if existing is not None:
            return existing
        name = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12]
        media = Media(title=title, type=media_type, duration=duration)
        media.file.save(f"{name}.{extension}", ContentFile(content), save=False)
        media.save()
        return media

    def document(self, title, paragraphs, *, heading=None):
        """A generated PDF whose text is real and extractable."""
        Document = get_document_model()
        existing = Document.objects.filter(title=title).first()
        if existing is not None:
            return existing
        content = write_pdf(heading or title, paragraphs)
        name = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12] + ".pdf"
        document = Document(title=title)
        document.file.save(name, ContentFile(content), save=False)
        document.file_size = len(content)
        document.save()
        return document


@dataclass
class Composition:
    """A generated abstract image as parameters: what draws it and what its alt text says."""

    style: str
    width: int
    height: int
    background: str
    shapes: list = field(default_factory=list)  # (kind, geometry, colour)
    columns: int = 0
    rows: int = 0


def compose_abstract(seed, width, height, style="bands"):
    """The composition for ``seed`` (the same seed always gives the same picture)."""
    rng = random.Random(str(seed))
    palette = rng.choice(PALETTES)
    composition = Composition(style, width, height, palette[0])
    add = composition.shapes.append
    if style == "circles":
        for _ in range(14):
            radius = rng.randint(height // 12, height // 3)
            x, y = rng.randint(0, width), rng.randint(0, height)
            box = (x - radius, y - radius, x + radius, y + radius)
            add(("disc", box, rng.choice(palette[1:])))
    elif style == "grid":
        cell = max(width, height) // rng.randint(5, 9)
        columns, rows = range(0, width, cell), range(0, height, cell)
        composition.columns, composition.rows = len(columns), len(rows)
        for x in columns:
            for y in rows:
                add(("square", (x + 4, y + 4, x + cell - 4, y + cell - 4), rng.choice(palette)))
    elif style == "waves":
        for band in range(10):
            top = band * height // 10
            points = [
                (x, top + int(rng.uniform(-1, 1) * height / 14)) for x in range(0, width + 80, 80)
            ]
            add(("line", points, rng.choice(palette[1:])))
    else:
        x = 0
        while x < width:
            band = rng.randint(width // 20, width // 6)
            add(("band", (x, 0, x + band, height), rng.choice(palette)))
            x += band
        for _ in range(4):
            radius = rng.randint(height // 10, height // 4)
            cx, cy = rng.randint(0, width), rng.randint(0, height)
            add(("ring", (cx - radius, cy - radius, cx + radius, cy + radius), palette[-1]))
    return composition


def render_abstract(composition):
    """The composition drawn on a Pillow canvas."""
    canvas = PILImage.new("RGB", (composition.width, composition.height), composition.background)
    draw = ImageDraw.Draw(canvas)
    for kind, geometry, colour in composition.shapes:
        if kind == "disc":
            draw.ellipse(geometry, fill=colour)
        elif kind == "ring":
            draw.ellipse(geometry, outline=colour, width=8)
        elif kind == "line":
            draw.line(geometry, fill=colour, width=max(6, composition.height // 30))
        else:
            draw.rectangle(geometry, fill=colour)
    return canvas


def draw_abstract(seed, width, height, style="bands"):
    """An abstract composition that differs for every seed (PNG bytes)."""
    output = io.BytesIO()
    render_abstract(compose_abstract(seed, width, height, style)).save(
        output, format="PNG", optimize=True
    )
    return output.getvalue()


def colour_shares(canvas):
    """``{"#rrggbb": share of the pixels}`` of a canvas, largest first."""
    total = canvas.width * canvas.height
    counts = canvas.convert("RGB").getcolors(maxcolors=total)
    shares = {"#{:02x}{:02x}{:02x}".format(*rgb): count / total for count, rgb in counts}
    return dict(sorted(shares.items(), key=lambda item: -item[1]))


def describe_abstract(seed, width, height, style="bands"):
    """``(alt text, long description)`` of the image ``draw_abstract`` makes from the same
    parameters: its shapes from the composition, its colours (named, largest first) from
    the pixels those shapes leave visible."""
    composition = compose_abstract(seed, width, height, style)
    shares = colour_shares(render_abstract(composition))
    visible = [colour for colour, share in shares.items() if share >= VISIBLE_SHARE]

    def named(colours):
        names = list(dict.fromkeys(COLOUR_NAMES[c] for c in visible if c in colours))
        names = names or sorted(COLOUR_NAMES[c] for c in colours)
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    kinds = {
        kind: {c for k, _g, c in composition.shapes if k == kind} for kind, *_ in composition.shapes
    }
    background = COLOUR_NAMES[composition.background]
    if style == "circles":
        count = len(composition.shapes)
        alt = (
            f"{NUMBER_WORDS[count].capitalize()} overlapping discs of {named(kinds['disc'])} "
            f"on a {background} background."
        )
    elif style == "grid":
        alt = (
            f"A grid of {composition.columns} by {composition.rows} squares in "
            f"{named(kinds['square'])}, separated by thin {background} lines."
        )
    elif style == "waves":
        alt = (
            f"{NUMBER_WORDS[len(composition.shapes)].capitalize()} wavy horizontal lines of "
            f"{named(kinds['line'])} across a {background} background."
        )
    else:
        rings = kinds["ring"]
        alt = (
            f"Vertical bands of {named(kinds['band'])} side by side, with "
            f"{NUMBER_WORDS[len([s for s in composition.shapes if s[0] == 'ring'])]} thin "
            f"{COLOUR_NAMES[next(iter(rings))]} ring outlines drawn over them."
        )
    alt = "Abstract image: " + alt[0].lower() + alt[1:]
    by_area = ", ".join(
        f"{COLOUR_NAMES[colour]} about {max(1, round(shares[colour] * 100))}%" for colour in visible
    )
    shape = "wider than it is tall" if width > height else "taller than it is wide"
    if width == height:
        shape = "square"
    long_description = (
        f"{alt} Nothing in it is figurative: there are no people, objects or words. "
        f"Colours by the area they cover: {by_area}. The picture is {shape}."
    )
    return alt, long_description


def write_pdf(heading, paragraphs):
    """A small text PDF (bytes) made with fpdf2."""
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.set_title(heading)
    pdf.set_author("National Academy of Medicine")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, _latin1(heading))
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, _latin1(paragraph))
        pdf.ln(3)
    return bytes(pdf.output())


def _latin1(text):
    """The core PDF fonts know Latin-1 only; keep typographic punctuation readable."""
    replacements = {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
    }
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text.encode("latin-1", "replace").decode("latin-1")


def site_root():
    """The home page of the default site, made (as Wagtail's placeholder's successor) on a
    fresh database."""
    from wagtail.models import Site

    from core.sites import site_address
    from home.models import HomePage

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    # Wagtail's fresh database holds a "Welcome" placeholder page; the home page replaces it.
    for placeholder in Page.objects.child_of(root).filter(content_type__model="page"):
        if not placeholder.get_children().exists():
            placeholder.delete()
    home = HomePage(
        title="Home",
        slug="home",
        hero_heading="Clinician well-being is essential for safe, high-quality patient care",
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site_name = "Clinician Well-Being Collaborative"
    if site is None:
        hostname, port = site_address()
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name=site_name
        )
    else:
        site.root_page = home
        site.site_name = site_name
        site.save()
    return home


def child_of_type(parent, model):
    return Page.objects.child_of(parent).type(model).first()


# Pages in bulk (benchmark sizes) ----------------------------------------------------------


def child_slugs(parent, prefix=""):
    """The slugs already taken by children of ``parent`` (those starting with ``prefix``)."""
    children = Page.objects.child_of(parent)
    if prefix:
        children = children.filter(slug__startswith=prefix)
    return set(children.values_list("slug", flat=True))


def path_step(number):
    """One step of a page's tree path: ``number`` in the tree's alphabet, ``steplen`` long."""
    alphabet, digits = Page.alphabet, []
    while number:
        number, digit = divmod(number, len(alphabet))
        digits.append(alphabet[digit])
    return "".join(reversed(digits)).rjust(Page.steplen, alphabet[0])


def path_step_number(step):
    number = 0
    for character in step:
        number = number * len(Page.alphabet) + Page.alphabet.index(character)
    return number


def bulk_add_children(parent, pages, *, batch_size=500):
    """Insert unsaved specific pages (``EventPage(title=..., slug=..., ...)``) as live
    children of ``parent``, after its last child, a few INSERTs a batch.

    What ``add_child`` and publishing would set is filled in here: the tree path, depth and
    URL path, the draft title, the content type of each page's own model, the parent's
    locale, a new translation key, and the publication dates (now, unless given). Then the
    ``wagtailcore_page`` rows go in with ``bulk_create`` (SQLite and PostgreSQL return the
    new ids) and each model's own rows with one INSERT run for all of them, since Django's
    ``bulk_create`` refuses multi-table models. No revisions are made, no signals are sent
    and the search index is not updated: the caller rebuilds what it needs.

    The slugs must be new among the parent's children (see ``child_slugs``). Each page comes
    back with its primary key set, ready for rows that point at it (M2M links, inlines);
    the parent's ``numchild`` is brought up to date once, in the database and on the
    instance passed in (treebeard reads it when a child is next added).
    """
    pages = list(pages)
    if not pages:
        return pages
    for page in pages:
        if page.id is not None or type(page)._meta.get_parent_list() != [Page]:
            raise ValueError(f"{page!r}: only unsaved pages of direct subclasses of Page.")
    children = dict(Page.objects.child_of(parent).values_list("slug", "path"))
    slugs = [page.slug for page in pages]
    if len(set(slugs)) < len(slugs) or not children.keys().isdisjoint(slugs):
        raise ValueError(f"The new children of {parent} need slugs of their own.")

    tree = Page.objects.values("path", "depth", "url_path", "locale_id").get(pk=parent.pk)
    last_path = max(children.values(), default=None)
    first_step = path_step_number(last_path[-Page.steplen :]) + 1 if last_path else 1
    depth = tree["depth"] + 1
    models = list(dict.fromkeys(type(page) for page in pages))
    content_types = ContentType.objects.get_for_models(*models)
    now = timezone.now()
    for step, page in enumerate(pages, start=first_step):
        page.path = tree["path"] + path_step(step)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{tree['url_path']}{page.slug}/"
        page.draft_title = page.title
        page.content_type = content_types[type(page)]
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.last_published_at or page.first_published_at
        page.locale_id = tree["locale_id"]
        page.translation_key = uuid.uuid4()

    using = router.db_for_write(Page)
    connection = connections[using]
    with transaction.atomic(using=using):
        # The base rows: Page's own fields, read from the specific instances as they are.
        Page.objects.using(using).bulk_create(pages, batch_size=batch_size)
        for page in pages:
            if page.id is None:
                raise RuntimeError("The database did not return the ids of the new pages.")
            page.pk = page.id  # the specific model's page_ptr_id
        # The specific rows (in the site's own tables; Django's bulk_create refuses models
        # that extend another): each model's own columns, its fields preparing the values.
        for model in models:
            fields = model._meta.local_concrete_fields
            columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
            placeholders = ", ".join(["%s"] * len(fields))
            table = connection.ops.quote_name(model._meta.db_table)
            sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
            rows = [
                [
                    field.get_db_prep_save(getattr(page, field.attname), connection)
                    for field in fields
                ]
                for page in pages
                if type(page) is model
            ]
            with connection.cursor() as cursor:
                cursor.executemany(sql, rows)
        numchild = Page.objects.child_of(parent).count()
        Page.objects.filter(pk=parent.pk).update(numchild=numchild)
    parent.numchild = numchild
    return pages


# Sound ------------------------------------------------------------------------------------


def _tone(samples, rate, start, length, frequency, volume):
    """Add a piano-like note (a tone with two overtones that fades) into ``samples``."""
    first = int(start * rate)
    count = min(int(length * rate), len(samples) - first)
    for n in range(count):
        t = n / rate
        envelope = math.exp(-3.0 * t / length) * min(1.0, t * 200)
        wave = (
            math.sin(2 * math.pi * frequency * t)
            + 0.4 * math.sin(4 * math.pi * frequency * t)
            + 0.15 * math.sin(6 * math.pi * frequency * t)
        )
        samples[first + n] += volume * envelope * wave


# What the demo piece plays, and when: its captions and transcript describe exactly this.
NOCTURNE_SECONDS = 12
NOCTURNE_PAGER_TIMES = [0.2, 0.9, 2.1, 2.5, 3.4, 4.6, 5.9, 7.0]
NOCTURNE_MELODY = [  # start, length, frequency (A3, C4, E4, D4, C4, then the high notes)
    (4.0, 1.4, 220.0),
    (5.0, 1.4, 261.6),
    (6.0, 1.4, 329.6),
    (7.0, 1.4, 293.7),
    (8.0, 1.2, 261.6),
    (8.6, 0.8, 987.8),
    (9.2, 1.2, 329.6),
    (9.8, 0.8, 1318.5),
]
NOCTURNE_CHORD = (10.5, 1.5, [220.0, 261.6, 329.6, 440.0])


def write_nocturne(rate=11025):
    """The demo's short recording (WAV bytes, mono, 8-bit): two high "pager" notes repeat
    at uneven intervals; from the fourth second a slow low melody plays under them; from
    the eighth the high notes join the melody, which ends on a held chord."""
    samples = [0.0] * (NOCTURNE_SECONDS * rate)
    for start in NOCTURNE_PAGER_TIMES:
        _tone(samples, rate, start, 0.18, 1318.5, 0.18)
        _tone(samples, rate, start + 0.2, 0.18, 987.8, 0.18)
    for start, length, frequency in NOCTURNE_MELODY:
        _tone(samples, rate, start, length, frequency, 0.3)
    start, length, chord = NOCTURNE_CHORD
    for frequency in chord:
        _tone(samples, rate, start, length, frequency, 0.16)
    peak = max(abs(sample) for sample in samples) or 1.0
    frames = bytes(int(128 + 120 * sample / peak) for sample in samples)
    output = io.BytesIO()
    with wave.open(output, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(1)
        file.setframerate(rate)
        file.writeframes(frames)
    return output.getvalue()
