from django.core.management.base import BaseCommand

from home.editorial import send_editorial_emails


class Command(BaseCommand):
    help = "Send workflow emails (submitted, approved, changes requested) that are still pending."

    def handle(self, *args, **options):
        # Called directly, not enqueued: this command is the retry and reports how it went.
        outcome = send_editorial_emails.call()
        self.stdout.write(
            f"{outcome['sent']} editorial email(s) sent, {outcome['failed']} still pending."
        )
