from tests.browser.conftest import assert_accessible
from tests.factories import StandardPageFactory


def test_home_page_is_accessible_and_keyboard_reaches_main(page, site_url):
    page.goto(site_url + "/")

    assert page.get_by_role("heading", level=1).inner_text().startswith("Clinician well-being")
    assert page.get_by_role("complementary", name="Crisis support").is_visible()
    assert_accessible(page)

    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_standard_page_and_404_are_accessible(page, site_url):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    StandardPageFactory(
        parent=home,
        title="What is clinician burnout?",
        slug="burnout",
        body=[("rich_text", "<h2>Why it matters</h2><p>Burnout affects patients too.</p>")],
    )
    page.goto(site_url + "/burnout/")
    assert page.get_by_role("heading", level=1).inner_text() == "What is clinician burnout?"
    assert_accessible(page)

    response = page.goto(site_url + "/missing/")
    assert response.status == 404
    assert "We can’t find that page" in page.content()
    assert_accessible(page)


def test_small_screen_menu_opens_with_the_keyboard(page, site_url):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(site_url + "/")
    toggle = page.get_by_role("button", name="Menu")
    assert toggle.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.get_by_label("Search the site").is_visible()
    page.screenshot(path=str(site_screenshot_path("home-320.png")), full_page=True)
    assert_accessible(page)


def site_screenshot_path(name):
    from django.conf import settings

    folder = settings.BASE_DIR / "tests" / "browser" / "screenshots"
    folder.mkdir(exist_ok=True)
    return folder / name


def test_without_scripts_a_phone_shows_the_whole_menu(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 700}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/")
    assert page.get_by_label("Search the site").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
    context.close()


def test_not_found_page_never_scrolls_sideways_on_a_small_phone(page, site_url):
    for width in (320, 375):
        page.set_viewport_size({"width": width, "height": 700})
        page.goto(site_url + "/missing/")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.get_by_role("button", name="Search").last.is_visible()
