"""The visitor's address behind the site's proxies, as rate limits and lockouts read it."""

import ipaddress

import pytest
from django.test import RequestFactory

from core.protection import client_address


def address(trusted, remote, forwarded=None, settings=None):
    settings.TRUSTED_PROXIES = trusted
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **headers))


@pytest.mark.parametrize(
    "trusted, remote, forwarded, expected",
    [
        (0, "198.51.100.1", None, "198.51.100.1"),
        (0, "198.51.100.1", "203.0.113.9", "198.51.100.1"),  # nobody vouches for the header
        (1, "10.0.0.2", "198.51.100.1", "198.51.100.1"),
        (1, "10.0.0.2", "203.0.113.9, 198.51.100.1", "198.51.100.1"),  # forged hop ignored
        (2, "10.0.0.3", "198.51.100.1, 10.0.0.2", "198.51.100.1"),  # CDN, then nginx
        (1, "10.0.0.2", None, "10.0.0.2"),  # a request that did not pass the proxy
        (
            [ipaddress.ip_network("10.0.0.0/8")],
            "10.0.0.3",
            "198.51.100.1, 10.0.0.2",
            "198.51.100.1",
        ),
        ([ipaddress.ip_network("10.0.0.0/8")], "198.51.100.5", "203.0.113.9", "198.51.100.5"),
    ],
)
def test_the_visitor_is_read_past_the_trusted_proxies_only(
    settings, trusted, remote, forwarded, expected
):
    assert address(trusted, remote, forwarded, settings) == expected
