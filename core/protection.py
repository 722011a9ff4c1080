"""Protections every public form shares: honeypot, control characters, length limits,
per-IP rate limit and duplicate detection.

A form mixes in ``PublicFormMixin``; its view calls ``check_submission_allowed`` before
saving. Limits live in the cache, so they hold across workers when the cache is Redis.
"""

import datetime
import hashlib
import ipaddress
import re

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
HONEYPOT_FIELD = "website_url"


class HoneypotInput(forms.TextInput):
    template_name = "includes/honeypot_input.html"


class PublicFormMixin:
    """Add to any public ``forms.Form`` or ``forms.ModelForm``."""

    honeypot_message = "Your submission could not be accepted."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label="Leave this field empty",
            widget=HoneypotInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length is None:
                # Every text field gets a ceiling, even a free-text one.
                field.max_length = 10_000
                field.validators.append(_max_length_validator(10_000))
                field.widget.attrs.setdefault("maxlength", "10000")

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD))

    def clean(self):
        cleaned = super().clean()
        if self.is_spam:
            raise ValidationError(self.honeypot_message, code="spam")
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
                self.add_error(
                    name, "This field contains invisible control characters; please retype it."
                )
        return cleaned


FINGERPRINT_LIFETIME = datetime.timedelta(days=1)

# The largest key a database column holds: anything larger is not an object of ours.
LARGEST_KEY = 2**63 - 1


def _is_key(value):
    text = str(value).strip()
    return text.isdigit() and int(text) <= LARGEST_KEY


class ModelChoiceField(forms.ModelChoiceField):
    """Django's, with a made-up number (``medium=99999999999999999999``) answered as an
    invalid choice before it reaches the database, which cannot hold it."""

    def to_python(self, value):
        if value not in self.empty_values and not _is_key(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """The same for several choices."""

    def clean(self, value):
        for choice in value or ():
            if not _is_key(choice):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(choice)[:40]},
                )
        return super().clean(value)


def _max_length_validator(limit):
    from django.core.validators import MaxLengthValidator

    return MaxLengthValidator(limit)


def client_address(request):
    """The visitor's address, for rate limits and sign-in lockouts (django-axes uses this
    too, ``AXES_CLIENT_IP_CALLABLE``).

    Behind proxies (``TRUSTED_PROXIES``: how many there are, or their addresses) each proxy
    appends the address it received the request from to ``X-Forwarded-For``; reading the
    chain from the right, past the trusted proxies, gives the visitor. Anything further left
    was written by the visitor and is never believed. With no trusted proxy, the address
    the connection came from.
    """
    trusted = settings.TRUSTED_PROXIES
    chain = [
        *(hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")),
        request.META.get("REMOTE_ADDR", ""),
    ]
    chain = [hop for hop in chain if hop]
    if isinstance(trusted, int):
        return chain[max(len(chain) - 1 - trusted, 0)] if chain else ""
    while len(chain) > 1 and _is_trusted(chain[-1], trusted):
        chain.pop()
    return chain[-1] if chain else ""


def _is_trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def _digest(*parts):
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def rate_limited(request, scope, *, limit=5, window=600, per=None):
    """True once this address (or ``per``, another identity such as an email address) has
    posted ``limit`` times to ``scope`` within ``window`` seconds.

    Operators can tune a scope with ``PUBLIC_FORM_RATE_LIMITS = {"scope": (limit, window)}``.
    """
    limit, window = getattr(settings, "PUBLIC_FORM_RATE_LIMITS", {}).get(scope, (limit, window))
    key = f"ratelimit:{scope}:{_digest(per or client_address(request))}"
    added = cache.add(key, 1, window)
    if added or added is None:  # the first post, or no cache to count in: let it through
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count is not None and count > limit


def duplicate_submission(scope, fingerprint_parts, *, window=300):
    """True if the same content was submitted to ``scope`` within ``window`` seconds.

    Remembered in the database, whose unique key decides between two identical posts
    arriving at the same moment (a double click, a retrying browser): exactly one of them
    is new. Only a digest of the content is kept, and only for a day.
    """
    from core.models import SubmissionFingerprint

    digest = _digest(scope, *[str(part).strip().lower() for part in fingerprint_parts])
    now = timezone.now()
    _, created = SubmissionFingerprint.objects.get_or_create(
        digest=digest, defaults={"seen_at": now}
    )
    if created:
        SubmissionFingerprint.objects.filter(seen_at__lt=now - FINGERPRINT_LIFETIME).delete()
        return False
    # Seen before: new again once the window has passed (one request wins the renewal).
    renewed = SubmissionFingerprint.objects.filter(
        digest=digest, seen_at__lt=now - datetime.timedelta(seconds=window)
    ).update(seen_at=now)
    return renewed == 0


def safe_header(value, limit=150):
    """A single-line value for an email header: no CR/LF, ever."""
    return " ".join(str(value).split())[:limit]
