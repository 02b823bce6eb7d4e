"""The Spark job, run in ``local[2]`` on a WARC made from the bundled corpus,
gives the CLI's documents, events and ceasefires, and survives a missing file
and a truncated record.

Needs pyspark, the installed ``dateline`` module, Java 17 and the CLI binary
(see ``dateline_testing.py`` for where it is looked for).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "jobs"))
from dateline_testing import cli_binary  # noqa: E402
import make_test_warc  # noqa: E402

LONG_TEXTS = sorted((ROOT / "corpus").glob("*/*.txt"))


@pytest.fixture(scope="module")
def job(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Runs the job once: two WARC files (one gzip with a truncated record)
    and a missing one."""
    work = tmp_path_factory.mktemp("spark")
    pages = list(make_test_warc.corpus_pages(ROOT / "corpus"))
    first, second = work / "a.warc.gz", work / "b.warc"
    make_test_warc.main([str(first), "--repeat", "2", "--gzip", "--truncate"])
    with open(second, "wb") as out:
        make_test_warc.write_warc(out, pages[:3])
    listing = work / "paths.txt"
    listing.write_text(f"# test inputs\n{first}\n{work / 'missing.warc.gz'}\n\n{second}\n")
    out = work / "out"
    env = {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1",
           "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}
    submit = Path(sys.executable).parent / "spark-submit"
    proc = subprocess.run(
        [str(submit), "--master", "local[2]", "--conf", "spark.ui.enabled=false",
         "--conf", "spark.sql.shuffle.partitions=4",
         str(ROOT / "jobs" / "spark_timeline.py"), str(listing), str(out), "--batch-size", "16"],
        env=env, capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-5000:]
    cli = subprocess.run([str(cli_binary()), "annotate", str(first), str(second)],
                         capture_output=True, text=True, check=False)
    assert cli.returncode == 1, "the truncated record makes the CLI's run partial"
    expected = [json.loads(line) for line in cli.stdout.splitlines()]
    return {"out": out, "expected": expected, "pages": len(pages),
            "report": json.loads((out / "report.json").read_text()),
            "paths": (str(first), str(second))}


def test_counters_and_failures(job: dict) -> None:
    report = job["report"]
    assert report["files"] == 3
    assert report["files_failed"] == 1
    assert report["records_read"] == 2 * job["pages"] + 1 + 3
    assert report["records_failed"] == 1, "the truncated record"
    assert report["records_skipped"] == 4, "a warcinfo and a request record per file"
    errors = [f["error"] for f in report["failures"]]
    assert any("missing.warc.gz" in e for e in errors)
    assert any("truncated" in e for e in errors)
    assert report["documents"] == len(job["expected"])


def test_documents_equal_the_cli(job: dict) -> None:
    table = pq.read_table(job["out"] / "documents").to_pylist()
    assert len(table) == len(job["expected"])
    by_location = {(r["path"], r["record"]): r for r in table}
    for doc in job["expected"]:
        row = by_location[(doc["source"]["path"], doc["source"]["record"])]
        assert json.loads(row["document"]) == doc
        assert row["id"] == doc["id"]
        assert row["title"] == doc["title"]
        assert row["event_count"] == len(doc.get("events", []))
        assert row["ceasefire_count"] == len(doc.get("ceasefires", []))
        assert str(row["published"] or None) == str(doc["published"])


def test_events_and_ceasefires_tables(job: dict) -> None:
    events = pq.read_table(job["out"] / "events").to_pylist()
    ceasefires = pq.read_table(job["out"] / "ceasefires").to_pylist()
    expected_events = Counter()
    for doc in job["expected"]:
        for event in doc.get("events", []):
            expected_events[(doc["id"], event["type"], event["cameo"])] += 1
    assert Counter((e["doc"], e["type"], e["cameo"]) for e in events) == expected_events
    assert len(ceasefires) == sum(len(d.get("ceasefires", [])) for d in job["expected"])
    assert ceasefires, "the bundled articles report ceasefires"
    first = events[0]
    assert json.loads(first["event"])["type"] == first["type"]


def test_copies_are_grouped_as_near_duplicates(job: dict) -> None:
    duplicates = pq.read_table(job["out"] / "duplicates").to_pylist()
    group = {d["doc"]: d["representative"] for d in duplicates}
    docs = {(d["source"]["path"], d["source"]["record"]): d for d in job["expected"]}
    first = job["paths"][0]
    pages = job["pages"]
    # The long bundled articles come first in the file; copy 2 of page k is
    # record k + pages (record 1 is the warcinfo).
    for k in range(len(LONG_TEXTS)):
        original, copy = docs[(first, 2 + k)], docs[(first, 2 + k + pages)]
        assert original["id"] != copy["id"]
        assert group[original["id"]] == group[copy["id"]]
        assert all(0.5 <= d["similarity"] <= 1.0 for d in duplicates)


def test_timelines_link_events_across_files(job: dict) -> None:
    entries = pq.read_table(job["out"] / "timelines").to_pylist()
    events = {e["event_id"] for e in pq.read_table(job["out"] / "events").to_pylist()}
    ceasefire_ids = {c["ceasefire_id"]
                     for c in pq.read_table(job["out"] / "ceasefires").to_pylist()}
    assert entries
    for entry in entries:
        assert entry["sources"] and entry["events"]
        assert set(entry["events"]) <= events | ceasefire_ids
        assert 1 <= entry["independent_sources"] <= entry["source_count"]
    assert any(e["kind"] == "ceasefire" for e in entries)
    # An article and its edited copy: their events are one entry with two
    # sources, one of them independent.
    assert any(e["source_count"] > e["independent_sources"] for e in entries)
    lines = (job["out"] / "timelines_json").glob("*.json")
    assert sum(1 for f in lines for _ in f.open()) == len(entries)
