//! Event coreference across documents: every document's coded events and
//! ceasefire frames become [`LinkedEvent`]s, and mentions of the same
//! real-world event merge into one.
//!
//! Coded events merge when they have the same PLOVER type and CAMEO root,
//! actors of the same country (CAMEO code prefix, else canonical name),
//! compatible targets and places, and dates that overlap (a day inside a
//! week, month or year counts as overlapping; the finer value is kept).
//! Undated events merge only on full agreement of type, both actor codes and
//! place, published within [`UNDATED_DAYS`] of each other. Negated and
//! hypothetical events are not linked: they did not happen.
//!
//! Candidates come from blocking keys (type + CAMEO root + source country +
//! one calendar bucket: ISO week for dated-to-the-day values, month, year,
//! or publication week for undated ones), so the cost of a document depends
//! on how many events share its keys, not on the corpus size.
//!
//! Ceasefire frames merge by scope, start and activity window (a local
//! Aleppo truce in April stays apart from the nationwide February one).
//! Their fields merge one by one: declarer, parties, excluded, conditions and
//! reactions are unions; scope, start, duration and end keep the value with
//! most independent sources (near-duplicate copies count once) and record
//! each disagreement with the sites behind both sides. The lifecycle has one
//! step per status reached, dated by the earliest report (in effect: the
//! start, when known; collapsed: the end, when reported as past).
//!
//! A frame naming nothing (no scope, parties, declarer or start: a
//! background "a two-year truce collapsed last year") joins only an equally
//! bare record of its document or duration; frames that name something join
//! only on something in common (a compatible scope, the same start, a name
//! sharing a stem); explicit different durations or disjoint parties keep
//! two truces apart. This module does not decide stories or timelines.

use std::collections::{BTreeSet, HashMap};

use dateline_core::{
    Ceasefire, CeasefireStatus, DatePrecision, Document, Event, EventActor, LifecycleStep,
    LinkedEvent, Mention, MentionOf, Modality,
};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3Builder, xxh3_64};

use crate::date::{self, DateSpan, days_between};
use crate::summary;
use crate::text::has_all_words;

/// Undated events merge only when published this close together.
pub const UNDATED_DAYS: i64 = 3;
/// A ceasefire keeps drawing mentions without a start date for this long
/// after (and before) its latest report.
pub const CEASEFIRE_WINDOW_DAYS: i64 = 45;
/// Starts this many days apart (time zones, "midnight" read as either
/// side) still name the same ceasefire.
const START_SLACK_DAYS: i64 = 1;
/// Starts up to this many days apart name the same ceasefire when the scope
/// agrees and the parties do not contradict it.
const START_MISREAD_DAYS: i64 = 7;
/// Sites listed beside a value in a disagreement.
const SITES_SHOWN: usize = 3;
/// The CAMEO code recorded on ceasefire records ("declare truce, ceasefire").
const CEASEFIRE_CAMEO: &str = "0871";

/// One value of a ceasefire field and who reports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Vote {
    value: String,
    /// Independent sources (near-duplicate group representatives).
    sources: BTreeSet<u32>,
    /// The first few sites reporting it.
    sites: Vec<String>,
}

/// The values each contested ceasefire field has received, in arrival order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Votes {
    scope: Vec<Vote>,
    start: Vec<Vote>,
    duration: Vec<Vote>,
    end: Vec<Vote>,
}

/// A linked event with what is needed to keep merging into it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Linked {
    pub(crate) event: LinkedEvent,
    first_pub: Option<Date>,
    last_pub: Option<Date>,
    /// No source gave a usable date.
    undated: bool,
    /// Ceasefires: field votes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    votes: Option<Votes>,
    /// Ceasefires: the earliest publication date reporting each lifecycle step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    earliest: Vec<(CeasefireStatus, Option<Date>)>,
    /// Ceasefires: the months (year * 12 + month) it is indexed under.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    months: Vec<i32>,
}

/// Where a mention comes from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Origin<'a> {
    pub(crate) doc: &'a Document,
    /// The document's near-duplicate representative: copies count once.
    pub(crate) source: u32,
    /// Its site, for disagreements.
    pub(crate) site: &'a str,
}

/// Ids of the linked events a document created and updated.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Touched {
    pub(crate) created: Vec<u32>,
    pub(crate) updated: Vec<u32>,
}

/// The incremental coreference index.
#[derive(Clone, Debug, Default)]
pub(crate) struct EventIndex {
    linked: Vec<Linked>,
    ids: HashMap<String, u32, Xxh3Builder>,
    /// Blocking key → events indexed under it.
    blocks: HashMap<u64, Vec<u32>, Xxh3Builder>,
    /// Month → ceasefires active in it.
    months: HashMap<i32, Vec<u32>, Xxh3Builder>,
}

impl EventIndex {
    pub(crate) fn len(&self) -> usize {
        self.linked.len()
    }

    pub(crate) fn get(&self, idx: u32) -> &LinkedEvent {
        &self.linked[idx as usize].event
    }

    pub(crate) fn by_id(&self, id: &str) -> Option<&LinkedEvent> {
        self.ids.get(id).map(|&i| self.get(i))
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &LinkedEvent> {
        self.linked.iter().map(|l| &l.event)
    }

    pub(crate) fn set_story(&mut self, idx: u32, story: &str) {
        let event = &mut self.linked[idx as usize].event;
        if event.story.is_none() {
            event.story = Some(story.to_string());
        }
    }

    /// Links every event and ceasefire frame of a document.
    pub(crate) fn add(&mut self, origin: Origin<'_>) -> Touched {
        let mut touched = Touched::default();
        for (i, event) in origin.doc.events.iter().enumerate() {
            if matches!(event.modality, Modality::Negated | Modality::Hypothetical) {
                continue;
            }
            let mention = mention(origin.doc, MentionOf::Event, i);
            let (idx, created) = self.add_event(origin, event, mention);
            note(&mut touched, idx, created);
        }
        for (i, frame) in origin.doc.ceasefires.iter().enumerate() {
            let mention = mention(origin.doc, MentionOf::Ceasefire, i);
            let (idx, created) = self.add_ceasefire(origin, frame, mention);
            note(&mut touched, idx, created);
        }
        touched
    }

    fn add_event(&mut self, origin: Origin<'_>, event: &Event, mention: Mention) -> (u32, bool) {
        let published = origin.doc.published;
        let span = event.when.as_deref().and_then(date::parse);
        let block = block_key(&event.kind, &event.cameo, event.source.as_ref());
        let found = match span {
            Some(span) => query_buckets(&span)
                .into_iter()
                .flat_map(|b| self.block(block, &b))
                .filter(|&c| self.event_fits_dated(c, event, &span))
                .min_by_key(|&c| self.preference(c, Some(&span))),
            None => published.and_then(|p| {
                undated_buckets(p)
                    .into_iter()
                    .flat_map(|b| self.block(block, &b))
                    .filter(|&c| self.event_fits_undated(c, event, p))
                    .min_by_key(|&c| self.preference(c, None))
            }),
        };
        if let Some(idx) = found {
            let old_bucket = self.bucket_of(idx);
            let linked = &mut self.linked[idx as usize];
            merge_event(linked, event, span, mention, published);
            self.rebucket(idx, old_bucket);
            return (idx, false);
        }
        let value = span.and(event.when.clone());
        let linked = Linked {
            event: LinkedEvent {
                id: event_id(&mention),
                kind: event.kind.clone(),
                cameo: event.cameo.clone(),
                date: value,
                precision: span.map(|s| s.precision),
                source: event.source.clone(),
                target: event.target.clone(),
                place: event.place.clone(),
                summary: summary::event(
                    &event.kind,
                    &event.cameo,
                    event.source.as_ref(),
                    event.target.as_ref(),
                    event.place.as_deref(),
                ),
                ceasefire: None,
                lifecycle: Vec::new(),
                mentions: vec![mention],
                disagreements: Vec::new(),
                story: None,
            },
            first_pub: published,
            last_pub: published,
            undated: span.is_none(),
            votes: None,
            earliest: Vec::new(),
            months: Vec::new(),
        };
        (self.insert(linked), true)
    }

    /// Events already indexed under one bucket of a blocking key.
    fn block(&self, block: u64, bucket: &str) -> Vec<u32> {
        self.blocks
            .get(&bucket_key(block, bucket))
            .cloned()
            .unwrap_or_default()
    }

    fn event_fits_dated(&self, idx: u32, event: &Event, span: &DateSpan) -> bool {
        let l = &self.linked[idx as usize];
        let Some(their) = l.event.date.as_deref().and_then(date::parse) else {
            return false;
        };
        l.votes.is_none()
            && their.overlaps(span)
            && same_type(&l.event, event)
            && actors_compatible(l.event.target.as_ref(), event.target.as_ref())
            && places_compatible(l.event.place.as_deref(), event.place.as_deref())
    }

    fn event_fits_undated(&self, idx: u32, event: &Event, published: Date) -> bool {
        let l = &self.linked[idx as usize];
        let close =
            |d: Option<Date>| d.is_some_and(|d| days_between(d, published).abs() <= UNDATED_DAYS);
        let same_code = |a: Option<&EventActor>, b: Option<&EventActor>| match (a, b) {
            (Some(a), Some(b)) => a.code.is_some() && a.code == b.code,
            _ => false,
        };
        let same_place = match (l.event.place.as_deref(), event.place.as_deref()) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => false,
        };
        l.undated
            && l.votes.is_none()
            && same_type(&l.event, event)
            && same_code(l.event.source.as_ref(), event.source.as_ref())
            && same_code(l.event.target.as_ref(), event.target.as_ref())
            && same_place
            && (close(l.first_pub) || close(l.last_pub))
    }

    /// Among fitting candidates: the same precision first, then the most
    /// reported, then the oldest (deterministic).
    fn preference(
        &self,
        idx: u32,
        span: Option<&DateSpan>,
    ) -> (bool, std::cmp::Reverse<usize>, u32) {
        let l = &self.linked[idx as usize];
        let same_precision = span.is_some_and(|s| l.event.precision == Some(s.precision));
        (
            !same_precision,
            std::cmp::Reverse(l.event.mentions.len()),
            idx,
        )
    }

    fn insert(&mut self, linked: Linked) -> u32 {
        let idx = u32::try_from(self.linked.len()).unwrap_or(u32::MAX);
        self.ids.insert(linked.event.id.clone(), idx);
        self.linked.push(linked);
        if let Some(key) = self.bucket_of(idx) {
            self.blocks.entry(key).or_default().push(idx);
        }
        let months = self.linked[idx as usize].months.clone();
        for m in months {
            self.months.entry(m).or_default().push(idx);
        }
        idx
    }

    /// The blocking bucket a coded event is indexed under (ceasefires use months).
    fn bucket_of(&self, idx: u32) -> Option<u64> {
        let l = &self.linked[idx as usize];
        if l.votes.is_some() {
            return None;
        }
        let block = block_key(&l.event.kind, &l.event.cameo, l.event.source.as_ref());
        let bucket = match l.event.date.as_deref().and_then(date::parse) {
            Some(span) => own_bucket(&span),
            None => undated_bucket(l.first_pub?),
        };
        Some(bucket_key(block, &bucket))
    }

    fn rebucket(&mut self, idx: u32, old: Option<u64>) {
        let new = self.bucket_of(idx);
        if new == old {
            return;
        }
        if let Some(list) = old.and_then(|k| self.blocks.get_mut(&k)) {
            list.retain(|&i| i != idx);
        }
        if let Some(key) = new {
            self.blocks.entry(key).or_default().push(idx);
        }
    }

    fn add_ceasefire(
        &mut self,
        origin: Origin<'_>,
        frame: &Ceasefire,
        mention: Mention,
    ) -> (u32, bool) {
        let published = origin.doc.published;
        let start = frame.start.as_deref().and_then(date::parse);
        let mut months: Vec<i32> = Vec::new();
        if let Some(s) = start {
            months.push(month_number(s.start));
        }
        if let Some(p) = published {
            let m = month_number(p);
            months.extend([m, m - 1, m - 2]);
        }
        months.sort_unstable();
        months.dedup();
        let mut candidates: Vec<u32> = months
            .iter()
            .filter_map(|m| self.months.get(m))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let found = candidates
            .into_iter()
            .filter_map(|c| {
                let score = ceasefire_fit(&self.linked[c as usize], frame, start, origin.doc)?;
                let recent = self.linked[c as usize].last_pub;
                Some((std::cmp::Reverse(score), std::cmp::Reverse(recent), c))
            })
            .min()
            .map(|(_, _, c)| c);
        let idx = match found {
            Some(idx) => idx,
            None => {
                let linked = Linked {
                    event: LinkedEvent {
                        id: event_id(&mention),
                        kind: "CEASEFIRE".to_string(),
                        cameo: CEASEFIRE_CAMEO.to_string(),
                        date: None,
                        precision: None,
                        source: None,
                        target: None,
                        place: None,
                        summary: String::new(),
                        ceasefire: Some(Ceasefire {
                            evidence: frame.evidence.clone(),
                            ..empty_frame()
                        }),
                        lifecycle: Vec::new(),
                        mentions: Vec::new(),
                        disagreements: Vec::new(),
                        story: None,
                    },
                    first_pub: published,
                    last_pub: published,
                    undated: false,
                    votes: Some(Votes::default()),
                    earliest: Vec::new(),
                    months: Vec::new(),
                };
                self.insert(linked)
            }
        };
        let created = found.is_none();
        let linked = &mut self.linked[idx as usize];
        merge_ceasefire(linked, frame, origin, mention);
        let mut wanted: Vec<i32> = Vec::new();
        if let Some(s) = linked.event.date.as_deref().and_then(date::parse) {
            wanted.push(month_number(s.start));
        }
        if let Some(p) = published {
            wanted.push(month_number(p));
        }
        for m in wanted {
            if !linked.months.contains(&m) {
                linked.months.push(m);
                self.months.entry(m).or_default().push(idx);
            }
        }
        (idx, created)
    }

    /// The saved form: the linked events with their merge bookkeeping.
    pub(crate) fn to_state(&self) -> Vec<Linked> {
        self.linked.clone()
    }

    /// Rebuilds the index (ids, blocks, months) from its saved form.
    pub(crate) fn from_state(linked: Vec<Linked>) -> EventIndex {
        let mut index = EventIndex::default();
        for l in linked {
            index.insert(l);
        }
        index
    }
}

fn note(touched: &mut Touched, idx: u32, created: bool) {
    if created {
        touched.created.push(idx);
    } else if !touched.created.contains(&idx) && !touched.updated.contains(&idx) {
        touched.updated.push(idx);
    }
}

fn mention(doc: &Document, of: MentionOf, index: usize) -> Mention {
    Mention {
        doc: doc.id.clone(),
        of,
        index: u32::try_from(index).unwrap_or(u32::MAX),
    }
}

/// A stable id from the first mention.
fn event_id(m: &Mention) -> String {
    let of = match m.of {
        MentionOf::Event => "event",
        MentionOf::Ceasefire => "ceasefire",
    };
    format!(
        "ev-{:016x}",
        xxh3_64(format!("{}:{of}:{}", m.doc, m.index).as_bytes())
    )
}

/// The country-level key of an actor: the CAMEO country prefix, else the name.
fn actor_key(actor: &EventActor) -> String {
    match actor.code.as_deref().and_then(|c| c.get(..3)) {
        Some(country) => country.to_ascii_uppercase(),
        None => summary::actor_name(actor).to_lowercase(),
    }
}

fn actors_compatible(a: Option<&EventActor>, b: Option<&EventActor>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => actor_key(a) == actor_key(b),
        _ => true,
    }
}

/// Whether two names could be the same place or scope: one's words all occur in the other.
fn places_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => has_all_words(b, a) || has_all_words(a, b),
        _ => true,
    }
}

fn cameo_root(cameo: &str) -> &str {
    cameo.get(..2).unwrap_or(cameo)
}

fn same_type(l: &LinkedEvent, e: &Event) -> bool {
    l.kind == e.kind && cameo_root(&l.cameo) == cameo_root(&e.cameo)
}

fn block_key(kind: &str, cameo: &str, source: Option<&EventActor>) -> u64 {
    let actor = source.map(actor_key).unwrap_or_default();
    xxh3_64(format!("{kind}|{}|{actor}", cameo_root(cameo)).as_bytes())
}

fn bucket_key(block: u64, bucket: &str) -> u64 {
    xxh3_64(format!("{block:016x}|{bucket}").as_bytes())
}

fn week_bucket(d: Date) -> String {
    let w = d.iso_week_date();
    format!("W{}-{}", w.year(), w.week())
}

fn month_bucket(d: Date) -> String {
    format!("M{}-{}", d.year(), d.month())
}

/// The one bucket a dated event is indexed under, by its precision.
fn own_bucket(span: &DateSpan) -> String {
    match span.precision {
        DatePrecision::Day | DatePrecision::Time | DatePrecision::Week => week_bucket(span.start),
        DatePrecision::Month => month_bucket(span.start),
        DatePrecision::Year => format!("Y{}", span.start.year()),
    }
}

/// Every bucket an event overlapping `span` could be indexed under.
fn query_buckets(span: &DateSpan) -> Vec<String> {
    let mut out = Vec::new();
    let mut d = span.start;
    while d <= span.end {
        out.push(week_bucket(d));
        out.push(month_bucket(d));
        match d.checked_add(jiff::Span::new().days(7)) {
            Ok(next) => d = next,
            Err(_) => break,
        }
    }
    out.push(week_bucket(span.end));
    out.push(month_bucket(span.end));
    out.push(format!("Y{}", span.start.year()));
    out.push(format!("Y{}", span.end.year()));
    out.sort();
    out.dedup();
    out
}

fn undated_bucket(published: Date) -> String {
    format!("U{}", week_bucket(published))
}

fn undated_buckets(published: Date) -> Vec<String> {
    let mut out: Vec<String> = [-UNDATED_DAYS, 0, UNDATED_DAYS]
        .iter()
        .filter_map(|&n| published.checked_add(jiff::Span::new().days(n)).ok())
        .map(undated_bucket)
        .collect();
    out.sort();
    out.dedup();
    out
}

fn month_number(d: Date) -> i32 {
    i32::from(d.year()) * 12 + i32::from(d.month()) - 1
}

fn merge_event(
    l: &mut Linked,
    e: &Event,
    span: Option<DateSpan>,
    mention: Mention,
    published: Option<Date>,
) {
    let current = l.event.date.as_deref().and_then(date::parse);
    if let (Some(new), Some(old)) = (span, current)
        && new.refines(&old)
    {
        l.event.date = e.when.clone();
        l.event.precision = Some(new.precision);
    }
    let mut changed = false;
    for (mine, theirs) in [
        (&mut l.event.source, &e.source),
        (&mut l.event.target, &e.target),
    ] {
        if mine.is_none() && theirs.is_some() {
            mine.clone_from(theirs);
            changed = true;
        }
    }
    if l.event.place.is_none() && e.place.is_some() {
        l.event.place.clone_from(&e.place);
        changed = true;
    }
    if changed {
        l.event.summary = summary::event(
            &l.event.kind,
            &l.event.cameo,
            l.event.source.as_ref(),
            l.event.target.as_ref(),
            l.event.place.as_deref(),
        );
    }
    widen(l, published);
    l.event.mentions.push(mention);
}

fn widen(l: &mut Linked, published: Option<Date>) {
    if let Some(p) = published {
        l.first_pub = Some(l.first_pub.map_or(p, |f| f.min(p)));
        l.last_pub = Some(l.last_pub.map_or(p, |f| f.max(p)));
    }
}

fn empty_frame() -> Ceasefire {
    Ceasefire {
        declarer: Vec::new(),
        parties: Vec::new(),
        excluded: Vec::new(),
        scope: None,
        start: None,
        duration: None,
        end: None,
        status: CeasefireStatus::Proposed,
        conditions: Vec::new(),
        reactions: Vec::new(),
        evidence: Vec::new(),
        issues: Vec::new(),
    }
}

/// How well a frame fits a linked ceasefire; `None` when it cannot be the same one.
fn ceasefire_fit(
    l: &Linked,
    f: &Ceasefire,
    start: Option<DateSpan>,
    doc: &Document,
) -> Option<u32> {
    let published = doc.published;
    let votes = l.votes.as_ref()?;
    let frame = l.event.ceasefire.as_ref()?;
    // A frame that names nothing (a background "a two-year ceasefire
    // collapsed") cannot be told apart from any other truce: it joins only
    // an equally bare record of its own document or of the same duration,
    // and a bare record draws no identified frame either.
    match (is_bare(f), is_bare(frame)) {
        (true, true) => {
            let same_doc = l.event.mentions.iter().any(|m| m.doc == doc.id);
            let same_duration = f.duration.is_some() && f.duration == frame.duration;
            return (same_doc || same_duration).then_some(0);
        }
        (true, false) | (false, true) => return None,
        (false, false) => {}
    }
    // Two explicit durations that differ (PT72H vs P2Y) are two truces.
    if let Some(d) = f.duration.as_deref()
        && !votes.duration.is_empty()
        && !votes.duration.iter().any(|v| v.value == d)
    {
        return None;
    }
    if parties_disjoint(frame, f) {
        return None;
    }
    let mut score = 0;
    if let Some(scope) = f.scope.as_deref()
        && !votes.scope.is_empty()
    {
        if !votes
            .scope
            .iter()
            .any(|v| places_compatible(Some(&v.value), Some(scope)))
        {
            return None;
        }
        score += 2;
    }
    let overlap = f
        .declarer
        .iter()
        .chain(&f.parties)
        .any(|n| contains_name(&frame.declarer, n) || contains_name(&frame.parties, n));
    let theirs = frame.start.as_deref().and_then(date::parse);
    let near = |d: Date, lo: Option<Date>, hi: Option<Date>| {
        let after = lo.is_none_or(|lo| days_between(lo, d) >= -CEASEFIRE_WINDOW_DAYS);
        let before = hi.is_none_or(|hi| days_between(hi, d) <= CEASEFIRE_WINDOW_DAYS);
        after && before
    };
    match (start, theirs) {
        (Some(a), Some(b)) => {
            let gap = a.gap_days(&b);
            // A start read a few days off (a weekday resolved to the wrong
            // week) still names the same ceasefire when the scope agrees and
            // the parties do not contradict it (one in common, or none
            // named); the two starts then show as a disagreement.
            let no_parties = f.declarer.is_empty() && f.parties.is_empty();
            let misread = gap <= START_MISREAD_DAYS && score > 0 && (overlap || no_parties);
            if gap > START_SLACK_DAYS && !misread {
                return None;
            }
            score += 3;
        }
        (Some(a), None) => {
            if !near(a.start, l.first_pub, l.last_pub) {
                return None;
            }
        }
        (None, Some(b)) => {
            if !published.is_none_or(|p| near(p, Some(b.start), l.last_pub)) {
                return None;
            }
        }
        (None, None) => {
            if !published.is_none_or(|p| near(p, l.first_pub, l.last_pub)) {
                return None;
            }
        }
    }
    if overlap {
        score += 1;
    }
    // Both name something: it takes one thing in common to be sure (a
    // compatible scope, the same start, or a name: "Syrian opposition"
    // agrees with a truce across Syria, "Turkish government" does not).
    if score == 0
        && !names_meet(
            &identity_words(frame, &votes.scope),
            &identity_words(f, &[]),
        )
    {
        return None;
    }
    Some(score)
}

/// Whether a frame carries nothing that identifies its truce: no scope,
/// parties, declarer or start.
fn is_bare(f: &Ceasefire) -> bool {
    f.scope.is_none() && f.parties.is_empty() && f.declarer.is_empty() && f.start.is_none()
}

/// Words too generic to tie two party names together ("Turkish government"
/// and "Syrian government" are different sides).
const GENERIC_PARTY_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "government",
    "forces",
    "force",
    "army",
    "military",
    "rebels",
    "rebel",
    "opposition",
    "insurgents",
    "militants",
    "group",
    "groups",
    "party",
    "state",
    "regime",
    "security",
    "armed",
    "fighters",
    "militia",
    "militias",
];

/// The distinctive words of a party name, lowercased.
fn party_words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.len() > 2 && !GENERIC_PARTY_WORDS.contains(&w.as_str()))
        .collect()
}

/// Two words name the same country or group: equal, or sharing a stem of
/// four letters or more ("Syria"/"Syrian", "Kurdish"/"Kurdistan"). Lenient
/// on purpose: a false match only lets a merge through as before.
fn same_stem(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    a == b || common >= 4
}

/// The distinctive words of a frame's scope (and scopes voted for),
/// parties and declarer.
fn identity_words(c: &Ceasefire, scopes: &[Vote]) -> Vec<String> {
    c.scope
        .iter()
        .chain(scopes.iter().map(|v| &v.value))
        .chain(&c.parties)
        .chain(&c.declarer)
        .flat_map(|n| party_words(n))
        .collect()
}

/// Whether two word lists share a stem.
fn names_meet(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.iter().any(|y| same_stem(x, y)))
}

/// Both frames name parties, and no name of one (parties or declarer)
/// shares a distinctive word with a name of the other.
fn parties_disjoint(linked: &Ceasefire, f: &Ceasefire) -> bool {
    if linked.parties.is_empty() || f.parties.is_empty() {
        return false;
    }
    let words = |c: &Ceasefire| -> Vec<String> {
        c.parties
            .iter()
            .chain(&c.declarer)
            .flat_map(|n| party_words(n))
            .collect()
    };
    !names_meet(&words(linked), &words(f))
}

fn contains_name(list: &[String], name: &str) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

fn union(into: &mut Vec<String>, from: &[String]) {
    for name in from {
        if !contains_name(into, name) {
            into.push(name.clone());
        }
    }
}

fn vote(list: &mut Vec<Vote>, value: Option<&String>, origin: Origin<'_>) {
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        return;
    };
    let at = match list.iter().position(|v| &v.value == value) {
        Some(at) => at,
        None => {
            list.push(Vote {
                value: value.clone(),
                sources: BTreeSet::new(),
                sites: Vec::new(),
            });
            list.len() - 1
        }
    };
    let v = &mut list[at];
    v.sources.insert(origin.source);
    if v.sites.len() < SITES_SHOWN && !v.sites.iter().any(|s| s == origin.site) {
        v.sites.push(origin.site.to_string());
    }
}

/// The value with most independent sources. A clock time with its zone also
/// counts the sources that gave the same clock time without one. Among
/// equally supported values the first reported wins, unless another refines
/// it (a time within its day, the zone of a zone-less time): a tie never
/// lets a contradicting value take over.
fn best(list: &[Vote]) -> Option<&Vote> {
    let support = |v: &Vote| {
        let mut sources = v.sources.clone();
        for other in list {
            if adds_zone(&v.value, &other.value) {
                sources.extend(other.sources.iter().copied());
            }
        }
        sources.len()
    };
    let supports: Vec<usize> = list.iter().map(support).collect();
    let top = supports.iter().copied().max()?;
    let mut tied = list
        .iter()
        .zip(&supports)
        .filter(|&(_, &n)| n == top)
        .map(|(v, _)| v);
    let mut pick = tied.next()?;
    for v in tied {
        let refines = match (date::parse(&v.value), date::parse(&pick.value)) {
            (Some(finer), Some(coarser)) => finer.refines(&coarser),
            _ => false,
        } || adds_zone(&v.value, &pick.value);
        if refines {
            pick = v;
        }
    }
    Some(pick)
}

/// Whether `zoned` is the clock time `bare` gives, with the zone `bare` lacks
/// (the same date and clock, so `bare` is a clock time too).
fn adds_zone(zoned: &str, bare: &str) -> bool {
    date::parse(zoned).is_some_and(|d| d.precision == DatePrecision::Time)
        && date::adds_offset(zoned, bare)
}

/// Whether two values of a field contradict each other (a coarser value
/// containing a finer one, one instant written in two zones, or a clock time
/// without a zone beside the same clock time with one, does not).
fn conflicts(field: &str, a: &str, b: &str) -> bool {
    match field {
        "start" | "end" => {
            if let (Some(x), Some(y)) = (date::instant(a), date::instant(b)) {
                return x != y;
            }
            match (date::parse(a), date::parse(b)) {
                (Some(x), Some(y)) => {
                    !x.overlaps(&y)
                        || (x.precision == y.precision
                            && x.precision == DatePrecision::Time
                            && !date::same_clock_reading(a, b))
                }
                _ => a != b,
            }
        }
        "scope" => !places_compatible(Some(a), Some(b)),
        _ => a != b,
    }
}

fn disagreements(votes: &Votes) -> Vec<String> {
    let mut out = Vec::new();
    for (field, list) in [
        ("scope", &votes.scope),
        ("start", &votes.start),
        ("duration", &votes.duration),
        ("end", &votes.end),
    ] {
        let Some(top) = best(list) else { continue };
        for other in list {
            if other.value != top.value && conflicts(field, &top.value, &other.value) {
                out.push(format!(
                    "{field}: {} ({}) vs {} ({})",
                    top.value,
                    top.sites.join(", "),
                    other.value,
                    other.sites.join(", ")
                ));
            }
        }
    }
    out
}

fn merge_ceasefire(l: &mut Linked, f: &Ceasefire, origin: Origin<'_>, mention: Mention) {
    let published = origin.doc.published;
    widen(l, published);
    let doc = mention.doc.clone();
    l.event.mentions.push(mention);
    let (Some(votes), Some(frame)) = (l.votes.as_mut(), l.event.ceasefire.as_mut()) else {
        return;
    };
    vote(&mut votes.scope, f.scope.as_ref(), origin);
    vote(&mut votes.start, f.start.as_ref(), origin);
    vote(&mut votes.duration, f.duration.as_ref(), origin);
    vote(&mut votes.end, f.end.as_ref(), origin);
    frame.scope = best(&votes.scope).map(|v| v.value.clone());
    frame.start = best(&votes.start).map(|v| v.value.clone());
    frame.duration = best(&votes.duration).map(|v| v.value.clone());
    frame.end = best(&votes.end).map(|v| v.value.clone());
    union(&mut frame.declarer, &f.declarer);
    union(&mut frame.parties, &f.parties);
    union(&mut frame.excluded, &f.excluded);
    union(&mut frame.conditions, &f.conditions);
    union(&mut frame.issues, &f.issues);
    for r in &f.reactions {
        if !frame
            .reactions
            .iter()
            .any(|x| x.actor.eq_ignore_ascii_case(&r.actor) && x.stance == r.stance)
        {
            frame.reactions.push(r.clone());
        }
    }
    l.event.disagreements = disagreements(votes);

    // A truce reported broken, extended, collapsed or ended was in effect;
    // when only its past end is known ("collapsed last July", no start),
    // nothing dates that, so the step is left out.
    let ended_earlier = frame.start.is_none()
        && frame
            .end
            .as_deref()
            .and_then(date::parse)
            .zip(published)
            .is_some_and(|(e, p)| e.end < p);
    let mut reached = vec![f.status];
    if f.status > CeasefireStatus::InEffect && !ended_earlier {
        reached.push(CeasefireStatus::InEffect);
    }
    for status in reached {
        let at = match l.earliest.iter().position(|(s, _)| *s == status) {
            Some(at) => at,
            None => {
                l.earliest.push((status, None));
                l.earliest.len() - 1
            }
        };
        let slot = &mut l.earliest[at].1;
        if let Some(p) = published {
            *slot = Some(slot.map_or(p, |d| d.min(p)));
        }
        match l.event.lifecycle.iter_mut().find(|s| s.status == status) {
            Some(step) => {
                if step.docs.last() != Some(&doc) {
                    step.docs.push(doc.clone());
                }
            }
            None => l.event.lifecycle.push(LifecycleStep {
                status,
                date: None,
                precision: None,
                docs: vec![doc.clone()],
            }),
        }
    }
    l.earliest.sort_by_key(|(s, _)| *s);
    l.event.lifecycle.sort_by_key(|s| s.status);
    date_lifecycle(l);

    let Some(frame) = l.event.ceasefire.as_mut() else {
        return;
    };
    frame.status = l.event.lifecycle.last().map_or(f.status, |s| s.status);
    let top = frame.status;
    l.event.place.clone_from(&frame.scope);
    l.event.source = frame.declarer.first().map(|d| EventActor {
        text: d.clone(),
        canonical: Some(d.clone()),
        code: None,
    });
    l.event.summary = summary::ceasefire_step(top, frame);
    let start = frame
        .start
        .as_deref()
        .and_then(|v| date::parse(v).map(|s| (v.to_string(), s)));
    let first = l
        .event
        .lifecycle
        .iter()
        .find_map(|s| s.date.clone().zip(s.precision));
    match (start, first) {
        (Some((value, span)), _) => {
            l.event.date = Some(value);
            l.event.precision = Some(span.precision);
        }
        (None, Some((value, precision))) => {
            l.event.date = Some(value);
            l.event.precision = Some(precision);
        }
        (None, None) => {
            l.event.date = None;
            l.event.precision = None;
        }
    }
}

/// Dates each lifecycle step: in effect at the start when known; declared
/// at the earlier of the start and its first report; collapsed or ended at
/// the end when that came before its first report; the others at their
/// first report.
fn date_lifecycle(l: &mut Linked) {
    let field = |pick: fn(&Ceasefire) -> Option<&str>| {
        l.event
            .ceasefire
            .as_ref()
            .and_then(pick)
            .and_then(|v| date::parse(v).map(|s| (v.to_string(), s)))
    };
    let start = field(|f| f.start.as_deref());
    let end = field(|f| f.end.as_deref());
    let ended_before = |r: Option<Date>| {
        end.as_ref()
            .is_some_and(|(_, e)| r.is_none_or(|r| e.start <= r))
    };
    for step in &mut l.event.lifecycle {
        let reported = l
            .earliest
            .iter()
            .find(|(s, _)| *s == step.status)
            .and_then(|(_, d)| *d);
        let chosen = match (step.status, &start, reported) {
            (CeasefireStatus::InEffect, Some((v, s)), _) => Some((v.clone(), s.precision)),
            (CeasefireStatus::Declared, Some((v, s)), Some(r)) if s.start <= r => {
                Some((v.clone(), s.precision))
            }
            (CeasefireStatus::Declared, Some((v, s)), None) => Some((v.clone(), s.precision)),
            // "collapsed last July": the break is dated by the end it reports.
            (CeasefireStatus::Collapsed | CeasefireStatus::Ended, _, r) if ended_before(r) => {
                end.as_ref().map(|(v, e)| (v.clone(), e.precision))
            }
            (_, _, Some(r)) => Some((r.to_string(), DatePrecision::Day)),
            (_, _, None) => None,
        };
        step.date = chosen.as_ref().map(|(v, _)| v.clone());
        step.precision = chosen.map(|(_, p)| p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{actor, doc, event, frame};
    use jiff::civil::date;

    fn add(index: &mut EventIndex, d: &Document, source: u32) -> Touched {
        let site = d.source.site.clone().unwrap_or_default();
        index.add(Origin {
            doc: d,
            source,
            site: &site,
        })
    }

    fn with_frames(title: &str, day: Date, site: &str, frames: Vec<Ceasefire>) -> Document {
        let mut d = doc(title, &format!("{title} ({site})"), Some(day), site);
        d.ceasefires = frames;
        d
    }

    /// A report of one ceasefire frame without a duration, written
    /// `SITE|DATE|STATUS|SCOPE|START|DECLARER;DECLARER` (empty fields: none).
    fn report(spec: &str) -> Document {
        let f: Vec<&str> = spec.split('|').collect();
        let some = |i: usize| f.get(i).copied().filter(|v| !v.is_empty());
        let day: Date = f[1].parse().expect("a date");
        let status: CeasefireStatus =
            serde_json::from_value(serde_json::Value::from(f[2])).expect("a status");
        let declarer: Vec<&str> = some(5).map_or_else(Vec::new, |d| d.split(';').collect());
        let frames = vec![frame(&declarer, some(3), some(4), None, status)];
        with_frames(&format!("{} {}", f[0], f[1]), day, f[0], frames)
    }

    #[test]
    fn two_start_times_make_one_ceasefire_with_a_disagreement() {
        let mut index = EventIndex::default();
        let reuters = report(
            "reuters.com|2016-02-27|in_effect|Syria|2016-02-27T00:00+02:00|United States;Russia",
        );
        let voa = report("voanews.com|2016-02-27|in_effect|Syria|2016-02-27T00:00Z|Russia");
        // The same instant written in GMT agrees with Reuters.
        let wapo = report("washingtonpost.com|2016-02-27|in_effect|Syria|2016-02-26T22:00Z|");
        assert_eq!(add(&mut index, &reuters, 0).created.len(), 1);
        assert_eq!(add(&mut index, &voa, 1).updated, vec![0]);
        // Midnight with no zone named contradicts neither.
        let ap = report("apnews.com|2016-02-27|in_effect|Syria|2016-02-27T00:00|");
        assert_eq!(add(&mut index, &wapo, 2).updated, vec![0]);
        assert_eq!(add(&mut index, &ap, 3).updated, vec![0]);
        assert_eq!(index.len(), 1);
        let e = index.get(0);
        assert_eq!(e.kind, "CEASEFIRE");
        assert_eq!(e.mentions.len(), 4);
        assert_eq!(
            e.disagreements,
            ["start: 2016-02-27T00:00+02:00 (reuters.com) vs 2016-02-27T00:00Z (voanews.com)"]
        );
        let f = e.ceasefire.as_ref().expect("frame");
        assert_eq!(f.declarer, ["United States", "Russia"]);
        assert_eq!(e.summary, "Ceasefire takes effect across Syria");
        assert_eq!(e.date.as_deref(), Some("2016-02-27T00:00+02:00"));
        assert_eq!(e.precision, Some(DatePrecision::Time));
    }

    #[test]
    fn the_start_keeps_the_zone_one_source_gave_when_others_gave_none() {
        let mut index = EventIndex::default();
        let specs = [
            "bbc.com|2016-02-22|declared|Syria|2016-02-27T24:00|United States;Russia",
            "apnews.com|2016-02-22|declared|Syria|2016-02-27T24:00|",
            "rt.com|2016-02-26|declared|Syria|2016-02-27T24:00+02:00|",
        ];
        for (i, spec) in specs.iter().enumerate() {
            add(&mut index, &report(spec), i as u32);
        }
        assert_eq!(index.len(), 1);
        let e = index.get(0);
        assert!(e.disagreements.is_empty(), "{:?}", e.disagreements);
        let f = e.ceasefire.as_ref().expect("frame");
        assert_eq!(f.start.as_deref(), Some("2016-02-27T24:00+02:00"));
    }

    #[test]
    fn a_start_misread_by_days_merges_only_when_scope_agrees_and_parties_do_not_contradict() {
        let mut index = EventIndex::default();
        let docs = [
            report("reuters.com|2016-02-27|in_effect|Syria|2016-02-27|United States;Russia"),
            // "Midnight on Friday" resolved to the week before.
            report("feeds.reuters.com|2016-02-23|agreed|Syria|2016-02-22T24:00+02:00|Russia"),
            // The same start without a party in common: another truce.
            report("apnews.com|2016-02-23|agreed|Syria|2016-02-22|Kurdish YPG"),
            // No party named: nothing says it is another truce.
            report("bbc.com|2016-02-24|agreed|Syria|2016-02-21|"),
        ];
        for (i, d) in docs.iter().enumerate() {
            add(&mut index, d, i as u32);
        }
        assert_eq!(index.len(), 2);
        assert_eq!(index.get(0).mentions.len(), 3);
        assert_eq!(
            index.get(0).disagreements,
            [
                "start: 2016-02-27 (reuters.com) vs 2016-02-22T24:00+02:00 (feeds.reuters.com)",
                "start: 2016-02-27 (reuters.com) vs 2016-02-21 (bbc.com)"
            ]
        );
    }

    #[test]
    fn a_local_truce_in_april_stays_apart_from_the_national_one() {
        let mut index = EventIndex::default();
        let national =
            report("reuters.com|2016-02-27|in_effect|Syria|2016-02-27|United States;Russia");
        let later = report("reuters.com|2016-03-20|violated|Syria||");
        let aleppo = report("reuters.com|2016-04-23|agreed|Aleppo|2016-04-22|Kurdish Asayish");
        let aleppo_start_only = report("apnews.com|2016-04-24|in_effect||2016-04-22|");
        add(&mut index, &national, 0);
        add(&mut index, &later, 1);
        add(&mut index, &aleppo, 2);
        add(&mut index, &aleppo_start_only, 3);
        assert_eq!(index.len(), 2);
        assert_eq!(index.get(0).mentions.len(), 2);
        assert_eq!(index.get(1).mentions.len(), 2);
        assert_eq!(index.get(1).place.as_deref(), Some("Aleppo"));
    }

    #[test]
    fn lifecycle_steps_come_in_order_with_their_dates_and_docs() {
        let mut index = EventIndex::default();
        let docs = [
            // Reported out of order: the violation before the agreement.
            report("a.example|2016-02-29|violated|Syria|2016-02-27|"),
            report("b.example|2016-02-22|agreed|Syria|2016-02-27T00:00+02:00|United States;Russia"),
            report("c.example|2016-02-28|in_effect|Syria||"),
        ];
        for (i, d) in docs.iter().enumerate() {
            add(&mut index, d, i as u32);
        }
        assert_eq!(index.len(), 1);
        let steps: Vec<(CeasefireStatus, Option<&str>, Vec<&str>)> = index
            .get(0)
            .lifecycle
            .iter()
            .map(|s| {
                (
                    s.status,
                    s.date.as_deref(),
                    s.docs.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            steps,
            [
                (
                    CeasefireStatus::Agreed,
                    Some("2016-02-22"),
                    vec![docs[1].id.as_str()]
                ),
                // The start has two values of one source each: the more precise wins.
                (
                    CeasefireStatus::InEffect,
                    Some("2016-02-27T00:00+02:00"),
                    vec![docs[0].id.as_str(), docs[2].id.as_str()]
                ),
                (
                    CeasefireStatus::Violated,
                    Some("2016-02-29"),
                    vec![docs[0].id.as_str()]
                ),
            ]
        );
        assert_eq!(
            index.get(0).ceasefire.as_ref().map(|f| f.status),
            Some(CeasefireStatus::Violated)
        );
        // A day inside the instant's day is no disagreement.
        assert!(index.get(0).disagreements.is_empty());
    }

    #[test]
    fn near_duplicate_copies_count_as_one_source() {
        let mut index = EventIndex::default();
        let f = |start| {
            vec![frame(
                &[],
                Some("Syria"),
                Some(start),
                Some("PT72H"),
                CeasefireStatus::Declared,
            )]
        };
        // The VOV report and a copy of it (one source), then two others.
        let reports = [
            ("vov.vn", "2016-07-06T01:00+03:00", 0),
            ("copy.example", "2016-07-06T01:00+03:00", 0),
            ("reuters.com", "2016-07-06T01:00Z", 2),
            ("apnews.com", "2016-07-06T01:00Z", 3),
        ];
        for (site, start, source) in reports {
            add(
                &mut index,
                &with_frames(site, date(2016, 7, 6), site, f(start)),
                source,
            );
        }
        let e = index.get(0);
        assert_eq!(e.mentions.len(), 4);
        let frame = e.ceasefire.as_ref().expect("frame");
        assert_eq!(frame.start.as_deref(), Some("2016-07-06T01:00Z"));
        assert_eq!(
            e.disagreements,
            [
                "start: 2016-07-06T01:00Z (reuters.com, apnews.com) vs 2016-07-06T01:00+03:00 (vov.vn, copy.example)"
            ]
        );
        assert_eq!(e.summary, "72-hour ceasefire declared across Syria");
    }

    #[test]
    fn background_truces_that_name_nothing_stay_apart_from_the_one_in_the_news() {
        let mut index = EventIndex::default();
        let syria =
            report("reuters.com|2016-02-27|in_effect|Syria|2016-02-27|United States;Russia");
        // "Violence has spread in the southeast since a two-year truce broke
        // down last summer": no scope, party, declarer or start.
        let background = |site: &str, day: i8| {
            let mut f = frame(&[], None, None, Some("P2Y"), CeasefireStatus::Collapsed);
            f.end = Some("2015-07".to_string());
            with_frames(site, date(2016, 3, day), site, vec![f])
        };
        // A bare report without a duration ("the truce is barely alive").
        let vague = with_frames(
            "apnews.com",
            date(2016, 3, 2),
            "apnews.com",
            vec![frame(&[], None, None, None, CeasefireStatus::Violated)],
        );
        add(&mut index, &syria, 0);
        assert_eq!(
            add(&mut index, &background("reuters.com", 1), 1).created,
            vec![1]
        );
        // The same background truce in another article joins the bare record.
        assert_eq!(
            add(&mut index, &background("voanews.com", 3), 2).updated,
            vec![1]
        );
        assert_eq!(add(&mut index, &vague, 3).created, vec![2]);
        // A named Syria report still finds the Syria truce.
        let later = report("bbc.com|2016-03-04|violated|Syria||Russia");
        assert_eq!(add(&mut index, &later, 4).updated, vec![0]);
        assert_eq!(index.len(), 3);
        let f = index.get(0).ceasefire.as_ref().expect("frame");
        assert_eq!(f.duration, None);
        assert_eq!(index.get(1).mentions.len(), 2);
        // The break is dated by the end it reports, not by the reports.
        let collapsed = index
            .get(1)
            .lifecycle
            .iter()
            .find(|s| s.status == CeasefireStatus::Collapsed);
        assert_eq!(collapsed.and_then(|s| s.date.as_deref()), Some("2015-07"));
        // When it took effect before that is unknown: no step for it.
        let steps: Vec<CeasefireStatus> = index.get(1).lifecycle.iter().map(|s| s.status).collect();
        assert_eq!(steps, [CeasefireStatus::Collapsed]);
    }

    #[test]
    fn different_durations_or_disjoint_parties_make_different_truces() {
        let mut index = EventIndex::default();
        let calm = |site: &str, duration: &str| {
            let frames = vec![frame(
                &[],
                Some("Syria"),
                None,
                Some(duration),
                CeasefireStatus::Declared,
            )];
            with_frames(site, date(2016, 7, 6), site, frames)
        };
        add(&mut index, &calm("vov.vn", "PT72H"), 0);
        assert_eq!(
            add(&mut index, &calm("reuters.com", "PT72H"), 1).updated,
            vec![0]
        );
        assert_eq!(
            add(&mut index, &calm("apnews.com", "P2Y"), 2).created,
            vec![1]
        );
        // "A truce between the government and the Kurdish insurgents" next to
        // one between the Syrian government and the opposition.
        let with_parties = |site: &str, parties: &[&str]| {
            let mut f = frame(
                &[],
                None,
                Some("2016-02-27"),
                None,
                CeasefireStatus::InEffect,
            );
            f.parties = parties.iter().map(|p| p.to_string()).collect();
            with_frames(site, date(2016, 2, 27), site, vec![f])
        };
        let syrian = with_parties("reuters.com", &["Syrian government", "Syrian opposition"]);
        let again = with_parties("voanews.com", &["Syria", "rebels"]);
        let turkish = with_parties(
            "bbc.com",
            &["Turkish government", "Kurdistan Workers Party"],
        );
        assert_eq!(add(&mut index, &syrian, 3).created, vec![2]);
        assert_eq!(add(&mut index, &again, 4).updated, vec![2]);
        assert_eq!(add(&mut index, &turkish, 5).created, vec![3]);
        assert_eq!(index.len(), 4);
    }

    #[test]
    fn coded_events_merge_on_type_actors_date_and_place() {
        let army = || Some(actor("Syrian army", "SYRMIL"));
        let regime = || Some(actor("Syrian government", "SYRGOV"));
        let rebels = || Some(actor("rebels", "SYRREB"));
        let isis = || Some(actor("Islamic State", "IMGMUSISI"));
        let mut index = EventIndex::default();
        let mut a = doc(
            "Jets hit Aleppo",
            "x",
            Some(date(2016, 2, 13)),
            "reuters.com",
        );
        a.events = vec![
            event(
                "ASSAULT",
                "195",
                army(),
                rebels(),
                Some("2016-02"),
                Some("Aleppo"),
            ),
            event("FIGHT", "190", army(), isis(), Some("2016-02-12"), None),
        ];
        let mut b = doc("Air strikes", "y", Some(date(2016, 2, 13)), "apnews.com");
        b.events = vec![
            // Same country's government, same day inside the month: merges, date refined.
            event(
                "ASSAULT",
                "190",
                regime(),
                rebels(),
                Some("2016-02-12"),
                Some("eastern Aleppo"),
            ),
            // Another day: another event.
            event("FIGHT", "190", army(), isis(), Some("2016-02-14"), None),
            // Another target country: another event.
            event(
                "ASSAULT",
                "195",
                army(),
                Some(actor("Turkey", "TUR")),
                Some("2016-02-12"),
                Some("Aleppo"),
            ),
        ];
        let mut negated = event(
            "ASSAULT",
            "195",
            army(),
            rebels(),
            Some("2016-02-12"),
            Some("Aleppo"),
        );
        negated.modality = Modality::Negated;
        b.events.push(negated);
        add(&mut index, &a, 0);
        let touched = add(&mut index, &b, 1);
        assert_eq!(touched.updated, vec![0]);
        assert_eq!(touched.created, vec![2, 3]);
        assert_eq!(index.len(), 4);
        let merged = index.get(0);
        assert_eq!(merged.date.as_deref(), Some("2016-02-12"));
        assert_eq!(merged.precision, Some(DatePrecision::Day));
        assert_eq!(merged.mentions.len(), 2);
        assert_eq!(merged.summary, "Syrian army attacks rebels in Aleppo");
        // Found again under its new (weekly) bucket.
        let mut c = doc("More strikes", "z", Some(date(2016, 2, 14)), "bbc.com");
        c.events = vec![event(
            "ASSAULT",
            "195",
            army(),
            rebels(),
            Some("2016-02-12"),
            None,
        )];
        assert_eq!(add(&mut index, &c, 2).updated, vec![0]);
    }

    #[test]
    fn undated_events_merge_only_on_full_agreement_close_in_time() {
        let kerry = || Some(actor("John Kerry", "USAGOV"));
        let lavrov = || Some(actor("Sergei Lavrov", "RUSGOV"));
        let mut index = EventIndex::default();
        let mk = |day: i8, place: Option<&str>, target| {
            let mut d = doc(
                &format!("Talks {day} {place:?}"),
                "t",
                Some(date(2016, 2, day)),
                "x.example",
            );
            d.events = vec![event("CONSULT", "040", kerry(), target, None, place)];
            d
        };
        add(&mut index, &mk(10, Some("Munich"), lavrov()), 0);
        assert_eq!(
            add(&mut index, &mk(12, Some("Munich"), lavrov()), 1).updated,
            vec![0]
        );
        // No place: not strong enough.
        assert_eq!(add(&mut index, &mk(12, None, lavrov()), 2).created.len(), 1);
        // Ten days later: another meeting.
        assert_eq!(
            add(&mut index, &mk(22, Some("Munich"), lavrov()), 3)
                .created
                .len(),
            1
        );
        assert_eq!(index.len(), 3);
        assert_eq!(index.get(0).date, None);
    }

    #[test]
    fn a_reloaded_index_merges_like_the_original() {
        let mut index = EventIndex::default();
        let first = report("reuters.com|2016-02-27|in_effect|Syria|2016-02-27|");
        let mut second = report("voanews.com|2016-02-28|violated|Syria||");
        second.events = vec![event(
            "ASSAULT",
            "195",
            Some(actor("Russia", "RUS")),
            None,
            Some("2016-02-28"),
            None,
        )];
        add(&mut index, &first, 0);
        let json = serde_json::to_string(&index.to_state()).expect("serializable");
        let mut reloaded =
            EventIndex::from_state(serde_json::from_str(&json).expect("deserializable"));
        let a = add(&mut index, &second, 1);
        let b = add(&mut reloaded, &second, 1);
        assert_eq!(a, b);
        assert_eq!(a.updated, vec![0]);
        assert_eq!(index.get(0), reloaded.get(0));
    }
}
