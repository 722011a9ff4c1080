import pytest
from wagtail.models import PageViewRestriction

from core.models import SiteSettings, StandardPage
from tests.factories import DocumentFactory, ImageFactory, StandardPageFactory
from tests.helpers import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_standard_page_renders_every_body_block(client, home_page):
    image = ImageFactory(title="Clinicians in a meeting")
    document = DocumentFactory(title="One-pager")
    page = StandardPageFactory(
        parent=home_page,
        title="About the Collaborative",
        slug="about",
        body=[
            ("rich_text", "<p>Founded in 2017.</p>"),
            (
                "figure",
                {
                    "image": {
                        "image": image,
                        "alt_text": "Six clinicians around a table",
                        "decorative": False,
                    },
                    "caption": "Working group meeting",
                    "credit": "NAM",
                },
            ),
            ("quote", {"quote": "Caring for the caregiver.", "attribution": "Victor Dzau"}),
            ("document", {"document": document, "label": "Download our one-pager"}),
            (
                "accordion",
                {
                    "heading": "Questions",
                    "items": [{"heading": "Who is affected?", "body": "<p>Everyone.</p>"}],
                },
            ),
            (
                "table",
                {
                    "caption": "Phases",
                    "table": {
                        "data": [["Phase", "Years"], ["I-II", "2017-2020"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                    },
                },
            ),
        ],
    )

    html = client.get(page.url).content.decode()

    assert "Founded in 2017." in html
    assert 'alt="Six clinicians around a table"' in html
    assert "<figcaption>Working group meeting" in html
    assert "Caring for the caregiver." in html
    assert "Download our one-pager" in html
    assert "<summary>Who is affected?</summary>" in html
    assert "<caption>Phases</caption>" in html
    assert '<th scope="col">Years</th>' in html
    assert 'aria-label="Breadcrumb"' in html


def test_embed_falls_back_to_a_link_and_keeps_the_transcript(client, home_page):
    # There is no network here, so the provider cannot be reached.
    page = StandardPageFactory(
        parent=home_page,
        body=[
            (
                "embed",
                {
                    "url": "https://www.youtube.com/watch?v=abcdefghijk",
                    "title": "Meeting 3 keynote",
                    "captions": "",
                    "transcript": "Welcome to the third meeting.",
                },
            )
        ],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk"' in html
    assert "Welcome to the third meeting." in html


def test_figure_requires_alt_text_unless_decorative():
    from django.core.exceptions import ValidationError

    from core.blocks import FigureBlock

    block = FigureBlock()
    image = ImageFactory()
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}})
        )
    block.clean(block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": True}}))


def test_unknown_address_gets_the_designed_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We can’t find that page" in html
    assert "call or text 988" in html


def test_navigation_comes_from_site_settings(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.main_navigation = [("link", {"label": "About us", "page": about, "url": ""})]
    site_settings.save()

    html = client.get("/about/").content.decode()

    assert '<a href="/about/" aria-current="page">About us</a>' in html


def test_draft_and_private_pages_stay_out_of_sitemap_and_api(client, home_page):
    StandardPageFactory(parent=home_page, title="Public page", slug="public")
    draft = StandardPageFactory(parent=home_page, title="Draft page", slug="draft")
    draft.unpublish()
    private = StandardPageFactory(parent=home_page, title="Private page", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    sitemap = client.get("/sitemap.xml").content.decode()
    api = client.get("/api/v2/pages/?type=core.StandardPage&fields=title").json()

    assert "/public/" in sitemap
    assert "/draft/" not in sitemap and "/private/" not in sitemap
    titles = {item["title"] for item in api["items"]}
    assert titles == {"Public page"}


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_standard_page_queries_do_not_grow_with_children(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Section", slug="section")
    StandardPageFactory(parent=section, title="First child", show_in_menus=True)

    def grow():
        for number in range(20):
            StandardPageFactory(parent=section, title=f"Child {number}", show_in_menus=True)

    assert_constant_queries(client, "/section/", grow, at_most=15)
    assert StandardPage.objects.child_of(section).count() == 21
