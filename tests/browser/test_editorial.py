"""An editor submits a page, a moderator approves it in the admin, and the public sees it."""

import re

from wagtail.models import Page, Site

from editorial.roles import EDITORS, MODERATORS
from tests.browser.conftest import log_in, make_user


def test_editor_submits_moderator_approves_and_the_page_goes_public(page, browser, site_url):
    make_user("edna", EDITORS)
    make_user("mona", MODERATORS)
    home = Site.objects.get(is_default_site=True).root_page

    # The editor writes a page and submits it for review.
    log_in(page, site_url, "edna")
    page.goto(f"{site_url}/admin/pages/add/core/standardpage/{home.pk}/")
    page.locator("#id_title").fill("Well-being champions")
    page.locator("#id_title").blur()  # the slug follows the title
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("Submit to Communications review")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    assert page.get_by_text("submitted for moderation").first.is_visible()

    created = Page.objects.get(slug="well-being-champions")
    assert not created.live
    visitor = browser.new_context().new_page()
    assert visitor.goto(site_url + "/well-being-champions/").status == 404

    # The moderator finds it in their inbox and approves it.
    moderator_context = browser.new_context(viewport={"width": 1280, "height": 900})
    moderator = moderator_context.new_page()
    log_in(moderator, site_url, "mona")
    moderator.goto(site_url + "/admin/editorial/review/")
    moderator.get_by_role("link", name="Well-being champions").click()
    moderator.wait_for_url(re.compile(rf"/admin/pages/{created.pk}/edit/"))
    moderator.get_by_role("button", name="More actions").click()
    moderator.get_by_role("button", name="Approve", exact=True).click()
    moderator.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    moderator_context.close()

    # The public now sees it.
    response = visitor.goto(site_url + "/well-being-champions/")
    assert response.status == 200
    assert visitor.get_by_role("heading", level=1).inner_text() == "Well-being champions"
    created.refresh_from_db()
    assert created.live
