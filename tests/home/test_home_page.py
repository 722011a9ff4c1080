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
