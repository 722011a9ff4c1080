"""The knowledge hub: the Collaborative's resources by kind, each one a link that opens."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from publications.models import HubResource, ResourceKind
from tests.factories import StandardPageFactory
from tests.helpers import assert_constant_queries
from tests.publications.factories import (
    KnowledgeHubPageFactory,
    TopicFactory,
    add_resource,
    make_pdf_document,
    make_publication,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(home_page, index):
    hub = KnowledgeHubPageFactory(parent=home_page)
    covid = TopicFactory(name="COVID-19", slug="covid-19")
    burnout = TopicFactory(name="Burnout", slug="burnout")
    plan = make_publication(index, title="National Plan for Health Workforce Well-Being")
    strategies = make_publication(index, title="Clinician Well-Being During COVID-19")
    add_resource(hub, "The National Plan", ResourceKind.NATIONAL_PLAN, page=plan)
    add_resource(
        hub, "COVID-19 strategies", ResourceKind.STRATEGIES, page=strategies, topics=[covid]
    )
    add_resource(
        hub,
        "Validated instruments (summary)",
        ResourceKind.INSTRUMENTS,
        document=make_pdf_document("Instruments", ["A summary of tools."]),
        topics=[burnout],
    )
    add_resource(hub, "Lifeline: call or text 988", ResourceKind.EXTERNAL, url="tel:988")
    return hub


def resources(html):
    soup = BeautifulSoup(html, "html.parser")
    return [
        (item.find_parent("section").h2.get_text(), item.h3.a.get_text(" ", strip=True))
        for item in soup.select(".hub-resource")
    ]


def test_the_hub_lists_every_resource_under_its_kind_each_linking_to_its_source(client, hub):
    html = client.get(hub.url).content.decode()

    assert resources(html) == [
        ("National plan", "The National Plan"),
        ("Validated instruments", "Validated instruments (summary) (PDF download)"),
        ("Strategies (COVID-19)", "COVID-19 strategies"),
        ("External resources", "Lifeline: call or text 988 (Call 988)"),
    ]
    soup = BeautifulSoup(html, "html.parser")
    links = {a.get_text(" ", strip=True): a["href"] for a in soup.select(".hub-resource h3 a")}
    assert (
        links["The National Plan"] == "/publications/national-plan-for-health-workforce-well-being/"
    )
    assert links["Validated instruments (summary) (PDF download)"].startswith("/documents/")
    assert links["Lifeline: call or text 988 (Call 988)"] == "tel:988"
    for href in links.values():
        if href.startswith("/"):
            assert client.get(href).status_code == 200, href


def test_filters_by_kind_and_topic_work_without_javascript(client, hub):
    html = client.get(hub.url, {"kind": "strategies"}).content.decode()
    assert resources(html) == [("Strategies (COVID-19)", "COVID-19 strategies")]
    assert '<option value="strategies" selected>Strategies (COVID-19) (1)</option>' in html
    assert "noindex" in html

    html = client.get(hub.url, {"topic": "burnout"}).content.decode()
    assert [title for _, title in resources(html)] == [
        "Validated instruments (summary) (PDF download)"
    ]
    # Topic tags on a resource are links to the filtered hub.
    html = client.get(hub.url).content.decode()
    assert 'href="?topic=covid-19">COVID-19</a>' in html


def test_bad_input_gets_a_clear_answer(client, hub):
    response = client.get(hub.url, {"kind": "recipes"})
    assert response.status_code == 200
    assert "There is no kind “recipes”, so that filter was left out." in response.content.decode()
    assert client.get(hub.url, {"page": "abc"}).status_code == 400
    response = client.get(hub.url, {"page": "99"})
    assert response.status_code == 404
    assert "There is no page 99" in response.content.decode()


def test_resources_leading_to_unpublished_or_private_pages_are_left_out(client, hub, index):
    draft = make_publication(index, title="A draft resource")
    add_resource(hub, "Draft paper", ResourceKind.REPORTS, page=draft)
    draft.unpublish()
    private = StandardPageFactory(parent=hub.get_parent(), title="Members only")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    add_resource(hub, "Members-only guide", ResourceKind.TOOLKITS, page=private)

    html = client.get(hub.url).content.decode()

    assert "Draft paper" not in html and "Members-only guide" not in html
    assert len(resources(html)) == 4


def test_a_resource_links_to_exactly_one_place_and_only_safely():
    resource = HubResource(title="A", kind=ResourceKind.EXTERNAL, summary="S.")
    with pytest.raises(ValidationError, match="exactly one"):
        resource.full_clean(exclude=["page"])
    resource.link_url = "javascript:alert(1)"
    with pytest.raises(ValidationError):
        resource.full_clean(exclude=["page"])
    resource.link_url = "https://example.org/guide"
    resource.full_clean(exclude=["page"])


def test_the_hub_costs_the_same_queries_for_four_resources_and_forty(client, hub, index):
    topic = TopicFactory(name="Leadership", slug="leadership")

    def grow():
        for number in range(36):
            paper = make_publication(index, title=f"Paper {number}")
            add_resource(
                hub, f"Resource {number}", ResourceKind.REPORTS, page=paper, topics=[topic]
            )

    assert_constant_queries(client, hub.url, grow, at_most=15)


def test_resources_are_found_by_search(client, hub):
    html = client.get("/search/", {"q": "lifeline"}).content.decode()
    assert hub.title in html


def test_editors_can_open_the_hub_in_the_admin(admin_client, hub):
    response = admin_client.get(f"/admin/pages/{hub.pk}/edit/")
    assert response.status_code == 200
    assert "Lifeline: call or text 988" in response.content.decode()
