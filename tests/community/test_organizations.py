"""Network organizations: the A–Z index, its filters and search, statements, sponsors."""

import pytest
from bs4 import BeautifulSoup

from community.models import NetworkOrganization
from community.models.organizations import initial_of
from tests.community.factories import CommitmentStatementPageFactory, NetworkOrganizationFactory
from tests.factories import DocumentFactory, ImageFactory
from tests.helpers import assert_constant_queries

pytestmark = pytest.mark.django_db

STATEMENT = "<p>We commit to measuring and reducing burnout.</p>"


def _names(html):
    soup = BeautifulSoup(html, "html.parser")
    return [
        item.get_text(strip=True)
        for item in soup.select(".organization-directory .organization__name")
    ]


def _sponsors(html):
    soup = BeautifulSoup(html, "html.parser")
    return [item.get_text(strip=True) for item in soup.select(".sponsors .organization__name")]


@pytest.fixture
def seeded(organizations_index):
    NetworkOrganizationFactory(
        name="American Nurses Association", kind="sponsor", statement_text=STATEMENT
    )
    NetworkOrganizationFactory(name="ABFM Foundation", kind="sponsor")
    NetworkOrganizationFactory(name="Cleveland Clinic", kind="sponsor", statement_text=STATEMENT)
    NetworkOrganizationFactory(name="Riverside Health System", statement_text=STATEMENT)
    NetworkOrganizationFactory(name="University Health Network")
    NetworkOrganizationFactory(name="Draft Organization", live=False, statement_text=STATEMENT)
    return organizations_index


def test_index_lists_each_organization_once_sponsors_then_network_a_to_z(client, seeded):
    html = client.get(seeded.url).content.decode()

    assert _sponsors(html) == [
        "ABFM Foundation",
        "American Nurses Association",
        "Cleveland Clinic",
    ]
    assert _names(html) == ["Riverside Health System", "University Health Network"]
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("#directory-heading").get_text() == "Network organizations, A–Z"
    assert [h.get_text() for h in soup.select(".letter-group__heading")] == ["R", "U"]
    assert "Draft Organization" not in html
    # Every entry can be linked to (search results do), and no id is used twice.
    ids = [item["id"] for item in soup.select(".sponsor, .organization")]
    assert len(ids) == len(set(ids)) == 5
    assert "organization-cleveland-clinic" in ids


def test_each_organization_says_its_role_truthfully(client, seeded):
    NetworkOrganization.objects.filter(name="Cleveland Clinic").update(date_joined="2018-03-01")
    NetworkOrganization.objects.filter(name="Riverside Health System").update(
        date_joined="2019-06-01"
    )
    soup = BeautifulSoup(client.get(seeded.url).content, "html.parser")

    clinic = soup.select_one("#organization-cleveland-clinic")
    assert clinic.select_one(".organization__role").get_text() == "Sponsor since 2018"
    riverside = soup.select_one("#organization-riverside-health-system")
    assert riverside.select_one(".organization__role").get_text() == "Network member since 2019"
    assert "Sponsor" not in soup.select_one(".organization-directory").get_text()


def test_letter_navigation_links_letters_with_organizations_only(client, seeded):
    soup = BeautifulSoup(client.get(seeded.url).content, "html.parser")
    nav = soup.select_one("nav.letter-nav")

    linked = [a.get_text(" ", strip=True).split(" ")[0] for a in nav.select("a")]
    assert linked == ["All", "R", "U"]
    assert "B" in [span.get_text(strip=True)[0] for span in nav.select(".letter-nav__empty")]

    html = client.get(seeded.url, {"letter": "R"}).content.decode()
    assert _names(html) == ["Riverside Health System"]
    assert _sponsors(html) == []
    assert '<meta name="robots" content="noindex, follow">' in html


def test_statement_filter_keeps_only_organizations_with_a_statement(client, seeded):
    html = client.get(seeded.url, {"statement": "yes"}).content.decode()
    assert _names(html) == ["Riverside Health System"]
    assert "Has a commitment statement (1)" in html
    assert "No statement yet (1)" in html

    html = client.get(seeded.url, {"statement": "no"}).content.decode()
    assert _names(html) == ["University Health Network"]


def test_statement_filter_combines_with_the_letter_and_keeps_it_in_the_form(client, seeded):
    html = client.get(seeded.url, {"statement": "yes", "letter": "R"}).content.decode()
    assert _names(html) == ["Riverside Health System"]
    assert '<input type="hidden" name="letter" value="R">' in html
    # Letter links keep the statement filter.
    assert "?statement=yes&amp;letter=R" in html or "?letter=R&amp;statement=yes" in html


def test_search_within_the_list_matches_part_of_a_name_and_survives_paging(
    client, seeded, settings
):
    for number in range(70):
        NetworkOrganizationFactory(name=f"Health Partner {number:02d}")

    html = client.get(seeded.url, {"q": "health"}).content.decode()

    assert len(_names(html)) == 60
    assert all("health" in name.lower() for name in _names(html))
    assert "72 organizations" in html
    assert _sponsors(html) == []  # no sponsor's name holds "health"
    assert _sponsors(client.get(seeded.url, {"q": "clinic"}).content.decode()) == [
        "Cleveland Clinic"
    ]
    assert "?q=health&amp;page=2" in html
    assert "noindex" in html
    second = client.get(seeded.url, {"q": "health", "page": "2"}).content.decode()
    assert "Riverside Health System" in _names(second)
    assert "University Health Network" in _names(second)
    assert "Cleveland Clinic" not in _names(html) + _names(second)


def test_sponsors_section_lists_sponsors_with_their_logos(client, seeded):
    sponsor = NetworkOrganization.objects.get(name="ABFM Foundation")
    sponsor.logo = ImageFactory()
    sponsor.logo_alt_text = "ABFM Foundation"
    sponsor.save()

    soup = BeautifulSoup(client.get(seeded.url).content, "html.parser")
    sponsors = soup.select_one("section.sponsors")

    assert _sponsors(str(sponsors)) == [
        "ABFM Foundation",
        "American Nurses Association",
        "Cleveland Clinic",
    ]
    assert sponsors.select_one("img")["alt"] == "ABFM Foundation"
    clinic = sponsors.select_one("#organization-cleveland-clinic")
    assert clinic.select_one(".organization__statement")["href"].endswith(
        "/statements/cleveland-clinic/"
    )


def test_each_statement_has_its_own_page(client, seeded):
    organization = NetworkOrganization.objects.get(name="Cleveland Clinic")
    organization.statement_document = DocumentFactory(title="Cleveland Clinic statement")
    organization.save()

    index_html = client.get(seeded.url).content.decode()
    url = f"{seeded.url}statements/cleveland-clinic/"
    assert f'href="{url}"' in index_html

    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Cleveland Clinic</h1>" in html
    assert "We commit to measuring and reducing burnout." in html
    assert organization.statement_document.url in html
    assert '"@type": "Organization"' in html


def test_statement_page_of_a_draft_or_unknown_organization_is_not_found(client, seeded):
    assert client.get(f"{seeded.url}statements/draft-organization/").status_code == 404
    assert client.get(f"{seeded.url}statements/nobody/").status_code == 404


def test_live_organization_shows_its_published_version_while_a_draft_waits(client, seeded):
    organization = NetworkOrganization.objects.get(name="Riverside Health System")
    organization.save_revision().publish()
    organization.statement_text = "<p>An unreviewed new statement.</p>"
    organization.save_revision()

    html = client.get(f"{seeded.url}statements/{organization.slug}/").content.decode()
    assert "We commit to measuring and reducing burnout." in html
    assert "An unreviewed new statement." not in html

    organization.refresh_from_db()
    organization.latest_revision.publish()
    html = client.get(f"{seeded.url}statements/{organization.slug}/").content.decode()
    assert "An unreviewed new statement." in html


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ({"page": "abc"}, 400, "Page numbers are whole numbers"),
        ({"page": "99999"}, 404, "There is no page 99999"),
        ({"letter": "Ω"}, 200, "so that filter was left out"),
        ({"statement": "maybe"}, 200, "so that filter was left out"),
        ({"sort": "random"}, 200, "showing the default order"),
        ({"q": "x" * 5000}, 200, "0 organizations"),
        ({"q": "nul\x00byte"}, 200, "organizations"),
    ],
)
def test_bad_input_gets_a_clear_answer_never_a_server_error(client, seeded, query, status, message):
    response = client.get(seeded.url, query)
    assert response.status_code == status
    assert message in response.content.decode()


def test_index_links_to_the_statement_form(client, seeded):
    form_page = CommitmentStatementPageFactory(parent=seeded)
    assert f'href="{form_page.url}"' in client.get(seeded.url).content.decode()


def test_initial_letter_files_digits_and_symbols_under_hash():
    assert initial_of("  american college") == "A"
    assert initial_of("3M Health") == "#"
    assert initial_of("“Élan” Clinic") == "#"


def test_index_and_statement_pages_cost_the_same_queries_for_10_and_300_organizations(
    client, organizations_index
):
    def add(count, start):
        for number in range(start, start + count):
            sponsor = number % 10 == 0
            NetworkOrganizationFactory(
                name=f"{chr(65 + number % 26)}rganization {number:04d}",
                kind="sponsor" if sponsor else "network",
                logo=ImageFactory() if sponsor else None,
                logo_alt_text="Logo" if sponsor else "",
                statement_text=STATEMENT if number % 2 else "",
            )

    add(10, 0)
    first = NetworkOrganization.objects.filter(has_statement=True).first()
    for url in (
        organizations_index.url,
        organizations_index.url + "?statement=yes&letter=B",
        organizations_index.url + "?q=rgan&page=1",
        f"{organizations_index.url}statements/{first.slug}/",
    ):
        assert_constant_queries(client, url, lambda: None, at_most=15)
    assert_constant_queries(client, organizations_index.url, lambda: add(290, 10), at_most=15)
    assert_constant_queries(
        client, organizations_index.url + "?statement=yes&page=2", lambda: None, at_most=15
    )


def test_editors_add_an_organization_as_a_draft_with_a_slug_made_from_its_name(
    admin_client, client, organizations_index
):
    from django.urls import reverse
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    data = nested_form_data(
        {
            "name": "Stonebridge Nurses Association",
            "slug": "",
            "kind": "network",
            "website": "",
            "logo": "",
            "logo_alt_text": "",
            "date_joined": "2026-01-15",
            "statement_text": rich_text("<p>We will protect nurses' time.</p>"),
            "statement_document": "",
        }
    )

    response = admin_client.post(reverse("wagtailsnippets_community_networkorganization:add"), data)

    assert response.status_code == 302
    organization = NetworkOrganization.objects.get(name="Stonebridge Nurses Association")
    assert organization.slug == "stonebridge-nurses-association"
    assert not organization.live
    assert "Stonebridge" not in client.get(organizations_index.url).content.decode()
    organization.latest_revision.publish()
    organization.refresh_from_db()
    assert organization.has_statement and organization.initial == "S"
    assert "Stonebridge Nurses Association" in client.get(organizations_index.url).content.decode()


def test_a_new_or_changed_organization_shows_at_once_with_the_page_cache_on(
    client, seeded, settings
):
    settings.PAGE_CACHE_ENABLED = True
    client.get(seeded.url)
    assert client.get(seeded.url)["X-Page-Cache"] == "hit"
    with_statement = {"statement": "yes"}
    assert len(_names(client.get(seeded.url, with_statement).content.decode())) == 1

    NetworkOrganizationFactory(name="Zephyr Medical Group", statement_text=STATEMENT)

    html = client.get(seeded.url).content.decode()
    assert "Zephyr Medical Group" in _names(html)
    assert len(_names(client.get(seeded.url, with_statement).content.decode())) == 2
