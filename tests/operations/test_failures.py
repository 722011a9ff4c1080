"""When the database is gone: the designed 503 page, /readyz fails, /healthz passes."""

import json
import os
import subprocess
import sys
import time

import pytest
from django.conf import settings

PROBE = """
import json
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
out = {}
for url in ["/", "/about/", "/healthz", "/readyz"]:
    response = client.get(url, secure=True)
    out[url] = [response.status_code, response.content.decode()[:3000]]
print(json.dumps(out))
"""


def test_a_database_that_never_answers_gives_the_503_page_quickly(silent_server):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{silent_server.port}/nowhere",
        "DATABASE_CONNECT_TIMEOUT": "2",
        "LOG_LEVEL": "CRITICAL",
    }
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-3000:]
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    for url in ["/", "/about/"]:
        assert answers[url][0] == 503, url
        assert "The site is briefly unavailable" in answers[url][1]
    assert answers["/healthz"][0] == 200
    assert answers["/readyz"][0] == 503
    # Four requests, each giving up on its connection (and the check behind the 503 page)
    # after two seconds: never the minute an app server would wait before killing a worker.
    assert seconds < 40, seconds


@pytest.fixture(scope="module")
def responses_without_database():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        # Nothing listens on port 1: every connection attempt is refused at once.
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere",
        "LOG_LEVEL": "CRITICAL",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_pages_get_the_designed_503_page(responses_without_database):
    for url in ["/", "/about/"]:
        status, body = responses_without_database[url]
        assert status == 503, url
        assert "The site is briefly unavailable" in body
        assert "call or text 988" in body


def test_liveness_passes_and_readiness_fails(responses_without_database):
    assert responses_without_database["/healthz"][0] == 200
    status, body = responses_without_database["/readyz"]
    assert status == 503
    assert json.loads(body)["checks"]["database"]["ok"] is False


def test_readiness_passes_with_the_database(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["database"]["ok"] is True
