"""The protections shared by every public form."""

import pytest
from django import forms
from django.test import RequestFactory

from core.protection import PublicFormMixin, duplicate_submission, rate_limited, safe_header


class ContactForm(PublicFormMixin, forms.Form):
    name = forms.CharField(max_length=50)
    message = forms.CharField(widget=forms.Textarea)


def test_valid_form_passes():
    form = ContactForm(data={"name": "Ivory", "message": "Hello"})
    assert form.is_valid(), form.errors


def test_honeypot_hit_is_refused():
    form = ContactForm(data={"name": "Bot", "message": "Buy now", "website_url": "http://spam"})
    assert not form.is_valid()
    assert form.is_spam


def test_control_characters_are_refused_with_a_message():
    form = ContactForm(data={"name": "Ivory\x00", "message": "Hi\x07"})
    assert not form.is_valid()
    assert "control characters" in form.errors["message"][0]


def test_unbounded_text_fields_get_a_length_limit():
    form = ContactForm(data={"name": "Ivory", "message": "x" * 10_001})
    assert not form.is_valid()
    assert "message" in form.errors


def test_rate_limit_blocks_after_the_limit():
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    results = [rate_limited(request, "contact", limit=3, window=60) for _ in range(5)]
    assert results == [False, False, False, True, True]
    other = RequestFactory().post("/", REMOTE_ADDR="203.0.113.10")
    assert not rate_limited(other, "contact", limit=3, window=60)


@pytest.mark.django_db
def test_duplicate_submission_is_detected_within_the_window():
    assert not duplicate_submission("contact", ["Ivory", "Hello"])
    assert duplicate_submission("contact", [" ivory ", "HELLO"])
    assert not duplicate_submission("contact", ["Ivory", "Another message"])


@pytest.mark.parametrize("value", ["Subject\r\nBcc: victim@example.org", "Line\nbreak"])
def test_email_headers_never_contain_line_breaks(value):
    assert "\n" not in safe_header(value) and "\r" not in safe_header(value)
