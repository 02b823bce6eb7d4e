//! Quotations and their speakers.
//!
//! Quotation marks are paired within a paragraph (straight `"` toggles,
//! `“ ” « »` open and close). A paragraph that opens a quotation and does
//! not close it continues into the next paragraph when that one opens with
//! a quotation mark, as news style writes multi-paragraph quotes.
//!
//! The speaker is found, in this order:
//!
//! 1. right after the closing mark: `…," Kerry said`, `…," said Kerry`,
//!    `…," he told reporters`, `…," according to the ministry`;
//! 2. right before the opening mark: `Kerry said: "…"`;
//! 3. elsewhere in the quote's sentence: the subject of its speech verb
//!    (`Kerry said he hoped the truce was "a harbinger"`, `…, a military
//!    source told Reuters`);
//! 4. the speaker of the previous quote of the paragraph (a second quote
//!    after `"…," Kerry said.`).
//!
//! A speaker phrase resolves to the entity it contains (a person first);
//! "he"/"she" to the most salient person before the quote (a speaker, else
//! the nearest), "the group"/"it" to the nearest group or organisation.
//! Quotations of fewer than three words with no attribution are scare
//! quotes and are left out.

use dateline_core::{EntityKind, EntityVia};

use crate::entity::{Ctx, Ent};
use crate::text::is_open_quote;
use crate::token::{Kind, Token};

/// A quotation before offsets are converted (bytes and tokens).
#[derive(Debug)]
pub(crate) struct Q {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) speaker: Option<String>,
    pub(crate) speaker_tokens: Option<(usize, usize)>,
    pub(crate) speaker_code: Option<String>,
    pub(crate) cue: Option<(usize, usize)>,
}

/// A pair of marks: tokens `open` and `close` (inclusive), or an unclosed
/// quote ending with its paragraph at token `close`.
#[derive(Clone, Copy, Debug)]
struct Marks {
    open: usize,
    close: usize,
    closed: bool,
}

const VERBS: &[&str] = &[
    "SAID",
    "SAYS",
    "SAY",
    "TOLD",
    "TELLS",
    "ADDED",
    "ADDS",
    "ASKED",
    "ASKS",
    "WROTE",
    "WRITES",
    "STATED",
    "DECLARED",
    "WARNED",
    "NOTED",
    "EXPLAINED",
    "INSISTED",
    "ARGUED",
    "CAUTIONED",
    "STRESSED",
    "URGED",
    "TWEETED",
    "REMARKED",
    "RECALLED",
    "REPLIED",
    "RESPONDED",
    "ANSWERED",
    "CONTINUED",
    "ACKNOWLEDGED",
    "ADMITTED",
    "COMPLAINED",
    "CLAIMED",
    "CONCLUDED",
    "CONFIRMED",
    "ANNOUNCED",
    "OBSERVED",
    "SUGGESTED",
    "EMPHASIZED",
    "EMPHASISED",
    "PREDICTED",
    "VOWED",
    "QUIPPED",
    "CONCEDED",
    "COUNTERED",
    "LAMENTED",
    "REITERATED",
    "POSTED",
    "EXCLAIMED",
    "SHOUTED",
];

/// Verbs that attribute a quote anywhere in its sentence.
const CORE_VERBS: &[&str] = &["SAID", "SAYS", "TOLD", "TELLS", "ADDED", "WROTE", "STATED"];

fn is_verb(w: &str) -> bool {
    VERBS.contains(&w)
}

fn is_quote_mark(cx: &Ctx, i: usize) -> Option<char> {
    let t = cx.toks.get(i)?;
    if t.kind != Kind::Punct {
        return None;
    }
    let c = cx.toks.str(i).chars().next()?;
    (c == '"'
        || c == '\u{201C}'
        || c == '\u{201D}'
        || c == '\u{00AB}'
        || c == '\u{00BB}'
        || c == '\u{201E}')
        .then_some(c)
}

/// Which way a straight `"` faces, from the spaces around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Space before, a word glued after: `said, "We`.
    Opener,
    /// Glued to what is before, space or punctuation after: `step," he`.
    Closer,
    /// Cannot tell.
    Either,
}

fn straight_shape(cx: &Ctx, i: usize) -> Shape {
    let Some(t) = cx.toks.get(i) else {
        return Shape::Either;
    };
    let space_before = i == 0
        || t.has(Token::SPACE)
        || cx.toks.get(i - 1).is_some_and(|p| {
            p.kind == Kind::Punct
                && matches!(cx.toks.str(i - 1), "(" | "[" | "\u{2014}" | "\u{2013}")
        });
    let next = cx.toks.get(i + 1);
    let glued_after = next.is_some_and(|n| !n.has(Token::SPACE) && n.kind != Kind::Punct);
    let open_after = next.is_none_or(|n| n.has(Token::SPACE) || n.kind == Kind::Punct);
    if space_before && glued_after {
        Shape::Opener
    } else if !space_before && open_after {
        Shape::Closer
    } else {
        Shape::Either
    }
}

/// Pairs quotation marks.
fn pair(cx: &Ctx) -> Vec<Marks> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // Last token of the paragraph the open quote is in.
    let mut para_last = 0usize;
    let n = cx.toks.len();
    for i in 0..n {
        let Some(t) = cx.toks.get(i) else {
            break;
        };
        let new_para = t.has(Token::PARA) && i > 0;
        let mark = is_quote_mark(cx, i);
        if new_para && let Some(o) = open {
            // A quote left open at the end of a paragraph goes on only if
            // this paragraph opens with a mark.
            let continues = mark.is_some_and(|c| c == '"' || is_open_quote(c) && c != '\u{201D}');
            if continues {
                para_last = i;
                continue;
            }
            out.push(Marks {
                open: o,
                close: i - 1,
                closed: false,
            });
            open = None;
        }
        let Some(c) = mark else {
            if open.is_some() {
                para_last = i;
            }
            continue;
        };
        let shape = if c == '"' {
            straight_shape(cx, i)
        } else {
            Shape::Either
        };
        match (open, c) {
            (Some(o), '"') if shape == Shape::Opener => {
                // Glued to the word after it: it opens a quote, so the one
                // open before was never closed.
                out.push(Marks {
                    open: o,
                    close: i - 1,
                    closed: false,
                });
                open = Some(i);
                para_last = i;
            }
            (None, '"') if shape == Shape::Closer => {}
            (Some(o), '"' | '\u{201D}' | '\u{00BB}') => {
                out.push(Marks {
                    open: o,
                    close: i,
                    closed: true,
                });
                open = None;
            }
            (None, '"' | '\u{201C}' | '\u{00AB}' | '\u{201E}') => {
                open = Some(i);
                para_last = i;
            }
            (Some(_), _) => {
                // A second opening mark: start again from it.
                open = Some(i);
            }
            (None, _) => {}
        }
    }
    if let Some(o) = open {
        out.push(Marks {
            open: o,
            close: para_last.max(o),
            closed: false,
        });
    }
    out
}

fn words_in(cx: &Ctx, a: usize, b: usize) -> usize {
    (a..b)
        .filter(|&i| {
            cx.toks
                .get(i)
                .is_some_and(|t| t.kind != Kind::Punct && !t.has(Token::CLITIC))
        })
        .count()
}

/// A speaker phrase `a..b` and its cue `c..d`.
#[derive(Clone, Copy, Debug)]
struct Attribution {
    np: (usize, usize),
    cue: (usize, usize),
}

fn is_np_token(cx: &Ctx, i: usize) -> bool {
    cx.toks.get(i).is_some_and(|t| {
        t.kind == Kind::Word
            || (t.kind == Kind::Punct
                && cx.toks.str(i) == "."
                && i > 0
                && cx
                    .toks
                    .get(i - 1)
                    .is_some_and(|p| p.end == t.start && p.end - p.start <= 3))
    })
}

/// `X said` / `said X` / `according to X` starting at token `i` (after a
/// closing mark and its comma).
fn after(cx: &Ctx, i: usize) -> Option<Attribution> {
    let mut i = i;
    while cx.toks.get(i).is_some_and(|t| {
        t.kind == Kind::Punct && matches!(cx.toks.str(i), "," | "\u{2014}" | "-" | "\u{2013}")
    }) {
        i += 1;
    }
    let w = cx.norm(i);
    if is_verb(w) {
        // "said Kerry", "said German Foreign Minister Frank-Walter Steinmeier".
        let a = i + 1;
        let mut b = a;
        while b < a + 10
            && is_np_token(cx, b)
            && !is_verb(cx.norm(b))
            && !matches!(
                cx.norm(b),
                "ON" | "IN" | "AT" | "WHO" | "WHEN" | "AFTER" | "DURING" | "THAT" | "TO"
            )
        {
            b += 1;
        }
        return (b > a).then_some(Attribution {
            np: (a, b),
            cue: (i, i + 1),
        });
    }
    if w == "ACCORDING" && cx.norm(i + 1) == "TO" {
        let a = i + 2;
        let mut b = a;
        while b < a + 10 && is_np_token(cx, b) && !matches!(cx.norm(b), "ON" | "IN" | "AT" | "WHO")
        {
            b += 1;
        }
        return (b > a).then_some(Attribution {
            np: (a, b),
            cue: (i, i + 2),
        });
    }
    // "Kerry said", "a senior Western diplomat said", "he told".
    let a = i;
    let mut b = a;
    while b < a + 10
        && is_np_token(cx, b)
        && !is_verb(cx.norm(b))
        && !matches!(cx.norm(b), "WAS" | "IS" | "WERE" | "ARE")
    {
        b += 1;
    }
    // "Medvedev was quoted as saying".
    if b > a && matches!(cx.norm(b), "WAS" | "IS" | "WERE" | "ARE") && cx.norm(b + 1) == "QUOTED" {
        return Some(Attribution {
            np: (a, b),
            cue: (b, b + 2),
        });
    }
    // "the ministry said in a statement", "he later said".
    let mut v = b;
    if b > a && matches!(cx.norm(b - 1), "LATER" | "ALSO" | "THEN" | "EARLIER") {
        v = b;
        b -= 1;
    }
    (b > a && is_verb(cx.norm(v))).then_some(Attribution {
        np: (a, b),
        cue: (v, v + 1),
    })
}

/// `Kerry said: "…"`, `Kerry told reporters, "…"` ending just before `open`.
fn before(cx: &Ctx, open: usize) -> Option<Attribution> {
    let mut j = open.checked_sub(1)?;
    if !matches!(cx.toks.str(j), ":" | ",") {
        return None;
    }
    // Back over at most four words of complement ("told reporters").
    let mut verb = None;
    for k in (j.saturating_sub(5)..j).rev() {
        if is_verb(cx.norm(k)) {
            verb = Some(k);
            break;
        }
        if !is_np_token(cx, k) {
            break;
        }
    }
    let v = verb?;
    j = v;
    let b = j;
    let mut a = b;
    while a > 0 && b - a < 10 && is_np_token(cx, a - 1) && !is_verb(cx.norm(a - 1)) {
        a -= 1;
    }
    (b > a).then_some(Attribution {
        np: subject_tail(cx, a, b),
        cue: (v, v + 1),
    })
}

/// The end of a subject phrase: drop leading words that belong to the
/// clause before ("Speaking to reporters, Kerry" → "Kerry").
fn subject_tail(cx: &Ctx, a: usize, b: usize) -> (usize, usize) {
    // Keep from the last determiner or capitalised run.
    let mut start = a;
    for k in a..b {
        if matches!(
            cx.norm(k),
            "AND" | "BUT" | "SO" | "THAT" | "WHILE" | "AS" | "WHICH"
        ) {
            start = k + 1;
        }
    }
    (start.min(b.saturating_sub(1)).max(a), b)
}

/// The subject of a speech verb elsewhere in the sentence of tokens
/// `s..e`, outside the quote `open..=close`.
fn in_sentence(cx: &Ctx, s: usize, e: usize, open: usize, close: usize) -> Option<Attribution> {
    // Before the quote: the nearest plain speech verb.
    let s = s.max(open.saturating_sub(60));
    let e = e.min(close + 60);
    for v in (s..open).rev() {
        if CORE_VERBS.contains(&cx.norm(v)) {
            let mut a = v;
            while a > s && v - a < 10 && is_np_token(cx, a - 1) && !is_verb(cx.norm(a - 1)) {
                a -= 1;
            }
            if a < v {
                let (a, b) = subject_tail(cx, a, v);
                return Some(Attribution {
                    np: (a, b),
                    cue: (v, v + 1),
                });
            }
        }
    }
    // After it: ", a military source told Reuters".
    for v in close + 1..e {
        if CORE_VERBS.contains(&cx.norm(v)) {
            let mut a = v;
            while a > close + 1 && v - a < 10 && is_np_token(cx, a - 1) {
                a -= 1;
            }
            if a < v && cx.toks.str(a - 1) == "," {
                return Some(Attribution {
                    np: (a, v),
                    cue: (v, v + 1),
                });
            }
        }
    }
    None
}

fn surface(cx: &Ctx, a: usize, b: usize) -> String {
    let (s, t) = cx.toks.span(a, b);
    let text = cx.toks.text.get(s..t).unwrap_or("");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drops adverbs and conjunctions at the edges of a speaker phrase ("he
/// also", "and Kerry").
fn trim_np(cx: &Ctx, (mut a, mut b): (usize, usize)) -> (usize, usize) {
    const EDGE: &[&str] = &[
        "ALSO",
        "LATER",
        "THEN",
        "EARLIER",
        "FURTHER",
        "NOW",
        "REPEATEDLY",
        "AGAIN",
        "ONCE",
        "SIMPLY",
        "JUST",
        "ONLY",
        "EVEN",
        "STILL",
        "ALREADY",
        "RECENTLY",
        "FINALLY",
        "AND",
        "BUT",
        "WHILE",
        "AS",
        "SO",
        "YET",
        "THAT",
        "HAS",
        "HAD",
        "HAVE",
        "WILL",
        "WOULD",
        "HOWEVER",
        "MEANWHILE",
        "SEPARATELY",
    ];
    while b > a && EDGE.contains(&cx.norm(b - 1)) {
        b -= 1;
    }
    while a < b && EDGE.contains(&cx.norm(a)) {
        a += 1;
    }
    (a, b)
}

/// `A senior Western diplomat summed up the outlook: "…"`: the subject of
/// a sentence that introduces a quote with a colon, when no speech verb
/// does: its first person or organisation, else a phrase like "a senior
/// diplomat".
fn colon_subject(cx: &Ctx, ents: &[Ent], start: usize, open: usize) -> Option<Attribution> {
    let colon = open.checked_sub(1)?;
    // ': "…"', or 'X, the spokesman for Y, said, "…"'.
    let said_comma =
        cx.toks.str(colon) == "," && colon.checked_sub(1).is_some_and(|v| is_verb(cx.norm(v)));
    if !(cx.toks.str(colon) == ":" || said_comma) || colon <= start {
        return None;
    }
    let start = start.max(colon.saturating_sub(60));
    let lo = ents.partition_point(|e| e.a < start);
    let before: Vec<&Ent> = ents[lo..]
        .iter()
        .take_while(|e| e.a < colon)
        .filter(|e| e.b <= colon)
        .collect();
    let e = before
        .iter()
        .find(|e| e.kind == EntityKind::Person)
        .or_else(|| {
            before
                .iter()
                .find(|e| matches!(e.kind, EntityKind::Org | EntityKind::Group))
        });
    if let Some(e) = e {
        return Some(Attribution {
            np: (e.a, e.b),
            cue: (colon, colon + 1),
        });
    }
    let det = (start..colon.min(start + 6)).find(|&i| matches!(cx.norm(i), "A" | "AN" | "THE"))?;
    let head = (det + 1..colon.min(det + 6)).find(|&i| {
        matches!(
            cx.norm(i),
            "DIPLOMAT"
                | "OFFICIAL"
                | "SOURCE"
                | "SPOKESMAN"
                | "SPOKESWOMAN"
                | "COMMANDER"
                | "NEGOTIATOR"
                | "ANALYST"
                | "RESIDENT"
                | "WITNESS"
                | "ACTIVIST"
                | "FIGHTER"
        )
    })?;
    Some(Attribution {
        np: (det, head + 1),
        cue: (colon, colon + 1),
    })
}

/// A speaker: canonical name, code, the tokens that name it.
type Speaker = (String, Option<String>, (usize, usize));

/// Resolves a speaker phrase.
fn resolve(
    cx: &Ctx,
    ents: &[Ent],
    quoted: &[bool],
    np: (usize, usize),
    before_tok: usize,
    last_speakers: &[(usize, usize)],
) -> (Option<Speaker>, Option<Ent>) {
    let (a, b) = trim_np(cx, np);
    if a >= b {
        return (None, None);
    }
    // `ents` is sorted by start.
    let lo = ents.partition_point(|e| e.a < a);
    let inside: Vec<&Ent> = ents[lo..]
        .iter()
        .take_while(|e| e.a < b)
        .filter(|e| e.b <= b)
        .collect();
    let pick = inside
        .iter()
        .rev()
        .find(|e| e.kind == EntityKind::Person)
        .or_else(|| {
            inside
                .iter()
                .rev()
                .find(|e| matches!(e.kind, EntityKind::Org | EntityKind::Group))
        })
        .or_else(|| inside.last());
    if let Some(e) = pick {
        // "a Kuwaiti tourist", "a police officer": an unnamed source of a
        // known side; the phrase names it better than the side's name.
        let generic = e.kind != EntityKind::Person
            && (e.composed || e.code.as_deref().is_some_and(|c| c.starts_with("---")))
            && matches!(
                cx.norm(a),
                "A" | "AN" | "ONE" | "ANOTHER" | "TWO" | "THREE" | "SEVERAL" | "SOME"
            );
        if generic {
            return (Some((surface(cx, a, b), e.code.clone(), (a, b))), None);
        }
        return (
            Some((e.canonical.clone(), e.code.clone(), (e.a, e.b))),
            None,
        );
    }
    let words: Vec<&str> = (a..b).map(|i| cx.norm(i)).collect();
    let here = cx.sent_of.get(a).copied().unwrap_or(0);
    let near = |e: &&Ent| {
        cx.sent_of
            .get(e.a)
            .is_some_and(|&s| here.saturating_sub(s) <= 4)
    };
    // The entities before the quote within four sentences, nearest last.
    let hi = ents.partition_point(|e| e.a < before_tok);
    let window: Vec<&Ent> = {
        let mut w: Vec<&Ent> = ents[..hi].iter().rev().take(64).take_while(near).collect();
        w.reverse();
        w
    };
    let recent = |e: &Ent| e.b <= before_tok && !quoted.get(e.a).copied().unwrap_or(false);
    let antecedent: Option<&Ent> = match words.as_slice() {
        ["HE"] | ["SHE"] => {
            let female = words == ["SHE"];
            // A first name of the other gender rules a person out.
            let compatible = |e: &Ent| {
                let first = e.canonical.split_whitespace().next().unwrap_or("");
                let first = first.to_uppercase();
                let is_female = crate::lexicon::FEMALE_NAMES.contains(&first.as_str());
                let is_male = !is_female && crate::lexicon::FIRST_NAMES.contains(&first.as_str());
                if female { !is_male } else { !is_female }
            };
            let people: Vec<&Ent> = window
                .iter()
                .copied()
                .filter(|e| e.kind == EntityKind::Person && recent(e) && compatible(e))
                .collect();
            // A recent speaker, else a subject of a speech verb, else the
            // nearest person.
            people
                .iter()
                .rev()
                .find(|e| last_speakers.iter().any(|&(x, y)| x == e.a && y == e.b))
                .or_else(|| people.iter().rev().find(|e| is_verb(cx.norm(e.b))))
                .or_else(|| people.last())
                .copied()
        }
        ["THE", "GROUP"]
        | ["IT"]
        | ["THE", "ORGANIZATION"]
        | ["THE", "ORGANISATION"]
        | ["THE", "MOVEMENT"] => window.iter().copied().rev().find(|e| {
            recent(e)
                && !e.code.as_deref().is_some_and(|c| {
                    c.starts_with("---")
                        || c.get(3..6).is_some_and(crate::lexicon::is_population_code)
                })
                && if words == ["IT"] {
                    matches!(e.kind, EntityKind::Org | EntityKind::Group)
                } else {
                    e.kind == EntityKind::Group
                }
        }),
        _ => None,
    };
    if let Some(e) = antecedent {
        let pron = Ent {
            a,
            b,
            title: None,
            via: EntityVia::Coreference,
            composed: false,
            ..e.clone()
        };
        return (
            Some((e.canonical.clone(), e.code.clone(), (a, b))),
            Some(pron),
        );
    }
    if matches!(
        words.as_slice(),
        ["HE"] | ["SHE"] | ["IT"] | ["THEY"] | ["WE"] | ["I"] | ["YOU"]
    ) {
        return (None, None);
    }
    // An unnamed source, as written: "a senior Western diplomat".
    let text = surface(cx, a, b);
    if text.is_empty() || b - a > 8 {
        return (None, None);
    }
    (Some((text, None, (a, b))), None)
}

/// Finds the quotations; pronoun speakers resolved through coreference are
/// added to `ents`.
pub(crate) fn find(cx: &Ctx, ents: &mut Vec<Ent>) -> Vec<Q> {
    let marks = pair(cx);
    // Paragraph index of each token.
    let mut para_of = Vec::with_capacity(cx.toks.len());
    let mut p = 0u32;
    for (i, t) in cx.toks.toks.iter().enumerate() {
        if i > 0 && t.has(Token::PARA) {
            p += 1;
        }
        para_of.push(p);
    }
    // Tokens inside a quotation (marks excluded).
    let mut quoted = vec![false; cx.toks.len()];
    for m in &marks {
        for q in quoted.iter_mut().take(m.close).skip(m.open + 1) {
            *q = true;
        }
    }
    let mut out: Vec<Q> = Vec::with_capacity(marks.len());
    let mut added: Vec<Ent> = Vec::new();
    // Speakers' token spans so far, for "he said".
    let mut speakers: Vec<(usize, usize)> = Vec::new();
    // Paragraph index of each quote's close, for continuation.
    let mut prev: Option<(u32, usize)> = None; // (sentence of close, index in out)
    for m in &marks {
        let words = words_in(cx, m.open + 1, m.close);
        let attribution = if m.closed {
            after(cx, m.close + 1)
                .filter(|at| cx.same_sentence(at.cue.0, m.close) || cx.toks.str(m.close - 1) == ",")
                .or_else(|| before(cx, m.open))
        } else {
            before(cx, m.open)
        }
        .or_else(|| {
            let s = cx.sent_of.get(m.open).copied().unwrap_or(0) as usize;
            let start = cx.sent_first.get(s).copied().unwrap_or(0);
            let end = cx.sent_first.get(s + 1).copied().unwrap_or(cx.toks.len());
            in_sentence(cx, start, end, m.open, m.close)
                .or_else(|| colon_subject(cx, ents, start, m.open))
        });
        let (s, e) = {
            let (s, _) = cx.toks.span(m.open, m.open + 1);
            let (_, e) = cx.toks.span(m.close, m.close + 1);
            (s, e)
        };
        let mut q = Q {
            start: s,
            end: e,
            speaker: None,
            speaker_tokens: None,
            speaker_code: None,
            cue: None,
        };
        let mut attributed = false;
        if let Some(at) = attribution {
            let recent_speakers = &speakers[speakers.len().saturating_sub(16)..];
            let (sp, pron) = resolve(cx, ents, &quoted, at.np, m.open, recent_speakers);
            if let Some((name, code, span)) = sp {
                q.speaker = Some(name);
                q.speaker_code = code;
                q.speaker_tokens = Some(span);
                q.cue = Some(at.cue);
                attributed = true;
                if let Some(p) = pron {
                    speakers.push((p.a, p.b));
                    added.push(p);
                } else {
                    speakers.push(span);
                }
            }
        }
        if !attributed {
            // A second quote in the paragraph of an attributed one, or a
            // paragraph that is nothing but a quote after a paragraph that
            // ended with one: the same speaker goes on.
            let para = |i: usize| para_of.get(i).copied().unwrap_or(0);
            let whole_paragraph = para(m.open) != para(m.open.wrapping_sub(1))
                && (m.close + 1..cx.toks.len())
                    .find(|&j| {
                        cx.toks.get(j).is_none_or(|t| t.kind != Kind::Punct) || j > m.close + 3
                    })
                    .is_none_or(|j| para(j) != para(m.close));
            if let Some((_, pi)) = prev
                && let Some(p) = out.get(pi)
                && p.speaker.is_some()
                && marks.get(pi).is_some_and(|pm| {
                    para(pm.close) == para(m.open)
                        || whole_paragraph && para(pm.close) + 1 == para(m.open)
                })
            {
                q.speaker = p.speaker.clone();
                q.speaker_code = p.speaker_code.clone();
                attributed = true;
            }
        }
        if words < 2 || words < 3 && !attributed {
            // Keep the index aligned with `marks` for continuation.
            out.push(Q {
                start: usize::MAX,
                ..q
            });
            continue;
        }
        prev = Some((cx.sent_of.get(m.close).copied().unwrap_or(0), out.len()));
        out.push(q);
    }
    out.retain(|q| q.start != usize::MAX);
    ents.extend(added);
    ents.sort_by_key(|e| (e.a, e.b));
    ents.dedup_by(|x, y| x.a < y.b && y.a < x.b);
    out
}

#[cfg(test)]
mod tests {
    use crate::testutil::annotator;

    fn speakers(text: &str) -> Vec<Option<String>> {
        annotator()
            .annotate(text)
            .quotes
            .into_iter()
            .map(|q| q.speaker)
            .collect()
    }

    #[test]
    fn attributions_after_the_quote() {
        let text = "US Secretary of State John Kerry visited Paris.\n\n\"That's a gigantic step,\" Kerry said. \"We are weeks away from it.\"\n\n\"We are not talking about months,\" he said.\n\n\"This meeting risks being endless,\" said German Foreign Minister Frank-Walter Steinmeier.";
        assert_eq!(
            speakers(text),
            [
                Some("John Kerry".to_string()),
                Some("John Kerry".to_string()),
                Some("John Kerry".to_string()),
                Some("Frank-Walter Steinmeier".to_string())
            ]
        );
        let found = annotator().annotate(text);
        let he = found.entities.iter().find(|e| e.text == "he").expect("he");
        assert_eq!(he.canonical, "John Kerry");
    }

    #[test]
    fn attributions_before_and_around() {
        assert_eq!(
            speakers(
                "The Syrian army said in a statement: \"The regime of calm will last three days in all of Syria.\""
            ),
            [Some("Syrian military".to_string())]
        );
        assert_eq!(
            speakers(
                "\"We will not accept a truce while the bombing goes on,\" a senior opposition negotiator told Reuters."
            ),
            [Some("a senior opposition negotiator".to_string())]
        );
        assert_eq!(
            speakers(
                "\"The siege must end now,\" according to the International Committee of the Red Cross."
            ),
            [Some("International Committee of the Red Cross".to_string())]
        );
    }

    #[test]
    fn the_group_said() {
        let text = "Islamic State claimed the bombing in Istanbul.\n\n\"Our soldiers will strike again and again,\" the group said in a statement.";
        let q = annotator().annotate(text).quotes;
        assert_eq!(q[0].speaker.as_deref(), Some("Islamic State"));
        assert_eq!(q[0].speaker_code.as_deref(), Some("IMGMUSISI"));
    }

    #[test]
    fn multi_paragraph_quotes() {
        let text = "Lavrov spoke at length.\n\n\"We have proposed a ceasefire from March 1.\n\n\"We are waiting for an answer from our partners,\" Russian Foreign Minister Sergei Lavrov said.";
        let q = annotator().annotate(text).quotes;
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker.as_deref(), Some("Sergei Lavrov"));
        assert!(
            text.chars()
                .skip(q[0].start)
                .take(q[0].end - q[0].start)
                .collect::<String>()
                .contains("March 1.\n\n\"We are")
        );
    }

    #[test]
    fn scare_quotes_are_skipped() {
        assert!(speakers("The army declared a \"truce\" on Monday.").is_empty());
    }

    #[test]
    fn unbalanced_marks_do_not_panic() {
        for text in [
            "\"",
            "\"\"",
            "a \" b",
            "\u{201D}x\u{201C}",
            "\"a b c d\n\n\"",
            "\u{201C}\u{201C}\u{201C}",
        ] {
            let _ = annotator().annotate(text);
        }
    }
}
