"""The publication index's filters: values checked against a cached set, not a query.

The foundation's filters check each selected value with a query; with three filters that
pushes a filtered index past the query budget. The values present among the live
publications change only when a publication, type, topic or view restriction changes, so
they are cached and that cache is forgotten on each such change (see ``signals``).
"""

import hashlib
import uuid

from django.core.cache import cache

from home.listing import ListingFilter

VERSION_KEY = "publications:filter-values-version"
CACHE_SECONDS = 60 * 60


def forget_known_filter_values(**kwargs):
    cache.delete(VERSION_KEY)


class KnownValuesFilter(ListingFilter):
    def exists(self, items, value):
        return "\x00" not in value and value in self.known_values(items)

    def known_values(self, items):
        version = cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None)
        fingerprint = hashlib.sha256(str(items.query).encode()).hexdigest()[:24]
        key = f"publications:filter-values:{version}:{self.param}:{fingerprint}"
        values = cache.get(key)
        if values is None:
            rows = items.order_by().values_list(self.value_field, flat=True).distinct()
            values = {str(value) for value in rows if value is not None}
            cache.set(key, values, CACHE_SECONDS)
        return values


class YearFilter(KnownValuesFilter):
    """Years arrive as text in the URL; anything but four digits is simply not a year."""

    def exists(self, items, value):
        return value.isdigit() and len(value) == 4 and super().exists(items, value)
