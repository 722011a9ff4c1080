"""``manage.py import_wordpress EXPORT.xml [--uploads DIR] [--mapping FILE] [--dry-run]
[--publish]``: bring a WordPress site (its WXR export) into this site. See README."""

import time
import tomllib

from django.core.management.base import BaseCommand, CommandError

from wordpress_import.importer import Importer
from wordpress_import.wxr import DEFAULT_MAX_BYTES, ExportError, read_export


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools › Export › All content): pages, posts, events, "
        "files, topics and redirects from the old addresses. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file WordPress exported.")
        parser.add_argument(
            "--uploads",
            help="A local copy of wp-content/uploads; files are never fetched from the network.",
        )
        parser.add_argument(
            "--mapping",
            help="A TOML file: which post categories become publications or news, the "
            "publication type, the events' default time zone.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be imported; change nothing."
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish what WordPress had published (otherwise everything arrives as drafts).",
        )
        parser.add_argument(
            "--progress-every",
            type=int,
            default=250,
            help="Report progress every this many items (default %(default)s).",
        )
        parser.add_argument(
            "--max-megabytes",
            type=int,
            default=DEFAULT_MAX_BYTES // 1024 // 1024,
            help="Refuse exports larger than this (default %(default)s).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        mapping = {}
        if options["mapping"]:
            try:
                with open(options["mapping"], "rb") as source:
                    mapping = tomllib.load(source)
            except (OSError, tomllib.TOMLDecodeError) as error:
                raise CommandError(
                    f"Cannot read the mapping {options['mapping']}: {error}"
                ) from None
        try:
            export = read_export(
                options["export"], max_bytes=options["max_megabytes"] * 1024 * 1024
            )
        except ExportError as error:
            raise CommandError(str(error)) from None
        if options["verbosity"] > 0:
            self.stdout.write(f"Read {len(export.items)} items from {options['export']}.")
        importer = Importer(
            export,
            uploads=options["uploads"],
            publish=options["publish"],
            dry_run=options["dry_run"],
            mapping=mapping,
            # Every 250 items with the rate so far; -v 0 prints only the summary.
            progress=self.stdout.write if options["verbosity"] > 0 else None,
            progress_every=options["progress_every"],
        )
        try:
            summary = importer.run()
        except ValueError as error:
            raise CommandError(str(error)) from None
        heading = (
            "Dry run: nothing was changed. It would import:" if options["dry_run"] else "Imported:"
        )
        self.stdout.write(heading)
        for line in summary.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s."))
