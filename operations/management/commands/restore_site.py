"""Restore a backup made by `backup_site`: the database and media of the site are replaced.

The backup must come from a database of the same kind (SQLite or PostgreSQL). Media files
are written into MEDIA_ROOT, then the search index is rebuilt.
"""

import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections

from caching.invalidation import refresh_everything
from operations.management.commands.backup_site import postgres_arguments, postgres_environment


class Command(BaseCommand):
    help = "Replace the database and media with those of a backup (.tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="confirm that current content is replaced"
        )
        parser.add_argument("--skip-index", action="store_true")

    def handle(self, *args, backup, yes, skip_index, **options):
        if not yes:
            raise CommandError("Restoring replaces all current content: add --yes to confirm.")
        if not backup.exists():
            raise CommandError(f"No backup at {backup}.")
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as folder, tarfile.open(backup, "r:gz") as archive:
            archive.extractall(folder, filter="data")
            folder = Path(folder)
            manifest = json.loads((folder / "manifest.json").read_text())
            if manifest.get("format") != 2:
                raise CommandError("This backup was made by an incompatible version.")
            if manifest["vendor"] != connection.vendor:
                raise CommandError(
                    f"This is a {manifest['vendor']} backup; the site's database is "
                    f"{connection.vendor}. Restore it into a {manifest['vendor']} database."
                )
            connections.close_all()
            if connection.vendor == "sqlite":
                self._restore_sqlite(folder / "database")
            else:
                self._restore_postgres(folder / "database")
            media = folder / "media"
            if media.exists():
                shutil.copytree(media, Path(settings.MEDIA_ROOT), dirs_exist_ok=True)
        call_command("migrate", verbosity=0, interactive=False)
        # Every cached page describes the content just replaced (other services' keys in a
        # shared Redis are left alone).
        refresh_everything()
        if not skip_index:
            call_command("update_index", verbosity=0)
        self.stdout.write(f"Restored {backup} in {time.monotonic() - started:.1f} s.")

    def _restore_sqlite(self, source_path):
        source = sqlite3.connect(source_path)
        destination = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        with destination:
            source.backup(destination)
        destination.close()
        source.close()

    def _restore_postgres(self, dump):
        database = settings.DATABASES["default"]
        subprocess.run(  # noqa: S603 (fixed program, arguments from settings)
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-acl",
                "--single-transaction",
            ]
            + postgres_arguments(database)
            + [str(dump)],
            check=True,
            env=postgres_environment(database),
        )
