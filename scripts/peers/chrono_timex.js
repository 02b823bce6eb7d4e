#!/usr/bin/env node
// chrono-node as a TIMEX3 tagger, for scripts/bench_timex.py.
//
//   TZ=UTC node chrono_timex.js PRED.jsonl [--passes-for SECONDS] < DOCS.jsonl
//
// DOCS.jsonl: {"doc_id", "dct": "YYYY-MM-DD", "text"} per line. Writes
// predictions {"doc_id", "timexes": [{start, end, text, type, value}]} to
// PRED.jsonl (character offsets, i.e. code points, into `text`) and prints
// one JSON line of timing to stdout. Only the chrono.parse calls are timed,
// one thread: `cold_seconds` is the first pass over all documents (V8 still
// compiling; its results are the predictions), `seconds` the warm passes
// that follow, repeated until they add up to SECONDS (default 1; 0 = no
// warm pass, `seconds` is then the cold pass); `docs` counts documents
// over the warm passes.
//
// Mapping, as a user would: chrono's casual English parser
// (`chrono.parse(text, refDate)`), the reference date the DCT at 00:00
// local time (run with TZ=UTC). A result whose start hour is certain is a
// TIME valued YYYY-MM-DDTHH:MM; any other result is a DATE valued at the
// precision chrono knows: YYYY-MM-DD when the day is certain, YYYY-MM when
// only the month is ("October"), YYYY when only the year is ("last year"),
// and the full implied date when none of them is ("Tuesday"). A range
// ("from Monday to Wednesday") is one result, valued by its start. chrono
// has no durations or sets, so it predicts none.
"use strict";

const fs = require("fs");
const readline = require("readline");
const chrono = require("chrono-node");

const args = process.argv.slice(2);
const out = args[0];
let passesFor = 1;
const w = args.indexOf("--passes-for");
if (w >= 0) passesFor = parseFloat(args[w + 1]);
if (!out || Number.isNaN(passesFor)) {
  console.error("usage: TZ=UTC node chrono_timex.js PRED.jsonl [--passes-for SECONDS] < DOCS.jsonl");
  process.exit(2);
}

const pad = (n, k = 2) => String(n).padStart(k, "0");

function toTimex(r) {
  const s = r.start;
  const date = `${pad(s.get("year"), 4)}-${pad(s.get("month"))}-${pad(s.get("day"))}`;
  if (s.isCertain("hour")) {
    return { type: "TIME", value: `${date}T${pad(s.get("hour"))}:${pad(s.get("minute") || 0)}` };
  }
  // The value at the precision chrono knows: "October" is 1997-10 and
  // "last year" 1997, not the implied 1997-10-01 / 1997-02-27. A result with
  // none of year, month, day certain ("Tuesday") keeps its implied date.
  if (!s.isCertain("day")) {
    if (s.isCertain("month")) return { type: "DATE", value: date.slice(0, 7) };
    if (s.isCertain("year")) return { type: "DATE", value: date.slice(0, 4) };
  }
  return { type: "DATE", value: date };
}

// UTF-16 index -> code point index (the gold offsets are code points).
function codePointOffsets(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return null;
  const map = new Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff)) cp++;
  }
  map[text.length] = cp;
  return map;
}

async function main() {
  const docs = [];
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim()) docs.push(JSON.parse(line));
  }
  const refOf = (d) => {
    const [y, m, day] = d.dct.slice(0, 10).split("-").map(Number);
    return new Date(y, m - 1, day); // local midnight; TZ=UTC
  };
  const refs = docs.map(refOf);
  const pass = (keep) => {
    let nanos = 0n;
    for (let i = 0; i < docs.length; i++) {
      const t0 = process.hrtime.bigint();
      const rs = chrono.parse(docs[i].text, refs[i]);
      nanos += process.hrtime.bigint() - t0;
      if (keep) keep[i] = rs;
    }
    return Number(nanos) / 1e9;
  };
  const results = new Array(docs.length);
  const cold = pass(results);
  let warm = 0;
  let passes = 0;
  while (warm < passesFor) {
    warm += pass(null);
    passes += 1;
  }

  const lines = [];
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    const map = codePointOffsets(d.text);
    const at = (k) => (map ? map[k] : k);
    const timexes = results[i].map((r) => ({
      start: at(r.index),
      end: at(r.index + r.text.length),
      text: r.text,
      ...toTimex(r),
    }));
    lines.push(JSON.stringify({ doc_id: d.doc_id, timexes }));
  }
  fs.writeFileSync(out, lines.join("\n") + "\n");
  process.stdout.write(
    JSON.stringify({
      docs: passes ? docs.length * passes : docs.length,
      seconds: passes ? warm : cold,
      passes,
      cold_docs: docs.length,
      cold_seconds: cold,
      version: JSON.parse(fs.readFileSync(require.resolve("chrono-node").replace(/dist[\\/].*$/, "package.json"), "utf8")).version }) + "\n",
  );
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
