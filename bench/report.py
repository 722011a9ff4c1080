"""Markdown tables from the ``--json`` files of several ``run.py`` runs.

    .venv/bin/python bench/report.py sqlite-x1.json sqlite-x10.json pg-x1.json pg-x10.json

One table per run (database and size), a row per page type with the static-file baseline
of the same run first: SQL queries, p50 and p95 uncached, p50 cached, requests per second
uncached and cached, and the response's size. Then, for every run side by side, the
uncached p50 of each page type, and a last block with each run's server errors and worker
memory.
"""

import argparse
import json
from pathlib import Path


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("runs", nargs="+", type=Path, help="JSON files written by run.py")
    return parser.parse_args()


def name(run):
    return f"{run['database']} {run['size']}"


def table(header, rows):
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    print()


def run_table(run):
    print(f"**{name(run)}**\n")
    table(
        ["page", "SQL", "p50 ms", "p95 ms", "cached p50 ms", "req/s", "cached req/s", "KiB"],
        [
            [
                row["label"],
                row["queries"],
                f"{row['p50_ms']:.1f}",
                f"{row['p95_ms']:.1f}",
                f"{row['cached_p50_ms']:.1f}",
                f"{row['rps']:.0f}",
                f"{row['cached_rps']:.0f}",
                f"{row['bytes'] / 1024:.1f}",
            ]
            for row in run["rows"]
        ],
    )


def labels_of(runs):
    labels = []
    for run in runs:
        for row in run["rows"]:
            if row["label"] not in labels:
                labels.append(row["label"])
    return labels


def side_by_side(runs):
    print("**Uncached p50 ms, every run**\n")
    rows = []
    for label in labels_of(runs):
        cells = [label]
        for run in runs:
            found = next((row for row in run["rows"] if row["label"] == label), None)
            cells.append("–" if found is None else f"{found['p50_ms']:.1f}")
        rows.append(cells)
    table(["page", *(name(run) for run in runs)], rows)


def main():
    runs = [json.loads(path.read_text()) for path in parse_args().runs]
    for run in runs:
        run_table(run)
    if len(runs) > 1:
        side_by_side(runs)
    table(
        ["run", "server errors", "worker memory MiB"],
        [
            [
                name(run),
                sum(row["errors"] for row in run["rows"]),
                ", ".join(f"{size:.0f}" for size in run["worker_mib"]),
            ]
            for run in runs
        ],
    )


if __name__ == "__main__":
    main()
