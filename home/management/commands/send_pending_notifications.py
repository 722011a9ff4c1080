from django.core.management.base import BaseCommand
from django_tasks.base import TaskResultStatus

from home.notifications import pending_submissions, send_submission_notification


class Command(BaseCommand):
    help = "Email staff about public submissions whose notification has not been sent yet."

    def handle(self, *args, **options):
        sent = failed = 0
        for submission in pending_submissions():
            result = send_submission_notification.enqueue(submission._meta.label, submission.pk)
            if result.status == TaskResultStatus.FAILED:
                failed += 1
            else:
                sent += 1
        self.stdout.write(f"{sent} notification(s) sent, {failed} still pending.")
