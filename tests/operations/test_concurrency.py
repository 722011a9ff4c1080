"""200 simultaneous valid submissions of a public form: exactly 200 are stored (PostgreSQL)."""

import re
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar

import pytest
from django.db import connection

from community.models import CommitmentStatementSubmission
from tests.community.factories import (
    CommitmentStatementPageFactory,
    NetworkOrganizationIndexPageFactory,
)
from tests.factories import make_home_page

SUBMISSIONS = 200
# Django's test server keeps at most 10 connections waiting to be accepted (its listen
# backlog); more at once are refused by the test server itself, whatever the site does.
AT_ONCE = 10


@pytest.fixture
def form_url(live_server, transactional_db, settings):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Concurrent writes are proven on PostgreSQL (run with DATABASE_URL=postgres://…)"
        )
    settings.PUBLIC_FORM_RATE_LIMITS = {"commitment-statement": (10_000, 60)}
    home = make_home_page()
    index = NetworkOrganizationIndexPageFactory(parent=home)
    page = CommitmentStatementPageFactory(parent=index)
    return live_server.url + page.url


def test_two_hundred_simultaneous_submissions_are_all_stored(form_url):
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(form_url, timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)

    def submit(number):
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "organization_name": f"Load Test Health System {number}",
                "contact_name": f"Contact {number}",
                "contact_email": f"contact{number}@example.org",
                "statement_text": f"Statement number {number}: we commit to measuring burnout.",
                "consent": "on",
                "website_url": "",
            }
        ).encode()
        request = urllib.request.Request(
            form_url, data=data, headers={"Cookie": cookie, "Referer": form_url}
        )
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        with opener.open(request, timeout=120) as response:
            return response.status

    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        statuses = list(pool.map(submit, range(SUBMISSIONS)))

    assert all(status == 200 for status in statuses), statuses  # the thank-you page
    assert CommitmentStatementSubmission.objects.count() == SUBMISSIONS
    names = set(CommitmentStatementSubmission.objects.values_list("organization_name", flat=True))
    assert len(names) == SUBMISSIONS


@pytest.fixture
def form_page(live_server, transactional_db, settings):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Concurrent writes are proven on PostgreSQL (run with DATABASE_URL=postgres://…)"
        )
    settings.PUBLIC_FORM_RATE_LIMITS = {"commitment-statement": (10_000, 60)}
    home = make_home_page()
    index = NetworkOrganizationIndexPageFactory(parent=home)
    return live_server.url + CommitmentStatementPageFactory(parent=index).url


def test_the_same_statement_sent_ten_times_at_once_is_stored_once(form_page):
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(form_page, timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "organization_name": "Riverside Health System",
            "contact_name": "Ana Ortiz",
            "contact_email": "ana@riverside.example.org",
            "statement_text": "We commit to measuring burnout every year.",
            "consent": "on",
            "website_url": "",
        }
    ).encode()

    def submit(_):
        request = urllib.request.Request(
            form_page, data=data, headers={"Cookie": cookie, "Referer": form_page}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status

    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        statuses = list(pool.map(submit, range(AT_ONCE)))

    assert statuses == [200] * AT_ONCE  # every one thanked
    assert CommitmentStatementSubmission.objects.count() == 1
