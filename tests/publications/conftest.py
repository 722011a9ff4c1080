import pytest

from tests.publications.factories import PublicationIndexPageFactory


@pytest.fixture
def index(home_page):
    return PublicationIndexPageFactory(parent=home_page)
