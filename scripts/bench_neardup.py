#!/usr/bin/env python3
"""Near-duplicate detection side by side: dateline vs datasketch MinHashLSH,
on the same labelled set, scored the same way, in one run.

Usage (from the repository root):

    .venv/bin/python scripts/bench_neardup.py [DIR ...] [--threshold 0.5] [--repeat 3]

DIRs default to the bundled corpus and ../shared/data/corpus (74 scraped
news articles with 3 labelled near-duplicate pairs, and WCEP items).

One-time setup (this script installs nothing):

    .venv/bin/pip install datasketch==2.0.0

What it does:

1. Builds and runs `crates/eval/examples/neardup.rs`: it reads the folders,
   extracts every article as `dateline` does, makes the labelled set (real
   articles, gold pairs from `index.jsonl` `near_duplicate_of` and shared
   URLs, two deterministic synthetic rewrites of each long article: sentences
   dropped, paragraphs reordered, words substituted, boilerplate added, end
   cut off, mixed), writes it as JSON lines, and prints dateline's report
   (MinHash 128 hashes over 5-word shingles, LSH 32 bands x 4 rows, verified
   at estimated Jaccard >= 0.5).
2. Runs datasketch on the same documents in the same order, with the same
   words and the same 5-word shingles: `MinHash(num_perm=128)` per document,
   `MinHashLSH(threshold, num_perm=128)` (datasketch picks its own bands and
   rows for the threshold); each document is queried before it is inserted
   and joined to every group it hits. Two variants: the LSH candidates as
   they come ("lsh"), and the candidates verified by estimated Jaccard >=
   threshold ("lsh+verify", what dateline does).
3. Scores both by the pairs their groups put together (precision, recall,
   F1 against the gold groups) and prints a markdown table with docs/s
   (documents / wall seconds for signature + index + query, single thread;
   best of --repeat runs for each).
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHINGLE = 5
NUM_PERM = 128


def words(text):
    """dateline's words: runs of alphanumerics (apostrophes dropped), lower-cased."""
    out, cur = [], []
    for ch in text:
        if ch.isalnum():
            cur.append(ch.lower())
        elif ch in "'\u2019":
            continue
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def shingles(doc):
    text = (doc["title"] + "\n" if doc.get("title") else "") + doc["text"]
    w = words(text)
    k = min(SHINGLE, len(w))
    return {" ".join(w[i:i + k]).encode() for i in range(len(w) - k + 1)} if w else set()


def pair_scores(gold, pred):
    pairs = lambda n: n * (n - 1) // 2
    tp = sum(pairs(n) for n in Counter(zip(gold, pred)).values())
    gp = sum(pairs(n) for n in Counter(gold).values())
    pp = sum(pairs(n) for n in Counter(pred).values())
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "true_pairs": tp, "predicted_pairs": pp, "gold_pairs": gp}


def run_datasketch(docs, threshold, verify):
    from datasketch import MinHash, MinHashLSH

    start = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    parent = list(range(len(docs)))
    sigs = []

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, d in enumerate(docs):
        m = MinHash(num_perm=NUM_PERM)
        sh = shingles(d)
        m.update_batch(list(sh))
        sigs.append(m)
        if not sh:
            continue
        for j in lsh.query(m):
            if verify and m.jaccard(sigs[j]) < threshold:
                continue
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
        lsh.insert(i, m)
    seconds = time.perf_counter() - start
    return [find(i) for i in range(len(docs))], seconds


def per_rewrite(docs, pred):
    rep = {d["group"]: pred[i] for i, d in enumerate(docs) if d.get("rewrite") is None}
    out = {}
    for i, d in enumerate(docs):
        kind = d.get("rewrite")
        if kind:
            found, total = out.get(kind, (0, 0))
            out[kind] = (found + (rep.get(d["group"]) == pred[i]), total + 1)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="*", default=[str(ROOT / "corpus"), str(ROOT.parent / "shared/data/corpus")])
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    subprocess.run(["cargo", "build", "--release", "-q", "-p", "dateline-eval", "--example", "neardup"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "set.jsonl"
        ours = None
        for _ in range(args.repeat):
            res = subprocess.run(
                ["cargo", "run", "--release", "-q", "-p", "dateline-eval", "--example", "neardup", "--", str(out), *args.dirs],
                cwd=ROOT, check=True, capture_output=True, text=True)
            report = json.loads(res.stdout)
            if ours is None or report["docs_per_second"] > ours["docs_per_second"]:
                ours = report
        docs = [json.loads(l) for l in out.read_text().splitlines() if l.strip()]

    gold = [d["group"] for d in docs]
    rows = [("dateline (MinHash 128, LSH 32x4, verify >= 0.5)", ours["scores"], ours["docs_per_second"],
             {k["rewrite"]: (k["found"], k["total"]) for k in ours["per_rewrite"]})]
    for verify in (False, True):
        best = None
        for _ in range(args.repeat):
            pred, secs = run_datasketch(docs, args.threshold, verify)
            if best is None or secs < best[1]:
                best = (pred, secs)
        pred, secs = best
        name = f"datasketch {__import__('datasketch').__version__} MinHashLSH(threshold={args.threshold}){' + verify' if verify else ''}"
        rows.append((name, pair_scores(gold, pred), len(docs) / secs, per_rewrite(docs, pred)))

    n_real = sum(1 for d in docs if d.get("rewrite") is None)
    print(f"{len(docs)} documents ({n_real} real, {len(docs) - n_real} synthetic rewrites), "
          f"{rows[0][1]['gold_pairs']} gold pairs; {SHINGLE}-word shingles, {NUM_PERM} permutations\n")
    print("| detector | precision | recall | F1 | predicted pairs | docs/s |")
    print("|---|---|---|---|---|---|")
    for name, s, dps, _ in rows:
        print(f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['predicted_pairs']} | {dps:,.0f} |")
    kinds = sorted({k for *_, pr in rows for k in pr})
    print("\nrecall per rewrite (copies grouped with their original):\n")
    print("| detector | " + " | ".join(kinds) + " |")
    print("|---|" + "---|" * len(kinds))
    for name, _, _, pr in rows:
        cells = [f"{pr.get(k, (0, 0))[0]}/{pr.get(k, (0, 0))[1]}" for k in kinds]
        print(f"| {name} | " + " | ".join(cells) + " |")
    ratio = rows[0][2] / rows[1][2] if rows[1][2] else float("nan")
    print(f"\ndateline is {ratio:.1f}x datasketch's docs/s (LSH without verification)")
    if ours.get("false_pairs"):
        print("\ndateline's groups of real articles not in the gold:")
        for p in ours["false_pairs"]:
            print("  ", p)


if __name__ == "__main__":
    sys.exit(main())
