"""Security headers under the production settings, on a public page and in the admin."""

import importlib
import sys

import pytest

from tests.operations.test_configuration import STRONG_KEY

SECURITY_SETTINGS = [
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "X_FRAME_OPTIONS",
]


@pytest.fixture
def production_security(settings, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", STRONG_KEY)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.setenv("SITE_URL", "https://testserver")
    # Import production afresh (and base with it) so that they read this environment.
    base = sys.modules.pop("config.settings.base")
    sys.modules.pop("config.settings.production", None)
    try:
        production = importlib.import_module("config.settings.production")
    finally:
        sys.modules["config.settings.base"] = base
        sys.modules.pop("config.settings.production", None)
    for name in SECURITY_SETTINGS:
        setattr(settings, name, getattr(production, name))
    settings.SECURE_SSL_REDIRECT = True
    return production


def test_public_page_carries_every_security_header(client, home_page, production_security):
    response = client.get("/", secure=True)

    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy


def test_plain_http_is_redirected_to_https(client, home_page, production_security):
    response = client.get("/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_admin_has_its_own_policy_that_allows_previews(
    admin_client, home_page, production_security
):
    response = admin_client.get("/admin/", secure=True)

    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "style-src 'self' 'unsafe-inline'" in policy


def test_session_and_csrf_cookies_are_secure_and_session_cookie_http_only(
    client, django_user_model, home_page, production_security
):
    django_user_model.objects.create_user("staffer", password="a-long-passphrase-1", is_staff=True)
    client.get("/admin/login/", secure=True)
    response = client.post(
        "/admin/login/",
        {"username": "staffer", "password": "a-long-passphrase-1"},
        secure=True,
    )
    assert response.status_code == 302
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["secure"] and session_cookie["httponly"]
    assert client.cookies["csrftoken"]["secure"]


def test_documents_are_served_with_a_restrictive_policy(client, home_page):
    from tests.factories import DocumentFactory

    document = DocumentFactory(title="Agenda")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
