"""Working groups and their index."""

import pytest
from django.core.exceptions import ValidationError

from tests.community.factories import PersonFactory, WorkingGroupPageFactory, add_member, place
from tests.helpers import assert_constant_queries

pytestmark = pytest.mark.django_db


def test_index_shows_working_groups_by_phase_newest_phase_first(client, working_groups_index):
    for title in ("Research, Data, and Metrics", "Conceptual Model"):
        WorkingGroupPageFactory(
            parent=working_groups_index,
            title=title,
            phase="phases-1-2",
            start_year=2017,
            end_year=2020,
        )
    WorkingGroupPageFactory(
        parent=working_groups_index,
        title="Navigating the Impacts of COVID-19 on Clinician Well-Being",
        charge="Support the health workforce through the pandemic.",
    )

    html = client.get(working_groups_index.url).content.decode()

    order = [
        "Phase III",
        "2021–2022",
        "Navigating the Impacts of COVID-19 on Clinician Well-Being",
        "Support the health workforce through the pandemic.",
        "Phases I–II",
        "2017–2020",
        "Conceptual Model",
        "Research, Data, and Metrics",
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)


def test_unpublished_working_group_is_not_listed(client, working_groups_index):
    draft = WorkingGroupPageFactory(parent=working_groups_index, title="Secret group")
    draft.unpublish()

    assert "Secret group" not in client.get(working_groups_index.url).content.decode()


def test_working_group_page_shows_charge_phase_years_and_members_with_roles(
    client, working_groups_index, people_page
):
    group = WorkingGroupPageFactory(
        parent=working_groups_index,
        title="A National Strategy for Clinician Well-Being",
        charge="Lay the groundwork for a national strategy.",
    )
    chair = PersonFactory(name="Victor Dzau", slug="victor-dzau")
    place(people_page, chair, "chair")
    add_member(group, chair, "chair")
    add_member(group, PersonFactory(name="Marc Meisnere"), "staff")
    add_member(group, PersonFactory(name="Draft Person", live=False), "member")

    html = client.get(group.url).content.decode()

    assert "<h1>A National Strategy for Clinician Well-Being</h1>" in html
    assert "Lay the groundwork for a national strategy." in html
    assert "Phase III (2021–2022)" in html
    assert "2021–2022" in html
    assert "Victor Dzau" in html and "Chair" in html
    assert f'href="{people_page.url}victor-dzau/"' in html
    assert "Marc Meisnere" in html
    assert "Draft Person" not in html


def test_active_years_read_naturally():
    group = WorkingGroupPageFactory.build(start_year=2021, end_year=None)
    assert group.active_years == "2021 to present"
    group.end_year = 2021
    assert group.active_years == "2021"


def test_working_group_cannot_end_before_it_starts():
    group = WorkingGroupPageFactory.build(start_year=2021, end_year=2019)
    with pytest.raises(ValidationError):
        group.clean()


def test_a_group_lists_the_live_publications_and_events_that_name_it_newest_first(
    client, working_groups_index, home_page
):
    import datetime

    from tests.events.factories import EventIndexPageFactory, EventPageFactory
    from tests.publications.factories import PublicationIndexPageFactory, make_publication

    group = WorkingGroupPageFactory(parent=working_groups_index)
    library = PublicationIndexPageFactory(parent=home_page)
    make_publication(
        library,
        title="Older paper",
        related_working_group=group,
        publication_date=datetime.date(2019, 1, 1),
    )
    make_publication(
        library,
        title="Newer paper",
        related_working_group=group,
        publication_date=datetime.date(2022, 1, 1),
    )
    make_publication(library, title="Draft paper", related_working_group=group).unpublish()
    make_publication(library, title="Paper of another group")
    events = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=events, title="Working group meeting", related_working_group=group)

    html = client.get(group.url).content.decode()

    assert html.index("Newer paper") < html.index("Older paper")
    assert "Draft paper" not in html and "Paper of another group" not in html
    assert "Working group meeting" in html


def test_working_group_pages_cost_the_same_queries_as_members_grow(
    client, working_groups_index, people_page
):
    group = WorkingGroupPageFactory(parent=working_groups_index)
    for _ in range(3):
        add_member(group, PersonFactory())

    def grow():
        for _ in range(30):
            add_member(group, PersonFactory())
        for _ in range(8):
            WorkingGroupPageFactory(parent=working_groups_index)

    assert_constant_queries(client, group.url, grow, at_most=15)
    assert_constant_queries(client, working_groups_index.url, lambda: None, at_most=15)


def test_private_working_group_is_left_out_once_restricted(client, working_groups_index):
    from wagtail.models import PageViewRestriction

    WorkingGroupPageFactory(parent=working_groups_index, title="Open group")
    private = WorkingGroupPageFactory(parent=working_groups_index, title="Private group")
    assert "Private group" in client.get(working_groups_index.url).content.decode()

    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    html = client.get(working_groups_index.url).content.decode()
    assert "Open group" in html and "Private group" not in html
