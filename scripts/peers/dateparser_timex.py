#!/usr/bin/env python3
"""dateparser as a TIMEX3 tagger, for scripts/bench_timex.py.

    python dateparser_timex.py PRED.jsonl [--warmup N] < DOCS.jsonl

DOCS.jsonl: {"doc_id", "dct": "YYYY-MM-DD", "text"} per line. Writes
predictions {"doc_id", "timexes": [{start, end, text, type, value}]} to
PRED.jsonl (character offsets into `text`) and prints one JSON line of
timing to stdout: {"docs", "seconds"}, `seconds` being the wall time of the
`search_dates` calls alone (after N untimed warm-up documents, default 5),
one thread.

Mapping, as a user would: `dateparser.search.search_dates(text,
languages=["en"], settings={"RELATIVE_BASE": DCT at 00:00})`. It returns
(matched string, datetime) pairs in text order and no offsets, so each string
is looked up in the text from the end of the previous match (a string not
found that way is dropped and counted on stderr). Every result is a DATE
(dateparser has no times as such, no durations, no sets). Its value is the
returned date at the precision dateparser gives the string, which
`search_dates` drops: `DateDataParser.get_date_data(string).period` (same
language and settings), so "1996" is 1996 and "in October" 1997-10, not
1996-02-13 and 1997-10-13; a `week` period is the ISO week (2015-W46). That
look-up is not timed (it is adapter work; timing it would only make
dateparser slower).
"""
import datetime
import json
import sys
import time

from dateparser.date import DateDataParser
from dateparser.search import search_dates

FORMAT = {"year": "%Y", "month": "%Y-%m", "week": "%G-W%V"}


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    out = args[0]
    warmup = int(args[args.index("--warmup") + 1]) if "--warmup" in args else 5
    docs = [json.loads(line) for line in sys.stdin if line.strip()]

    def settings(doc):
        return {"RELATIVE_BASE": datetime.datetime.strptime(doc["dct"][:10], "%Y-%m-%d")}

    def run(doc):
        return search_dates(doc["text"], languages=["en"], settings=settings(doc)) or []

    for doc in docs[:warmup]:
        run(doc)
    results, seconds = [], 0.0
    for doc in docs:
        t0 = time.perf_counter()
        found = run(doc)
        seconds += time.perf_counter() - t0
        results.append(found)

    lost = 0
    with open(out, "w", encoding="utf-8") as f:
        for doc, found in zip(docs, results):
            text, pos, timexes = doc["text"], 0, []
            parser = DateDataParser(languages=["en"], settings=settings(doc))
            for string, when in found:
                at = text.find(string, pos)
                if at < 0:
                    lost += 1
                    continue
                pos = at + len(string)
                data = parser.get_date_data(string)
                period = data.period if data and data.date_obj else "day"
                value = when.strftime(FORMAT.get(period, "%Y-%m-%d"))
                timexes.append({"start": at, "end": pos, "text": string,
                                "type": "DATE", "value": value})
            f.write(json.dumps({"doc_id": doc["doc_id"], "timexes": timexes}) + "\n")
    if lost:
        print(f"dateparser: {lost} matched strings not found in the text after the previous match",
              file=sys.stderr)
    import dateparser
    print(json.dumps({"docs": len(docs), "seconds": seconds, "version": dateparser.__version__,
                      "unplaced": lost}))


if __name__ == "__main__":
    main()
