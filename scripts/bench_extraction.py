#!/usr/bin/env python3
"""Side-by-side extraction benchmark: dateline vs trafilatura (and
readability-lxml for accuracy), on the same pages, in one run.

Usage:
    python3 -m venv .venv && .venv/bin/pip install trafilatura==2.3.1 readability-lxml lxml_html_clean
    .venv/bin/python scripts/bench_extraction.py ../shared/data/extraction [--warc-mb 1024]

Prints accuracy (the article-extraction-benchmark's 4-gram shingle P/R/F1,
the same scorer `dateline eval extraction` implements), throughput single
core and all cores, the ratios, and dateline's peak memory on a WARC built
from the pages. Builds dateline in release mode first.
"""
import argparse
import gzip
import io
import json
import multiprocessing
import os
import pathlib
import re
import subprocess
import sys
import time
import uuid
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "dateline"
TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    # As the benchmark's evaluate.py: a text shorter than n tokens is one short shingle.
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def score(gold, pred):
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return None
    return tp / total, fp / total, fn / total


def prf(golds, preds):
    precisions, recalls = [], []
    for key, gold in golds.items():
        s = score(gold, preds.get(key, ""))
        if s is None:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        tp, fp, fn = s
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def load(data):
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {}
    for key in truth:
        raw = (data / "html" / f"{key}.html").read_bytes()
        pages[key] = raw
    return truth, pages


def decode(raw):
    head = raw[:4096].decode("ascii", "replace")
    m = re.search(r"""charset\s*=\s*["']?([\w-]+)""", head, re.I)
    for enc in ([m.group(1)] if m else []) + ["utf-8"]:
        try:
            return raw.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    return raw.decode("utf-8", "replace")


def traf_extract(html):
    import trafilatura
    # The settings of the benchmark's own runner (extractors/run_trafilatura.py).
    return trafilatura.extract(html, include_comments=False) or ""


def readability_extract(html):
    from readability import Document
    import lxml.html
    try:
        summary = Document(html).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content()
    except Exception:
        return ""


def time_python(fn, htmls, processes):
    start = time.perf_counter()
    if processes == 1:
        for h in htmls:
            fn(h)
    else:
        with multiprocessing.Pool(processes) as pool:
            pool.map(fn, htmls, chunksize=4)
    return time.perf_counter() - start


def time_dateline(args, reps=3):
    best = None
    for _ in range(reps):
        start = time.perf_counter()
        subprocess.run([str(BIN), *args], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def write_warc(path, pages, target_bytes):
    written = 0
    with open(path, "wb") as out:
        while written < target_bytes:
            for key, raw in pages.items():
                http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + raw
                header = (
                    "WARC/1.0\r\nWARC-Type: response\r\n"
                    f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
                    f"WARC-Target-URI: https://bench.example/{key}\r\n"
                    "WARC-Date: 2016-02-27T00:00:00Z\r\n"
                    "Content-Type: application/http; msgtype=response\r\n"
                    f"Content-Length: {len(http)}\r\n\r\n"
                ).encode()
                member = gzip.compress(header + http + b"\r\n\r\n", compresslevel=1)
                out.write(member)
                written += len(header) + len(http)
                if written >= target_bytes:
                    break
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=pathlib.Path)
    parser.add_argument("--warc-mb", type=int, default=1024, help="size of the WARC for the memory test (0: skip)")
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--passes", type=int, default=5,
                        help="read the page set this many times per timing, so start-up is amortised (default 5)")
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    truth, raw_pages = load(args.data)
    golds = {k: v["articleBody"] for k, v in truth.items()}
    htmls = [decode(raw_pages[k]) for k in truth]
    megabytes = sum(len(r) for r in raw_pages.values()) / 1e6
    n = len(htmls)
    cores = os.cpu_count() or 1
    print(f"{n} pages, {megabytes:.1f} MB of HTML, {cores} cores\n")

    report = json.loads(subprocess.run([str(BIN), "eval", "extraction", str(args.data), "--json"],
                                       check=True, capture_output=True, text=True).stdout)
    rows = [("dateline", report["precision"], report["recall"], report["f1"])]
    if not args.skip_peers:
        for name, fn in [("trafilatura 2.3.1", traf_extract), ("readability-lxml", readability_extract)]:
            preds = {k: fn(h) for k, h in zip(truth, htmls)}
            rows.append((name, *prf(golds, preds)))
    print("| extractor | precision | recall | F1 |\n|---|---|---|---|")
    for name, p, r, f in rows:
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} |")

    # Each timing reads the page set `passes` times: steady-state throughput,
    # with dateline's process start-up and trafilatura's imports amortised alike.
    html_dirs = [str(args.data / "html")] * args.passes
    pages, volume = n * args.passes, megabytes * args.passes
    speed = {}
    for threads in sorted({1, cores}):
        t = time_dateline(["extract", "--format", "html", "-j", str(threads), *html_dirs, "-o", os.devnull])
        speed[("dateline", threads)] = t
        if not args.skip_peers:
            speed[("trafilatura", threads)] = time_python(traf_extract, htmls * args.passes, threads)
    print(f"\n{args.passes} passes over the pages per timing\n")
    print("| extractor | cores | pages/s | MB/s | dateline speed-up |\n|---|---|---|---|---|")
    for (name, threads), t in sorted(speed.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        ratio = speed.get(("trafilatura", threads), 0) / speed[("dateline", threads)] if name == "dateline" and ("trafilatura", threads) in speed else None
        print(f"| {name} | {threads} | {pages / t:.0f} | {volume / t:.1f} | {f'{ratio:.1f}x' if ratio else ''} |")
    # Like for like with trafilatura's timing: the extraction calls alone, in
    # process, on pages already in memory (what `dateline eval extraction` times).
    best = max(json.loads(subprocess.run([str(BIN), "eval", "extraction", str(args.data), "--json"], check=True,
                                          capture_output=True, text=True).stdout)["pages_per_second"]
               for _ in range(3))
    ratio = f"{best * speed[('trafilatura', 1)] / pages:.1f}x" if ("trafilatura", 1) in speed else ""
    print(f"| dateline `extract()` calls only | 1 | {best:.0f} | {best * megabytes / n:.1f} | {ratio} |")

    if args.warc_mb:
        warc = pathlib.Path("/tmp/dateline-bench.warc.gz")
        size = write_warc(warc, raw_pages, args.warc_mb * 1_000_000)
        # A fresh interpreter whose only child is dateline, so ru_maxrss is dateline's own peak.
        measure = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
                   "subprocess.run(sys.argv[1:], stderr=subprocess.DEVNULL); "
                   "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        out = subprocess.run([sys.executable, "-c", measure, str(BIN), "extract", str(warc), "-o", os.devnull],
                             check=True, capture_output=True, text=True).stdout.split()
        elapsed, peak = float(out[0]), int(out[1])
        print(f"\nWARC.gz of {size / 1e9:.2f} GB uncompressed HTML ({warc.stat().st_size / 1e6:.0f} MB on disk): "
              f"{elapsed:.1f} s, {size / 1e6 / elapsed:.0f} MB/s, peak RSS {peak / 1024:.0f} MB")
        warc.unlink()


if __name__ == "__main__":
    main()
