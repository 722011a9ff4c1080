"""Endpoints for the load balancer: /healthz (the process is alive) and /readyz (it can
serve: the database answers; the cache and Elasticsearch, when configured, are reported
but a node without them still serves)."""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from operations.middleware import database_reachable


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def _check_cache():
    key = "readyz-probe"
    cache.set(key, "1", 10)
    return cache.get(key) == "1"


def _check_elasticsearch():
    from elasticsearch import Elasticsearch

    client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=2, max_retries=0)
    return bool(client.ping())


# Without these the site still serves every page (uncached, or searching the database
# instead): a node missing one is degraded, not unready, and stays in the load balancer.
OPTIONAL_CHECKS = ("cache", "elasticsearch")


@never_cache
def readyz(request):
    checks = {"database": database_reachable}
    if settings.REDIS_URL:
        checks["cache"] = _check_cache
    if settings.ELASTICSEARCH_URL:
        checks["elasticsearch"] = _check_elasticsearch
    results = {}
    for name, check in checks.items():
        started = time.perf_counter()
        try:
            ok = check()
        except Exception:
            ok = False
        results[name] = {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}
    ready = all(result["ok"] for name, result in results.items() if name not in OPTIONAL_CHECKS)
    status = "ok" if all(result["ok"] for result in results.values()) else "degraded"
    return JsonResponse(
        {"status": status if ready else "unavailable", "checks": results},
        status=200 if ready else 503,
    )
