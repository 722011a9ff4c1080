"""Email that is never lost and never holds up a request.

Every message the site sends (workflow notifications from Wagtail, notices of public
submissions to staff, password resets) goes through django-post-office's email backend,
which stores it. Once the change that caused it is committed, a background task delivers
what is waiting; a mail server that is down leaves it queued, and the scheduler
(``run_scheduler``) retries it with post-office's own retry rules.
"""

from django.db import transaction
from django.dispatch import receiver
from django_tasks import task
from post_office.lockfile import FileLock, FileLocked, default_lockfile
from post_office.mail import send_queued
from post_office.signals import email_queued


@task()
def deliver_queued_email():
    """Send what is waiting, holding the lock post-office's own command holds, so that two
    senders never send one email twice. If another sender holds it, that one sends these too
    (it runs until nothing waits)."""
    try:
        with FileLock(default_lockfile):
            send_queued(processes=1)
    except FileLocked:
        pass


@receiver(email_queued, dispatch_uid="operations-deliver-queued-email")
def deliver_after_commit(sender, emails, **kwargs):
    transaction.on_commit(deliver_queued_email.enqueue)
