"""Write WARC files for the Spark job's tests and benchmarks.

The records are written by hand (the format is simple: a ``WARC/1.0`` header
block, ``Content-Length`` bytes of payload, two CRLFs), so no WARC library is
needed. Sources:

* the bundled corpus (``corpus/``): each text file becomes a ``resource``
  record (``text/plain``), and each ``wcep.jsonl`` item becomes an HTTP
  ``response`` record holding a small HTML page;
* optionally a directory of HTML pages (``--html-dir``, e.g.
  ``shared/data/extraction/html`` with its ``ground-truth.json`` for URLs),
  each a ``response`` record.

Every file starts with a ``warcinfo`` record and has one ``request`` record,
which readers pass over (they are counted as skipped). ``--repeat N`` writes
every page N times, each copy with a distinct added note so that copies
are distinct documents; ``--truncate`` ends the file with a record cut short.

Usage: ``python jobs/make_test_warc.py OUT.warc [--corpus DIR] [--html-dir DIR]
[--repeat N] [--first-copy K] [--truncate] [--gzip]``
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Optional

WARC_DATE = "2016-03-01T00:00:00Z"


@dataclass
class Page:
    """One page to write: an HTML page (``response``) or plain text
    (``resource``)."""

    url: str
    body: bytes
    html: bool


def record(kind: str, headers: dict[str, str], block: bytes) -> bytes:
    """One WARC record: the header block, the payload and the two CRLFs."""
    lines = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>",
        f"WARC-Date: {WARC_DATE}",
        *(f"{name}: {value}" for name, value in headers.items()),
        f"Content-Length: {len(block)}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def page_record(page: Page) -> bytes:
    """A ``response`` record (HTTP 200 around the HTML) or a ``resource``
    record (plain text)."""
    if page.html:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page.body
        headers = {
            "WARC-Target-URI": page.url,
            "Content-Type": "application/http; msgtype=response",
        }
        return record("response", headers, http)
    headers = {"WARC-Target-URI": page.url, "Content-Type": "text/plain; charset=utf-8"}
    return record("resource", headers, page.body)


def wcep_html(item: dict) -> bytes:
    """A small HTML page for one ``wcep.jsonl`` item."""
    text = item.get("text") or item.get("html") or ""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    title = html.escape(paragraphs[0] if paragraphs else item.get("id", ""))
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:] or paragraphs)
    published = html.escape(item.get("published") or "")
    return (
        "<!doctype html><html><head><meta charset=\"utf-8\">"
        f"<title>{title}</title>"
        f"<meta property=\"article:published_time\" content=\"{published}\">"
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def corpus_pages(corpus: Path) -> Iterator[Page]:
    """The bundled corpus's text files and WCEP items."""
    for path in sorted(corpus.rglob("*.txt")):
        yield Page(f"file:///corpus/{path.relative_to(corpus)}", path.read_bytes(), False)
    wcep = corpus / "wcep.jsonl"
    if wcep.exists():
        for line in wcep.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                yield Page(item.get("url") or f"urn:wcep:{item['id']}", wcep_html(item), True)


def html_dir_pages(directory: Path) -> Iterator[Page]:
    """HTML pages of a directory, with URLs from a ``ground-truth.json``
    beside it when there is one."""
    truth_path = directory.parent / "ground-truth.json"
    truth = json.loads(truth_path.read_text()) if truth_path.exists() else {}
    for path in sorted(directory.glob("*.htm*")):
        url = truth.get(path.stem, {}).get("url") or f"file:///{path.name}"
        yield Page(url, path.read_bytes(), True)


def perturbed(page: Page, copy: int) -> Page:
    """Copy ``copy`` of a page with a note of its own (a paragraph, or on the
    title line of a text page), so that the copy is a distinct document (copy
    0 is the page unchanged)."""
    if copy == 0:
        return page
    note = f"Edition {copy} of this report, filed under reference {copy * 7919}."
    if page.html:
        marker = page.body.lower().rfind(b"</body>")
        at = marker if marker >= 0 else len(page.body)
        body = page.body[:at] + f"<p>{note}</p>".encode() + page.body[at:]
    else:
        # Text pages often end in a "Related" block that extraction drops, so
        # the note goes on the first line (the title).
        first, newline, rest = page.body.partition(b"\n")
        body = first.rstrip() + f" ({note})".encode() + newline + rest
    return Page(f"{page.url}#edition-{copy}", body, page.html)


def write_warc(
    out: BinaryIO, pages: list[Page], repeat: int = 1, truncate: bool = False,
    first_copy: int = 0,
) -> int:
    """Write a warcinfo record, the pages (each ``repeat`` times, as copies
    ``first_copy``, ``first_copy + 1``…), one request record, and a truncated
    record when asked. Returns the page records written."""
    out.write(record("warcinfo", {"Content-Type": "application/warc-fields"},
                     b"software: dateline make_test_warc.py\r\n"))
    written = 0
    for copy in range(first_copy, first_copy + repeat):
        for page in pages:
            out.write(page_record(perturbed(page, copy)))
            written += 1
    out.write(record("request", {"WARC-Target-URI": "https://example.org/"},
                     b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n"))
    if truncate:
        cut = record("resource", {"WARC-Target-URI": "https://example.org/cut",
                                  "Content-Type": "text/plain"},
                     b"A truce was announced on Monday. " * 20)
        out.write(cut[: len(cut) // 2])
    return written


def main(argv: Optional[list[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path,
                        default=Path(__file__).resolve().parent.parent / "corpus")
    parser.add_argument("--no-corpus", action="store_true", help="leave the corpus out")
    parser.add_argument("--html-dir", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--first-copy", type=int, default=0,
                        help="number of the first copy (to spread copies over files)")
    parser.add_argument("--truncate", action="store_true")
    parser.add_argument("--gzip", action="store_true", help="one gzip member per file")
    args = parser.parse_args(argv)
    pages = [] if args.no_corpus else list(corpus_pages(args.corpus))
    if args.html_dir:
        pages.extend(html_dir_pages(args.html_dir))
    opener = gzip.open if args.gzip else open
    with opener(args.out, "wb") as out:
        written = write_warc(out, pages, args.repeat, args.truncate, args.first_copy)
    print(f"{args.out}: {written} page records")


if __name__ == "__main__":
    main()
