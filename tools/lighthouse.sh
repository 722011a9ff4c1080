#!/usr/bin/env bash
# The Lighthouse table of deploy/LIGHTHOUSE.md: starts the production stack with the whole
# demo (deploy/check.sh --serve: nginx in front of gunicorn, production settings), runs
# Lighthouse (mobile, its default simulated throttling) RUNS times on each sample page and
# prints the median score of each category as a markdown table. Stops the stack at the end.
#
#   LIGHTHOUSE_BIN=/tmp/lh/node_modules/.bin/lighthouse tools/lighthouse.sh
#
# Lighthouse is not a dependency of the site: install it anywhere outside the repo
# (mkdir /tmp/lh && cd /tmp/lh && npm install lighthouse@12). Optional: CHROME_PATH
# (/usr/bin/chromium), RUNS (3), LIGHTHOUSE_OUT (a folder keeping the JSON reports),
# LIGHTHOUSE_SITE (measure a stack already running at that address instead of starting one),
# LIGHTHOUSE_PAGES ("label|path" lines, to measure other pages).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${LIGHTHOUSE_BIN:?set LIGHTHOUSE_BIN to the lighthouse executable (npm install lighthouse@12)}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
RUNS="${RUNS:-3}"
PY="${PY:-.venv/bin/python}"
out="${LIGHTHOUSE_OUT:-$(mktemp -d /tmp/cwb-lighthouse.XXXXXX)}"
mkdir -p "$out"
# The stack's certificate is made for the run and trusted by nobody, hence the last flag.
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking \
--disable-component-update --disable-sync --no-first-run --ignore-certificate-errors"
PAGES="${LIGHTHOUSE_PAGES:-home|/
standard page|/about/
publication index|/publications/
publication|/publications/to-care-is-human/
events index|/events/
event|/events/establishing-clinician-well-being-as-a-national-priority/
gallery|/gallery/
artwork|/gallery/handover/
search|/search/?q=burnout}"

server=""
stop() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

site="${LIGHTHOUSE_SITE:-}"
if [ -z "$site" ]; then
  url_file="$out/site-url"
  rm -f "$url_file"
  echo "Starting the production stack with the demo (about two minutes)..." >&2
  PY="$PY" DEPLOY_CHECK_URL_FILE="$url_file" bash deploy/check.sh --serve >"$out/stack.log" 2>&1 &
  server=$!
  until [ -s "$url_file" ]; do
    kill -0 "$server" 2>/dev/null || { cat "$out/stack.log" >&2; exit 1; }
    sleep 2
  done
  site="$(cat "$url_file")"
fi

while IFS='|' read -r label path; do
  [ -n "$label" ] || continue
  curl -sk -o /dev/null "$site$path"  # the first visit fills the caches; Lighthouse measures the next
  for run in $(seq 1 "$RUNS"); do
    echo "Lighthouse: $label ($path), run $run of $RUNS" >&2
    name="$(printf '%s' "$label" | tr ' ' '-')-$run"
    "$LIGHTHOUSE_BIN" "$site$path" --quiet --form-factor=mobile \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="$CHROME_FLAGS" --output=json --output-path="$out/$name.json" ||
      echo "Lighthouse failed on $path (run $run)" >&2
  done
done <<<"$PAGES"

PAGES="$PAGES" RUNS="$RUNS" "$PY" - "$out" <<'PYTHON'
import json
import os
import statistics
import sys
from pathlib import Path

out = Path(sys.argv[1])
categories = ["performance", "accessibility", "best-practices", "seo"]
print("| page | URL | performance | accessibility | best practices | SEO |")
print("| --- | --- | ---: | ---: | ---: | ---: |")
for line in os.environ["PAGES"].splitlines():
    if not line.strip():
        continue
    label, path = line.split("|", 1)
    scores = {category: [] for category in categories}
    for run in range(1, int(os.environ["RUNS"]) + 1):
        report = out / f"{label.replace(' ', '-')}-{run}.json"
        if not report.exists():
            continue
        found = json.loads(report.read_text())["categories"]
        for category in categories:
            if found.get(category, {}).get("score") is not None:
                scores[category].append(round(found[category]["score"] * 100))
    cells = []
    for category in categories:
        values = scores[category]
        if not values:
            cells.append("n/a")
        elif len(set(values)) == 1:
            cells.append(str(values[0]))
        else:
            runs = ", ".join(map(str, values))
            cells.append(f"{statistics.median_low(values)} ({runs})")
    print(f"| {label} | `{path}` | " + " | ".join(cells) + " |")
PYTHON
echo "Reports: $out" >&2
