import fcntl
import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache

from tests.demo_templates import DemoTemplates, copy_sqlite
from tests.factories import make_home_page
from tests.helpers import SIZED_DEMO_ARGUMENTS, SilentServer


@pytest.fixture(autouse=True)
def _isolated_state(settings, tmp_path):
    """Each test gets its own media folder and an empty cache, and email goes through the
    site's queue as in production (Django's test set-up would send it straight to its
    outbox; the queue delivers to that outbox instead)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "post_office.EmailBackend"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    return make_home_page()


@pytest.fixture
def silent_server():
    """A database or mail server that accepts connections and never answers."""
    server = SilentServer()
    yield server
    server.close()


@pytest.fixture
def failing_mail(settings):
    """Every email fails, as when the mail server is down."""
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "tests.helpers.FailingEmailBackend"},
    }


# The demo site, built once per worker -----------------------------------------------------


class SharedDemo:
    """The demo site as ``make run`` builds it, committed to this worker's test database
    and read by every test that asks for ``demo_site``.

    Those tests run first and together (see ``pytest_collection_modifyitems``); each one
    runs inside a transaction that is rolled back, so it may write without harming the
    next. After the last of them the database goes back to the state the migrations left
    (their serialized copy), as a flush with ``serialized_rollback`` would.
    """

    def __init__(self):
        self.page_count = None
        self.arguments = None
        self.dirty = False  # rows committed beyond what the migrations made
        self.migrated_state = None
        self.blocker = None
        self.media_root = None

    @property
    def built(self):
        return self.page_count is not None

    def build(self, blocker, media_root, arguments, templates):
        from django.db import connection
        from wagtail.models import Page

        self.blocker = blocker
        self.media_root = media_root
        with blocker.unblock():
            if self.migrated_state is None:
                self.migrated_state = connection.creation.serialize_db_to_string()
            self.dirty = True
            templates.restore(arguments, media_root)
            self.page_count = Page.objects.count()
        self.arguments = arguments

    def intact(self):
        from wagtail.models import Page

        with self.blocker.unblock():
            return Page.objects.count() == self.page_count

    def forget(self):
        """Back to the migrated state, for the tests that expect an empty site."""
        from django.apps import apps
        from django.contrib.contenttypes.models import ContentType
        from django.core.management import call_command
        from django.core.management.color import no_style
        from django.db import connection

        if not self.dirty:
            return
        with self.blocker.unblock():
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(self.migrated_state)
            # The rows came back with their ids; new rows continue after them.
            models = apps.get_models(include_auto_created=True)
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(statement)
        # Saving the rows back sends signals that may look up content types before their
        # own rows are back: what was remembered on the way is forgotten.
        ContentType.objects.clear_cache()
        self.page_count = self.arguments = None
        self.dirty = False
        cache.clear()


SHARED_DEMO = SharedDemo()


@pytest.fixture
def demo_site(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The home page of the whole demo site (every app's demo content, search index
    included), as ``make run`` builds it.

    For a test in a transaction that is rolled back, the demo is built once per worker and
    shared: ask for ``demo_site`` before any fixture that opens the database (``db``;
    ``client`` is fine) and do not mark the test ``django_db``, since the demo must be
    committed before the test's own transaction begins. A transactional test (``live_server``)
    gets a demo of its own, which its flush removes.
    """
    return use_demo(request, django_db_blocker, tmp_path_factory, ())


@pytest.fixture
def sized_demo_site(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site grown to ``SIZED_DEMO_ARGUMENTS``, shared like ``demo_site``."""
    return use_demo(request, django_db_blocker, tmp_path_factory, SIZED_DEMO_ARGUMENTS)


SHARED_DEMO_FIXTURES = {"demo_site": 0, "sized_demo_site": 1}


def use_demo(request, blocker, tmp_path_factory, arguments):
    from django.db import connection
    from wagtail.models import Site

    settings_fixture = request.getfixturevalue("settings")
    templates = request.getfixturevalue("demo_templates")
    if not shares_the_demo(request.node):
        request.getfixturevalue("transactional_db")
        media_root = request.getfixturevalue("tmp_path") / "demo-media"
        templates.restore(arguments, media_root)
        settings_fixture.MEDIA_ROOT = media_root
        return Site.objects.get(is_default_site=True).root_page.specific
    if connection.in_atomic_block:
        raise pytest.UsageError(f"{request.node.nodeid}: request the demo before db.")
    if not SHARED_DEMO.built or SHARED_DEMO.arguments != arguments or not SHARED_DEMO.intact():
        SHARED_DEMO.forget()
    if not SHARED_DEMO.built:
        # Its images and documents live beside the database for as long as it does.
        SHARED_DEMO.build(blocker, tmp_path_factory.mktemp("demo") / "media", arguments, templates)
    settings_fixture.MEDIA_ROOT = SHARED_DEMO.media_root
    request.getfixturevalue("db")
    return Site.objects.get(is_default_site=True).root_page.specific


def demo_fixture(item):
    """The shared demo fixture a test uses, if any."""
    fixtures = getattr(item, "fixturenames", ())
    return next((name for name in SHARED_DEMO_FIXTURES if name in fixtures), None)


def shares_the_demo(item):
    """Whether a test reads the shared demo inside a transaction that is rolled back
    (a transactional test's flush removes the demo, so those build their own)."""
    fixtures = getattr(item, "fixturenames", ())
    return (
        demo_fixture(item) is not None
        and "live_server" not in fixtures
        and "transactional_db" not in fixtures
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    if not (nextitem is not None and shares_the_demo(nextitem)):
        SHARED_DEMO.forget()


def pytest_collection_modifyitems(config, items):
    """Tests that share the demo site run first, so that each worker that gets some builds
    it once, at the start (xdist hands each worker its first tests in collection order).
    After pytest-django's sort, whose order (plain database tests, then transactional
    ones) holds within the rest."""
    demo, rest = [], []
    for item in items:
        if demo_fixture(item) and item.get_closest_marker("django_db"):
            raise pytest.UsageError(f"{item.nodeid}: a test using the demo is not django_db.")
        if shares_the_demo(item) and "db" not in item.fixturenames:
            # The demo asks for ``db`` once it is built; named here too, it tells
            # pytest-django that the test needs the database, which is then created even
            # when no other test of the run asks for it (a demo test run alone).
            item.fixturenames.append("db")
        (demo if shares_the_demo(item) else rest).append(item)
    # Each size of demo is built once: its tests follow one another.
    demo.sort(key=lambda item: SHARED_DEMO_FIXTURES[demo_fixture(item)])
    items[:] = demo + rest


# A migrated database file for tests that run the site in other processes ----------------


def shared_folder(tmp_path_factory, worker_id):
    """A folder every worker of this run shares."""
    shared = tmp_path_factory.getbasetemp()
    return shared if worker_id == "master" else shared.parent


@pytest.fixture(scope="session")
def demo_templates(request, tmp_path_factory, worker_id):
    """Each size of demo, built once per run (see ``tests/demo_templates.py``). On SQLite
    a demo starts from the migrated database file."""
    return DemoTemplates(
        shared_folder(tmp_path_factory, worker_id),
        migrated_sqlite=lambda: request.getfixturevalue("migrated_database"),
    )


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory, worker_id):
    """A SQLite file with every migration applied, made once per test run and shared by
    the workers (the first one to ask makes it)."""
    shared = shared_folder(tmp_path_factory, worker_id)
    path = shared / "migrated.sqlite3"
    with open(shared / "migrated.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            building = shared / "migrating.sqlite3"
            environment = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "config.settings.test",
                "DATABASE_URL": f"sqlite:///{building}",
            }
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
                cwd=settings.BASE_DIR,
                env=environment,
                check=True,
                timeout=600,
            )
            copy_sqlite(building, path)
    return path


@pytest.fixture
def fresh_database(migrated_database, tmp_path):
    """A path to a new SQLite database with every migration applied, for another process."""

    def make(name="site.sqlite3"):
        return copy_sqlite(migrated_database, tmp_path / name)

    return make


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(settings.BASE_DIR / ".test-media", ignore_errors=True)
