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


@pytest.fixture
def failing_mail(settings):
    settings.EMAIL_BACKEND = "tests.community.conftest.FailingEmailBackend"


class FailingEmailBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
