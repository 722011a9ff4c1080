import pytest


@pytest.fixture(autouse=True)
def _search_urls(settings):
    """Mount search.urls (suggestions) the way config/urls.py is to include them."""
    settings.ROOT_URLCONF = "tests.search.urls"
