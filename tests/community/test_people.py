"""Leadership and staff pages, person profiles, and drafts of people."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from community.models import Person
from publications.models import PublicationPage
from tests.community.factories import PersonFactory, WorkingGroupPageFactory, add_member, place
from tests.events.factories import EventIndexPageFactory, EventPageFactory, session, speaker
from tests.factories import ImageFactory
from tests.helpers import assert_constant_queries
from tests.publications.factories import PublicationIndexPageFactory, make_publication

pytestmark = pytest.mark.django_db


def test_people_page_groups_chair_co_chairs_and_staff_in_the_editors_order(client, people_page):
    place(people_page, PersonFactory(name="Marc Meisnere", slug="marc"), "staff", 2)
    place(people_page, PersonFactory(name="Charlee Alexander", slug="charlee"), "staff", 1)
    place(people_page, PersonFactory(name="Thomas Nasca", slug="thomas"), "co_chair", 4)
    place(people_page, PersonFactory(name="Darrell Kirch", slug="darrell"), "co_chair", 3)
    place(
        people_page,
        PersonFactory(
            name="Victor Dzau",
            slug="victor",
            role_title="President",
            organization="National Academy of Medicine",
        ),
        "chair",
        5,
    )

    html = client.get(people_page.url).content.decode()

    order = [
        ">Chair<",
        "Victor Dzau",
        "President, National Academy of Medicine",
        ">Co-chairs<",
        "Darrell Kirch",
        "Thomas Nasca",
        ">Staff<",
        "Charlee Alexander",
        "Marc Meisnere",
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    assert f'href="{people_page.url}victor/"' in html


def test_person_profile_shows_bio_links_and_working_groups(
    client, people_page, working_groups_index
):
    person = PersonFactory(
        name="Ivory Clarke",
        slug="ivory-clarke",
        credentials="MPH",
        role_title="Associate Program Officer",
        bio="<p>Coordinates the network of organizations.</p>",
        website="https://nam.edu/",
        links=[("link", {"label": "ORCID profile", "url": "https://orcid.org/0000-0000"})],
    )
    place(people_page, person, "staff")
    group = WorkingGroupPageFactory(parent=working_groups_index, title="National Strategy")
    add_member(group, person, "staff")

    response = client.get(f"{people_page.url}ivory-clarke/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Ivory Clarke, MPH</h1>" in html
    assert "Associate Program Officer, National Academy of Medicine" in html
    assert "Coordinates the network of organizations." in html
    assert 'href="https://orcid.org/0000-0000">ORCID profile</a>' in html
    assert "National Strategy" in html
    assert '"@type": "Person"' in html


def test_person_photo_is_shown_with_its_alt_text(client, people_page):
    person = PersonFactory(photo=ImageFactory(), photo_alt_text="Victor Dzau smiling")
    place(people_page, person, "chair")

    html = client.get(people_page.url).content.decode()

    assert 'alt="Victor Dzau smiling"' in html


def test_person_photo_without_alt_text_is_refused():
    person = PersonFactory.build(photo=ImageFactory(), photo_alt_text=" ")
    with pytest.raises(Exception) as error:
        person.full_clean()
    assert "photo_alt_text" in str(error.value)


def test_unpublished_person_is_neither_listed_nor_reachable(client, people_page):
    hidden = PersonFactory(name="Not Yet Published", slug="hidden", live=False)
    place(people_page, hidden, "staff")
    place(people_page, PersonFactory(name="Published Person"), "staff")

    html = client.get(people_page.url).content.decode()

    assert "Not Yet Published" not in html
    assert "Published Person" in html
    assert client.get(f"{people_page.url}hidden/").status_code == 404


def test_unknown_person_gives_not_found(client, people_page):
    assert client.get(f"{people_page.url}nobody/").status_code == 404


def _person_form(person, **changes):
    values = {
        "name": person.name,
        "credentials": person.credentials,
        "role_title": person.role_title,
        "organization": person.organization,
        "slug": person.slug,
        "photo": "",
        "photo_alt_text": "",
        "bio": rich_text(changes.pop("bio", person.bio)),
        "website": person.website,
        "links": streamfield([]),
    }
    values.update(changes)
    return nested_form_data(values)


def test_draft_change_to_a_person_stays_off_public_pages_until_published(
    admin_client, client, people_page
):
    person = PersonFactory(name="Darrell Kirch", slug="darrell-kirch", bio="<p>Co-chair.</p>")
    person.save_revision().publish()
    place(people_page, person, "co_chair")
    edit_url = reverse("wagtailsnippets_community_person:edit", args=[person.pk])

    response = admin_client.post(
        edit_url, _person_form(person, bio="<p>A new biography under review.</p>")
    )
    assert response.status_code == 302

    person.refresh_from_db()
    assert person.live and person.has_unpublished_changes
    for url in (people_page.url, f"{people_page.url}darrell-kirch/"):
        html = client.get(url).content.decode()
        assert "A new biography under review." not in html
    assert "Co-chair." in client.get(f"{people_page.url}darrell-kirch/").content.decode()

    data = _person_form(person, bio="<p>A new biography under review.</p>")
    data["action-publish"] = "action-publish"
    admin_client.post(edit_url, data)

    html = client.get(f"{people_page.url}darrell-kirch/").content.decode()
    assert "A new biography under review." in html


def test_person_preview_renders_the_profile(admin_client):
    person = PersonFactory(name="Mariana Zindel", role_title="Research Assistant")
    url = reverse("wagtailsnippets_community_person:preview_on_edit", args=[person.pk])

    admin_client.post(url, _person_form(person, bio="<p>Preview text.</p>"))
    response = admin_client.get(url)

    assert "Preview text." in response.content.decode()


def test_people_page_and_profiles_cost_the_same_queries_for_5_and_50_people(client, people_page):
    groups = ["chair", "co_chair", "staff", "staff", "staff"]
    for group in groups:
        place(people_page, PersonFactory(photo=ImageFactory(), photo_alt_text="Portrait"), group)
    first = Person.objects.order_by("pk").first()

    def grow():
        for _ in range(45):
            place(
                people_page, PersonFactory(photo=ImageFactory(), photo_alt_text="Portrait"), "staff"
            )

    assert_constant_queries(client, people_page.url, grow, at_most=15)
    assert_constant_queries(client, f"{people_page.url}{first.slug}/", lambda: None, at_most=15)


def test_profile_links_follow_the_people_page_when_it_is_unpublished_or_moved(
    client, people_page, working_groups_index, home_page
):
    from tests.community.factories import PeoplePageFactory

    person = PersonFactory(name="Thomas Nasca", slug="thomas-nasca")
    place(people_page, person, "co_chair")
    group = WorkingGroupPageFactory(parent=working_groups_index)
    add_member(group, person, "co_chair")
    assert f'href="{people_page.url}thomas-nasca/"' in client.get(group.url).content.decode()

    people_page.unpublish()
    html = client.get(group.url).content.decode()
    assert "Thomas Nasca" in html and "/people/thomas-nasca/" not in html

    other = PeoplePageFactory(parent=home_page, slug="team", title="Team")
    assert 'href="/team/thomas-nasca/"' in client.get(group.url).content.decode()
    other.move(working_groups_index, pos="last-child")
    assert 'href="/working-groups/team/thomas-nasca/"' in client.get(group.url).content.decode()


def profile_site(home_page, people_page, working_groups_index):
    """A person who writes, speaks and serves on a working group, and a draft that names
    them too."""
    person = PersonFactory(name="Thomas Nasca", slug="thomas-nasca")
    place(people_page, person, "co_chair")
    group = WorkingGroupPageFactory(
        parent=working_groups_index, title="Research and data", start_year=2017, end_year=2020
    )
    add_member(group, person, "co_chair")
    group.save_revision().publish()
    library = PublicationIndexPageFactory(parent=home_page)
    events = EventIndexPageFactory(parent=home_page)
    return person, library, events


def add_credits(person, library, events, count, start=0):
    for number in range(start, start + count):
        make_publication(
            library,
            title=f"Paper number {number}",
            authors=[person],
            publication_date=datetime.date(2018, 1, 1) + datetime.timedelta(days=number),
        )
        meeting = EventPageFactory(
            parent=events,
            title=f"Meeting number {number}",
            start=timezone.now() + datetime.timedelta(days=number + 1),
            end=timezone.now() + datetime.timedelta(days=number + 1, hours=2),
        )
        meeting.agenda = [
            session(
                "09:00",
                "10:00",
                f"Session {number}",
                speakers=[speaker(person=person, role="moderator")],
            )
        ]
        meeting.save_revision().publish()


def test_a_profile_lists_the_publications_sessions_and_working_groups_naming_the_person(
    client, home_page, people_page, working_groups_index
):
    person, library, events = profile_site(home_page, people_page, working_groups_index)
    add_credits(person, library, events, 2)
    draft = make_publication(library, title="A paper still in draft", authors=[person])
    draft.unpublish()

    html = client.get(f"{people_page.url}thomas-nasca/").content.decode()

    text = " ".join(html.split())
    assert ">Events</h2>" in html and ">Publications</h2>" in html
    assert ">Working groups</h2>" in html
    assert "Research and data</a> <span" in text and "(2017–2020)" in text
    assert "Co-chair" in text
    assert "Moderator, Session 0" in text and "Moderator, Session 1" in text
    # Newest first within a section.
    assert text.index("Paper number 1") < text.index("Paper number 0")
    assert "A paper still in draft" not in html
    for page in [*PublicationPage.objects.filter(title__startswith="Paper")]:
        assert f'href="{page.url}"' in html


def test_a_profile_costs_the_same_queries_for_two_credits_and_twenty(
    client, home_page, people_page, working_groups_index
):
    person, library, events = profile_site(home_page, people_page, working_groups_index)
    add_credits(person, library, events, 2)
    assert_constant_queries(
        client,
        f"{people_page.url}thomas-nasca/",
        lambda: add_credits(person, library, events, 18, start=2),
        at_most=15,
    )
