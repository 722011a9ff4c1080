"""Private pages: the site's cached checks give Wagtail's answers, and never leak."""

import pytest
from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from home.visibility import public
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


def wagtails_answer(page):
    return set(Page.get_view_restrictions(page).values_list("pk", flat=True))


@pytest.mark.parametrize(
    "name, restricted",
    [
        ("open", False),
        ("open-child", False),
        ("members", True),
        ("members-child", True),
        ("alias-of-members", True),  # an alias counts by its source page's restrictions
        ("under-alias", True),
    ],
)
def test_the_restrictions_of_a_page_are_wagtails_without_a_query(
    tree, name, restricted, django_assert_num_queries
):
    page = tree[name]
    page.get_view_restrictions()  # the first page served reads them into the cache

    with django_assert_num_queries(0):
        ours = {restriction.pk for restriction in page.get_view_restrictions()}

    assert ours == wagtails_answer(page)
    assert bool(ours) is restricted
    # Still a queryset for the admin, which orders and filters it.
    ordered = page.get_view_restrictions().order_by("-page__depth")
    assert set(ordered.values_list("pk", flat=True)) == ours


def test_a_restricted_page_and_what_lies_under_it_ask_anonymous_visitors_to_sign_in(client, tree):
    assert client.get("/open/").status_code == 200
    for url in ["/members/", f"/members/{tree['members-child'].slug}/", "/alias-of-members/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"] or "login" in response["Location"]


def test_public_leaves_out_restricted_pages_and_their_subtrees_like_wagtail(tree):
    pages = StandardPage.objects.live()

    ours = set(public(pages).values_list("pk", flat=True))

    assert ours == set(pages.public().values_list("pk", flat=True))
    assert tree["open-child"].pk in ours
    assert tree["members-child"].pk not in ours
