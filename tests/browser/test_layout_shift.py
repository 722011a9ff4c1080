"""No layout shift on a phone: every page type of the demo site, at 375 px with the CPU
slowed four times and the scripts arriving late, adds up its ``layout-shift`` entries
(PerformanceObserver) to a cumulative score of at most 0.02.

The scripts are held back until the page has painted, as on a slow network: the header
must already be in its final, collapsed state before any script runs."""

import time

import pytest

from tests.helpers import demo_page_urls

CLS_BUDGET = 0.02
SCRIPT_DELAY_SECONDS = 0.6

# Layout shifts the page has had so far (buffered: those before this script ran too), left
# out those right after the visitor's own input, as the CLS metric does.
READ_LAYOUT_SHIFT = """
() => new Promise((resolve) => {
  const shifts = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) {
        shifts.push({
          value: entry.value,
          sources: (entry.sources || []).map((source) => {
            const node = source.node;
            const classes = node && node.className ? "." + String(node.className) : "";
            const name = node && node.nodeType === 1
              ? node.tagName.toLowerCase() + classes.split(" ").join(".")
              : String(node && node.nodeName);
            return name + " moved " + (source.currentRect.y - source.previousRect.y) + "px";
          }),
        });
      }
    }
  });
  observer.observe({ type: "layout-shift", buffered: true });
  setTimeout(() => { observer.disconnect(); resolve(shifts); }, 300);
})
"""


def cumulative_layout_shift(page, url):
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    shifts = page.evaluate(READ_LAYOUT_SHIFT)
    return sum(shift["value"] for shift in shifts), shifts


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})

    def late_script(route):
        time.sleep(SCRIPT_DELAY_SECONDS)
        route.continue_()

    page.route("**/*.js", late_script)
    yield page
    context.close()


def test_no_page_type_shifts_its_layout_on_a_phone(phone, live_server, demo_site):
    scores = {}
    details = {}
    for name, path in demo_page_urls().items():
        score, shifts = cumulative_layout_shift(phone, live_server.url + path)
        scores[name] = round(score, 4)
        details[name] = shifts
    print("CLS at 375 px:", scores)
    failing = {name: details[name] for name, score in scores.items() if score > CLS_BUDGET}
    assert not failing, f"CLS above {CLS_BUDGET}: {scores}\n{failing}"
