import shutil

import pytest
from django.conf import settings
from django.core.cache import cache

from tests.factories import make_home_page


@pytest.fixture(autouse=True)
def _isolated_state(settings, tmp_path):
    """Each test gets its own media folder and an empty cache."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    return make_home_page()


@pytest.fixture
def failing_mail(settings):
    """Every email fails, as when the mail server is down."""
    settings.EMAIL_BACKEND = "tests.helpers.FailingEmailBackend"


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(settings.BASE_DIR / ".test-media", ignore_errors=True)
