"""Production settings: refuse to run without a secret, and pass `check --deploy`."""

import json
import os
import subprocess
import sys

from django.conf import settings

STRONG_KEY = "k" * 20 + "Zq9-_x" * 8


def run_manage(*args, **env):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SITE_URL": "https://example.org",
        **env,
    }
    if "SECRET_KEY" not in env:
        environment.pop("SECRET_KEY", None)
    # The browser tests' permission for sync ORM calls must not leak into a deploy check.
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_its_public_https_address():
    missing = run_manage("check", SECRET_KEY=STRONG_KEY, SITE_URL="")
    assert missing.returncode != 0
    assert "SITE_URL must be set" in missing.stderr
    plain = run_manage("check", SECRET_KEY=STRONG_KEY, SITE_URL="http://example.org")
    assert plain.returncode != 0
    assert "https://" in plain.stderr


def test_production_passes_check_deploy_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def frontend_cache_backends(**env):
    code = (
        "import json; from wagtail.contrib.frontend_cache.utils import get_backends; "
        "print(json.dumps({name: type(backend).__name__ "
        "for name, backend in get_backends().items()}))"
    )
    unset = {"FRONTEND_CACHE_PURGE_URL": "", "CLOUDFLARE_ZONE_ID": ""}
    result = run_manage(
        "shell",
        "-v",
        "0",
        "-c",
        code,
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="example.org",
        **{**unset, **env},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_cdn_to_purge_comes_from_the_environment():
    assert frontend_cache_backends() == {}
    assert frontend_cache_backends(FRONTEND_CACHE_PURGE_URL="http://varnish:6081") == {
        "proxy": "HTTPBackend"
    }
    assert frontend_cache_backends(CLOUDFLARE_ZONE_ID="0123abcd", CLOUDFLARE_API_TOKEN="token") == {
        "cloudflare": "CloudflareBackend"
    }
