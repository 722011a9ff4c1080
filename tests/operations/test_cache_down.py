"""With Redis down (REDIS_URL at a closed port) the site still serves pages, uncached, and
stays ready for the load balancer (reporting the cache as down)."""

import json
import os
import subprocess
import sys

from django.conf import settings

PROBE = """
import json, time
import django
django.setup()
from tests.factories import make_home_page, StandardPageFactory
home = make_home_page()
StandardPageFactory(parent=home, title="About", slug="about")
from django.test import Client
client = Client()
out = {}
started = time.monotonic()
for url in ["/", "/about/", "/about/", "/readyz", "/healthz"]:
    response = client.get(url)
    out.setdefault(url, []).append([response.status_code, response.get("X-Page-Cache", "")])
out["seconds"] = time.monotonic() - started
out["ready"] = client.get("/readyz").json()
print(json.dumps(out))
"""


def test_pages_are_served_uncached_and_readiness_reports_the_cache(fresh_database):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{fresh_database()}",
        "REDIS_URL": "redis://127.0.0.1:1/0",
        "LOG_LEVEL": "CRITICAL",
    }
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])

    assert out["/"][0][0] == 200
    assert [status for status, _ in out["/about/"]] == [200, 200]
    assert all(cache_state != "hit" for _, cache_state in out["/about/"])
    assert out["/readyz"][0][0] == 200  # still serving: degraded, not out of the pool
    assert out["ready"]["status"] == "degraded"
    assert out["ready"]["checks"]["cache"]["ok"] is False
    assert out["/healthz"][0][0] == 200
    assert out["seconds"] < 30  # a failed connection is not retried on every call
