"""Back up the whole site, database and media, into one .tar.gz file.

The database is copied with its own tools, which keep every row and identity exactly:
SQLite through its online backup API (safe while the site runs), PostgreSQL with pg_dump.
A backup restores into a database of the same kind (see `restore_site`).
"""

import io
import json
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection


def postgres_arguments(database):
    """Connection arguments for the PostgreSQL client tools, from Django's settings."""
    arguments = ["--dbname", database["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            arguments += [option, str(database[key])]
    return arguments


def postgres_environment(database):
    import os

    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    return environment


class Command(BaseCommand):
    help = "Write the database and media files to a .tar.gz backup."

    def add_arguments(self, parser):
        parser.add_argument("output", type=Path, help="the backup file to write (.tar.gz)")

    def handle(self, *args, output, **options):
        started = time.monotonic()
        vendor = connection.vendor
        output.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as folder:
            dump = Path(folder) / "database"
            if vendor == "sqlite":
                self._dump_sqlite(dump)
            elif vendor == "postgresql":
                self._dump_postgres(dump)
            else:
                raise CommandError(f"Backups of {vendor} databases are not supported.")
            with tarfile.open(output, "w:gz") as archive:
                archive.add(dump, arcname="database")
                manifest = {
                    "format": 2,
                    "vendor": vendor,
                    "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                }
                payload = json.dumps(manifest).encode()
                info = tarfile.TarInfo("manifest.json")
                info.size = len(payload)
                info.mtime = int(time.time())
                archive.addfile(info, io.BytesIO(payload))
                media_root = Path(settings.MEDIA_ROOT)
                if media_root.exists():
                    archive.add(media_root, arcname="media")
        size = output.stat().st_size / 1024
        elapsed = time.monotonic() - started
        self.stdout.write(f"Backup written to {output} ({size:.0f} KiB) in {elapsed:.1f} s.")

    def _dump_sqlite(self, target):
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        destination = sqlite3.connect(target)
        with destination:
            source.backup(destination)
        destination.close()
        source.close()

    def _dump_postgres(self, target):
        database = settings.DATABASES["default"]
        subprocess.run(  # noqa: S603 (fixed program, arguments from settings)
            ["pg_dump", "--format=custom", "--no-owner", "--no-acl", "--file", str(target)]
            + postgres_arguments(database),
            check=True,
            env=postgres_environment(database),
        )
