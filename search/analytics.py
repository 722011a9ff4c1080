"""Recording searches for the editors' report without slowing anyone's search.

The page hands the query to a background task once its response has been sent, so a
visitor never waits for (or queues behind) the bookkeeping writes. Each query counts in
Wagtail's Query/QueryDailyHits (search promotions); those that found nothing also count
in ZeroResultDailyHits.
"""

import csv
import datetime
import logging

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from search.models import ZeroResultDailyHits

logger = logging.getLogger(__name__)
REPORT_PERIODS = (7, 30, 90)


@task()
def record_search(query_string, result_count):
    normalized = normalise_query_string(query_string)
    if not normalized:
        return False
    today = timezone.localdate()
    with transaction.atomic():
        query = Query.get(normalized)
        query.add_hit(date=today)
        if result_count == 0:
            hits, _ = ZeroResultDailyHits.objects.get_or_create(query=query, date=today)
            ZeroResultDailyHits.objects.filter(pk=hits.pk).update(hits=F("hits") + 1)
    return True


def record_after_response(response, query_string, result_count):
    """Queue the recording for when the response has gone out (Django closes a response
    after the server has sent it)."""

    def enqueue():
        try:
            record_search.enqueue(query_string, result_count)
        except Exception:
            logger.warning("Could not record the search %r", query_string, exc_info=True)

    response._resource_closers.append(enqueue)


def report(days, *, limit=50):
    """Top queries, zero-result queries and daily volume over the last ``days`` days."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    top = list(
        QueryDailyHits.objects.filter(date__gte=since)
        .values("query__query_string")
        .annotate(hits=Sum("hits"))
        .order_by("-hits", "query__query_string")[:limit]
    )
    zero = list(
        ZeroResultDailyHits.objects.filter(date__gte=since)
        .values("query__query_string")
        .annotate(hits=Sum("hits"))
        .order_by("-hits", "query__query_string")[:limit]
    )
    totals = dict(
        QueryDailyHits.objects.filter(date__gte=since)
        .values_list("date")
        .annotate(hits=Sum("hits"))
        .values_list("date", "hits")
    )
    dates = [since + datetime.timedelta(days=offset) for offset in range(days)]
    daily = [(date, totals.get(date, 0)) for date in dates]
    return {
        "since": since,
        "top": [(row["query__query_string"], row["hits"]) for row in top],
        "zero": [(row["query__query_string"], row["hits"]) for row in zero],
        "daily": daily,
        "total": sum(hits for _, hits in daily),
    }


def daily_chart(daily, *, width=600, height=120):
    """Bars for an SVG chart of daily searches: (x, y, width, height, date, hits) each."""
    peak = max((hits for _, hits in daily), default=0) or 1
    slot = width / max(len(daily), 1)
    bars = []
    for position, (date, hits) in enumerate(daily):
        bar_height = round(hits / peak * (height - 20), 1)
        bars.append(
            {
                "x": round(position * slot + slot * 0.1, 1),
                "y": round(height - bar_height, 1),
                "width": round(slot * 0.8, 1),
                "height": bar_height,
                "date": date,
                "hits": hits,
            }
        )
    return {"bars": bars, "width": width, "height": height, "peak": peak}


def write_csv(response, data):
    """The report as CSV: one row per query, with its list and hit count."""
    writer = csv.writer(response)
    writer.writerow(["list", "query", "searches"])
    for query_string, hits in data["top"]:
        writer.writerow(["top", safe_cell(query_string), hits])
    for query_string, hits in data["zero"]:
        writer.writerow(["zero results", safe_cell(query_string), hits])
    writer.writerow([])
    writer.writerow(["date", "", "searches"])
    for date, hits in data["daily"]:
        writer.writerow([date.isoformat(), "", hits])
    return response


def safe_cell(value):
    """Visitors type queries; a leading =, +, - or @ must not become a spreadsheet formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
