import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from operations.mail import deliver_queued_email


class Command(BaseCommand):
    help = (
        "Publish pages whose scheduled time has come, unpublish expired ones and retry "
        "pending workflow emails; repeat every --interval seconds (or once with --once)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=int,
            default=60,
            help="Seconds between runs (default 60). Scheduled times are met within this.",
        )
        parser.add_argument("--once", action="store_true", help="Run one pass and exit.")

    def handle(self, *args, interval, once, **options):
        if interval < 1:
            interval = 1
        while True:
            if once:
                self.run_once()
                return
            try:
                self.run_once()
            except Exception as error:  # keep the loop alive; the next pass retries
                self.stderr.write(f"Scheduler pass failed: {error!r}")
            time.sleep(interval)

    def run_once(self):
        call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
        deliver_queued_email.call()
