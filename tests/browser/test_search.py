import re

import pytest

from tests.browser.conftest import assert_accessible


@pytest.fixture
def search_site(site_url):
    """The live site with a few pages to search and suggest."""
    from wagtail.models import Site

    from tests.search.factories import standard_page

    home = Site.objects.get(is_default_site=True).root_page
    standard_page(home, "Well-being toolkit", "Practical tools for clinician well-being.")
    standard_page(home, "Well-being of nurses", "What supports nurses' well-being.")
    standard_page(home, "Gallery opening", "Art by clinicians.")
    return site_url


SEARCH_LABEL = "Search publications, events, artworks, people, organizations and pages"


def test_pick_a_suggestion_with_the_keyboard(page, search_site):
    page.goto(search_site + "/search/")
    box = page.get_by_role("combobox", name=SEARCH_LABEL)

    box.press_sequentially("well-b", delay=40)
    listbox = page.get_by_role("listbox", name="Suggestions")
    listbox.get_by_role("option").first.wait_for()
    options = listbox.get_by_role("option")
    assert options.count() == 2
    assert box.get_attribute("aria-expanded") == "true"
    assert_accessible(page)

    box.press("ArrowDown")
    box.press("ArrowDown")
    second = options.nth(1)
    assert second.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == second.get_attribute("id")
    chosen = second.locator(".search-suggestions__title").inner_text()

    box.press("Enter")
    page.wait_for_url(re.compile(r"/well-being-"))
    assert page.get_by_role("heading", level=1).inner_text() == chosen


def test_escape_closes_suggestions_and_enter_submits_the_search(page, search_site):
    page.goto(search_site + "/search/")
    box = page.get_by_role("combobox", name=SEARCH_LABEL)
    box.press_sequentially("well", delay=40)
    page.get_by_role("option").first.wait_for()

    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.press("Enter")

    page.wait_for_url(re.compile(r"/search/\?q=well"))
    assert page.locator(".search-result").count() >= 2


def test_filter_results_by_type_and_page_is_accessible(page, search_site):
    page.goto(search_site + "/search/?q=well-being")
    count = page.get_by_role("status").filter(has_text="results for")
    assert count.inner_text().startswith("2 results")  # the home page is no result
    assert page.locator(".search-result mark").first.is_visible()
    assert_accessible(page)

    facets = page.get_by_role("navigation", name="Narrow your results")
    facets.get_by_role("link", name=re.compile(r"^Pages \(2\)")).click()

    page.wait_for_url(re.compile(r"type=pages"))
    assert page.locator(".search-result").count() == 2
    assert page.locator(".search-result__type").all_text_contents() == ["Page"] * 2
    assert_accessible(page)


def test_search_works_without_javascript(browser, search_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(search_site + "/search/")
    page.get_by_label(SEARCH_LABEL).fill("nurses")
    page.get_by_role("button", name="Search", exact=True).last.click()
    page.wait_for_url(re.compile(r"q=nurses"))
    assert page.locator(".search-result__title").all_inner_texts() == ["Well-being of nurses"]
    context.close()
