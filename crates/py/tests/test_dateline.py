"""The Python package gives what the CLI gives on the same input.

Needs the ``dateline`` module installed (``maturin develop``) and the CLI
binary (see ``jobs/dateline_testing.py`` for where it is looked for).
"""

from __future__ import annotations

import datetime
import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest

import dateline

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "corpus"
TEXTS = sorted(CORPUS.glob("*/*.txt"))

sys.path.insert(0, str(ROOT / "jobs"))
import dateline_testing  # noqa: E402
import make_test_warc  # noqa: E402


@pytest.fixture(scope="session")
def cli() -> Path:
    return dateline_testing.cli_binary()


def run_cli(cli: Path, *args: str) -> list[dict]:
    """The JSON documents the CLI prints, one per line."""
    out = subprocess.run(
        [str(cli), *args], cwd=ROOT, check=False, capture_output=True, text=True
    )
    assert out.returncode in (0, 1), out.stderr  # 1: some records failed
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_bundled_texts_are_there() -> None:
    assert len(TEXTS) >= 3


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_annotate_equals_cli(cli: Path, path: Path) -> None:
    rel = str(path.relative_to(ROOT))
    [expected] = run_cli(cli, "annotate", rel)
    got = dateline.annotate(path.read_bytes(), path=rel)
    assert got == expected
    assert got["events"], "the bundled articles code events"


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_extract_and_as_is_equal_cli(cli: Path, path: Path) -> None:
    rel = str(path.relative_to(ROOT))
    [expected] = run_cli(cli, "extract", rel)
    assert dateline.extract(path.read_bytes(), path=rel) == expected
    [expected] = run_cli(cli, "annotate", "--as-is", rel)
    assert dateline.annotate(path.read_bytes(), as_is=True, path=rel) == expected


def test_str_and_bytes_give_the_same_document() -> None:
    path = TEXTS[0]
    assert dateline.annotate(path.read_text(encoding="utf-8")) == dateline.annotate(
        path.read_bytes()
    )
    assert dateline.annotate(path.read_bytes())["source"]["path"] is None


def test_url_published_and_id_are_kept() -> None:
    text = TEXTS[0].read_text(encoding="utf-8")
    doc = dateline.annotate(
        text, url="https://example.org/kerry", published=datetime.date(2015, 11, 17), id="k1"
    )
    assert doc["source"]["url"] == "https://example.org/kerry"
    assert doc["published"] == "2015-11-17"
    assert doc["source"]["record_id"] == "k1"
    assert dateline.annotate(text, as_is=True, id="k1")["id"] == "k1"
    with pytest.warns(UserWarning, match="not a calendar date"):
        doc = dateline.extract("The truce held on Sunday.", published="someday")
    assert doc["published"] is None


def test_unusable_input_raises_value_error() -> None:
    with pytest.raises(ValueError, match="empty"):
        dateline.annotate("   \n")
    with pytest.raises(ValueError, match="binary"):
        dateline.extract(b"\x00\x01\x02\x03\x00\x00binary\x00")


def corpus_batch() -> pa.RecordBatch:
    """The bundled texts and the WCEP items, with URLs, dates and ids."""
    items = [json.loads(line) for line in (CORPUS / "wcep.jsonl").read_text().splitlines()]
    content = [p.read_text(encoding="utf-8") for p in TEXTS] + [i["text"] for i in items[:12]]
    return pa.RecordBatch.from_pydict(
        {
            "content": content,
            "url": [None] * len(TEXTS) + [i.get("url") for i in items[:12]],
            "published": [None] * len(TEXTS) + [i.get("published") for i in items[:12]],
            "id": [f"row-{n}" for n in range(len(content))],
        }
    )


def test_annotate_batch_equals_row_by_row() -> None:
    batch = corpus_batch()
    out = dateline.annotate_batch(batch)
    assert out.schema == dateline.annotate_batch_schema()
    assert out.num_rows == batch.num_rows
    rows = out.to_pylist()
    for given, got in zip(batch.to_pylist(), rows):
        single = dateline.annotate(
            given["content"], url=given["url"], published=given["published"], id=given["id"]
        )
        assert json.loads(got["document"]) == single
        assert got["error"] is None
        assert got["record_id"] == given["id"]
        assert got["id"] == single["id"]
        assert got["title"] == single["title"]
        assert got["text"] == single["text"]
        assert json.loads(got["events"]) == single.get("events", [])
        assert json.loads(got["ceasefires"]) == single.get("ceasefires", [])
        assert got["event_count"] == len(single.get("events", []))
        published = single["published"]
        assert got["published"] == (published and datetime.date.fromisoformat(published))
    assert sum(r["event_count"] for r in rows) > 0


def test_annotate_batch_accepts_binary_and_large_string() -> None:
    batch = corpus_batch()
    for kind in (pa.binary(), pa.large_string()):
        cast = pa.RecordBatch.from_arrays(
            [batch.column(0).cast(kind), *batch.columns[1:]], names=batch.schema.names
        )
        assert dateline.annotate_batch(cast).column("document") == dateline.annotate_batch(
            batch
        ).column("document")


def test_bad_rows_give_an_error_not_an_exception() -> None:
    good = TEXTS[0].read_bytes()
    batch = pa.RecordBatch.from_pydict(
        {"content": pa.array([good, None, b"  ", b"\x00\x01\x02\x00binary\x00", good], pa.binary())}
    )
    rows = dateline.annotate_batch(batch).to_pylist()
    assert [r["error"] is None for r in rows] == [True, False, False, False, True]
    assert "no content" in rows[1]["error"]
    assert "empty" in rows[2]["error"]
    assert "binary" in rows[3]["error"]
    assert all(r["document"] is None for r in rows[1:4])
    assert rows[0]["document"] == rows[4]["document"]


def test_batch_without_content_is_refused() -> None:
    with pytest.raises(ValueError, match="content"):
        dateline.annotate_batch(pa.RecordBatch.from_pydict({"text": ["a truce"]}))


@pytest.fixture(scope="session")
def warc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A WARC of the bundled corpus with a warcinfo, a request and a
    truncated record."""
    path = tmp_path_factory.mktemp("warc") / "corpus.warc"
    pages = list(make_test_warc.corpus_pages(CORPUS))
    with open(path, "wb") as out:
        written = make_test_warc.write_warc(out, pages, truncate=True)
    assert written == len(pages)
    return path


def test_read_warc_yields_records_and_located_errors(warc: Path) -> None:
    reader = dateline.read_warc(warc)
    items = list(reader)
    pages = list(make_test_warc.corpus_pages(CORPUS))
    assert len(items) == len(pages) + 1
    records, [error] = items[:-1], items[-1:]
    assert [r["url"] for r in records] == [p.url for p in pages]
    assert all(r["error"] is None for r in records)
    assert [r["markup"] for r in records] == ["html" if p.html else "text" for p in pages]
    assert records[0]["content"] == TEXTS[0].read_text(encoding="utf-8")
    assert records[0]["record"] == 2, "the warcinfo record is record 1"
    assert error["content"] is None
    assert "truncated" in error["error"]
    assert error["path"] == str(warc) and error["offset"] > 0
    assert str(error["offset"]) in error["error"]
    assert reader.skipped == 2, "warcinfo and request"


def test_read_warc_of_a_missing_file_is_one_error_item(tmp_path: Path) -> None:
    [item] = list(dateline.read_warc(tmp_path / "missing.warc.gz"))
    assert "missing.warc.gz" in item["error"]
    assert item["content"] is None


def test_warc_batches_annotate_like_the_cli(cli: Path, warc: Path) -> None:
    expected = run_cli(cli, "annotate", str(warc))
    batches = dateline.read_warc_batches(warc, batch_size=7)
    rows = [row for b in batches for row in dateline.annotate_batch(b).to_pylist()]
    assert batches.skipped == 2
    documents = [json.loads(r["document"]) for r in rows if r["error"] is None]
    assert documents == expected
    errors = [r for r in rows if r["error"] is not None]
    assert len(errors) == 1 and "truncated" in errors[0]["error"]
    assert errors[0]["path"] == str(warc)


def test_batch_size_must_be_positive(warc: Path) -> None:
    with pytest.raises(ValueError):
        dateline.read_warc_batches(warc, batch_size=0)


def test_make_test_warc_gzip_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "small.warc.gz"
    make_test_warc.main([str(out), "--repeat", "2", "--gzip"])
    items = list(dateline.read_warc(out))
    pages = list(make_test_warc.corpus_pages(CORPUS))
    assert len(items) == 2 * len(pages)
    assert all(i["error"] is None for i in items)
    ids = [dateline.extract(i["content"])["id"] for i in items]
    originals, copies = set(ids[: len(pages)]), set(ids[len(pages) :])
    assert originals.isdisjoint(copies), "each copy is a distinct document"
    assert len(copies) == len(originals)
    assert io.BytesIO(out.read_bytes()).read(2) == b"\x1f\x8b"
