"""dateline on Spark: WARC files in, Parquet tables and timelines out.

Usage::

    spark-submit jobs/spark_timeline.py PATHS.txt OUT_DIR [--batch-size N]

``PATHS.txt`` lists WARC files (``.warc`` or ``.warc.gz``), one per line:
local paths, ``file://``, ``http(s)://`` or ``s3://`` URLs (remote files are
downloaded to a temporary file by the task that reads them; ``s3://`` needs
boto3 on the executors). Blank lines and ``#`` comments are ignored.

Stage 1 (one task per WARC file, as Common Crawl's cc-pyspark does): each
task reads its file with dateline's Rust reader (``dateline.read_warc_batches``)
and annotates the records batch by batch with ``dateline.annotate_batch``
inside ``mapInArrow``, so records cross between the JVM and Python as Arrow
batches with no per-row Python. It writes, under ``OUT_DIR``:

* ``documents/`` — one row per document (Parquet, partitioned by
  ``published``; ``document`` holds the full JSON of the output contract);
* ``events/`` and ``ceasefires/`` — one row per coded event / ceasefire frame
  (Parquet, partitioned by ``published``);
* ``failures/`` — the records (and whole files) that could not be read or
  processed, with the located message (JSON lines; collected through an
  accumulator so that stage 1 runs once, without caching).

Stage 2 links across partitions:

* ``duplicates/`` — near-duplicate groups: word 3-gram shingles, MinHash LSH
  (Spark ML's ``MinHashLSH``), pairs with Jaccard similarity ≥ 0.5, joined
  into groups by label propagation; the representative is the earliest, then
  longest, document of its group;
* ``timelines/`` — coreferent events merged by blocking key (event type, day,
  source actor code, target actor code) and ceasefires by (day, parties), one
  timeline entry each with its sources (Parquet and JSON lines).

The counters (Spark accumulators) — records read, failed, skipped (WARC
records holding no page) and files failed — are printed and written to
``OUT_DIR/report.json``. A missing or unreadable WARC fails only its own file
(reported in ``failures/`` and counted), and a record that cannot be
processed is counted and skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Optional

from pyspark import StorageLevel
from pyspark.accumulators import Accumulator, AccumulatorParam
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F

#: The schema of ``dateline.annotate_batch``'s output, as Spark DDL.
ANNOTATED_DDL = (
    "record_id string, path string, record bigint, id string, url string, "
    "title string, published date, language string, text string, document string, "
    "events string, ceasefires string, event_count bigint, ceasefire_count bigint, "
    "warnings string, error string"
)

EVENT_DDL = (
    "type string, cameo string, "
    "source struct<text: string, canonical: string, code: string>, "
    "target struct<text: string, canonical: string, code: string>, "
    "when string, `where` string, modality string"
)

CEASEFIRE_DDL = (
    "declarer array<string>, parties array<string>, excluded array<string>, "
    "scope string, start string, duration string, `end` string, status string"
)


def read_paths(listing: str) -> list[str]:
    """The WARC paths of a listing file, in order, without blanks or comments."""
    with open(listing, encoding="utf-8") as f:
        lines = (line.strip() for line in f)
        return [line for line in lines if line and not line.startswith("#")]


def localise(path: str, scratch: str) -> str:
    """A local file for ``path``: the path itself, or a download of an
    ``http(s)://`` or ``s3://`` URL into ``scratch``."""
    parsed = urllib.parse.urlparse(path)
    if parsed.scheme in ("", "file"):
        return urllib.parse.unquote(parsed.path) if parsed.scheme else path
    local = os.path.join(scratch, os.path.basename(parsed.path) or "input.warc")
    if parsed.scheme in ("http", "https"):
        with urllib.request.urlopen(path) as src, open(local, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    elif parsed.scheme == "s3":
        import boto3  # only needed, and only imported, for s3:// inputs

        boto3.client("s3").download_file(parsed.netloc, parsed.path.lstrip("/"), local)
    else:
        raise ValueError(f"{path}: unsupported URL scheme {parsed.scheme!r}")
    return local


#: At most this many failure records are kept for ``failures/`` (the
#: counters stay exact beyond it).
MAX_FAILURES_KEPT = 100_000


class FailureList(AccumulatorParam):
    """An accumulator of ``(path, record, error)`` tuples, capped at
    ``MAX_FAILURES_KEPT``: failures reach the driver without a second pass
    over the data."""

    def zero(self, value: list) -> list:
        return []

    def addInPlace(self, value1: list, value2: list) -> list:
        value1.extend(value2[: max(0, MAX_FAILURES_KEPT - len(value1))])
        return value1


class Counters:
    """The job's accumulators. They are updated inside the stage-1 tasks,
    which run once (nothing reads their output twice); a task retried after
    an executor loss would count its file again."""

    def __init__(self, spark: SparkSession) -> None:
        sc = spark.sparkContext
        self.read: Accumulator[int] = sc.accumulator(0)
        self.failed: Accumulator[int] = sc.accumulator(0)
        self.skipped: Accumulator[int] = sc.accumulator(0)
        self.files_failed: Accumulator[int] = sc.accumulator(0)
        self.failures: Accumulator[list] = sc.accumulator([], FailureList())

    def values(self) -> dict[str, int]:
        return {
            "records_read": self.read.value,
            "records_failed": self.failed.value,
            "records_skipped": self.skipped.value,
            "files_failed": self.files_failed.value,
        }


def annotate_files(counters: Counters, batch_size: int):
    """The ``mapInArrow`` function: each input row names one WARC file, read
    and annotated in Arrow batches."""

    def run(path_batches: Iterator) -> Iterator:
        import pyarrow.compute as pc

        import dateline

        for path_batch in path_batches:
            for path in path_batch.column("path").to_pylist():
                scratch = tempfile.mkdtemp(prefix="dateline-")
                try:
                    try:
                        local = localise(path, scratch)
                    except Exception as err:  # a failed download fails this file only
                        counters.files_failed.add(1)
                        counters.failures.add([(path, None, f"{path}: {err}")])
                        continue
                    reader = dateline.read_warc_batches(local, batch_size)
                    for records in reader:
                        out = dateline.annotate_batch(records)
                        failed = out.num_rows - out.column("error").null_count
                        file_errors = pc.sum(
                            pc.and_(pc.is_valid(out.column("error")),
                                    pc.is_null(out.column("record")))
                        ).as_py() or 0
                        counters.read.add(out.num_rows - file_errors)
                        counters.failed.add(failed - file_errors)
                        counters.files_failed.add(file_errors)
                        if failed:
                            bad = out.filter(pc.is_valid(out.column("error")))
                            counters.failures.add(list(zip(*(
                                bad.column(c).to_pylist() for c in ("path", "record", "error")))))
                            out = out.filter(pc.is_null(out.column("error")))
                        yield out
                    counters.skipped.add(reader.skipped)
                finally:
                    shutil.rmtree(scratch, ignore_errors=True)

    return run


def annotate(spark: SparkSession, paths: list[str], counters: Counters,
             batch_size: int) -> DataFrame:
    """Stage 1's DataFrame: one row per document, one partition per WARC
    file; failures go to ``counters.failures``."""
    rdd = spark.sparkContext.parallelize([(p,) for p in paths], max(1, len(paths)))
    files = spark.createDataFrame(rdd, "path string")
    return files.mapInArrow(annotate_files(counters, batch_size), ANNOTATED_DDL)


def exploded(documents: DataFrame, column: str, ddl: str) -> DataFrame:
    """One row per element of a document's JSON array ``column``: ``doc``,
    ``published``, ``index``, ``item_id`` (``doc:index``), the element's raw
    JSON as ``raw`` and parsed with ``ddl`` as ``p``."""
    items = documents.select(
        F.col("id").alias("doc"), "published",
        F.posexplode(F.from_json(column, "array<string>")).alias("index", "raw"),
    )
    return items.withColumn("item_id", F.concat_ws(":", "doc", "index")) \
        .withColumn("p", F.from_json("raw", ddl))


def event_rows(documents: DataFrame) -> DataFrame:
    """One row per coded event, with its document's date and the raw JSON."""
    return exploded(documents, "events", EVENT_DDL).select(
        "doc", "published", "index", F.col("item_id").alias("event_id"),
        F.col("p.type").alias("type"), F.col("p.cameo").alias("cameo"),
        F.col("p.source.code").alias("source_code"),
        F.col("p.source.text").alias("source_text"),
        F.col("p.target.code").alias("target_code"),
        F.col("p.target.text").alias("target_text"),
        F.col("p.when").alias("when"), F.col("p.where").alias("place"),
        F.col("p.modality").alias("modality"), F.col("raw").alias("event"),
    )


def ceasefire_rows(documents: DataFrame) -> DataFrame:
    """One row per ceasefire frame, with its document's date and the raw JSON."""
    return exploded(documents, "ceasefires", CEASEFIRE_DDL).select(
        "doc", "published", "index", F.col("item_id").alias("ceasefire_id"),
        F.col("p.declarer").alias("declarer"), F.col("p.parties").alias("parties"),
        F.col("p.scope").alias("scope"), F.col("p.start").alias("start"),
        F.col("p.end").alias("end"), F.col("p.status").alias("status"),
        F.col("raw").alias("ceasefire"),
    )


def duplicate_groups(documents: DataFrame, threshold: float = 0.5) -> DataFrame:
    """Near-duplicate groups: ``doc``, ``representative``, ``similarity``
    (the best estimated Jaccard similarity of the doc to a group member), for
    documents in groups of two or more."""
    from pyspark.ml import Pipeline
    from pyspark.ml.feature import HashingTF, MinHashLSH, NGram, RegexTokenizer

    docs = documents.select("id", "published", "text").dropDuplicates(["id"])
    features = Pipeline(stages=[
        RegexTokenizer(inputCol="text", outputCol="words", pattern="\\W+", minTokenLength=1),
        NGram(n=3, inputCol="words", outputCol="shingles"),
        HashingTF(inputCol="shingles", outputCol="features", numFeatures=1 << 20, binary=True),
    ]).fit(docs).transform(docs)
    nonempty = features.filter(F.size("shingles") > 0)
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=8,
                       seed=17).fit(nonempty)
    pairs = (
        model.approxSimilarityJoin(nonempty, nonempty, 1.0 - threshold, distCol="distance")
        .select(F.col("datasetA.id").alias("a"), F.col("datasetB.id").alias("b"),
                (1.0 - F.col("distance")).alias("similarity"))
        .filter(F.col("a") < F.col("b"))
    )
    edges = pairs.select("a", "b").union(pairs.select(F.col("b").alias("a"), F.col("a").alias("b")))
    edges = edges.persist(StorageLevel.MEMORY_AND_DISK)
    # Label propagation: each document takes the smallest id in reach; groups
    # are small, so a few rounds settle (bounded so a chain cannot run long).
    labels = edges.select("a").distinct().withColumn("label", F.col("a"))
    for _ in range(8):
        step = (edges.join(labels.withColumnRenamed("a", "b").withColumnRenamed("label", "nb"), "b")
                .groupBy("a").agg(F.min("nb").alias("nb")))
        updated = (labels.join(step, "a", "left")
                   .select("a", F.least("label", F.coalesce("nb", "label")).alias("label")))
        updated = updated.localCheckpoint()
        changed = updated.join(labels.withColumnRenamed("label", "old"), "a") \
            .filter(F.col("label") != F.col("old")).limit(1).count()
        labels = updated
        if changed == 0:
            break
    members = labels.join(docs.withColumnRenamed("id", "a"), "a").withColumn(
        "length", F.length("text"))
    order = Window.partitionBy("label").orderBy(
        F.col("published").asc_nulls_last(), F.col("length").desc(), F.col("a"))
    best = pairs.select(F.col("a").alias("doc"), "similarity").union(
        pairs.select(F.col("b").alias("doc"), "similarity")).groupBy("doc").agg(
        F.max("similarity").alias("similarity"))
    result = (members.withColumn("representative", F.first("a").over(order))
              .select(F.col("a").alias("doc"), "representative")
              .join(best, "doc"))
    edges.unpersist()
    return result


def precision(date: F.Column) -> F.Column:
    """A TIMEX3 value's precision, as in the timeline JSON."""
    return (F.when(date.rlike(r"^\d{4}-\d{2}-\d{2}T"), "time")
            .when(date.rlike(r"^\d{4}-\d{2}-\d{2}$"), "day")
            .when(date.rlike(r"^\d{4}-W\d{2}$"), "week")
            .when(date.rlike(r"^\d{4}-\d{2}$"), "month")
            .when(date.rlike(r"^\d{4}$"), "year"))


def timeline_date(when: F.Column, published: F.Column) -> F.Column:
    """An event's date for linking: its TIMEX3 value cut to the day, or the
    document's publication date when the value is not a calendar date."""
    return F.when(when.rlike(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?"),
                  F.regexp_extract(when, r"^(\d{4}(-\d{2}(-\d{2})?|-W\d{2})?)", 1)) \
        .otherwise(F.date_format(published, "yyyy-MM-dd"))


def timelines(documents: DataFrame, events: DataFrame, ceasefires: DataFrame,
              duplicates: DataFrame) -> DataFrame:
    """Timeline entries: coreferent events and ceasefires merged by blocking
    key, each with its sources (a copy names the document it duplicates)."""
    sources = documents.select(
        F.col("id").alias("doc"), "title", "url",
        F.regexp_extract("url", r"^[a-z]+://(?:www\.)?([^/:]+)", 1).alias("site"),
    ).dropDuplicates(["doc"]).join(
        duplicates.select("doc", F.when(F.col("doc") != F.col("representative"),
                                        F.col("representative")).alias("duplicate_of")),
        "doc", "left")
    event_keys = events.select(
        "doc", "event_id",
        F.lit("event").alias("kind"), "type", F.lit(None).cast("string").alias("status"),
        timeline_date(F.col("when"), F.col("published")).alias("date"),
        F.coalesce("source_code", "source_text").alias("actor"),
        F.coalesce("target_code", "target_text").alias("target"),
    )
    ceasefire_keys = ceasefires.select(
        "doc", F.col("ceasefire_id").alias("event_id"),
        F.lit("ceasefire").alias("kind"), F.lit("CEASEFIRE").alias("type"), "status",
        timeline_date(F.col("start"), F.col("published")).alias("date"),
        F.array_join(F.array_sort("declarer"), "+").alias("actor"),
        F.array_join(F.array_sort("parties"), "+").alias("target"),
    )
    keyed = event_keys.unionByName(ceasefire_keys).filter(F.col("date").isNotNull())
    key = ["kind", "type", "date", "actor", "target"]
    entries = keyed.join(sources, "doc", "left").groupBy(*key).agg(
        F.array_sort(F.collect_set("event_id")).alias("events"),
        F.array_sort(F.collect_set(F.struct(
            "doc", "title", "url", "site", "duplicate_of"))).alias("sources"),
        F.max("status").alias("status"),
        F.min(F.struct(F.col("title").isNull(), "doc", "title")).alias("first"),
    )
    summary = F.concat_ws(" ", F.col("type"), F.coalesce("actor", F.lit("?")),
                          F.lit("→"), F.coalesce("target", F.lit("?")))
    return entries.select(
        "date", precision(F.col("date")).alias("precision"), "kind", "type", "status",
        F.col("actor"), F.col("target"),
        F.coalesce(F.col("first.title"), summary).alias("summary"),
        "events", "sources",
        F.size("sources").alias("source_count"),
        F.size(F.array_distinct(F.transform(
            "sources", lambda s: F.coalesce(s["duplicate_of"], s["doc"])))).alias(
            "independent_sources"),
    ).orderBy("date", "kind", "type", "actor", "target")


def run(spark: SparkSession, paths: list[str], out: str, batch_size: int = 256,
        stage1_only: bool = False) -> dict:
    """Runs both stages (or only the first); returns the report (counters and
    table sizes)."""
    counters = Counters(spark)
    documents = annotate(spark, paths, counters, batch_size).drop("error")
    # One action runs stage 1, once: the counters and failures are then
    # complete, and later stages read the written tables.
    started = time.perf_counter()
    documents.write.mode("overwrite").partitionBy("published").parquet(f"{out}/documents")
    stage1_seconds = time.perf_counter() - started
    failures = spark.createDataFrame(
        counters.failures.value, "path string, record bigint, error string")
    failures.coalesce(1).write.mode("overwrite").json(f"{out}/failures")
    report = {**counters.values(), "files": len(paths),
              "stage1_seconds": round(stage1_seconds, 3),
              "failures": [dict(zip(("path", "record", "error"), f))
                           for f in counters.failures.value[:100]]}
    if stage1_only:
        return report
    documents = spark.read.parquet(f"{out}/documents")
    events = event_rows(documents)
    ceasefires = ceasefire_rows(documents)
    events.write.mode("overwrite").partitionBy("published").parquet(f"{out}/events")
    ceasefires.write.mode("overwrite").partitionBy("published").parquet(f"{out}/ceasefires")
    events = spark.read.parquet(f"{out}/events")
    ceasefires = spark.read.parquet(f"{out}/ceasefires")

    duplicates = duplicate_groups(documents).persist(StorageLevel.MEMORY_AND_DISK)
    duplicates.write.mode("overwrite").parquet(f"{out}/duplicates")
    entries = timelines(documents, events, ceasefires, duplicates)
    entries.write.mode("overwrite").parquet(f"{out}/timelines")
    entries.coalesce(1).write.mode("overwrite").json(f"{out}/timelines_json")

    report.update({
        "documents": documents.count(),
        "events": events.count(),
        "ceasefires": ceasefires.count(),
        "duplicate_docs": duplicates.count(),
        "timeline_entries": spark.read.parquet(f"{out}/timelines").count(),
    })
    duplicates.unpersist()
    return report


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="dateline on Spark: WARC files → timelines")
    parser.add_argument("listing", help="text file listing WARC paths or URLs, one per line")
    parser.add_argument("out", help="output directory (local path or a Hadoop URI)")
    parser.add_argument("--batch-size", type=int, default=256,
                        help="records per Arrow batch (default 256)")
    parser.add_argument("--stage1-only", action="store_true",
                        help="stop after the documents/events/ceasefires tables")
    args = parser.parse_args(argv)
    paths = read_paths(args.listing)
    if not paths:
        print(f"{args.listing}: no WARC paths listed", file=sys.stderr)
        return 2
    spark = SparkSession.builder.appName("dateline-timeline").getOrCreate()
    report = run(spark, paths, args.out, args.batch_size, args.stage1_only)
    text = json.dumps(report, indent=2, default=str)
    print(text)
    if "://" not in args.out:
        with open(os.path.join(args.out, "report.json"), "w", encoding="utf-8") as f:
            f.write(text + "\n")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
