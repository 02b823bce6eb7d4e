//! The actor and agent dictionaries, compiled once into one Aho-Corasick
//! automaton over the normalised token stream (see [`crate::token`]).
//!
//! Compilation:
//!
//! 1. actor records are read in priority order (hand-kept file first, then
//!    the Phoenix countries, international and non-state files); records
//!    with the same normalised primary phrase are merged ("BASHAR_AL_ASSAD_"
//!    and "BASHAR_AL-ASSAD" are one person), the first one naming it;
//! 2. each record gets a kind: a person (marked, or a first name, or a title
//!    among its phrases), a place (its code is a bare country code: a
//!    country and its capitals, cities and provinces), else an armed group
//!    or an organisation by its code;
//! 3. each phrase gets a form: in a country record, variants and demonyms
//!    ("Syrian", "U.S.") name the country while cities ("Damascus") are
//!    places of their own; in a person's record, "ASSAD_REGIME" names the
//!    government, not the man; in a group's record, "RAMI_ABDULRAHMAN" is a
//!    person of the group;
//! 4. agent phrases ("army", "Foreign Minister", "rebels") are added with
//!    their code suffix;
//! 5. every phrase becomes one pattern `" W1  W2 "` of one leftmost-longest
//!    automaton; a phrase shared by several records keeps them all, in
//!    priority order, and the one with a role valid at the document date
//!    wins.

pub(crate) mod tabari;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use dateline_core::EntityKind;

use self::tabari::{RawActor, RawAgent, Role, parse_actors, parse_agents};
use crate::lexicon::{
    self, COUNTRY_NAMES, COUNTRY_WORDS, DEMONYMS, INSTITUTION_WORDS, LOC_WORDS, LOWER_IN_NAMES,
    WordHash, WordSet,
};
use crate::token::{Kind, Token, Tokens};

/// An actor: a person, a place, an organisation or a group.
#[derive(Debug)]
pub(crate) struct Actor {
    pub(crate) canonical: Box<str>,
    pub(crate) kind: EntityKind,
    pub(crate) roles: Vec<Role>,
    /// Its code is a bare country code: a country or a place in one.
    pub(crate) place: bool,
    /// An office ("US_SECRETARY_OF_STATE"): a title when a name follows.
    pub(crate) office: bool,
}

/// How one phrase of an actor's record names something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// The actor itself.
    Same,
    /// A place of the actor's country with its own name ("Damascus").
    Place { name: u32, kind: EntityKind },
    /// The actor's government or camp ("Assad regime"): named after its code.
    Institution,
    /// A person listed in a group's record.
    Person { name: u32 },
}

/// What a pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Actor { actor: u32, form: Form },
    Agent(u32),
}

/// What the capitalisation of a match must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// A 1–3 letter acronym ("US", "IS", "UN"): all capitals, and not in a
    /// run of capitals.
    Acronym,
    /// A 4-letter single word ("NATO", "ISIL"): capitalised.
    Short,
    /// A name: its first word capitalised.
    Proper,
    /// A common noun phrase (agents): any case.
    Common,
}

#[derive(Debug)]
struct Pattern {
    first: u32,
    len: u32,
    case: Case,
}

/// An agent: a role noun whose code is added to an actor's.
#[derive(Debug)]
pub(crate) struct Agent {
    pub(crate) code: Box<str>,
    pub(crate) prefix: bool,
}

/// Display data of a country code.
#[derive(Debug)]
pub(crate) struct Country {
    pub(crate) name: Box<str>,
    pub(crate) demonym: Box<str>,
}

/// One dictionary match over tokens `a..b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Match {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) pattern: u32,
}

/// The compiled dictionaries.
#[derive(Debug)]
pub(crate) struct Dictionary {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
    targets: Vec<Target>,
    pub(crate) actors: Vec<Actor>,
    pub(crate) agents: Vec<Agent>,
    pub(crate) names: Vec<Box<str>>,
    countries: HashMap<Box<str>, Country, WordHash>,
    acronym_words: WordSet,
    /// Hashes of the first words of all patterns: a token whose word is
    /// not among them starts no match, and the automaton is not asked.
    starts: HashSet<u64, BuildHasherDefault<IdHasher>>,
}

/// FNV-1a, for the first-word prefilter.
fn fnv(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A hasher for keys that are hashes already.
#[derive(Debug, Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Normalises a dictionary phrase into its token words.
fn phrase_words(phrase: &str) -> Vec<String> {
    let text = phrase.replace('_', " ");
    let toks = Tokens::new(text.trim());
    (0..toks.len()).map(|i| toks.norm(i).to_string()).collect()
}

/// The pattern string `" W1  W2 "`, dropping a leading "THE".
fn pattern_of(words: &[String]) -> Option<String> {
    let words = match words.split_first() {
        Some((first, rest)) if first == "THE" && !rest.is_empty() => rest,
        _ => words,
    };
    if words.is_empty() {
        return None;
    }
    let mut s = String::with_capacity(words.iter().map(|w| w.len() + 2).sum());
    for w in words {
        s.push(' ');
        s.push_str(w);
        s.push(' ');
    }
    Some(s)
}

/// How to case a display name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// Words capitalised, particles in lowercase.
    Person,
    /// As a person, single words too.
    Place,
    /// Short words kept in capitals ("NATO", "UN Security Council").
    Org,
}

/// "BASHAR_AL-ASSAD" → "Bashar al-Assad"; "NATO" → "NATO".
pub(crate) fn display_name(phrase: &str, style: Style) -> String {
    let person = style != Style::Org;
    let phrase = phrase.trim_matches(|c: char| c == '_' || c.is_whitespace());
    // A phrase written in mixed case is its own display name
    // ("Ban_Ki-moon" in the hand-kept file).
    if phrase.chars().any(char::is_lowercase) && phrase.chars().any(char::is_uppercase) {
        return phrase.replace('_', " ");
    }
    let mut words: Vec<&str> = phrase.split(['_', ' ']).filter(|w| !w.is_empty()).collect();
    if words.len() > 1 && words[0].eq_ignore_ascii_case("THE") {
        words.remove(0);
    }
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    if let [w] = words.as_slice()
        && style == Style::Org
        && (letters(w) <= 4 || !w.chars().any(|c| "AEIOUaeiou".contains(c)))
    {
        return w.to_uppercase();
    }
    let mut out = String::with_capacity(phrase.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let upper = w.to_uppercase();
        if i > 0 && matches!(upper.as_str(), "II" | "III" | "IV" | "VI" | "VII" | "VIII") {
            out.push_str(&upper);
            continue;
        }
        if !person
            && letters(w) <= 3
            && !w.chars().any(char::is_lowercase)
            && !LOWER_IN_NAMES.contains(&upper.as_str())
            && !matches!(
                upper.as_str(),
                "NEW" | "OLD" | "RED" | "SAN" | "ABU" | "BAN" | "KI"
            )
        {
            out.push_str(&upper);
            continue;
        }
        // Hyphenated parts are cased one by one: "AL-ASSAD" → "al-Assad".
        for (j, part) in w.split('-').enumerate() {
            if j > 0 {
                out.push('-');
            }
            let lower = (i, j) != (0, 0) && LOWER_IN_NAMES.contains(&part.to_uppercase().as_str());
            // "MCCAIN" → "McCain".
            let mc = !lower && part.len() > 3 && part.to_uppercase().starts_with("MC");
            for (k, c) in part.chars().enumerate() {
                if (k == 0 || mc && k == 2) && !lower {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
    out
}

/// The code a record has on `date` (`YYYYMMDD`), or its latest one.
pub(crate) fn code_at(roles: &[Role], date: Option<u32>) -> Option<&str> {
    match date {
        Some(d) => {
            let dated = roles
                .iter()
                .filter(|r| r.dated() && r.covers(d))
                .max_by_key(|r| r.from.unwrap_or(0));
            match dated {
                Some(r) => r.code.as_deref(),
                None => roles
                    .iter()
                    .find(|r| !r.dated())
                    .and_then(|r| r.code.as_deref()),
            }
        }
        None => {
            let latest = roles
                .iter()
                .filter(|r| r.dated())
                .max_by_key(|r| (r.to.unwrap_or(u32::MAX), r.from.unwrap_or(0)));
            let default = roles.iter().find(|r| !r.dated());
            match (latest, default) {
                // An open-ended role is the current one.
                (Some(l), _) if l.to.is_none() => l.code.as_deref(),
                (_, Some(d)) => d.code.as_deref(),
                (Some(l), None) => l.code.as_deref(),
                (None, None) => None,
            }
        }
    }
}

fn is_country_code(code: &str) -> bool {
    code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && !NOT_COUNTRIES.contains(&code)
}

/// Codes of actors above countries: never a country, whatever follows.
const INTERNATIONAL: &[&str] = &["IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "INT"];

/// Agent suffixes that only a country's institutions carry.
const COUNTRY_AGENTS: &[&str] = &["GOV", "MIL", "COP", "LEG", "JUD", "SPY"];

/// Three-letter codes that are sectors or kinds of actor, not countries.
const NOT_COUNTRIES: &[&str] = &[
    "IGO", "NGO", "NGM", "IMG", "MNC", "MED", "UIS", "INT", "REB", "OPP", "GOV", "MIL", "COP",
    "JUD", "LEG", "SPY", "BUS", "CVL", "EDU", "ELI", "HLH", "HRI", "LAB", "REF", "REL", "RAD",
    "MOD", "UAF", "INS", "CRM", "SEP", "PTY", "AGR", "DEV", "ENV", "MUS", "CHR", "JEW", "BUD",
    "HIN", "SIK", "PPL", "ATH", "BAH", "CON", "DRZ", "HIN", "ITH", "JAN", "SHN", "SHI", "SUN",
    "TAO", "ZRO",
];

/// Is `syn` another name of the country or place `primary` ("SYRIAN" of
/// "SYRIA", "US" of "UNITED STATES OF AMERICA") rather than a place in it?
fn is_variant(syn: &[String], primary: &[String], code: &str) -> bool {
    let strip = |w: &[String]| -> Vec<String> {
        w.iter()
            .filter(|x| x.as_str() != "THE" && x.as_str() != "(" && x.as_str() != ")")
            .cloned()
            .collect()
    };
    let (syn, primary) = (strip(syn), strip(primary));
    let Some(first) = syn.first() else {
        return false;
    };
    if syn
        .iter()
        .any(|w| w == "CITY" || w == "PROVINCE" || w == "GOVERNORATE")
    {
        return false;
    }
    if COUNTRY_WORDS
        .iter()
        .any(|(w, c)| *w == first.as_str() && *c == code)
    {
        return true;
    }
    // Acronyms: "US", "USA", "UK", "UAE".
    if syn.len() == 1 && first.len() <= 4 && first.chars().all(|c| c.is_ascii_uppercase()) {
        let initials: String = primary
            .iter()
            .filter(|w| !matches!(w.as_str(), "OF" | "AND"))
            .filter_map(|w| w.chars().next())
            .collect();
        if first.len() >= 2 && initials.starts_with(first.as_str()) {
            return true;
        }
    }
    let prefix = |a: &str, b: &str| a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    primary.iter().any(|p| {
        let n = prefix(first, p);
        if first == p {
            return true;
        }
        if n < 4 || p.len() < 4 {
            return false;
        }
        // A shorter form is a variant only when it reads as a demonym
        // ("AFGHAN"), not a capital ("TUNIS" of "TUNISIA").
        first.len() >= p.len()
            || ["AN", "I", "ISH", "ESE", "CH"]
                .iter()
                .any(|e| first.ends_with(e))
    })
}

/// Kind of an actor record that is not a place.
fn record_kind(
    raw: &RawActor,
    words: &[String],
    code: Option<&str>,
    first_names: &WordSet,
) -> EntityKind {
    let org_word = |w: &String| {
        lexicon::ORG_SUFFIXES.contains(&w.as_str())
            || lexicon::GROUP_SUFFIXES.contains(&w.as_str())
            || INSTITUTION_WORDS.contains(&w.as_str())
    };
    let has_org_word = words.iter().any(org_word);
    if raw.person && !has_org_word {
        return EntityKind::Person;
    }
    if !has_org_word && words.len() >= 2 && words.len() <= 5 {
        let first = words.first().map_or("", String::as_str);
        if first_names.has(first) {
            return EntityKind::Person;
        }
        // A title before the surname among its phrases: "PRESIDENT_HOLLANDE".
        let last = words.last().map_or("", String::as_str);
        let titled = raw.names.iter().skip(1).any(|n| {
            let w = phrase_words(n);
            w.len() == 2
                && w.last().map(String::as_str) == Some(last)
                && matches!(
                    w[0].as_str(),
                    "PRESIDENT"
                        | "SECRETARY"
                        | "MR"
                        | "MRS"
                        | "MS"
                        | "SENATOR"
                        | "MINISTER"
                        | "PRIME"
                        | "KING"
                        | "PRINCE"
                        | "GENERAL"
                        | "CHANCELLOR"
                        | "DR"
                        | "AMBASSADOR"
                        | "SHEIKH"
                        | "SECRETARY-GENERAL"
                        | "EMIR"
                )
        });
        if titled {
            return EntityKind::Person;
        }
    }
    kind_of_code(code)
}

/// ORG or GROUP, from a code.
pub(crate) fn kind_of_code(code: Option<&str>) -> EntityKind {
    let Some(code) = code else {
        return EntityKind::Org;
    };
    if code.starts_with("IMG") {
        return EntityKind::Group;
    }
    let segments = |i: usize| code.get(i..i + 3);
    if (0..code.len())
        .step_by(3)
        .any(|i| matches!(segments(i), Some("HRI" | "NGO" | "MED")))
    {
        return EntityKind::Org;
    }
    let mut i = 0;
    while i + 3 <= code.len() {
        if let Some(part) = code.get(i..i + 3)
            && lexicon::is_group_code(part)
            && i > 0
        {
            return EntityKind::Group;
        }
        i += 3;
    }
    if code.len() == 3 && lexicon::is_group_code(code) {
        return EntityKind::Group;
    }
    EntityKind::Org
}

impl Dictionary {
    /// Compiles actor texts (highest priority first; the first `added`
    /// are dictionaries added to the bundled ones) and agent texts.
    pub(crate) fn build(
        actor_texts: &[&str],
        added: usize,
        agent_texts: &[&str],
    ) -> Result<Dictionary, aho_corasick::BuildError> {
        let first_names = WordSet::new(&[lexicon::FIRST_NAMES]);
        // 1. Records, merged by primary phrase.
        let mut records: Vec<(RawActor, Vec<String>)> = Vec::new();
        let mut by_primary: HashMap<String, usize> = HashMap::new();
        // The file each record was first read from.
        let mut record_source: Vec<usize> = Vec::new();
        let mut hand_count = 0;
        for (source, text) in actor_texts.iter().enumerate() {
            let first_pass = records.len();
            let hand_records = if source == 0 { usize::MAX } else { hand_count };
            for raw in parse_actors(text) {
                let Some(primary) = raw.names.first() else {
                    continue;
                };
                let words = phrase_words(primary);
                let Some(key) = pattern_of(&words) else {
                    continue;
                };
                match by_primary.get(&key) {
                    Some(&i) => {
                        let (into, _) = &mut records[i];
                        into.person |= raw.person;
                        // The spelling with hyphens names the merged record:
                        // "BASHAR_AL-ASSAD" rather than "BASHAR_AL_ASSAD_".
                        if i >= hand_records
                            && primary.contains('-')
                            && !into.names[0].contains('-')
                        {
                            into.names.insert(0, primary.clone());
                        }
                        for n in raw.names {
                            if !into.names.contains(&n) {
                                into.names.push(n);
                            }
                        }
                        // An added dictionary's codes win: its "KUWAIT
                        // [KUW]" is not dated away by the bundled "[KWT
                        // >910206]".
                        if record_source[i] >= added || source < added || into.roles.is_empty() {
                            for r in raw.roles {
                                if !into.roles.contains(&r) {
                                    into.roles.push(r);
                                }
                            }
                        }
                    }
                    None => {
                        by_primary.insert(key, records.len());
                        records.push((raw, words));
                        record_source.push(source);
                    }
                }
            }
            // The first (hand-kept) file's synonyms are aliases: a later
            // record whose primary phrase is one of them joins its record
            // ("SERGEY_LAVROV_" joins "SERGEI_LAVROV").
            if source == 0 {
                hand_count = records.len();
                for (i, (raw, _)) in records.iter().enumerate().skip(first_pass) {
                    for n in raw.names.iter().skip(1) {
                        if let Some(key) = pattern_of(&phrase_words(n)) {
                            by_primary.entry(key).or_insert(i);
                        }
                    }
                }
            }
        }

        // A sector-looking code that other records extend with an agent
        // ("ITHILEN [ITH]" beside "ITHILEN MILITARY [ITHMIL]") is used as a
        // country code by these dictionaries.
        let mut prefixes: HashSet<String> = HashSet::new();
        for (raw, _) in &records {
            for r in &raw.roles {
                if let Some(c) = r.code.as_deref()
                    && let (Some(p), Some(s)) = (c.get(..3), c.get(3..))
                    && NOT_COUNTRIES.contains(&p)
                    && !INTERNATIONAL.contains(&p)
                    && COUNTRY_AGENTS.contains(&s)
                {
                    prefixes.insert(p.to_string());
                }
            }
        }
        let is_country_code = |c: &str| is_country_code(c) || prefixes.contains(c);

        // 2. Countries: the place record with most phrases names the code.
        let mut country_record: HashMap<String, usize> = HashMap::new();
        for (i, (raw, _)) in records.iter().enumerate() {
            if raw.person {
                continue;
            }
            for r in &raw.roles {
                let Some(code) = r.code.as_deref() else {
                    continue;
                };
                if !is_country_code(code) {
                    continue;
                }
                let better = match country_record.get(code) {
                    Some(&j) => records[j].0.names.len() < raw.names.len(),
                    None => true,
                };
                if better {
                    country_record.insert(code.to_string(), i);
                }
            }
        }
        let mut countries: HashMap<Box<str>, Country, WordHash> = HashMap::default();
        for (code, &i) in &country_record {
            let (raw, _) = &records[i];
            let name = COUNTRY_NAMES
                .iter()
                .find(|(c, _)| c == code)
                .map(|(_, n)| n.to_string())
                .unwrap_or_else(|| display_name(&raw.names[0], Style::Place));
            let demonym = DEMONYMS
                .iter()
                .find(|(c, _)| c == code)
                .map(|(_, d)| d.to_string())
                .or_else(|| {
                    let stem: String = name.to_uppercase().chars().take(3).collect();
                    raw.names.iter().skip(1).find_map(|n| {
                        let w = phrase_words(n);
                        let one = w.first()?;
                        (w.len() == 1
                            && one.starts_with(&stem)
                            && ["AN", "ESE", "I", "ISH"].iter().any(|e| one.ends_with(e)))
                        .then(|| display_name(one, Style::Place))
                    })
                })
                .unwrap_or_else(|| name.clone());
            countries.insert(
                code.as_str().into(),
                Country {
                    name: name.into(),
                    demonym: demonym.into(),
                },
            );
        }

        // 3. Actors and the forms of their phrases.
        let mut actors = Vec::with_capacity(records.len());
        let mut names: Vec<Box<str>> = Vec::new();
        let mut map: HashMap<String, Vec<Target>> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut add = |map: &mut HashMap<String, Vec<Target>>, key: String, t: Target| {
            let list = map.entry(key.clone()).or_insert_with(|| {
                order.push(key);
                Vec::new()
            });
            let same_actor = |x: &Target| match (x, &t) {
                (Target::Actor { actor: a, .. }, Target::Actor { actor: b, .. }) => a == b,
                (Target::Agent(_), Target::Agent(_)) => true,
                _ => false,
            };
            if !list.iter().any(same_actor) {
                list.push(t);
            }
        };
        for (i, (raw, words)) in records.iter().enumerate() {
            let code = code_at(&raw.roles, None);
            let place = !raw.person
                && code.is_some_and(is_country_code)
                && raw.roles.iter().all(|r| {
                    r.code
                        .as_deref()
                        .is_none_or(|c| c.get(..3).is_some_and(is_country_code))
                });
            let is_country = place && code.is_some_and(|c| country_record.get(c) == Some(&i));
            let kind = if place {
                if words.iter().any(|w| LOC_WORDS.contains(&w.as_str())) {
                    EntityKind::Loc
                } else {
                    EntityKind::Gpe
                }
            } else {
                record_kind(raw, words, code, &first_names)
            };
            let canonical: Box<str> = if is_country {
                code.and_then(|c| countries.get(c))
                    .map(|c| c.name.clone())
                    .unwrap_or_else(|| display_name(&raw.names[0], Style::Place).into())
            } else {
                let style = match kind {
                    EntityKind::Person => Style::Person,
                    EntityKind::Gpe | EntityKind::Loc => Style::Place,
                    _ => Style::Org,
                };
                display_name(&raw.names[0], style).into()
            };
            let id = actors.len() as u32;
            let office = !place
                && kind != EntityKind::Person
                && words
                    .iter()
                    .any(|w| lexicon::OFFICE_WORDS.contains(&w.as_str()));
            actors.push(Actor {
                canonical,
                kind,
                roles: raw.roles.clone(),
                place,
                office,
            });
            for (n, name) in raw.names.iter().enumerate() {
                let w = if n == 0 {
                    words.clone()
                } else {
                    phrase_words(name)
                };
                let Some(key) = pattern_of(&w) else {
                    continue;
                };
                if !usable(&w) {
                    continue;
                }
                // "HASSAN", "ABDULLAH" alone name too many people.
                if w.len() == 1 && first_names.has(&w[0]) && !place {
                    continue;
                }
                let form = if n == 0 {
                    Form::Same
                } else if place {
                    if is_variant(&w, words, code.unwrap_or("")) {
                        Form::Same
                    } else {
                        names.push(display_name(name, Style::Place).into());
                        let kind = if w.iter().any(|x| LOC_WORDS.contains(&x.as_str())) {
                            EntityKind::Loc
                        } else {
                            EntityKind::Gpe
                        };
                        Form::Place {
                            name: names.len() as u32 - 1,
                            kind,
                        }
                    }
                } else if w.iter().any(|x| INSTITUTION_WORDS.contains(&x.as_str())) {
                    if kind == EntityKind::Person {
                        Form::Institution
                    } else {
                        Form::Same
                    }
                } else if kind != EntityKind::Person
                    && w.len() >= 2
                    && w.len() <= 5
                    && (first_names.has(&w[0]) || matches!(w[0].as_str(), "ABU" | "ABD" | "SHEIKH"))
                    && !w.iter().any(|x| {
                        lexicon::ORG_SUFFIXES.contains(&x.as_str())
                            || lexicon::GROUP_SUFFIXES.contains(&x.as_str())
                    })
                {
                    names.push(display_name(name, Style::Person).into());
                    Form::Person {
                        name: names.len() as u32 - 1,
                    }
                } else {
                    Form::Same
                };
                add(&mut map, key, Target::Actor { actor: id, form });
            }
        }
        // Irregular demonyms ("French") for the country records.
        for (word, code) in COUNTRY_WORDS {
            if let Some(&i) = country_record.get(*code) {
                add(
                    &mut map,
                    format!(" {word} "),
                    Target::Actor {
                        actor: i as u32,
                        form: Form::Same,
                    },
                );
            }
        }

        // 4. Agents.
        let mut agents: Vec<Agent> = Vec::new();
        let mut agent_of: HashMap<(Box<str>, bool), u32> = HashMap::new();
        for text in agent_texts {
            for RawAgent {
                phrase,
                code,
                prefix,
            } in parse_agents(text)
            {
                let mut w = phrase_words(&phrase);
                // "AMBASSADOR_TO", "EMBASSY_IN": the preposition is not part
                // of the mention.
                while w.len() > 1
                    && w.last().is_some_and(|l| {
                        matches!(
                            l.as_str(),
                            "TO" | "AT"
                                | "FOR"
                                | "IN"
                                | "OF"
                                | "ON"
                                | "THE"
                                | "AND"
                                | "FROM"
                                | "WITH"
                                | "BY"
                        )
                    })
                {
                    w.pop();
                }
                let Some(key) = pattern_of(&w) else {
                    continue;
                };
                if map
                    .get(&key)
                    .is_some_and(|l| l.iter().any(|t| matches!(t, Target::Agent(_))))
                {
                    continue;
                }
                let idx = *agent_of.entry((code.clone(), prefix)).or_insert_with(|| {
                    agents.push(Agent { code, prefix });
                    agents.len() as u32 - 1
                });
                add(&mut map, key, Target::Agent(idx));
            }
        }

        // 5. Patterns and the automaton.
        let mut patterns = Vec::with_capacity(order.len());
        let mut targets = Vec::new();
        let mut strings = Vec::with_capacity(order.len());
        for key in order {
            let Some(list) = map.remove(&key) else {
                continue;
            };
            let words: Vec<&str> = key.split_whitespace().collect();
            let all_agents = list.iter().all(|t| matches!(t, Target::Agent(_)));
            let case = if all_agents {
                // "PM" is a title, "p.m." a time of day; three letters
                // are words as well ("men", "spy", "jets").
                if words.len() == 1 && words[0].len() <= 2 {
                    Case::Short
                } else {
                    Case::Common
                }
            } else if words.len() == 1 && words[0].chars().all(|c| c.is_ascii_alphabetic()) {
                match words[0].len() {
                    0..=3 => Case::Acronym,
                    4 => Case::Short,
                    _ => Case::Proper,
                }
            } else {
                Case::Proper
            };
            patterns.push(Pattern {
                first: targets.len() as u32,
                len: list.len() as u32,
                case,
            });
            targets.extend(list);
            strings.push(key);
        }
        // Matches start at token starts only: anchored searches there walk
        // the trie as far as the text follows it, with no failure
        // transitions to chase.
        let starts = strings
            .iter()
            .filter_map(|s| s.split_whitespace().next())
            .map(fnv)
            .collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&strings)?;
        Ok(Dictionary {
            ac,
            patterns,
            targets,
            actors,
            agents,
            names,
            countries,
            acronym_words: WordSet::new(&[lexicon::ACRONYM_WORDS]),
            starts,
        })
    }

    /// The dictionary matches in `toks`, leftmost-longest, with their
    /// capitalisation checked.
    pub(crate) fn find(&self, toks: &Tokens) -> Vec<Match> {
        let mut out = Vec::new();
        let hay = toks.norm.as_str();
        let mut i = 0;
        while i < toks.len() {
            let Some(&at) = toks.norm_start.get(i) else {
                break;
            };
            if !self.starts.contains(&fnv(toks.norm(i))) {
                i += 1;
                continue;
            }
            let input = Input::new(hay).range(at as usize..).anchored(Anchored::Yes);
            let found = self.ac.try_find(input).ok().flatten();
            if let Some(m) = found
                && let Some((a, b)) = toks.tokens_of_norm(m.start(), m.end())
                && self.case_ok(toks, a, b, m.pattern().as_u32())
            {
                out.push(Match {
                    a,
                    b,
                    pattern: m.pattern().as_u32(),
                });
                i = b;
            } else {
                i += 1;
            }
        }
        out
    }

    fn case_ok(&self, toks: &Tokens, a: usize, b: usize, pattern: u32) -> bool {
        let Some(p) = self.patterns.get(pattern as usize) else {
            return false;
        };
        let Some(first) = toks.get(a) else {
            return false;
        };
        match p.case {
            Case::Common => true,
            Case::Acronym => {
                if !first.has(Token::UPPER) {
                    return false;
                }
                // In a run of capitals ("KERRY SAYS US HOPES"), "US" and
                // "IS" are words, not acronyms.
                let caps = |i: Option<usize>| {
                    i.and_then(|i| toks.get(i)).is_some_and(|t| {
                        t.kind == Kind::Word && t.has(Token::UPPER) && t.end - t.start > 1
                    })
                };
                let in_caps = caps(a.checked_sub(1)) || caps(Some(b));
                !(in_caps && self.acronym_words.has(toks.norm(a)))
            }
            Case::Short => first.has(Token::CAP),
            Case::Proper => {
                // The first word that is not a particle must be capitalised
                // ("al-Nusra Front", "the Syrian army").
                (a..b)
                    .map(|i| (i, toks.get(i)))
                    .find(|(i, t)| {
                        t.is_some_and(|t| t.kind != Kind::Punct)
                            && !lexicon::NAME_PARTICLES.contains(&toks.norm(*i))
                    })
                    .and_then(|(_, t)| t)
                    .is_some_and(|t| t.has(Token::CAP) || t.kind == Kind::Number)
            }
        }
    }

    /// The target of a match: the candidate with a role valid on `date`,
    /// else the first one.
    pub(crate) fn target(&self, pattern: u32, date: Option<u32>) -> Option<Target> {
        let p = self.patterns.get(pattern as usize)?;
        let list = self
            .targets
            .get(p.first as usize..(p.first + p.len) as usize)?;
        // The first candidate in priority order whose dated role covers the
        // date ("PRESIDENT_BUSH" of both Bushes: the one in office then),
        // else the first that has any code on it (its undated default): the
        // hand-kept record unless it does not apply then.
        if let Some(d) = date
            && list.len() > 1
        {
            let roles_of = |t: &Target| match t {
                Target::Actor { actor, .. } => {
                    self.actors.get(*actor as usize).map(|a| a.roles.as_slice())
                }
                Target::Agent(_) => None,
            };
            let in_office = list
                .iter()
                .find(|t| roles_of(t).is_some_and(|r| r.iter().any(|r| r.dated() && r.covers(d))));
            let valid = in_office.or_else(|| {
                list.iter().find(|t| match roles_of(t) {
                    Some(r) => code_at(r, Some(d)).is_some(),
                    None => matches!(t, Target::Agent(_)),
                })
            });
            if let Some(t) = valid {
                return Some(*t);
            }
        }
        list.first().copied()
    }

    /// Display data of a country code.
    pub(crate) fn country(&self, code: &str) -> Option<&Country> {
        self.countries.get(code)
    }

    /// The country part of an actor code (`SYRGOV` → `SYR`).
    pub(crate) fn country_of<'c>(&self, code: &'c str) -> Option<&'c str> {
        let c = code.get(..3)?;
        self.countries.contains_key(c).then_some(c)
    }

    /// Number of patterns in the automaton.
    pub(crate) fn len(&self) -> usize {
        self.patterns.len()
    }
}

/// Phrases too short or too common to match on their own.
fn usable(words: &[String]) -> bool {
    let content: Vec<&String> = words.iter().filter(|w| w.as_str() != "THE").collect();
    match content.as_slice() {
        [] => false,
        [one] => {
            one.chars().filter(|c| c.is_alphanumeric()).count() >= 2
                && !one.chars().all(|c| c.is_ascii_digit())
                && !STOP_PHRASES.contains(&one.as_str())
        }
        _ => words.len() <= 16,
    }
}

/// Single words of the Phoenix files that are too ambiguous alone.
const STOP_PHRASES: &[&str] = &[
    "GOVERNMENT",
    "STATE",
    "STATES",
    "SENATE",
    "CONGRESS",
    "PARLIAMENT",
    "MILITARY",
    "ARMY",
    "POLICE",
    "REGIME",
    "OPPOSITION",
    "PRESIDENT",
    "MINISTER",
    "MINISTRY",
    "COURT",
    "JUSTICE",
    "UNION",
    "REPUBLIC",
    "KINGDOM",
    "EMPIRE",
    "NATION",
    "NATIONS",
    "PEOPLE",
    "COUNCIL",
    "ASSEMBLY",
    "PARTY",
    "FRONT",
    "AGENCY",
    "CABINET",
    "CAPITAL",
    "CITY",
    "NORTH",
    "SOUTH",
    "EAST",
    "WEST",
    "CENTRAL",
    "NEW",
    "GREAT",
    "UNITED",
    "NATIONAL",
    "INTERNATIONAL",
    "WORLD",
    "MAY",
    "MARCH",
    "JUNE",
    "JULY",
    "AUGUST",
    "SAID",
    "WILL",
    "CAN",
    "OFFICE",
    "HOUSE",
    "CHURCH",
    "BANK",
    "MISSION",
    "AFFAIRS",
    "COMMITTEE",
    "FORCE",
    "FORCES",
    "GUARD",
    "SECURITY",
    "DEFENSE",
    "DEFENCE",
    "INTERIOR",
    "FOREIGN",
    "DEMOCRATIC",
    "LIBERATION",
    "REVOLUTIONARY",
    "ISLAMIC",
    "MUSLIM",
    "ARAB",
    "AFRICAN",
    "EUROPEAN",
    "ASIAN",
    "WESTERN",
    "EASTERN",
    "MIDDLE",
    "GULF",
    "ISLAND",
    "ISLANDS",
    "GENERAL",
    "CENTER",
    "CENTRE",
    "POST",
    "TIMES",
    "NEWS",
    "PRESS",
    "RADIO",
    "TELEVISION",
    "SUN",
    "STAR",
    "MIRROR",
    "GUARDIAN",
    "INDEPENDENT",
    "NATURE",
    "SCIENCE",
    "SPRING",
    "SUMMER",
    "AUTUMN",
    "WINTER",
    "MOBILE",
    "READING",
    "NICE",
    "BATH",
    "SPLIT",
    "ORANGE",
    "COLUMBIA",
    "VICTORIA",
    "CHARLOTTE",
    "LAWRENCE",
    "PROVIDENCE",
    "BUFFALO",
    "PHOENIX",
    "JERSEY",
    "AUSTIN",
    "DAKOTA",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names() {
        let p = |s| display_name(s, Style::Person);
        let o = |s| display_name(s, Style::Org);
        assert_eq!(p("BASHAR_AL-ASSAD"), "Bashar al-Assad");
        assert_eq!(p("JOHN_KERRY_"), "John Kerry");
        assert_eq!(o("NATO_"), "NATO");
        assert_eq!(
            o("ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT_"),
            "Islamic State of Iraq and the Levant"
        );
        assert_eq!(o("UN_SECURITY_COUNCIL_"), "UN Security Council");
        assert_eq!(o("THE_ISLAMIC_STATE"), "Islamic State");
        assert_eq!(display_name("DARA'A", Style::Place), "Dara'a");
        assert_eq!(display_name("HOMS_", Style::Place), "Homs");
        assert_eq!(o("AL-JAZEERA"), "Al-Jazeera");
        assert_eq!(p("JOHN_MCCAIN"), "John McCain");
        assert_eq!(p("Ban_Ki-moon"), "Ban Ki-moon");
        assert_eq!(p("ABDULLAH_II"), "Abdullah II");
    }

    #[test]
    fn roles_by_date() {
        let roles = tabari::parse_actors(
            "BASHAR_AL_ASSAD_\n\t[SYRELI 830101-000101]\n\t[SYRGOV >000717]\n\t[SYRELI]\n",
        )
        .remove(0)
        .roles;
        assert_eq!(code_at(&roles, None), Some("SYRGOV"));
        assert_eq!(code_at(&roles, Some(20151117)), Some("SYRGOV"));
        assert_eq!(code_at(&roles, Some(19900101)), Some("SYRELI"));
        assert_eq!(code_at(&roles, Some(20000301)), Some("SYRELI"));
        let kerry = tabari::parse_actors("K\n\t[USAGOVLEG 850103-130201]\n\t[USAGOV >130201]\n")
            .remove(0)
            .roles;
        assert_eq!(code_at(&kerry, None), Some("USAGOV"));
        assert_eq!(code_at(&kerry, Some(20100101)), Some("USAGOVLEG"));
        assert_eq!(code_at(&kerry, Some(19700101)), None);
    }

    #[test]
    fn the_record_in_office_on_the_date_wins() {
        // Two records share "PRESIDENT_BUSH"; the first has an undated
        // default, the second the role that covers 2008.
        let an = crate::Annotator::builder()
            .actors(
                "GEORGE_BUSH_  # CountryInfo.txt\n+PRESIDENT_BUSH\n\t[USAGOV 890120-930120]\n\t[USAELI]\n\
                 GEORGE_W._BUSH_  # CountryInfo.txt\n+PRESIDENT_BUSH_\n\t[USAGOV 010120-090120]\n\t[USAELI]\n",
            )
            .without_bundled()
            .build();
        let Ok(an) = an else {
            panic!("the dictionaries compile");
        };
        let code = |y: i16| {
            let day = jiff::civil::date(y, 8, 6);
            an.annotate_at("On Monday President Bush left for Beijing.", Some(day))
                .entities
                .into_iter()
                .find_map(|e| e.code)
        };
        assert_eq!(code(2008).as_deref(), Some("USAGOV"));
        assert_eq!(code(1991).as_deref(), Some("USAGOV"));
        assert_eq!(code(2015).as_deref(), Some("USAELI"));
    }

    #[test]
    fn three_letter_agents_are_words() {
        let an = crate::testutil::annotator();
        let e = an
            .annotate("Police arrested two Brazilian men at 5 p.m. on Monday.")
            .entities;
        let men = crate::testutil::ent(&e, "Brazilian men");
        assert_eq!(men.code.as_deref(), Some("BRAPPL"));
    }

    #[test]
    fn variants_and_places() {
        let w = |s: &str| phrase_words(s);
        let syria = w("SYRIA_");
        assert!(is_variant(&w("SYRIAN_"), &syria, "SYR"));
        assert!(!is_variant(&w("DAMASCUS_"), &syria, "SYR"));
        let usa = w("UNITED_STATES_OF_AMERICA_");
        assert!(is_variant(&w("US_"), &usa, "USA"));
        assert!(is_variant(&w("U.S."), &usa, "USA"));
        assert!(is_variant(&w("AMERICAN_"), &usa, "USA"));
        assert!(!is_variant(&w("NEW_YORK_"), &usa, "USA"));
        assert!(!is_variant(&w("TUNIS_"), &w("TUNISIA_"), "TUN"));
        assert!(is_variant(&w("AFGHAN_"), &w("AFGHANISTAN_"), "AFG"));
        assert!(is_variant(&w("FRENCH"), &w("FRANCE_"), "FRA"));
        assert!(is_variant(&w("LEBANESE_"), &w("LEBANON_"), "LBN"));
    }
}
