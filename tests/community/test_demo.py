"""The community demo content: the seeds' facts, rendered, and idempotent."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, Revision

from community import demo as community_demo
from community.models import NetworkOrganization, Person, WorkingGroupPage
from core import demo as core_demo
from demo.builder import DemoBuilder


def load(scale=1):
    builder = DemoBuilder(scale=scale)
    core_demo.load(builder)
    community_demo.load(builder)


def snapshot():
    return (
        Page.objects.count(),
        Person.objects.count(),
        NetworkOrganization.objects.count(),
        Revision.objects.count(),
    )


@pytest.fixture
def demo(demo_site):
    return demo_site


def test_demo_runs_twice_without_creating_or_changing_anything(demo):
    first = snapshot()
    load()
    assert snapshot() == first


def test_people_page_shows_the_chair_co_chairs_and_staff_with_titles(client, demo):
    soup = BeautifulSoup(client.get("/about/people/").content, "html.parser")

    sections = {
        section.h2.get_text(): [card.get_text(" ", strip=True) for card in section.select(".card")]
        for section in soup.select("section.people-group")
    }
    assert list(sections) == ["Chair", "Co-chairs", "Staff"]
    assert sections["Chair"] == ["VD Victor Dzau President, National Academy of Medicine"]
    assert [card.split(" Co-chair")[0] for card in sections["Co-chairs"]] == [
        "DK Darrell Kirch",
        "TN Thomas Nasca",
    ]
    staff = " | ".join(sections["Staff"])
    for name, title in [
        ("Charlee Alexander", "Program Officer"),
        ("Ivory Clarke", "Associate Program Officer"),
        ("Marc Meisnere", "Associate Program Officer"),
        ("Mariana Zindel", "Research Assistant"),
        ("Imani Rickerby", "Program Assistant"),
        ("Sharyl Nass", "Board Director"),
    ]:
        assert f"{name} {title}" in staff
    profile = client.get("/about/people/victor-dzau/").content.decode()
    assert "President of the National Academy of Medicine" in profile


def test_all_eight_working_groups_by_phase(client, demo):
    html = client.get("/working-groups/").content.decode()

    assert WorkingGroupPage.objects.live().count() == 8
    phase_3 = html.index("Phase III")
    phases_1_2 = html.index("Phases I–II")
    assert phase_3 < phases_1_2
    for title in (
        "A National Strategy for Clinician Well-Being",
        "Implementing Tools to Improve Clinician Well-Being",
        "Navigating the Impacts of COVID-19 on Clinician Well-Being",
    ):
        assert phase_3 < html.index(title) < phases_1_2
    for title in ("Research, Data, and Metrics", "Conceptual Model"):
        assert html.index(title) > phases_1_2
    group = client.get("/working-groups/research-data-and-metrics/").content.decode()
    assert "2017–2020" in group


def test_organizations_from_the_seeds_are_listed_once_by_name_only(client, demo):
    sponsors = NetworkOrganization.objects.filter(live=True, kind="sponsor").order_by("name")
    assert sponsors.count() == len(community_demo.SPONSORS) == 36
    soup = BeautifulSoup(client.get("/network-organizations/").content, "html.parser")
    listed = [item.get_text(strip=True) for item in soup.select(".sponsors .organization__name")]
    members = [
        item.get_text(strip=True)
        for item in soup.select(".organization-directory .organization__name")
    ]
    network = NetworkOrganization.objects.filter(live=True, kind="network").order_by("name")
    assert listed == list(sponsors.values_list("name", flat=True))
    assert members == list(network.values_list("name", flat=True))
    assert "American Medical Association" in listed and "Cleveland Clinic" in listed
    assert not set(listed) & set(members)  # each organization once
    form = client.get("/network-organizations/submit-a-commitment-statement/")
    assert form.status_code == 200


def test_no_real_organization_carries_a_demo_statement(client, demo):
    for name in community_demo.SPONSORS:
        organization = NetworkOrganization.objects.get(name=name)
        assert not organization.has_statement, name
        assert not organization.statement_text and organization.statement_document is None
        assert not organization.is_sample_content
        html = client.get(f"/network-organizations/statements/{organization.slug}/")
        assert f"{name} has not published a commitment statement yet." in html.content.decode()
    # Every statement the demo shows belongs to a fictional organization that says so.
    with_statement = NetworkOrganization.objects.filter(has_statement=True)
    assert with_statement.count() == len(community_demo.SAMPLE_ORGANIZATIONS)
    for organization in with_statement:
        assert organization.is_sample_content and "(sample)" in organization.name
        html = client.get(
            f"/network-organizations/statements/{organization.slug}/"
        ).content.decode()
        assert "Sample content: this organization and its statement are fictional" in html


def test_the_real_organizations_statement_pages_invent_nothing(client, demo):
    html = client.get(
        "/network-organizations/statements/american-medical-association/"
    ).content.decode()
    assert "American Medical Association has not published a commitment statement yet." in html
    assert "commits" not in html and "pledges" not in html


def test_sample_organizations_are_marked_in_the_listing(client, demo):
    html = client.get("/network-organizations/", {"statement": "yes"}).content.decode()
    items = BeautifulSoup(html, "html.parser").select(".organization")
    assert len(items) == len(community_demo.SAMPLE_ORGANIZATIONS)
    assert all("Sample (fictional)" in item.get_text() for item in items)


@pytest.mark.django_db
def test_scale_adds_fictional_network_organizations():
    load(scale=2)
    network = NetworkOrganization.objects.filter(kind="network")
    assert network.count() == 100 + len(community_demo.SAMPLE_ORGANIZATIONS)
    assert not network.filter(is_sample_content=False).exists()
