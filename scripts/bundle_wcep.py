#!/usr/bin/env python3
"""Rebuilds corpus/wcep.jsonl from the Wikipedia Current Events copies in
../shared/data/corpus/wcep/ (CC BY-SA; attribution in corpus/SOURCES.md).

One JSON line per dated item: an item file gives one record (headline as
title, the quoted source snippet as body); a day index gives one record per
bullet. Each record: {"id", "url", "published", "text"} where text is
"<title>\n\n<body>" and the title is the portal day
(with the item's topic tag, when it has one), the layout dateline reads scraped text in.

Usage: python3 scripts/bundle_wcep.py [SHARED_WCEP_DIR] > corpus/wcep.jsonl
"""
import json
import pathlib
import re
import sys
from datetime import date

PORTAL = "https://en.wikipedia.org/wiki/Portal:Current_events/{}"


def clean(line):
    line = re.sub(r"\s*\.\.\.\s*$", "", line.strip())
    line = re.sub(r"\s+", " ", line)
    return line if line.endswith((".", "!", "?", '"')) else line + "."


def portal_title(day, topic=None):
    """The portal's own heading for the day, and the item's topic when it has one."""
    title = "Wikipedia Current Events, " + date.fromisoformat(day).strftime("%-d %B %Y")
    return f"{title}: {topic}" if topic else title


def item_records(path, day):
    lines = path.read_text(encoding="utf-8").splitlines()
    headline = next((l[2:] for l in lines if l.startswith("# ")), None)
    if headline is None:
        return []
    body = []
    for line in lines[lines.index("# " + headline) + 1:]:
        if line.startswith("### Sources"):
            break
        if line.strip():
            body.append(clean(line))
    url = next((m.group(1) for l in lines for m in [re.search(r"\]\((https?://[^)]+)\)", l)] if m), None)
    text = portal_title(day) + "\n\n" + "\n\n".join([clean(headline)] + body)
    return [{"id": "wcep:" + path.stem, "url": url, "published": day, "text": text}]


def index_records(path, day):
    records = []
    for n, line in enumerate(l for l in path.read_text(encoding="utf-8").splitlines() if l.startswith("- ")):
        context = re.match(r"^\[([^\]]+)\]\s*", line[2:])
        bullet = line[2 + context.end():] if context else line[2:]
        bullet = re.sub(r"\s*\(Context:[^)]*\)", "", bullet)
        headline, _, snippet = bullet.partition(" -- ")
        title = portal_title(day, context.group(1) if context else None)
        text = title + "\n\n" + "\n\n".join([clean(headline)] + ([clean(snippet)] if snippet else []))
        records.append({"id": f"wcep:{day}:{n + 1}", "url": PORTAL.format(day), "published": day, "text": text})
    return records


def main():
    src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/corpus/wcep")
    for path in sorted(src.glob("*.md")):
        day = path.name[:10]
        make = index_records if "_index_" in path.name else item_records
        for record in make(path, day):
            print(json.dumps(record, ensure_ascii=False))


main()
