"""dateline: dated, sourced timelines of political and conflict events from raw
news (HTML, text, WARC), with the same results as the ``dateline`` CLI.

Documents are plain dicts in the CLI's JSON shape (see the output contract in
DESIGN.md). The Rust work runs without the GIL; the dictionaries are compiled
once per process, on first use.
"""

import datetime
import os
from collections.abc import Iterator
from typing import Any, Optional, TypedDict, Union

import pyarrow

__version__: str

Document = dict[str, Any]
"""A document as ``dateline extract`` / ``dateline annotate`` print it."""

class WarcRecord(TypedDict):
    """One item of ``read_warc``: a page record, or a read error (``error`` set,
    ``content`` None)."""

    path: str
    record: Optional[int]
    offset: Optional[int]
    format: Optional[str]
    markup: Optional[str]
    url: Optional[str]
    id: Optional[str]
    fetched: Optional[str]
    content: Optional[str]
    encoding: Optional[str]
    lossy: Optional[bool]
    error: Optional[str]

def extract(
    content: Union[str, bytes],
    url: Optional[str] = None,
    published: Union[str, datetime.date, None] = None,
    *,
    path: Optional[str] = None,
    id: Optional[str] = None,
) -> Document:
    """Extract the article from an HTML page or plain text: title, clean text,
    publication date, sentences and temporal expressions.

    ``str`` content is used as given; ``bytes`` are decoded like a file (BOM,
    ``<meta charset>``, detection). ``published`` overrides a date found in the
    page (an unparsable one is ignored with a ``UserWarning``). ``path`` is
    recorded as ``source.path`` and ``id`` as ``source.record_id``. Raises ``ValueError`` for an empty or binary
    body.
    """

def annotate(
    content: Union[str, bytes],
    url: Optional[str] = None,
    published: Union[str, datetime.date, None] = None,
    as_is: bool = False,
    *,
    path: Optional[str] = None,
    id: Optional[str] = None,
) -> Document:
    """Extract and fully annotate a document as ``dateline annotate`` does:
    entities, quotes, quantities, coded events and ceasefire frames.

    With ``as_is=True`` the content is the clean body, unchanged, so offsets
    refer to it exactly (``dateline annotate --as-is``), and ``id``, when
    given, is the document's id.
    """

def annotate_batch(
    batch: pyarrow.RecordBatch, as_is: bool = False, extract_only: bool = False
) -> pyarrow.RecordBatch:
    """Annotate every row of a batch; one output row per input row, in order.

    Input columns: ``content`` (string or binary, required); optional ``url``,
    ``published``, ``id``, ``path``, ``record``, ``markup``, ``format`` and
    ``error`` (as ``read_warc_batches`` yields them). Output columns are those
    of ``annotate_batch_schema()``; a row that cannot be processed has
    ``error`` set and its document columns null. Raises ``ValueError`` only
    when the batch has no usable ``content`` column.
    """

def annotate_batch_schema() -> pyarrow.Schema:
    """The schema of ``annotate_batch``'s output: record_id, path, record, id,
    url, title, published (date32), language, text, document, events,
    ceasefires (JSON strings), event_count, ceasefire_count, warnings, error."""

class WarcRecords(Iterator[WarcRecord]):
    """The records of a WARC file, made by ``read_warc``."""

    @property
    def skipped(self) -> int:
        """Records passed over so far because they hold no page."""
    def __iter__(self) -> "WarcRecords": ...
    def __next__(self) -> WarcRecord: ...

class WarcBatches(Iterator[pyarrow.RecordBatch]):
    """The records of a WARC file as record batches, made by
    ``read_warc_batches``."""

    @property
    def skipped(self) -> int:
        """Records passed over so far because they hold no page."""
    def __iter__(self) -> "WarcBatches": ...
    def __next__(self) -> pyarrow.RecordBatch: ...

def read_warc(path: Union[str, os.PathLike[str]]) -> WarcRecords:
    """Iterate over the page records of a WARC file (``.warc`` or
    ``.warc.gz``). A record that cannot be read is an item whose ``error``
    names the file, record and byte offset; iteration goes on."""

def read_warc_batches(
    path: Union[str, os.PathLike[str]], batch_size: int = 256
) -> WarcBatches:
    """Iterate over the records of a WARC file as record batches of up to
    ``batch_size`` rows, ready for ``annotate_batch``."""

