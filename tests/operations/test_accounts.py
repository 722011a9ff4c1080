"""Brute-force protection of the admin login, and the password rules."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db


def test_login_is_blocked_after_the_configured_failures(client, django_user_model, settings):
    django_user_model.objects.create_user(
        "editor1", password="the-right-passphrase-9", is_staff=True
    )
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/admin/login/", {"username": "editor1", "password": "wrong"})
        assert response.status_code == 200
    last_failure = client.post("/admin/login/", {"username": "editor1", "password": "wrong"})
    assert last_failure.status_code == 429

    locked = client.post(
        "/admin/login/", {"username": "editor1", "password": "the-right-passphrase-9"}
    )

    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()


def test_a_successful_login_before_the_limit_works(client, django_user_model):
    django_user_model.objects.create_user(
        "editor2", password="the-right-passphrase-9", is_staff=True
    )
    client.post("/admin/login/", {"username": "editor2", "password": "wrong"})
    response = client.post(
        "/admin/login/", {"username": "editor2", "password": "the-right-passphrase-9"}
    )
    assert response.status_code == 302


def test_an_attacker_behind_the_proxy_cannot_lock_the_account_for_everyone(
    client, django_user_model, settings
):
    settings.TRUSTED_PROXIES = 1
    django_user_model.objects.create_user(
        "editor3", password="the-right-passphrase-9", is_staff=True
    )
    attacker = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "editor3", "password": "wrong"}, **attacker)
    locked = client.post(
        "/admin/login/", {"username": "editor3", "password": "the-right-passphrase-9"}, **attacker
    )
    assert locked.status_code == 429

    editor = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.8"}
    response = client.post(
        "/admin/login/", {"username": "editor3", "password": "the-right-passphrase-9"}, **editor
    )
    assert response.status_code == 302


@pytest.mark.parametrize("password", ["short1", "password1234", "12345678901234"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)
