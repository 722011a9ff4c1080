import csv
import datetime
import io
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.analytics import daily_chart, report, tally
from search.models import ZeroResultDailyHits
from tests.search.factories import standard_page

pytestmark = pytest.mark.django_db


def hits(query_string):
    query = Query.objects.filter(query_string=query_string).first()
    return query.hits if query else 0


def zero_hits(query_string):
    return sum(
        ZeroResultDailyHits.objects.filter(query__query_string=query_string).values_list(
            "hits", flat=True
        )
    )


def test_a_search_is_counted_once_the_response_is_closed(client, home_page):
    standard_page(home_page, "Burnout study")

    client.get("/search/?q=Burnout")
    client.get("/search/?q=burnout")

    assert hits("burnout") == 2
    assert zero_hits("burnout") == 0


def test_searches_that_find_nothing_are_counted_apart(client, home_page):
    client.get("/search/?q=qwertyuiop")

    assert hits("qwertyuiop") == 1
    assert zero_hits("qwertyuiop") == 1


def test_further_pages_filters_and_bad_input_are_not_counted_again(client, home_page):
    for index in range(12):
        standard_page(home_page, f"Burnout {index}")

    client.get("/search/?q=burnout&page=2")
    client.get("/search/?q=burnout&type=pages")
    client.get("/search/?q=burnout&page=abc")
    client.get("/search/?q=")
    client.get("/search/?q=😀")

    assert Query.objects.count() == 0


def test_recording_failure_never_breaks_the_search_and_keeps_the_count(
    client, home_page, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("task queue down")

    monkeypatch.setattr("search.analytics.record_searches", SimpleNamespace(enqueue=broken))

    response = client.get("/search/?q=burnout")

    assert response.status_code == 200
    assert tally.pending == 1  # kept for the next write
    monkeypatch.undo()
    tally.write()
    assert hits("burnout") == 1


def test_a_search_itself_writes_nothing_the_counts_are_written_together(
    client, home_page, settings
):
    settings.SEARCH_TALLY_SECONDS = 3600
    tally.write()  # start a fresh interval
    standard_page(home_page, "Burnout study")
    client.get("/search/?q=")  # the site's settings row is made on the first visit

    with CaptureQueriesContext(connection) as queries:
        for query in ["burnout", "Burnout", "resilience", "qwertyuiop"]:
            assert client.get(f"/search/?q={query}").status_code == 200

    statements = [query["sql"].lstrip().upper() for query in queries]
    assert not [sql for sql in statements if sql.startswith(("INSERT", "UPDATE", "DELETE"))]
    assert Query.objects.count() == 0
    assert tally.pending == 4

    tally.write()

    assert (hits("burnout"), hits("resilience"), hits("qwertyuiop")) == (2, 1, 1)
    assert zero_hits("qwertyuiop") == 1
    assert tally.pending == 0


def test_report_lists_top_and_zero_result_queries_with_daily_totals(home_page):
    today = timezone.localdate()
    burnout = Query.get("burnout")
    QueryDailyHits.objects.create(query=burnout, date=today, hits=5)
    QueryDailyHits.objects.create(query=burnout, date=today - datetime.timedelta(days=3), hits=2)
    QueryDailyHits.objects.create(query=burnout, date=today - datetime.timedelta(days=60), hits=100)
    typo = Query.get("burnuot")
    QueryDailyHits.objects.create(query=typo, date=today, hits=1)
    ZeroResultDailyHits.objects.create(query=typo, date=today, hits=1)

    data = report(30)

    assert data["top"] == [("burnout", 7), ("burnuot", 1)]
    assert data["zero"] == [("burnuot", 1)]
    assert len(data["daily"]) == 30
    assert data["daily"][-1] == (today, 6)
    assert data["total"] == 8
    chart = daily_chart(data["daily"])
    assert max(bar["height"] for bar in chart["bars"]) == chart["height"] - 20
    assert report(90)["top"][0] == ("burnout", 107)


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("searchadmin", "admin@example.org", "a-long-password-1")


def test_admin_report_shows_the_chart_and_tables(client, superuser, home_page):
    client.force_login(superuser)
    standard_page(home_page, "Resilience toolkit")
    client.get("/search/?q=resilience")
    client.get("/search/?q=zzzznothing")

    response = client.get("/admin/reports/search-queries/?days=7")

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    tables = page.select("table")
    assert "resilience" in tables[0].get_text() and "zzzznothing" in tables[0].get_text()
    assert "zzzznothing" in tables[1].get_text() and "resilience" not in tables[1].get_text()
    assert len(page.select("svg rect")) == 7
    assert page.select_one("svg title").get_text().startswith("Searches per day")


def test_admin_report_exports_csv_without_spreadsheet_formulas(client, superuser, home_page):
    client.force_login(superuser)
    client.get("/search/", {"q": "=HYPERLINK(1)"})

    response = client.get("/admin/reports/search-queries/?days=30&export=csv")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["list", "query", "searches"]
    assert ["top", "'=hyperlink(1)", "1"] in rows
    assert rows[-1][0] == timezone.localdate().isoformat()


def test_admin_report_refuses_users_without_search_permissions(client, home_page):
    editor = User.objects.create_user("plain", "plain@example.org", "a-long-password-1")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    response = client.get("/admin/reports/search-queries/")

    assert response.status_code in (302, 403)


def test_admin_report_is_open_to_staff_who_manage_promotions(client, home_page):
    staff = User.objects.create_user("promoter", "p@example.org", "a-long-password-1")
    group = Group.objects.create(name="Search staff")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_searchpromotion"),
    )
    staff.groups.add(group)
    client.force_login(staff)

    response = client.get("/admin/reports/search-queries/?days=abc")

    assert response.status_code == 200
    assert "Last 30 days" in response.content.decode()
