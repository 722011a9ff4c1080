"""One Markdown table from the ``--json`` files of several ``run.py`` runs.

    .venv/bin/python bench/report.py sqlite-x1.json sqlite-x10.json pg-x1.json pg-x10.json

Each run becomes a column (database and size); each page type a row, the static-file
baseline of the same run first: SQL queries, p50 and p95 uncached, p50 cached, requests per
second uncached and cached, and the response's size. A last block gives each run's largest
response, server errors and worker memory.
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


def cell(row):
    if row is None:
        return "–"
    return (
        f"{row['queries']} · {row['p50_ms']:.1f} / {row['p95_ms']:.1f} · "
        f"{row['cached_p50_ms']:.1f} · {row['rps']:.0f} / {row['cached_rps']:.0f} · "
        f"{row['bytes'] / 1024:.1f}"
    )


def main():
    args = parse_args()
    runs = [json.loads(path.read_text()) for path in args.runs]
    labels = []
    for run in runs:
        for row in run["rows"]:
            if row["label"] not in labels:
                labels.append(row["label"])
    print(
        "Each cell: SQL queries · p50 / p95 ms uncached · p50 ms cached · "
        "req/s uncached / cached · KiB\n"
    )
    print("| page | " + " | ".join(name(run) for run in runs) + " |")
    print("| --- |" + " --- |" * len(runs))
    for label in labels:
        cells = []
        for run in runs:
            found = next((row for row in run["rows"] if row["label"] == label), None)
            cells.append(cell(found))
        print(f"| {label} | " + " | ".join(cells) + " |")
    print()
    print("| run | largest page KiB | errors | worker memory MiB |")
    print("| --- | --- | --- | --- |")
    for run in runs:
        largest = max(run["rows"], key=lambda row: row["bytes"])
        errors = sum(row["errors"] for row in run["rows"])
        memory = ", ".join(f"{size:.0f}" for size in run["worker_mib"])
        print(
            f"| {name(run)} | {largest['bytes'] / 1024:.1f} ({largest['label']}) | "
            f"{errors} | {memory} |"
        )


if __name__ == "__main__":
    main()
