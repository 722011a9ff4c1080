"""Build the demo site from the content kept in each app's ``demo`` module.

Like Wagtail discovers ``wagtail_hooks``, this command discovers ``<app>.demo`` modules in
the order of INSTALLED_APPS (the ground floor first, content apps after the apps they use,
the home page last) and runs each one's ``load(builder)``. It imports no content app by name.

Sizes for benchmarks: ``--scale N`` multiplies the synthetic content; ``--publications``,
``--events``, ``--artworks`` and ``--organizations`` ask for a total of each (synthetic
items make up the difference from the real content); ``--large`` asks for the size the
performance budgets are measured at (see ``demo.builder.LARGE_TOTALS``). Each app's demo
module asks the builder how many synthetic items to add (``builder.synthetic_count(...)``).
"""

import time
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from wagtail.models import Page

from caching import invalidation, renditions
from demo.builder import LARGE_TOTALS, DemoBuilder

SIZED_KINDS = ("publications", "events", "artworks", "organizations")


def demo_modules():
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if find_spec(config.name) and find_spec(name):
            yield config.label, import_module(name)


def refresh_statistics():
    """Thousands of rows inserted in bulk leave PostgreSQL's planner statistics stale until
    autovacuum comes round; refresh them so the site is measured as it will settle."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class Command(BaseCommand):
    help = "Create (or complete) the demo site. Safe to run again: it duplicates nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiply publications, events and artworks by this factor (benchmarks).",
        )
        for kind in SIZED_KINDS:
            parser.add_argument(
                f"--{kind}",
                type=int,
                metavar="N",
                help=f"The total number of {kind} wanted: synthetic ones, inserted in bulk, "
                "make up the difference from the real content.",
            )
        parser.add_argument(
            "--large",
            action="store_true",
            help="The benchmark size: "
            + ", ".join(f"{total:,} {kind}" for kind, total in LARGE_TOTALS.items())
            + " (an explicit total above wins).",
        )
        parser.add_argument(
            "--skip-index", action="store_true", help="Do not rebuild the search index."
        )

    def handle(self, *args, scale=1, large=False, skip_index=False, **options):
        totals = dict(LARGE_TOTALS) if large else {}
        for kind in SIZED_KINDS:
            if options.get(kind) is not None:
                if options[kind] < 0:
                    raise CommandError(f"--{kind} cannot be negative.")
                totals[kind] = options[kind]
        builder = DemoBuilder(stdout=self.stdout, scale=scale, totals=totals)
        started = time.monotonic()
        with renditions.deferred():
            for label, module in demo_modules():
                step = time.monotonic()
                self.stdout.write(f"Demo content: {label}…")
                with transaction.atomic():
                    module.load(builder)
                self.stdout.write(f"  done in {time.monotonic() - step:.1f} s")
        # Bulk-inserted pages sent no signals: every cached page is rendered afresh.
        invalidation.refresh_everything()
        refresh_statistics()
        # Every image size the pages use, made now rather than on a visitor's request.
        step = time.monotonic()
        self.stdout.write("Rendering pages to make their image renditions…")
        pages = Page.objects.live().public().filter(depth__gt=1)
        if builder.is_scaled:
            pages = pages.filter(depth__lte=3)  # the listings; detail pages warm on publish
        rendered = renditions.warm_pages.call(list(pages.values_list("pk", flat=True)))
        self.stdout.write(f"  {rendered} pages rendered in {time.monotonic() - step:.1f} s")
        if not skip_index:
            step = time.monotonic()
            self.stdout.write("Rebuilding the search index…")
            call_command("update_index", verbosity=0)
            refresh_statistics()
            self.stdout.write(f"  done in {time.monotonic() - step:.1f} s")
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready in {time.monotonic() - started:.1f} s.")
        )
