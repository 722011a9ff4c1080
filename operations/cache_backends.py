"""A Redis cache that never takes the site down with it.

When Redis cannot be reached, every call answers as an empty cache would (reads miss,
writes are dropped, rate limits and duplicate checks let visitors through) and the backend
stops trying for a few seconds, so each request pays for at most one failed connection
instead of one per cache call. The site keeps serving, uncached.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 10


class ResilientRedisCache(RedisCache):
    _down_until = 0.0

    def _call(self, method, fallback, *args, **kwargs):
        if time.monotonic() < ResilientRedisCache._down_until:
            return fallback
        try:
            function = method if callable(method) else getattr(super(), method)
            return function(*args, **kwargs)
        except Exception as error:  # redis-py raises many types; all mean "no cache now"
            ResilientRedisCache._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning("Cache unavailable (%s); serving uncached for a while", error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def set(self, key, value, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call("set", None, key, value, version=version, **kwargs)

    def set_many(self, data, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call("set_many", [], data, version=version, **kwargs)

    def add(self, key, value, timeout=..., version=None):
        # True: "it was not there", so rate limits and duplicate checks fail open.
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call("add", True, key, value, version=version, **kwargs)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", delta, key, delta, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def touch(self, key, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call("touch", False, key, version=version, **kwargs)

    def clear(self):
        """Forget this site's keys only. Django's own ``clear`` empties the whole Redis
        database, which another service (or another site) may share."""
        if not self.key_prefix:
            return self._call("clear", None)
        return self._call(self._delete_prefixed, None)

    def _delete_prefixed(self):
        client = self._cache.get_client(None, write=True)
        keys = []
        for key in client.scan_iter(match=f"{self.key_prefix}:*", count=1000):
            keys.append(key)
            if len(keys) == 1000:
                client.delete(*keys)
                keys = []
        if keys:
            client.delete(*keys)
