//! Sentences, entities with CAMEO actor codes, quotes with their speakers,
//! and the numbers that matter (casualties, counts of forces, durations) in
//! English news.
//!
//! An [`Annotator`] compiles the bundled CAMEO/PETRARCH actor and agent
//! dictionaries (Phoenix, plus a hand-kept file for the groups of the Syrian
//! war after 2014; see `data/README.md`) into one Aho-Corasick automaton,
//! once. It is `Send + Sync`: share one across threads.
//!
//! - [`Annotator::sentences`]: sentence spans that know news abbreviations
//!   ("U.S.", "Gen.", "a.m."), initials, quotes and datelines.
//! - [`Annotator::annotate`]: sentences, [`Entity`]s (kind, canonical name,
//!   country, actor code: "US Secretary of State John Kerry" → John Kerry,
//!   `USAGOV`; "the Syrian army" → `SYRMIL`; "Daesh" → Islamic State,
//!   `IMGMUSISI`), [`Quote`]s with their speakers resolved through
//!   coreference ("he said" → John Kerry), and [`Quantity`]s ("killed 129
//!   people", "5,000 troops", "72-hour").
//!
//! Dictionary roles are dated (`[USAGOV >130201]`): give the publication
//! date to [`Annotator::annotate_at`] to get the role of that day; without
//! one, the latest role is used.
//!
//! All offsets are **character** offsets into the text. No input makes the
//! annotator panic, and time is linear in the text.
//!
//! ```
//! use dateline_annotate::{Annotator, EntityKind, QuantityKind};
//!
//! let annotator = Annotator::new();
//! let text = "US Secretary of State John Kerry said the Syrian army must stop. \
//!             \"We are talking about weeks,\" he said. The attacks killed 129 people.";
//! let found = annotator.annotate(text);
//! assert_eq!(found.sentences.len(), 3);
//!
//! let kerry = &found.entities[0];
//! assert_eq!((kerry.text.as_str(), kerry.kind), ("John Kerry", EntityKind::Person));
//! assert_eq!(kerry.code.as_deref(), Some("USAGOV"));
//! let army = found.entities.iter().find(|e| e.text == "Syrian army").unwrap();
//! assert_eq!(army.code.as_deref(), Some("SYRMIL"));
//!
//! assert_eq!(found.quotes[0].speaker.as_deref(), Some("John Kerry"));
//! assert_eq!(found.quantities[0].kind, QuantityKind::Killed);
//! assert_eq!(found.quantities[0].value, Some(129));
//! ```
#![warn(missing_docs)]

mod dict;
mod entity;
mod lexicon;
mod quantity;
mod quote;
mod sentence;
#[cfg(test)]
mod testutil;
mod text;
mod token;

pub use dateline_core::{Entity, EntityKind, EntityVia, Quantity, QuantityKind, Quote, Span};

use jiff::civil::Date;

use crate::dict::Dictionary;
use crate::entity::{Ctx, Ent, Words};
use crate::text::CharMap;
use crate::token::Tokens;

/// Errors of building an annotator from dictionaries.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The dictionaries could not be compiled into an automaton.
    #[error("compiling the dictionaries: {0}")]
    Dictionary(#[from] aho_corasick::BuildError),
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// The bundled dictionaries, in priority order (see `data/README.md`).
const BUNDLED_ACTORS: &[&str] = &[
    include_str!("../data/dateline.actors.txt"),
    include_str!("../data/phoenix.countries.actors.txt"),
    include_str!("../data/phoenix.international.actors.txt"),
    include_str!("../data/phoenix.nonstate.actors.txt"),
];
const BUNDLED_AGENTS: &[&str] = &[
    include_str!("../data/dateline.agents.txt"),
    include_str!("../data/phoenix.agents.txt"),
];

/// What [`Annotator::annotate`] finds in a text. Offsets are characters;
/// serialises to the output contract's field names.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Annotations {
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// Entity mentions, in order, not overlapping.
    pub entities: Vec<Entity>,
    /// Quotations, in order.
    pub quotes: Vec<Quote>,
    /// Casualty figures, counts of forces and durations, in order.
    pub quantities: Vec<Quantity>,
}

/// Builds an [`Annotator`] from the bundled dictionaries and any extra ones.
#[derive(Debug, Default)]
pub struct AnnotatorBuilder {
    actors: Vec<String>,
    agents: Vec<String>,
    without_bundled: bool,
}

impl AnnotatorBuilder {
    /// Adds an actor dictionary (TABARI/PETRARCH format). Added
    /// dictionaries win over the bundled ones, the first added first.
    pub fn actors(mut self, text: impl Into<String>) -> AnnotatorBuilder {
        self.actors.push(text.into());
        self
    }

    /// Adds an agent dictionary (PETRARCH format), before the bundled ones.
    pub fn agents(mut self, text: impl Into<String>) -> AnnotatorBuilder {
        self.agents.push(text.into());
        self
    }

    /// Leaves the bundled dictionaries out: only the added ones are used.
    pub fn without_bundled(mut self) -> AnnotatorBuilder {
        self.without_bundled = true;
        self
    }

    /// Compiles the dictionaries.
    pub fn build(self) -> Result<Annotator> {
        let mut actors: Vec<&str> = self.actors.iter().map(String::as_str).collect();
        let mut agents: Vec<&str> = self.agents.iter().map(String::as_str).collect();
        if !self.without_bundled {
            actors.extend(BUNDLED_ACTORS);
            agents.extend(BUNDLED_AGENTS);
        }
        Ok(Annotator {
            dict: Dictionary::build(&actors, self.actors.len(), &agents)?,
            words: Words::new(),
        })
    }
}

/// Annotates news text. Build once (it compiles the dictionaries), share
/// across threads.
#[derive(Debug)]
pub struct Annotator {
    dict: Dictionary,
    words: Words,
}

/// Sentence spans of `text`, in characters. Needs no dictionaries, so it
/// costs nothing to set up.
pub fn sentences(text: &str) -> Vec<Span> {
    let map = CharMap::new(text);
    sentence::split(text)
        .into_iter()
        .map(|(a, b)| Span {
            start: map.char_of(a),
            end: map.char_of(b),
        })
        .collect()
}

impl Default for Annotator {
    fn default() -> Annotator {
        Annotator::new()
    }
}

impl Annotator {
    /// An annotator with the bundled dictionaries.
    pub fn new() -> Annotator {
        #[allow(clippy::expect_used)]
        AnnotatorBuilder::default()
            .build()
            .expect("the bundled dictionaries compile")
    }

    /// A builder, to add dictionaries (e.g. PETRARCH's validation actors).
    pub fn builder() -> AnnotatorBuilder {
        AnnotatorBuilder::default()
    }

    /// The number of phrases in the compiled automaton.
    pub fn dictionary_size(&self) -> usize {
        self.dict.len()
    }

    /// Sentence spans of `text`, in characters (see [`sentences`]).
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        sentences(text)
    }

    /// Annotates `text` without a publication date: dictionary roles are
    /// the latest ones.
    pub fn annotate(&self, text: &str) -> Annotations {
        self.annotate_at(text, None)
    }

    /// Annotates `text` as published on `published`: each actor gets the
    /// role its dictionary record gives for that day.
    pub fn annotate_at(&self, text: &str, published: Option<Date>) -> Annotations {
        let date = published.map(|d| {
            let y = u32::try_from(d.year()).unwrap_or(0);
            y * 10_000 + d.month() as u32 * 100 + d.day() as u32
        });
        let toks = Tokens::new(text);
        let sents = sentence::split(text);
        let (sent_of, sent_first) = sentence_index(&toks, &sents);
        let cx = Ctx {
            dict: &self.dict,
            words: &self.words,
            toks: &toks,
            sent_of: &sent_of,
            sent_first: &sent_first,
            date,
        };
        let matches = self.dict.find(&toks);
        let mut ents = entity::recognize(&cx, &matches);
        let quotes = quote::find(&cx, &mut ents);
        let quantities = quantity::find(&cx);

        let map = CharMap::new(text);
        let span = |a: usize, b: usize| Span {
            start: map.char_of(a),
            end: map.char_of(b),
        };
        let tok_span = |a: usize, b: usize| {
            let (s, e) = toks.span(a, b);
            span(s, e)
        };
        Annotations {
            sentences: sents.iter().map(|&(a, b)| span(a, b)).collect(),
            entities: ents
                .into_iter()
                .map(|e| to_entity(text, &toks, &map, e))
                .collect(),
            quotes: quotes
                .into_iter()
                .map(|q| {
                    let s = span(q.start, q.end);
                    Quote {
                        start: s.start,
                        end: s.end,
                        speaker: q.speaker,
                        speaker_span: q.speaker_tokens.map(|(a, b)| tok_span(a, b)),
                        speaker_code: q.speaker_code,
                        cue: q.cue.map(|(a, b)| tok_span(a, b)),
                    }
                })
                .collect(),
            quantities: quantities
                .into_iter()
                .map(|q| {
                    let s = tok_span(q.a, q.b);
                    Quantity {
                        start: s.start,
                        end: s.end,
                        text: surface(text, &toks, q.a, q.b),
                        kind: q.kind,
                        value: q.value,
                        approx: q.approx,
                        r#mod: q.modifier.map(str::to_string),
                        unit: q.unit,
                        duration: q.duration,
                        number: tok_span(q.num.0, q.num.1),
                    }
                })
                .collect(),
        }
    }
}

fn surface(text: &str, toks: &Tokens, a: usize, b: usize) -> String {
    let (s, e) = toks.span(a, b);
    text.get(s..e).unwrap_or("").to_string()
}

fn to_entity(text: &str, toks: &Tokens, map: &CharMap, e: Ent) -> Entity {
    let (s, t) = toks.span(e.a, e.b);
    Entity {
        start: map.char_of(s),
        end: map.char_of(t),
        text: text.get(s..t).unwrap_or("").to_string(),
        kind: e.kind,
        canonical: e.canonical,
        country: e.country,
        code: e.code,
        title: e.title.map(|(a, b)| {
            let (s, t) = toks.span(a, b);
            Span {
                start: map.char_of(s),
                end: map.char_of(t),
            }
        }),
        via: e.via,
    }
}

/// The sentence of each token, and the first token of each sentence.
fn sentence_index(toks: &Tokens, sents: &[(usize, usize)]) -> (Vec<u32>, Vec<usize>) {
    let mut of = Vec::with_capacity(toks.len());
    let mut first = vec![toks.len(); sents.len().max(1)];
    let mut s = 0usize;
    for (i, t) in toks.toks.iter().enumerate() {
        while s + 1 < sents.len() && sents[s].1 <= t.start {
            s += 1;
        }
        if first.get(s).is_some_and(|&f| f > i)
            && let Some(f) = first.get_mut(s)
        {
            *f = i;
        }
        of.push(s as u32);
    }
    (of, first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotator_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Annotator>();
    }

    #[test]
    fn offsets_are_characters() {
        let an = testutil::annotator();
        let text = "Le président François Hollande a parlé. « Non », a dit Kerry à Paris.";
        let found = an.annotate(text);
        for e in &found.entities {
            let slice: String = text.chars().skip(e.start).take(e.end - e.start).collect();
            assert_eq!(slice, e.text);
        }
        let paris = found
            .entities
            .iter()
            .find(|e| e.text == "Paris")
            .expect("Paris");
        assert_eq!(paris.country.as_deref(), Some("FRA"));
        let hollande = found
            .entities
            .iter()
            .find(|e| e.canonical == "Francois Hollande")
            .expect("Hollande");
        assert_eq!(hollande.text, "François Hollande");
    }

    #[test]
    fn serialises_to_the_contract_names() {
        let an = testutil::annotator();
        let found = an.annotate("\"It is over,\" John Kerry said after 26 people were killed.");
        let json = serde_json::to_value(&found).expect("serialisable");
        let e = &json["entities"][0];
        assert_eq!(e["kind"], "PERSON");
        assert_eq!(e["canonical"], "John Kerry");
        assert_eq!(e["code"], "USAGOV");
        assert_eq!(e["country"], "USA");
        assert_eq!(e["text"], "John Kerry");
        assert_eq!(json["quotes"][0]["speaker"], "John Kerry");
        assert_eq!(json["quantities"][0]["kind"], "killed");
        assert_eq!(json["quantities"][0]["value"], 26);
        assert_eq!(json["sentences"][0]["start"], 0);
    }

    #[test]
    fn dated_roles() {
        let an = testutil::annotator();
        let text = "John Kerry spoke.";
        let at = |y, m, d| {
            an.annotate_at(text, Some(jiff::civil::date(y, m, d)))
                .entities[0]
                .code
                .clone()
        };
        assert_eq!(at(2015, 11, 17).as_deref(), Some("USAGOV"));
        assert_eq!(at(2010, 1, 1).as_deref(), Some("USAGOVLEG"));
        assert_eq!(
            an.annotate(text).entities[0].code.as_deref(),
            Some("USAGOV")
        );
    }

    #[test]
    fn extra_dictionaries_win() {
        let an = Annotator::builder()
            .actors("ARNOR_ [ARN]\nGONDOR [GON]\n")
            .agents("ORC_CHIEFTAIN [~MIL]\n")
            .build()
            .expect("builds");
        let found = an.annotate("Arnor attacked Gondor. The Gondor orc chieftains fled.");
        let codes: Vec<_> = found
            .entities
            .iter()
            .filter_map(|e| e.code.as_deref())
            .collect();
        assert_eq!(codes, ["ARN", "GON", "GONMIL"]);
    }

    #[test]
    fn extra_dictionaries_win_over_bundled_dated_roles() {
        // The bundled KUWAIT_ record is dated ([KWT >910206]); an added
        // dictionary's undated KUWAIT [KUW] still names the country.
        let an = Annotator::builder()
            .actors("KUWAIT  [KUW]\n")
            .build()
            .expect("builds");
        let text = "The Kuwaiti government is about to restore full diplomatic ties with Libya.";
        let found = an.annotate_at(text, Some(jiff::civil::date(1995, 1, 1)));
        let gov = testutil::ent(&found.entities, "Kuwaiti government");
        assert_eq!(gov.code.as_deref(), Some("KUWGOV"));
        // Without an added record, the bundled dated role holds.
        let found = testutil::annotator().annotate_at(text, Some(jiff::civil::date(1995, 1, 1)));
        let gov = testutil::ent(&found.entities, "Kuwaiti government");
        assert_eq!(gov.code.as_deref(), Some("KWTGOV"));
    }
}
