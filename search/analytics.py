"""Recording searches for the editors' report without slowing anyone's search.

A search never writes to the database itself: once its response has been sent, it is
counted in this process's memory, and at most once every ``SEARCH_TALLY_SECONDS`` (and
when the process stops) the counts so far go to a background task that writes them all in
one transaction. So searches never queue behind one another's bookkeeping writes (SQLite
takes one writer at a time), and a busy minute costs one write, not one per search.

Each query counts in Wagtail's Query/QueryDailyHits (search promotions); those that found
nothing also count in ZeroResultDailyHits.
"""

import atexit
import csv
import datetime
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.db.models import F, Sum
from django.template.response import TemplateResponse
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from search.models import ZeroResultDailyHits

logger = logging.getLogger(__name__)
REPORT_PERIODS = (7, 30, 90)
# Distinct queries held before writing early (visitors can type any number of them).
MAX_PENDING_QUERIES = 5000


@task()
def record_searches(counts):
    """Add ``counts`` ([query, ISO date, found nothing, searches], ...) to the report."""
    with transaction.atomic():
        for query_string, day, found_nothing, searches in counts:
            query = Query.get(query_string)
            date = datetime.date.fromisoformat(day)
            for model, counted in ((QueryDailyHits, True), (ZeroResultDailyHits, found_nothing)):
                if counted:
                    daily, _ = model.objects.get_or_create(query=query, date=date)
                    model.objects.filter(pk=daily.pk).update(hits=F("hits") + searches)
    return len(counts)


class SearchTally:
    """The searches of this process not yet written, by query, day and outcome."""

    def __init__(self):
        self._counts = Counter()
        self._lock = threading.Lock()
        self._last_write = time.monotonic()

    def add(self, query_string, result_count):
        normalized = normalise_query_string(query_string)
        if not normalized:
            return
        key = (normalized, timezone.localdate().isoformat(), result_count == 0)
        interval = getattr(settings, "SEARCH_TALLY_SECONDS", 60)
        with self._lock:
            self._counts[key] += 1
            due = time.monotonic() - self._last_write >= interval
            if not due and len(self._counts) < MAX_PENDING_QUERIES:
                return
        self.write()

    def write(self):
        """Hand every count so far to the background task (if that fails, the counts wait
        for the next write, up to MAX_PENDING_QUERIES queries)."""
        with self._lock:
            counts, self._counts = self._counts, Counter()
            self._last_write = time.monotonic()
        if not counts:
            return
        try:
            record_searches.enqueue([[*key, searches] for key, searches in counts.items()])
        except Exception:
            logger.warning("Could not record %d searches", counts.total(), exc_info=True)
            with self._lock:
                if len(self._counts) + len(counts) <= MAX_PENDING_QUERIES:
                    self._counts.update(counts)

    @property
    def pending(self):
        with self._lock:
            return self._counts.total()


tally = SearchTally()
atexit.register(tally.write)


class CountedResponse(TemplateResponse):
    """A search page that counts its search once the server has sent it: servers call a
    response's ``close()`` when they are done with it."""

    search_to_count = None

    def close(self):
        super().close()
        if self.search_to_count is not None:
            query_string, result_count = self.search_to_count
            self.search_to_count = None
            try:
                tally.add(query_string, result_count)
            except Exception:
                logger.warning("Could not count the search %r", query_string, exc_info=True)


def record_after_response(response, query_string, result_count):
    """Count the search once ``response`` (a CountedResponse) has gone out."""
    response.search_to_count = (query_string, result_count)


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
