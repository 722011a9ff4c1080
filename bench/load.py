"""A mixed load against gunicorn on 127.0.0.1: page views, searches and form posts.

    .venv/bin/python bench/load.py --seconds 60              # SQLite, 2 workers
    .venv/bin/python bench/load.py --database postgres --reuse

Virtual users loop until the time is up, each request chosen at random: 75% page views (the
sitemap's pages, anonymous, so mostly from the page cache), 20% searches, 5% commitment
statement submissions (with their CSRF token; the per-address rate limit answers most of
them with a clear refusal, which is the point). Prints requests per second, p95 and the
count of server errors (5xx) per request type.
"""

import argparse
import random
import re
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from http.cookiejar import CookieJar

from common import add_database_arguments, build_site, fetch, gunicorn, percentile

SEARCHES = [
    "clinician burnout",
    "nurse suicide",
    "EHR documentation",
    "well-being",
    "wellbeing",
    "national plan",
    "team-based care",
    "Dzau",
    "resilience art",
    "COVID-19",
    "physician assistant",
    "zzzz qqqq",
]


def sitemap_paths(base):
    request = urllib.request.Request(base + "/sitemap.xml", headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=30) as response:  # 127.0.0.1 only
        xml = response.read().decode()
    return [urllib.parse.urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]


def form_path(paths):
    """The commitment statement form (a page whose slug starts with "submit")."""
    return next(
        (path for path in paths if path.rstrip("/").rsplit("/", 1)[-1].startswith("submit")), None
    )


class VirtualUser(threading.Thread):
    def __init__(self, base, paths, form, deadline, results, lock, seed):
        super().__init__()
        self.base, self.paths, self.form = base, paths, form
        self.deadline, self.results, self.lock = deadline, results, lock
        self.random = random.Random(seed)
        self.token = None
        self.cookie = ""

    def record(self, kind, seconds, status):
        with self.lock:
            self.results[kind].append((seconds, status))

    def prepare_form(self):
        jar = CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        request = urllib.request.Request(
            self.base + self.form, headers={"X-Forwarded-Proto": "https"}
        )
        html = opener.open(request, timeout=30).read().decode()  # 127.0.0.1 only
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        self.token = match.group(1) if match else ""
        self.cookie = "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)

    def run(self):
        count = 0
        while time.perf_counter() < self.deadline:
            roll = self.random.random()
            try:
                if roll < 0.75 or (roll >= 0.95 and not self.form):
                    path = self.random.choice(self.paths)
                    self.record("page view", *fetch(self.base + path)[:2])
                elif roll < 0.95:
                    query = urllib.parse.quote_plus(self.random.choice(SEARCHES))
                    self.record("search", *fetch(f"{self.base}/search/?q={query}")[:2])
                else:
                    if self.token is None:
                        self.prepare_form()
                    count += 1
                    data = urllib.parse.urlencode(
                        {
                            "csrfmiddlewaretoken": self.token,
                            "organization_name": f"Load test organization {self.ident}-{count}",
                            "contact_name": "Load Tester",
                            "contact_email": f"load{count}@example.org",
                            "statement_text": f"Load test statement {self.ident}-{count}.",
                            "consent": "on",
                        }
                    ).encode()
                    # Behind the (simulated) TLS proxy the page's own address is https.
                    referer = self.base.replace("http://", "https://", 1) + self.form
                    headers = {"Cookie": self.cookie, "Referer": referer}
                    self.record(
                        "form post", *fetch(self.base + self.form, headers=headers, data=data)[:2]
                    )
            except OSError:
                self.record("connection error", 0.0, 599)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    add_database_arguments(parser)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--users", type=int, default=8)
    args = parser.parse_args()
    env = build_site(args)
    results, lock = defaultdict(list), threading.Lock()
    with gunicorn(env, args.workers, args.port) as (_server, base):
        paths = sitemap_paths(base)
        form = form_path(paths)
        started = time.perf_counter()
        deadline = started + args.seconds
        users = [
            VirtualUser(base, paths, form, deadline, results, lock, seed)
            for seed in range(args.users)
        ]
        for user in users:
            user.start()
        for user in users:
            user.join()
        elapsed = time.perf_counter() - started

    print(
        f"\n{args.users} virtual users, {args.workers} workers, {elapsed:.0f} s, {len(paths)} pages"
    )
    print(f"{'request type':18} {'requests':>9} {'req/s':>8} {'p95 ms':>8} {'5xx':>5}  statuses")
    total_errors = 0
    for kind, samples in sorted(results.items()):
        statuses = defaultdict(int)
        for _seconds, status in samples:
            statuses[status] += 1
        errors = sum(count for status, count in statuses.items() if status >= 500)
        total_errors += errors
        p95 = percentile([seconds * 1000 for seconds, _ in samples], 0.95)
        summary = ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items()))
        print(
            f"{kind:18} {len(samples):>9} {len(samples) / elapsed:>8.1f} {p95:>8.1f} {errors:>5}  {summary}"
        )
    print(f"\nServer errors (5xx): {total_errors}")
    return 1 if total_errors else 0


if __name__ == "__main__":
    sys.exit(main())
