"""A visitor follows the home page's knowledge-hub button to a resource, and opens it."""

from wagtail.models import Site

from home.models import HomePage
from publications.models import ResourceKind
from tests.browser.conftest import assert_accessible
from tests.browser.test_home_browser import site_screenshot_path
from tests.publications.factories import (
    KnowledgeHubPageFactory,
    PublicationIndexPageFactory,
    TopicFactory,
    add_resource,
    make_publication,
)


def build_hub():
    home = HomePage.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)
    index = PublicationIndexPageFactory(parent=home)
    hub = KnowledgeHubPageFactory(parent=home)
    covid = TopicFactory(name="COVID-19", slug="covid-19")
    plan = make_publication(index, title="National Plan for Health Workforce Well-Being")
    strategies = make_publication(index, title="Clinician Well-Being During COVID-19")
    add_resource(hub, "The National Plan", ResourceKind.NATIONAL_PLAN, page=plan)
    add_resource(
        hub, "COVID-19 strategies", ResourceKind.STRATEGIES, page=strategies, topics=[covid]
    )
    add_resource(hub, "Lifeline: call or text 988", ResourceKind.EXTERNAL, url="tel:988")
    home.knowledge_hub_heading = "The Clinician Well-Being Knowledge Hub"
    home.knowledge_hub_page = hub
    home.save_revision().publish()


def test_the_home_page_hub_button_leads_to_a_resource_that_opens(page, site_url):
    build_hub()
    page.goto(site_url + "/")
    page.get_by_role("link", name="Visit the knowledge hub").click()
    page.wait_for_url("**/knowledge-hub/")
    assert page.get_by_role("heading", level=1).inner_text() == "Clinician Well-Being Knowledge Hub"
    assert page.get_by_role("heading", name="Strategies (COVID-19)").is_visible()
    assert_accessible(page)
    page.screenshot(path=str(site_screenshot_path("knowledge-hub.png")), full_page=True)

    # Filtering by kind is a plain form: choose, apply, and only that kind is left.
    page.get_by_label("Kind").select_option("strategies")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**kind=strategies**")
    assert page.locator(".hub-resource h3").all_inner_texts() == ["COVID-19 strategies"]

    page.get_by_role("link", name="COVID-19 strategies").click()
    page.wait_for_load_state()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Clinician Well-Being During COVID-19"
