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


def test_organizations_from_the_seeds_with_their_statements(client, demo):
    assert NetworkOrganization.objects.filter(live=True).count() == 36
    soup = BeautifulSoup(client.get("/network-organizations/").content, "html.parser")
    sponsors = [item.get_text(strip=True) for item in soup.select(".sponsors .organization__name")]
    members = [
        item.get_text(strip=True)
        for item in soup.select(".organization-directory .organization__name")
    ]
    live = NetworkOrganization.objects.filter(live=True).order_by("name")
    assert sponsors == list(live.filter(kind="sponsor").values_list("name", flat=True))
    assert members == list(live.filter(kind="network").values_list("name", flat=True))
    assert len(sponsors) + len(members) == 36  # each organization once
    statement = client.get("/network-organizations/statements/cleveland-clinic/").content.decode()
    assert "Cleveland Clinic" in statement and "(PDF" in statement
    form = client.get("/network-organizations/submit-a-commitment-statement/")
    assert form.status_code == 200


@pytest.mark.django_db
def test_scale_adds_fictional_network_organizations():
    load(scale=2)
    assert NetworkOrganization.objects.filter(kind="network").count() == 100
