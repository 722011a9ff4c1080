"""load_demo_content's sizes for benchmarks: explicit totals, the --large preset, and the
bulk-inserted works, publications and events (``bulk_add_children``) behaving like any other
page."""

import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from community.models import NetworkOrganization
from core.models import StandardPage
from demo.builder import LARGE_TOTALS, DemoBuilder, bulk_add_children
from events.models import EventPage
from gallery.models import ArtworkImage, ArtworkPage, GalleryIndexPage
from publications.models import PublicationPage
from tests.factories import StandardPageFactory
from tests.helpers import SIZED_DEMO_ARGUMENTS


def totals():
    return {
        "publications": PublicationPage.objects.live().count(),
        "events": EventPage.objects.live().count(),
        "artworks": ArtworkPage.objects.live().count(),
        "organizations": NetworkOrganization.objects.filter(live=True).count(),
    }


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        ArtworkImage.objects.count(),
        ArtworkPage.themes.through.objects.count(),
        PublicationPage.topics.through.objects.count(),
        NetworkOrganization.objects.count(),
        get_image_model().objects.count(),
    )


def listing_count(html):
    return int(re.search(r'class="listing-count"[^>]*>\s*(\d+)', html).group(1))


@pytest.fixture
def sized_site(sized_demo_site):
    return sized_demo_site


def test_builder_counts_synthetic_items_from_totals_or_scale():
    assert DemoBuilder().synthetic_count("artworks", 25) == 0
    assert DemoBuilder(scale=3).synthetic_count("artworks", 25) == 50
    assert DemoBuilder(scale=3).synthetic_count("events", 3, per_scale=20) == 40
    sized = DemoBuilder(scale=3, totals={"artworks": 30, "events": None})
    assert sized.synthetic_count("artworks", 25) == 5
    assert sized.synthetic_count("artworks", 40) == 0  # never negative
    assert sized.synthetic_count("events", 3, per_scale=20) == 40  # no total: the scale
    assert sized.is_scaled and DemoBuilder(totals={"events": 5}).is_scaled
    assert not DemoBuilder().is_scaled


def test_explicit_totals_are_met_exactly_and_a_second_run_adds_nothing(sized_site):
    assert totals() == {"publications": 30, "events": 25, "artworks": 30, "organizations": 50}
    before = snapshot()

    call_command("load_demo_content", *SIZED_DEMO_ARGUMENTS)

    assert snapshot() == before
    assert totals()["artworks"] == 30


def test_bulk_inserted_pages_leave_a_valid_tree(sized_site):
    problems = Page.find_problems()
    assert all(not found for found in problems), problems
    gallery = GalleryIndexPage.objects.get()
    for parent in Page.objects.filter(depth=2).specific():
        assert Page.objects.get(pk=parent.pk).numchild == parent.get_children().count(), parent
    # Wagtail can still add a page after the bulk insert.
    added = ArtworkPage(
        title="Added by hand",
        slug="added-by-hand",
        artist=ArtworkPage.objects.first().artist,
        medium=ArtworkPage.objects.first().medium,
    )
    gallery.add_child(instance=added)
    assert ArtworkPage.objects.child_of(gallery).count() == 31


def test_bulk_artworks_appear_in_the_gallery_with_their_image(client, sized_site):
    renditions = get_image_model().get_rendition_model().objects
    made_while_building = renditions.count()

    response = client.get("/gallery/", {"page": "2"})

    assert response.status_code == 200
    html = response.content.decode()
    cards = re.findall(r'<article class="card artwork-card">(.*?)</article>', html, re.S)
    synthetic = [card for card in cards if "Benchmark work" in card]
    assert len(cards) == 6 and len(synthetic) == 5  # 24 per page: 25 real works, then 5
    assert all("<img" in card and "/media/images/" in card for card in synthetic)
    assert all(re.search(r'<img[^>]* alt="[^"]{20,}"', card) for card in synthetic)  # alt text
    # The build rendered the listing, so its images were made then, not for this visitor.
    assert renditions.count() == made_while_building

    work = ArtworkPage.objects.get(slug="benchmark-work-00000")
    assert work.themes.exists() and work.artwork_images.count() == 1
    assert client.get(work.url).status_code == 200
    # Their themes and mediums count in the listing's filters like any work's.
    assert listing_count(html) == 30
    theme = work.themes.first()
    filtered = client.get("/gallery/", {"theme": theme.slug}).content.decode()
    assert listing_count(filtered) == ArtworkPage.objects.live().filter(themes=theme).count()
    medium = client.get("/gallery/", {"medium": work.medium.slug}).content.decode()
    assert listing_count(medium) == ArtworkPage.objects.live().filter(medium=work.medium).count()


def test_bulk_organizations_are_listed_with_their_statements(client, sized_site):
    synthetic = NetworkOrganization.objects.filter(kind="network", live=True)
    assert synthetic.count() == 14
    with_statement = synthetic.filter(has_statement=True).first()
    assert with_statement.initial == with_statement.name[0]
    response = client.get(f"/network-organizations/statements/{with_statement.slug}/")
    assert response.status_code == 200
    assert with_statement.name in response.content.decode()
    listing = client.get("/network-organizations/", {"letter": with_statement.initial})
    assert with_statement.name in listing.content.decode()


@pytest.mark.django_db
def test_large_is_a_preset_that_explicit_totals_override(monkeypatch, db):
    from demo.management.commands import load_demo_content

    small = {"publications": 20, "events": 6, "artworks": 27, "organizations": 40}
    assert set(small) == set(LARGE_TOTALS)
    monkeypatch.setattr(load_demo_content, "LARGE_TOTALS", small)

    call_command("load_demo_content", "--skip-index", "--large", "--events", "4")

    assert totals() == {"publications": 20, "events": 4, "artworks": 27, "organizations": 40}


@pytest.mark.django_db
def test_negative_totals_are_refused(db):
    with pytest.raises(CommandError):
        call_command("load_demo_content", "--skip-index", "--artworks", "-1")


@pytest.mark.django_db
def test_bulk_added_children_are_pages_wagtail_can_serve_and_add_to(client, home_page):
    first = StandardPageFactory(parent=home_page, slug="first")
    body = [{"type": "rich_text", "value": "<p>Made in bulk.</p>"}]
    pages = [
        StandardPage(title=f"Bulk {n}", slug=f"bulk-{n}", introduction=f"Number {n}", body=body)
        for n in range(3)
    ]

    assert bulk_add_children(home_page, pages) == pages

    # After the last child, as add_child would put them.
    assert [page.path for page in pages] == [
        Page._get_path(home_page.path, home_page.depth + 1, step) for step in (2, 3, 4)
    ]
    assert all(not found for found in Page.find_problems())
    assert home_page.numchild == 4 == Page.objects.get(pk=home_page.pk).numchild
    stored = StandardPage.objects.get(pk=pages[2].pk)
    assert stored.title == stored.draft_title == "Bulk 2" and stored.introduction == "Number 2"
    assert stored.url_path == f"{home_page.url_path}bulk-2/" and stored.depth == first.depth
    assert stored.content_type.model_class() is StandardPage and stored.locale == first.locale
    assert stored.live and not stored.has_unpublished_changes and stored.first_published_at
    assert len({first.translation_key, *(page.translation_key for page in pages)}) == 4
    response = client.get(stored.url)
    assert response.status_code == 200 and "Made in bulk." in response.content.decode()


@pytest.mark.django_db
def test_wagtail_adds_the_next_child_after_a_bulk_insert(home_page):
    section = StandardPageFactory(parent=home_page, slug="section")  # a leaf until now

    bulk_add_children(section, [StandardPage(title=s, slug=s) for s in ("one", "two")])
    # The instance passed in knows it has children now (treebeard reads its numchild).
    assert [page.slug for page in section.get_children()] == ["one", "two"]
    section.add_child(instance=StandardPage(title="Three", slug="three"))

    assert [page.slug for page in section.get_children()] == ["one", "two", "three"]
    assert Page.objects.get(pk=section.pk).numchild == 3
    assert all(not found for found in Page.find_problems())


@pytest.mark.django_db
def test_bulk_add_children_refuses_a_slug_already_taken(home_page):
    StandardPageFactory(parent=home_page, slug="taken")
    count = Page.objects.count()

    for slugs in (["new", "taken"], ["twice", "twice"]):
        with pytest.raises(ValueError):
            bulk_add_children(home_page, [StandardPage(title=s, slug=s) for s in slugs])

    assert Page.objects.count() == count
