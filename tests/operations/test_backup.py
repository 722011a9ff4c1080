"""Back up, restore into an empty database, and find the same content."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return result.stdout


INVENTORY = """
import json, hashlib
import django
django.setup()
from wagtail.models import Page, Site
from wagtail.images import get_image_model
from wagtail.documents import get_document_model
from django.test import Client
pages = sorted((p.url_path, p.title, p.live) for p in Page.objects.all())
def digest(item):
    return item.title, hashlib.sha256(item.file.read()).hexdigest()
images = sorted(digest(image) for image in get_image_model().objects.all())
documents = sorted(digest(document) for document in get_document_model().objects.all())
home = Client().get("/").content.decode()
print(json.dumps({"pages": pages, "images": images, "documents": documents,
                  "home_ok": "more than 200 organizations" in home,
                  "site": Site.objects.get(is_default_site=True).root_page.title}))
"""


BUILD = """
import django
django.setup()
import core.demo, home.demo
from demo.builder import DemoBuilder
builder = DemoBuilder()
core.demo.load(builder)
home.demo.load(builder)
builder.image("Backup test image", seed=7, width=300, height=200)
builder.document("Backup test document", ["A paragraph that must survive a restore."])
"""


def inventory(env):
    result = subprocess.run(
        [sys.executable, "-c", INVENTORY],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_backup_then_restore_into_a_fresh_database_yields_the_same_content(
    tmp_path, fresh_database
):
    source_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{fresh_database('source.sqlite3')}",
        "MEDIA_ROOT": str(tmp_path / "source-media"),
    }
    target_env = {
        **source_env,
        "DATABASE_URL": f"sqlite:///{fresh_database('target.sqlite3')}",
        "MEDIA_ROOT": str(tmp_path / "target-media"),
    }
    build = subprocess.run([sys.executable, "-c", BUILD], cwd=settings.BASE_DIR, env=source_env)
    assert build.returncode == 0
    before = inventory(source_env)
    backup = tmp_path / "site.tar.gz"
    manage(source_env, "backup_site", str(backup))

    manage(target_env, "restore_site", str(backup), "--yes")
    after = inventory(target_env)

    assert len(before["pages"]) > 3
    assert before["images"] and before["documents"]
    assert after == before
    assert after["home_ok"]
    assert Path(target_env["MEDIA_ROOT"]).exists()
