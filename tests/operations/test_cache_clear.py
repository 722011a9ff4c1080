"""A restore refreshes every cached page, and leaves alone the keys of other services that
share the Redis server."""

import json
import os
import socket
import subprocess
import sys
import uuid

import pytest
import redis
from django.conf import settings

from tests.operations.test_backup import BUILD, manage


def redis_is_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


PROBE = """
import json
import django
django.setup()
from django.test import Client
client = Client()
print(json.dumps([client.get("/").get("X-Page-Cache", "") for _ in range(2)]))
"""


@pytest.mark.slow
@pytest.mark.skipif(not redis_is_running(), reason="no Redis server at 127.0.0.1:6379")
def test_a_restore_forgets_every_cached_page(tmp_path, fresh_database):
    prefix = f"cwb-restore-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{fresh_database()}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "REDIS_URL": "redis://127.0.0.1:6379/14",
        "CACHE_KEY_PREFIX": prefix,
        "PAGE_CACHE_ENABLED": "true",
    }

    def probe():
        result = subprocess.run(
            [sys.executable, "-c", PROBE],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return json.loads(result.stdout.strip().splitlines()[-1])

    subprocess.run([sys.executable, "-c", BUILD], cwd=settings.BASE_DIR, env=env, check=True)
    backup = tmp_path / "site.tar.gz"
    manage(env, "backup_site", str(backup))
    assert probe() == ["miss", "hit"]

    neighbour = redis.Redis.from_url("redis://127.0.0.1:6379/14")
    neighbour.set("another-service:session", "keep me")

    manage(env, "restore_site", str(backup), "--yes", "--skip-index")

    try:
        assert probe() == ["miss", "hit"]  # rendered from the restored content, then cached
        assert neighbour.get("another-service:session") == b"keep me"
    finally:
        neighbour.delete("another-service:session")
        for key in neighbour.scan_iter(match=f"{prefix}:*"):
            neighbour.delete(key)
