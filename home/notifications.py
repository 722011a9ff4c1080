"""Telling staff about public submissions without ever losing one.

A submission is saved first; the email is sent afterwards as a background task (Django's
task framework, immediate by default). If sending fails, the submission keeps
``notified_at`` empty and ``send_pending_notifications`` tries again later.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from home.forms import safe_header

logger = logging.getLogger(__name__)


@task()
def send_submission_notification(model_label, pk):
    model = apps.get_model(model_label)
    submission = model.objects.filter(pk=pk, notified_at__isnull=True).first()
    if submission is None:
        return False
    recipients = settings.STAFF_NOTIFICATION_EMAILS
    if not recipients:
        return False
    try:
        send_mail(
            safe_header(submission.notification_subject()),
            submission.notification_body(),
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    except Exception:
        logger.warning(
            "Notification for %s %s not sent; will retry", model_label, pk, exc_info=True
        )
        raise
    model.objects.filter(pk=pk).update(notified_at=timezone.now())
    return True


def notify_staff(submission):
    """Queue the staff email for a saved submission, once its transaction commits."""
    label = submission._meta.label
    pk = submission.pk
    transaction.on_commit(lambda: send_submission_notification.enqueue(label, pk))


def pending_submissions():
    """Every saved submission whose notification has not gone out yet."""
    from home.models import PublicSubmission

    for model in apps.get_models():
        if issubclass(model, PublicSubmission):
            yield from model.objects.filter(notified_at__isnull=True).order_by("pk")
