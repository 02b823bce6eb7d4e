//! Who and how many: named entities with their CAMEO actor codes, quotations
//! with their speakers, and the numbers that matter in conflict news.

use serde::{Deserialize, Serialize};

use crate::Span;

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    /// A person ("John Kerry").
    Person,
    /// An organisation: a government body, an armed force, an international
    /// body, a company or a news agency ("the Syrian army", "NATO", "Reuters").
    Org,
    /// A geopolitical entity: a country, a capital, a city or a province
    /// ("Syria", "Damascus", "Aleppo").
    Gpe,
    /// A place that is not a political unit: a river, a mountain range, a
    /// region ("Golan Heights").
    Loc,
    /// A non-state armed group, rebels, an opposition movement ("Islamic
    /// State", "Nusra Front", "the Syrian opposition").
    Group,
}

impl EntityKind {
    /// The upper-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Gpe => "GPE",
            EntityKind::Loc => "LOC",
            EntityKind::Group => "GROUP",
        }
    }
}

/// How an entity mention was recognised.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityVia {
    /// A phrase of the actor or agent dictionaries, or a composition of
    /// them ("Syrian" + "army").
    #[default]
    Dictionary,
    /// A rule on an unknown capitalised name (a title, a first name, an
    /// organisation suffix, a place preposition).
    Rule,
    /// A short form, an acronym or a pronoun resolved to an earlier (or, for
    /// a headline, later) full mention in the same document.
    Coreference,
}

/// A named entity mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// First character of the mention.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// What kind of entity it is.
    pub kind: EntityKind,
    /// The canonical name, the same for every mention of the same actor in
    /// a document ("Kerry" and "US Secretary of State John Kerry" are both
    /// "John Kerry").
    pub canonical: String,
    /// ISO 3166 alpha-3 / CAMEO country code, when the entity belongs to a
    /// country.
    pub country: Option<String>,
    /// CAMEO actor code (`USAGOV`, `SYRMIL`, `IMGMUSISI`, `---REB` when the
    /// country is unknown), when one applies.
    pub code: Option<String>,
    /// The title or descriptor that gave a person their code ("US
    /// Secretary of State" before "John Kerry").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<Span>,
    /// How the mention was recognised.
    #[serde(default)]
    pub via: EntityVia,
}

impl Entity {
    /// The mention's span.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }
}

/// A quotation and who said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// First character of the quotation, its opening mark included.
    pub start: usize,
    /// One past its last character, its closing mark included (for a quote
    /// running over several paragraphs, the end of the last one).
    pub end: usize,
    /// The speaker: the canonical name of the entity it resolves to, else
    /// the attribution as written ("a senior Western diplomat"); `None`
    /// when the text does not say.
    pub speaker: Option<String>,
    /// Where the speaker is named in the text ("Kerry", "he").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub speaker_span: Option<Span>,
    /// The speaker's CAMEO actor code, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub speaker_code: Option<String>,
    /// The attribution verb ("said", "told", "according to").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cue: Option<Span>,
}

/// What a number in the text counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// People killed ("killed 129 people", "the death toll rose to 46").
    Killed,
    /// People wounded or injured.
    Wounded,
    /// Casualties not told apart ("200 casualties").
    Casualties,
    /// People displaced, fleeing, made refugees.
    Displaced,
    /// People missing.
    Missing,
    /// People detained, arrested, captured, taken hostage.
    Detained,
    /// Armed personnel or materiel ("5,000 troops", "30 warplanes").
    Forces,
    /// A length of time ("72-hour", "three days").
    Duration,
}

/// A number that matters: casualties, forces, durations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// First character of the phrase.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// The phrase as written ("at least 26 people were killed").
    pub text: String,
    /// What is counted.
    pub kind: QuantityKind,
    /// The number. Vague amounts give their lower bound ("dozens" 24,
    /// "hundreds" 200) with `approx` set; `None` when no number is given.
    pub value: Option<u64>,
    /// True for vague or approximate amounts ("dozens", "about 40").
    pub approx: bool,
    /// TIMEX3-style modifier: `MORE_THAN`, `LESS_THAN`, `EQUAL_OR_MORE`
    /// ("at least"), `EQUAL_OR_LESS` ("up to"), `APPROX`.
    pub r#mod: Option<String>,
    /// What is counted, as written ("people", "civilians", "troops", "hour").
    pub unit: Option<String>,
    /// For durations: the ISO 8601 value (`PT72H`, `P3D`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub duration: Option<String>,
    /// Where the number itself is ("129" in "killed 129 people").
    pub number: Span,
}
