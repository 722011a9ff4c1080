"""A change waiting for approval is invisible to the public: page, search and API."""

from django.urls import reverse
from wagtail.models import Page

from core.models import StandardPage
from tests.editorial.helpers import create_page, edit_page, workflow_action


def public_views(client, page):
    page = Page.objects.get(pk=page.pk)
    return {
        "page": client.get(page.url).content.decode(),
        "search": client.get(reverse("search"), {"q": "Zephyrine"}).content.decode(),
        "api": client.get(f"/api/v2/pages/{page.pk}/").json()["title"],
        "api_search": [
            item["title"]
            for item in client.get("/api/v2/pages/", {"search": "Zephyrine"}).json()["items"]
        ],
        "wagtail_search": [p.title for p in Page.objects.live().public().search("Zephyrine")],
    }


def test_submitted_change_to_a_live_page_stays_private_until_approved(
    client, editor_client, moderator_client, live_page
):
    response = edit_page(
        editor_client,
        live_page,
        "action-submit",
        title="Zephyrine programs",
        introduction="Zephyrine introduction.",
    )
    assert response.status_code == 302

    before = public_views(client, live_page)
    assert "Programs" in before["page"]
    assert "Zephyrine" not in before["page"]
    assert "Zephyrine programs" not in before["search"]
    assert before["api"] == "Programs"
    assert before["api_search"] == []
    assert before["wagtail_search"] == []

    workflow_action(moderator_client, live_page, "approve")

    after = public_views(client, live_page)
    assert "Zephyrine introduction." in after["page"]
    assert "Zephyrine programs" in after["search"]
    assert after["api"] == "Zephyrine programs"
    assert after["api_search"] == ["Zephyrine programs"]
    assert after["wagtail_search"] == ["Zephyrine programs"]


def test_a_page_never_published_is_not_found_while_in_review(client, editor_client, home_page):
    create_page(
        editor_client,
        home_page,
        StandardPage,
        "action-submit",
        title="Zephyrine draft",
        slug="zephyrine",
    )

    assert client.get("/zephyrine/").status_code == 404
    assert client.get("/api/v2/pages/", {"search": "Zephyrine"}).json()["items"] == []
    assert (
        "Zephyrine draft" not in client.get(reverse("search"), {"q": "Zephyrine"}).content.decode()
    )
