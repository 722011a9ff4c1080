"""The community app in a real browser: people, working groups, the organizations index and
the commitment statement form, each audited with axe."""

import pytest
from wagtail.models import Site

from community.models import CommitmentStatementSubmission
from tests.browser.conftest import assert_accessible
from tests.community.factories import (
    CommitmentStatementPageFactory,
    NetworkOrganizationFactory,
    NetworkOrganizationIndexPageFactory,
    PeoplePageFactory,
    PersonFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
    add_member,
    minimal_pdf,
    place,
)

STATEMENT = "<p>We commit to measuring burnout and acting on what we learn.</p>"


def _home():
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def organizations(site_url):
    index = NetworkOrganizationIndexPageFactory(parent=_home())
    for name, kind, statement in [
        ("ABFM Foundation", "network", ""),
        ("American Nurses Association", "network", STATEMENT),
        ("Cleveland Clinic", "sponsor", STATEMENT),
        ("Council of Medical Specialty Societies", "network", STATEMENT),
        ("Johns Hopkins Medicine", "network", STATEMENT),
        ("UnitedHealth Group", "network", ""),
    ]:
        NetworkOrganizationFactory(name=name, kind=kind, statement_text=statement)
    CommitmentStatementPageFactory(parent=index, slug="submit")
    return site_url + index.url


def _listed(page):
    return page.locator(".organization-directory .organization__name").all_inner_texts()


def test_organizations_index_letter_navigation_and_statement_filter(page, organizations):
    page.goto(organizations)
    assert page.get_by_role("heading", level=1).inner_text() == "Network organizations"
    assert len(_listed(page)) == 5
    sponsors = page.locator(".sponsors .organization__name").all_inner_texts()
    assert sponsors == ["Cleveland Clinic"]
    assert_accessible(page)

    letters = page.get_by_role("navigation", name="Organizations by first letter")
    letters.get_by_role("link", name="C (1 organization)").click()
    page.wait_for_url("**letter=C")
    assert _listed(page) == ["Council of Medical Specialty Societies"]
    current = letters.get_by_role("link", name="C (1 organization)")
    assert current.get_attribute("aria-current") == "true"

    letters.get_by_role("link", name="A (2 organizations)").click()
    page.wait_for_url("**letter=A")
    assert _listed(page) == ["ABFM Foundation", "American Nurses Association"]
    page.get_by_label("Commitment statement").select_option("yes")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**statement=yes**")
    assert _listed(page) == ["American Nurses Association"]

    letters.get_by_role("link", name="All", exact=True).click()
    page.wait_for_load_state()
    assert _listed(page) == [
        "American Nurses Association",
        "Council of Medical Specialty Societies",
        "Johns Hopkins Medicine",
    ]

    page.get_by_label("Name contains").fill("hopkins")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**q=hopkins**")
    assert _listed(page) == ["Johns Hopkins Medicine"]
    assert_accessible(page)

    page.get_by_role("link", name="Commitment statement of Johns Hopkins Medicine").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Johns Hopkins Medicine"
    assert "We commit to measuring burnout" in page.content()
    assert_accessible(page)


def test_letter_navigation_works_with_the_keyboard(page, organizations):
    page.goto(organizations)
    link = page.get_by_role("link", name="J (1 organization)")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**letter=J")
    assert _listed(page) == ["Johns Hopkins Medicine"]


def test_submitting_a_commitment_statement(page, organizations, tmp_path):
    page.goto(organizations + "submit/")
    assert_accessible(page)

    # An empty submission: every problem is listed, announced and tied to its field.
    page.get_by_role("button", name="Send the statement").click()
    page.wait_for_load_state()
    summary = page.get_by_role("alert")
    assert "Please correct 5 things below" in summary.inner_text()
    name_field = page.get_by_label("Organization (required)")
    assert name_field.get_attribute("aria-invalid") == "true"
    assert_accessible(page)

    pdf = tmp_path / "statement.pdf"
    pdf.write_bytes(minimal_pdf())
    page.get_by_label("Organization (required)").fill("Riverside Health System")
    page.get_by_label("Your name (required)").fill("Ana Ruiz")
    page.get_by_label("Your email address (required)").fill("ana@riverside.example.org")
    page.get_by_label("Or attach your statement as a PDF").set_input_files(str(pdf))
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Send the statement").click()
    page.wait_for_url("**/submit/thanks/")

    submission = CommitmentStatementSubmission.objects.get()
    assert submission.organization_name == "Riverside Health System"
    assert submission.statement_file
    assert submission.reference in page.locator(".reference").inner_text()
    assert_accessible(page)


def test_people_and_working_group_pages_are_accessible(page, site_url):
    home = _home()
    people = PeoplePageFactory(parent=home)
    chair = PersonFactory(name="Victor Dzau", slug="victor-dzau", role_title="President")
    place(people, chair, "chair")
    place(people, PersonFactory(name="Charlee Alexander"), "staff")
    groups = WorkingGroupIndexPageFactory(parent=home)
    group = WorkingGroupPageFactory(
        parent=groups, title="A National Strategy for Clinician Well-Being"
    )
    WorkingGroupPageFactory(
        parent=groups, title="Conceptual Model", phase="phases-1-2", start_year=2017
    )
    add_member(group, chair, "chair")

    for url in (people.url, f"{people.url}victor-dzau/", groups.url, group.url):
        page.goto(site_url + url)
        assert page.get_by_role("heading", level=1).is_visible()
        assert_accessible(page)

    page.goto(site_url + group.url)
    page.get_by_role("link", name="Victor Dzau").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Victor Dzau"
