//! Event coding: sentences → [`Event`]s with a CAMEO code and PLOVER type,
//! source and target actors, time, place and modality.
//!
//! The CAMEO.2.0 verb dictionary (TABARI/PETRARCH format, bundled in
//! `data/` with its MIT licence) is compiled once into a map from every
//! inflected verb form to its verb block. For each verb in a sentence the
//! block's patterns (words before and after the `*` verb slot, synsets
//! expanded) pick the most specific code; the source is the nearest coded
//! actor before the verb (skipping actors inside prepositional phrases), the
//! target the first coded actor after it, PETRARCH-style but without a parse.
//!
//! Words are tokenised as the dictionaries were written (Penn Treebank
//! negations: "didn't" is "did" + "n't") and interned: each verb block
//! files its patterns under their words, so a verb tries only the patterns
//! one of whose words is near it. Actors are composed as PETRARCH composes
//! them: lists of agents and countries ("lawmakers and officials in Arnor
//! and Gondor" are four actors), compound subjects across adjectives
//! ("Fornost and the evil awful Gondor"), pronoun subjects and objects
//! ("… and then they requested", "asked him") resolved to the actors of the
//! clause before. It does not resolve pronouns across sentences, nor parse
//! relative clauses.

mod dict;
mod discard;
mod plover;

use std::borrow::Cow;

use dateline_annotate::{Annotations, Annotator, AnnotatorBuilder};
use dateline_core::{Entity, EntityKind, Event, EventActor, Modality, Span, Timex, TimexType};
use jiff::civil::Date;

use self::dict::{Code, Elem, Form, Pattern, VerbDict, WordIds};
use self::discard::{Discard, Discards};
pub use self::plover::plover_type;

pub(crate) const BUNDLED_VERBS: &str = include_str!("../../data/CAMEO.2.0.txt");

/// The CAMEO code given to speech events ("Kerry said"), which are reported
/// apart from the event they report.
pub const SPEECH_CAMEO: &str = "010";
/// The type given to speech events: PLOVER has no type for them.
pub const SPEECH_TYPE: &str = "STATEMENT";

/// Builds an [`EventCoder`] with extra actor and agent dictionaries.
#[derive(Debug, Default)]
pub struct EventCoderBuilder {
    annotator: AnnotatorBuilder,
    verbs: Option<String>,
    discards: Option<String>,
}

impl EventCoderBuilder {
    /// Adds an actor dictionary (TABARI/PETRARCH format) to the annotator
    /// that [`EventCoder::annotate`] uses.
    pub fn actors(mut self, text: impl Into<String>) -> EventCoderBuilder {
        self.annotator = self.annotator.actors(text);
        self
    }

    /// Adds an agent dictionary (TABARI/PETRARCH format).
    pub fn agents(mut self, text: impl Into<String>) -> EventCoderBuilder {
        self.annotator = self.annotator.agents(text);
        self
    }

    /// Uses this verb dictionary (TABARI/PETRARCH format) instead of the
    /// bundled CAMEO.2.0 one, e.g. a test suite's own.
    pub fn verbs(mut self, text: impl Into<String>) -> EventCoderBuilder {
        self.verbs = Some(text.into());
        self
    }

    /// Adds a discard dictionary (TABARI/PETRARCH format): sentences with
    /// one of its phrases (sports, weather…) code nothing, and texts with
    /// one of its `+` phrases code nothing at all.
    pub fn discards(mut self, text: impl Into<String>) -> EventCoderBuilder {
        self.discards = Some(text.into());
        self
    }

    /// Compiles the dictionaries.
    pub fn build(self) -> dateline_annotate::Result<EventCoder> {
        Ok(EventCoder {
            verbs: VerbDict::parse(self.verbs.as_deref().unwrap_or(BUNDLED_VERBS)),
            discards: self
                .discards
                .as_deref()
                .map(Discards::parse)
                .unwrap_or_default(),
            annotator: self.annotator.build()?,
        })
    }
}

/// Codes events in annotated text. Build once; `Send + Sync`.
///
/// ```
/// use dateline_core::Modality;
/// use dateline_events::{EventCoder, SPEECH_CAMEO};
///
/// let coder = EventCoder::new();
/// let text = "Russian warplanes bombed rebel positions near Aleppo, the Syrian army said.";
/// let annotations = coder.annotate(text, None);
/// let events = coder.code(text, &annotations, None, &[]);
/// let strike = events.iter().find(|e| e.kind == "FIGHT").unwrap();
/// assert_eq!(strike.cameo, "195");
/// assert_eq!(strike.source.as_ref().and_then(|a| a.code.as_deref()), Some("RUSMIL"));
/// assert_eq!(strike.modality, Modality::Reported);
/// assert!(events.iter().any(|e| e.cameo == SPEECH_CAMEO));
/// ```
#[derive(Debug)]
pub struct EventCoder {
    verbs: VerbDict,
    discards: Discards,
    annotator: Annotator,
}

impl Default for EventCoder {
    fn default() -> EventCoder {
        EventCoder::new()
    }
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    /// Char offsets.
    start: usize,
    end: usize,
    /// Byte offsets.
    bs: usize,
    be: usize,
    word: bool,
}

const PREPOSITIONS: &[&str] = &[
    "OF", "IN", "TO", "WITH", "FROM", "AT", "BY", "FOR", "ON", "AGAINST", "NEAR", "INTO", "ABOUT",
    "OVER", "UNDER", "BETWEEN", "AMONG", "TOWARD", "TOWARDS", "AFTER", "BEFORE", "DURING", "UPON",
];
const DETERMINERS: &[&str] = &[
    "THE", "A", "AN", "ITS", "HIS", "HER", "THEIR", "OUR", "MY", "YOUR", "THIS", "THESE", "THOSE",
    "OF", "IN", "ON", "FOR", "AFTER", "BEFORE", "SUCH", "ANY", "NO", "EVERY", "EACH", "NEW",
    "RECENT", "LATEST", "FURTHER", "WHOSE", "WITH",
];
const SPEECH_LEMMAS: &[&str] = &[
    "SAY", "TELL", "ANNOUNCE", "STATE", "ADD", "DECLARE", "INFORM", "REMARK", "MENTION", "NOTE",
    "EXPLAIN", "STRESS", "INSIST", "REPORT",
];
const AUXILIARIES: &[&str] = &["IS", "ARE", "WAS", "WERE", "BE", "BEEN", "AM", "'S", "'RE"];
const PASSIVE_AUX: &[&str] = &["IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING"];
const NEGATORS: &[&str] = &["NOT", "NEVER", "NO", "CANNOT", "NEITHER", "NOR"];
const HYPOTHETICAL: &[&str] = &[
    "COULD", "WOULD", "MAY", "MIGHT", "SHOULD", "IF", "UNLESS", "PERHAPS", "POSSIBLY",
];
const FUTURE: &[&str] = &[
    "WILL", "SHALL", "'LL", "PLANS", "PLAN", "PLANNED", "PLANNING", "EXPECTED", "SET", "DUE",
    "ABOUT", "INTENDS", "AIMS", "GOING",
];
const REFUSAL: &[&str] = &[
    "REFUSED", "REFUSES", "REFUSE", "FAILED", "FAILS", "FAIL", "DECLINED", "DECLINES",
];

/// The words of `toks` as the dictionaries spell them: upper case, and
/// "n’t" as "n't". A word is a slice of `upper`, the text upper-cased
/// (ASCII upper-casing keeps every byte offset), not a `String` of its own;
/// the few words with a curly apostrophe are spelled out in `curly`.
fn dictionary_words<'a>(
    text: &str,
    upper: &'a str,
    toks: &[Tok],
    curly: &'a mut String,
) -> Vec<&'a str> {
    let plain = |t: &Tok| upper.get(t.bs..t.be).unwrap_or("");
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return Vec::new();
    };
    if !text.get(first.bs..last.be).is_some_and(|s| s.contains('’')) {
        return toks.iter().map(plain).collect();
    }
    let has_curly = |t: &Tok| text.get(t.bs..t.be).is_some_and(|w| w.contains('’'));
    curly.clear();
    let mut curly_ends = Vec::new();
    for t in toks.iter().filter(|t| has_curly(t)) {
        let w = text.get(t.bs..t.be).unwrap_or("");
        curly.extend(w.chars().map(|c| match c {
            '’' => '\'',
            c => c.to_ascii_uppercase(),
        }));
        curly_ends.push(curly.len());
    }
    let curly: &'a String = curly;
    let mut curly_ends = curly_ends.into_iter();
    let mut curly_start = 0;
    toks.iter()
        .map(|t| {
            if has_curly(t) {
                let end = curly_ends.next().unwrap_or(curly_start);
                let w = curly.get(curly_start..end).unwrap_or("");
                curly_start = end;
                w
            } else {
                plain(t)
            }
        })
        .collect()
}

/// Whether `c` may join two parts of one word ("al-Assad", "Assad's",
/// "U.S.").
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.')
}

/// The tokens of `text[from_byte..to_byte]`, whose first char is char
/// `char_base` of the text: words (letters and digits, joined by a
/// [`is_joiner`] char between two of them) and single punctuation marks.
fn tokenize(text: &str, from_byte: usize, to_byte: usize, char_base: usize) -> Vec<Tok> {
    let mut toks = Vec::new();
    tokenize_into(text, from_byte, to_byte, char_base, &mut toks);
    toks
}

/// [`tokenize`] into `toks`, which is cleared first: one buffer serves
/// every sentence of a text.
fn tokenize_into(
    text: &str,
    from_byte: usize,
    to_byte: usize,
    char_base: usize,
    toks: &mut Vec<Tok>,
) {
    toks.clear();
    toks.reserve((to_byte.saturating_sub(from_byte)) / 4);
    let Some(s) = text.get(from_byte..to_byte) else {
        return;
    };
    let bytes = s.as_bytes();
    // The char at byte `i` of `s` and its length; ASCII without decoding.
    let char_at = |i: usize| -> Option<(char, usize)> {
        match bytes.get(i) {
            Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
            Some(_) => s.get(i..)?.chars().next().map(|c| (c, c.len_utf8())),
            None => None,
        }
    };
    let mut ci = char_base;
    // the char and byte offsets where the current word started
    let mut word: Option<(usize, usize)> = None;
    // whether a word ends in "t", as "didn't" does
    let mut negation = false;
    let mut i = 0;
    while let Some((c, len)) = char_at(i) {
        // the common case: an ASCII letter or digit inside a word
        if word.is_some() && c.is_ascii_alphanumeric() {
            i += 1;
            ci += 1;
            continue;
        }
        // what follows is only looked at for a joiner inside a word
        let inner = word.is_some()
            && is_joiner(c)
            && char_at(i + len).is_some_and(|(n, _)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            if word.is_none() {
                word = Some((ci, from_byte + i));
            }
        } else {
            if let Some((start, bs)) = word.take() {
                // "didn't": split below
                negation |= matches!(
                    i.checked_sub(1).and_then(|b| bytes.get(b)),
                    Some(b't' | b'T')
                );
                toks.push(Tok {
                    start,
                    end: ci,
                    bs,
                    be: from_byte + i,
                    word: true,
                });
            }
            if !c.is_whitespace() {
                toks.push(Tok {
                    start: ci,
                    end: ci + 1,
                    bs: from_byte + i,
                    be: from_byte + i + len,
                    word: false,
                });
            }
        }
        i += len;
        ci += 1;
    }
    if let Some((start, bs)) = word {
        negation |= matches!(bytes.last(), Some(b't' | b'T'));
        toks.push(Tok {
            start,
            end: ci,
            bs,
            be: to_byte,
            word: true,
        });
    }
    if negation {
        split_negations(text, toks);
    }
}

/// Splits "didn't", "won't", "can't" as the Penn Treebank does ("did" +
/// "n't", "wo" + "n't", "ca" + "n't"): the verb dictionaries' patterns are
/// written over those tokens (`&NEGATVAUXVRB`: `DID N'T`, `WO N'T`).
fn split_negations(text: &str, toks: &mut Vec<Tok>) {
    let negation = |t: &Tok| {
        text.get(t.bs..t.be).is_some_and(|w| {
            matches!(w.as_bytes().last(), Some(b't' | b'T'))
                && (w.ends_with("'t")
                    || w.ends_with("’t")
                    || w.ends_with("'T")
                    || w.ends_with("’T"))
        })
    };
    if !toks.iter().any(negation) {
        return;
    }
    let mut out = Vec::with_capacity(toks.len() + 4);
    for t in toks.drain(..) {
        let w = text.get(t.bs..t.be).unwrap_or("");
        let tail = ["n't", "n’t", "N'T", "N’T"]
            .iter()
            .find(|s| w.len() > s.len() && w.ends_with(*s));
        match tail {
            Some(s) if t.end - t.start > 3 => {
                let split_b = t.be - s.len();
                out.push(Tok {
                    end: t.end - 3,
                    be: split_b,
                    ..t
                });
                out.push(Tok {
                    start: t.end - 3,
                    bs: split_b,
                    ..t
                });
            }
            _ => out.push(t),
        }
    }
    *toks = out;
}

/// The text with its char → byte map, so that char spans slice in O(1).
struct Src<'a> {
    text: &'a str,
    /// The text upper-cased: the same byte offsets.
    upper: &'a str,
    byte_of: &'a [usize],
    verbs: &'a VerbDict,
}

impl Src<'_> {
    fn slice(&self, a: usize, b: usize) -> &str {
        match (self.byte_of.get(a), self.byte_of.get(b)) {
            (Some(&x), Some(&y)) if x <= y => self.text.get(x..y).unwrap_or(""),
            _ => "",
        }
    }
}

/// What makes two events of one sentence the same: source and target
/// codes, and the CAMEO code unless both actors are named (one event per
/// dyad and sentence).
type DyadKey<'a> = (Option<&'a str>, Option<&'a str>, &'a str);

/// Each of `actors`, or a single `None` when there are none.
fn each_or_none<'a>(actors: &[&'a Entity]) -> impl Iterator<Item = Option<&'a Entity>> {
    let none = actors.is_empty().then_some(None);
    actors.iter().map(|e| Some(*e)).chain(none)
}

/// Buffers that one sentence after another fills, instead of allocating
/// its own: the tokens, their [`WordIds`] and the entity covering each.
#[derive(Default)]
struct SentenceBuffers {
    toks: Vec<Tok>,
    ids: Vec<WordIds>,
    ent_of: Vec<Option<usize>>,
}

/// What every event coded from one sentence shares.
struct SentenceContext<'a> {
    sent: Span,
    toks: &'a [Tok],
    words: &'a [&'a str],
    ann: &'a Annotations,
    /// A speech verb is among the sentence's hits.
    has_speech: bool,
    published: Option<Date>,
    /// The sentence's first date or time, when it has one.
    when_timex: Option<String>,
}

/// A verb found in a sentence, before its actors are chosen.
struct Hit<'d> {
    tok: usize,
    /// One past the verb's last token (multi-word verbs).
    end_tok: usize,
    code: &'d str,
    pair: Option<&'d str>,
    /// Token index where the target search starts.
    target_from: usize,
    source_after: Option<usize>,
    speech: bool,
    /// A speech verb that names whom it addresses ("told").
    addressee: bool,
    past: bool,
    /// How specific the match was: 0 for a verb's default code.
    weight: usize,
}

impl EventCoder {
    /// The coder with the bundled verb dictionary and actor dictionaries.
    pub fn new() -> EventCoder {
        EventCoder {
            verbs: VerbDict::parse(BUNDLED_VERBS),
            discards: Discards::default(),
            annotator: Annotator::new(),
        }
    }

    /// A builder to add actor and agent dictionaries.
    pub fn builder() -> EventCoderBuilder {
        EventCoderBuilder::default()
    }

    /// Annotates `text` with this coder's dictionaries.
    pub fn annotate(&self, text: &str, published: Option<Date>) -> Annotations {
        self.annotator.annotate_at(text, published)
    }

    /// Annotates and codes `text` in one call.
    pub fn code_text(&self, text: &str, published: Option<Date>, timexes: &[Timex]) -> Vec<Event> {
        let ann = self.annotate(text, published);
        self.code(text, &ann, published, timexes)
    }

    /// Codes the events of every sentence of `text`.
    pub fn code(
        &self,
        text: &str,
        annotations: &Annotations,
        published: Option<Date>,
        timexes: &[Timex],
    ) -> Vec<Event> {
        // char offset → byte offset, for the sentence spans
        let mut byte_of: Vec<usize> = Vec::with_capacity(text.len() + 1);
        byte_of.extend(
            text.bytes()
                .enumerate()
                // a char starts at every byte but a UTF-8 continuation byte
                .filter(|&(_, b)| b & 0xC0 != 0x80)
                .map(|(i, _)| i),
        );
        byte_of.push(text.len());
        let sentences: Vec<Span> = if annotations.sentences.is_empty() && !text.trim().is_empty() {
            vec![Span {
                start: 0,
                end: byte_of.len() - 1,
            }]
        } else {
            annotations.sentences.clone()
        };
        let upper = text.to_ascii_uppercase();
        let mut out = Vec::new();
        // a story-level discard ("+TYPHOON") anywhere: nothing is coded
        if !self.discards.is_empty() {
            let toks: Vec<Tok> = tokenize(text, 0, text.len(), 0)
                .into_iter()
                .filter(|t| t.word)
                .collect();
            let mut curly = String::new();
            let words = dictionary_words(text, &upper, &toks, &mut curly);
            if self.discards.find(&words) == Some(Discard::Story) {
                return out;
            }
        }
        let mut buffers = SentenceBuffers::default();
        for s in &sentences {
            let (Some(&bs), Some(&be)) = (byte_of.get(s.start), byte_of.get(s.end)) else {
                continue;
            };
            if bs > be {
                continue;
            }
            let src = Src {
                text,
                upper: &upper,
                byte_of: &byte_of,
                verbs: &self.verbs,
            };
            let span = (*s, bs, be);
            self.code_sentence(
                &src,
                span,
                annotations,
                published,
                timexes,
                &mut buffers,
                &mut out,
            );
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn code_sentence(
        &self,
        src: &Src<'_>,
        (sent, bs, be): (Span, usize, usize),
        ann: &Annotations,
        published: Option<Date>,
        timexes: &[Timex],
        buffers: &mut SentenceBuffers,
        out: &mut Vec<Event>,
    ) {
        let text = src.text;
        let SentenceBuffers { toks, ids, ent_of } = buffers;
        tokenize_into(text, bs, be, sent.start, toks);
        let toks: &[Tok] = toks;
        if toks.is_empty() {
            return;
        }
        let mut curly = String::new();
        let words = dictionary_words(text, src.upper, toks, &mut curly);
        if !self.discards.is_empty() && self.discards.find(&words).is_some() {
            return;
        }
        ids.clear();
        ids.extend(words.iter().map(|w| self.verbs.word_ids(w)));
        let ids: &[WordIds] = ids;
        // entities are in text order
        let first = ann.entities.partition_point(|e| e.start < sent.start);
        let raw: Vec<&Entity> = ann.entities[first..]
            .iter()
            .take_while(|e| e.start < sent.end)
            .filter(|e| e.end <= sent.end)
            .filter(|e| !inside_feature_name(src, e, sent.end))
            .collect();
        let resolved = resolve_actors(src, &raw);
        let ents: Vec<&Entity> = resolved.iter().map(|e| e.as_ref()).collect();
        // token → the entity covering it, in one pass
        ent_of.clear();
        ent_of.resize(toks.len(), None);
        {
            let mut k = 0;
            for (ti, t) in toks.iter().enumerate() {
                while k < ents.len() && ents[k].end <= t.start {
                    k += 1;
                }
                if let Some(e) = ents.get(k)
                    && t.start >= e.start
                    && t.end <= e.end
                {
                    ent_of[ti] = Some(k);
                }
            }
        }
        let mut modifiers: Vec<usize> = Vec::new();
        let tok_at = |c: usize| toks.iter().position(|t| t.start >= c).unwrap_or(toks.len());

        let mut hits: Vec<Hit> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if !t.word || ent_of[i].is_some() {
                i += 1;
                continue;
            }
            // only a form of a dictionary verb can be one
            let Some(forms) = self.verbs.forms.get(words[i]) else {
                i += 1;
                continue;
            };
            let prev = i.checked_sub(1).map(|p| words[p]);
            // after a determiner, a possessive or a number ("a 12-year
            // break") the word is a noun
            if prev.is_some_and(|p| {
                DETERMINERS.contains(&p)
                    || p.ends_with("'S")
                    || p.chars().any(|c| c.is_ascii_digit())
            }) {
                i += 1;
                continue;
            }
            // "a brief private visit": a noun after an article and
            // adjectives.
            if self.after_article_adjectives(&words, toks, ent_of, i) {
                i += 1;
                continue;
            }
            // A gerund without an auxiliary is a modifier or a noun
            // ("seeking to mend ties", "scaling a pole"), not the event.
            if words[i].ends_with("ING") && !prev.is_some_and(|p| AUXILIARIES.contains(&p)) {
                i += 1;
                continue;
            }
            match self.match_verb(forms, &words, ids, toks, i) {
                // "the Paris attacks", "the Syrian conflict": a noun after a
                // name used as a modifier; the name is then no actor of it.
                Some(_)
                    if i.checked_sub(1)
                        .and_then(|p| ent_of[p])
                        .is_some_and(|k| modifier_noun(&words, ent_of, i, ents[k])) =>
                {
                    if let Some(k) = i.checked_sub(1).and_then(|p| ent_of[p]) {
                        modifiers.push(k);
                    }
                    i += 1;
                }
                Some(h) => {
                    let next = h.end_tok.max(i + 1);
                    hits.push(h);
                    i = next;
                }
                None => i += 1,
            }
        }
        // "wants to re-examine", "agreed to restore": the complement
        // carries the event when the governing verb has only its default code.
        let starts: Vec<usize> = hits.iter().map(|h| h.tok).collect();
        hits.retain(|h| {
            let to = words.get(h.end_tok).is_some_and(|w| *w == "TO");
            !(to && h.weight == 0 && !h.speech && starts.contains(&(h.end_tok + 1)))
        });
        // "met Assad to discuss efforts to counter IS": a purpose infinitive
        // after a coded verb is part of that event, not one of its own.
        let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
        for h in hits {
            let infinitive = h.tok > 0 && words[h.tok - 1] == "TO";
            if infinitive && kept.iter().any(|k| !k.speech && k.end_tok + 1 < h.tok) {
                continue;
            }
            kept.push(h);
        }
        let hits = kept;
        if hits.is_empty() {
            return;
        }

        let sentence_has_speech = hits.iter().any(|h| h.speech);
        let when_timex = timexes
            .iter()
            .find(|x| {
                x.start >= sent.start
                    && x.end <= sent.end
                    && matches!(x.kind, TimexType::Date | TimexType::Time)
            })
            .map(|x| x.value.clone());
        let context = SentenceContext {
            sent,
            toks,
            words: &words,
            ann,
            has_speech: sentence_has_speech,
            published,
            when_timex,
        };
        // Where: a place named in the verb's own clause (from the verb
        // before to the verb after), not one of another clause ("agreed in
        // Vienna … the attacks that killed 129").
        let all_ents = ents.clone();
        let place_between = |lo: usize, hi: usize, modifier: bool| -> Option<String> {
            let within: Vec<&Entity> = all_ents
                .iter()
                .copied()
                .filter(|e| e.start >= lo && e.start < hi)
                .collect();
            place_of(&words, toks, &within, &tok_at).or_else(|| {
                // "the Paris attacks that killed": a place named as the
                // modifier of a noun before the verb
                modifiers
                    .iter()
                    .filter(|_| modifier)
                    .filter_map(|&k| all_ents.get(k))
                    .filter(|e| e.start >= lo && e.start < hi)
                    .find(|e| matches!(e.kind, EntityKind::Gpe | EntityKind::Loc))
                    .map(|e| e.canonical.clone())
            })
        };
        let ents: Vec<&Entity> = ents
            .iter()
            .enumerate()
            .filter(|(k, _)| !modifiers.contains(k))
            .map(|(_, e)| *e)
            .collect();
        let mut prev_sources: Vec<&Entity> = Vec::new();
        let mut seen: Vec<DyadKey<'_>> = Vec::new();

        for (hi, h) in hits.iter().enumerate() {
            // after the verb up to the next one, else before it back to
            // the clause's start ("In Aleppo, rebels attacked")
            let prev_end = hi.checked_sub(1).map_or(0, |p| hits[p].end_tok);
            let clause_start = (prev_end..h.tok)
                .rev()
                .find(|&j| !toks[j].word && matches!(words[j], "," | ";" | ":"))
                .filter(|_| hi > 0)
                .map_or(prev_end, |j| j + 1);
            let at = |j: usize| toks.get(j).map_or(sent.end, |t| t.start);
            let next_verb = hits.get(hi + 1).map_or(toks.len(), |n| n.tok);
            let place = place_between(at(h.end_tok), at(next_verb), false)
                .or_else(|| place_between(at(clause_start), at(h.tok), true));
            // whom a verb acts on is named before the next verb
            let clause_end = hits
                .get(hi + 1)
                .and_then(|n| {
                    // ", a senior Bree official said": the speaker of a
                    // trailing attribution is no one's target.
                    let comma = (h.end_tok..n.tok)
                        .rev()
                        .find(|&j| {
                            (n.speech
                                || matches!(
                                    words[n.tok],
                                    "SAID" | "SAYS" | "SAY" | "TOLD" | "ADDED" | "REPORTED"
                                ))
                                && words[j] == ","
                        })
                        .unwrap_or(n.tok);
                    toks.get(comma)
                })
                .map_or(sent.end, |t| t.start);
            // "arrived in Gondor … since demonstrators were crushed": whom a
            // verb acts on is named before a subordinate clause opens.
            let clause_end = (h.end_tok..toks.len())
                .find(|&j| {
                    matches!(
                        words[j],
                        "SINCE"
                            | "WHILE"
                            | "WHEREAS"
                            | "BECAUSE"
                            | "ALTHOUGH"
                            | "THOUGH"
                            | "WHEN"
                            | "WHO"
                            | "WHICH"
                            | "WHERE"
                            | "AFTER"
                    )
                })
                .and_then(|j| toks.get(j))
                .map_or(clause_end, |t| t.start.min(clause_end));
            let ents_to_end: Vec<&Entity> = ents
                .iter()
                .copied()
                .filter(|e| e.start < clause_end)
                .collect();
            let vstart = toks[h.tok].start;
            // Conjoined verb phrase ("condemned … and promised"): same subject.
            let conjoined =
                h.tok > 0 && matches!(words[h.tok - 1], "AND" | "BUT") && !prev_sources.is_empty();
            let passive = h.past
                && (1..=2).any(|k| {
                    h.tok
                        .checked_sub(k)
                        .is_some_and(|j| PASSIVE_AUX.contains(&words[j]))
                });
            if passive {
                // "X was attacked by Y": Y acts on X.
                let target_list = subject(&ents, &words, toks, vstart)
                    .map(|e| compound(src, &ents, e))
                    .unwrap_or_default();
                // The agent is named after "by" ("from" for fire: "a rocket
                // was fired from Gaza"); without one, whoever is named
                // later is a place or a party to something else ("was
                // criticised over its dispute with Y").
                let by = (h.end_tok..words.len().min(h.end_tok + POST_WINDOW))
                    .find(|&j| matches!(words[j], "BY" | "FROM"));
                let from_c = toks.get(by.unwrap_or(words.len())).map(|t| t.start);
                let tcodes: Vec<Option<&str>> =
                    target_list.iter().map(|e| e.code.as_deref()).collect();
                let source_list = from_c
                    .and_then(|c| first_after(&words, toks, &ents, c, Some(&tcodes)))
                    .map(|e| compound(src, &ents, e))
                    .unwrap_or_default();
                self.emit(
                    h,
                    &source_list,
                    &target_list,
                    &context,
                    &place,
                    &mut seen,
                    out,
                );
                continue;
            }
            let sources: Vec<&Entity> = if let Some(from) = h.source_after {
                let from_c = toks.get(from).map_or(sent.end, |t| t.start);
                first_after(&words, toks, &ents, from_c, None)
                    .map(|e| compound(src, &ents, e))
                    .unwrap_or_default()
            } else if conjoined {
                prev_sources.clone()
            } else if !prev_sources.is_empty() && subject_pronoun(&words, toks, ent_of, h.tok) {
                // "… and then they requested": the pronoun subject is the
                // actor of the clause before.
                prev_sources.clone()
            } else if hi
                .checked_sub(1)
                .is_some_and(|p| reported_subject_unnamed(&hits[p], h, &context, &ents))
            {
                // "Washington said such a step enjoyed support": the
                // reported clause has a subject of its own, no actor.
                Vec::new()
            } else {
                subject(&ents, &words, toks, vstart)
                    .map(|e| compound(src, &ents, e))
                    .unwrap_or_default()
            };
            let from_c = toks.get(h.target_from).map_or(sent.end, |t| t.start);
            let src_codes: Vec<Option<&str>> = sources.iter().map(|e| e.code.as_deref()).collect();
            // "Gondor asked him to …": an object pronoun right after the
            // verb is the earlier actor, when that is someone else.
            let object_pronoun = words
                .get(h.target_from)
                .is_some_and(|w| matches!(*w, "HIM" | "HER" | "THEM"));
            let earlier: Vec<&Entity> = prev_sources
                .iter()
                .copied()
                .filter(|e| !src_codes.contains(&e.code.as_deref()))
                .collect();
            let targets: Vec<&Entity> = if object_pronoun && !earlier.is_empty() {
                earlier
            } else {
                first_after(&words, toks, &ents_to_end, from_c, Some(&src_codes))
                    .map(|e| compound(src, &ents, e))
                    .unwrap_or_default()
            };
            if !sources.is_empty() {
                prev_sources = sources.clone();
            }
            // "Gondor and Osgiliath renewed ties": with no one else named,
            // a compound subject acts on itself, each on the others.
            let first_event = hits[..hi].iter().all(|p| p.speech);
            if targets.is_empty() && sources.len() >= 2 && !h.speech && first_event {
                for (k, s) in sources.iter().enumerate() {
                    let others: Vec<&Entity> = sources
                        .iter()
                        .enumerate()
                        .filter(|&(j, o)| j != k && o.code != s.code)
                        .map(|(_, o)| *o)
                        .collect();
                    self.emit(h, &[*s], &others, &context, &place, &mut seen, out);
                }
                continue;
            }

            self.emit(h, &sources, &targets, &context, &place, &mut seen, out);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn emit<'a>(
        &self,
        h: &Hit<'a>,
        sources: &[&'a Entity],
        targets: &[&'a Entity],
        context: &SentenceContext<'_>,
        place: &Option<String>,
        seen: &mut Vec<DyadKey<'a>>,
        out: &mut Vec<Event>,
    ) {
        let SentenceContext {
            sent,
            toks,
            words,
            ann,
            has_speech: sentence_has_speech,
            published,
            ref when_timex,
        } = *context;
        // "Kerry said …": the speaker only; "told reporters": the addressee.
        let no_target: [&'a Entity; 0] = [];
        let targets = if h.speech && !h.addressee {
            &no_target[..]
        } else {
            targets
        };
        if h.speech && sources.is_empty() {
            return;
        }
        let modality = modality_of(words, toks, h, ann, sentence_has_speech);
        let when = when_timex.clone().or_else(|| {
            if h.past || h.speech {
                published.map(|d| d.to_string())
            } else {
                None
            }
        });
        let trigger = Span {
            start: toks[h.tok].start,
            end: toks[h.end_tok.saturating_sub(1).max(h.tok)].end,
        };
        let root = h.code.get(..2).unwrap_or("");
        let violent = matches!(root, "18" | "19" | "20");
        // "killed 129 people": violence against people, whoever they are
        let people = (h.end_tok..words.len().min(h.end_tok + 4)).any(|j| {
            matches!(
                words[j],
                "PEOPLE"
                    | "CIVILIANS"
                    | "PERSONS"
                    | "CHILDREN"
                    | "WOMEN"
                    | "PASSENGERS"
                    | "WORKERS"
                    | "VILLAGERS"
                    | "RESIDENTS"
                    | "WORSHIPPERS"
                    | "STUDENTS"
                    | "PILGRIMS"
            ) || words[j].chars().all(|c| c.is_ascii_digit() || c == ',')
        });
        if !(h.speech || violent && people) {
            if sources.is_empty() && targets.is_empty() {
                return;
            }
            if sources.is_empty() && h.weight == 0 {
                return;
            }
            // A default code with one actor only when that actor is plainly
            // the verb's subject, right before it.
            let vstart = toks[h.tok].start;
            let adjacent = sources.iter().any(|e| {
                let between = toks
                    .iter()
                    .filter(|t| t.start >= e.end && t.end <= vstart)
                    .count();
                e.end <= vstart && between <= 2
            });
            if targets.is_empty() && h.weight == 0 && !adjacent {
                return;
            }
        }
        let civilian_target = targets.is_empty()
            || targets
                .iter()
                .all(|t| t.code.as_deref().is_some_and(|c| c.ends_with("CVL")));
        let kind = if h.speech {
            SPEECH_TYPE
        } else if root == "19" && people && civilian_target {
            "ASSAULT"
        } else {
            stance_type(h.code, stance(words, h))
        };
        let cameo = if h.speech { SPEECH_CAMEO } else { h.code };
        for s in each_or_none(sources) {
            for t in each_or_none(targets) {
                if s.is_none() && t.is_none() {
                    continue;
                }
                let mut push = |src: Option<&'a Entity>,
                                tgt: Option<&'a Entity>,
                                code: &'a str,
                                kind: &str| {
                    // One event per dyad and sentence: the first verb
                    // (the main clause, usually) codes it.
                    let dyad = src.is_some() && tgt.is_some();
                    let key = (
                        src.and_then(|e| e.code.as_deref()),
                        tgt.and_then(|e| e.code.as_deref()),
                        if dyad { "" } else { code },
                    );
                    if seen.contains(&key) {
                        return;
                    }
                    seen.push(key);
                    out.push(Event {
                        kind: kind.to_string(),
                        cameo: code.to_string(),
                        trigger,
                        source: src.map(actor),
                        target: tgt.map(actor),
                        when: when.clone(),
                        place: place.clone(),
                        modality,
                        evidence: vec![sent],
                    });
                };
                push(s, t, cameo, kind);
                if let (Some(p), Some(_)) = (h.pair, t) {
                    push(t, s, p, plover_type(p));
                }
            }
        }
    }

    /// Whether the word at `i` follows an article or possessive and one or
    /// two adjectives ("a brief private visit", "their first official
    /// talks"), which makes it a noun.
    fn after_article_adjectives(
        &self,
        words: &[&str],
        toks: &[Tok],
        ent_of: &[Option<usize>],
        i: usize,
    ) -> bool {
        let mut j = i;
        for _ in 0..2 {
            let Some(p) = j.checked_sub(1) else {
                return false;
            };
            let w = words[p];
            if !toks[p].word
                || ent_of[p].is_some()
                || !is_adjective(w, |w| self.verbs.forms.contains_key(w))
            {
                return false;
            }
            j = p;
            if j.checked_sub(1).is_some_and(|a| {
                matches!(
                    words[a],
                    "THE"
                        | "A"
                        | "AN"
                        | "ITS"
                        | "HIS"
                        | "HER"
                        | "THEIR"
                        | "OUR"
                        | "THIS"
                        | "THESE"
                        | "THOSE"
                ) || words[a].ends_with("'S")
            }) {
                return true;
            }
        }
        false
    }

    /// Tries every form starting at token `i` (`forms`, those of its
    /// word); returns the verb's best code.
    fn match_verb<'d>(
        &'d self,
        forms: &'d [Form],
        words: &[&str],
        ids: &[WordIds],
        toks: &[Tok],
        i: usize,
    ) -> Option<Hit<'d>> {
        let mut best: Option<(usize, Hit)> = None;
        let mut cands = Vec::new();
        for f in forms {
            // multi-word verbs: the rest must follow at once
            let ok = f
                .rest
                .iter()
                .enumerate()
                .all(|(k, w)| words.get(i + 1 + k).is_some_and(|x| x == w));
            if !ok {
                continue;
            }
            let end_tok = i + 1 + f.rest.len();
            let block = self.verbs.blocks.get(f.block)?;
            block.index.candidates(
                ids.get(end_tok..(end_tok + POST_WINDOW).min(ids.len()))
                    .unwrap_or_default()
                    .iter(),
                ids.get(i.saturating_sub(PRE_WINDOW)..i)
                    .unwrap_or_default()
                    .iter(),
                &mut cands,
            );
            let mut chosen: Option<(usize, &Pattern, Option<usize>, Option<usize>)> = None;
            for p in cands.iter().filter_map(|&c| block.patterns.get(c as usize)) {
                // only a more specific pattern than the one chosen counts
                if chosen.as_ref().is_none_or(|c| p.weight > c.0)
                    && let Some((tf, sa)) = match_pattern(p, words, ids, toks, i, end_tok)
                {
                    chosen = Some((p.weight, p, tf, sa));
                }
            }
            let (weight, code, target_from, source_after) = match chosen {
                Some((w, p, tf, sa)) => (w + 1, &p.code, tf, sa),
                None => match (&f.code, &block.code) {
                    (Some(c), _) | (None, Some(c)) => (0, c, None, None),
                    (None, None) => continue,
                },
            };
            let (code, pair) = match code {
                Code::Null => {
                    // A null pattern vetoes the verb only if it beat the rest.
                    if best.as_ref().is_none_or(|b| weight > b.0) {
                        best = None;
                        if weight > 0 {
                            return None;
                        }
                    }
                    continue;
                }
                Code::One(c) => (c.as_str(), None),
                Code::Pair(a, b) => (a.as_str(), Some(b.as_str())),
            };
            if !code.chars().all(|c| c.is_ascii_digit()) || code.is_empty() {
                continue;
            }
            // Verbs of saying are speech events whatever follows them: the
            // event reported is coded from the reported clause's own verb.
            let speech = SPEECH_LEMMAS.contains(&f.lemma.as_str())
                || (code.starts_with("01") && block.name == "EXPLAIN_VERBAL" && weight == 0);
            let (code, pair) = if speech && SPEECH_LEMMAS.contains(&f.lemma.as_str()) {
                (SPEECH_CAMEO, None)
            } else {
                (code, pair)
            };
            // "Romendacil will meet Eriadori leaders": meeting someone is
            // mutual, each meets the other ("met with" stays one-way).
            let pair = if pair.is_none()
                && weight == 0
                && code == "040"
                && f.lemma == "MEET"
                && f.rest.is_empty()
                && words
                    .get(end_tok)
                    .is_some_and(|w| !matches!(*w, "WITH" | "IN" | "AT"))
            {
                Some(code)
            } else {
                pair
            };
            let hit = Hit {
                tok: i,
                end_tok,
                code,
                pair,
                target_from: target_from.unwrap_or(end_tok),
                source_after,
                speech,
                addressee: matches!(f.lemma.as_str(), "TELL" | "INFORM" | "BRIEF"),
                past: f.past,
                weight,
            };
            if best.as_ref().is_none_or(|b| weight > b.0) {
                best = Some((weight, hit));
            }
        }
        best.map(|b| b.1)
    }
}

/// Whether verb `h` opens the clause reported by the speech verb `said`
/// right before it with a subject that names no actor: a noun phrase ("the
/// attack", "such a step") between them and no coded actor there.
fn reported_subject_unnamed(
    said: &Hit,
    h: &Hit,
    context: &SentenceContext<'_>,
    ents: &[&Entity],
) -> bool {
    let (toks, words) = (context.toks, context.words);
    if !said.speech || said.addressee || said.end_tok >= h.tok {
        return false;
    }
    let (from, to) = (toks[said.end_tok].start, toks[h.tok].start);
    let noun_phrase = words[said.end_tok..h.tok].iter().any(|w| {
        matches!(
            *w,
            "THE"
                | "A"
                | "AN"
                | "SUCH"
                | "THIS"
                | "THESE"
                | "THOSE"
                | "ITS"
                | "THEIR"
                | "ANY"
                | "NO"
        )
    });
    noun_phrase
        && !ents
            .iter()
            .any(|e| has_code(e) && e.start >= from && e.end <= to)
}

/// The gap between two entities, as text.
fn gap<'s>(src: &'s Src<'_>, a: &Entity, b: &Entity) -> &'s str {
    if a.end > b.start {
        return "";
    }
    src.slice(a.end, b.start)
}

/// Whether `s` is one of the lower-case `words`, in any case.
fn is_any_ignore_case(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.eq_ignore_ascii_case(w))
}

/// Whether `s` ends with the lower-case `suffix`, in any case.
fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len()
        .checked_sub(suffix.len())
        .and_then(|at| s.as_bytes().get(at..))
        .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix.as_bytes()))
}

/// `s` without the lower-case `suffix`, in any case, when it ends with it.
fn strip_suffix_ignore_case<'s>(s: &'s str, suffix: &str) -> &'s str {
    if ends_with_ignore_case(s, suffix) {
        s.get(..s.len() - suffix.len()).unwrap_or(s)
    } else {
        s
    }
}

fn is_country(code: Option<&str>) -> bool {
    code.is_some_and(|c| c.len() == 3 && !c.starts_with("---"))
}

/// An agent without a country ("soldiers": `---MIL`) composed with a
/// country (`GON`) → `GONMIL`.
fn compose(country: &str, agent: &str) -> String {
    format!("{country}{}", agent.trim_start_matches("---"))
}

/// The sizes of an agent list + preposition + country list.
struct AgentCountries {
    agents: usize,
    countries: usize,
}

/// Whether `ents` starts with agents without a country joined by "and" or
/// commas, then a preposition of origin ([`agent_preposition`]), then countries
/// joined the same way.
fn agent_country_list(src: &Src<'_>, ents: &[&Entity]) -> Option<AgentCountries> {
    let is_agent = |e: &Entity| e.code.as_deref().is_some_and(|c| c.starts_with("---"));
    let gap_of = |k: usize| -> &str {
        match (ents.get(k), ents.get(k + 1)) {
            (Some(a), Some(b)) => gap(src, a, b).trim(),
            _ => "",
        }
    };
    let list_gap =
        |g: &str| is_any_ignore_case(g.trim_start_matches(',').trim(), &["and", "or", ","]);
    let mut agents = 1;
    if !is_agent(ents.first()?) {
        return None;
    }
    while ents.get(agents).is_some_and(|e| is_agent(e)) && list_gap(gap_of(agents - 1)) {
        agents += 1;
    }
    if !agent_preposition(gap_of(agents - 1)) {
        return None;
    }
    let mut countries = 0;
    while ents
        .get(agents + countries)
        .is_some_and(|e| is_country(e.code.as_deref()))
        && (countries == 0 || list_gap(gap_of(agents + countries - 1)))
    {
        countries += 1;
    }
    (countries > 0).then_some(AgentCountries { agents, countries })
}

/// Whether the gap between an agent and a country is a preposition of
/// origin ("soldiers from Gondor", "officials of the Gondor"), maybe with
/// hyphenated adjectives ("dissidents from military-ruled Myanmar",
/// "fighters from war-torn Syria").
fn agent_preposition(gap: &str) -> bool {
    let mut ws = gap.split_whitespace();
    if !ws
        .next()
        .is_some_and(|p| is_any_ignore_case(p, &["from", "in", "of", "for"]))
    {
        return false;
    }
    let mut adjectives = 0;
    for (k, w) in ws.enumerate() {
        if k == 0 && w.eq_ignore_ascii_case("the") {
            continue;
        }
        let hyphenated = w.contains('-')
            && !w.starts_with('-')
            && !w.ends_with('-')
            && w.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        if !hyphenated {
            return false;
        }
        adjectives += 1;
    }
    adjectives <= 2
}

/// Combines entities into the actors PETRARCH would code: a country next
/// to a more specific actor of the same country ("Bree Prime Minister
/// Romendacil") is one actor; an agent with no country followed by "from",
/// "in" or "of" and countries ("soldiers from Gondor", "the ambassadors of
/// Arnor, Osgiliath and Gondor") is that agent of each country.
fn resolve_actors<'e>(src: &Src<'_>, ents: &[&'e Entity]) -> Vec<Cow<'e, Entity>> {
    let mut out: Vec<Cow<'e, Entity>> = Vec::with_capacity(ents.len());
    let mut i = 0;
    while i < ents.len() {
        let e = ents[i];
        let code = e.code.as_deref();
        // "lawmakers and officials in Arnor and Gondor": agents joined by
        // "and", then a preposition and countries: each agent of each
        // country, one list sharing the whole span.
        if let Some(n) = agent_country_list(src, &ents[i..])
            && n.agents >= 2
        {
            let (first, last) = (ents[i], ents[i + n.agents + n.countries - 1]);
            let whole = format!("{}{}", first.text, src.slice(first.end, last.end));
            for a in &ents[i..i + n.agents] {
                for c in &ents[i + n.agents..i + n.agents + n.countries] {
                    let mut m = (*c).clone();
                    if let (Some(cc), Some(ac)) = (c.code.as_deref(), a.code.as_deref()) {
                        m.code = Some(compose(cc, ac));
                    }
                    m.start = first.start;
                    m.end = last.end;
                    m.text = whole.clone();
                    m.kind = a.kind;
                    out.push(Cow::Owned(m));
                }
            }
            i += n.agents + n.countries;
            continue;
        }
        // agent + preposition + country list
        if let (Some(agent), Some(next)) = (code.filter(|c| c.starts_with("---")), ents.get(i + 1))
        {
            let prep = agent_preposition(gap(src, e, next));
            if prep && is_country(next.code.as_deref()) {
                let mut j = i + 1;
                let mut first = true;
                loop {
                    let c = ents[j];
                    let mut m = c.clone();
                    if let Some(cc) = c.code.as_deref() {
                        m.code = Some(compose(cc, agent));
                    }
                    if first {
                        m.start = e.start;
                        m.text = format!("{}{}{}", e.text, gap(src, e, c), c.text);
                        m.kind = e.kind;
                        first = false;
                    }
                    out.push(Cow::Owned(m));
                    let more = ents.get(j + 1).is_some_and(|n| {
                        let g = gap(src, c, n).trim().trim_start_matches(',').trim();
                        is_country(n.code.as_deref())
                            && is_any_ignore_case(g, &["", "and", "or"])
                            && !gap(src, c, n).trim().is_empty()
                    });
                    j += 1;
                    if !more {
                        break;
                    }
                }
                i = j;
                continue;
            }
        }
        // "the European Union (EU)": a name and its abbreviation in
        // brackets are one actor.
        if let Some(next) = ents.get(i + 1)
            && gap(src, e, next).trim() == "("
            && code.is_some()
            && next.code.as_deref() == code
            && src.slice(next.end, next.end + 1) == ")"
        {
            let mut n = e.clone();
            n.end = next.end + 1;
            n.text = format!("{}{}{})", e.text, gap(src, e, next), next.text);
            out.push(Cow::Owned(n));
            i += 2;
            continue;
        }
        // adjacent actors of one country: keep the more specific code
        if let Some(next) = ents.get(i + 1)
            && gap(src, e, next).trim().is_empty()
            && let (Some(a), Some(b)) = (code, next.code.as_deref())
        {
            let merged = if b.starts_with(a) && b.len() > a.len() {
                Some(b.to_string())
            } else if a.starts_with(b) {
                Some(a.to_string())
            } else if is_country(Some(a)) && b.starts_with("---") {
                Some(compose(a, b))
            } else if is_country(Some(b)) && a.starts_with("---") {
                Some(compose(b, a))
            } else {
                None
            };
            if let Some(m) = merged {
                let mut n = if m == a { e.clone() } else { (*next).clone() };
                n.start = e.start;
                n.end = next.end;
                n.text = format!("{}{}{}", e.text, gap(src, e, next), next.text);
                n.code = Some(m);
                out.push(Cow::Owned(n));
                i += 2;
                continue;
            }
        }
        out.push(Cow::Borrowed(e));
        i += 1;
    }
    share_modifier(src, &mut out);
    out
}

/// A country modifier shared across "and" ("the Danish media and
/// government": `DNKMED`, `DNKGOV`; "US and British activists": `USAOPP`,
/// `GBROPP`), as PETRARCH distributes a noun phrase's modifiers. Only state
/// agents take the country of the conjunct before ("the Syrian army and
/// rebels" stays `SYRMIL`, `---REB`), and only a demonym or abbreviation
/// takes the agent of the conjunct after ("Russia and Syrian troops" stays
/// `RUS`, `SYRMIL`).
fn share_modifier(src: &Src<'_>, out: &mut [Cow<'_, Entity>]) {
    const STATE: &[&str] = &["GOV", "MIL", "COP", "JUD", "LEG", "MED", "SPY"];
    let country_agent = |c: &str| -> Option<(String, String)> {
        let (country, agent) = (c.get(..3)?, c.get(3..)?);
        (is_country(Some(country))
            && !matches!(country, "IGO" | "NGO" | "IMG" | "MNC")
            && agent.len() == 3)
            .then(|| (country.to_string(), agent.to_string()))
    };
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let g = strip_suffix_ignore_case(gap(src, a, b).trim(), " the");
        if !is_any_ignore_case(g, &["and", "or"]) {
            continue;
        }
        let (Some(ac), Some(bc)) = (a.code.clone(), b.code.clone()) else {
            continue;
        };
        if let (Some((country, _)), Some(agent)) = (country_agent(&ac), bc.strip_prefix("---"))
            && STATE.contains(&agent)
        {
            out[k].to_mut().code = Some(compose(&country, agent));
        } else if let Some((country, agent)) = country_agent(&bc)
            && is_country(Some(&ac))
            && ac != country
            && (is_demonym(a) || a.text.chars().all(|c| c.is_ascii_uppercase()))
            && b.text.split_whitespace().count() >= 2
        {
            out[k - 1].to_mut().code = Some(compose(&ac, &agent));
        }
    }
}

/// Whether the name is part of a sea's, gulf's or river's name ("the South
/// China Sea", "the Persian Gulf"): a place, not the country's actor.
fn inside_feature_name(src: &Src<'_>, e: &Entity, sent_end: usize) -> bool {
    let after = src.slice(e.end, (e.end + 12).min(sent_end));
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        word,
        "Sea" | "Ocean" | "Gulf" | "Strait" | "Straits" | "River" | "Peninsula" | "Basin"
    )
}

/// Whether a word looks like an adjective: a few common ones and the
/// usual adjective endings.
fn is_adjective(w: &str, is_verb: impl Fn(&str) -> bool) -> bool {
    let common = matches!(
        w,
        "BRIEF"
            | "PRIVATE"
            | "FIRST"
            | "SECOND"
            | "THIRD"
            | "LAST"
            | "FULL"
            | "BIG"
            | "MAJOR"
            | "JOINT"
            | "FRESH"
            | "LARGE"
            | "SMALL"
            | "LONG"
            | "SHORT"
            | "HIGH"
            | "TOP"
            | "KEY"
            | "RARE"
            | "SURPRISE"
            | "FORMER"
            | "OPEN"
            | "SEPARATE"
            | "IMMEDIATE"
            | "DIRECT"
            | "SECRET"
            | "HEAVY"
            | "DEADLY"
            | "FIERCE"
            | "WIDE"
            | "DRAMATIC"
            | "MASSIVE"
    );
    common
        || (w.len() > 4
            && [
                "AL", "IVE", "OUS", "IC", "FUL", "BLE", "ARY", "ERN", "IAN", "ESE", "LESS",
            ]
            .iter()
            .any(|s| w.ends_with(s))
            && !is_verb(w))
}

fn actor(e: &Entity) -> EventActor {
    EventActor {
        text: e.text.clone(),
        canonical: Some(e.canonical.clone()),
        code: e.code.clone(),
    }
}

/// Whether the words of `phrase` start at token `k` (its last word may be
/// plural).
fn phrase_at(ids: &[WordIds], k: usize, phrase: &[u32]) -> bool {
    let Some(last) = phrase.len().checked_sub(1) else {
        return false;
    };
    phrase
        .iter()
        .enumerate()
        .all(|(j, &w)| match ids.get(k + j) {
            Some(t) if j == last => t.contains(&w),
            Some(t) => t[0] == w,
            None => false,
        })
}

const POST_WINDOW: usize = 14;
const PRE_WINDOW: usize = 6;
const ELEM_GAP: usize = 5;

/// Matches a pattern around the verb at `[v, vend)`. On success returns
/// where the target search starts (after the word before `+`) and where the
/// source search starts when the pattern puts `$` after the verb.
fn match_pattern(
    p: &Pattern,
    words: &[&str],
    ids: &[WordIds],
    toks: &[Tok],
    v: usize,
    vend: usize,
) -> Option<(Option<usize>, Option<usize>)> {
    // post: ordered, gaps allowed, within the clause
    let limit = (vend + POST_WINDOW).min(words.len());
    let mut k = vend;
    let mut target_from = None;
    let mut source_after = None;
    for (n, e) in p.post.iter().enumerate() {
        match e {
            Elem::Target => target_from = Some(k),
            Elem::Source => source_after = Some(k),
            Elem::Words(phrases) => {
                let mut found = None;
                let mut j = k;
                // each word within a few words of the last: the verb's
                // object phrase, not anything later in the sentence; right
                // after the verb when joined to it ("*_ON")
                let gap = if n == 0 && p.joined.1 { 1 } else { ELEM_GAP };
                let limit = limit.min(k + gap);
                while j < limit {
                    if !toks[j].word && matches!(words[j], ";" | ":" | "," | "\"" | "(" | ")") {
                        break;
                    }
                    if let Some(a) = ids
                        .get(j)
                        .filter(|t| phrases.may_start_at(t))
                        .and_then(|_| phrases.alts.iter().find(|a| phrase_at(ids, j, a)))
                    {
                        found = Some(j + a.len());
                        break;
                    }
                    j += 1;
                }
                k = found?;
            }
        }
    }
    // pre: ordered, matched backwards from the verb
    let lower = v.saturating_sub(PRE_WINDOW);
    let mut k = v;
    for (n, e) in p.pre.iter().rev().enumerate() {
        if let Elem::Words(phrases) = e {
            let mut found = None;
            let mut j = k;
            // right before the verb when joined to it ("IN_*")
            let touching = n == 0 && p.joined.0;
            while j > lower {
                j -= 1;
                if !ids.get(j).is_some_and(|t| phrases.may_start_at(t)) {
                    continue;
                }
                if phrases.alts.iter().any(|a| {
                    (if touching {
                        j + a.len() == k
                    } else {
                        j + a.len() <= k
                    }) && phrase_at(ids, j, a)
                }) {
                    found = Some(j);
                    break;
                }
            }
            k = found?;
        }
    }
    Some((target_from, source_after))
}

/// Whether the verb form at `i`, right after entity `e`, is a noun that the
/// entity modifies: after a demonym ("Syrian conflict"), or a plural after
/// "the" + name ("the Paris attacks").
fn modifier_noun(words: &[&str], ent_of: &[Option<usize>], i: usize, e: &Entity) -> bool {
    if is_demonym(e) {
        return true;
    }
    let first = (0..i)
        .rev()
        .take_while(|&j| ent_of[j].is_some() && ent_of[j] == ent_of[i - 1])
        .last();
    let det_before = first.and_then(|f| f.checked_sub(1)).is_some_and(|j| {
        matches!(words[j], "THE" | "LAST" | "FRIDAY'S" | "WEEK'S") || words[j].ends_with("'S")
    });
    det_before
        && matches!(e.kind, EntityKind::Gpe)
        && words[i].ends_with('S')
        && !words[i].ends_with("SS")
}

/// Whether a place name is written as its demonym ("Syrian", "Danish").
fn is_demonym(e: &Entity) -> bool {
    e.text != e.canonical
        && matches!(e.kind, EntityKind::Gpe)
        && ["ian", "an", "ese", "ish", "i", "ch"]
            .iter()
            .any(|s| ends_with_ignore_case(&e.text, s))
}

/// Whether a place entity is governed by a locative preposition.
fn locative(words: &[&str], toks: &[Tok], e: &Entity) -> bool {
    if !matches!(e.kind, EntityKind::Gpe | EntityKind::Loc) {
        return false;
    }
    let Some(mut j) = toks.iter().position(|t| t.start >= e.start) else {
        return false;
    };
    if j > 0 && words[j - 1] == "THE" {
        j -= 1;
    }
    j > 0 && matches!(words[j - 1], "IN" | "AT" | "NEAR" | "INSIDE" | "OUTSIDE")
}

fn has_code(e: &Entity) -> bool {
    e.code.as_deref().is_some_and(|c| !c.is_empty())
}

/// The subject: the nearest coded actor before the verb that is not inside
/// a prepositional phrase, else the nearest one.
fn subject<'a>(
    ents: &[&'a Entity],
    words: &[&str],
    toks: &[Tok],
    vstart: usize,
) -> Option<&'a Entity> {
    let before: Vec<&'a Entity> = ents
        .iter()
        .copied()
        .filter(|e| has_code(e) && e.end <= vstart)
        .collect();
    let in_pp = |e: &Entity| {
        let i = toks.iter().position(|t| t.start >= e.start).unwrap_or(0);
        let mut j = i;
        // skip a determiner or adjective-ish word right before the actor
        while j > 0 && matches!(words[j - 1], "THE" | "A" | "AN") {
            j -= 1;
        }
        // "after Calenardhon crowds burned": a conjunction opening a
        // clause whose verb follows the actor at once.
        let v = toks
            .iter()
            .position(|t| t.start >= vstart)
            .unwrap_or(toks.len());
        let e_end = toks
            .iter()
            .position(|t| t.start >= e.end)
            .unwrap_or(toks.len());
        let clause = j > 0
            && matches!(words[j - 1], "AFTER" | "BEFORE" | "UNTIL")
            && v.saturating_sub(e_end) <= 1
            && toks
                .get(e_end..v)
                .is_some_and(|ts| ts.iter().all(|t| t.word));
        j > 0 && PREPOSITIONS.contains(&words[j - 1]) && !clause
    };
    // The head of a compound list ("Arnor, Gondor and Rohan") stands for it.
    let nearest = before.last().copied()?;
    before
        .iter()
        .rev()
        .find(|e| !in_pp(e))
        .copied()
        .or(Some(nearest))
}

/// Whether the verb at token `v` has a personal pronoun for its subject
/// ("they requested", "he would not meet", "it has never accepted"):
/// auxiliaries, negation and adverbs may come between.
fn subject_pronoun(words: &[&str], toks: &[Tok], ent_of: &[Option<usize>], v: usize) -> bool {
    let mut j = v;
    for _ in 0..4 {
        let Some(p) = j.checked_sub(1) else {
            return false;
        };
        if !toks[p].word || ent_of[p].is_some() {
            return false;
        }
        let w = words[p];
        if matches!(w, "HE" | "SHE" | "THEY" | "IT" | "WE") {
            return true;
        }
        let skippable = AUXILIARIES.contains(&w)
            || NEGATORS.contains(&w)
            || HYPOTHETICAL.contains(&w)
            || FUTURE.contains(&w)
            || w.ends_with("LY")
            || w.ends_with("N'T")
            || matches!(
                w,
                "HAS" | "HAVE" | "HAD" | "DID" | "DOES" | "DO" | "CAN" | "THEN" | "ALSO" | "STILL"
            );
        if !skippable {
            return false;
        }
        j = p;
    }
    false
}

/// The first coded actor starting at or after char `from`, preferring one
/// whose code differs from the sources'.
fn first_after<'a>(
    words: &[&str],
    toks: &[Tok],
    ents: &[&'a Entity],
    from: usize,
    sources: Option<&[Option<&str>]>,
) -> Option<&'a Entity> {
    let cands: Vec<&'a Entity> = ents
        .iter()
        .copied()
        .filter(|e| has_code(e) && e.start >= from)
        .filter(|e| match sources {
            Some(src) if !src.is_empty() => !src.contains(&e.code.as_deref()),
            _ => true,
        })
        .collect();
    // "met staffers in Paris and President Hollande": a place named after
    // "in"/"at" is where, not whom, when someone else is named.
    cands
        .iter()
        .copied()
        .find(|e| !locative(words, toks, e))
        .or_else(|| cands.first().copied())
}

/// How two neighbouring actors are joined, for [`compound`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Join {
    /// Not one list.
    No,
    /// By a comma ("Mordor, Rohan"), maybe with "the" ("Mordor, the Shire").
    Comma,
    /// By "and"/"or" ("Fornost and the evil Gondor").
    And,
    /// By a comma and "and" ("Rohan, and Gondor").
    CommaAnd,
    /// One phrase coded as several actors ("lawmakers in Arnor and Gondor").
    Phrase,
}

/// The actor and the others listed with it ("Arnor, Osgiliath and Gondor").
fn compound<'a>(src: &Src<'_>, ents: &[&'a Entity], e: &'a Entity) -> Vec<&'a Entity> {
    let Some(i) = ents.iter().position(|x| std::ptr::eq(*x, e)) else {
        return vec![e];
    };
    let joined = |a: &Entity, b: &Entity| -> Join {
        if (a.start, a.end) == (b.start, b.end) {
            return Join::Phrase;
        }
        if a.end > b.start {
            return Join::No;
        }
        let gap = src.slice(a.end, b.start);
        let comma = gap.trim().starts_with(',');
        let g = gap.trim().trim_start_matches(',').trim();
        // "Fornost and the evil awful Gondor": articles and adjectives
        // (lowercase words that are no verbs) may come between.
        // "Russia and China, along with Iran": a conjunction of more words.
        let long_conj = ["as well as", "along with", "together with"]
            .iter()
            .find_map(|c| {
                g.get(..c.len())
                    .filter(|h| h.eq_ignore_ascii_case(c))
                    .and_then(|_| g.get(c.len()..))
            })
            .map(str::trim);
        if let Some(rest) = long_conj
            && (rest.is_empty() || rest.eq_ignore_ascii_case("the"))
        {
            return if comma { Join::CommaAnd } else { Join::And };
        }
        let mut ws = g.split_whitespace();
        let conj = ws.next().unwrap_or("");
        let list = is_any_ignore_case(conj, &["and", "or", "nor", "&"])
            && g.split_whitespace().count() <= 4
            && ws.all(|w| {
                w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && !src.verbs.is_verb_form(w)
                    && !matches!(
                        w,
                        "in" | "of" | "to" | "with" | "from" | "by" | "for" | "on" | "at"
                    )
            });
        if list && comma {
            Join::CommaAnd
        } else if list {
            Join::And
        } else if comma && (g.is_empty() || g == "the") {
            // "Mordor, the Shire, Arnor and Bree"
            Join::Comma
        } else {
            Join::No
        }
    };
    // A list ends in "and"/"or"; commas alone are apposition or clauses.
    // Its commas all come before its "and": "Dagolath, the Osgiliath
    // newspaper" after "Gondor and Dagolath" is no part of it.
    let is_and = |j: Join| matches!(j, Join::And | Join::CommaAnd | Join::Phrase);
    let (mut conj, mut comma) = (false, false);
    let mut lo = i;
    while lo > 0 {
        let j = joined(ents[lo - 1], ents[lo]);
        if j == Join::No || is_and(j) && comma {
            break;
        }
        conj |= is_and(j);
        comma |= j == Join::Comma;
        lo -= 1;
    }
    let mut hi = i;
    while hi + 1 < ents.len() {
        let j = joined(ents[hi], ents[hi + 1]);
        if j == Join::No || j == Join::Comma && conj {
            break;
        }
        conj |= is_and(j);
        hi += 1;
    }
    if !conj {
        return vec![e];
    }
    ents[lo..=hi]
        .iter()
        .copied()
        .filter(|e| has_code(e))
        .collect()
}

/// A place named after "in", "at" or "near" in the sentence.
fn place_of(
    words: &[&str],
    toks: &[Tok],
    ents: &[&Entity],
    tok_at: &dyn Fn(usize) -> usize,
) -> Option<String> {
    ents.iter()
        .filter(|e| matches!(e.kind, EntityKind::Gpe | EntityKind::Loc))
        .find(|e| {
            let i = tok_at(e.start);
            let mut j = i;
            while j > 0
                && matches!(
                    words[j - 1],
                    "THE"
                        | "NORTHERN"
                        | "SOUTHERN"
                        | "EASTERN"
                        | "WESTERN"
                        | "CENTRAL"
                        | "NORTH"
                        | "SOUTH"
                        | "EAST"
                        | "WEST"
                )
            {
                j -= 1;
            }
            j > 0
                && toks[j - 1].word
                && matches!(words[j - 1], "IN" | "AT" | "NEAR" | "OUTSIDE" | "INSIDE")
        })
        .map(|e| e.canonical.clone())
}

/// What the words before the verb commit the actor to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stance {
    Done,
    /// "will meet", "is ready to contribute", "said they would blockade"
    Intent,
    /// "refused to lift", "would not meet", "failed to reach"
    Refusal,
}

fn stance(words: &[&str], h: &Hit) -> Stance {
    let lo = h.tok.saturating_sub(5);
    let near = &words[lo..h.tok];
    let neg = near.iter().any(|w| {
        matches!(*w, "NOT" | "NEVER" | "CANNOT") || w.ends_with("N'T") || REFUSAL.contains(w)
    });
    if neg {
        return Stance::Refusal;
    }
    let intent = near.iter().any(|w| {
        matches!(
            *w,
            "WILL"
                | "WOULD"
                | "'LL"
                | "SHALL"
                | "READY"
                | "PREPARED"
                | "WILLING"
                | "PLANS"
                | "PLAN"
                | "PLANNING"
                | "INTENDS"
                | "VOWED"
                | "VOWS"
                | "PROMISED"
                | "PROMISES"
                | "OFFERED"
                | "OFFERS"
                | "THREATENED"
                | "THREATENS"
                | "DECIDED"
        )
    });
    if intent { Stance::Intent } else { Stance::Done }
}

/// PLOVER type of a CAMEO code given the stance: PLOVER codes a commitment
/// to cooperate as AGREE, to act against someone as THREATEN, and a refusal
/// to cooperate as REJECT (CAMEO's 03, 13 and 12).
fn stance_type(cameo: &str, stance: Stance) -> &'static str {
    let base = plover_type(cameo);
    let cooperative = matches!(
        base,
        "CONSULT" | "SUPPORT" | "COOPERATE" | "AID" | "CONCEDE" | "AGREE" | "RETREAT"
    );
    let hostile = matches!(
        base,
        "SANCTION" | "COERCE" | "ASSAULT" | "FIGHT" | "MOBILIZE" | "PROTEST"
    );
    match stance {
        Stance::Intent if cooperative => "AGREE",
        Stance::Intent if hostile => "THREATEN",
        Stance::Refusal if cooperative => "REJECT",
        _ => base,
    }
}

/// Modality from the words governing the verb: negation, then condition,
/// then future, then reported speech.
fn modality_of(
    words: &[&str],
    toks: &[Tok],
    h: &Hit,
    ann: &Annotations,
    has_speech: bool,
) -> Modality {
    if h.speech {
        return Modality::Asserted;
    }
    // the clause before the verb, back to punctuation or a few words
    let mut lo = h.tok;
    while lo > 0 && h.tok - lo < 6 && (toks[lo - 1].word || words[lo - 1] == "'") {
        lo -= 1;
    }
    let near = &words[lo..h.tok];
    let clause_start = (0..h.tok)
        .rev()
        .find(|&j| !toks[j].word && matches!(words[j], "," | ";" | ":"))
        .map_or(0, |j| j + 1);
    let clause = &words[clause_start..h.tok];
    if near
        .iter()
        .any(|w| NEGATORS.contains(w) || w.ends_with("N'T") || REFUSAL.contains(w))
    {
        return Modality::Negated;
    }
    if near.iter().any(|w| HYPOTHETICAL.contains(w))
        || clause.iter().any(|w| matches!(*w, "IF" | "UNLESS"))
    {
        return Modality::Hypothetical;
    }
    let future = near.iter().enumerate().any(|(k, w)| {
        FUTURE.contains(w)
            && (!matches!(*w, "SET" | "DUE" | "ABOUT" | "GOING" | "EXPECTED")
                || near.get(k + 1).is_some_and(|n| *n == "TO"))
    }) || near
        .windows(2)
        .any(|p| matches!(p[0], "IS" | "ARE" | "WAS" | "WERE") && p[1] == "TO");
    if future {
        return Modality::Future;
    }
    let vstart = toks[h.tok].start;
    if has_speech
        || ann
            .quotes
            .iter()
            .any(|q| q.start <= vstart && vstart < q.end)
    {
        return Modality::Reported;
    }
    Modality::Asserted
}

#[cfg(test)]
mod tests;
