//! Ceasefire frames: one record per distinct truce an article reports, with
//! who declared it, for whom, where, from when, for how long, who is left
//! out, on what conditions, what third parties said, and what became of it.
//!
//! The method is rules over the earlier stages' output, sentence by
//! sentence:
//!
//! 1. **Mentions.** Truce vocabulary (`lexicon::TRIGGERS`) is found with
//!    one Aho-Corasick automaton. Strong triggers ("ceasefire", "regime of
//!    calm", "cessation of hostilities") open frames; weak ones ("lull", "the
//!    deal") only join a frame the article already has; "of quiet" counts
//!    only right after a duration ("72 hours of quiet").
//! 2. **Frames.** Mentions collapse into one frame per scope: the
//!    article's main truce, local truces ("local truces", "a ceasefire in
//!    Aleppo" when Aleppo lies inside the main truce's country) each get
//!    their own.
//! 3. **Fields**, each from the frame's own sentences: declarer (subject of
//!    declare/announce/agree/broker, or "brokered by X", "a U.S.-brokered
//!    truce"; "major / world powers" there are the country's contact
//!    group), parties ("between X and Y", "between the two sides" → the
//!    war's government and rebels, sides said to break it: "X violated the
//!    truce", "it was broken by X", with the side of that war saying so),
//!    excluded ("X, which is
//!    ineligible", "does not apply to X", "except X", "X have been
//!    excluded", "will keep bombing X" next to a truce mention), scope ("in
//!    / across / covering X"), start (a timex after "from / starting /
//!    since / came into force / began", or "a Feb. 27 ceasefire"), duration
//!    ("72-hour truce", "72 hours of quiet"), end (an explicit one, or the
//!    start plus the duration, computed with jiff in the start's own
//!    offset), status (the latest in the lifecycle any cue near a mention
//!    reports, `lexicon::CUES`; cues after "to try to", "could", "not"…
//!    do not count), conditions ("once / if / provided that …" clauses),
//!    reactions ("X welcomed …", also inside X's quotes) and issues (the
//!    document's time contradictions that touch the start).
//!
//! The field rules look their phrases up in a sentence index built once
//! per sentence (one overlapping Aho-Corasick pass over all the lists),
//! not by scanning the sentence per phrase.
//!
//! Actors are named as states where a person or capital speaks for one
//! ("Kerry", "Washington" → United States), otherwise by the entity's
//! canonical name ("Syrian military", "Islamic State").
//!
//! Seed 000's truce has no declarer: the article names the Vienna process
//! that envisions it, not who would declare it, and we do not guess one.

mod lexicon;
#[cfg(test)]
mod tests;

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use dateline_annotate::Annotations;
use dateline_core::{
    Ceasefire, CeasefireReaction, CeasefireStatus, Entity, EntityKind, QuantityKind, Span, Timex,
    TimexType,
};
use dateline_time::{Reference, TimeIssue, check_contradictions};
use jiff::civil::Date;

use self::lexicon::{Reach, Strength};

/// Finds ceasefire frames. Build once (it compiles the lexicons); it is
/// `Send + Sync`.
#[derive(Debug)]
pub struct CeasefireFinder {
    triggers: AhoCorasick,
    cues: AhoCorasick,
    /// All [`List`]s' phrases, overlapping matches.
    phrases: AhoCorasick,
    /// Each list's first pattern id in `phrases`.
    bases: [u32; LISTS.len()],
}

impl Default for CeasefireFinder {
    fn default() -> CeasefireFinder {
        CeasefireFinder::new()
    }
}

/// Finds the ceasefire frames of one article with a shared, lazily built
/// [`CeasefireFinder`]. `text` is the cleaned body the annotations and
/// timexes were computed on (character offsets).
pub fn find_ceasefires(
    text: &str,
    annotations: &Annotations,
    timexes: &[Timex],
    published: Option<Date>,
) -> Vec<Ceasefire> {
    static FINDER: OnceLock<CeasefireFinder> = OnceLock::new();
    FINDER
        .get_or_init(CeasefireFinder::new)
        .find(text, annotations, timexes, published)
}

/// "X … ineligible / excluded / not involved": the groups before the cue.
const EXCLUDED_BEFORE: &[&str] = &[
    "ineligible",
    "are excluded",
    "were excluded",
    "is excluded",
    "been excluded",
    "not involved in",
    "not covered by",
    "not included in",
    "not part of",
    "not be included",
    "not bound by",
];

/// "… does not apply to / excludes / except X": the groups after the cue.
const EXCLUDED_AFTER: &[&str] = &[
    "not apply to",
    "not include",
    "not includes",
    "not cover",
    "not extend to",
    "exclude",
    "excludes",
    "excluding",
    "except",
    "except for",
    "apart from",
    "other than",
    "with the exception of",
    "not covered:",
];

/// Words that open a condition clause.
const CONDITION_MARKERS: &[&str] = &[
    "once",
    "if",
    "provided that",
    "providing that",
    "on condition that",
    "as long as",
    "unless",
    "only if",
];

/// "the warring parties - the government and rebels".
const WARRING: &[&str] = &["warring parties", "warring sides", "warring factions"];

/// Words that say a truce is over, for the date of that step.
const ENDED: &[&str] = &[
    "collapse",
    "collapsed",
    "broke down",
    "ended",
    "expired",
    "was over",
];

/// "Russia will keep bombing …": what follows is outside the truce.
const KEEPS: &[&str] = &[
    "keep bombing",
    "keep attacking",
    "keep striking",
    "continue bombing",
    "continue attacking",
    "continue to strike",
    "continue to bomb",
    "continue to fight",
    "continue striking",
];

/// "strikes against X" counts as [`KEEPS`] in a sentence that says one of
/// these.
const WILL_CONTINUE: &[&str] = &["will continue", "would continue"];

/// The phrase lists the field rules look up in a sentence. One automaton
/// holds them all, so that one pass per sentence replaces a scan per
/// phrase; a phrase's pattern id is its list's base plus its index.
#[derive(Clone, Copy, Debug)]
enum List {
    Declare,
    Warring,
    Conditions,
    Reactions,
    ExcludedBefore,
    ExcludedAfter,
    Keeps,
    WillContinue,
    StrikesAgainst,
    Ended,
}

const LISTS: [List; 10] = [
    List::Declare,
    List::Warring,
    List::Conditions,
    List::Reactions,
    List::ExcludedBefore,
    List::ExcludedAfter,
    List::Keeps,
    List::WillContinue,
    List::StrikesAgainst,
    List::Ended,
];

impl List {
    fn words(self) -> Vec<&'static str> {
        match self {
            List::Declare => lexicon::DECLARE_VERBS.to_vec(),
            List::Warring => WARRING.to_vec(),
            List::Conditions => CONDITION_MARKERS.to_vec(),
            List::Reactions => lexicon::REACTIONS.iter().map(|r| r.0).collect(),
            List::ExcludedBefore => EXCLUDED_BEFORE.to_vec(),
            List::ExcludedAfter => EXCLUDED_AFTER.to_vec(),
            List::Keeps => KEEPS.to_vec(),
            List::WillContinue => WILL_CONTINUE.to_vec(),
            List::StrikesAgainst => vec!["strikes against"],
            List::Ended => ENDED.to_vec(),
        }
    }
}

/// Longest sentence read for truces, in bytes.
const MAX_SENTENCE_BYTES: usize = 3000;
/// Most mentions read per sentence.
const MAX_PER_SENTENCE: usize = 8;

/// A truce word in the text.
#[derive(Clone, Copy, Debug)]
struct Mention {
    sent: usize,
    /// Byte span.
    start: usize,
    end: usize,
    strong: bool,
    /// The place it is tied to (an index into `Doc::ents`), see
    /// [`CeasefireFinder::find_place`]; computed once, asked for often.
    place: Option<usize>,
}

/// The mentions of sentence `si` in `ms` (sorted by position).
fn in_sent(ms: &[Mention], si: usize) -> &[Mention] {
    let a = ms.partition_point(|m| m.sent < si);
    let b = ms.partition_point(|m| m.sent <= si);
    &ms[a..b]
}

/// Which frame a mention belongs to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Main,
    Local,
    Place(String),
}

/// The text, its sentences and entities in bytes.
struct Doc<'a> {
    text: &'a str,
    /// Byte offset of each character, plus the end.
    byte_of: Vec<usize>,
    sents: Vec<(usize, usize)>,
    ents: Vec<(usize, usize, &'a Entity)>,
    timexes: Vec<(usize, usize, &'a Timex)>,
    durations: Vec<(usize, usize, String)>,
    quotes: Vec<(usize, usize, Option<String>, Option<String>)>,
    /// The country code of the main truce, once known.
    country: Option<String>,
    /// The sentence phrases' automaton and each [`List`]'s first id.
    phrase_ac: &'a AhoCorasick,
    bases: &'a [u32; LISTS.len()],
    /// Per sentence, once asked for: every occurrence of every phrase,
    /// overlapping, as (pattern, start, end) in bytes from the sentence
    /// start, sorted.
    hits: Vec<OnceCell<Vec<(u32, u32, u32)>>>,
}

impl<'a> Doc<'a> {
    fn new(
        finder: &'a CeasefireFinder,
        text: &'a str,
        ann: &'a Annotations,
        timexes: &'a [Timex],
    ) -> Doc<'a> {
        // ASCII runs are ranges; the rest goes char by char.
        let mut byte_of: Vec<usize> = Vec::with_capacity(text.len() + 1);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let run = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii())
                .unwrap_or(bytes.len() - i);
            byte_of.extend(i..i + run);
            i += run;
            match text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => {
                    byte_of.push(i);
                    i += c.len_utf8();
                }
                None => break,
            }
        }
        byte_of.push(text.len());
        let b = |c: usize| byte_of.get(c).copied().unwrap_or(text.len());
        // The splitter sometimes ends a sentence at a month abbreviation
        // ("the collapse of a Feb. | 27 ceasefire"): glue those back.
        let mut sents: Vec<(usize, usize)> = Vec::with_capacity(ann.sentences.len());
        for s in &ann.sentences {
            let (a, z) = (b(s.start), b(s.end));
            if let Some(last) = sents.last_mut() {
                let prev = text.get(last.0..last.1).unwrap_or("");
                let starts_digit = text
                    .get(a..)
                    .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
                let month = [
                    "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
                ]
                .iter()
                .any(|m| prev.ends_with(m));
                if starts_digit && month {
                    last.1 = z;
                    continue;
                }
            }
            sents.push((a, z));
        }
        let ents = ann
            .entities
            .iter()
            .map(|e| (b(e.start), b(e.end), e))
            .collect();
        let tx = timexes.iter().map(|t| (b(t.start), b(t.end), t)).collect();
        let mut durations: Vec<(usize, usize, String)> = ann
            .quantities
            .iter()
            .filter(|q| q.kind == QuantityKind::Duration)
            .filter_map(|q| Some((b(q.start), b(q.end), q.duration.clone()?)))
            .collect();
        for t in timexes {
            if t.kind == TimexType::Duration
                && !t.value.contains('X')
                && !durations.iter().any(|d| d.0 < b(t.end) && b(t.start) < d.1)
            {
                durations.push((b(t.start), b(t.end), t.value.clone()));
            }
        }
        let quotes = ann
            .quotes
            .iter()
            .map(|q| {
                (
                    b(q.start),
                    b(q.end),
                    q.speaker.clone(),
                    q.speaker_code.clone(),
                )
            })
            .collect();
        let hits = sents.iter().map(|_| OnceCell::new()).collect();
        Doc {
            text,
            byte_of,
            sents,
            ents,
            timexes: tx,
            durations,
            quotes,
            country: None,
            phrase_ac: &finder.phrases,
            bases: &finder.bases,
            hits,
        }
    }

    /// The occurrences of phrase `id` in sentence `si` (see `hits`).
    fn raw_hits(&self, si: usize, list: List, k: usize) -> &[(u32, u32, u32)] {
        let Some(cell) = self.hits.get(si) else {
            return &[];
        };
        let all = cell.get_or_init(|| {
            let (a, b) = self.sents[si];
            let mut v: Vec<(u32, u32, u32)> = self
                .phrase_ac
                .find_overlapping_iter(self.slice(a, b))
                .map(|m| (m.pattern().as_u32(), m.start() as u32, m.end() as u32))
                .collect();
            v.sort_unstable();
            v
        });
        let id = self.bases[list as usize] + k as u32;
        let lo = all.partition_point(|h| h.0 < id);
        let hi = all.partition_point(|h| h.0 <= id);
        &all[lo..hi]
    }

    /// [`find_words`] of phrase `k` of `list` in sentence `si`, read off
    /// the sentence's phrase index; offsets from the sentence start.
    fn words(&self, si: usize, list: List, k: usize) -> Vec<(usize, usize)> {
        let hits = self.raw_hits(si, list, k);
        if hits.is_empty() {
            return Vec::new();
        }
        let (a, b) = self.sents[si];
        let s = self.slice(a, b);
        let mut out = Vec::new();
        let mut from = 0;
        for &(_, start, end) in hits {
            let (start, end) = (start as usize, end as usize);
            if start < from {
                continue;
            }
            from = end;
            if bounded(s, start, end) {
                out.push((start, end));
            }
        }
        out
    }

    /// Where phrase `k` of `list` first occurs in sentence `si` as a
    /// substring, ASCII case insensitively (as `str::find` in the
    /// lower-cased sentence).
    fn first_substring(&self, si: usize, list: List, k: usize) -> Option<usize> {
        self.raw_hits(si, list, k).first().map(|h| h.1 as usize)
    }

    fn char_of(&self, byte: usize) -> usize {
        self.byte_of.partition_point(|&b| b < byte)
    }

    fn span(&self, (a, b): (usize, usize)) -> Span {
        Span {
            start: self.char_of(a),
            end: self.char_of(b),
        }
    }

    fn slice(&self, a: usize, b: usize) -> &'a str {
        self.text.get(a.min(b)..b.max(a)).unwrap_or("")
    }

    /// The temporal expressions inside the sentence spanning bytes `sent`.
    fn timexes_in(&self, sent: (usize, usize)) -> impl Iterator<Item = &(usize, usize, &'a Timex)> {
        self.timexes
            .iter()
            .filter(move |t| t.0 >= sent.0 && t.1 <= sent.1)
    }

    /// The last `n` words between bytes `from` and `to`, nearest first,
    /// lower-cased and stripped of punctuation.
    fn words_before(&self, from: usize, to: usize, n: usize) -> Vec<String> {
        self.slice(from, to)
            .split_whitespace()
            .rev()
            .take(n)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase()
            })
            .collect()
    }

    fn sent_of(&self, byte: usize) -> Option<usize> {
        let i = self.sents.partition_point(|s| s.1 <= byte);
        (i < self.sents.len() && self.sents[i].0 <= byte).then_some(i)
    }

    fn words_between(&self, a: usize, b: usize) -> usize {
        self.slice(a, b).split_whitespace().count()
    }

    fn ents_in(&self, a: usize, b: usize) -> impl Iterator<Item = &(usize, usize, &'a Entity)> {
        self.ents.iter().filter(move |e| e.0 >= a && e.1 <= b)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// Finds `needle` (lowercase ASCII) as a whole word in `hay`, ASCII case
/// insensitively; returns byte offsets relative to `hay`. Occurrences do
/// not overlap: the search goes on after each one, whole word or not.
///
/// Hand-written over `memchr` rather than `hay.to_ascii_lowercase()` and
/// `str::find`: the frames call this for dozens of cues per sentence, and
/// the copy and the searcher's set-up cost more than the search.
fn find_words(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let mut out = Vec::new();
    let Some(&first) = n.first() else {
        return out;
    };
    let mut from = 0;
    while let Some(i) = h.get(from..).and_then(|rest| {
        memchr::memchr2_iter(first, first.to_ascii_uppercase(), rest).find(|&i| {
            rest.get(i..i + n.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(n))
        })
    }) {
        let s = from + i;
        let e = s + n.len();
        if bounded(hay, s, e) {
            out.push((s, e));
        }
        from = e;
    }
    out
}

fn demonym(country: &str) -> &str {
    match country {
        "Syria" => "Syrian",
        "Russia" => "Russian",
        "Iraq" => "Iraqi",
        "Iran" => "Iranian",
        "Turkey" => "Turkish",
        "Yemen" => "Yemeni",
        "Libya" => "Libyan",
        "Afghanistan" => "Afghan",
        "Ukraine" => "Ukrainian",
        "Israel" => "Israeli",
        "Lebanon" => "Lebanese",
        "Sudan" => "Sudanese",
        "Colombia" => "Colombian",
        other => other,
    }
}

/// The name a frame gives an actor: states for the people and capitals
/// that speak for them, canonical names otherwise.
fn actor_name(e: &Entity) -> String {
    let code = e.code.as_deref().unwrap_or("");
    if code.starts_with("IGOUNO") {
        return "United Nations".into();
    }
    if code.starts_with("IGOEU") {
        return "European Union".into();
    }
    let state = code.get(..3).and_then(lexicon::country);
    match (e.kind, state) {
        (EntityKind::Gpe, Some(c)) => c.into(),
        (EntityKind::Person, Some(c)) => {
            let rest = code.get(3..).unwrap_or("");
            if rest.starts_with("OPP") {
                format!("{} opposition", demonym(c))
            } else if rest.starts_with("REB") {
                format!("{} rebels", demonym(c))
            } else {
                c.into()
            }
        }
        _ => e.canonical.clone(),
    }
}

/// A party's name: generic sides ("the government", "rebels") take the
/// country of the article's truce ("Syrian government").
fn party_name(doc: &Doc<'_>, e: &Entity) -> String {
    let code = e.code.as_deref().unwrap_or("");
    if code.starts_with("---")
        && let Some(c) = doc.country.as_deref().and_then(lexicon::country)
        && matches!(
            e.canonical.as_str(),
            "government" | "rebels" | "opposition" | "military"
        )
    {
        return format!("{} {}", demonym(c), e.canonical);
    }
    actor_name(e)
}

/// Participles of "the truce was broken by X".
const BREAK_PARTICIPLES: &[&str] = &["broken", "violated", "breached"];
/// Verbs of "X violated the truce".
const BREAK_VERBS: &[&str] = &[
    "violated",
    "violating",
    "violate",
    "violates",
    "breached",
    "breaching",
    "broke",
    "breaking",
];

/// A side of the truce's own war: its government, military, opposition or
/// rebels (CAMEO role after the country code).
fn is_side(e: &Entity, war: Option<&str>) -> bool {
    let code = e.code.as_deref().unwrap_or("");
    war.is_some() && code.get(..3) == war && has_war_role(code)
}

/// Whether an actor code's role (after the country) is one that fights or
/// governs in a war: government, military, opposition, rebels, insurgents.
fn has_war_role(code: &str) -> bool {
    matches!(code.get(3..6), Some("GOV" | "MIL" | "OPP" | "REB" | "INS"))
}

/// The country whose war a frame's sentences are about: that of the
/// first side they name ("Syrian government attacks"), else the truce's.
fn war_country(doc: &Doc<'_>, sents: &[usize]) -> Option<String> {
    sents
        .iter()
        .flat_map(|&si| {
            let (a, b) = doc.sents[si];
            doc.ents_in(a, b)
        })
        .filter_map(|&(_, _, e)| e.code.as_deref())
        .find(|c| {
            !c.starts_with("---")
                && lexicon::country(c.get(..3).unwrap_or("")).is_some()
                && has_war_role(c)
        })
        .and_then(|c| c.get(..3))
        .map(str::to_string)
        .or_else(|| doc.country.clone())
}

/// A side's name, generic sides ("government forces") taking the war's
/// country.
fn side_name(doc: &Doc<'_>, e: &Entity, war: Option<&str>) -> String {
    let code = e.code.as_deref().unwrap_or("");
    if code.starts_with("---")
        && let Some(c) = war.and_then(lexicon::country)
        && matches!(
            e.canonical.as_str(),
            "government" | "rebels" | "opposition" | "military"
        )
    {
        return format!("{} {}", demonym(c), e.canonical);
    }
    party_name(doc, e)
}

/// The two sides of the truce's country's civil war, for "the two sides":
/// its government and the rebels (the opposition where the article never
/// says "rebel").
fn war_sides(doc: &Doc<'_>, declarer: &[String]) -> Vec<String> {
    // The brokers' country is not the one at war ("the United States and
    // Russia agreed to enforce a truce between the two sides").
    let Some(c) = doc
        .country
        .as_deref()
        .and_then(lexicon::country)
        .filter(|c| !declarer.iter().any(|d| d == c))
    else {
        return Vec::new();
    };
    let d = demonym(c);
    let rebels = find_words(doc.text, "rebels").len() + find_words(doc.text, "rebel").len() > 0;
    let other = if rebels { "rebels" } else { "opposition" };
    vec![format!("{d} government"), format!("{d} {other}")]
}

/// Whether a place entity is a whole country (its canonical name is its
/// code's country).
fn is_country(e: &Entity) -> bool {
    let code = e.code.as_deref().unwrap_or("");
    match code.get(..3).and_then(lexicon::country) {
        Some(c) => c == e.canonical,
        None => true,
    }
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !s.is_empty() && !v.iter().any(|x| x.eq_ignore_ascii_case(&s)) {
        v.push(s);
    }
}

/// Words that, after "major" / "world" / "international" …, name the
/// powers that meet over a war as one body.
const POWERS: &[&str] = &["powers"];
const POWER_ADJECTIVES: &[&str] = &[
    "major",
    "world",
    "international",
    "global",
    "big",
    "great",
    "foreign",
    "western",
];

/// The contact group through which the powers act on a country's war,
/// under the name news and gold data give it.
const CONTACT_GROUPS: &[(&str, &str)] = &[("SYR", "International Syria Support Group")];

/// "major powers", "world powers" among `words` (in text order, lower
/// case) as a declarer: the contact group of the truce's country, else the
/// phrase itself. In news the collective subject of a truce deal is the
/// forum the powers met in (Munich's "major powers" are the ISSG).
fn collective<'w>(doc: &Doc<'_>, words: impl Iterator<Item = &'w String>) -> Option<String> {
    let mut prev: Option<&str> = None;
    for w in words {
        if POWERS.contains(&w.as_str())
            && let Some(adj) = prev.filter(|p| POWER_ADJECTIVES.contains(p))
        {
            let group = doc
                .country
                .as_deref()
                .and_then(|c| CONTACT_GROUPS.iter().find(|g| g.0 == c))
                .map(|g| g.1.to_string());
            return Some(group.unwrap_or_else(|| format!("{adj} {w}")));
        }
        prev = Some(w.as_str());
    }
    None
}

/// Start of the clause that ends at `at`: the last comma, semicolon,
/// colon, quote mark or reporting "said"/"that" in the sentence before it.
fn clause_start(doc: &Doc<'_>, sent: (usize, usize), at: usize) -> usize {
    let s = doc.slice(sent.0, at);
    let mut best = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')') {
            best = i + c.len_utf8();
        }
    }
    for w in [" said ", " says ", " that ", " which ", " told "] {
        if let Some(i) = s.rfind(w) {
            best = best.max(i + w.len());
        }
    }
    sent.0 + best
}

/// End of the clause that starts at `at`.
fn clause_end(doc: &Doc<'_>, sent: (usize, usize), at: usize) -> usize {
    let s = doc.slice(at, sent.1);
    let b = s.as_bytes();
    let end = s
        .char_indices()
        .find(|&(i, c)| match c {
            ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' => true,
            // An abbreviation's dots ("a U.S.-Russian plan", "the U.S. and
            // Russia") do not end a clause.
            '.' => {
                let next = b.get(i + 1).copied().unwrap_or(b' ');
                let dotted = i >= 2 && b.get(i - 2) == Some(&b'.');
                !(next.is_ascii_alphanumeric() || next == b'-' || dotted)
            }
            _ => false,
        })
        .map_or(s.len(), |(i, _)| i);
    at + end
}

impl CeasefireFinder {
    /// Compiles the lexicons.
    pub fn new() -> CeasefireFinder {
        #[allow(clippy::expect_used)]
        let build = |pats: Vec<&str>| {
            AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::DFA))
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(pats)
                .expect("the ceasefire lexicons compile")
        };
        let mut phrase_list: Vec<&str> = Vec::new();
        let mut bases = [0; LISTS.len()];
        for list in LISTS {
            bases[list as usize] = phrase_list.len() as u32;
            phrase_list.extend(list.words());
        }
        #[allow(clippy::expect_used)]
        let phrases = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&phrase_list)
            .expect("the sentence phrases compile");
        CeasefireFinder {
            triggers: build(lexicon::TRIGGERS.iter().map(|t| t.0).collect()),
            cues: build(lexicon::CUES.iter().map(|c| c.0).collect()),
            phrases,
            bases,
        }
    }

    /// Finds the ceasefire frames of one article (see [`find_ceasefires`]).
    pub fn find(
        &self,
        text: &str,
        annotations: &Annotations,
        timexes: &[Timex],
        published: Option<Date>,
    ) -> Vec<Ceasefire> {
        let mut doc = Doc::new(self, text, annotations, timexes);
        let mentions = self.mentions(&doc);
        if !mentions.iter().any(|m| m.strong) {
            return Vec::new();
        }
        let (keys, country) = self.keys(&doc, &mentions);
        doc.country = country;
        let mut groups: BTreeMap<Key, Vec<Mention>> = BTreeMap::new();
        let mut order: Vec<Key> = Vec::new();
        for (m, k) in mentions.iter().zip(keys) {
            if !order.contains(&k) {
                order.push(k.clone());
            }
            groups.entry(k).or_default().push(*m);
        }
        // The document's time contradictions, computed only when a frame's
        // start is a clock time: they are all between clock times.
        let mut issues: Option<Vec<TimeIssue>> = None;
        let mut frames = Vec::new();
        for key in order {
            let ms = &groups[&key];
            if !ms.iter().any(|m| m.strong) {
                continue;
            }
            let Some(mut frame) = self.frame(&doc, ms, &mentions, &key) else {
                continue;
            };
            // Contradictions about the start go with the frame.
            if let Some(st) = frame_start_span(&doc, ms)
                && timexes
                    .iter()
                    .any(|t| t.kind == TimexType::Time && t.start < st.end && st.start < t.end)
            {
                let issues = issues.get_or_insert_with(|| {
                    check_contradictions(text, timexes, &Reference { published })
                });
                for issue in issues.iter() {
                    let touches = |s: &Span| s.start < st.end && st.start < s.end;
                    if touches(&issue.first) || touches(&issue.second) {
                        push_unique(&mut frame.issues, issue.reason.clone());
                    }
                }
            }
            frames.push(frame);
        }
        frames
    }

    fn mentions(&self, doc: &Doc<'_>) -> Vec<Mention> {
        let mut out = Vec::new();
        for m in self.triggers.find_iter(doc.text) {
            let (s, e) = (m.start(), m.end());
            if !bounded(doc.text, s, e) {
                continue;
            }
            let Some(sent) = doc.sent_of(s) else { continue };
            // Run-on "sentences" (no punctuation, lists) are not prose: the
            // rules below look at word windows, and a cap keeps them linear.
            let (sa, sb) = doc.sents[sent];
            if sb - sa > MAX_SENTENCE_BYTES || in_sent(&out, sent).len() >= MAX_PER_SENTENCE {
                continue;
            }
            let strong = match lexicon::TRIGGERS[m.pattern().as_usize()].1 {
                Strength::Strong => true,
                Strength::Weak => false,
                Strength::AfterDuration => {
                    let ok = doc
                        .durations
                        .iter()
                        .any(|d| d.1 <= s && doc.slice(d.1, s).trim().is_empty());
                    if !ok {
                        continue;
                    }
                    true
                }
            };
            let mut m = Mention {
                sent,
                start: s,
                end: e,
                strong,
                place: None,
            };
            m.place = self.find_place(doc, &m);
            out.push(m);
        }
        out
    }

    /// The place a mention is tied to: "truce in X", "X ceasefire",
    /// "extended to X", "X being included in the truce".
    fn place_of<'d>(&self, doc: &'d Doc<'_>, m: &Mention) -> Option<&'d Entity> {
        m.place.and_then(|i| doc.ents.get(i)).map(|x| x.2)
    }

    /// The index in `doc.ents` of [`place_of`](Self::place_of)'s entity.
    fn find_place(&self, doc: &Doc<'_>, m: &Mention) -> Option<usize> {
        let sent = doc.sents[m.sent];
        for (i, &(a, b, e)) in doc.ents.iter().enumerate() {
            if e.kind != EntityKind::Gpe || a < sent.0 || b > sent.1 {
                continue;
            }
            if a >= m.end {
                let gap = doc.slice(m.end, a).to_ascii_lowercase();
                let gap = gap.trim();
                let words: Vec<&str> = gap.split_whitespace().collect();
                let ok = matches!(
                    words.as_slice(),
                    ["in" | "to" | "for" | "around" | "across" | "covering" | "over"]
                        | ["in" | "to" | "for" | "across" | "covering", "the" | "all"]
                        | ["covering" | "across", "all", "of"]
                        | ["extended" | "extend", "to"]
                        | ["be" | "been", "extended", "to"]
                ) || (words.len() <= 5
                    && words.first() == Some(&"in")
                    && words.last().is_some_and(|w| *w == "in" || *w == "of"));
                if ok && !gap.contains(['.', ',']) {
                    return Some(i);
                }
            } else if b <= m.start {
                let gap = doc.slice(b, m.start).to_ascii_lowercase();
                let gap = gap.trim();
                // "a Russian ceasefire" names a sponsor, not a place.
                let demonym_form = !e.text.eq_ignore_ascii_case(&e.canonical);
                if demonym_form && gap.is_empty() {
                    continue;
                }
                if gap.is_empty()
                    || gap == "'s"
                    || gap.starts_with("being included in")
                    || gap == "-wide"
                {
                    return Some(i);
                }
            }
        }
        None
    }

    fn keys(&self, doc: &Doc<'_>, mentions: &[Mention]) -> (Vec<Key>, Option<String>) {
        // The main truce's country: the first country a strong mention is tied to.
        let main_country = mentions
            .iter()
            .filter(|m| m.strong)
            .filter_map(|m| self.place_of(doc, m))
            .find(|e| is_country(e))
            .and_then(|e| e.code.clone())
            .or_else(|| {
                // Else the country the article names most.
                let mut count: BTreeMap<String, usize> = BTreeMap::new();
                // Places named (towns count: they say where the war is),
                // not adjectives ("Russian jets"); truce sentences count double.
                for &(a, _, e) in &doc.ents {
                    if e.kind == EntityKind::Gpe
                        && e.text.eq_ignore_ascii_case(&e.canonical)
                        && let Some(c) = e.code.as_deref().and_then(|c| c.get(..3))
                    {
                        let in_truce = mentions
                            .iter()
                            .any(|m| m.strong && doc.sent_of(a) == Some(m.sent));
                        *count.entry(c.to_string()).or_default() += 1 + usize::from(in_truce);
                    }
                }
                count.into_iter().max_by_key(|c| c.1).map(|c| c.0)
            });
        // A town's truce is a frame of its own only beside a wider one: a
        // mention tied to a country, or called nationwide / wider.
        let wider = mentions.iter().filter(|m| m.strong).any(|m| {
            let before = doc
                .slice(m.start.saturating_sub(30), m.start)
                .to_ascii_lowercase();
            self.place_of(doc, m).is_some_and(is_country)
                || before.contains("local")
                || [
                    "nationwide",
                    "national",
                    "countrywide",
                    "country-wide",
                    "wider",
                    "broader",
                ]
                .iter()
                .any(|w| !find_words(&before, w).is_empty())
        });
        let keys = mentions
            .iter()
            .map(|m| {
                let before = doc
                    .slice(m.start.saturating_sub(24), m.start)
                    .to_ascii_lowercase();
                if before.contains("local") {
                    return Key::Local;
                }
                if let Some(e) = self.place_of(doc, m)
                    && wider
                    && !is_country(e)
                    && main_country.is_some()
                    && e.code == main_country
                {
                    return Key::Place(e.canonical.clone());
                }
                Key::Main
            })
            .collect();
        (keys, main_country)
    }

    fn frame(
        &self,
        doc: &Doc<'_>,
        ms: &[Mention],
        all: &[Mention],
        key: &Key,
    ) -> Option<Ceasefire> {
        let mut sents: Vec<usize> = ms.iter().map(|m| m.sent).collect();
        sents.dedup();
        let strong_sents: Vec<usize> = {
            let mut v: Vec<usize> = ms.iter().filter(|m| m.strong).map(|m| m.sent).collect();
            v.dedup();
            v
        };
        let mut declarer = Vec::new();
        let mut parties = Vec::new();
        let mut excluded = Vec::new();
        let mut conditions = Vec::new();
        let mut reactions: Vec<CeasefireReaction> = Vec::new();
        for &si in &strong_sents {
            let sent = doc.sents[si];
            let here: Vec<&Mention> = in_sent(ms, si).iter().filter(|m| m.strong).collect();
            self.declarers(doc, si, &here, &mut declarer);
            self.parties(doc, si, &here, &declarer, &mut parties);
            self.conditions(doc, sent, si, &mut conditions);
        }
        let war = war_country(doc, &sents);
        for &si in &sents {
            self.reactions(doc, si, &mut reactions);
            self.violators(doc, si, in_sent(ms, si), war.as_deref(), &mut parties);
        }
        // Exclusions: the truce sentences and their neighbours (for "those
        // groups" and "will keep bombing X").
        // A sentence read twice adds nothing (the lists keep the first of
        // each name): each is read once.
        let mut read: Vec<usize> = Vec::new();
        for &si in &sents {
            self.excluded(doc, si, false, &mut excluded);
            // The next sentence often names who is left out ("Only two
            // groups … are ineligible"): there only the unambiguous cues count.
            for n in [si + 1, si + 2] {
                if n < doc.sents.len() && !sents.contains(&n) && !read.contains(&n) {
                    read.push(n);
                    self.excluded(doc, n, true, &mut excluded);
                }
            }
        }
        if *key == Key::Main {
            read.clear();
            for &si in &strong_sents {
                for n in [si.wrapping_sub(1), si + 1, si] {
                    if n < doc.sents.len() && !read.contains(&n) {
                        read.push(n);
                        self.keep_attacking(doc, n, &mut excluded);
                    }
                }
            }
        }
        excluded.retain(|x| !declarer.contains(x) && !parties.contains(x));

        let scope = match key {
            Key::Place(p) => Some(p.clone()),
            Key::Local => None,
            Key::Main => ms
                .iter()
                .filter(|m| m.strong)
                .filter_map(|m| self.place_of(doc, m))
                .map(|e| e.canonical.clone())
                .next(),
        };

        let start = frame_start(doc, ms);
        let duration = frame_duration(doc, ms);
        let (status, cued) = self.status(doc, ms, all);
        // A second frame needs a status of its own: "local truce agreements"
        // in general are not a truce.
        if !cued && *key != Key::Main {
            return None;
        }
        let explicit_end = frame_end(doc, ms, start.as_deref());
        let end = explicit_end.or_else(|| match (&start, &duration) {
            (Some(s), Some(d)) => add_duration(s, d),
            _ => None,
        });
        Some(Ceasefire {
            declarer,
            parties,
            excluded,
            scope,
            start,
            duration,
            end,
            status,
            conditions,
            reactions,
            evidence: sents.iter().map(|&i| doc.span(doc.sents[i])).collect(),
            issues: Vec::new(),
        })
    }

    fn declarers(&self, doc: &Doc<'_>, si: usize, here: &[&Mention], out: &mut Vec<String>) {
        let sent = doc.sents[si];
        for k in 0..lexicon::DECLARE_VERBS.len() {
            for (va, vb) in doc.words(si, List::Declare, k) {
                let (va, vb) = (sent.0 + va, sent.0 + vb);
                // The verb must govern a mention: before it within 8 words,
                // or right after it ("a truce brokered by …").
                let after = doc.slice(vb, sent.1).to_ascii_lowercase();
                let by = ["by ", "as part of ", "under "]
                    .iter()
                    .any(|w| after.trim_start().starts_with(w));
                let governs = here.iter().any(|m| {
                    (vb <= m.start && doc.words_between(vb, m.start) <= 8)
                        || (va >= m.end && doc.words_between(m.end, va) <= 1)
                        || (by && va >= m.end && doc.words_between(m.end, va) <= 8)
                });
                let hyphen = doc.slice(va.saturating_sub(1), va) == "-";
                // "it was not signed by the warring parties": no declarer.
                let lead = doc
                    .slice(va.saturating_sub(12).max(sent.0), va)
                    .to_ascii_lowercase();
                let negated = !find_words(&lead, "not").is_empty()
                    || !find_words(&lead, "never").is_empty()
                    || lead.contains("n't ");
                if !governs || negated {
                    continue;
                }
                let mut found = Vec::new();
                if by {
                    let a = vb;
                    let b = clause_end(doc, sent, vb + 1).min(vb + 80);
                    for &(_, _, e) in doc.ents_in(a, b) {
                        found.push(e);
                    }
                    // "agreed by major powers"
                    let words = doc.words_before(a, b, 8);
                    if let Some(g) = collective(doc, words.iter().rev()) {
                        push_unique(out, g);
                    }
                } else if hyphen {
                    // "a Russian- and U.S.-brokered cease-fire"
                    let a = va.saturating_sub(40).max(sent.0);
                    for &(ea, eb, e) in doc.ents_in(a, va) {
                        let gap = doc.slice(eb, va);
                        if gap.len() <= 12 && !gap.contains(',') && ea >= a {
                            found.push(e);
                        }
                    }
                } else {
                    let cs = clause_start(doc, sent, va);
                    for &(_, eb, e) in doc.ents_in(cs, va) {
                        if doc.words_between(eb, va) <= 8 {
                            found.push(e);
                        }
                    }
                    // "Major powers agreed", "international powers agreed"
                    let words = doc.words_before(cs, va, 3);
                    if let Some(g) = collective(doc, words.iter().rev()) {
                        push_unique(out, g);
                    }
                }
                for e in found {
                    let generic = e.code.as_deref().unwrap_or("").starts_with("---");
                    if generic
                        || is_speaker_only(e)
                        || e.kind == EntityKind::Loc
                        || is_location(doc, e)
                    {
                        continue;
                    }
                    push_unique(out, actor_name(e));
                }
            }
        }
    }

    fn parties(
        &self,
        doc: &Doc<'_>,
        si: usize,
        here: &[&Mention],
        declarer: &[String],
        out: &mut Vec<String>,
    ) {
        let sent = doc.sents[si];
        // "the warring parties - the government and rebels"
        for k in 0..WARRING.len() {
            for (_, b) in doc.words(si, List::Warring, k) {
                let a = sent.0 + b;
                let lead = doc.slice(a, (a + 4).min(sent.1));
                if !lead
                    .trim_start()
                    .starts_with(['-', '—', '–', ':', ',', '('])
                {
                    continue;
                }
                let body = doc.slice(a, sent.1);
                let skip = body.len()
                    - body
                        .trim_start_matches([' ', '-', '—', '–', ':', '('])
                        .len();
                let end = clause_end(doc, sent, a + skip).min(a + 80);
                for &(_, eb, e) in doc.ents_in(a, end) {
                    if doc.words_between(a, eb) > 6 {
                        continue;
                    }
                    push_unique(out, party_name(doc, e));
                }
            }
        }
        for m in here {
            let after = doc.slice(m.end, sent.1);
            let lower = after.to_ascii_lowercase();
            let Some(i) = lower.find("between ") else {
                continue;
            };
            if doc.words_between(m.end, m.end + i) > 3 {
                continue;
            }
            let a = m.end + i + "between ".len();
            let mut b = clause_end(doc, sent, a);
            for stop in [
                " could ",
                " would ",
                " will ",
                " to ",
                " in order",
                " was ",
                " is ",
            ] {
                if let Some(j) = doc.slice(a, b).find(stop) {
                    b = b.min(a + j);
                }
            }
            let mut named = Vec::new();
            for &(_, _, e) in doc.ents_in(a, b) {
                named.push(party_name(doc, e));
                push_unique(out, party_name(doc, e));
            }
            // "Syria's government and opposition": the bare noun takes the
            // named side's country.
            let span = doc.slice(a, b);
            for bare in ["opposition", "rebels"] {
                let covered = doc
                    .ents_in(a, b)
                    .any(|&(_, _, e)| e.text.to_ascii_lowercase().contains(bare));
                if !covered && !find_words(span, bare).is_empty() {
                    let base = named
                        .iter()
                        .find_map(|n| n.strip_suffix(" government"))
                        .map(|c| format!("{c} {bare}"))
                        .unwrap_or_else(|| bare.to_string());
                    push_unique(out, base);
                }
            }
            // "a truce between the two sides": the war's two sides.
            let lower = span.to_ascii_lowercase();
            if named.is_empty()
                && ["two sides", "both sides", "warring sides", "the sides"]
                    .iter()
                    .any(|w| lower.contains(w))
            {
                for side in war_sides(doc, declarer) {
                    push_unique(out, side);
                }
            }
        }
    }

    /// Sides named as breaking the truce are parties to it: "X violated
    /// the truce", "Syrian government attacks were violating the
    /// agreement", "the truce was broken by X"; and a side that says so
    /// ("the opposition said …") is the other party. The noun ("violations
    /// by Russia") is a claim about a third party as often as not, and
    /// does not count.
    fn violators(
        &self,
        doc: &Doc<'_>,
        si: usize,
        ms: &[Mention],
        war: Option<&str>,
        out: &mut Vec<String>,
    ) {
        let sent = doc.sents[si];
        let mut found: Vec<&Entity> = Vec::new();
        for m in ms {
            // "the truce was broken by X"
            let after = doc.slice(m.end, sent.1).to_ascii_lowercase();
            let w: Vec<&str> = after.split_whitespace().take(4).collect();
            let by_at = match w.as_slice() {
                ["was" | "is" | "has" | "had" | "were", v, "by", ..]
                | ["has" | "had" | "have", "been", v, "by", ..]
                    if BREAK_PARTICIPLES.contains(v) =>
                {
                    after.find(" by ").map(|i| m.end + i + " by ".len())
                }
                _ => None,
            };
            if let Some(a) = by_at {
                let b = clause_end(doc, sent, a);
                found.extend(doc.ents_in(a, b).map(|x| x.2));
            }
            // "X violated the truce", "X … were violating the agreement"
            let before: Vec<&str> = doc
                .slice(sent.0, m.start)
                .split_whitespace()
                .rev()
                .take(3)
                .collect();
            let Some(vi) = before
                .iter()
                .position(|w| BREAK_VERBS.contains(&w.to_ascii_lowercase().as_str()))
            else {
                continue;
            };
            // Only "the", "a", "this" … between the verb and the truce.
            let det = |w: &&str| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "the" | "a" | "an" | "this" | "its" | "their"
                )
            };
            if vi > 1 || !before[..vi].iter().all(det) {
                continue;
            }
            let Some(va) = doc
                .slice(sent.0, m.start)
                .rfind(before[vi])
                .map(|i| sent.0 + i)
            else {
                continue;
            };
            let cs = clause_start(doc, sent, va);
            if let Some(&(_, _, e)) = doc
                .ents_in(cs, va)
                .filter(|&&(_, eb, _)| doc.words_between(eb, va) <= 3)
                .last()
            {
                found.push(e);
            }
        }
        found.retain(|e| !is_speaker_only(e) && e.kind != EntityKind::Loc && !is_location(doc, e));
        if found.is_empty() {
            return;
        }
        for e in &found {
            push_unique(out, side_name(doc, e, war));
        }
        // The side that says so: "the HNC said", "(HNC) said".
        for &(_, eb, e) in doc.ents_in(sent.0, sent.1) {
            let next = doc
                .slice(eb, (eb + 12).min(sent.1))
                .trim_start_matches([')', ' '])
                .to_ascii_lowercase();
            let says = ["said", "says", "accused", "accuses"]
                .iter()
                .any(|w| next.starts_with(w));
            if says && is_side(e, war) {
                push_unique(out, side_name(doc, e, war));
            }
        }
    }

    fn conditions(&self, doc: &Doc<'_>, sent: (usize, usize), si: usize, out: &mut Vec<String>) {
        for k in 0..CONDITION_MARKERS.len() {
            for (a, _) in doc.words(si, List::Conditions, k) {
                let abs = sent.0 + a;
                let end = clause_end(doc, sent, abs);
                let clause = doc.slice(abs, end).trim().to_string();
                if clause.split_whitespace().count() >= 3
                    && !out.iter().any(|c| c.contains(&clause))
                {
                    out.retain(|c| !clause.contains(c.as_str()));
                    out.push(clause);
                }
            }
        }
    }

    fn reactions(&self, doc: &Doc<'_>, si: usize, out: &mut Vec<CeasefireReaction>) {
        let sent = doc.sents[si];
        for (k, (_, stance)) in lexicon::REACTIONS.iter().enumerate() {
            for (a, _) in doc.words(si, List::Reactions, k) {
                let at = sent.0 + a;
                let before = doc.slice(at.saturating_sub(12), at).to_ascii_lowercase();
                if before.contains("not ") || before.contains("n't ") {
                    continue;
                }
                // Inside a quotation: the speaker reacts.
                let quoted = doc.quotes.iter().find(|q| q.0 <= at && at < q.1);
                let actor = if let Some(q) = quoted {
                    match (&q.3, &q.2) {
                        (Some(code), _) if code.starts_with("IGOUNO") => {
                            Some("United Nations".to_string())
                        }
                        (Some(code), Some(name)) => code
                            .get(..3)
                            .and_then(lexicon::country)
                            .map(str::to_string)
                            .or(Some(name.clone())),
                        (None, Some(name)) => Some(name.clone()),
                        _ => None,
                    }
                } else {
                    let cs = clause_start(doc, sent, at);
                    doc.ents_in(cs.min(at), at)
                        .filter(|&&(_, eb, e)| {
                            doc.words_between(eb, at) <= 6
                                && !is_speaker_only(e)
                                && !is_location(doc, e)
                        })
                        .last()
                        .map(|&(_, _, e)| actor_name(e))
                };
                if let Some(actor) = actor
                    && !out.iter().any(|r| r.actor == actor && r.stance == *stance)
                {
                    out.push(CeasefireReaction {
                        actor,
                        stance: (*stance).to_string(),
                    });
                }
            }
        }
    }

    fn excluded(&self, doc: &Doc<'_>, si: usize, strict: bool, out: &mut Vec<String>) {
        let sent = doc.sents[si];
        let group = |e: &Entity| is_excludable(doc, e);
        // X … ineligible / excluded / not involved: the groups before it.
        for k in 0..EXCLUDED_BEFORE.len() {
            for (a, _) in doc.words(si, List::ExcludedBefore, k) {
                let at = sent.0 + a;
                // Dashes and ", which" do not end the subject.
                let mut cs = sent.0;
                let head = doc.slice(sent.0, at);
                for w in [" said ", " says ", " that ", ";", ": "] {
                    if let Some(i) = head.rfind(w) {
                        cs = cs.max(sent.0 + i + w.len());
                    }
                }
                let mut any = false;
                for &(_, _, e) in doc.ents_in(cs, at) {
                    if group(e) {
                        push_unique(out, e.canonical.clone());
                        any = true;
                    }
                }
                if !any {
                    let subj = doc.slice(cs, at).to_ascii_lowercase();
                    if [
                        "those groups",
                        "these groups",
                        "they ",
                        "both groups",
                        "the two groups",
                    ]
                    .iter()
                    .any(|w| subj.contains(w))
                        && si > 0
                    {
                        let p = doc.sents[si - 1];
                        for &(_, _, e) in doc.ents_in(p.0, p.1) {
                            if group(e) {
                                push_unique(out, e.canonical.clone());
                            }
                        }
                    }
                }
            }
        }
        // … does not apply to / excludes / except X: the groups after it.
        for (k, cue) in EXCLUDED_AFTER.iter().enumerate() {
            if strict && !cue.starts_with("not") && !cue.starts_with("exclud") {
                continue;
            }
            for (_, b) in doc.words(si, List::ExcludedAfter, k) {
                let at = sent.0 + b;
                let end = sent.1.min(at + 160);
                for &(_, _, e) in doc.ents_in(at, end) {
                    if group(e) {
                        push_unique(out, e.canonical.clone());
                    }
                }
            }
        }
    }

    /// "Russia will keep bombing Islamic State and the Nusra Front" next to
    /// a truce: those targets are outside it.
    fn keep_attacking(&self, doc: &Doc<'_>, si: usize, out: &mut Vec<String>) {
        let sent = doc.sents[si];
        let mut from = None;
        for (k, keep) in KEEPS.iter().enumerate() {
            if let Some(i) = doc.first_substring(si, List::Keeps, k) {
                from = Some(sent.0 + i + keep.len());
            }
        }
        if from.is_none()
            && let Some(i) = doc.first_substring(si, List::StrikesAgainst, 0)
            && (0..WILL_CONTINUE.len())
                .any(|k| doc.first_substring(si, List::WillContinue, k).is_some())
        {
            from = Some(sent.0 + i);
        }
        let Some(from) = from else { return };
        // Only radical groups coded as such (CAMEO `IMG…`, `…MUS…`) are
        // inferred to be outside: bombing other rebels is a violation claim.
        for &(_, _, e) in doc.ents_in(from, sent.1) {
            let code = e.code.as_deref().unwrap_or("");
            if is_excludable(doc, e) && (code.starts_with("IMG") || code.contains("MUS")) {
                push_unique(out, e.canonical.clone());
            }
        }
    }

    /// The latest status the cues near the mentions report, and whether any
    /// cue did (else a default from the wording).
    fn status(&self, doc: &Doc<'_>, ms: &[Mention], all: &[Mention]) -> (CeasefireStatus, bool) {
        let mut best: Option<CeasefireStatus> = None;
        let mut sents: Vec<usize> = ms.iter().map(|m| m.sent).collect();
        sents.dedup();
        for si in sents {
            let sent = doc.sents[si];
            let here: Vec<&Mention> = in_sent(ms, si).iter().collect();
            let s = doc.slice(sent.0, sent.1);
            for c in self.cues.find_iter(s) {
                let (ca, cb) = (sent.0 + c.start(), sent.0 + c.end());
                if !bounded(doc.text, ca, cb) {
                    continue;
                }
                let (_, status, reach) = lexicon::CUES[c.pattern().as_usize()];
                let near = here.iter().any(|m| {
                    if ca < m.end && m.start < cb {
                        return false;
                    }
                    // Weak mentions ("the agreement") take only states.
                    if !m.strong && reach == Reach::Verb {
                        return false;
                    }
                    match reach {
                        Reach::Verb => {
                            (cb <= m.start && doc.words_between(cb, m.start) <= 8)
                                || (ca >= m.end && doc.words_between(m.end, ca) <= 2)
                        }
                        Reach::State => {
                            let (a, b) = if cb <= m.start {
                                (cb, m.start)
                            } else {
                                (m.end, ca)
                            };
                            doc.words_between(a, b) <= 30
                        }
                    }
                });
                if !near {
                    continue;
                }
                // A cue belongs to the mention nearest to it: "to revive the
                // ceasefire, local truces have been put in place".
                let dist = |m: &Mention| {
                    if cb <= m.start {
                        doc.words_between(cb, m.start)
                    } else if ca >= m.end {
                        doc.words_between(m.end, ca)
                    } else {
                        usize::MAX
                    }
                };
                let nearest = in_sent(all, si)
                    .iter()
                    .filter(|m| m.strong)
                    .min_by_key(|m| dist(m));
                if let Some(n) = nearest
                    && !in_sent(ms, si).iter().any(|m| m.start == n.start)
                    && here.iter().all(|m| dist(m) > dist(n))
                {
                    continue;
                }
                // "agreed to the possibility / idea of a truce" is a proposal.
                let idea = status >= CeasefireStatus::Agreed
                    && reach == Reach::Verb
                    && here.iter().any(|m| {
                        cb <= m.start && {
                            let gap = doc.slice(cb, m.start).to_ascii_lowercase();
                            [
                                "possibility",
                                "idea",
                                "principle",
                                "proposal",
                                "need for",
                                "call for",
                            ]
                            .iter()
                            .any(|w| gap.contains(w))
                        }
                    });
                let prev: Vec<String> = doc
                    .slice(sent.0, ca)
                    .split_whitespace()
                    .rev()
                    .take(3)
                    .map(|w| {
                        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                            .to_ascii_lowercase()
                    })
                    .collect();
                let all_but = prev.len() >= 2 && prev[0] == "but" && prev[1] == "all";
                // A condition earlier in the clause: "If the truce were extended".
                let clause = doc
                    .slice(clause_start(doc, sent, ca), ca)
                    .to_ascii_lowercase();
                let conditional = ["if", "whether", "unless", "once"]
                    .iter()
                    .any(|w| !find_words(&clause, w).is_empty());
                let blocked = conditional
                    || prev
                        .iter()
                        .any(|w| lexicon::BLOCKERS.contains(&w.as_str()) || w.ends_with("n't"));
                let got = match status {
                    _ if idea => Some(CeasefireStatus::Proposed),
                    CeasefireStatus::Proposed => Some(status),
                    CeasefireStatus::Violated if reach == Reach::Verb => Some(status),
                    _ if all_but => Some(CeasefireStatus::Violated),
                    CeasefireStatus::Agreed | CeasefireStatus::Declared
                        if blocked && reach == Reach::Verb =>
                    {
                        Some(CeasefireStatus::Proposed)
                    }
                    _ if blocked => None,
                    _ => Some(status),
                };
                if let Some(g) = got {
                    best = Some(best.map_or(g, |b| b.max(g)));
                }
            }
        }
        if let Some(b) = best {
            return (b, true);
        }
        let fallback = {
            // No cue: "a ceasefire agreement" is agreed, a bare mention proposed.
            let agreed = ms.iter().any(|m| {
                let after = doc
                    .slice(m.end, (m.end + 12).min(doc.text.len()))
                    .to_ascii_lowercase();
                after.trim_start().starts_with("agreement")
                    || after.trim_start().starts_with("deal")
                    || after.trim_start().starts_with("accord")
            });
            if agreed {
                CeasefireStatus::Agreed
            } else {
                CeasefireStatus::Proposed
            }
        };
        (fallback, false)
    }
}

/// An armed group that can be left out of a truce: a named group, not a
/// generic one ("militants") nor a modifier ("al-Qaida-linked Nusra Front").
fn is_excludable(doc: &Doc<'_>, e: &Entity) -> bool {
    if e.kind != EntityKind::Group || e.code.as_deref().unwrap_or("").starts_with("---") {
        return false;
    }
    let end = doc.byte_of.get(e.end).copied().unwrap_or(doc.text.len());
    let after = doc
        .slice(end, (end + 14).min(doc.text.len()))
        .to_ascii_lowercase();
    let own = e.text.to_ascii_lowercase();
    let modifier = ["-linked", "-affiliated", "-allied", "-backed", "-inspired"]
        .iter()
        .any(|m| own.ends_with(m));
    !(modifier
        || after.starts_with("-linked")
        || after.starts_with("-affiliated")
        || after.starts_with("-allied")
        || after.starts_with("-backed")
        || after.starts_with("'s branch")
        || after.starts_with("'s affiliate")
        || after.starts_with(" affiliate"))
}

/// A place named as where something happens ("meeting in Munich"), or a
/// town, rather than a state that acts. Capitals stand for their state.
fn is_location(doc: &Doc<'_>, e: &Entity) -> bool {
    if e.kind != EntityKind::Gpe {
        return false;
    }
    let start = doc.byte_of.get(e.start).copied().unwrap_or(0);
    let before = doc
        .slice(start.saturating_sub(6), start)
        .to_ascii_lowercase();
    let governed = [" in ", " at ", "from ", "near ", " of "]
        .iter()
        .any(|w| before.ends_with(w));
    governed || !(is_country(e) || CAPITALS.contains(&e.canonical.as_str()))
}

/// Capitals that stand for their state in news ("Washington and Moscow").
const CAPITALS: &[&str] = &[
    "Washington",
    "Moscow",
    "Damascus",
    "Ankara",
    "Tehran",
    "Beijing",
    "London",
    "Paris",
    "Berlin",
    "Riyadh",
    "Kiev",
    "Kyiv",
    "Jerusalem",
    "Cairo",
    "Baghdad",
    "Kabul",
    "Sanaa",
    "Tripoli",
    "Khartoum",
    "Doha",
    "Amman",
    "Beirut",
    "Islamabad",
    "New Delhi",
    "Baku",
    "Yerevan",
    "Bogota",
];

/// Speakers that report rather than act (news agencies, monitors).
fn is_speaker_only(e: &Entity) -> bool {
    let code = e.code.as_deref().unwrap_or("");
    code.ends_with("MED") || code == "MED" || code.contains("HRI")
}

/// Words before a timex that make it a start.
const START_CUES: &[&str] = &[
    "from",
    "starting",
    "start",
    "starts",
    "started",
    "as of",
    "began",
    "begin",
    "begins",
    "beginning",
    "effect",
    "force",
    "effective",
    "commencing",
];

/// A timex that can be a start or end: a date or time with a known year.
fn datable(t: &Timex) -> bool {
    matches!(t.kind, TimexType::Date | TimexType::Time)
        && t.value.starts_with(|c: char| c.is_ascii_digit())
        && !t.value.contains('W')
}

/// Rank of a value's precision: time > day > month > year.
fn precision(v: &str) -> usize {
    if v.contains('T') {
        3
    } else {
        match v.len() {
            10 => 2,
            7 => 1,
            _ => 0,
        }
    }
}

fn start_candidates<'d>(doc: &'d Doc<'_>, ms: &[Mention]) -> Vec<&'d (usize, usize, &'d Timex)> {
    let mut out = Vec::new();
    let mut sents: Vec<usize> = ms.iter().map(|m| m.sent).collect();
    sents.dedup();
    for si in sents {
        let sent = doc.sents[si];
        for t in doc.timexes_in(sent) {
            // A month alone ("since February") is too vague for a start.
            if !datable(t.2) || precision(&t.2.value) < 2 {
                continue;
            }
            let before = doc.words_before(sent.0, t.0, 4);
            // "in place since", "has held since": a state that began then.
            let since = before.first().is_some_and(|w| w == "since")
                && before.iter().skip(1).any(|w| {
                    matches!(
                        w.as_str(),
                        "place" | "held" | "effect" | "force" | "holding"
                    )
                });
            let cued = since
                || before
                    .iter()
                    .take(3)
                    .any(|w| START_CUES.contains(&w.as_str()))
                || (before.len() >= 2 && before[1] == "as" && before[0] == "of");
            // "a Feb. 27 ceasefire"
            let adjacent = ms
                .iter()
                .any(|m| m.strong && m.start >= t.1 && doc.slice(t.1, m.start).trim().is_empty());
            // A proposed start ("Russia, which had proposed one to start on
            // March 1") is not the truce's start.
            let head = doc.slice(sent.0, t.0).to_ascii_lowercase();
            let proposed = head.rsplit(',').next().is_some_and(|c| {
                c.contains("propos") || c.contains("suggest") || c.contains("want")
            });
            if (cued || adjacent) && !proposed {
                out.push(t);
            }
        }
    }
    out
}

fn frame_start(doc: &Doc<'_>, ms: &[Mention]) -> Option<String> {
    let cands = start_candidates(doc, ms);
    cands
        .iter()
        .enumerate()
        .max_by_key(|(i, t)| (precision(&t.2.value), usize::MAX - i))
        .map(|(_, t)| t.2.value.clone())
}

fn frame_start_span(doc: &Doc<'_>, ms: &[Mention]) -> Option<Span> {
    let cands = start_candidates(doc, ms);
    cands
        .iter()
        .enumerate()
        .max_by_key(|(i, t)| (precision(&t.2.value), usize::MAX - i))
        .map(|(_, t)| doc.span((t.0, t.1)))
}

fn frame_duration(doc: &Doc<'_>, ms: &[Mention]) -> Option<String> {
    for m in ms.iter().filter(|m| m.strong) {
        let sent = doc.sents[m.sent];
        for (a, b, v) in &doc.durations {
            if *a < sent.0 || *b > sent.1 {
                continue;
            }
            // "a two- to three-week truce" gives a range, not a value.
            let lead = doc
                .slice(a.saturating_sub(8).max(sent.0), *a)
                .to_ascii_lowercase();
            if lead.ends_with(" to ") || lead.ends_with(" or ") || lead.ends_with("- to ") {
                continue;
            }
            // "72-hour truce", "72 hours of quiet", "a truce of 72 hours",
            // "a truce for three days".
            let before = *b <= m.start && doc.words_between(*b, m.start) <= 2;
            let after = *a >= m.end && {
                let gap = doc.slice(m.end, *a).to_ascii_lowercase();
                let w: Vec<&str> = gap.split_whitespace().collect();
                w.len() <= 3
                    && w.first()
                        .is_some_and(|f| *f == "for" || *f == "of" || *f == "lasting")
            };
            if before || after {
                return Some(v.clone());
            }
        }
    }
    None
}

fn frame_end(doc: &Doc<'_>, ms: &[Mention], start: Option<&str>) -> Option<String> {
    let mut sents: Vec<usize> = ms.iter().map(|m| m.sent).collect();
    sents.dedup();
    for si in sents {
        let sent = doc.sents[si];
        let ended = (0..ENDED.len()).any(|k| !doc.words(si, List::Ended, k).is_empty());
        for t in doc.timexes_in(sent) {
            if !datable(t.2) || Some(t.2.value.as_str()) == start {
                continue;
            }
            let before = doc.words_before(sent.0, t.0, 3);
            let until = before.iter().take(2).any(|w| {
                matches!(
                    w.as_str(),
                    "until" | "till" | "through" | "expires" | "ends" | "ending"
                )
            });
            // "collapsed in July", "broke down last year": the step's date.
            let in_after_end = ended
                && before.first().is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "in" | "on" | "collapsed" | "down" | "ended" | "expired"
                    )
                })
                && !doc
                    .slice(sent.0, t.0)
                    .to_ascii_lowercase()
                    .ends_with(" since ");
            if until || in_after_end {
                return Some(t.2.value.clone());
            }
        }
    }
    None
}

/// `start` + `duration`, in the start's own offset and precision.
fn add_duration(start: &str, duration: &str) -> Option<String> {
    let span: jiff::Span = duration.parse().ok()?;
    if let Some((date, rest)) = start.split_once('T') {
        let (clock, offset) = match rest.find(['+', '-', 'Z']) {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        let civil: jiff::civil::DateTime = format!("{date}T{clock}").parse().ok()?;
        let end = civil.checked_add(span).ok()?;
        let clock_len = clock.len().min(8);
        let s = end.to_string();
        // jiff prints seconds; keep the start's clock precision.
        let (d, c) = s.split_once('T')?;
        Some(format!("{d}T{}{offset}", c.get(..clock_len)?))
    } else if start.len() == 10 {
        let d: Date = start.parse().ok()?;
        Some(d.checked_add(span).ok()?.to_string())
    } else {
        None
    }
}
