//! The recogniser: a hand-written grammar over tokens.
//!
//! At every token that can open a temporal expression each rule family
//! tries to parse one, and the longest parse wins; the scan then resumes
//! after it, so results are sorted and never overlap. Rules compute the
//! TIMEX3 value as they parse, against the publication date and the tense
//! of the sentence around the expression.

use std::cell::Cell;

use dateline_core::{TimexAnchor, TimexType};
use jiff::civil::{Date, Weekday};

use crate::lexicon::{DayPart, Lex, Season, Tense, Unit, W};
use crate::resolve::{self, Dir};
use crate::token::{
    CAP, DECIMAL, GROUPED, Kind, NEWLINE, PARA, SPACE, START, Suffix, Token, UPPER,
};
use crate::zone;

/// One recognised expression, in token indices.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<&'static str>,
    pub anchor: TimexAnchor,
    /// The day it names, when it names one (for "the next day" later on).
    pub day: Option<Date>,
    /// The quarter it names (for "the quarter", "the year-ago period").
    pub quarter: Option<(i16, i8)>,
    /// How it names that quarter.
    pub quarter_by: QuarterBy,
    /// The year it names (for "that year", "the following year").
    pub year: Option<i16>,
    /// A clock time dated by the day expression right before it, with
    /// nothing between: "Friday midnight" is one time, as "midnight
    /// Friday" is.
    pub joins_day: bool,
}

impl Found {
    fn new(start: usize, end: usize, kind: TimexType, value: String, anchor: TimexAnchor) -> Found {
        Found {
            start,
            end,
            kind,
            value,
            modifier: None,
            anchor,
            day: None,
            quarter: None,
            quarter_by: QuarterBy::Name,
            year: None,
            joins_day: false,
        }
    }

    fn with_mod(mut self, m: Option<&'static str>) -> Found {
        if m.is_some() {
            self.modifier = m;
        }
        self
    }
}

/// How an expression names its quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum QuarterBy {
    /// "the third quarter", "the fiscal first quarter".
    Name,
    /// Named and said to be over: "its fourth quarter ended Sept. 30".
    NameEnded,
    /// Only by its last day: "the quarter ended Sept. 29".
    EndDate,
}

/// A parsed length of time: "the past three years", "72-hour", "weeks".
#[derive(Clone, Copy, Debug)]
struct Dur {
    end: usize,
    /// Twice the count ("2 1/2" is 5); `None` for "several", "weeks".
    halves: Option<u64>,
    unit: Unit,
    /// Written as an adjective: "72-hour", "five-year-old".
    adjective: bool,
    /// Opened by "the" (or another determiner).
    the: bool,
    /// "past", "last", "next", "coming", "first", "recent"…
    rel: Option<Rel>,
    /// Started with "a"/"an" and no other number.
    article: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Per {
    Frequency,
    Rate,
    Neither,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rel {
    Past,
    Next,
    First,
    Recent,
    Same,
}

/// A day-sized reference, resolved or not.
#[derive(Clone, Debug)]
struct DayRef {
    date: Option<Date>,
    /// The value when `date` is unknown (`XXXX-07-06`, `XXXX-WXX-2`).
    partial: String,
    anchor: TimexAnchor,
}

impl DayRef {
    fn value(&self) -> String {
        self.date.map_or_else(|| self.partial.clone(), resolve::ymd)
    }

    /// The value with a time after it: `2016-07-06TNI`.
    fn value_at(&self, time: &str) -> String {
        let mut v = self.value();
        v.push('T');
        v.push_str(time);
        v
    }
}

pub(crate) struct Grammar<'a> {
    text: &'a str,
    t: &'a [Token],
    dct: Option<Date>,
    /// Cached sentence bounds `[start, end)` in tokens.
    sentence: Cell<(usize, usize)>,
    ref_quarter: Option<(i16, i8)>,
    /// The reference quarter was named ("the fiscal first quarter"), not
    /// worked out from an end date.
    ref_quarter_named: bool,
    last_day: Option<Date>,
    /// The month of the last expression that named one ("March 1949",
    /// "July 6"), for "the following month".
    last_month: Option<(i16, i8)>,
    last_year: Option<i16>,
    /// The day of the last expression when it was a day ("Friday", "July
    /// 6"), with the token it ended before: "Friday at midnight" is that
    /// Friday's midnight.
    day_before: Option<(usize, Date)>,
    dateline: Option<&'static str>,
}

/// Does a lower-case word look like a plural noun ("flights", "seats")?
/// Not "as", "was", "this", "less", "perhaps": in "as long as a month"
/// the month is a length, not a rate.
fn plural_noun(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !["ss", "us", "is"].iter().any(|x| w.ends_with(x))
        && !["perhaps", "always", "sometimes"].contains(&w)
}

/// The year and month of a `YYYY-MM` value.
fn month_of(value: &str) -> Option<(i16, i8)> {
    let (y, m) = value.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let m: i8 = m.parse().ok()?;
    (1..=12).contains(&m).then_some((y.parse().ok()?, m))
}

fn relative_anchor(dct: Option<Date>) -> TimexAnchor {
    if dct.is_some() {
        TimexAnchor::Published
    } else {
        TimexAnchor::Unresolved
    }
}

// The rule families of `Grammar::at`, as bits of a set.
const R_APPROX: u16 = 1;
const R_MODIFIED: u16 = 1 << 1;
const R_CLOCK: u16 = 1 << 2;
const R_DATE: u16 = 1 << 3;
const R_YEAR: u16 = 1 << 4;
const R_WEEKDAY: u16 = 1 << 5;
const R_RELATIVE: u16 = 1 << 6;
/// `dur`: the lengths of time of `duration` and `ago`.
const R_DUR: u16 = 1 << 7;
const R_QUARTER: u16 = 1 << 8;
const R_HOLIDAY: u16 = 1 << 9;
const R_DAY_WORD: u16 = 1 << 10;
const R_YEAR_END: u16 = 1 << 11;
const R_SET: u16 = 1 << 12;
const R_REFERENCE: u16 = 1 << 13;
#[cfg(test)]
const R_ALL: u16 = (1 << 14) - 1;

/// Keeps the longer of `best` and `f`; the earlier one on a tie.
fn consider(best: &mut Option<Found>, f: Option<Found>) {
    if let Some(f) = f
        && best.as_ref().is_none_or(|b| f.end > b.end)
    {
        *best = Some(f);
    }
}

impl<'a> Grammar<'a> {
    pub(crate) fn new(text: &'a str, t: &'a [Token], dct: Option<Date>) -> Grammar<'a> {
        let ref_quarter = dct.map(|d| {
            // Results reported now are for the quarter that last ended.
            let q = resolve::quarter_of(d.month());
            if q == 1 {
                (d.year() - 1, 4)
            } else {
                (d.year(), q - 1)
            }
        });
        let mut g = Grammar {
            text,
            t,
            dct,
            sentence: Cell::new((usize::MAX, 0)),
            ref_quarter,
            ref_quarter_named: false,
            last_day: None,
            last_month: None,
            last_year: None,
            day_before: None,
            dateline: None,
        };
        g.dateline = g.find_dateline();
        g
    }

    /// Runs the grammar over the whole text.
    pub(crate) fn run(mut self) -> Vec<Found> {
        // A news story has a handful of expressions: start with room for them.
        let mut out = Vec::with_capacity(8);
        let mut i = 0;
        while i < self.t.len() {
            if !self.can_start(i) || !self.worth_trying(i) {
                i += 1;
                continue;
            }
            match self.at(i) {
                Some(f) if f.end > i && (self.title(&f) || self.compared(&f)) => i = f.end,
                Some(f) if f.end > i => {
                    if let Some(d) = f.day {
                        self.last_day = Some(d);
                    }
                    if let Some(m) = f
                        .day
                        .map(|d| (d.year(), d.month()))
                        .or_else(|| month_of(&f.value))
                    {
                        self.last_month = Some(m);
                    }
                    // A quarter still to come is not the one results are reported
                    // for; one said to have ended is past whatever its number (a
                    // fiscal fourth quarter ended Sept. 30). A quarter known only
                    // by its end date does not displace a fiscal one named
                    // before it: after "the fiscal first quarter", "the quarter
                    // ended Sept. 29" and "the quarter" are that first quarter.
                    if let Some(q) = f.quarter {
                        let current = self.dct.map(|d| (d.year(), resolve::quarter_of(d.month())));
                        let past = f.quarter_by == QuarterBy::NameEnded
                            || current.is_none_or(|c| q < c)
                            || (Some(q) == current && self.tense(f.start, f.end) == Tense::Past);
                        let dated = f.quarter_by == QuarterBy::EndDate;
                        if past && !(dated && self.ref_quarter_named) {
                            self.ref_quarter = Some(q);
                            self.ref_quarter_named = !dated;
                        }
                    }
                    if let Some(y) = f.year.or(f.day.map(|d| d.year())) {
                        self.last_year = Some(y);
                    }
                    self.day_before = f
                        .day
                        .filter(|_| f.kind == TimexType::Date)
                        .map(|d| (f.end, d));
                    i = f.end;
                    // "Friday midnight": the day and its clock time are one
                    // expression, with the time's value.
                    let mut f = f;
                    if f.joins_day
                        && let Some(day) = out.pop_if(|d: &mut Found| d.end == f.start)
                    {
                        f.start = day.start;
                    }
                    out.push(f);
                }
                _ => i += 1,
            }
        }
        out
    }

    /// Is the expression the title of a programme or paper, not a time:
    /// ABC's "This Week", CBS's "60 Minutes", "USA Today"? Its words are
    /// all capitalised where capitals are not otherwise called for: after
    /// its first word, or after another capitalised name.
    fn title(&self, f: &Found) -> bool {
        let mut words = 0;
        let mut inner_cap = false;
        for k in f.start..f.end {
            let t = &self.t[k];
            if t.kind != Kind::Word {
                continue;
            }
            // Words that are capitalised anyway say nothing.
            if !matches!(t.lex, Lex::W(_) | Lex::Unit(..) | Lex::Num(_))
                || matches!(
                    t.lex,
                    Lex::W(
                        W::Christmas
                            | W::NewYear
                            | W::Thanksgiving
                            | W::Easter
                            | W::Election
                            | W::Independence
                            | W::Labor
                            | W::Memorial
                            | W::Veterans
                            | W::Valentine
                            | W::Halloween
                    )
                )
                || !t.has(CAP)
                || t.has(UPPER)
            {
                return false;
            }
            words += 1;
            inner_cap |= k > f.start;
        }
        if words == 0 {
            return false;
        }
        // "USA Today": a single word after a capitalised name, mid-sentence.
        let after_name = f.start > 0
            && !self.boundary_before(f.start)
            && self.t[f.start - 1].kind == Kind::Word
            && self.has(f.start - 1, CAP)
            && !matches!(self.lex(f.start - 1), Lex::Month(..) | Lex::Weekday(..));
        inner_cap || after_name
    }

    /// Is the expression the first half of a comparison compound, "the
    /// quarter-to-quarter comparison", "year-over-year growth", "day-to-day
    /// running"? It names no time, only a step between any two.
    fn compared(&self, f: &Found) -> bool {
        let e = f.end;
        matches!(self.lex(e.saturating_sub(1)), Lex::Unit(..))
            && self.hyphen(e)
            && ["to", "over", "by", "on"]
                .iter()
                .any(|w| self.raw_is(e + 1, w))
            && self.hyphen(e + 2)
            && matches!(self.lex(e + 3), Lex::Unit(..))
    }

    // ---- token access -------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Token> {
        self.t.get(i)
    }

    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::None, |t| t.lex)
    }

    fn w(&self, i: usize) -> Option<W> {
        match self.lex(i) {
            Lex::W(w) => Some(w),
            _ => None,
        }
    }

    fn is(&self, i: usize, w: W) -> bool {
        self.w(i) == Some(w)
    }

    fn punct(&self, i: usize, c: u8) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.punct == c)
    }

    /// Token `i` touches the one before it (no space): "mid-", "72-hour".
    fn tight(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.has(SPACE))
    }

    fn has(&self, i: usize, flag: u8) -> bool {
        self.t.get(i).is_some_and(|t| t.has(flag))
    }

    fn raw(&self, i: usize) -> &'a str {
        self.t
            .get(i)
            .map_or("", |t| &self.text[t.start as usize..t.end as usize])
    }

    fn raw_is(&self, i: usize, s: &str) -> bool {
        self.raw(i).eq_ignore_ascii_case(s)
    }

    fn num(&self, i: usize) -> Option<&Token> {
        self.t.get(i).filter(|t| t.kind == Kind::Num)
    }

    /// A plain integer token: no separators, no glued letters.
    fn int(&self, i: usize) -> Option<u32> {
        self.num(i)
            .filter(|t| t.suffix == Suffix::None && !t.has(GROUPED))
            .map(|t| t.num)
    }

    /// `-` glued on both sides: "mid-December", "72-hour".
    fn hyphen(&self, i: usize) -> bool {
        self.punct(i, b'-') && self.tight(i) && self.tight(i + 1)
    }

    /// Skips an optional `-` glued on both sides.
    fn skip_hyphen(&self, i: usize) -> usize {
        if self.hyphen(i) { i + 1 } else { i }
    }

    /// May an expression start at `i`? Numbers, an apostrophe ("'80s")
    /// and the words whose class [`Lex::may_open`] says so: decided once
    /// per token by the tokeniser (the `START` flag).
    fn can_start(&self, i: usize) -> bool {
        self.t[i].has(START)
    }

    /// Could any rule match at `i`, a token [`Grammar::can_start`] lets
    /// through? Most such tokens are a determiner, a number or an
    /// apostrophe before an ordinary word (one the lexicon does not know),
    /// and for those the answer follows from the token after, without
    /// running every rule. Exact, not a heuristic: `false` only where every
    /// rule gives up (the comments say on what).
    fn worth_trying(&self, i: usize) -> bool {
        let t = &self.t[i];
        let plain_next = self
            .t
            .get(i + 1)
            .is_some_and(|n| n.kind == Kind::Word && n.lex == Lex::None);
        match t.kind {
            // Only "'80s" (`year`) opens with an apostrophe.
            Kind::Punct => self.num(i + 1).is_some(),
            // Before an ordinary word a number is only a clock time with its
            // meridiem ("10pm", "4 o'clock"), a decade ("1990s") or a year;
            // a day or a count needs a month or a unit after it.
            Kind::Num => {
                !plain_next
                    || t.digits == 4
                    || matches!(t.suffix, Suffix::Am | Suffix::Pm | Suffix::Plural)
                    || self.raw_is(i + 1, "o")
            }
            Kind::Word => match t.lex {
                // Every rule opened by these reads a known word or a number
                // right after them ("the 1990s", "a year", "that day", "this
                // week").
                Lex::W(W::The | W::A | W::An | W::That | W::This) => !plain_next,
                // "New Year's Day" (`holiday`) is the only rule for "new".
                Lex::W(W::NewYear) => self.raw_is(i + 1, "year"),
                _ => true,
            },
        }
    }

    // ---- sentence and tense -------------------------------------------

    fn boundary_before(&self, k: usize) -> bool {
        if k == 0 || k >= self.t.len() {
            return true;
        }
        let t = &self.t[k];
        if t.has(PARA) {
            return true;
        }
        let p = &self.t[k - 1];
        let starts = t.has(CAP) || t.kind == Kind::Num || t.punct == b'"';
        if p.kind == Kind::Punct && matches!(p.punct, b'.' | b'!' | b'?') {
            if p.punct == b'.' && k >= 2 && self.abbreviation(k - 2) {
                return false;
            }
            return starts;
        }
        // A line break before a capital, after something that cannot
        // continue a sentence: a headline or a dateline.
        t.has(NEWLINE) && starts && p.kind == Kind::Word
    }

    /// Does token `k` open its sentence?
    fn opens_clause(&self, k: usize) -> bool {
        self.boundary_before(k)
    }

    fn abbreviation(&self, i: usize) -> bool {
        let t = &self.t[i];
        if t.kind != Kind::Word {
            return false;
        }
        if matches!(t.lex, Lex::Month(_, true))
            || (matches!(t.lex, Lex::Weekday(..)) && t.end - t.start <= 4)
        {
            return true;
        }
        let r = self.raw(i);
        r.len() == 1
            || matches!(
                r,
                "Mr" | "Mrs"
                    | "Ms"
                    | "Dr"
                    | "St"
                    | "Gen"
                    | "Sen"
                    | "Rep"
                    | "Gov"
                    | "Lt"
                    | "Col"
                    | "Sgt"
                    | "Capt"
                    | "Prof"
                    | "Jr"
                    | "Sr"
                    | "No"
                    | "vs"
                    | "Mt"
                    | "Ft"
                    | "Adm"
                    | "Cmdr"
                    | "Maj"
                    | "Rev"
                    | "Messrs"
                    | "Sens"
                    | "Reps"
                    | "approx"
            )
    }

    /// Token bounds of the sentence around token `i` (scanning at most 80
    /// tokens each way: tense cues further off say little).
    fn sentence_of(&self, i: usize) -> (usize, usize) {
        let (a, b) = self.sentence.get();
        if a <= i && i < b {
            return (a, b);
        }
        let mut a = i;
        while a > 0 && !self.boundary_before(a) && i - a < 80 {
            a -= 1;
        }
        let mut b = i + 1;
        while b < self.t.len() && !self.boundary_before(b) && b - i < 80 {
            b += 1;
        }
        self.sentence.set((a, b));
        (a, b)
    }

    /// The tense cue of token `k`, in its context: "won't" and "is to" are
    /// future, "had been scheduled" is past.
    fn cue(&self, k: usize) -> Tense {
        let t = self.t[k].tense;
        let prev = |w: &[&str]| k > 0 && w.iter().any(|x| self.raw_is(k - 1, x));
        match t {
            Tense::Past if self.raw_is(k, "won") && self.punct(k + 1, b'\'') => Tense::Future,
            Tense::Future if prev(&["been", "was", "were", "had"]) => Tense::Past,
            // A participle after "is"/"be" is a passive, not a past tense.
            Tense::Past if prev(&["is", "are", "be", "being", "get", "gets"]) => Tense::Unknown,
            // After an article, an "-ed" word is an adjective: "on a still
            // unspecified date", "the injured".
            Tense::Past if self.after_article(k) => Tense::Unknown,
            // "to", "next" and "soon" by class, which only they have: no
            // string compare for every token scanned.
            Tense::Unknown if self.is(k, W::To) => {
                let modal = prev(&[
                    "is",
                    "are",
                    "set",
                    "due",
                    "scheduled",
                    "expected",
                    "plans",
                    "plan",
                    "planned",
                    "planning",
                    "going",
                    "ready",
                    "aims",
                    "intends",
                    "prepared",
                    "poised",
                    "agreed",
                    "decided",
                    "promised",
                    "pledged",
                    "vowed",
                    "hopes",
                    "hoped",
                    "wants",
                    "wanted",
                    "threatened",
                    "offered",
                ]);
                let earlier = k > 1 && ["been", "had"].iter().any(|w| self.raw_is(k - 2, w));
                match (modal, earlier) {
                    (true, true) => Tense::Past,
                    (true, false) => Tense::Future,
                    _ => Tense::Unknown,
                }
            }
            // "Protesters planned a rally on Saturday": the rally is ahead.
            Tense::Unknown
                if matches!(self.w(k + 1), Some(W::A | W::An))
                    && self.raw_is(k, "planned")
                    && !prev(&["been", "was", "were", "had"]) =>
            {
                Tense::Future
            }
            // "next to" is a place.
            Tense::Future if self.is(k, W::Next) && self.is(k + 1, W::To) => Tense::Unknown,
            Tense::Unknown if self.is(k, W::Soon) && prev(&["as"]) => Tense::Future,
            t => t,
        }
    }

    /// Is token `k` in a noun phrase opened by an article, right after it
    /// or after an adverb ("a still unspecified", "an increasingly")?
    fn after_article(&self, k: usize) -> bool {
        let article = |j: usize| matches!(self.w(j), Some(W::A | W::An | W::The));
        k > 0
            && (article(k - 1)
                || (k > 1 && article(k - 2) && {
                    let adv = self.raw(k - 1);
                    adv.eq_ignore_ascii_case("still")
                        || (adv.len() > 4 && adv.to_ascii_lowercase().ends_with("ly"))
                }))
    }

    /// A quotation mark: tense cues across one belong to another voice.
    fn quote(&self, k: usize) -> bool {
        self.t[k].kind == Kind::Punct && matches!(self.t[k].punct, b'"' | b'`')
            || (self.punct(k, b'\'')
                && (self.punct(k + 1, b'\'') || (k > 0 && self.punct(k - 1, b'\''))))
    }

    /// The tense of the sentence as seen from the expression `[s, e)`: the
    /// nearest verb cue before it (the verb a time phrase usually hangs
    /// on), else the nearest after it; a quotation mark ends the search on
    /// its side. Reported speech is its own clause: in "officials said
    /// Thursday that on Monday the talks would resume" the verb after
    /// "that" decides, and "said" only when that clause has none.
    fn tense(&self, s: usize, e: usize) -> Tense {
        let (a, b) = self.sentence_of(s);
        let after = || {
            let mut r = e;
            while r < b {
                if self.quote(r) {
                    break;
                }
                if let t @ (Tense::Past | Tense::Future | Tense::Present) = self.cue(r) {
                    return t;
                }
                r += 1;
            }
            Tense::Unknown
        };
        let mut l = s;
        let mut clause = false;
        while l > a {
            l -= 1;
            if self.quote(l) {
                break;
            }
            if !clause && self.is(l, W::That) {
                clause = true;
                if let t @ (Tense::Past | Tense::Future | Tense::Present) = after() {
                    return t;
                }
            }
            if let t @ (Tense::Past | Tense::Future | Tense::Present) = self.cue(l) {
                return t;
            }
        }
        after()
    }

    fn dir(&self, s: usize, e: usize) -> Dir {
        // "named a new chairman, effective Feb. 1": the day something takes
        // effect is not dated by the verb that reports it; the nearer one.
        if s > 0 && self.raw_is(s - 1, "effective") {
            return Dir::Nearest;
        }
        Dir::from_tense(self.tense(s, e))
    }

    /// Does the sentence talk about quarterly results? Then "a year ago"
    /// means the same quarter a year before.
    fn financial(&self, i: usize) -> bool {
        let (a, b) = self.sentence_of(i);
        (a..b).any(|k| {
            matches!(self.lex(k), Lex::Unit(Unit::Quarter, _))
                || [
                    "period", "quarter", "cents", "earnings", "net", "profit", "revenue", "sales",
                ]
                .iter()
                .any(|w| self.raw_is(k, w))
        })
    }

    // ---- the driver -----------------------------------------------------

    fn at(&self, i: usize) -> Option<Found> {
        self.at_with(i, self.rules_at(i))
    }

    /// [`Grammar::at`], trying only the rules in `rules`.
    fn at_with(&self, i: usize, rules: u16) -> Option<Found> {
        let mut best: Option<Found> = None;
        // The length of time at `i` is read by two rules; parse it once.
        let dur = if rules & R_DUR != 0 {
            self.dur(i)
        } else {
            None
        };
        if rules & R_APPROX != 0 {
            consider(&mut best, self.approx(i));
        }
        if rules & R_MODIFIED != 0 {
            consider(&mut best, self.modified(i));
        }
        if rules & R_CLOCK != 0 {
            consider(&mut best, self.clock(i));
        }
        self.point_into(&mut best, i, dur, rules);
        consider(&mut best, self.duration_of(i, dur));
        if rules & R_SET != 0 {
            consider(&mut best, self.set(i));
        }
        if rules & R_REFERENCE != 0 {
            consider(&mut best, self.reference(i));
        }
        best
    }

    /// Any expression naming a point or period of the calendar.
    fn point(&self, i: usize) -> Option<Found> {
        let rules = self.rules_at(i);
        let dur = if rules & R_DUR != 0 {
            self.dur(i)
        } else {
            None
        };
        let mut best = None;
        self.point_into(&mut best, i, dur, rules);
        best
    }

    /// [`Grammar::point`] into `best`, the length of time at `i` given,
    /// trying only the rules in `rules`.
    fn point_into(&self, best: &mut Option<Found>, i: usize, dur: Option<Dur>, rules: u16) {
        // Rule by rule rather than through an array of results: most tokens
        // match none, and moving the array around was the bulk of the work.
        // (The first longest of all candidates is the first longest of the
        // first longest of each group, so `at` may pass its own `best`.)
        if rules & R_DATE != 0 {
            consider(best, self.date(i));
        }
        if rules & R_YEAR != 0 {
            consider(best, self.year(i));
        }
        if rules & R_WEEKDAY != 0 {
            consider(best, self.weekday(i));
        }
        if rules & R_RELATIVE != 0 {
            consider(best, self.relative(i));
        }
        consider(best, self.ago_of(i, dur));
        if rules & R_QUARTER != 0 {
            consider(best, self.quarter(i));
        }
        if rules & R_HOLIDAY != 0 {
            consider(best, self.holiday(i));
        }
        if rules & R_DAY_WORD != 0 {
            consider(best, self.day_word(i));
        }
        if rules & R_YEAR_END != 0 {
            consider(best, self.year_end(i));
        }
    }

    /// The rules that can match at `i`, by the token there: each rule
    /// gives up at once unless its expression opens with one of a few
    /// words (or a number), and that first test, repeated here, saves
    /// calling the rest. Keep in step with the rules (a test checks that
    /// trying every rule finds the same).
    fn rules_at(&self, i: usize) -> u16 {
        let Some(t) = self.t.get(i) else {
            return 0;
        };
        match t.kind {
            Kind::Num => R_CLOCK | R_DATE | R_YEAR | R_DUR | R_QUARTER,
            // "'80s"
            Kind::Punct => R_YEAR,
            Kind::Word => match t.lex {
                Lex::W(w) => Self::rules_for_word(w),
                Lex::Weekday(..) => R_DATE | R_WEEKDAY,
                Lex::Month(..) => R_DATE,
                Lex::Ordinal(_) => R_DATE | R_YEAR | R_DUR | R_QUARTER,
                Lex::Num(_) => R_DATE | R_YEAR | R_DUR,
                Lex::Unit(Unit::Second, false) => R_DATE | R_DUR | R_QUARTER,
                Lex::Unit(Unit::Year, false) => R_DUR | R_QUARTER | R_YEAR_END,
                Lex::Unit(Unit::Quarter, false) => R_DUR | R_QUARTER,
                Lex::Unit(..) => R_DUR,
                Lex::Decade(_) => R_YEAR,
                Lex::None | Lex::DayPart(..) | Lex::Season(_) | Lex::Zone(_) | Lex::Meridiem(_) => {
                    0
                }
            },
        }
    }

    /// [`Grammar::rules_at`] for a function word.
    fn rules_for_word(w: W) -> u16 {
        let mut rules = 0;
        if matches!(
            w,
            W::About
                | W::Around
                | W::Approximately
                | W::Roughly
                | W::Some
                | W::Nearly
                | W::Almost
                | W::Just
                | W::Over
                | W::More
                | W::Less
                | W::Fewer
                | W::At
                | W::Up
                | W::No
        ) {
            rules |= R_APPROX;
        }
        if matches!(
            w,
            W::The | W::Early | W::Late | W::Mid | W::Earlier | W::Later
        ) {
            rules |= R_MODIFIED;
        }
        if matches!(w, W::Noon | W::Midday | W::Midnight) {
            rules |= R_CLOCK;
        }
        if matches!(w, W::The | W::Fiscal) {
            rules |= R_YEAR;
        }
        if matches!(w, W::The | W::Last | W::Next | W::This | W::Coming) {
            rules |= R_WEEKDAY;
        }
        if matches!(
            w,
            W::The | W::This | W::Current | W::Last | W::Past | W::Next | W::Coming | W::That
        ) {
            rules |= R_RELATIVE;
        }
        if matches!(
            w,
            W::The
                | W::Its
                | W::Their
                | W::Past
                | W::Last
                | W::Previous
                | W::Next
                | W::Coming
                | W::Following
                | W::Recent
                | W::Latest
                | W::Same
                | W::A
                | W::An
                | W::Few
                | W::Several
                | W::Many
                | W::Some
                | W::Half
                | W::Dozens
                | W::Couple
        ) {
            rules |= R_DUR;
        }
        if matches!(
            w,
            W::The
                | W::Its
                | W::Their
                | W::Fiscal
                | W::Latest
                | W::Same
                | W::Recent
                | W::Current
                | W::This
                | W::Last
                | W::Previous
                | W::Next
                | W::Comparable
        ) {
            rules |= R_QUARTER;
        }
        if matches!(
            w,
            W::Christmas
                | W::NewYear
                | W::Thanksgiving
                | W::Easter
                | W::Election
                | W::Independence
                | W::Labor
                | W::Memorial
                | W::Veterans
                | W::Valentine
                | W::Halloween
        ) {
            rules |= R_HOLIDAY;
        }
        if matches!(
            w,
            W::Today
                | W::Yesterday
                | W::Tomorrow
                | W::Tonight
                | W::Overnight
                | W::Last
                | W::This
                | W::The
                | W::That
        ) {
            rules |= R_DAY_WORD;
        }
        if matches!(
            w,
            W::Daily
                | W::Weekly
                | W::Monthly
                | W::Quarterly
                | W::Yearly
                | W::Hourly
                | W::Nightly
                | W::Weekends
                | W::Each
                | W::Every
        ) {
            rules |= R_SET;
        }
        if matches!(
            w,
            W::Now
                | W::Currently
                | W::Nowadays
                | W::Presently
                | W::Recently
                | W::Lately
                | W::Current
                | W::These
                | W::The
        ) {
            rules |= R_REFERENCE;
        }
        rules
    }

    // ---- numbers --------------------------------------------------------

    /// A number written in words: "twenty four", "forty-five", "a hundred".
    fn word_number(&self, i: usize) -> Option<(u64, usize)> {
        let mut j = i;
        let mut value: u64 = match self.lex(j) {
            Lex::Num(n) => u64::from(n),
            Lex::W(W::A | W::An) if matches!(self.w(j + 1), Some(W::Hundred | W::Thousand)) => 1,
            _ => return None,
        };
        j += 1;
        if value >= 20 && value.is_multiple_of(10) && value < 100 {
            let k = self.skip_hyphen(j);
            if let Lex::Num(u) = self.lex(k)
                && u < 10
            {
                value += u64::from(u);
                j = k + 1;
            }
        }
        match self.w(j) {
            Some(W::Hundred) => {
                value *= 100;
                j += 1;
                let k = if self.is(j, W::And) { j + 1 } else { j };
                if let Some((rest, e)) = self.word_number(k).filter(|(r, _)| *r < 100) {
                    value += rest;
                    j = e;
                }
            }
            Some(W::Thousand) => {
                value *= 1000;
                j += 1;
            }
            _ => {}
        }
        Some((value, j))
    }

    /// A count before a unit, in halves: "three", "2 1/2", "a", "a couple
    /// of", "one and a half"; `None` count for "several", "a few".
    fn quantity(&self, i: usize) -> Option<(Option<u64>, usize, bool)> {
        if let Some(t) = self.num(i) {
            if t.suffix != Suffix::None || t.num > 100_000 {
                return None;
            }
            let mut halves = u64::from(t.num) * 2;
            let mut j = i + 1;
            if t.has(DECIMAL) {
                // "1.5 years"; other decimals ("2.75") are amounts, not
                // read as lengths.
                if !self.raw(i).ends_with(".5") || self.raw(i).contains(',') {
                    return None;
                }
                halves += 1;
            } else if let Some(e) = self.half_after(j) {
                halves += 1;
                j = e;
            }
            return Some((Some(halves), self.skip_range(j), false));
        }
        if let Some((n, j)) = self.word_number(i) {
            let mut halves = n * 2;
            let mut j = j;
            if let Some(e) = self.and_a_half(j) {
                halves += 1;
                j = e;
            }
            return Some((Some(halves), self.skip_range(j), false));
        }
        match self.w(i)? {
            W::A | W::An => match self.w(i + 1) {
                Some(W::Few) => Some((None, i + 2, false)),
                Some(W::Couple) => {
                    let j = if self.is(i + 2, W::Of) { i + 3 } else { i + 2 };
                    Some((Some(4), j, false))
                }
                Some(W::Dozen) => Some((Some(24), i + 2, false)),
                Some(W::Half) => Some((Some(1), i + 2, false)),
                _ => Some((Some(2), i + 1, true)),
            },
            W::Few | W::Several | W::Many => Some((None, i + 1, false)),
            // "the next couple of years"
            W::Couple => {
                let j = if self.is(i + 1, W::Of) { i + 2 } else { i + 1 };
                Some((Some(4), j, false))
            }
            W::Some if self.num(i + 1).is_none() && self.word_number(i + 1).is_none() => {
                Some((None, i + 1, false))
            }
            W::Half if matches!(self.w(i + 1), Some(W::A | W::An)) => Some((Some(1), i + 2, false)),
            W::Dozens => {
                let j = if self.is(i + 1, W::Of) { i + 2 } else { i + 1 };
                Some((None, j, false))
            }
            _ => None,
        }
    }

    /// The end of a half after a whole number at `j`: "2 1/2",
    /// "2-1/2-year", "2½", "2 and a half".
    fn half_after(&self, j: usize) -> Option<usize> {
        let k = self.skip_hyphen(j);
        if self.int(k) == Some(1) && self.punct(k + 1, b'/') && self.int(k + 2) == Some(2) {
            return Some(k + 3);
        }
        if self.raw(j) == "\u{bd}" && self.tight(j) {
            return Some(j + 1);
        }
        self.and_a_half(j)
    }

    /// The end of "and a half" at `j`, hyphenated or not:
    /// "three-and-a-half-month".
    fn and_a_half(&self, j: usize) -> Option<usize> {
        let k = self.skip_hyphen(j);
        if !self.is(k, W::And) {
            return None;
        }
        let k = self.skip_hyphen(k + 1);
        if !self.is(k, W::A) {
            return None;
        }
        let k = self.skip_hyphen(k + 1);
        self.is(k, W::Half).then_some(k + 1)
    }

    /// Skips the rest of "two to three", "12 to 18", "two or three".
    fn skip_range(&self, j: usize) -> usize {
        if matches!(self.w(j), Some(W::To | W::Or)) || self.hyphen(j) {
            if self.int(j + 1).is_some() {
                return j + 2;
            }
            if let Some((_, e)) = self.word_number(j + 1) {
                return e;
            }
        }
        j
    }

    // ---- durations ------------------------------------------------------

    /// Parses a length of time at `i` without deciding what it is used for.
    fn dur(&self, i: usize) -> Option<Dur> {
        let mut j = i;
        let mut the = false;
        let mut rel = None;
        if matches!(self.w(j), Some(W::The | W::Its | W::Their)) {
            the = true;
            j += 1;
        }
        match self.lex(j) {
            Lex::W(W::Past | W::Last | W::Previous) => {
                rel = Some(Rel::Past);
                j += 1;
            }
            Lex::W(W::Next | W::Coming | W::Following) => {
                rel = Some(Rel::Next);
                j += 1;
            }
            Lex::W(W::Recent | W::Latest) => {
                rel = Some(Rel::Recent);
                j += 1;
            }
            Lex::W(W::Same) if the => {
                rel = Some(Rel::Same);
                j += 1;
            }
            Lex::Ordinal(1 | 255) => {
                rel = Some(Rel::First);
                j += 1;
            }
            _ => {}
        }
        let (halves, mut k, article) = match self.quantity(j) {
            Some(q) => q,
            None => (None, j, false),
        };
        let counted = k > j;
        if article && (the || rel.is_some()) {
            return None;
        }
        // "72-hour", "five-year-old"
        let hyphenated = counted && !article && self.hyphen(k);
        if hyphenated {
            k += 1;
        }
        while matches!(
            self.w(k),
            Some(
                W::More
                    | W::Additional
                    | W::Straight
                    | W::Consecutive
                    | W::Full
                    | W::Trading
                    | W::Business
                    | W::Whole
                    | W::Long
                    | W::Short
            )
        ) && counted
            && !hyphenated
            && !self.is(k + 1, W::Than)
        {
            k += 1;
        }
        let Lex::Unit(unit, plural) = self.lex(k) else {
            return None;
        };
        // "a second betrayal" counts, it does not measure.
        if unit == Unit::Second
            && article
            && self
                .tok(k + 1)
                .is_some_and(|t| t.kind == Kind::Word && t.lex == Lex::None)
        {
            return None;
        }
        // "second" is more often the ordinal ("the second quarter").
        if unit == Unit::Second && !plural && !counted {
            return None;
        }
        // "a day-long meeting", "a decades-long battle": a length as an adjective.
        if !counted && !the && rel.is_none() && self.hyphen(k + 1) && self.is(k + 2, W::Long) {
            return Some(Dur {
                end: k + 3,
                halves: (!plural).then_some(2),
                unit,
                adjective: true,
                the,
                rel,
                article,
            });
        }
        if !counted && !plural {
            return None;
        }
        // Bare plurals: "weeks", "years" are read as lengths of time; "hours",
        // "minutes", "quarters" without a count are too often something else.
        if !counted
            && !the
            && rel.is_none()
            && !matches!(
                unit,
                Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Century
            )
        {
            return None;
        }
        let mut end = k + 1;
        let adjective = hyphenated;
        // "more than a quarter of the market" is a fraction, not three
        // months; "a quarter of a century" is still a length of time.
        if unit == Unit::Quarter
            && article
            && self.is(end, W::Of)
            && !(matches!(self.w(end + 1), Some(W::A | W::An))
                && matches!(self.lex(end + 2), Lex::Unit(..)))
        {
            return None;
        }
        // Ages ("a 6-year-old", "40 years old") are not temporal expressions.
        if self.is(end, W::Old) || (self.hyphen(end) && self.is(end + 1, W::Old)) {
            return None;
        }
        // "a year and a half", "a year-and-a-half".
        if let Some(h) = halves
            && let Some(e) = self.and_a_half(end)
        {
            return Some(Dur {
                end: e,
                halves: Some(h + 1),
                unit,
                adjective,
                the,
                rel,
                article,
            });
        }
        if self.hyphen(end) {
            if hyphenated && self.is(end + 1, W::Long) {
                end += 2;
            } else {
                // Some other compound: "a year-earlier loss", "year-end".
                return None;
            }
        }
        if self.is(end, W::Or) && self.raw_is(end + 1, "so") {
            end += 2;
        } else if !counted
            && self.is(end, W::Or)
            && matches!(self.lex(end + 1), Lex::Unit(u, true) if u > unit)
        {
            // "weeks or months": one vague length, given by its lower bound.
            end += 2;
        }
        Some(Dur {
            end,
            halves,
            unit,
            adjective,
            the,
            rel,
            article,
        })
    }

    fn duration(&self, i: usize) -> Option<Found> {
        self.duration_of(i, self.dur(i))
    }

    /// [`Grammar::duration`] with `self.dur(i)` given.
    fn duration_of(&self, i: usize, d: Option<Dur>) -> Option<Found> {
        let d = d?;
        // "the past year" and "last week" are dates, handled elsewhere; a
        // bare "the year" is too.
        if d.halves == Some(2) && d.article && !d.the && d.rel.is_none() {
            // "twice a day" is a frequency; in "$5 million a year" the rate
            // belongs to the amount and is not annotated.
            match self.per_unit_context(i) {
                Per::Frequency => {
                    return Some(Found::new(
                        i,
                        d.end,
                        TimexType::Set,
                        resolve::duration(Some(2), d.unit),
                        TimexAnchor::Absolute,
                    ));
                }
                Per::Rate => return None,
                Per::Neither => {}
            }
        }
        if d.rel == Some(Rel::Same) {
            return None;
        }
        // "24 hours a day", "five days a week": how much of each day or
        // week, a set of that larger unit, as TIMEX3 writes "three days
        // each week" (`P1W`, freq `3D`).
        if d.halves.is_some()
            && !d.article
            && !d.the
            && d.rel.is_none()
            && !d.adjective
            && matches!(self.w(d.end), Some(W::A | W::Per | W::Each))
            && let Lex::Unit(per, false) = self.lex(d.end + 1)
            && per > d.unit
        {
            return Some(Found::new(
                i,
                d.end + 2,
                TimexType::Set,
                resolve::duration(Some(2), per),
                TimexAnchor::Absolute,
            ));
        }
        // "Islam will one day be…": after a modal, "one day" is some day
        // ahead, not a length of time; "recent years" are the past.
        let one_day_ahead = d.unit == Unit::Day
            && d.halves == Some(2)
            && d.end == i + 2
            && self.raw_is(i, "one")
            && i > 0
            && [
                "will", "would", "could", "may", "might", "can", "should", "shall",
            ]
            .iter()
            .any(|m| self.raw_is(i - 1, m));
        let vague = if one_day_ahead {
            Some("FUTURE_REF")
        } else if d.halves.is_none() && d.rel == Some(Rel::Recent) && d.unit == Unit::Year {
            Some("PAST_REF")
        } else {
            None
        };
        if let Some(v) = vague {
            let f = Found::new(
                i,
                d.end,
                TimexType::Date,
                v.into(),
                relative_anchor(self.dct),
            );
            return Some(f);
        }
        // "third-quarter" is a date (see `quarter`), not "three quarters".
        if d.adjective && d.unit == Unit::Quarter {
            return None;
        }
        let value = resolve::duration(d.halves, d.unit);
        // "the 18-month truce": as the TimeBank and AQUAINT golds mark a
        // length used as an adjective, without its determiner.
        let start = if d.the && d.adjective && d.rel.is_none() {
            i + 1
        } else {
            i
        };
        Some(Found::new(
            start,
            d.end,
            TimexType::Duration,
            value,
            TimexAnchor::Absolute,
        ))
    }

    /// What the "a year" at `i` is part of: a frequency ("twice a day"),
    /// a rate of something else ("$5 million a year", "four flights a
    /// week"), or neither.
    fn per_unit_context(&self, i: usize) -> Per {
        let Some(p) = i.checked_sub(1) else {
            return Per::Neither;
        };
        if matches!(self.w(p), Some(W::Once | W::Twice | W::Times)) {
            return Per::Frequency;
        }
        let t = &self.t[p];
        let rate = t.kind == Kind::Num
            || matches!(self.w(p), Some(W::Percent))
            || (t.kind == Kind::Word
                && t.lex == Lex::None
                && !t.has(CAP)
                && plural_noun(self.raw(p)))
            || ["million", "billion", "trillion"]
                .iter()
                .any(|w| self.raw_is(p, w));
        if rate { Per::Rate } else { Per::Neither }
    }

    // ---- "N units ago" ------------------------------------------------------

    fn ago(&self, i: usize) -> Option<Found> {
        self.ago_of(i, self.dur(i))
    }

    /// [`Grammar::ago`] with `self.dur(i)` given.
    fn ago_of(&self, i: usize, d: Option<Dur>) -> Option<Found> {
        let d = d?;
        if d.the || d.rel.is_some() || d.adjective {
            return None;
        }
        let e = d.end;
        let (sign, end, from_last) = match self.w(e) {
            Some(W::Ago) => (-1i64, e + 1, false),
            // "a year earlier" names a year; "three days later", "a day
            // earlier" are annotated as the lengths of time they are.
            Some(W::Earlier) if d.unit >= Unit::Month => (-1, e + 1, false),
            Some(W::From) if self.is(e + 1, W::Now) => (1, e + 2, false),
            Some(W::Hence) => (1, e + 1, false),
            _ => return None,
        };
        let anchor_day = if from_last {
            self.last_day.or(self.dct)
        } else {
            self.dct
        };
        let anchor = if from_last && self.last_day.is_some() {
            TimexAnchor::Previous
        } else {
            relative_anchor(self.dct)
        };
        let Some(h) = d.halves else {
            let value = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
            return Some(Found::new(i, end, TimexType::Date, value.into(), anchor));
        };
        let n = i64::try_from(h / 2).ok()?;
        if d.unit.is_clock() {
            // "two hours ago": the day, to the precision TIMEX3 dates allow.
            let value = match anchor_day {
                Some(a) => resolve::ymd(a),
                None => "XXXX-XX-XX".into(),
            };
            return Some(Found::new(i, end, TimexType::Date, value, anchor));
        }
        let Some(a) = anchor_day else {
            return Some(Found::new(
                i,
                end,
                TimexType::Date,
                resolve::unknown_period(d.unit).into(),
                TimexAnchor::Unresolved,
            ));
        };
        // A year before the quarter under discussion.
        if d.unit == Unit::Year
            && n == 1
            && sign < 0
            && !from_last
            && self.financial(i)
            && let Some((y, q)) = self.ref_quarter
        {
            let mut f = Found::new(i, end, TimexType::Date, resolve::quarter(y - 1, q), anchor);
            f.year = Some(y - 1);
            return Some(f);
        }
        let target = resolve::shift(a, sign * n, d.unit)?;
        let gran = match d.unit {
            Unit::Decade | Unit::Century | Unit::Millennium => Unit::Year,
            u => u,
        };
        let mut f = Found::new(
            i,
            end,
            TimexType::Date,
            resolve::period(target, gran),
            anchor,
        );
        if gran == Unit::Day {
            f.day = Some(target);
        }
        f.year = Some(target.year());
        Some(f)
    }

    // ---- approximations ----------------------------------------------------

    /// "about three weeks", "more than four hours", "nearly two years ago".
    fn approx(&self, i: usize) -> Option<Found> {
        let (m, j) = match self.w(i)? {
            W::About | W::Around | W::Approximately | W::Roughly => ("APPROX", i + 1),
            W::Some if self.num(i + 1).is_some() || self.word_number(i + 1).is_some() => {
                ("APPROX", i + 1)
            }
            W::Nearly | W::Almost => ("LESS_THAN", i + 1),
            W::Just if self.is(i + 1, W::Over) => ("MORE_THAN", i + 2),
            W::Just if self.raw_is(i + 1, "under") => ("LESS_THAN", i + 2),
            W::Over => ("MORE_THAN", i + 1),
            W::More if self.is(i + 1, W::Than) => ("MORE_THAN", i + 2),
            W::Less | W::Fewer if self.is(i + 1, W::Than) => ("LESS_THAN", i + 2),
            W::At if self.is(i + 1, W::Least) => ("EQUAL_OR_MORE", i + 2),
            W::At if self.is(i + 1, W::Most) => ("EQUAL_OR_LESS", i + 2),
            W::Up if self.is(i + 1, W::To) => ("EQUAL_OR_LESS", i + 2),
            W::No if self.is(i + 1, W::More) && self.is(i + 2, W::Than) => ("EQUAL_OR_LESS", i + 3),
            _ => return None,
        };
        // Only quantities take these: "about the future" is not approximate.
        let quantified = self.num(j).is_some()
            || self.word_number(j).is_some()
            || matches!(
                self.w(j),
                Some(W::A | W::An | W::Half | W::Several | W::Few)
            );
        if !quantified {
            return None;
        }
        let core = [self.duration(j), self.ago(j), self.clock(j), self.date(j)]
            .into_iter()
            .flatten()
            .max_by_key(|f| f.end)?;
        let mut f = core;
        f.start = i;
        Some(f.with_mod(Some(m)))
    }

    // ---- early / late / mid / the end of ------------------------------------

    fn modified(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let the = self.is(j, W::The);
        if the {
            j += 1;
        }
        // "the first half of 1990", "the second half", "the last half".
        if the && self.is(j + 1, W::Half) {
            return match self.lex(j) {
                Lex::Ordinal(n @ (1 | 2)) => self.half(i, j, n),
                Lex::Unit(Unit::Second, false) => self.half(i, j, 2),
                Lex::W(W::Last) => self.half(i, j, 2),
                _ => None,
            };
        }
        let (m, k) = match self.w(j)? {
            W::Early => (Some("START"), j + 1),
            W::Late => (Some("END"), j + 1),
            W::Mid => (Some("MID"), self.skip_hyphen(j + 1)),
            W::Earlier | W::Later if !the => {
                let k = if self.is(j + 1, W::In) { j + 2 } else { j + 1 };
                (None, k)
            }
            W::End | W::Beginning | W::Start | W::Middle if the && self.is(j + 1, W::Of) => {
                let m = match self.w(j) {
                    Some(W::End) => "END",
                    Some(W::Middle) => "MID",
                    _ => "START",
                };
                (Some(m), j + 2)
            }
            _ => return None,
        };
        // "mid-afternoon", "late yesterday afternoon" are times of day.
        if let Lex::DayPart(p, false) = self.lex(k)
            && !the
        {
            return Some(self.part_of_day(i, k, p));
        }
        // "the" opens only "the end of", "the early 1980s", "the mid-1990s".
        let core = self.point(k).or_else(|| self.bare_season(k))?;
        if the && m.is_none() {
            return None;
        }
        if core.kind == TimexType::Duration || core.kind == TimexType::Set {
            return None;
        }
        if matches!(
            core.value.as_str(),
            "PRESENT_REF" | "PAST_REF" | "FUTURE_REF"
        ) {
            return None;
        }
        // "earlier" / "later" only refine relative or weekday expressions.
        if m.is_none() && core.anchor == TimexAnchor::Absolute {
            return None;
        }
        let mut f = core;
        f.start = i;
        // "late yesterday" keeps its day; "the end of the year" its year.
        Some(f.with_mod(m))
    }

    /// A part of the day after "mid"/"early"/"late": "mid-afternoon",
    /// "mid-afternoon yesterday", "early Friday morning" is handled by the
    /// weekday; the day is the one named after it, else the reference day.
    fn part_of_day(&self, i: usize, k: usize, p: DayPart) -> Found {
        let after = self
            .weekday(k + 1)
            .or_else(|| self.day_word(k + 1))
            .filter(|f| f.kind == TimexType::Date);
        let (day, end) = match after {
            Some(f) => (
                DayRef {
                    date: f.day,
                    partial: f.value.clone(),
                    anchor: f.anchor,
                },
                f.end,
            ),
            None => (
                DayRef {
                    date: self.dct,
                    partial: "XXXX-XX-XX".into(),
                    anchor: relative_anchor(self.dct),
                },
                k + 1,
            ),
        };
        let mut f = Found::new(i, end, TimexType::Time, day.value_at(p.code()), day.anchor);
        f.day = day.date;
        f
    }

    /// "the first half of 1990", "the second half", "the last half of 1989".
    fn half(&self, i: usize, j: usize, n: u8) -> Option<Found> {
        if !self.is(j + 1, W::Half) {
            return None;
        }
        let mut e = j + 2;
        let mut year = None;
        let mut anchor = relative_anchor(self.dct);
        // "the last half of the '80s": the decade, its start or end.
        if self.is(e, W::Of)
            && let Some(f) = self.year(e + 1).filter(|f| f.value.len() == 3)
        {
            let part = if n == 1 { "START" } else { "END" };
            return Some(
                Found::new(i, f.end, TimexType::Date, f.value, f.anchor).with_mod(Some(part)),
            );
        }
        if self.is(e, W::Of)
            && let Some(f) = self.year(e + 1).or_else(|| self.relative(e + 1))
            && f.value.len() == 4
        {
            year = f.value.parse::<i16>().ok();
            anchor = f.anchor;
            e = f.end;
        }
        let year = year.or(self.dct.map(|d| d.year()));
        let value = match year {
            Some(y) => format!("{y:04}-H{n}"),
            None => format!("XXXX-H{n}"),
        };
        Some(Found::new(i, e, TimexType::Date, value, anchor))
    }

    // ---- absolute dates -------------------------------------------------------

    /// A month name at `i` (with its abbreviation period): (month, next index).
    fn month(&self, i: usize) -> Option<(i8, usize)> {
        let Lex::Month(m, abbr) = self.lex(i) else {
            return None;
        };
        if !self.has(i, CAP) {
            return None;
        }
        if abbr {
            if self.punct(i + 1, b'.') && self.tight(i + 1) {
                return Some((m as i8, i + 2));
            }
            // "Sept 30" without the period: only with a day after it.
            return self.day_number(i + 1).map(|_| (m as i8, i + 1));
        }
        Some((m as i8, i + 1))
    }

    /// May, March, August…: is the capitalised word at `i` really a month?
    fn month_alone_ok(&self, i: usize, m: i8) -> bool {
        if self.has(i, UPPER) {
            return false;
        }
        // "the March for Life", "an August day": a name or an adjective.
        if i > 0 && self.raw_is(i - 1, "annual") {
            return false;
        }
        if i > 0 && matches!(self.w(i - 1), Some(W::The | W::A | W::An)) {
            // "the October slaying" is a date; "the March for Life" a name.
            let next = self.tok(i + 1);
            return next.is_some_and(|t| {
                t.kind == Kind::Word && !t.has(CAP) && !matches!(t.lex, Lex::W(_))
            });
        }
        let prev_ok = i > 0
            && (matches!(
                self.w(i - 1),
                Some(
                    W::In
                        | W::Of
                        | W::Since
                        | W::Until
                        | W::By
                        | W::Last
                        | W::Next
                        | W::This
                        | W::Early
                        | W::Late
                        | W::Mid
                        | W::Through
                        | W::During
                        | W::Before
                        | W::After
                        | W::From
                        | W::To
                        | W::And
                        | W::Or
                        | W::Between
                        | W::For
                        | W::Each
                        | W::Every
                        | W::Earlier
                        | W::Later
                        | W::End
                        | W::Beginning
                        | W::Middle
                        | W::Start
                )
            ) || self.punct(i - 1, b'-'));
        if matches!(self.lex(i), Lex::Month(_, true)) {
            return prev_ok;
        }
        match m {
            5 => prev_ok,
            // Sentence-initial "March" may be the verb.
            // "the March of the Combatant Mothers" is a procession.
            3 => {
                (prev_ok || !self.boundary_before(i))
                    && !(self.raw_is(i + 1, "of")
                        && self.tok(i + 2).is_some_and(|t| {
                            t.kind == Kind::Word && (self.is(i + 2, W::The) || t.has(CAP))
                        }))
            }
            _ => true,
        }
    }

    /// A day of the month at `i`: "6", "6th", "sixth", "twenty-first".
    fn day_number(&self, i: usize) -> Option<(i8, usize)> {
        if let Some(t) = self.num(i) {
            if t.digits <= 2
                && (1..=31).contains(&t.num)
                && !t.has(GROUPED)
                && matches!(t.suffix, Suffix::None | Suffix::Ordinal)
            {
                // Not a clock time ("July 6 10:30" is fine, "6:30" is not a day).
                if self.punct(i + 1, b':')
                    && self.tight(i + 1)
                    && self.num(i + 2).is_some()
                    && self.tight(i + 2)
                {
                    return None;
                }
                if self.punct(i + 1, b'%') || self.is(i + 1, W::Percent) {
                    return None;
                }
                return Some((t.num as i8, i + 1));
            }
            return None;
        }
        match self.lex(i) {
            Lex::Ordinal(n) if (1..=31).contains(&n) => Some((n as i8, i + 1)),
            Lex::Num(20 | 30) => {
                let k = self.skip_hyphen(i + 1);
                match self.lex(k) {
                    Lex::Ordinal(n) if n < 10 => {
                        let tens: i8 = if let Lex::Num(t) = self.lex(i) {
                            t as i8
                        } else {
                            0
                        };
                        let v = tens + n as i8;
                        (v <= 31).then_some((v, k + 1))
                    }
                    Lex::Unit(Unit::Second, false) => {
                        Some((if self.lex(i) == Lex::Num(20) { 22 } else { 32 }, k + 1))
                            .filter(|(v, _)| *v <= 31)
                    }
                    _ => None,
                }
            }
            Lex::Unit(Unit::Second, false) if self.raw_is(i, "second") => Some((2, i + 1)),
            _ => None,
        }
    }

    /// A year after a date or month: "2016", "nineteen ninety-six".
    fn year_number(&self, i: usize, loose: bool) -> Option<(i16, usize)> {
        if let Some(t) = self.num(i) {
            if t.digits == 4 && t.suffix == Suffix::None && !t.has(GROUPED) {
                let range = if loose { 1000..=2999 } else { 1900..=2099 };
                if range.contains(&t.num) {
                    return Some((t.num as i16, i + 1));
                }
            }
            return None;
        }
        self.spoken_year(i)
    }

    /// "nineteen ninety-six", "nineteen eighty", "two thousand (and) one".
    fn spoken_year(&self, i: usize) -> Option<(i16, usize)> {
        match self.lex(i) {
            Lex::Num(c @ (18..=20)) => {
                let (rest, e) = self.word_number(i + 1)?;
                if (10..100).contains(&rest) {
                    return Some((c as i16 * 100 + rest as i16, e));
                }
                None
            }
            Lex::Num(2) if self.is(i + 1, W::Thousand) => {
                let mut e = i + 2;
                let mut y = 2000;
                let k = if self.is(e, W::And) { e + 1 } else { e };
                if let Some((r, e2)) = self.word_number(k).filter(|(r, _)| *r < 100) {
                    y += r as i16;
                    e = e2;
                }
                Some((y, e))
            }
            _ => None,
        }
    }

    /// "July 6", "July 6, 2016", "6 July 2016", "Friday, Oct. 23", "August
    /// 1988", "July last year", "January", "2016-07-06", "7/6/2016".
    fn date(&self, i: usize) -> Option<Found> {
        if let Some(f) = self.numeric_date(i) {
            return Some(f);
        }
        let mut j = i;
        let mut wd = None;
        if let Lex::Weekday(d, false) = self.lex(j) {
            let mut k = j + 1;
            if self.punct(k, b'.') && self.tight(k) {
                k += 1;
            }
            if self.punct(k, b',') {
                k += 1;
            }
            if self.month(k).is_some()
                || self
                    .day_number(k)
                    .is_some_and(|(_, e)| self.month(e).is_some())
            {
                wd = Some(d);
                j = k;
            }
        }
        // Day Month [Year]: "6 July 2016", "6th of July".
        if let Some((day, e)) = self.day_number(j) {
            let e2 = if self.is(e, W::Of) { e + 1 } else { e };
            if let Some((m, e3)) = self.month(e2)
                && (self.num(j).is_some() || self.is(e, W::Of) || wd.is_some())
            {
                return self.month_day(i, m, day, e3, wd);
            }
            // The second day of "April 24 and 25" takes the first's month.
            // (Not before an ordinary word: "April 24 and 25 delegates".)
            let plain_next = self
                .tok(e)
                .is_some_and(|t| t.kind == Kind::Word && t.lex == Lex::None);
            if wd.is_none()
                && i >= 3
                && !plain_next
                && self.num(i).is_some()
                && (self.raw_is(i - 1, "and") || self.raw_is(i - 1, "or"))
                && self.month(i - 3).is_some_and(|(_, me)| me == i - 2)
                && self.day_number(i - 2).is_some_and(|(_, de)| de == i - 1)
                && let Some((m, _)) = self.month(i - 3)
            {
                return self.month_day(i, m, day, e, None);
            }
            return None;
        }
        let (m, e) = self.month(j)?;
        // Month Day [, Year]
        if let Some((day, e2)) = self.day_number(e) {
            // "May 5 percent" and the like were weeded out by day_number.
            return self.month_day(i, m, day, e2, wd);
        }
        if wd.is_some() {
            return None;
        }
        // Month Year: "August 1988", "July of 1997", "January nineteen ninety-seven".
        let e_of = if self.is(e, W::Of) || self.punct(e, b',') {
            e + 1
        } else {
            e
        };
        if let Some((y, e2)) = self.year_number(e_of, true) {
            let mut f = Found::new(
                i,
                e2,
                TimexType::Date,
                resolve::ym(y, m),
                TimexAnchor::Absolute,
            );
            f.year = Some(y);
            return Some(f);
        }
        if !self.month_alone_ok(j, m) {
            return None;
        }
        // "July last year", "January this year", "June of next year".
        if let Some(rel) = self.relative_year(e_of) {
            let (y, e2, anchor) = rel;
            let value = match y {
                Some(y) => resolve::ym(y, m),
                None => format!("XXXX-{m:02}"),
            };
            return Some(Found::new(i, e2, TimexType::Date, value, anchor));
        }
        // A month alone: the nearest one the tense allows; "by"/"until" look ahead.
        let (value, year, anchor) = match self.dct {
            Some(d) => {
                let mut dir = self.dir(i, e);
                if i > 0 && matches!(self.w(i - 1), Some(W::By | W::Until | W::Through)) {
                    dir = Dir::Future;
                }
                // Past-tense reports of next month's plans ("gave it until November").
                if dir == Dir::Past && m == d.month() % 12 + 1 {
                    dir = Dir::Nearest;
                }
                // "this year through August": the month of that year.
                let bounded = (i >= 3 && matches!(self.w(i - 1), Some(W::Through | W::Until)))
                    .then(|| self.relative_year(i - 3))
                    .flatten()
                    .and_then(|(y, e2, _)| y.filter(|_| e2 == i - 1));
                let y = bounded.unwrap_or_else(|| resolve::month_year(d, m, dir));
                (resolve::ym(y, m), Some(y), TimexAnchor::Published)
            }
            None => (format!("XXXX-{m:02}"), None, TimexAnchor::Unresolved),
        };
        let mut f = Found::new(i, e, TimexType::Date, value, anchor);
        f.year = year;
        Some(f)
    }

    /// "this year", "last year", "next year" at `i`: (year, end, anchor).
    fn relative_year(&self, i: usize) -> Option<(Option<i16>, usize, TimexAnchor)> {
        let delta = match self.w(i)? {
            W::This => 0,
            W::Last => -1,
            W::Next => 1,
            _ => return None,
        };
        if !matches!(self.lex(i + 1), Lex::Unit(Unit::Year, false)) {
            return None;
        }
        let y = self.dct.map(|d| d.year() + delta);
        Some((y, i + 2, relative_anchor(self.dct)))
    }

    fn month_day(&self, i: usize, m: i8, day: i8, e: usize, wd: Option<u8>) -> Option<Found> {
        // Optional year: ", 2016" or " 2016".
        let e_year = if self.punct(e, b',') { e + 1 } else { e };
        if let Some((y, e2)) = self.year_number(e_year, true) {
            let d = resolve::date(y, m, day)?;
            let mut f = Found::new(
                i,
                e2,
                TimexType::Date,
                resolve::ymd(d),
                TimexAnchor::Absolute,
            );
            f.day = Some(d);
            return Some(f);
        }
        // Reject impossible days even without a year ("February 30").
        resolve::date(2000, m, day)?;
        let Some(dct) = self.dct else {
            return Some(Found::new(
                i,
                e,
                TimexType::Date,
                format!("XXXX-{m:02}-{day:02}"),
                TimexAnchor::Unresolved,
            ));
        };
        let mut y = resolve::day_year(dct, m, day, self.dir(i, e));
        // A weekday given with the date picks the year it fits.
        if let Some(wd) = wd {
            for cand in [y, y - 1, y + 1] {
                if resolve::date(cand, m, day)
                    .is_some_and(|d| d.weekday().to_monday_one_offset() as u8 == wd)
                {
                    y = cand;
                    break;
                }
            }
        }
        let d = resolve::date(y, m, day)?;
        let mut f = Found::new(
            i,
            e,
            TimexType::Date,
            resolve::ymd(d),
            TimexAnchor::Published,
        );
        f.day = Some(d);
        Some(f)
    }

    /// "2016-07-06", "7/6/2016" (US order).
    fn numeric_date(&self, i: usize) -> Option<Found> {
        let t = self.num(i)?;
        if t.digits == 4 && self.hyphen(i + 1) && self.hyphen(i + 3) {
            let (m, d) = (self.int(i + 2)?, self.int(i + 4)?);
            let date = resolve::date(t.num as i16, i8::try_from(m).ok()?, i8::try_from(d).ok()?)?;
            let mut f = Found::new(
                i,
                i + 5,
                TimexType::Date,
                resolve::ymd(date),
                TimexAnchor::Absolute,
            );
            f.day = Some(date);
            return Some(f);
        }
        if t.digits <= 2 && self.punct(i + 1, b'/') && self.tight(i + 1) && self.punct(i + 3, b'/')
        {
            let d = self.int(i + 2)?;
            let y = self.num(i + 4).filter(|y| y.digits == 4)?.num;
            let date = resolve::date(
                i16::try_from(y).ok()?,
                i8::try_from(t.num).ok()?,
                i8::try_from(d).ok()?,
            )?;
            let mut f = Found::new(
                i,
                i + 5,
                TimexType::Date,
                resolve::ymd(date),
                TimexAnchor::Absolute,
            );
            f.day = Some(date);
            return Some(f);
        }
        None
    }

    /// Years, decades and centuries: "1988", "fiscal 1989", "the 1990s",
    /// "the '80s", "the nineties", "the 20th century", "the year 2000".
    fn year(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let the = self.is(j, W::The);
        if the {
            j += 1;
        }
        // "the year 2000", "the year two thousand"
        if the
            && matches!(self.lex(j), Lex::Unit(Unit::Year, false))
            && let Some((y, e)) = self.year_number(j + 1, true)
        {
            return Some(self.year_found(i, e, y));
        }
        // "fiscal 1989", "fiscal year 1990", "the fiscal year"
        if self.is(j, W::Fiscal) {
            let k = if matches!(self.lex(j + 1), Lex::Unit(Unit::Year, false)) {
                j + 2
            } else {
                j + 1
            };
            if let Some((y, e)) = self.year_number(k, true) {
                return Some(self.year_found(i, e, y));
            }
            return None;
        }
        // Decades; "in his 30s" is an age.
        if let Some(t) = self.num(j) {
            let age = j > 0
                && [
                    "his", "her", "their", "its", "my", "your", "our", "early", "late", "mid",
                ]
                .iter()
                .any(|w| self.raw_is(j - 1, w))
                && t.digits == 2;
            if t.suffix == Suffix::Plural && t.num % 10 == 0 && !age {
                let value = match t.digits {
                    // "the 1800s" is a century, the 19th: TIMEX3 `18`.
                    4 if (1000..3000).contains(&t.num) && t.num % 100 == 0 => {
                        format!("{:02}", t.num / 100)
                    }
                    4 if (1000..3000).contains(&t.num) => format!("{:03}", t.num / 10),
                    2 => format!("19{}", t.num / 10),
                    _ => return None,
                };
                return Some(Found::new(
                    i,
                    j + 1,
                    TimexType::Date,
                    value,
                    TimexAnchor::Absolute,
                ));
            }
            if t.suffix == Suffix::Ordinal
                && matches!(self.lex(j + 1), Lex::Unit(Unit::Century, false))
            {
                let c = t.num.checked_sub(1)?;
                if c < 30 {
                    return Some(Found::new(
                        i,
                        j + 2,
                        TimexType::Date,
                        format!("{c:02}"),
                        TimexAnchor::Absolute,
                    ));
                }
            }
        }
        if self.punct(j, b'\'') {
            if let Some(t) = self.num(j + 1)
                && t.suffix == Suffix::Plural
                && t.digits == 2
                && t.num % 10 == 0
                && self.tight(j + 1)
            {
                let value = format!("19{}", t.num / 10);
                return Some(Found::new(
                    i,
                    j + 2,
                    TimexType::Date,
                    value,
                    TimexAnchor::Absolute,
                ));
            }
            return None;
        }
        if let Lex::Decade(n) = self.lex(j) {
            if the || (j > 0 && matches!(self.w(j - 1), Some(W::Early | W::Late | W::Mid))) {
                return Some(Found::new(
                    i,
                    j + 1,
                    TimexType::Date,
                    format!("19{n}"),
                    TimexAnchor::Absolute,
                ));
            }
            return None;
        }
        if let Lex::Ordinal(n) = self.lex(j)
            && matches!(self.lex(j + 1), Lex::Unit(Unit::Century, false))
            && (1..=30).contains(&n)
        {
            let c = n - 1;
            return Some(Found::new(
                i,
                j + 2,
                TimexType::Date,
                format!("{c:02}"),
                TimexAnchor::Absolute,
            ));
        }
        if the {
            // "the 1988 period", "the 1988 quarter" are quarters (see `quarter`).
            return None;
        }
        // Spoken years stand alone only in their unmistakable form.
        if matches!(self.lex(j), Lex::Num(19 | 18)) {
            let (y, e) = self.spoken_year(j)?;
            return Some(self.year_found(i, e, y));
        }
        // A bare year.
        let t = self.num(j)?;
        if t.digits != 4 || t.suffix != Suffix::None || t.has(GROUPED) {
            return None;
        }
        let y = t.num;
        let prev = j.checked_sub(1);
        let strong_prev = prev.is_some_and(|p| {
            matches!(
                self.w(p),
                Some(
                    W::In
                        | W::Since
                        | W::Of
                        | W::By
                        | W::From
                        | W::Until
                        | W::Before
                        | W::After
                        | W::Between
                        | W::Through
                        | W::During
                )
            )
        });
        let ok = if (1900..=2099).contains(&y) {
            true
        } else {
            (1000..=1899).contains(&y) && strong_prev
        };
        if !ok {
            return None;
        }
        if let Some(p) = prev
            && (["$", "#", "£", "€"].iter().any(|s| self.raw(p) == *s) || self.raw_is(p, "no"))
        {
            return None;
        }
        if self.punct(j + 1, b'%')
            || self.is(j + 1, W::Percent)
            || (self.punct(j + 1, b':') && self.tight(j + 1))
        {
            return None;
        }
        Some(self.year_found(i, j + 1, y as i16))
    }

    fn year_found(&self, i: usize, e: usize, y: i16) -> Found {
        let mut f = Found::new(
            i,
            e,
            TimexType::Date,
            resolve::year(y),
            TimexAnchor::Absolute,
        );
        f.year = Some(y);
        f
    }

    // ---- weekdays -------------------------------------------------------------

    /// A weekday at `i` (abbreviations need their period): (weekday, plural, next).
    fn weekday_word(&self, i: usize) -> Option<(u8, bool, usize)> {
        let Lex::Weekday(d, plural) = self.lex(i) else {
            return None;
        };
        if !self.has(i, CAP) {
            return None;
        }
        let t = self.tok(i)?;
        if t.end - t.start <= 5 && !plural {
            let full = ["monday", "tuesday", "friday", "sunday"];
            if !full.iter().any(|w| self.raw_is(i, w)) {
                return (self.punct(i + 1, b'.') && self.tight(i + 1)).then_some((d, false, i + 2));
            }
        }
        Some((d, plural, i + 1))
    }

    /// "Friday", "last Friday", "this coming Sunday", "Friday morning",
    /// "Tuesday nights" (a set), "the previous Friday".
    fn weekday(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut dir = None;
        let mut from_last = false;
        match self.w(j) {
            Some(W::Last) => {
                dir = Some(Dir::Before);
                j += 1;
            }
            Some(W::Next) => {
                dir = Some(Dir::After);
                j += 1;
            }
            Some(W::This) => {
                j += 1;
                match self.w(j) {
                    Some(W::Coming) => {
                        dir = Some(Dir::Future);
                        j += 1;
                    }
                    Some(W::Past) => {
                        dir = Some(Dir::Past);
                        j += 1;
                    }
                    _ => {}
                }
            }
            Some(W::Coming) => {
                dir = Some(Dir::Future);
                j += 1;
            }
            Some(W::The) if matches!(self.w(j + 1), Some(W::Previous | W::Following)) => {
                dir = Some(if self.is(j + 1, W::Previous) {
                    Dir::Before
                } else {
                    Dir::After
                });
                from_last = true;
                j += 2;
            }
            _ => {}
        }
        let (wd, plural, mut e) = self.weekday_word(j)?;
        // "Tuesday nights", like "Tuesdays", recur; so does "Monday" in
        // "Monday and Tuesday nights", with the part of the day named after.
        let shared = if dir.is_none()
            && matches!(self.w(e), Some(W::And | W::Or))
            && let Some((_, p2, e2)) = self.weekday_word(e + 1)
            && let Lex::DayPart(p, pp) = self.lex(e2)
            && (p2 || pp)
        {
            Some(p)
        } else {
            None
        };
        let plural = plural
            || shared.is_some()
            || (dir.is_none() && matches!(self.lex(e), Lex::DayPart(_, true)));
        if plural {
            if dir.is_some() {
                return None;
            }
            let mut value = format!("XXXX-WXX-{wd}");
            if let Some(p) = shared {
                value.push('T');
                value.push_str(p.code());
            }
            if let Lex::DayPart(p, _) = self.lex(e) {
                value.push('T');
                value.push_str(p.code());
                e += 1;
            }
            return Some(Found::new(
                i,
                e,
                TimexType::Set,
                value,
                TimexAnchor::Absolute,
            ));
        }
        let base = if from_last {
            self.last_day.or(self.dct)
        } else {
            self.dct
        };
        let anchor = if from_last && self.last_day.is_some() {
            TimexAnchor::Previous
        } else {
            relative_anchor(self.dct)
        };
        let dir = match dir {
            Some(d) => d,
            // "Friday's attacks" happened; "until Tuesday" is ahead.
            None if self.punct(e, b'\'') && self.raw_is(e + 1, "s") => Dir::Past,
            // "until Tuesday" is ahead, but a clause opened by "Until
            // Thursday," tells what held before it, in its own tense.
            None if i > 0 && self.is(i - 1, W::Until) && !self.opens_clause(i - 1) => Dir::Future,
            None => self.dir(i, e),
        };
        let date = base.and_then(|b| resolve::weekday(b, wd, dir));
        let day = DayRef {
            date,
            // Only read without a date: not worth formatting otherwise.
            partial: if date.is_none() {
                format!("XXXX-WXX-{wd}")
            } else {
                String::new()
            },
            anchor,
        };
        Some(self.with_day_part(i, e, day))
    }

    /// Adds a following part of the day to a day: "Friday morning", "Saturday night".
    fn with_day_part(&self, i: usize, e: usize, day: DayRef) -> Found {
        if let Lex::DayPart(p, false) = self.lex(e) {
            let value = day.value_at(p.code());
            let mut f = Found::new(i, e + 1, TimexType::Time, value, day.anchor);
            f.day = day.date;
            return f;
        }
        let mut f = Found::new(i, e, TimexType::Date, day.value(), day.anchor);
        f.day = day.date;
        f
    }

    // ---- today, yesterday, last night --------------------------------------------

    fn day_word(&self, i: usize) -> Option<Found> {
        // "today's youth", "today's world": the present age, not a day.
        if matches!(self.w(i), Some(W::Today))
            && self.punct(i + 1, b'\'')
            && self.raw_is(i + 2, "s")
            && [
                "world",
                "youth",
                "society",
                "generation",
                "children",
                "kids",
            ]
            .iter()
            .any(|w| self.raw_is(i + 3, w))
        {
            return None;
        }
        let anchor = relative_anchor(self.dct);
        let (delta, e) = match self.w(i)? {
            W::Today => (0, i + 1),
            W::Yesterday => (-1, i + 1),
            W::Tomorrow => (1, i + 1),
            W::Tonight => {
                let day = DayRef {
                    date: self.dct,
                    partial: "XXXX-XX-XX".into(),
                    anchor,
                };
                let mut f = Found::new(i, i + 1, TimexType::Time, day.value_at("NI"), anchor);
                f.day = self.dct;
                return Some(f);
            }
            W::Overnight => {
                let day = DayRef {
                    date: self.dct,
                    partial: "XXXX-XX-XX".into(),
                    anchor,
                };
                let f = Found::new(i, i + 1, TimexType::Time, day.value_at("NI"), anchor);
                return Some(f);
            }
            W::Last if matches!(self.lex(i + 1), Lex::DayPart(DayPart::Night, false)) => {
                let date = self.dct.and_then(|d| resolve::shift(d, -1, Unit::Day));
                let day = DayRef {
                    date,
                    partial: "XXXX-XX-XX".into(),
                    anchor,
                };
                return Some(self.with_day_part(i, i + 1, day));
            }
            W::This if matches!(self.lex(i + 1), Lex::DayPart(_, false)) => {
                let day = DayRef {
                    date: self.dct,
                    partial: "XXXX-XX-XX".into(),
                    anchor,
                };
                return Some(self.with_day_part(i, i + 1, day));
            }
            W::The if self.raw_is(i + 1, "day") || self.day_after_before(i + 1).is_some() => {
                return self.the_day(i);
            }
            W::That | W::The if self.raw_is(i + 1, "same") && self.raw_is(i + 2, "day") => {
                let base = self.last_day.or(self.dct);
                let day = DayRef {
                    date: base,
                    partial: "XXXX-XX-XX".into(),
                    anchor: self.prev_anchor(),
                };
                return Some(self.with_day_part(i, i + 3, day));
            }
            W::That if self.raw_is(i + 1, "day") => {
                let base = self.last_day.or(self.dct);
                let day = DayRef {
                    date: base,
                    partial: "XXXX-XX-XX".into(),
                    anchor: self.prev_anchor(),
                };
                return Some(self.with_day_part(i, i + 2, day));
            }
            _ => return None,
        };
        // "the day before yesterday", "the day after tomorrow" are in `the_day`.
        let date = self.dct.and_then(|d| resolve::shift(d, delta, Unit::Day));
        let day = DayRef {
            date,
            partial: "XXXX-XX-XX".into(),
            anchor,
        };
        Some(self.with_day_part(i, e, day))
    }

    fn prev_anchor(&self) -> TimexAnchor {
        if self.last_day.is_some() {
            TimexAnchor::Previous
        } else {
            relative_anchor(self.dct)
        }
    }

    fn day_after_before(&self, i: usize) -> Option<(i64, usize)> {
        match self.w(i)? {
            W::Next | W::Following if self.raw_is(i + 1, "day") => Some((1, i + 2)),
            // "the next morning": the day after, its part added by `with_day_part`.
            W::Next | W::Following if matches!(self.lex(i + 1), Lex::DayPart(_, false)) => {
                Some((1, i + 1))
            }
            W::Previous if self.raw_is(i + 1, "day") => Some((-1, i + 2)),
            _ => None,
        }
    }

    /// "the next day", "the previous day", "the day before yesterday".
    fn the_day(&self, i: usize) -> Option<Found> {
        if let Some((delta, e)) = self.day_after_before(i + 1) {
            let base = self.last_day.or(self.dct);
            let date = base.and_then(|d| resolve::shift(d, delta, Unit::Day));
            let day = DayRef {
                date,
                partial: "XXXX-XX-XX".into(),
                anchor: self.prev_anchor(),
            };
            return Some(self.with_day_part(i, e, day));
        }
        // "the day before yesterday", "the day after tomorrow", "the day
        // before last Tuesday's hearing", "the day after July 4".
        if self.raw_is(i + 1, "day") {
            let delta = match self.w(i + 2) {
                Some(W::Before) => -1,
                Some(W::After) => 1,
                _ => return None,
            };
            // Not "the day before the day before …": no recursion into `the_day`.
            let named = (!self.is(i + 3, W::The))
                .then(|| self.day_word(i + 3))
                .flatten()
                .or_else(|| self.weekday(i + 3))
                .or_else(|| self.date(i + 3))
                .filter(|f| f.kind == TimexType::Date && f.value.len() == 10)?;
            let date = named.day.and_then(|d| resolve::shift(d, delta, Unit::Day));
            let day = DayRef {
                date,
                partial: "XXXX-XX-XX".into(),
                anchor: named.anchor,
            };
            return Some(self.with_day_part(i, named.end, day));
        }
        None
    }

    // ---- this week, last month, the weekend, this summer ------------------------

    fn relative(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let the = matches!(self.w(j), Some(W::The));
        if the {
            j += 1;
        }
        #[derive(Clone, Copy, PartialEq, Eq)]
        enum R {
            This,
            Last,
            Next,
            Prev,
            Following,
            Same,
            Bare,
        }
        let r = match self.w(j) {
            Some(W::This | W::Current) if !the || self.is(j, W::Current) => {
                if self.is(j, W::This) && self.is(j + 1, W::Past) {
                    j += 1;
                    R::Last
                } else if self.is(j, W::This) && self.is(j + 1, W::Coming) {
                    j += 1;
                    R::Next
                } else {
                    R::This
                }
            }
            Some(W::Last | W::Past) => R::Last,
            Some(W::Next | W::Coming) if !the || self.is(j, W::Coming) || self.is(j, W::Next) => {
                if the && self.is(j, W::Next) {
                    R::Following
                } else {
                    R::Next
                }
            }
            Some(W::Previous) if the => R::Prev,
            Some(W::Following) if the => R::Following,
            Some(W::Same) if the => R::Same,
            Some(W::That) if !the => R::Same,
            Some(W::Latest) if the => R::This,
            _ if the => R::Bare,
            _ => return None,
        };
        if r != R::Bare {
            j += 1;
        }
        // "the fiscal year", "the full year", "this fiscal year"
        let mut r = r;
        if matches!(self.w(j), Some(W::Fiscal | W::Full | W::Whole | W::Entire))
            && matches!(self.lex(j + 1), Lex::Unit(Unit::Year, false))
        {
            j += 1;
        }
        // The latest fiscal year is the last one reported: last year.
        if self.is(i + usize::from(the), W::Latest)
            && matches!(self.lex(j), Lex::Unit(Unit::Year, _))
        {
            r = R::Last;
        }
        let anchor = relative_anchor(self.dct);
        let dct = self.dct;
        let lex = self.lex(j);
        let e = j + 1;
        // Unit targets.
        if let Lex::Unit(unit, false) = lex {
            if unit.is_clock() {
                return None;
            }
            if self.hyphen(e) {
                // "the year-ago quarter" is a quarter expression.
                return None;
            }
            if unit == Unit::Quarter {
                return None;
            }
            if unit == Unit::Day {
                return None;
            }
            // "the past decade" is a length of time.
            if matches!(unit, Unit::Decade | Unit::Century) && r == R::Last && the {
                let f = Found::new(
                    i,
                    e,
                    TimexType::Duration,
                    resolve::duration(Some(2), unit),
                    TimexAnchor::Absolute,
                );
                return Some(f);
            }
            let (delta, base, anch) = match r {
                R::This => (0, dct, anchor),
                R::Last => (-1, dct, anchor),
                R::Next => (1, dct, anchor),
                R::Bare => (0, dct, anchor),
                R::Prev | R::Following | R::Same => {
                    let d = if r == R::Prev {
                        -1
                    } else if r == R::Following {
                        1
                    } else {
                        0
                    };
                    match unit {
                        Unit::Year if self.last_year.is_some() => {
                            let y = self.last_year.unwrap_or_default() + d;
                            let mut f = Found::new(
                                i,
                                e,
                                TimexType::Date,
                                resolve::year(y),
                                TimexAnchor::Previous,
                            );
                            f.year = Some(y);
                            return Some(f);
                        }
                        // "the following month" after "March 1949" is April 1949.
                        Unit::Month if self.last_month.is_some() => {
                            let (y, m) = self.last_month.unwrap_or_default();
                            let n = i32::from(y) * 12 + i32::from(m) - 1 + i32::from(d);
                            let (y, m) = (
                                i16::try_from(n.div_euclid(12)).ok()?,
                                n.rem_euclid(12) as i8 + 1,
                            );
                            return Some(Found::new(
                                i,
                                e,
                                TimexType::Date,
                                resolve::ym(y, m),
                                TimexAnchor::Previous,
                            ));
                        }
                        _ => (d as i64, self.last_day.or(dct), self.prev_anchor()),
                    }
                }
            };
            // "the week of March 6": the ISO week holding that day.
            if r == R::Bare
                && unit == Unit::Week
                && self.is(e, W::Of)
                && let Some(day) = self.date(e + 1).filter(|f| f.day.is_some())
            {
                let d = day.day?;
                return Some(Found::new(
                    i,
                    day.end,
                    TimexType::Date,
                    resolve::week(d),
                    day.anchor,
                ));
            }
            if r == R::Bare {
                // "the year", "the week", "the month": the current one.
                if !matches!(unit, Unit::Year | Unit::Week | Unit::Month) {
                    return None;
                }
                if unit == Unit::Year && self.spoken_year(e).is_some() {
                    return None;
                }
                // "the quarter/year ended Sept. 30" names the period holding that day.
                if let Some(f) = self.period_ended(i, e, unit) {
                    return Some(f);
                }
            }
            let Some(b) = base else {
                return Some(Found::new(
                    i,
                    e,
                    TimexType::Date,
                    resolve::unknown_period(unit).into(),
                    TimexAnchor::Unresolved,
                ));
            };
            let target = resolve::shift(b, delta, unit)?;
            let mut f = Found::new(i, e, TimexType::Date, resolve::period(target, unit), anch);
            f.year = matches!(unit, Unit::Year).then_some(target.year());
            return Some(f);
        }
        match lex {
            Lex::W(W::Weekend) => {
                let b = dct;
                let dir = match r {
                    R::This => Dir::Nearest,
                    R::Last => Dir::Before,
                    R::Next => Dir::After,
                    R::Bare => self.dir(i, e),
                    _ => return None,
                };
                let value = match b {
                    Some(b) => {
                        let sat = resolve::weekday(b, 6, dir)?;
                        format!("{}-WE", resolve::week(sat))
                    }
                    None => "XXXX-WXX-WE".into(),
                };
                return Some(Found::new(i, e, TimexType::Date, value, anchor));
            }
            Lex::Season(s) => {
                if r == R::Bare && !the {
                    return None;
                }
                // "this past spring" is the last one gone by, often this year's.
                let r = if r == R::Last && self.is(i, W::This) {
                    R::Bare
                } else {
                    r
                };
                let value = match dct {
                    Some(d) => {
                        let (rel, dir) = match r {
                            R::Last => (-1, None),
                            R::Next => (1, None),
                            R::Bare => (0, Some(self.dir(i, e))),
                            _ => (0, None),
                        };
                        let y = Self::season_year(d, s, rel, dir);
                        format!("{y:04}-{}", s.code())
                    }
                    None => format!("XXXX-{}", s.code()),
                };
                // "the fall of Saigon" is not a season.
                if r == R::Bare && self.is(e, W::Of) && self.year_number(e + 1, true).is_none() {
                    return None;
                }
                if r == R::Bare
                    && self.is(e, W::Of)
                    && let Some((y, e2)) = self.year_number(e + 1, true)
                {
                    return Some(Found::new(
                        i,
                        e2,
                        TimexType::Date,
                        format!("{y:04}-{}", s.code()),
                        TimexAnchor::Absolute,
                    ));
                }
                return Some(Found::new(i, e, TimexType::Date, value, anchor));
            }
            Lex::Month(..) if matches!(r, R::This | R::Last | R::Next) && !the => {
                let (m2, e2) = self.month(j)?;
                // "last Oct. 23": a date, looked for on the side the word says.
                if let Some((day, e3)) = self.day_number(e2) {
                    resolve::date(2000, m2, day)?;
                    let Some(d) = dct else {
                        return Some(Found::new(
                            i,
                            e3,
                            TimexType::Date,
                            format!("XXXX-{m2:02}-{day:02}"),
                            TimexAnchor::Unresolved,
                        ));
                    };
                    let dir = match r {
                        R::Last => Dir::Before,
                        R::Next => Dir::After,
                        _ => Dir::Nearest,
                    };
                    let date = resolve::date(resolve::day_year(d, m2, day, dir), m2, day)?;
                    let mut f = Found::new(i, e3, TimexType::Date, resolve::ymd(date), anchor);
                    f.day = Some(date);
                    return Some(f);
                }
                let value = match dct {
                    Some(d) => {
                        let y = match r {
                            R::This => d.year(),
                            R::Last => resolve::month_year(d, m2, Dir::Before),
                            _ => resolve::month_year(d, m2, Dir::After),
                        };
                        resolve::ym(y, m2)
                    }
                    None => format!("XXXX-{m2:02}"),
                };
                return Some(Found::new(i, e2, TimexType::Date, value, anchor));
            }
            Lex::Decade(n) if the => {
                return Some(Found::new(
                    i,
                    e,
                    TimexType::Date,
                    format!("19{n}"),
                    TimexAnchor::Absolute,
                ));
            }
            _ => {}
        }
        None
    }

    /// A season word alone, after "early"/"late": the nearest the tense allows.
    fn bare_season(&self, k: usize) -> Option<Found> {
        let Lex::Season(s) = self.lex(k) else {
            return None;
        };
        let value = match self.dct {
            Some(d) => {
                let y = Self::season_year(d, s, 0, Some(self.dir(k, k + 1)));
                format!("{y:04}-{}", s.code())
            }
            None => format!("XXXX-{}", s.code()),
        };
        Some(Found::new(
            k,
            k + 1,
            TimexType::Date,
            value,
            relative_anchor(self.dct),
        ))
    }

    /// "year-end", "year end", "year's end": the year, mod END.
    fn year_end(&self, i: usize) -> Option<Found> {
        if !matches!(self.lex(i), Lex::Unit(Unit::Year, false)) {
            return None;
        }
        let e = if self.is(i + 1, W::End) {
            i + 2
        } else if self.hyphen(i + 1) && self.is(i + 2, W::End) {
            i + 3
        } else if self.punct(i + 1, b'\'') && self.raw_is(i + 2, "s") && self.is(i + 3, W::End) {
            i + 4
        } else {
            return None;
        };
        // "year-end results" is an adjective, still the same period.
        let value = self
            .dct
            .map_or_else(|| "XXXX".to_string(), |d| resolve::year(d.year()));
        Some(
            Found::new(i, e, TimexType::Date, value, relative_anchor(self.dct))
                .with_mod(Some("END")),
        )
    }

    /// "the quarter ended Sept. 30", "the year ending June 30, 1990": the
    /// period holding the day named (the span stops before "ended").
    fn period_ended(&self, i: usize, e: usize, unit: Unit) -> Option<Found> {
        if !matches!(self.w(e), Some(W::Ended | W::Ending)) {
            return None;
        }
        // "the year ending tomorrow"
        let end = self.date(e + 1).or_else(|| self.day_word(e + 1))?;
        let day = end.day?;
        // A quarter is the three months before its last day: "the quarter
        // ended July 31" (May to July) is mostly the second, so it is
        // named by its middle, 45 days before the end.
        let quarter_day = resolve::shift(day, -45, Unit::Day).unwrap_or(day);
        let value = match unit {
            Unit::Quarter => resolve::period(quarter_day, Unit::Quarter),
            // A fiscal year named by its last day is a year's length of time.
            Unit::Year => {
                return Some(Found::new(
                    i,
                    e,
                    TimexType::Duration,
                    "P1Y".into(),
                    TimexAnchor::Absolute,
                ));
            }
            Unit::Month => resolve::period(day, Unit::Month),
            _ => return None,
        };
        let mut f = Found::new(i, e, TimexType::Date, value, end.anchor);
        if unit == Unit::Quarter {
            f.quarter_by = QuarterBy::EndDate;
            f.quarter = Some((quarter_day.year(), resolve::quarter_of(quarter_day.month())));
        }
        Some(f)
    }

    /// The year of a season: "last summer" is last year's, "this summer"
    /// this year's, a bare "the summer" the nearest the tense allows.
    fn season_year(d: Date, s: Season, rel: i16, dir: Option<Dir>) -> i16 {
        let (y, m) = (d.year(), d.month());
        // Winter is counted by the year it starts in.
        let this_year = if s == Season::Winter && m <= 2 {
            y - 1
        } else {
            y
        };
        let Some(dir) = dir else {
            return this_year + rel;
        };
        let started = m >= s.first_month() || (s == Season::Winter && m <= 2);
        match dir {
            Dir::Past | Dir::Before if !started => this_year - 1,
            _ => this_year,
        }
    }

    // ---- quarters and fiscal periods -------------------------------------------

    /// "the third quarter", "third-quarter", "the fiscal first quarter",
    /// "this year's third quarter", "the year-ago quarter", "the quarter",
    /// "the latest period", "the 1988 period", "year-earlier".
    fn quarter(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut the = false;
        if matches!(self.w(j), Some(W::The | W::Its | W::Their)) {
            the = true;
            j += 1;
        }
        let mut year: Option<i16> = None;
        let mut year_shift = 0i16;
        let mut explicit_year = false;
        let mut latest = false;
        let mut current = false;
        let mut rel_last = false;
        loop {
            match self.lex(j) {
                Lex::W(W::Fiscal) => j += 1,
                Lex::W(W::Latest | W::Same | W::Recent) => {
                    latest = true;
                    j += 1;
                }
                // "this year's third quarter": before "this quarter" below.
                Lex::W(W::This | W::Last | W::Next)
                    if matches!(self.lex(j + 1), Lex::Unit(Unit::Year, false))
                        && self.punct(j + 2, b'\'')
                        && self.raw_is(j + 3, "s") =>
                {
                    year_shift = match self.w(j) {
                        Some(W::Last) => -1,
                        Some(W::Next) => 1,
                        _ => 0,
                    };
                    j += 4;
                }
                Lex::W(W::Current | W::This)
                    if self.is(j, W::Current) || !self.punct(j + 1, b'\'') =>
                {
                    current = true;
                    j += 1;
                }
                Lex::W(W::Last | W::Previous)
                    if !self.punct(j + 1, b'\'')
                        && matches!(self.lex(j + 1), Lex::Unit(Unit::Quarter, false)) =>
                {
                    rel_last = true;
                    j += 1;
                }
                Lex::Unit(Unit::Year, false)
                    if self.hyphen(j + 1) && matches!(self.w(j + 2), Some(W::Ago | W::Earlier)) =>
                {
                    year_shift = -1;
                    j += 3;
                }
                Lex::W(W::Comparable) => j += 1,
                _ => {
                    if let Some(t) = self.num(j)
                        && the
                        && t.digits == 4
                        && t.suffix == Suffix::None
                        && (1900..2100).contains(&t.num)
                    {
                        year = Some(t.num as i16);
                        explicit_year = true;
                        j += 1;
                        continue;
                    }
                    break;
                }
            }
        }
        // The ordinal.
        let mut ord: Option<i8> = None;
        match self.lex(j) {
            Lex::Ordinal(n @ 1..=4) => {
                ord = Some(n as i8);
                j += 1;
            }
            Lex::Unit(Unit::Second, false) if self.raw_is(j, "second") => {
                ord = Some(2);
                j += 1;
            }
            _ => {
                if let Some(t) = self.num(j)
                    && t.suffix == Suffix::Ordinal
                    && (1..=4).contains(&t.num)
                {
                    ord = Some(t.num as i8);
                    j += 1;
                }
            }
        }
        if self.is(j, W::Fiscal) {
            j += 1;
        }
        let adjective = ord.is_some() && self.hyphen(j);
        if adjective {
            j += 1;
        }
        let e;
        let is_quarter = matches!(self.lex(j), Lex::Unit(Unit::Quarter, false));
        let is_period = self.raw_is(j, "period");
        if is_quarter {
            e = j + 1;
            if ord.is_none()
                && year.is_none()
                && year_shift == 0
                && let Some(f) = self.period_ended(i, e, Unit::Quarter)
            {
                return Some(f);
            }
        } else if is_period && ord.is_none() && (year.is_some() || year_shift != 0 || latest) && the
        {
            e = j + 1;
        } else if year_shift == -1 && !the && j > i && ord.is_none() {
            // "year-earlier", "year-ago" used alone as an adjective.
            e = j;
            if !(self.raw_is(i, "year")) {
                return None;
            }
        } else {
            return None;
        }
        if adjective && the {
            // "the third-quarter results": "the" belongs to the noun.
            return self.quarter(i + 1);
        }
        if !the
            && ord.is_none()
            && !adjective
            && year_shift == 0
            && !current
            && !rel_last
            && !(j > i && self.raw_is(i, "year"))
        {
            // A bare "quarter" is not a date.
            return None;
        }
        let mut e = e;
        // "of 1990", "of this year", "of fiscal 1990"
        if self.is(e, W::Of) && ord.is_some() {
            let k = if self.is(e + 1, W::Fiscal) {
                e + 2
            } else {
                e + 1
            };
            if let Some((y, e2)) = self.year_number(k, false) {
                year = Some(y);
                explicit_year = true;
                e = e2;
            } else if let Some((y, e2, _)) = self.relative_year(k) {
                year = y;
                explicit_year = y.is_some();
                e = e2;
            }
        }
        // "the quarter a year ago", "the corresponding period last year"
        if self.is(e, W::A)
            && matches!(self.lex(e + 1), Lex::Unit(Unit::Year, false))
            && self.is(e + 2, W::Ago)
        {
            year_shift -= 1;
            e += 3;
        } else if self.is(e, W::Last)
            && matches!(self.lex(e + 1), Lex::Unit(Unit::Year, false))
            && !self.punct(e + 2, b'\'')
        {
            year_shift -= 1;
            e += 2;
        }
        let dct = self.dct;
        let (y, q) = match (ord, year) {
            (Some(q), Some(y)) => (Some(y + year_shift), q),
            (Some(q), None) => {
                let y = dct.map(|d| {
                    let cur = resolve::quarter_of(d.month());
                    // A quarter still to come this year is last year's, unless
                    // the sentence looks ahead.
                    let base = if q <= cur || self.tense(i, e) == Tense::Future {
                        d.year()
                    } else {
                        d.year() - 1
                    };
                    base + year_shift
                });
                (y, q)
            }
            (None, explicit) => {
                let base = if current {
                    dct.map(|d| (d.year(), resolve::quarter_of(d.month())))
                } else if rel_last {
                    dct.map(|d| {
                        let q = resolve::quarter_of(d.month());
                        if q == 1 {
                            (d.year() - 1, 4)
                        } else {
                            (d.year(), q - 1)
                        }
                    })
                } else {
                    self.ref_quarter
                };
                let Some((by, bq)) = base else {
                    return Some(Found::new(
                        i,
                        e,
                        TimexType::Date,
                        "XXXX-QX".into(),
                        TimexAnchor::Unresolved,
                    ));
                };
                let y = explicit.unwrap_or(by) + year_shift;
                (Some(y), bq)
            }
        };
        let anchor = if explicit_year {
            TimexAnchor::Absolute
        } else {
            relative_anchor(dct)
        };
        let value = match y {
            Some(y) => resolve::quarter(y, q),
            None => format!("XXXX-Q{q}"),
        };
        let mut f = Found::new(i, e, TimexType::Date, value, anchor);
        if ord.is_some() && year_shift == 0 {
            f.quarter = y.map(|y| (y, q));
            if matches!(self.w(e), Some(W::Ended | W::Ending)) {
                f.quarter_by = QuarterBy::NameEnded;
            }
        }
        Some(f)
    }

    // ---- holidays -------------------------------------------------------------

    fn holiday(&self, i: usize) -> Option<Found> {
        let w = self.w(i)?;
        if !self.has(i, CAP) {
            return None;
        }
        let day_word = |k: usize| self.raw_is(k, "day");
        // (month, day) for fixed dates; a rule for movable ones.
        enum H {
            Fixed(i8, i8),
            Nth(i8, i8, Weekday),
            Easter,
            ElectionDay,
        }
        let (h, e) = match w {
            W::Christmas => {
                if self.is(i + 1, W::Eve) {
                    (H::Fixed(12, 24), i + 2)
                } else if day_word(i + 1) {
                    (H::Fixed(12, 25), i + 2)
                } else {
                    (H::Fixed(12, 25), i + 1)
                }
            }
            W::NewYear
                if self.raw_is(i + 1, "year")
                    && self.punct(i + 2, b'\'')
                    && self.raw_is(i + 3, "s") =>
            {
                if day_word(i + 4) {
                    (H::Fixed(1, 1), i + 5)
                } else if self.is(i + 4, W::Eve) {
                    (H::Fixed(12, 31), i + 5)
                } else {
                    return None;
                }
            }
            W::Thanksgiving => {
                let e = if day_word(i + 1) { i + 2 } else { i + 1 };
                (H::Nth(11, 4, Weekday::Thursday), e)
            }
            W::Easter => {
                let e = if self.raw_is(i + 1, "sunday") {
                    i + 2
                } else {
                    i + 1
                };
                (H::Easter, e)
            }
            W::Election if day_word(i + 1) => (H::ElectionDay, i + 2),
            W::Independence if day_word(i + 1) => (H::Fixed(7, 4), i + 2),
            W::Labor if day_word(i + 1) => (H::Nth(9, 1, Weekday::Monday), i + 2),
            W::Memorial if day_word(i + 1) => (H::Nth(5, -1, Weekday::Monday), i + 2),
            W::Veterans if day_word(i + 1) => (H::Fixed(11, 11), i + 2),
            W::Valentine
                if self.punct(i + 1, b'\'') && self.raw_is(i + 2, "s") && day_word(i + 3) =>
            {
                (H::Fixed(2, 14), i + 4)
            }
            W::Halloween => (H::Fixed(10, 31), i + 1),
            _ => return None,
        };
        let (year, e, anchor) = if let Some((y, e2)) = self.year_number(e, false) {
            (Some(y), e2, TimexAnchor::Absolute)
        } else {
            match self.dct {
                Some(d) => {
                    let approx_month = match h {
                        H::Fixed(m, _) | H::Nth(m, _, _) => m,
                        H::Easter => 4,
                        H::ElectionDay => 11,
                    };
                    (
                        Some(resolve::month_year(d, approx_month, self.dir(i, e))),
                        e,
                        TimexAnchor::Published,
                    )
                }
                None => (None, e, TimexAnchor::Unresolved),
            }
        };
        let date = year.and_then(|y| match h {
            H::Fixed(m, d) => resolve::date(y, m, d),
            H::Nth(m, n, wd) => resolve::nth_weekday(y, m, n, wd),
            H::Easter => resolve::easter(y),
            H::ElectionDay => resolve::nth_weekday(y, 11, 1, Weekday::Monday)
                .and_then(|d| resolve::shift(d, 1, Unit::Day)),
        });
        let value = match (date, &h) {
            (Some(d), _) => resolve::ymd(d),
            (None, H::Fixed(m, d)) => format!("XXXX-{m:02}-{d:02}"),
            (None, _) => "XXXX-XX-XX".into(),
        };
        // "Easter week" (Holy Week) ends on Easter Sunday, so it is the ISO
        // week of Easter.
        if matches!(h, H::Easter) && e == i + 1 && self.raw_is(e, "week") {
            let value = date.map_or_else(|| "XXXX-WXX".into(), resolve::week);
            return Some(Found::new(i, e + 1, TimexType::Date, value, anchor));
        }
        let mut f = Found::new(i, e, TimexType::Date, value, anchor);
        f.day = date;
        Some(f)
    }

    // ---- clock times -----------------------------------------------------------

    /// "1 a.m.", "10:30 p.m. EST", "2200 GMT", "noon local time", "midnight
    /// Friday", "5 p.m. EST, Nov. 6", "1 a.m. on July 6", "4 in the morning".
    fn clock(&self, i: usize) -> Option<Found> {
        let (mut h, mut min, mut e, mut strong);
        min = 0;
        strong = false;
        let mut meridiem: Option<bool> = None;
        let mut midnight = false;
        match self.lex(i) {
            Lex::W(W::Noon) if i > 0 && self.raw_is(i - 1, "high") => return None,
            Lex::W(W::Noon | W::Midday) => {
                h = 12;
                e = i + 1;
                strong = true;
            }
            Lex::W(W::Midnight) => {
                h = 24;
                e = i + 1;
                strong = true;
                midnight = true;
            }
            _ => {
                let t = self.num(i)?;
                if t.has(GROUPED) {
                    return None;
                }
                match t.suffix {
                    Suffix::Am | Suffix::Pm if t.digits <= 2 => {
                        h = t.num;
                        meridiem = Some(t.suffix == Suffix::Pm);
                        e = i + 1;
                        strong = true;
                    }
                    Suffix::None
                        if t.digits <= 2
                            && self.punct(i + 1, b':')
                            && self.tight(i + 1)
                            && self.tight(i + 2) =>
                    {
                        let m = self.num(i + 2)?;
                        if m.digits != 2 || m.num >= 60 || t.num > 24 {
                            return None;
                        }
                        h = t.num;
                        min = m.num;
                        e = i + 3;
                        match m.suffix {
                            Suffix::Am | Suffix::Pm => {
                                meridiem = Some(m.suffix == Suffix::Pm);
                                strong = true;
                            }
                            Suffix::None => {}
                            _ => return None,
                        }
                    }
                    Suffix::None if t.digits <= 2 => {
                        h = t.num;
                        e = i + 1;
                    }
                    Suffix::None if t.digits == 4 => {
                        // Military style "2200 GMT": needs a zone to be a time.
                        let zoned = matches!(self.lex(i + 1), Lex::Zone(_))
                            && self.has(i + 1, UPPER)
                            || (self.is(i + 1, W::Local) && self.is(i + 2, W::Time))
                            || self.raw_is(i + 1, "hours")
                            || self.raw_is(i + 1, "hrs");
                        if !zoned || t.num % 100 >= 60 || t.num / 100 > 24 {
                            return None;
                        }
                        h = t.num / 100;
                        min = t.num % 100;
                        e = i + 1;
                        strong = true;
                        if self.raw_is(e, "hours") || self.raw_is(e, "hrs") {
                            e += 1;
                        }
                    }
                    _ => return None,
                }
            }
        }
        if meridiem.is_none() {
            if let Lex::Meridiem(pm) = self.lex(e) {
                if h == 0 || h > 12 {
                    return None;
                }
                meridiem = Some(pm);
                e += 1;
                strong = true;
            } else if self.raw_is(e, "o") && self.punct(e + 1, b'\'') && self.raw_is(e + 2, "clock")
            {
                e += 3;
                strong = true;
            } else if self.is(e, W::In) && self.is(e + 1, W::The) {
                if let Lex::DayPart(p, false) = self.lex(e + 2) {
                    meridiem = Some(p != DayPart::Morning);
                    e += 3;
                    strong = true;
                }
            } else if self.is(e, W::At)
                && matches!(self.lex(e + 1), Lex::DayPart(DayPart::Night, false))
            {
                meridiem = Some(true);
                e += 2;
                strong = true;
            }
        }
        if let Some(pm) = meridiem {
            if h == 0 || h > 12 {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
        }
        // Zone.
        let mut offset: Option<i32> = None;
        let mut local = false;
        if let Lex::Zone(off) = self.lex(e)
            && (self.has(e, UPPER) || self.raw(e) == "Z")
        {
            offset = Some(i32::from(off) * 60);
            e += 1;
            strong = true;
        }
        if offset.is_none() && self.is(e, W::Local) && self.is(e + 1, W::Time) {
            local = true;
            e += 2;
            strong = true;
        }
        if !strong {
            // "at 10:30", "until 6:45": a bare H:MM needs a preposition.
            let m_form = e == i + 3;
            let prep = i > 0
                && matches!(
                    self.w(i - 1),
                    Some(
                        W::At
                            | W::By
                            | W::Until
                            | W::From
                            | W::Before
                            | W::After
                            | W::Around
                            | W::About
                            | W::Since
                            | W::To
                    )
                );
            if !(m_form && prep && h <= 23) {
                return None;
            }
        }
        // A date right after: "Wednesday", "on July 6", ", Nov. 6", "yesterday".
        let mut day: Option<DayRef> = None;
        let mut k = e;
        if self.punct(k, b',') || self.is(k, W::On) {
            k += 1;
        }
        let date_found = self
            .date(k)
            .or_else(|| self.weekday(k))
            .or_else(|| self.day_word(k));
        if let Some(f) = date_found {
            if f.kind == TimexType::Date && f.value.len() == 10 && !f.value.contains('W') {
                // "until 9 a.m. Tuesday" is ahead, as "until Tuesday" is.
                let bare_weekday = self.weekday_word(k).is_some_and(|(_, _, we)| we == f.end);
                let ahead =
                    bare_weekday && i > 0 && self.is(i - 1, W::Until) && !self.opens_clause(i - 1);
                let date = match (f.day, self.dct) {
                    (Some(d), Some(p)) if ahead && d < p => resolve::shift(d, 7, Unit::Day),
                    (d, _) => d,
                };
                let partial = match date {
                    Some(d) if ahead => resolve::ymd(d),
                    _ => f.value.clone(),
                };
                day = Some(DayRef {
                    date,
                    partial,
                    anchor: f.anchor,
                });
                e = f.end;
            } else if f.kind == TimexType::Date && f.value.starts_with("XXXX-") {
                day = Some(DayRef {
                    date: None,
                    partial: f.value.clone(),
                    anchor: f.anchor,
                });
                e = f.end;
            }
        }
        if offset.is_none() && !local && self.is(e, W::Local) && self.is(e + 1, W::Time) {
            e += 2;
        }
        // "10:35 a.m. (0735 GMT) Friday": the day after a bracket still
        // dates the time, though it is not part of the expression.
        if day.is_none() {
            let mut k = e;
            if self.punct(k, b'(') {
                while k < e + 8 && k < self.t.len() && !self.punct(k, b')') {
                    k += 1;
                }
            }
            // "4 in the morning (4 a.m. EDT Thursday)": the day inside.
            if self.punct(e, b'(') {
                for m in e + 1..k {
                    let inside = self
                        .date(m)
                        .or_else(|| self.weekday(m))
                        .filter(|f| f.end <= k);
                    if let Some(f) =
                        inside.filter(|f| f.kind == TimexType::Date && f.value.len() == 10)
                    {
                        day = Some(DayRef {
                            date: f.day,
                            partial: f.value.clone(),
                            anchor: f.anchor,
                        });
                        break;
                    }
                }
            }
            if day.is_none() && self.punct(k, b')') {
                let after = self
                    .date(k + 1)
                    .or_else(|| self.weekday(k + 1))
                    .or_else(|| self.day_word(k + 1));
                if let Some(f) = after.filter(|f| f.kind == TimexType::Date && f.value.len() == 10)
                {
                    day = Some(DayRef {
                        date: f.day,
                        partial: f.value.clone(),
                        anchor: f.anchor,
                    });
                }
            }
        }
        // "Friday midnight", "July 6 at 10 a.m.": the day just before.
        let mut joins_day = false;
        if day.is_none()
            && let Some((end, d)) = self.day_before
            && (end == i || (end + 1 == i && self.is(end, W::At)))
        {
            joins_day = end == i;
            day = Some(DayRef {
                date: Some(d),
                partial: String::new(),
                anchor: relative_anchor(self.dct),
            });
        }
        let day = day.unwrap_or_else(|| DayRef {
            date: self.dct,
            partial: "XXXX-XX-XX".into(),
            anchor: relative_anchor(self.dct),
        });
        // No explicit zone: the place the sentence is about, if any.
        if offset.is_none()
            && let (Some(zone), Some(d)) = (self.place_zone(i, e), day.date)
        {
            let hh = if midnight { 23 } else { h as i8 };
            offset = zone::offset_seconds(zone, d, hh, min as i8);
        }
        let mut value = day.value();
        value.push('T');
        resolve::push_uint(&mut value, h.into(), 2);
        value.push(':');
        resolve::push_uint(&mut value, min.into(), 2);
        if let Some(off) = offset {
            value.push_str(&zone::format_offset(off));
        }
        let mut f = Found::new(i, e, TimexType::Time, value, day.anchor);
        f.day = day.date;
        f.joins_day = joins_day;
        Some(f)
    }

    /// The zone of the place a clock time at `[s, e)` is in: "in Damascus"
    /// right after it; else the nearest place of its sentence marked as a
    /// location ("in Syria", "across Syria", "Damascus time"); else the one
    /// zone of every place the sentence names ("the Syrian army … all of
    /// Syria"); else the dateline. Places in different zones with no marker
    /// are the parties, not the place ("the United States and Russia agreed
    /// the truce starts at midnight"): the time gets no zone rather than a
    /// guessed one.
    pub(crate) fn place_zone(&self, s: usize, e: usize) -> Option<&'static str> {
        for k in e..(e + 4).min(self.t.len()) {
            if matches!(self.w(k), Some(W::In | W::At))
                && let Some(p) = zone::place_at(self.text, self.t, k + 1)
            {
                return Some(p.zone);
            }
        }
        let (a, b) = self.sentence_of(s);
        let mut nearest_located: Option<(usize, &'static str)> = None;
        let mut zones: Option<Result<&'static str, ()>> = None;
        let mut k = a;
        while k < b {
            if k >= s && k < e {
                k += 1;
                continue;
            }
            if let Some(p) = zone::place_at(self.text, self.t, k) {
                if self.marks_location(k, p.end) {
                    let dist = if k < s { s - k } else { k - e };
                    if nearest_located.is_none_or(|(d, _)| dist < d) {
                        nearest_located = Some((dist, p.zone));
                    }
                }
                zones = match zones {
                    None => Some(Ok(p.zone)),
                    Some(Ok(z)) if z == p.zone => Some(Ok(z)),
                    _ => Some(Err(())),
                };
                k = p.end;
                continue;
            }
            k += 1;
        }
        nearest_located
            .map(|(_, z)| z)
            .or(zones.and_then(Result::ok))
            .or(self.dateline)
    }

    /// Whether the place at `[k, end)` is named as a location: after "in",
    /// "at", "across", "throughout", "inside" or "near", or before "time".
    fn marks_location(&self, k: usize, end: usize) -> bool {
        let before = k.checked_sub(1);
        before.is_some_and(|i| {
            matches!(self.w(i), Some(W::In | W::At))
                || ["across", "throughout", "inside", "near"]
                    .iter()
                    .any(|w| self.raw(i).eq_ignore_ascii_case(w))
        }) || self.is(end, W::Time)
    }

    /// A dateline: a place opening one of the first paragraphs, followed by
    /// ":", ",", "(" or a dash ("Paris:", "DAMASCUS, July 6 (Reuters) -").
    fn find_dateline(&self) -> Option<&'static str> {
        let mut paragraphs = 0;
        for k in 0..self.t.len() {
            if k == 0 || self.has(k, NEWLINE) {
                paragraphs += 1;
                if paragraphs > 6 {
                    break;
                }
                if let Some(p) = zone::place_at(self.text, self.t, k) {
                    let next = self.tok(p.end);
                    if next.is_some_and(|t| {
                        t.kind == Kind::Punct && matches!(t.punct, b':' | b',' | b'(' | b'-')
                    }) {
                        return Some(p.zone);
                    }
                }
            }
        }
        None
    }

    // ---- sets -------------------------------------------------------------------

    fn set(&self, i: usize) -> Option<Found> {
        let w = self.w(i)?;
        let simple = |v: &str| {
            Some(Found::new(
                i,
                i + 1,
                TimexType::Set,
                v.into(),
                TimexAnchor::Absolute,
            ))
        };
        match w {
            W::Daily => simple("P1D"),
            W::Weekly => simple("P1W"),
            W::Monthly => simple("P1M"),
            // As adjectives ("its quarterly dividend") they are not annotated.
            W::Quarterly if !self.before_noun(i) => simple("P3M"),
            W::Yearly if !self.before_noun(i) && !self.raw_is(i, "annual") => simple("P1Y"),
            W::Hourly => simple("PT1H"),
            W::Nightly => simple("XXXX-XX-XXTNI"),
            W::Weekends => simple("XXXX-WXX-WE"),
            W::Each | W::Every => {
                let mut j = i + 1;
                if self.raw_is(j, "other") {
                    j += 1;
                }
                if let Some((wd, _, e)) = self.weekday_word(j) {
                    return Some(Found::new(
                        i,
                        e,
                        TimexType::Set,
                        format!("XXXX-WXX-{wd}"),
                        TimexAnchor::Absolute,
                    ));
                }
                if let Some((m, e)) = self.month(j) {
                    return Some(Found::new(
                        i,
                        e,
                        TimexType::Set,
                        format!("XXXX-{m:02}"),
                        TimexAnchor::Absolute,
                    ));
                }
                if let Lex::DayPart(p, false) = self.lex(j) {
                    return Some(Found::new(
                        i,
                        j + 1,
                        TimexType::Set,
                        format!("XXXX-XX-XXT{}", p.code()),
                        TimexAnchor::Absolute,
                    ));
                }
                if self.is(j, W::Weekend) {
                    return Some(Found::new(
                        i,
                        j + 1,
                        TimexType::Set,
                        "XXXX-WXX-WE".into(),
                        TimexAnchor::Absolute,
                    ));
                }
                let (halves, k) = match self.quantity(j) {
                    Some((h, k, _)) => (h, k),
                    None => (Some(2), j),
                };
                let Lex::Unit(unit, _) = self.lex(k) else {
                    return None;
                };
                let halves = if self.raw_is(i + 1, "other") {
                    halves.map(|h| h * 2)
                } else {
                    halves
                };
                let value = if unit == Unit::Quarter && halves == Some(2) {
                    "P1Q".to_string()
                } else {
                    resolve::duration(halves, unit)
                };
                Some(Found::new(
                    i,
                    k + 1,
                    TimexType::Set,
                    value,
                    TimexAnchor::Absolute,
                ))
            }
            _ => None,
        }
    }

    // ---- now, recently, the future ----------------------------------------------

    fn reference(&self, i: usize) -> Option<Found> {
        let anchor = relative_anchor(self.dct);
        let mk = |e: usize, v: &str| Some(Found::new(i, e, TimexType::Date, v.into(), anchor));
        match self.w(i)? {
            W::Now | W::Currently | W::Nowadays | W::Presently => mk(i + 1, "PRESENT_REF"),
            W::Recently | W::Lately => mk(i + 1, "PAST_REF"),
            W::Current
                if !matches!(self.lex(i + 1), Lex::Unit(..)) && !self.raw_is(i + 1, "account") =>
            {
                mk(i + 1, "PRESENT_REF")
            }
            W::These if self.raw_is(i + 1, "days") => mk(i + 2, "PRESENT_REF"),
            W::The => match self.w(i + 1)? {
                W::Past
                    if !self.starts_quantity(i + 2)
                        && !matches!(self.lex(i + 2), Lex::Unit(..) | Lex::W(W::Weekend)) =>
                {
                    mk(i + 2, "PAST_REF")
                }
                // "the future of our peoples" is their fate, not a time.
                W::Future if !self.raw_is(i + 2, "of") => mk(i + 2, "FUTURE_REF"),
                W::Near if self.is(i + 2, W::Future) => mk(i + 3, "FUTURE_REF"),
                W::Near | W::Short | W::Long if self.is(i + 2, W::Term) => mk(i + 3, "FUTURE_REF"),
                _ => None,
            },
            _ => None,
        }
    }

    /// Is the word at `i` used as an adjective, a noun following it?
    fn before_noun(&self, i: usize) -> bool {
        self.tok(i + 1).is_some_and(|t| {
            t.kind == Kind::Word
                && matches!(t.lex, Lex::None | Lex::Unit(..))
                && !t.has(CAP)
                && t.tense == Tense::Unknown
                && !self.raw(i + 1).ends_with("ly")
        })
    }

    fn starts_quantity(&self, i: usize) -> bool {
        self.quantity(i).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    /// The shortcuts of `run` change nothing: wherever `rules_at` or
    /// `worth_trying` skip work, trying every rule finds the same.
    fn shortcuts_agree(text: &str, dct: Option<Date>) {
        let toks = tokenize(text);
        let g = Grammar::new(text, &toks, dct);
        for i in 0..toks.len() + 1 {
            let all = format!("{:?}", g.at_with(i, R_ALL));
            assert_eq!(format!("{:?}", g.at(i)), all, "{text:?} at token {i}");
            if i < toks.len() && !g.worth_trying(i) {
                assert_eq!(all, "None", "{text:?} at token {i}");
            }
        }
    }

    #[test]
    fn shortcuts_agree_on_news() {
        for text in [
            include_str!("../../../corpus/seeds/000_1403c7a8f878f38f.txt"),
            include_str!("../../../corpus/seeds/004_f4b8cc9cb900e3e2.txt"),
            "The truce starts at 1 a.m. on July 6 in Damascus (2200 GMT July 5), \
             three days after the 72-hour lull. Net profit in the third quarter \
             ended Sept. 30 rose 5% from the year-ago period; the company said \
             last week it expects weaker sales in the first half of 1999 and \
             next year. About two weeks ago, at least 40 people died; every \
             other Friday, since the early 1990s, on New Year's Day, tonight. \
             He left on Friday, Oct. 23, at 4 o'clock, and was back by noon \
             Tuesday, 6th of July 2016, twenty-one days later, on the \
             twenty-first of July and the first of May, as in the '80s. \
             The following month, a day-long meeting, decades-long, the next \
             morning, couple of weeks, couple of years ago, as long as a month, \
             the 1800s, today's youth, today's vote, effective Feb. 1, the \
             day before last Tuesday's hearing, the day after July 4, the \
             last half of the '80s, on Tuesday nights, Monday and Tuesday \
             nights, Mondays or Fridays.",
        ] {
            shortcuts_agree(text, Some(jiff::civil::date(2016, 7, 6)));
            shortcuts_agree(text, None);
        }
    }

    proptest::proptest! {
        #[test]
        fn shortcuts_agree_anywhere(
            text in r"((the|a|an|that|this|new|year|'|’|s|o|clock|o'clock|Oct\.|23|twenty-first|first|July|of|'80s|[0-9]{1,4}|1990s|3rd|10pm|[a-z]{1,7}|[A-Z][a-z]{0,6}|on|last|next|early|mid|-|ago|about|at|least|more|than|some|every|other|each|fiscal|quarter|period|second|half|week|days|Friday|Fridays|May|Sept|\.|,|%|\n\n) ){0,24}",
        ) {
            shortcuts_agree(&text, Some(jiff::civil::date(1998, 2, 28)));
        }
    }
}
