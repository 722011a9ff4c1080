"""The Wagtail admin works under its Content-Security-Policy, and the public site under its
stricter one: no violation is reported in the browser's console."""

from wagtail.models import Site

from tests.browser.conftest import assert_accessible
from tests.factories import StandardPageFactory


def watch_console(page):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("pageerror", lambda error: messages.append(str(error)))
    return messages


def csp_violations(messages):
    return [m for m in messages if "Content Security Policy" in m or "Refused to" in m]


def test_admin_editor_and_preview_raise_no_csp_errors(page, site_url, django_user_model):
    django_user_model.objects.create_superuser("chief", "chief@example.org", "a-long-passphrase-7")
    home = Site.objects.get(is_default_site=True).root_page
    about = StandardPageFactory(parent=home, title="About the Collaborative", slug="about")
    messages = watch_console(page)

    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "a-long-passphrase-7")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(f"{site_url}/admin/pages/{about.pk}/edit/")
    page.wait_for_selector("#id_title")
    page.fill("#id_title", "About the Collaborative (edited)")
    page.goto(f"{site_url}/admin/pages/{about.pk}/")
    page.goto(site_url + "/admin/snippets/")

    assert csp_violations(messages) == []


def test_public_pages_raise_no_csp_errors(page, site_url):
    home = Site.objects.get(is_default_site=True).root_page
    StandardPageFactory(
        parent=home,
        title="Recordings",
        slug="recordings",
        body=[
            (
                "embed",
                {
                    "url": "https://www.youtube.com/watch?v=abcdefghijk",
                    "title": "Meeting 3 keynote",
                    "captions": "",
                    "transcript": "Welcome.",
                },
            )
        ],
    )
    messages = watch_console(page)
    for path in ["/", "/recordings/", "/search/?q=burnout", "/missing/"]:
        page.goto(site_url + path)
    assert csp_violations(messages) == []
    assert_accessible(page)
