#!/usr/bin/env python3
"""Compacts the Phoenix CAMEO/PETRARCH dictionaries for dateline-annotate.

Usage: python3 crates/annotate/data/prepare.py [CAMEO_DIR]
(default CAMEO_DIR: /work/shared/data/events/cameo)

Reads Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt and Phoenix.agents.txt and writes, next to this
script, the same records in the same TABARI/PETRARCH format with comments,
blank lines and repeated synonyms dropped:

- one primary line per record, synonyms as `+` lines, every code restriction
  on its own tab-indented `[CODE date]` line (inline codes are moved there);
- the `# CountryInfo.txt` / `# IGOrulers.txt` provenance comments, which mark
  records taken from the lists of rulers and ministers (people), are kept as
  `# person`, the only comment the annotator reads;
- bytes that are not UTF-8 are read as Latin-1.

The runtime parser (src/dict/tabari.rs) reads the full format, so the output
is only smaller, not different in meaning. Record grouping is PETRARCH's: a
primary line without codes shares the codes of the next record that has some.
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/events/cameo"

HEADER = """# {name}: compacted by prepare.py from {src} (Phoenix dictionaries,
# Open Event Data Alliance, MIT licence: see LICENSE). Comments, blank lines
# and repeated synonyms removed; `# person` marks records from the CountryInfo
# and IGO rulers lists.
"""


def read_lines(path):
    with open(path, "rb") as f:
        for raw in f:
            raw = raw.rstrip(b"\r\n")
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                yield raw.decode("latin-1")


def strip_comment(line):
    """Splits a line into (content, comment)."""
    i = line.find("#")
    if i < 0:
        return line, ""
    return line[:i], line[i + 1 :]


BRACKET = re.compile(r"\[([^\]]*)\]")


def compact_actors(src, dst, name):
    out = [HEADER.format(name=name, src=os.path.basename(src))]
    record = None  # [primary, person, synonyms(list), seen(set), codes(list)]
    in_xml_comment = False

    def flush():
        if record is None:
            return
        primary, person, synonyms, _, codes = record
        out.append(primary + ("  # person" if person else "") + "\n")
        for s in synonyms:
            out.append("+" + s + "\n")
        for c in codes:
            out.append("\t[" + c + "]\n")

    for line in read_lines(src):
        if in_xml_comment:
            if "-->" in line:
                in_xml_comment = False
            continue
        if line.lstrip().startswith("<!--"):
            if "-->" not in line:
                in_xml_comment = True
            continue
        content, comment = strip_comment(line)
        if not content.strip():
            continue
        if content[0] in "\t [" and "[" in content:
            if record is None:
                continue
            for code in BRACKET.findall(content):
                code = " ".join(code.split())
                if code and code not in record[4]:
                    record[4].append(code)
            continue
        if content.startswith("+"):
            if record is None:
                continue
            syn = content[1:].split("[")[0].strip()
            key = syn.rstrip("_").upper()
            if syn and key not in record[3]:
                record[3].add(key)
                record[2].append(syn)
            for code in BRACKET.findall(content):
                code = " ".join(code.split())
                if code and code not in record[4]:
                    record[4].append(code)
            continue
        # A primary phrase, perhaps with inline codes.
        flush()
        phrase = content.split("[")[0].strip()
        if not phrase:
            record = None
            continue
        person = "CountryInfo.txt" in comment or "IGOrulers.txt" in comment
        codes = []
        for code in BRACKET.findall(content):
            code = " ".join(code.split())
            if code and code not in codes:
                codes.append(code)
        record = [phrase, person, [], {phrase.rstrip("_").upper()}, codes]
    flush()
    with open(dst, "w", encoding="utf-8") as f:
        f.writelines(out)


def compact_agents(src, dst, name):
    out = [HEADER.format(name=name, src=os.path.basename(src))]
    seen = set()
    in_xml_comment = False
    for line in read_lines(src):
        if in_xml_comment:
            if "-->" in line:
                in_xml_comment = False
            continue
        if line.lstrip().startswith("<!--"):
            if "-->" not in line:
                in_xml_comment = True
            continue
        content, _ = strip_comment(line)
        content = " ".join(content.split())
        if not content or content in seen:
            continue
        seen.add(content)
        out.append(content + "\n")
    with open(dst, "w", encoding="utf-8") as f:
        f.writelines(out)


def main():
    jobs = [
        ("Phoenix.Countries.actors.txt", "phoenix.countries.actors.txt", compact_actors),
        ("Phoenix.International.actors.txt", "phoenix.international.actors.txt", compact_actors),
        ("Phoenix.MilNonState.actors.txt", "phoenix.nonstate.actors.txt", compact_actors),
        ("Phoenix.agents.txt", "phoenix.agents.txt", compact_agents),
    ]
    for src, dst, job in jobs:
        job(os.path.join(SRC, src), os.path.join(HERE, dst), dst)
        print(f"{src} -> {dst}: {os.path.getsize(os.path.join(HERE, dst))} bytes")
    with open(os.path.join(SRC, "LICENSE"), encoding="utf-8") as f:
        licence = f.read()
    with open(os.path.join(HERE, "LICENSE"), "w", encoding="utf-8") as f:
        f.write(licence)


if __name__ == "__main__":
    main()
