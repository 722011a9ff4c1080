import pytest

from tests.factories import StandardPageFactory
from tests.helpers import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_home_page_shows_hero_goals_and_crisis_line(client, home_page):
    home_page.goals = [
        (
            "goal",
            {"title": "Make burnout visible", "description": "Raise the visibility of stress."},
        )
    ]
    home_page.save_revision().publish()

    html = client.get("/").content.decode()

    assert "Clinician well-being is essential for safe, high-quality patient care" in html
    assert "Make burnout visible" in html
    assert "call or text 988" in html
    assert 'href="tel:988"' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html


def test_home_page_without_events_app_content_says_nothing_is_scheduled(client, home_page):
    # No section is rendered empty: sections whose apps have no content stay out.
    html = client.get("/").content.decode()
    assert "Featured publications" not in html


def test_home_page_queries_do_not_grow_with_content(client, home_page):
    def grow():
        for number in range(20):
            StandardPageFactory(parent=home_page, title=f"Page {number}", show_in_menus=True)

    assert_constant_queries(client, "/", grow, at_most=15)


def test_the_knowledge_hub_call_out_features_its_first_resources(client, home_page):
    from publications.models import ResourceKind
    from tests.publications.factories import (
        KnowledgeHubPageFactory,
        PublicationIndexPageFactory,
        add_resource,
        make_publication,
    )

    index = PublicationIndexPageFactory(parent=home_page)
    hub = KnowledgeHubPageFactory(parent=home_page)
    plan = make_publication(index, title="National Plan for Health Workforce Well-Being")
    add_resource(hub, "The National Plan", ResourceKind.NATIONAL_PLAN, page=plan)
    add_resource(hub, "Lifeline: call or text 988", ResourceKind.EXTERNAL, url="tel:988")
    home_page.knowledge_hub_heading = "The knowledge hub"
    home_page.knowledge_hub_page = hub
    home_page.save_revision().publish()

    html = client.get("/").content.decode()

    assert f'<a href="{plan.url}">The National Plan</a>' in html
    assert '<a href="tel:988">Lifeline: call or text 988</a>' in html
    assert f'<a class="button" href="{hub.url}">Visit the knowledge hub</a>' in html

    hub.unpublish()
    html = client.get("/").content.decode()
    assert "The National Plan" not in html and "Visit the knowledge hub" not in html


def test_the_editor_sets_the_hero_image_with_its_alt_text(client, home_page):
    from bs4 import BeautifulSoup
    from django.core.exceptions import ValidationError

    from tests.factories import ImageFactory

    image = ImageFactory(
        title="Hero",
        focal_point_x=10,
        focal_point_y=10,
        focal_point_width=20,
        focal_point_height=20,
    )
    home_page.hero_image = image
    home_page.hero_image_alt = ""
    with pytest.raises(ValidationError):
        home_page.full_clean()
    home_page.hero_image_alt = "Two clinicians talking in a hallway."
    home_page.save_revision().publish()

    hero = BeautifulSoup(client.get("/").content, "html.parser").select_one(".hero__image")
    assert hero.img["alt"] == "Two clinicians talking in a hallway."
    assert hero.select("source")  # modern formats, cropped around the focal point
