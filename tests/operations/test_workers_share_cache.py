"""A publish reaches every app server process, not only the one that handled it.

The site runs under gunicorn with several worker processes. The page cache keeps its
entries and generations in the cache backend, so if each worker had its own (process
memory), a publish would refresh the page in one worker while the others went on serving the
old copy. Here the production settings, without Redis, serve a page from two workers, an
editor's process publishes a change, and every following request sees it.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.skipif(
    not (Path(sys.executable).parent / "gunicorn").exists(), reason="gunicorn is not installed"
)

CREATE_PAGE = """
import django
django.setup()
from wagtail.models import Page, Site
from core.models import StandardPage
from home.models import HomePage
from tests.factories import make_home_page
home = make_home_page()
page = StandardPage(title="Before the change", slug="workers")
home.add_child(instance=page)
page.save_revision().publish()
"""

PUBLISH_CHANGE = """
import django
django.setup()
from core.models import StandardPage
page = StandardPage.objects.get(slug="workers")
page.title = "After the change"
page.save_revision().publish()
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=20) as response:  # 127.0.0.1 only
        return response.headers.get("X-Page-Cache", ""), response.read().decode()


@pytest.fixture
def production_site(tmp_path, fresh_database):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "https://127.0.0.1",
        "DATABASE_URL": f"sqlite:///{fresh_database()}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "CACHE_DIR": str(tmp_path / "cache"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "ERROR",
    }
    environment.pop("REDIS_URL", None)

    def run(*args):
        subprocess.run(args, cwd=settings.BASE_DIR, env=environment, check=True, timeout=300)

    # As a deploy does: production serves hashed static files from whitenoise's manifest.
    run(sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0")
    run(sys.executable, "-c", CREATE_PAGE)
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "-w", "2"]
        + ["-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=settings.BASE_DIR,
        env=environment,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                fetch(base + "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        yield base, run
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_publish_in_one_process_refreshes_the_page_in_every_worker(production_site):
    base, run = production_site
    before = [fetch(base + "/workers/") for _ in range(12)]
    assert all("Before the change" in body for _, body in before)
    assert sum(state == "hit" for state, _ in before) >= 10  # both workers serve cached copies

    run(sys.executable, "-c", PUBLISH_CHANGE)

    after = [fetch(base + "/workers/") for _ in range(12)]
    assert all("After the change" in body for _, body in after), [state for state, _ in after]
