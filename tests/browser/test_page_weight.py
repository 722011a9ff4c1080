"""Front-end weight on the demo site, at a 1280 px viewport, scrolled to the end so that
lazy images load too: the home page within 400 KB, the gallery within 600 KB. The same
pages, with all their real content, pass axe."""

import gzip
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.conftest import assert_accessible

BUDGETS = {"/": 400 * 1024, "/gallery/": 600 * 1024}


def transferred_bytes(page, url):
    sizes = []
    page.on("response", lambda response: sizes.append(response))
    page.goto(url, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    # Redirects have no body to count.
    return sum(len(response.body()) for response in sizes if not 300 <= response.status < 400)


@pytest.mark.parametrize("path", list(BUDGETS))
def test_pages_stay_within_their_weight_budget(page, live_server, demo_site, path):
    weight = transferred_bytes(page, live_server.url + path)
    assert 0 < weight <= BUDGETS[path], f"{path}: {weight / 1024:.0f} KB"
    assert_accessible(page)


def test_stylesheets_are_small():
    """A page loads site.css and at most one app stylesheet (plus search's on search)."""
    site_css = settings.BASE_DIR / "site" / "static" / "css" / "site.css"
    app_css = [Path(p) for p in settings.BASE_DIR.glob("*/static/*/*.css")]

    def compressed(path):
        return len(gzip.compress(path.read_bytes()))

    heaviest_page = compressed(site_css) + max(compressed(path) for path in app_css)
    assert heaviest_page < 30 * 1024
