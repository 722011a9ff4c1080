import pytest

from tests.community.factories import (
    NetworkOrganizationIndexPageFactory,
    PeoplePageFactory,
    WorkingGroupIndexPageFactory,
)


@pytest.fixture
def people_page(home_page):
    return PeoplePageFactory(parent=home_page)


@pytest.fixture
def working_groups_index(home_page):
    return WorkingGroupIndexPageFactory(parent=home_page)


@pytest.fixture
def organizations_index(home_page):
    return NetworkOrganizationIndexPageFactory(parent=home_page)
