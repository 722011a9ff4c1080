"""Search finds what visitors name: people, network organizations and their commitment
statements, artists, working groups; each with its own type, its own address and a label
written for visitors; listings only when nothing else matches; "did you mean" only when it
helps."""

import pytest
from bs4 import BeautifulSoup

from tests.community.factories import (
    NetworkOrganizationFactory,
    NetworkOrganizationIndexPageFactory,
    PeoplePageFactory,
    PersonFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from tests.gallery.factories import ArtistFactory, ArtworkPageFactory, GalleryIndexPageFactory
from tests.search.factories import standard_page
from tests.search.test_search_page import facet_counts, result_titles

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def results(response):
    """(type, title, link) of each result, in order."""
    found = []
    for item in soup(response).select(".search-result"):
        link = item.select_one(".search-result__title a")
        found.append(
            (
                item.select_one(".search-result__type").get_text(strip=True),
                item.select_one(".search-result__title").get_text(strip=True),
                link["href"] if link else None,
            )
        )
    return found


@pytest.fixture
def people_page(home_page):
    return PeoplePageFactory(parent=home_page)


def test_a_persons_name_finds_their_profile_first(client, people_page, home_page):
    person = PersonFactory(
        name="Charlee Alexander",
        slug="charlee-alexander",
        bio="<p>Charlee Alexander leads the Collaborative's work on career paths.</p>",
    )
    standard_page(home_page, "Career leaders", "Alexander the Great was no clinician.")

    response = client.get("/search/?q=Charlee+Alexander")

    assert results(response)[0] == ("Person", "Charlee Alexander", person.get_profile_url())
    assert client.get(person.get_profile_url()).status_code == 200
    snippet = soup(response).select_one(".search-result__snippet")
    assert [mark.get_text() for mark in snippet.select("mark")][:2] == ["Charlee", "Alexander"]
    assert "Nothing matched" not in response.content.decode()


def test_an_exact_name_ranks_above_pages_that_mention_it(client, people_page, home_page):
    PersonFactory(name="Victor Dzau", slug="victor-dzau", role_title="President")
    for number in range(3):
        standard_page(home_page, f"Victor Dzau on burnout {number}", "Victor Dzau said so.")

    assert results(client.get("/search/?q=victor+dzau"))[0][:2] == ("Person", "Victor Dzau")


def test_draft_people_are_never_found(client, people_page):
    PersonFactory(name="Zanzibar Quill", slug="zanzibar-quill", live=False)

    response = client.get("/search/?q=zanzibar+quill")

    assert results(response) == []


def test_an_organization_links_to_its_entry_on_the_network_page(client, home_page):
    index = NetworkOrganizationIndexPageFactory(parent=home_page)
    NetworkOrganizationFactory(
        name="Cleveland Clinic",
        slug="cleveland-clinic",
        statement_text="<p>We pledge to cut the clerical burden of our nurses.</p>",
    )
    standard_page(home_page, "A Cleveland clinic visit", "Photographs of a clinic in Cleveland.")

    response = client.get("/search/?q=Cleveland+Clinic")

    assert results(response)[0] == (
        "Network organization",
        "Cleveland Clinic",
        f"{index.url}?q=Cleveland+Clinic#organization-cleveland-clinic",
    )


def test_a_name_within_a_longer_query_finds_its_owner_first(client, home_page):
    """A query holding an organization's whole name among other words finds it, though its
    entry holds none of the other words."""
    NetworkOrganizationIndexPageFactory(parent=home_page)
    NetworkOrganizationFactory(name="Cleveland Clinic", slug="cleveland-clinic")
    NetworkOrganizationFactory(name="Mercy Health", slug="mercy-health")
    standard_page(home_page, "Clinician burnout", "What burnout does to a clinician.")
    draft = NetworkOrganizationFactory(name="Hidden Clinic", slug="hidden-clinic")
    draft.live = False
    draft.save()

    found = results(client.get("/search/?q=Cleveland+Clinic+clinician+burnout"))

    assert found[0][:2] == ("Network organization", "Cleveland Clinic")
    assert ("Page", "Clinician burnout") in [item[:2] for item in found]
    assert "Mercy Health" not in [item[1] for item in found]
    assert "Hidden Clinic" not in [
        item[1] for item in results(client.get("/search/?q=Hidden+Clinic+burnout"))
    ]


def test_a_commitment_statement_is_searchable_and_its_words_are_the_snippet(client, home_page):
    NetworkOrganizationIndexPageFactory(parent=home_page)
    NetworkOrganizationFactory(
        name="Mercy Health",
        statement_text="<p>Mercy Health will halve the clerical burden of its nurses.</p>",
    )

    response = client.get("/search/?q=clerical+burden")

    assert results(response)[0][:2] == ("Network organization", "Mercy Health")
    snippet = soup(response).select_one(".search-result__snippet")
    assert "will halve the" in snippet.get_text()
    assert [mark.get_text() for mark in snippet.select("mark")] == ["clerical", "burden"]


def test_artists_with_works_on_display_are_found_anonymous_ones_never(client, home_page):
    gallery = GalleryIndexPageFactory(parent=home_page)
    named = ArtistFactory(name="Quintessa Morrow", profession="Nurse")
    ArtworkPageFactory(parent=gallery, title="Night shift", artist=named)
    hidden = ArtistFactory(name="Quintessa Hidden", is_anonymous=True)
    ArtworkPageFactory(parent=gallery, title="Untitled", artist=hidden)
    ArtistFactory(name="Quintessa Nowork")

    response = client.get("/search/?q=quintessa")

    found = results(response)
    assert found[0] == ("Artist", "Quintessa Morrow", gallery.artist_url(named))
    # Then the work, which names its artist; nothing of the anonymous artist's.
    assert [title for _, title, _ in found] == ["Quintessa Morrow", "Night shift"]
    assert client.get(gallery.artist_url(named)).status_code == 200


def test_a_working_groups_name_finds_it_first(client, home_page):
    index = WorkingGroupIndexPageFactory(parent=home_page)
    group = WorkingGroupPageFactory(parent=index, title="Research, Data, and Metrics")
    standard_page(home_page, "Metrics for research", "Research data about metrics.")

    response = client.get("/search/?q=research+data+and+metrics")

    assert results(response)[0] == ("Working group", group.title, group.url)


def test_type_facet_labels_are_the_models_own_and_filter(client, people_page, home_page):
    PersonFactory(name="Marigold Resilience", slug="marigold")
    NetworkOrganizationIndexPageFactory(parent=home_page)
    NetworkOrganizationFactory(name="Resilience Health")
    index = WorkingGroupIndexPageFactory(parent=home_page)
    WorkingGroupPageFactory(parent=index, title="Resilience group")
    standard_page(home_page, "Resilience guide")

    response = client.get("/search/?q=resilience")

    assert facet_counts(response, "type") == {
        "Organizations": 1,
        "Pages": 1,
        "People": 1,
        "Working groups": 1,
    }
    assert result_titles(client.get("/search/?q=resilience&type=people")) == ["Marigold Resilience"]
    assert result_titles(client.get("/search/?q=resilience&type=working-groups")) == [
        "Resilience group"
    ]


def test_listing_pages_show_only_when_nothing_else_matches(client, home_page):
    index = WorkingGroupIndexPageFactory(
        parent=home_page, introduction="Groups that studied clinician burnout."
    )
    standard_page(home_page, "Burnout basics", "What burnout is.")

    assert result_titles(client.get("/search/?q=burnout")) == ["Burnout basics"]
    # The index's own words, found nowhere else: the index is the answer.
    assert result_titles(client.get("/search/?q=studied")) == [index.title]


def test_did_you_mean_never_rewrites_a_name(client, people_page, home_page):
    PersonFactory(name="Charlee Alexander", slug="charlee-alexander")
    standard_page(home_page, "Career leaders")

    response = client.get("/search/?q=charlee+alexander+zebraq")

    text = response.content.decode()
    assert "Nothing matched" not in text
    assert "Did you mean" not in text


def test_did_you_mean_only_when_the_correction_finds_something(client, home_page):
    standard_page(home_page, "Resilience toolkit")

    nothing = client.get("/search/?q=qwertzuiop")
    assert "Did you mean" not in nothing.content.decode()
    # Found, though not every word: the results, no correction.
    some = client.get("/search/?q=resilience+zebraq")
    assert result_titles(some) == ["Resilience toolkit"]
    assert "Did you mean" not in some.content.decode()
