"""Publishing tells the CDN: a local HTTP receiver records the PURGE requests."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


class PurgeReceiver(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        PurgeReceiver.received.append((self.headers.get("Host"), self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver(settings):
    PurgeReceiver.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeReceiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield PurgeReceiver.received
    server.shutdown()


def test_publish_and_unpublish_purge_the_page_its_parent_and_home(home_page, receiver):
    section = StandardPageFactory(parent=home_page, title="About", slug="about")
    child = StandardPageFactory(parent=section, title="Phase III", slug="phase-3")
    receiver.clear()

    child.save_revision().publish()
    published = {path for _host, path in receiver}
    receiver.clear()
    child.unpublish()
    unpublished = {path for _host, path in receiver}

    assert {"/about/phase-3/", "/about/", "/"} <= published
    assert {"/about/phase-3/", "/about/", "/"} <= unpublished
