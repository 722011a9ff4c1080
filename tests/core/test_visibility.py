"""Private pages ask visitors to sign in, and never leak into what others see."""

import pytest
from wagtail.models import Page, PageViewRestriction

from core.models import StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page):
    """home ─ open ─ open-child
    └ members (login) ─ members-child
    └ alias-of-members (an alias of "members") ─ under-alias
    """
    pages = {"home": home_page}
    pages["open"] = StandardPageFactory(parent=home_page, title="Open", slug="open")
    pages["open-child"] = StandardPageFactory(parent=pages["open"], title="Open child")
    pages["members"] = StandardPageFactory(parent=home_page, title="Members", slug="members")
    pages["members-child"] = StandardPageFactory(parent=pages["members"], title="Members child")
    PageViewRestriction.objects.create(
        page=pages["members"], restriction_type=PageViewRestriction.LOGIN
    )
    alias = pages["members"].create_alias(parent=home_page, update_slug="alias-of-members")
    pages["alias-of-members"] = alias.specific
    pages["under-alias"] = StandardPageFactory(parent=alias, title="Under the alias")
    return {name: Page.objects.get(pk=page.pk).specific for name, page in pages.items()}


def test_a_restricted_page_and_what_lies_under_it_ask_anonymous_visitors_to_sign_in(client, tree):
    assert client.get("/open/").status_code == 200
    for url in ["/members/", f"/members/{tree['members-child'].slug}/", "/alias-of-members/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"] or "login" in response["Location"]


def test_the_sitemap_leaves_out_restricted_pages_and_what_lies_under_them(client, tree):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/open/" in sitemap and tree["open-child"].url in sitemap
    assert "/members/" not in sitemap and tree["members-child"].url not in sitemap
    assert tree["under-alias"].url not in sitemap
    assert tree["members-child"].pk not in set(
        StandardPage.objects.live().public().values_list("pk", flat=True)
    )
