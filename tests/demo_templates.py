"""The demo site, built once per test run and copied into test databases in about a second.

Building the demo (``load_demo_content``: every app's content, its search index and the
image renditions the pages show) takes about a minute. Tests that need it used to build it
each time: once per worker for the shared demo, once per size, and once per browser test
that serves it from a live server. Now the first worker that asks for a size of demo
builds it in another process, into a database of its own beside the run's other files,
and every test that needs that size copies it in:

- SQLite: the built file is copied into the worker's in-memory test database with SQLite's
  backup API (the live server shares that connection, so it sees the copy too);
- PostgreSQL: the built database is dumped once (data only) and loaded into the emptied
  test database with ``psql``.

The demo's media (original images, renditions, documents) are built beside it and copied
to wherever the test keeps its media.
"""

import fcntl
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from operations.management.commands.backup_site import postgres_arguments, postgres_environment


def copy_sqlite(source, target):
    """Copy a SQLite database whole (its write-ahead log included) with SQLite's backup."""
    origin = sqlite3.connect(source)
    copy = target if isinstance(target, sqlite3.Connection) else sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        origin.close()
        if copy is not target:
            copy.close()
    return target


class DemoTemplates:
    """Demos of each size (``load_demo_content`` arguments), built once per run and shared
    by the workers (the first to ask builds; the others wait for it)."""

    def __init__(self, folder, migrated_sqlite):
        self.folder = Path(folder)
        self.migrated_sqlite = migrated_sqlite  # a function giving the file

    def key(self, arguments):
        return "demo_" + hashlib.sha256(" ".join(arguments).encode()).hexdigest()[:10]

    def media(self, arguments):
        return self.folder / f"{self.key(arguments)}-media"

    def ensure(self, arguments):
        """The built demo of this size: a SQLite file or a PostgreSQL data dump."""
        from django.db import connection

        key = self.key(arguments)
        built = self.folder / (f"{key}.sqlite3" if is_sqlite(connection) else f"{key}.sql")
        with open(self.folder / f"{key}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not built.exists():
                if is_sqlite(connection):
                    self.build_sqlite(arguments, built)
                else:
                    self.build_postgresql(arguments, built, connection.settings_dict)
        return built

    def load_demo(self, arguments, database_url):
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": database_url,
            "TEST_MEDIA_ROOT": str(self.media(arguments)),
        }
        shutil.rmtree(self.media(arguments), ignore_errors=True)
        run([sys.executable, "manage.py", "load_demo_content", *arguments, "-v", "0"], environment)

    def build_sqlite(self, arguments, built):
        building = built.with_suffix(".building")
        copy_sqlite(self.migrated_sqlite(), building)
        self.load_demo(arguments, f"sqlite:///{building}")
        copy_sqlite(building, built)

    def build_postgresql(self, arguments, built, database):
        name = re.sub(r"_gw\d+$", "", database["NAME"]) + "_" + self.key(arguments)
        maintenance(database, f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
        try:
            url = postgres_url(database, name)
            environment = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "config.settings.test",
                "DATABASE_URL": url,
            }
            run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], environment)
            self.load_demo(arguments, url)
            dumping = built.with_suffix(".dumping")
            run(
                [
                    "pg_dump", "--data-only", "--disable-triggers", "--no-owner",
                    "--exclude-table-data=django_migrations", "-f", str(dumping),
                    *postgres_arguments({**database, "NAME": name}),
                ],
                postgres_environment(database),
            )  # fmt: skip
            dumping.rename(built)
        finally:
            maintenance(database, f'DROP DATABASE IF EXISTS "{name}"')

    def restore(self, arguments, media_root):
        """Replace the test database's content with the demo of this size, and copy its
        media to ``media_root``. Call outside any transaction."""
        from django.contrib.contenttypes.models import ContentType
        from django.core.cache import cache
        from django.core.management import call_command
        from django.db import connection

        built = self.ensure(arguments)
        if is_sqlite(connection):
            connection.ensure_connection()
            copy_sqlite(built, connection.connection)
        else:
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            database = connection.settings_dict
            run(
                [
                    "psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(built),
                    *postgres_arguments(database),
                ],
                postgres_environment(database),
            )  # fmt: skip
        ContentType.objects.clear_cache()
        cache.clear()
        shutil.rmtree(media_root, ignore_errors=True)
        shutil.copytree(self.media(arguments), media_root)


def is_sqlite(connection):
    return connection.vendor == "sqlite"


def run(command, environment):
    result = subprocess.run(
        command,
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command[:4])}… failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
        )
    return result


def postgres_url(database, name):
    user = database.get("USER") or ""
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    at = f"{user}{password}@" if user else ""
    host = database.get("HOST") or "127.0.0.1"
    port = f":{database['PORT']}" if database.get("PORT") else ""
    return f"postgres://{at}{host}{port}/{name}"


def maintenance(database, *statements):
    """Run statements on the server's maintenance database (outside any transaction)."""
    for statement in statements:
        run(
            ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-c", statement,
             *postgres_arguments({**database, "NAME": "postgres"})],
            postgres_environment(database),
        )  # fmt: skip
