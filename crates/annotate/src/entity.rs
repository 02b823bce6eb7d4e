//! Entities: dictionary matches composed into actors, rules for unknown
//! capitalised names, and coreference of short forms within a document.
//!
//! 1. **Items.** The dictionary matches (actors and agents) and the runs of
//!    capitalised words no dictionary knows ("Frank-Walter Steinmeier",
//!    "High Negotiations Committee") are laid out in token order.
//! 2. **Composition**, left to right, as PETRARCH composes actor and agent
//!    codes: a country (or a place in it) followed by agents is that
//!    country's institution ("Syrian" + "army" → `SYRMIL`, canonical
//!    "Syrian military"; "Syria's government" → `SYRGOV`); a title before a
//!    name gives the person a code when the dictionary has none ("German
//!    Foreign Minister Frank-Walter Steinmeier" → `DEUGOV`) and is kept as
//!    the entity's `title`; a group absorbs the agent nouns after it
//!    ("Islamic State fighters"); "the army", "the rebels" resolve to the
//!    nearest composed entity of the same agent within a few sentences, or
//!    get PETRARCH's unknown-country code (`---REB`).
//! 3. **Rules** for unknown names: an organisation or group suffix
//!    ("Committee", "Front", "Brigade") or an Arabic group prefix ("Jaish",
//!    "Liwa"); a person by a title, a first name, an apposition ("X, a
//!    spokesman") or a speech verb ("said X"); a place after "in", "near" ….
//! 4. **Coreference**: a surname alone ("Kerry") takes the canonical name
//!    and code of the full mention ("US Secretary of State John Kerry"),
//!    before or after it (headlines name people by surname first); an
//!    acronym defined in brackets ("Syrian Democratic Forces (SDF)") takes
//!    its full name's.

use std::collections::HashMap;

use dateline_core::{EntityKind, EntityVia};

use crate::dict::{self, Dictionary, Form, Match, Target};
use crate::lexicon::{self, AGENT_LABELS, WordSet};
use crate::token::{Kind, Token, Tokens};

/// Word lists of the name rules, built once.
#[derive(Debug)]
pub(crate) struct Words {
    first_names: WordSet,
    not_names: WordSet,
    titles: WordSet,
    org_suffixes: WordSet,
    group_suffixes: WordSet,
    group_prefixes: WordSet,
    place_preps: WordSet,
    particles: WordSet,
    speech: WordSet,
}

impl Words {
    pub(crate) fn new() -> Words {
        Words {
            first_names: WordSet::new(&[lexicon::FIRST_NAMES]),
            not_names: WordSet::new(&[lexicon::NOT_NAMES]),
            titles: WordSet::new(&[lexicon::PERSON_TITLES]),
            org_suffixes: WordSet::new(&[lexicon::ORG_SUFFIXES]),
            group_suffixes: WordSet::new(&[lexicon::GROUP_SUFFIXES]),
            group_prefixes: WordSet::new(&[lexicon::GROUP_PREFIXES]),
            place_preps: WordSet::new(&[lexicon::PLACE_PREPOSITIONS]),
            particles: WordSet::new(&[lexicon::NAME_PARTICLES]),
            speech: WordSet::new(&[SPEECH_VERBS_UPPER]),
        }
    }
}

/// The speech verbs of [`crate::sentence::SPEECH_VERBS`], normalised.
const SPEECH_VERBS_UPPER: &[&str] = &[
    "SAID",
    "SAYS",
    "SAY",
    "ASKED",
    "ASKS",
    "TOLD",
    "TELLS",
    "ADDED",
    "ADDS",
    "WROTE",
    "WRITES",
    "REPLIED",
    "CONTINUED",
    "DECLARED",
    "STATED",
    "INSISTED",
    "WARNED",
    "NOTED",
    "EXPLAINED",
    "ARGUED",
    "CAUTIONED",
    "STRESSED",
    "URGED",
    "TWEETED",
    "REMARKED",
    "RECALLED",
    "RESPONDED",
    "ANSWERED",
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
];

/// An entity over tokens `a..b`, before offsets are converted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Ent {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) kind: EntityKind,
    pub(crate) canonical: String,
    pub(crate) country: Option<String>,
    pub(crate) code: Option<String>,
    pub(crate) title: Option<(usize, usize)>,
    pub(crate) via: EntityVia,
    /// A country's institution made of a country and an agent ("Syrian
    /// army"): what "the army" may refer to.
    pub(crate) composed: bool,
}

#[derive(Clone, Copy, Debug)]
enum Item {
    Actor {
        a: usize,
        b: usize,
        actor: u32,
        form: Form,
    },
    Agent {
        a: usize,
        b: usize,
        agent: u32,
    },
    Name {
        a: usize,
        b: usize,
    },
}

impl Item {
    fn a(&self) -> usize {
        match *self {
            Item::Actor { a, .. } | Item::Agent { a, .. } | Item::Name { a, .. } => a,
        }
    }

    fn b(&self) -> usize {
        match *self {
            Item::Actor { b, .. } | Item::Agent { b, .. } | Item::Name { b, .. } => b,
        }
    }
}

/// What a person's name item resolves to.
struct PersonName {
    canonical: String,
    code: Option<String>,
    via: EntityVia,
}

pub(crate) struct Ctx<'a, 't> {
    pub(crate) dict: &'a Dictionary,
    pub(crate) words: &'a Words,
    pub(crate) toks: &'a Tokens<'t>,
    /// Sentence index of each token.
    pub(crate) sent_of: &'a [u32],
    /// Index of the first token of each sentence.
    pub(crate) sent_first: &'a [usize],
    pub(crate) date: Option<u32>,
}

impl Ctx<'_, '_> {
    pub(crate) fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    pub(crate) fn norm(&self, i: usize) -> &str {
        self.toks.norm(i)
    }

    pub(crate) fn sentence_initial(&self, i: usize) -> bool {
        let s = self.sent_of.get(i).copied().unwrap_or(0) as usize;
        let first = self.sent_first.get(s).copied().unwrap_or(0);
        // Only punctuation (an opening quote, a dash) before it; a long run
        // of it is not a sentence start.
        (first..i)
            .take(8)
            .all(|j| self.tok(j).is_some_and(|t| t.kind == Kind::Punct))
            && i - first <= 8
    }

    pub(crate) fn same_sentence(&self, i: usize, j: usize) -> bool {
        self.sent_of.get(i) == self.sent_of.get(j)
    }

    fn code_of_actor(&self, actor: u32) -> Option<String> {
        let a = self.dict.actors.get(actor as usize)?;
        dict::code_at(&a.roles, self.date).map(str::to_string)
    }

    /// The text of tokens `a..b` as written, spaces normalised.
    fn surface(&self, a: usize, b: usize) -> String {
        let (s, e) = self.toks.span(a, b);
        let text = self.toks.text.get(s..e).unwrap_or("");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn label_of(&self, agent_code: &str) -> String {
        let fam = agent_code.get(..3).unwrap_or(agent_code);
        AGENT_LABELS
            .iter()
            .find(|(c, _)| *c == fam)
            .map_or_else(|| agent_code.to_ascii_lowercase(), |(_, l)| l.to_string())
    }

    fn country_field(&self, code: Option<&str>) -> Option<String> {
        code.and_then(|c| self.dict.country_of(c))
            .map(str::to_string)
    }
}

/// Recognises the entities of a tokenised text.
pub(crate) fn recognize(cx: &Ctx, matches: &[Match]) -> Vec<Ent> {
    let items = items(cx, matches);
    let mut ents = compose(cx, &items);
    coreference(cx, &items, &mut ents);
    ents.sort_by_key(|e| (e.a, e.b));
    ents.dedup_by(|x, y| x.a < y.b && y.a < x.b);
    ents
}

/// Lays out dictionary matches and unknown capitalised runs in order.
fn items(cx: &Ctx, matches: &[Match]) -> Vec<Item> {
    let mut out = Vec::with_capacity(matches.len() * 2);
    let mut next_match = matches.iter().peekable();
    let mut i = 0;
    let n = cx.toks.len();
    while i < n {
        while next_match.peek().is_some_and(|m| m.a < i) {
            next_match.next();
        }
        if let Some(m) = next_match.peek().filter(|m| m.a == i) {
            match cx.dict.target(m.pattern, cx.date) {
                // "a UK-based group", "pro-Russia rebels": a place that only
                // locates something or names a side is no actor ("a
                // U.S.-brokered truce" keeps its broker).
                Some(Target::Actor { actor, .. })
                    if in_compound(cx, m.a, m.b)
                        && cx.dict.actors.get(actor as usize).is_some_and(|a| a.place) => {}
                Some(Target::Actor { actor, form }) => out.push(Item::Actor {
                    a: m.a,
                    b: m.b,
                    actor,
                    form,
                }),
                // "semi-official": the tail of a compound is no title.
                Some(Target::Agent(_)) if cx.tok(m.a).is_some_and(|t| t.has(Token::HYPHEN)) => {}
                Some(Target::Agent(agent)) => out.push(Item::Agent {
                    a: m.a,
                    b: m.b,
                    agent,
                }),
                None => {}
            }
            i = m.b.max(i + 1);
            continue;
        }
        let limit = next_match.peek().map_or(n, |m| m.a);
        match name_run(cx, i, limit) {
            Some(b) => {
                out.push(Item::Name { a: i, b });
                i = b;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether tokens `a..b` are the place of a compound in "-based" or the
/// side of one in "pro-" or "anti-".
fn in_compound(cx: &Ctx, a: usize, b: usize) -> bool {
    cx.tok(a).is_some_and(|t| t.has(Token::HYPHEN))
        && a.checked_sub(1)
            .is_some_and(|p| matches!(cx.norm(p), "PRO" | "ANTI"))
        || cx.tok(b).is_some_and(|t| t.has(Token::HYPHEN))
            && matches!(cx.norm(b), "BASED" | "HEADQUARTERED")
}

/// The end of a run of capitalised name words starting at `i` (before
/// `limit`), if one starts there.
fn name_run(cx: &Ctx, i: usize, limit: usize) -> Option<usize> {
    let t = cx.tok(i)?;
    if t.is_word()
        && t.has(Token::UPPER)
        && (2..=6).contains(&(t.end - t.start))
        && !cx.words.not_names.has(cx.norm(i))
    {
        // A possible acronym ("HMF"): only coreference may name it.
        return Some(i + 1);
    }
    if !t.is_word() || !t.is_title_case() || cx.words.not_names.has(cx.norm(i)) {
        return None;
    }
    if t.has(Token::HYPHEN) && i > 0 {
        // The tail of "US-Backed": not a name start.
        return None;
    }
    let mut end = i + 1;
    let mut j = i + 1;
    while j < limit && j - i < 8 {
        let Some(t) = cx.tok(j) else {
            break;
        };
        let w = cx.norm(j);
        if t.is_word() && t.is_title_case() && !cx.words.not_names.has(w) {
            j += 1;
            end = j;
            continue;
        }
        // "Ki-moon": a hyphenated lowercase tail.
        if t.is_word() && t.has(Token::HYPHEN) {
            j += 1;
            end = j;
            continue;
        }
        // An initial: "John F. Kennedy".
        if t.kind == Kind::Punct
            && cx.toks.str(j) == "."
            && cx
                .tok(j - 1)
                .is_some_and(|p| p.end - p.start == 1 && p.has(Token::CAP))
            && cx
                .tok(j + 1)
                .is_some_and(|n| n.is_title_case() && !n.has(Token::SPACE) || n.is_title_case())
            && j > i + 1
        {
            j += 1;
            continue;
        }
        // Particles and connectors inside names: "Staffan de Mistura",
        // "Ministry of Defence", "Observatory for Human Rights".
        let connector = (t.has(Token::LOWER) && cx.words.particles.has(w))
            || matches!(w, "OF" | "FOR" | "ON") && t.has(Token::LOWER);
        if connector && j + 1 < limit {
            let mut k = j + 1;
            if cx.norm(k) == "THE" && cx.tok(k).is_some_and(|t| t.has(Token::LOWER)) {
                k += 1;
            }
            if k < limit
                && cx.tok(k).is_some_and(|n| {
                    n.is_word() && n.is_title_case() && !cx.words.not_names.has(cx.norm(k))
                })
            {
                j = k;
                continue;
            }
        }
        break;
    }
    Some(end)
}

fn is_country_modifier(cx: &Ctx, actor: u32, form: Form) -> Option<String> {
    let a = cx.dict.actors.get(actor as usize)?;
    if !a.place {
        return None;
    }
    let code = cx.code_of_actor(actor)?;
    let _ = form;
    (code.len() == 3).then_some(code)
}

/// The item after `it` if it starts where `it` ends, skipping one
/// possessive `'s`.
fn adjacent<'i>(
    cx: &Ctx,
    items: &'i [Item],
    k: usize,
    after: usize,
) -> Option<(usize, &'i Item, bool)> {
    let next = items.get(k)?;
    if next.a() == after {
        return Some((k, next, false));
    }
    if next.a() == after + 1 && cx.tok(after).is_some_and(|t| t.has(Token::CLITIC)) {
        return Some((k, next, true));
    }
    None
}

/// A run of adjacent agents from item `k`: (last item index, end token,
/// first agent's index).
fn agent_run(items: &[Item], k: usize) -> Option<(usize, usize, u32)> {
    let Item::Agent { b, agent, .. } = *items.get(k)? else {
        return None;
    };
    let mut last = k;
    let mut end = b;
    while let Some(Item::Agent { a, b, .. }) = items.get(last + 1) {
        if *a != end {
            break;
        }
        last += 1;
        end = *b;
    }
    Some((last, end, agent))
}

/// Is item `k` a person's name (a dictionary person or an unknown name)?
fn person_at(cx: &Ctx, items: &[Item], k: usize, titled: bool) -> Option<PersonName> {
    match *items.get(k)? {
        Item::Actor { actor, form, .. } => {
            let a = cx.dict.actors.get(actor as usize)?;
            match form {
                Form::Person { name } => Some(PersonName {
                    canonical: cx.dict.names.get(name as usize)?.to_string(),
                    code: cx.code_of_actor(actor),
                    via: EntityVia::Dictionary,
                }),
                Form::Same if a.kind == EntityKind::Person => Some(PersonName {
                    canonical: a.canonical.to_string(),
                    code: cx.code_of_actor(actor),
                    via: EntityVia::Dictionary,
                }),
                _ => None,
            }
        }
        Item::Name { a, b } => {
            if !titled {
                return None;
            }
            // A title and then an organisation name is not a person, nor
            // is a name after "the rebel group".
            let last = cx.norm(b - 1);
            if a.checked_sub(1)
                .is_some_and(|p| group_head(cx.norm(p)).is_some())
                || head_after(cx, b).is_some()
                || cx.words.org_suffixes.has(last)
                || cx.words.group_suffixes.has(last)
                || cx.words.group_prefixes.has(cx.norm(a))
            {
                return None;
            }
            Some(PersonName {
                canonical: cx.surface(a, b),
                code: None,
                via: EntityVia::Rule,
            })
        }
        Item::Agent { .. } => None,
    }
}

/// Nouns that name the kind of a group or organisation before its name
/// ("the rebel group Fastaqim", "the newspaper Al-Watan").
fn group_head(w: &str) -> Option<EntityKind> {
    match w {
        "GROUP" | "GROUPS" | "FACTION" | "MILITIA" | "MOVEMENT" | "FRONT" | "BRIGADE"
        | "BATTALION" | "ALLIANCE" | "COALITION" | "ORGANIZATION" | "ORGANISATION" => {
            Some(EntityKind::Group)
        }
        "PARTY" | "AGENCY" | "NEWSPAPER" | "DAILY" | "CHANNEL" | "BROADCASTER" | "COMPANY"
        | "COUNCIL" | "COMMITTEE" | "UNIT" | "NETWORK" | "WEBSITE" | "CHARITY" => {
            Some(EntityKind::Org)
        }
        _ => None,
    }
}

/// "Tasnim news agency", "Jaish al-Sunna militia": a lowercase head noun
/// after a name makes it an organisation or a group.
fn head_after(cx: &Ctx, b: usize) -> Option<EntityKind> {
    let t = cx.tok(b)?;
    if !t.has(Token::LOWER) {
        return None;
    }
    match cx.norm(b) {
        "NEWS" | "NEWSPAPER" | "DAILY" | "TV" | "TELEVISION" | "CHANNEL" | "AGENCY" | "RADIO"
        | "WEBSITE" | "MAGAZINE" | "BROADCASTER" | "COMPANY" | "PARTY" => Some(EntityKind::Org),
        "MILITIA" | "GROUP" | "FACTION" | "BRIGADE" | "BATTALION" | "MOVEMENT" | "REBELS"
        | "FIGHTERS" | "MILITANTS" | "INSURGENTS" => Some(EntityKind::Group),
        _ => None,
    }
}

fn compose_code(country: &str, agent: &dict::Agent) -> String {
    if agent.prefix {
        format!("{}{country}", agent.code)
    } else {
        format!("{country}{}", agent.code)
    }
}

/// The composed entity of a country (or `None`: unknown) and an agent.
fn composed(cx: &Ctx, a: usize, b: usize, country: Option<&str>, agent: &dict::Agent) -> Ent {
    let fam = agent.code.get(..3).unwrap_or(&agent.code);
    let kind = if lexicon::is_group_code(fam) || lexicon::is_population_code(fam) {
        EntityKind::Group
    } else {
        EntityKind::Org
    };
    let label = cx.label_of(&agent.code);
    match country {
        Some(c) => {
            let demonym = cx
                .dict
                .country(c)
                .map_or_else(|| c.to_string(), |k| k.demonym.to_string());
            let code = compose_code(c, agent);
            Ent {
                a,
                b,
                kind,
                canonical: format!("{demonym} {label}"),
                country: Some(c.to_string()),
                code: Some(code),
                title: None,
                via: EntityVia::Dictionary,
                composed: true,
            }
        }
        None => Ent {
            a,
            b,
            kind,
            canonical: label,
            country: None,
            code: Some(compose_code("---", agent)),
            title: None,
            via: EntityVia::Dictionary,
            composed: false,
        },
    }
}

/// The entity of an actor item on its own.
fn actor_ent(cx: &Ctx, a: usize, b: usize, actor: u32, form: Form) -> Option<Ent> {
    let act = cx.dict.actors.get(actor as usize)?;
    let code = cx.code_of_actor(actor);
    let country = cx.country_field(code.as_deref());
    let (kind, canonical, composed) = match form {
        Form::Same => (act.kind, act.canonical.to_string(), false),
        Form::Place { name, kind } => (kind, cx.dict.names.get(name as usize)?.to_string(), false),
        Form::Person { name } => (
            EntityKind::Person,
            cx.dict.names.get(name as usize)?.to_string(),
            false,
        ),
        Form::Institution => {
            let c = code.as_deref().unwrap_or("");
            let demonym = country
                .as_deref()
                .and_then(|k| cx.dict.country(k))
                .map_or_else(|| act.canonical.to_string(), |k| k.demonym.to_string());
            let label = cx.label_of(c.get(3..).filter(|s| !s.is_empty()).unwrap_or("GOV"));
            (
                dict::kind_of_code(code.as_deref()),
                format!("{demonym} {label}"),
                true,
            )
        }
    };
    // "Secretary of State John Kerry" as one dictionary phrase: the name
    // is the mention, the rest its title.
    let mut start = a;
    if kind == EntityKind::Person {
        while start + 1 < b && !cx.words.first_names.has(cx.norm(start)) {
            let w = cx.norm(start);
            let demonym = ["AN", "ESE", "ISH", "I"].iter().any(|e| w.ends_with(e))
                && lexicon::TITLE_WORDS.contains(&cx.norm(start + 1));
            if !(lexicon::TITLE_WORDS.contains(&w) || demonym) {
                break;
            }
            start += 1;
        }
    }
    Some(Ent {
        a: start,
        b,
        kind,
        canonical,
        country,
        code,
        title: (start > a).then_some((a, start)),
        via: EntityVia::Dictionary,
        composed,
    })
}

/// Walks the items and builds entities.
fn compose(cx: &Ctx, items: &[Item]) -> Vec<Ent> {
    let mut out: Vec<Ent> = Vec::with_capacity(items.len());
    let mut k = 0;
    while k < items.len() {
        let item = items[k];
        match item {
            Item::Actor { a, b, actor, form } => {
                let Some(act) = cx.dict.actors.get(actor as usize) else {
                    k += 1;
                    continue;
                };
                // A country before agents: its institution, or a titled person.
                if let Some(country) = is_country_modifier(cx, actor, form)
                    && let Some((ka, _, _)) = adjacent(cx, items, k + 1, b)
                    && let Some((last, end, agent)) = agent_run(items, ka)
                {
                    let agent = &cx.dict.agents[agent as usize];
                    if let Some((kp, _, false)) = adjacent(cx, items, last + 1, end)
                        && let Some(p) = person_at(cx, items, kp, true)
                    {
                        let pi = items[kp];
                        let code = p.code.or_else(|| Some(compose_code(&country, agent)));
                        out.push(Ent {
                            a: pi.a(),
                            b: pi.b(),
                            kind: EntityKind::Person,
                            canonical: p.canonical,
                            country: cx.country_field(code.as_deref()),
                            code,
                            title: Some((a, end)),
                            via: p.via,
                            composed: false,
                        });
                        k = possessive(cx, items, kp + 1, pi.b(), &mut out);
                        continue;
                    }
                    out.push(composed(cx, a, end, Some(&country), agent));
                    k = last + 1;
                    continue;
                }
                // An office before a name is the name's title.
                if act.office
                    && matches!(form, Form::Same)
                    && let Some((kp, _, false)) = adjacent(cx, items, k + 1, b)
                    && let Some(p) = person_at(cx, items, kp, true)
                {
                    let pi = items[kp];
                    let code = p.code.or_else(|| cx.code_of_actor(actor));
                    out.push(Ent {
                        a: pi.a(),
                        b: pi.b(),
                        kind: EntityKind::Person,
                        canonical: p.canonical,
                        country: cx.country_field(code.as_deref()),
                        code,
                        title: Some((a, b)),
                        via: p.via,
                        composed: false,
                    });
                    k = possessive(cx, items, kp + 1, pi.b(), &mut out);
                    continue;
                }
                // "the U.N. envoy said": the person who holds the office,
                // named with that title a few sentences before.
                if act.office
                    && matches!(form, Form::Same)
                    && prev_is_the(cx, a)
                    && let Some(e) = office_holder(cx, a, b, &out)
                {
                    out.push(e);
                    k += 1;
                    continue;
                }
                // "Syrian Democratic Council": a country and an unknown
                // organisation's name.
                if let Some(country) = is_country_modifier(cx, actor, form)
                    && let Some((kn, Item::Name { a: na, b: nb }, false)) =
                        adjacent(cx, items, k + 1, b)
                    && let Some(mut e) = classify_name(cx, items, kn, *na, *nb)
                    && matches!(e.kind, EntityKind::Org | EntityKind::Group)
                    && e.via == EntityVia::Rule
                {
                    e.a = a;
                    e.canonical = cx.surface(a, *nb);
                    e.country = Some(country);
                    out.push(e);
                    k = kn + 1;
                    continue;
                }
                let Some(mut ent) = actor_ent(cx, a, b, actor, form) else {
                    k += 1;
                    continue;
                };
                k += 1;
                if matches!(form, Form::Same)
                    && matches!(act.kind, EntityKind::Org | EntityKind::Group)
                {
                    // "UN envoy Staffan de Mistura": the body titles a person.
                    if let Some((ka, _, false)) = adjacent(cx, items, k, b)
                        && let Some((last, end, _)) = agent_run(items, ka)
                    {
                        if let Some((kp, _, false)) = adjacent(cx, items, last + 1, end)
                            && let Some(p) = person_at(cx, items, kp, true)
                        {
                            let pi = items[kp];
                            let code = p.code.or_else(|| ent.code.clone());
                            out.push(Ent {
                                a: pi.a(),
                                b: pi.b(),
                                kind: EntityKind::Person,
                                canonical: p.canonical,
                                country: cx.country_field(code.as_deref()),
                                code,
                                title: Some((a, end)),
                                via: p.via,
                                composed: false,
                            });
                            k = possessive(cx, items, kp + 1, pi.b(), &mut out);
                            continue;
                        }
                        // "Islamic State fighters", "UN envoy": the group's.
                        ent.b = end;
                        k = last + 1;
                    } else if cx.norm(b) == "GROUP"
                        && cx.tok(b).is_some_and(|t| t.has(Token::LOWER))
                    {
                        ent.b = b + 1;
                    }
                }
                out.push(ent);
                k = possessive(cx, items, k, b, &mut out);
            }
            Item::Agent { a, .. } => {
                let (last, end, agent_idx) = agent_run(items, k).unwrap_or((k, item.b(), 0));
                let agent = &cx.dict.agents[agent_idx as usize];
                if let Some((kp, _, false)) = adjacent(cx, items, last + 1, end)
                    && let Some(p) = person_at(cx, items, kp, true)
                {
                    let pi = items[kp];
                    out.push(Ent {
                        a: pi.a(),
                        b: pi.b(),
                        kind: EntityKind::Person,
                        country: cx.country_field(p.code.as_deref()),
                        canonical: p.canonical,
                        code: p.code,
                        title: Some((a, end)),
                        via: p.via,
                        composed: false,
                    });
                    k = possessive(cx, items, kp + 1, pi.b(), &mut out);
                    continue;
                }
                if let Some(e) = agent_alone(cx, a, end, agent, &out) {
                    out.push(e);
                }
                k = last + 1;
            }
            Item::Name { a, b } => {
                k += 1;
                if let Some(e) = classify_name(cx, items, k - 1, a, b) {
                    out.push(e);
                    k = possessive(cx, items, k, b, &mut out);
                }
            }
        }
    }
    out
}

/// "Assad's forces": after a person ending at token `b` (next item `k`),
/// the person's country's institution. Returns the next item index.
fn possessive(cx: &Ctx, items: &[Item], k: usize, b: usize, out: &mut Vec<Ent>) -> usize {
    let Some(country) = out
        .last()
        .filter(|e| e.kind == EntityKind::Person)
        .and_then(|e| e.country.clone())
    else {
        return k;
    };
    if let Some((ka, _, true)) = adjacent(cx, items, k, b)
        && let Some((last, end, agent)) = agent_run(items, ka)
        && !matches!(adjacent(cx, items, last + 1, end),
            Some((kp, _, false)) if person_at(cx, items, kp, true).is_some())
    {
        let agent = &cx.dict.agents[agent as usize];
        let start = items[ka].a();
        out.push(composed(cx, start, end, Some(&country), agent));
        return last + 1;
    }
    k
}

/// Agent families that make an actor on their own ("the rebels").
fn standalone_family(fam: &str) -> bool {
    matches!(
        fam,
        "GOV" | "MIL" | "REB" | "OPP" | "INS" | "UAF" | "COP" | "SPY" | "LEG" | "JUD" | "REL"
    )
}

/// The person last given the title that tokens `a..b` name (its last word
/// in their title), within five sentences, as a coreference.
fn office_holder(cx: &Ctx, a: usize, b: usize, before: &[Ent]) -> Option<Ent> {
    let head = cx.norm(b - 1);
    let here = cx.sent_of.get(a).copied().unwrap_or(0);
    let ante = before.iter().rev().take(40).find(|e| {
        e.kind == EntityKind::Person
            && cx
                .sent_of
                .get(e.a)
                .is_some_and(|&s| here.saturating_sub(s) <= 5)
            && e.title
                .is_some_and(|(x, y)| (x..y).any(|i| cx.norm(i) == head))
    })?;
    Some(Ent {
        a,
        b,
        title: None,
        via: EntityVia::Coreference,
        composed: false,
        ..ante.clone()
    })
}

/// Singular agent nouns that name an institution: "the army" is an actor,
/// "the bomber" a person.
const INSTITUTIONS: &[&str] = &[
    "ARMY",
    "MILITARY",
    "GOVERNMENT",
    "REGIME",
    "OPPOSITION",
    "POLICE",
    "ADMINISTRATION",
    "MINISTRY",
    "PARLIAMENT",
    "CABINET",
    "JUNTA",
    "MILITIA",
    "NAVY",
    "FORCE",
    "COALITION",
    "PRESIDENCY",
    "AUTHORITY",
    "LEADERSHIP",
    "COMMAND",
    "INSURGENCY",
    "REBELLION",
    "SENATE",
    "CONGRESS",
    "ASSEMBLY",
    "COUNCIL",
    "JUDICIARY",
    "COURT",
];

fn prev_is_the(cx: &Ctx, a: usize) -> bool {
    a.checked_sub(1).is_some_and(|p| cx.norm(p) == "THE")
}

/// Words that may follow a noun phrase (verbs of reporting, auxiliaries,
/// prepositions, conjunctions).
const FOLLOWERS: &[&str] = &[
    "SAID",
    "SAYS",
    "SAY",
    "TOLD",
    "HAS",
    "HAVE",
    "HAD",
    "IS",
    "WAS",
    "WERE",
    "ARE",
    "WILL",
    "WOULD",
    "COULD",
    "CAN",
    "MAY",
    "MIGHT",
    "MUST",
    "SHOULD",
    "AND",
    "OR",
    "BUT",
    "OF",
    "IN",
    "ON",
    "AT",
    "TO",
    "FOR",
    "FROM",
    "WITH",
    "BY",
    "NEAR",
    "AROUND",
    "WHO",
    "WHICH",
    "THAT",
    "AS",
    "ALSO",
    "LATER",
    "THEN",
    "AGAIN",
    "BEGAN",
    "STARTED",
    "CONTINUED",
    "DENIED",
    "CLAIMED",
    "ACCUSED",
    "LAUNCHED",
    "ADVANCED",
    "RETREATED",
    "ATTACKED",
    "SEIZED",
    "CAPTURED",
    "TOOK",
    "KILLED",
    "SHELLED",
    "BOMBED",
    "STRUCK",
    "HIT",
    "FIRED",
    "ANNOUNCED",
    "DECLARED",
    "AGREED",
    "REJECTED",
    "WARNED",
    "URGED",
    "CALLED",
    "ACCEPTED",
    "LOYAL",
    "INTO",
    "OVER",
    "AGAINST",
    "ACROSS",
    "AFTER",
    "BEFORE",
    "SINCE",
    "UNTIL",
    "DURING",
];

/// An agent phrase without a country or a name: "the army", "rebels".
fn agent_alone(cx: &Ctx, a: usize, b: usize, agent: &dict::Agent, before: &[Ent]) -> Option<Ent> {
    let fam = agent.code.get(..3).unwrap_or(&agent.code);
    if !standalone_family(fam) || agent.prefix {
        return None;
    }
    if fam == "COP" && !(a..b).any(|i| matches!(cx.norm(i), "POLICE" | "POLICEMEN" | "SECURITY")) {
        return None;
    }
    // "the president", "the spokesman": a person named elsewhere. The
    // nearest person with that title, or nothing.
    let head = cx.norm(b - 1);
    if cx.words.titles.has(head) {
        if prev_is_the(cx, a) {
            return office_holder(cx, a, b, before);
        }
        return None;
    }
    let prev = a.checked_sub(1).map(|p| cx.norm(p)).unwrap_or("");
    let definite = prev == "THE";
    let last = cx.toks.str(b - 1);
    let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
    // "a court in Guyana", "an army of Gondor": an institution placed in a
    // country is that country's, whatever its article.
    let placed = !plural && INSTITUTIONS.contains(&head) && country_follows(cx, b);
    if !placed
        && matches!(
            prev,
            "A" | "AN" | "ONE" | "ANOTHER" | "ANY" | "EACH" | "EVERY" | "NO"
        )
    {
        return None;
    }
    // "Congress", "Parliament": a legislature named without an article.
    let legislature = !plural
        && matches!(head, "CONGRESS" | "PARLIAMENT")
        && cx.tok(b - 1).is_some_and(|t| t.has(Token::CAP));
    // Capitalised mid-sentence titles ("President") head a name elsewhere.
    if cx.tok(a).is_some_and(|t| t.has(Token::CAP))
        && !cx.sentence_initial(a)
        && !definite
        && !legislature
    {
        return None;
    }
    // Bare plurals only for the armed ("rebels", "forces", "militants"),
    // or with their country after them ("lawmakers in Arnor", "officials
    // and lawmakers from Gondor").
    // "Lawmakers approved …", "Clerics and lawmakers believe …": a bare
    // plural that opens its sentence is its subject, and so is a plural
    // conjoined to one.
    let subject = plural
        && (cx.sentence_initial(a)
            || prev == "AND"
                && before.last().is_some_and(|e| {
                    e.b + 1 == a
                        && e.code.as_deref().is_some_and(|c| c.starts_with("---"))
                        && cx.sentence_initial(e.a)
                }));
    if !(definite
        || placed
        || subject
        || legislature
        || plural && matches!(fam, "MIL" | "REB" | "OPP" | "INS" | "UAF")
        || plural && country_follows(cx, b))
    {
        return None;
    }
    // "the bomber", "the commander": people, not institutions.
    if definite && !plural && !INSTITUTIONS.contains(&cx.norm(b - 1)) {
        return None;
    }
    // "the military operation": an agent word used as a modifier.
    if !plural
        && cx
            .tok(b)
            .is_some_and(|t| t.is_word() && t.has(Token::LOWER))
        && !FOLLOWERS.contains(&cx.norm(b))
        && !past_verb(cx, b)
    {
        return None;
    }
    if definite {
        // "the army" → the nearest "Syrian army" within five sentences.
        let here = cx.sent_of.get(a).copied().unwrap_or(0);
        let antecedent = before.iter().rev().take(40).find(|e| {
            e.composed
                && cx
                    .sent_of
                    .get(e.a)
                    .is_some_and(|&s| here.saturating_sub(s) <= 5)
                && e.code.as_deref().and_then(|c| c.get(3..6)) == Some(fam)
        });
        if let Some(ante) = antecedent {
            return Some(Ent {
                a,
                b,
                title: None,
                via: EntityVia::Coreference,
                composed: false,
                ..ante.clone()
            });
        }
    }
    Some(composed(cx, a, b, None, agent))
}

/// "the government expressed", "the army strongly denied": a past-tense
/// verb (a word in "-ed", after at most one adverb in "-ly") at token `j`,
/// not a noun the agent word modifies.
fn past_verb(cx: &Ctx, j: usize) -> bool {
    let ed = |i: usize| {
        let w = cx.norm(i);
        w.len() > 4
            && w.ends_with("ED")
            && !w.ends_with("EED")
            && cx
                .tok(i)
                .is_some_and(|t| t.is_word() && t.has(Token::LOWER) && !t.has(Token::HYPHEN))
    };
    let w = cx.norm(j);
    ed(j) || w.len() > 4 && w.ends_with("LY") && (ed(j + 1) || FOLLOWERS.contains(&cx.norm(j + 1)))
}

/// "in Arnor", "of the Gondor", "and officials from Bree" after token `b`:
/// a preposition (after at most one conjoined plural noun) and a
/// capitalised word.
fn country_follows(cx: &Ctx, b: usize) -> bool {
    let mut j = b;
    if cx.norm(j) == "AND"
        && cx
            .tok(j + 1)
            .is_some_and(|t| t.has(Token::LOWER) && cx.toks.str(j + 1).ends_with('s'))
    {
        j += 2;
    }
    if !matches!(cx.norm(j), "IN" | "OF" | "FROM") {
        return false;
    }
    j += 1;
    if cx.norm(j) == "THE" {
        j += 1;
    }
    cx.tok(j).is_some_and(|t| t.is_word() && t.is_title_case())
}

/// Classifies an unknown capitalised run by the rules.
fn classify_name(cx: &Ctx, items: &[Item], k: usize, a: usize, b: usize) -> Option<Ent> {
    let n = b - a;
    if cx
        .tok(a)
        .is_some_and(|t| t.has(Token::UPPER) && t.end - t.start > 1)
    {
        return None;
    }
    let first = cx.norm(a);
    let last = cx.norm(b - 1);
    let rule = |kind: EntityKind| Ent {
        a,
        b,
        kind,
        canonical: cx.surface(a, b),
        country: None,
        code: None,
        title: None,
        via: EntityVia::Rule,
        composed: false,
    };
    // Organisations and groups by their last or first word.
    if n >= 2 {
        if cx.words.group_suffixes.has(last) || cx.words.group_prefixes.has(first) {
            return Some(rule(EntityKind::Group));
        }
        if cx.words.org_suffixes.has(last) {
            return Some(rule(EntityKind::Org));
        }
    }
    // "the Tasnim news agency", "the Fastaqim group".
    if let Some(kind) = head_after(cx, b) {
        return Some(rule(kind));
    }
    // "the rebel group Fastaqim".
    if let Some(kind) = a.checked_sub(1).and_then(|p| group_head(cx.norm(p)))
        && cx.tok(a - 1).is_some_and(|t| t.has(Token::LOWER))
    {
        return Some(rule(kind));
    }
    // A person by a title word before the name ("Mr.", "Sheikh").
    let mut p = a;
    if p > 0 && cx.toks.str(p - 1) == "." {
        p -= 1;
    }
    let titled = p > 0
        && cx.words.titles.has(cx.norm(p - 1))
        && k.checked_sub(1)
            .is_none_or(|kk| items.get(kk).is_none_or(|it| it.b() != a));
    if titled && n <= 4 {
        return Some(rule(EntityKind::Person));
    }
    let initial = cx.sentence_initial(a);
    if (2..=4).contains(&n) && cx.words.first_names.has(first) {
        return Some(rule(EntityKind::Person));
    }
    if (2..=3).contains(&n) && apposition_follows(cx, b) {
        return Some(rule(EntityKind::Person));
    }
    if (2..=3).contains(&n) {
        let said_before =
            a >= 1 && cx.words.speech.has(cx.norm(a - 1)) && cx.same_sentence(a - 1, a);
        let said_after = cx.words.speech.has(cx.norm(b)) && cx.same_sentence(b, b - 1);
        if said_before || said_after {
            return Some(rule(EntityKind::Person));
        }
    }
    if !initial
        && a >= 1
        && cx.words.place_preps.has(cx.norm(a - 1))
        && cx.tok(a - 1).is_some_and(|t| t.has(Token::LOWER))
    {
        return Some(rule(EntityKind::Loc));
    }
    None
}

/// ", a spokesman for …", ", the head of …", ", who heads …": an
/// apposition that makes the name before it a person.
fn apposition_follows(cx: &Ctx, b: usize) -> bool {
    if cx.toks.str(b) != "," {
        return false;
    }
    for j in b + 1..b + 6 {
        let Some(t) = cx.tok(j) else {
            return false;
        };
        if t.kind == Kind::Punct {
            return false;
        }
        let w = cx.norm(j);
        if matches!(w, "WHO" | "AGED") {
            return true;
        }
        if cx.words.titles.has(w) {
            return true;
        }
    }
    false
}

/// Surnames and acronyms resolved to earlier (or later) full mentions.
fn coreference(cx: &Ctx, items: &[Item], ents: &mut Vec<Ent>) {
    ents.sort_by_key(|e| (e.a, e.b));
    // Surnames of the people with a full name, and acronyms in brackets,
    // each with the mentions that define it, in text order.
    let mut keys: HashMap<String, Vec<usize>> = HashMap::new();
    let mut add = |key: String, i: usize| {
        let list = keys.entry(key).or_default();
        if list.last() != Some(&i) {
            list.push(i);
        }
    };
    for (i, e) in ents.iter().enumerate() {
        match e.kind {
            EntityKind::Person if e.b - e.a >= 2 => {
                let last = (e.a..e.b)
                    .rev()
                    .find(|&j| cx.tok(j).is_some_and(Token::is_word))
                    .map(|j| cx.norm(j).to_string());
                if let Some(l) = last {
                    add(l, i);
                }
                if let Some(l) = e.canonical.split_whitespace().last() {
                    let mut n = String::new();
                    for c in l.chars() {
                        if c != '.' && !crate::text::is_apostrophe(c) {
                            crate::text::push_folded_upper(&mut n, c);
                        }
                    }
                    if let Some(tail) = n.rsplit('-').next() {
                        add(tail.to_string(), i);
                    }
                }
            }
            EntityKind::Org | EntityKind::Group if acronym_after(cx, e.b) => {
                add(cx.norm(e.b + 1).to_string(), i);
            }
            _ => {}
        }
    }
    if keys.is_empty() {
        return;
    }
    let covered = |a: usize, b: usize| {
        // Entities are sorted and do not overlap much: look at the one
        // starting before `b` nearest to it.
        let k = ents.partition_point(|e| e.a < b);
        ents[..k].iter().rev().take(4).any(|e| a < e.b)
    };
    let mut extra = Vec::new();
    for item in items {
        let Item::Name { a, b } = *item else {
            continue;
        };
        // "Kerry", "Mr. Kerry"; an acronym is a one-word run too.
        if b - a > 1 && !(b - a == 2 && cx.words.titles.has(cx.norm(a))) {
            continue;
        }
        let Some(list) = keys.get(cx.norm(b - 1)) else {
            continue;
        };
        if covered(a, b) {
            continue;
        }
        // The nearest mention before, else the first after.
        let k = list.partition_point(|&i| ents[i].a < a);
        let best = k
            .checked_sub(1)
            .and_then(|k| list.get(k))
            .or_else(|| list[k..].iter().find(|&&i| ents[i].a != a));
        if let Some(&i) = best {
            extra.push(Ent {
                a,
                b,
                title: None,
                via: EntityVia::Coreference,
                composed: false,
                ..ents[i].clone()
            });
        }
    }
    // Acronyms in brackets right after their full name. Rare, so the
    // mentions already there are searched only when one turns up.
    let before = extra.len();
    for e in ents.iter() {
        if matches!(e.kind, EntityKind::Org | EntityKind::Group)
            && acronym_after(cx, e.b)
            && !items
                .iter()
                .filter(|it| !matches!(it, Item::Name { .. }))
                .map(Item::a)
                .chain(extra.iter().take(before).map(|x| x.a))
                .any(|a| a == e.b + 1)
        {
            extra.push(Ent {
                a: e.b + 1,
                b: e.b + 2,
                title: None,
                via: EntityVia::Coreference,
                composed: false,
                ..e.clone()
            });
        }
    }
    ents.extend(extra);
}

/// "(SDF)" right after token `b`.
fn acronym_after(cx: &Ctx, b: usize) -> bool {
    cx.toks.str(b) == "("
        && cx.toks.str(b + 2) == ")"
        && cx
            .tok(b + 1)
            .is_some_and(|t| t.has(Token::UPPER) && t.kind == Kind::Word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{annotator, ent, ents};

    #[test]
    fn country_and_agent_compose() {
        let an = annotator();
        let e = ents(an, "The Syrian army and Russian warplanes pounded rebels.");
        assert_eq!(ent(&e, "Syrian army").code.as_deref(), Some("SYRMIL"));
        assert_eq!(ent(&e, "Syrian army").canonical, "Syrian military");
        assert_eq!(ent(&e, "Russian warplanes").code.as_deref(), Some("RUSMIL"));
        assert_eq!(ent(&e, "rebels").code.as_deref(), Some("---REB"));
    }

    #[test]
    fn titled_people() {
        let an = annotator();
        let e = ents(
            an,
            "US Secretary of State John Kerry met German Foreign Minister Frank-Walter Steinmeier and Lebanese Prime Minister Fadi Karam.",
        );
        let kerry = ent(&e, "John Kerry");
        assert_eq!(kerry.code.as_deref(), Some("USAGOV"));
        assert_eq!(kerry.kind, EntityKind::Person);
        assert!(kerry.title.is_some());
        assert_eq!(
            ent(&e, "Frank-Walter Steinmeier").code.as_deref(),
            Some("DEUGOV")
        );
        let salam = ent(&e, "Fadi Karam");
        assert_eq!(salam.code.as_deref(), Some("LBNGOV"));
        assert_eq!(salam.country.as_deref(), Some("LBN"));
        assert_eq!(salam.via, EntityVia::Rule);
    }

    #[test]
    fn surnames_corefer_both_ways() {
        let an = annotator();
        let e = ents(
            an,
            "Kerry says truce near.\n\nUS Secretary of State John Kerry said so. Later, Kerry left.",
        );
        let kerrys: Vec<_> = e.iter().filter(|x| x.canonical == "John Kerry").collect();
        assert_eq!(kerrys.len(), 3);
        assert!(kerrys.iter().all(|k| k.code.as_deref() == Some("USAGOV")));
    }

    #[test]
    fn unknown_names_by_rule() {
        let an = annotator();
        let e = ents(
            an,
            "The High Negotiations Body met the Jaish al-Sunna militia and Liwa Suqour al-Jabal in Kafr Hamra.",
        );
        assert_eq!(ent(&e, "High Negotiations Body").kind, EntityKind::Org);
        assert_eq!(ent(&e, "Jaish al-Sunna").kind, EntityKind::Group);
        assert_eq!(ent(&e, "Liwa Suqour al-Jabal").kind, EntityKind::Group);
        assert_eq!(ent(&e, "Kafr Hamra").kind, EntityKind::Loc);
    }

    #[test]
    fn definite_agents_resolve() {
        let an = annotator();
        let e = ents(
            an,
            "The Syrian army advanced. Later the army said it had won.",
        );
        let armies: Vec<_> = e
            .iter()
            .filter(|x| x.code.as_deref() == Some("SYRMIL"))
            .collect();
        assert_eq!(armies.len(), 2);
        assert_eq!(armies[1].via, EntityVia::Coreference);
    }

    #[test]
    fn definite_agents_before_past_verbs() {
        let an = annotator();
        // Reuters, 2016: "the opposition" as the subject of a past verb.
        let e = ents(
            an,
            "Peace talks collapsed in Geneva after just two days, after the opposition walked out.",
        );
        assert_eq!(ent(&e, "opposition").code.as_deref(), Some("---OPP"));
        let e = ents(
            an,
            "The government expressed appreciation for China's assistance.",
        );
        assert_eq!(ent(&e, "government").code.as_deref(), Some("---GOV"));
        let e = ents(an, "The army strongly denied the report.");
        assert_eq!(ent(&e, "army").code.as_deref(), Some("---MIL"));
        // Modifiers stay modifiers: a noun after the agent word, or the
        // tail of a compound ("government-controlled").
        let e = ents(
            an,
            "The military operation began in the government-controlled territory.",
        );
        assert!(
            e.iter()
                .all(|x| x.text != "military" && x.text != "government"),
            "{e:?}"
        );
    }

    #[test]
    fn places_in_based_and_pro_compounds_are_no_actors() {
        let an = annotator();
        // AFP, 2014: the Observatory is British-based, not British.
        let e = ents(
            an,
            "The Syrian Observatory for Human Rights, a UK-based group that tracks the war, said eight people were killed.",
        );
        assert!(e.iter().all(|x| x.text != "UK"), "{e:?}");
        let e = ents(
            an,
            "The missile is believed to have been fired by pro-Russia rebels.",
        );
        assert!(
            e.iter().all(|x| x.code.as_deref() != Some("RUSREB")),
            "{e:?}"
        );
        assert_eq!(ent(&e, "rebels").code.as_deref(), Some("---REB"));
        // A broker stays an actor.
        let e = ents(
            an,
            "Those groups have been excluded from a Russian- and U.S.-brokered cease-fire.",
        );
        assert_eq!(ent(&e, "U.S.").code.as_deref(), Some("USA"));
    }

    #[test]
    fn bare_plural_subjects() {
        let an = annotator();
        // Reuters, 2016.
        let e = ents(
            an,
            "Diplomats said Kerry was taken aback by the sudden collapse of the talks.",
        );
        assert_eq!(ent(&e, "Diplomats").code.as_deref(), Some("---GOV"));
        let e = ents(
            an,
            "Clerics and lawmakers believe the two countries can cope with less water.",
        );
        assert_eq!(ent(&e, "Clerics").code.as_deref(), Some("---REL"));
        assert_eq!(ent(&e, "lawmakers").code.as_deref(), Some("---LEG"));
        // Inside a sentence, a bare plural of the unarmed stays unnamed.
        let e = ents(an, "The bill angered lawmakers in the capital.");
        assert!(e.iter().all(|x| x.text != "lawmakers"), "{e:?}");
    }

    #[test]
    fn legislatures_named_without_article() {
        let an = annotator();
        let e = ents(an, "Congress is asking Obama to help Iran.");
        assert_eq!(ent(&e, "Congress").code.as_deref(), Some("---LEG"));
        let e = ents(
            an,
            "The vote means Parliament will debate the bill next week.",
        );
        assert_eq!(ent(&e, "Parliament").code.as_deref(), Some("---LEG"));
        // Other capitalised agents mid-sentence still head a name.
        let e = ents(an, "He met President in the capital.");
        assert!(e.iter().all(|x| x.text != "President"), "{e:?}");
    }

    #[test]
    fn institutions_placed_in_a_country() {
        let an = annotator();
        let e = ents(
            an,
            "A court in Kenya has jailed two men, and a court official in Nairobi said a soldier in Somalia was freed.",
        );
        assert_eq!(ent(&e, "court").code.as_deref(), Some("---JUD"));
        // A person with an office, or a soldier, is not the institution.
        assert!(e.iter().all(|x| x.text != "soldier"));
        assert!(e.iter().all(|x| x.text != "court official"));
        // With no place after it, "a court" is nobody in particular.
        let e = ents(an, "He said a court would rule on it.");
        assert!(e.iter().all(|x| x.text != "court"));
    }

    #[test]
    fn capitals_are_places_with_countries() {
        let an = annotator();
        let e = ents(an, "Talks in Vienna, Damascus and Tbilisi.");
        assert_eq!(ent(&e, "Vienna").country.as_deref(), Some("AUT"));
        assert_eq!(ent(&e, "Damascus").canonical, "Damascus");
        assert_eq!(ent(&e, "Damascus").code.as_deref(), Some("SYR"));
        assert_eq!(ent(&e, "Tbilisi").country.as_deref(), Some("GEO"));
        assert_eq!(ent(&e, "Tbilisi").kind, EntityKind::Gpe);
    }

    #[test]
    fn acronyms_respect_case() {
        let an = annotator();
        let e = ents(
            an,
            "IS fighters attacked. Tell us what is known. KERRY SAYS US HOPES IS DONE.",
        );
        assert_eq!(ent(&e, "IS fighters").canonical, "Islamic State");
        assert!(e.iter().all(|x| x.canonical != "United States"));
        assert_eq!(
            e.iter().filter(|x| x.canonical == "Islamic State").count(),
            1
        );
    }

    #[test]
    fn bracketed_acronyms() {
        let an = annotator();
        let e = ents(an, "The Hamra Martyrs Front (HMF) fought. HMF said it won.");
        let alf: Vec<_> = e
            .iter()
            .filter(|x| x.canonical == "Hamra Martyrs Front")
            .collect();
        assert_eq!(alf.len(), 3, "{e:?}");
    }
}
