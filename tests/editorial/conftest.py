import pytest

from editorial.roles import ADMINISTRATORS, EDITORS, GALLERY_REVIEWERS, MODERATORS
from tests.editorial.helpers import client_for, make_user
from tests.factories import StandardPageFactory, publish


@pytest.fixture
def editor(db):
    return make_user("edna", EDITORS)


@pytest.fixture
def moderator(db):
    return make_user("mona", MODERATORS)


@pytest.fixture
def reviewer(db):
    return make_user("rafael", GALLERY_REVIEWERS)


@pytest.fixture
def administrator(db):
    return make_user("ada", ADMINISTRATORS)


@pytest.fixture
def superuser(db):
    return make_user("root", superuser=True)


@pytest.fixture
def editor_client(editor):
    return client_for(editor)


@pytest.fixture
def moderator_client(moderator):
    return client_for(moderator)


@pytest.fixture
def reviewer_client(reviewer):
    return client_for(reviewer)


@pytest.fixture
def live_page(home_page):
    page = StandardPageFactory(
        parent=home_page, title="Programs", slug="programs", introduction="What we run today."
    )
    return publish(page)
