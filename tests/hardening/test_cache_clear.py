"""Clearing the cache (as a restore does) forgets this site's keys, and only those."""

import json
import os
import socket
import subprocess
import sys
import uuid

import pytest
from django.conf import settings

from operations.cache_backends import ResilientRedisCache
from tests.hardening.test_backup import BUILD, manage


def redis_is_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_is_running(), reason="no Redis server at 127.0.0.1:6379")
def test_clearing_a_shared_redis_deletes_only_this_sites_keys():
    ours = ResilientRedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": "cwb-test-clear"})
    client = ours._cache.get_client(None, write=True)
    client.set("another-service:session", "keep me")
    for number in range(2500):  # more than one batch of deletions
        ours.set(f"page-{number}", "cached")

    ours.clear()

    assert ours.get("page-0") is None and ours.get("page-2499") is None
    assert not list(client.scan_iter(match="cwb-test-clear:*"))
    assert client.get("another-service:session") == b"keep me"
    client.delete("another-service:session")


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

    manage(env, "restore_site", str(backup), "--yes", "--skip-index")

    try:
        assert probe() == ["miss", "hit"]  # rendered from the restored content, then cached
    finally:
        ResilientRedisCache("redis://127.0.0.1:6379/14", {"KEY_PREFIX": prefix}).clear()
