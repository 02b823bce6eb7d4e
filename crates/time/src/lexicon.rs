//! The closed word classes the recogniser matches on: months, weekdays,
//! number words, calendar units, parts of the day, seasons and the function
//! words that make an expression relative ("last", "ago", "the").
//!
//! Lookups happen once per token, at tokenisation time, through a table
//! built once that gives both the word class and the tense cue; the
//! grammar then only compares small enums.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A calendar unit, as in "three *weeks*".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    /// Is this a unit of clock time (the `T` part of an ISO duration)?
    pub(crate) fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }

    /// The ISO 8601 / TIMEX3 duration letter.
    pub(crate) fn letter(self) -> &'static str {
        match self {
            Unit::Second => "S",
            Unit::Minute => "M",
            Unit::Hour => "H",
            Unit::Day => "D",
            Unit::Week => "W",
            Unit::Month => "M",
            Unit::Quarter => "Q",
            Unit::Year => "Y",
            Unit::Decade => "DE",
            Unit::Century => "CE",
            Unit::Millennium => "ML",
        }
    }
}

/// A part of the day, with its TIMEX3 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    pub(crate) fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// A season, with its TIMEX3 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// First month of the season (northern hemisphere, as TIMEX3 assumes).
    pub(crate) fn first_month(self) -> i8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// Which way a tense cue points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

/// Function words the grammar needs by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub(crate) enum W {
    The,
    A,
    An,
    This,
    That,
    These,
    Those,
    Last,
    Next,
    Past,
    Previous,
    Coming,
    Following,
    Current,
    Latest,
    Recent,
    Same,
    Early,
    Earlier,
    Late,
    Later,
    Mid,
    Middle,
    End,
    Beginning,
    Start,
    Rest,
    Half,
    Ago,
    Before,
    After,
    Since,
    From,
    To,
    Until,
    Through,
    Between,
    And,
    Or,
    Of,
    On,
    In,
    At,
    By,
    For,
    Over,
    About,
    Around,
    Nearly,
    Almost,
    Roughly,
    Approximately,
    Some,
    More,
    Less,
    Fewer,
    Than,
    Least,
    Most,
    Up,
    No,
    Just,
    Few,
    Several,
    Many,
    Couple,
    Dozen,
    Dozens,
    Each,
    Every,
    Per,
    Now,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Overnight,
    Currently,
    Recently,
    Lately,
    Presently,
    Nowadays,
    Future,
    Soon,
    Near,
    Term,
    Fiscal,
    Noon,
    Midnight,
    Midday,
    Local,
    Time,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
    Annually,
    Hourly,
    Nightly,
    Weekend,
    Weekends,
    Ahead,
    Hence,
    Within,
    During,
    Additional,
    Straight,
    Consecutive,
    Full,
    Trading,
    Business,
    Whole,
    Entire,
    Once,
    Twice,
    Times,
    Its,
    Their,
    Ytd,
    Dawn,
    Dusk,
    Eve,
    Christmas,
    Easter,
    Thanksgiving,
    NewYear,
    Election,
    Independence,
    Labor,
    Memorial,
    Veterans,
    Valentine,
    Halloween,
    Oh,
    Percent,
    Old,
    Long,
    Short,
    Ended,
    Ending,
    Plus,
    Hundred,
    Thousand,
    Moment,
    Comparable,
}

/// Lexical class of a word token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Lex {
    /// Not a word the grammar knows.
    #[default]
    None,
    /// A month (1–12); `abbr` when written short ("Sept").
    Month(u8, bool),
    /// A weekday, ISO numbering (Monday = 1); `plural` for "Mondays".
    Weekday(u8, bool),
    /// A cardinal number word ("twelve", "ninety").
    Num(u16),
    /// An ordinal word ("third", "21st" is a number token instead).
    Ordinal(u8),
    /// A calendar unit; `plural` for "years".
    Unit(Unit, bool),
    /// A part of the day; `plural` for "nights".
    DayPart(DayPart, bool),
    /// A season.
    Season(Season),
    /// A time-zone abbreviation: offset in minutes (`i16::MIN` for "local").
    Zone(i16),
    /// Ante / post meridiem ("a.m.", "pm").
    Meridiem(bool),
    /// A decade word ("nineties" = 9).
    Decade(u8),
    /// A function word.
    W(W),
}

impl Lex {
    /// May a word of this class open a temporal expression? Not an
    /// ordinary word, a zone or a meridiem, nor the function words that
    /// only ever continue one ("of", "ago", "local time").
    pub(crate) fn may_open(self) -> bool {
        match self {
            Lex::None | Lex::Zone(_) | Lex::Meridiem(_) => false,
            Lex::W(w) => !matches!(
                w,
                W::In
                    | W::Of
                    | W::On
                    | W::And
                    | W::Or
                    | W::To
                    | W::From
                    | W::Since
                    | W::Until
                    | W::Through
                    | W::Between
                    | W::Before
                    | W::After
                    | W::For
                    | W::By
                    | W::Than
                    | W::Least
                    | W::Most
                    | W::Ago
                    | W::Local
                    | W::Time
                    | W::Its
                    | W::Their
                    | W::Those
                    | W::Percent
                    | W::Old
                    | W::Long
                    | W::Short
                    | W::Ended
                    | W::Ending
                    | W::Plus
                    | W::Hundred
                    | W::Thousand
                    | W::Times
                    | W::Term
                    | W::Near
                    | W::Within
                    | W::During
                    | W::Ahead
                    | W::Hence
                    | W::Oh
            ),
            _ => true,
        }
    }
}

/// FNV-1a: the keys are a few hundred short ASCII words, where it beats SipHash.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map = HashMap<&'static str, Lex, BuildHasherDefault<Fnv>>;

/// Words longer than this are never in the lexicon.
pub(crate) const MAX_WORD: usize = 16;

/// A word token of at most [`MAX_WORD`] bytes, lower-cased and zero-padded
/// into one integer: comparing two keys is one comparison, not a string
/// compare, and building one needs no buffer or UTF-8 check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Key(u128);

impl Key {
    /// The key of the word `text[start..end]`, whose bytes are ASCII letters
    /// and dots (what the tokeniser makes an ASCII word of); `None` when it
    /// is empty or longer than [`MAX_WORD`].
    pub(crate) fn of_word(text: &[u8], start: usize, end: usize) -> Option<Key> {
        let len = end.checked_sub(start)?;
        if len == 0 || len > MAX_WORD {
            return None;
        }
        // Most words have 16 bytes of text after their start: one load.
        let raw = match text.get(start..).and_then(|t| t.first_chunk::<MAX_WORD>()) {
            Some(chunk) => u128::from_le_bytes(*chunk),
            None => {
                let mut buf = [0u8; MAX_WORD];
                buf[..len].copy_from_slice(text.get(start..end)?);
                u128::from_le_bytes(buf)
            }
        };
        Some(Key::of_load(raw, len))
    }

    /// The key of a word of `len` (1 to [`MAX_WORD`]) ASCII letters and
    /// dots whose first bytes `raw` holds (a little-endian load).
    pub(crate) fn of_load(raw: u128, len: usize) -> Key {
        // Setting bit 5 lower-cases an ASCII letter and leaves '.' as it is.
        Key((raw | 0x2020_2020_2020_2020_2020_2020_2020_2020) & KEY_MASKS[len])
    }

    /// The key of a lower-case table word.
    fn of_table_word(word: &str) -> Option<Key> {
        let b = word.as_bytes();
        let key = Key::of_word(b, 0, b.len())?;
        // Table words are lower case already, so the bit trick must not change them.
        (key.bytes()[..b.len()] == *b).then_some(key)
    }

    fn bytes(self) -> [u8; MAX_WORD] {
        self.0.to_le_bytes()
    }

    fn slot(self) -> usize {
        let folded = (self.0 as u64) ^ ((self.0 >> 64) as u64).rotate_left(23);
        (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOTS.trailing_zeros())) as usize
    }
}

/// `KEY_MASKS[n]` keeps the first `n` bytes of a little-endian load.
pub(crate) static KEY_MASKS: [u128; MAX_WORD + 1] = {
    let mut m = [0u128; MAX_WORD + 1];
    let mut n = 1;
    while n <= MAX_WORD {
        m[n] = (m[n - 1] << 8) | 0xff;
        n += 1;
    }
    m
};

/// What the tokeniser needs to know about a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub lex: Lex,
    pub tense: Tense,
    /// `lex.may_open()`, looked up once here rather than for every token.
    pub opens: bool,
}

/// Slots in the word table: a power of two, at least four times the words
/// in it (a test checks), so that the usual word, which is not in it, is
/// turned away at its first slot. (About nine times today: a second probe
/// costs more, in mispredicted branches, than the larger table does.)
const SLOTS: usize = 4096;

/// Open addressing over [`Key`]s; key 0 (the empty word) marks a free slot.
pub(crate) struct Table {
    slots: Box<[(Key, Word); SLOTS]>,
}

impl Table {
    /// Class and tense cue of the word token with this key, `len` bytes long.
    #[inline]
    pub(crate) fn classify(&self, key: Key, len: usize) -> Word {
        let mut i = key.slot();
        loop {
            let (k, w) = &self.slots[i];
            if *k == key {
                return *w;
            }
            if k.0 == 0 {
                break;
            }
            i = (i + 1) & (SLOTS - 1);
        }
        // Not in the table: only the "-ed" rule of `tense_cue` can apply.
        let ends_ed = len > 4 && (key.0 >> (8 * (len - 2))) as u16 == u16::from_le_bytes(*b"ed");
        Word {
            lex: Lex::None,
            tense: if ends_ed { Tense::Past } else { Tense::Unknown },
            opens: false,
        }
    }
}

/// The word table: every word that has a class or a tense cue of its own,
/// each with both (the words ending in "-ed" that are not past tenses
/// included, so that any other word's cue follows from its spelling alone).
pub(crate) fn words() -> &'static Table {
    &WORDS
}

static WORDS: LazyLock<Table> = LazyLock::new(|| {
    let classes = build();
    let mut slots = Box::new(
        [(
            Key(0),
            Word {
                lex: Lex::None,
                tense: Tense::Unknown,
                opens: false,
            },
        ); SLOTS],
    );
    for w in table_words(&classes) {
        // Every table word is short and lower case (a test checks it).
        let Some(key) = Key::of_table_word(w) else {
            continue;
        };
        let lex = classes.get(w).copied().unwrap_or_default();
        let word = Word {
            lex,
            tense: tense_cue(w),
            opens: lex.may_open(),
        };
        let mut i = key.slot();
        while slots[i].0 != Key(0) {
            i = (i + 1) & (SLOTS - 1);
        }
        slots[i] = (key, word);
    }
    Table { slots }
});

fn table_words(classes: &Map) -> Vec<&'static str> {
    let mut words: Vec<&'static str> = classes.keys().copied().collect();
    words.extend(TENSE_WORDS.iter().flat_map(|(w, _)| w.iter().copied()));
    words.extend(NOT_PAST);
    words.sort_unstable();
    words.dedup();
    words
}

fn build() -> Map {
    let mut m = Map::default();
    let months: [(&str, &[&str]); 12] = [
        ("january", &["jan"]),
        ("february", &["feb"]),
        ("march", &["mar"]),
        ("april", &["apr"]),
        ("may", &[]),
        ("june", &["jun"]),
        ("july", &["jul"]),
        ("august", &["aug"]),
        ("september", &["sep", "sept"]),
        ("october", &["oct"]),
        ("november", &["nov"]),
        ("december", &["dec"]),
    ];
    for (i, (full, abbrs)) in months.iter().enumerate() {
        let n = i as u8 + 1;
        m.insert(*full, Lex::Month(n, false));
        for a in *abbrs {
            m.insert(*a, Lex::Month(n, true));
        }
    }
    let days: [(&str, &str, &[&str]); 7] = [
        ("monday", "mondays", &["mon"]),
        ("tuesday", "tuesdays", &["tue", "tues"]),
        ("wednesday", "wednesdays", &["wed"]),
        ("thursday", "thursdays", &["thu", "thur", "thurs"]),
        ("friday", "fridays", &["fri"]),
        ("saturday", "saturdays", &["sat"]),
        ("sunday", "sundays", &["sun"]),
    ];
    for (i, (full, plural, abbrs)) in days.iter().enumerate() {
        let n = i as u8 + 1;
        m.insert(*full, Lex::Weekday(n, false));
        m.insert(*plural, Lex::Weekday(n, true));
        for a in *abbrs {
            // Abbreviations are only taken with a following period (see grammar).
            m.insert(*a, Lex::Weekday(n, false));
        }
    }
    let nums: [(&str, u16); 28] = [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fourty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ];
    for (w, n) in nums {
        m.insert(w, Lex::Num(n));
    }
    let ords: [(&str, u8); 28] = [
        ("first", 1),
        // "second" is a unit; the grammar reads it as an ordinal where one fits.
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("thirtieth", 30),
        ("fortieth", 40),
        ("fiftieth", 50),
        ("sixtieth", 60),
        ("seventieth", 70),
        ("eightieth", 80),
        ("ninetieth", 90),
        ("hundredth", 100),
        ("final", 255),
    ];
    for (w, n) in ords {
        m.insert(w, Lex::Ordinal(n));
    }
    let units: [(&str, Unit, bool); 30] = [
        ("second", Unit::Second, false),
        ("seconds", Unit::Second, true),
        ("sec", Unit::Second, false),
        ("secs", Unit::Second, true),
        ("minute", Unit::Minute, false),
        ("minutes", Unit::Minute, true),
        ("min", Unit::Minute, false),
        ("mins", Unit::Minute, true),
        ("hour", Unit::Hour, false),
        ("hours", Unit::Hour, true),
        ("hr", Unit::Hour, false),
        ("hrs", Unit::Hour, true),
        ("day", Unit::Day, false),
        ("days", Unit::Day, true),
        ("week", Unit::Week, false),
        ("weeks", Unit::Week, true),
        ("fortnight", Unit::Week, false),
        ("month", Unit::Month, false),
        ("months", Unit::Month, true),
        ("quarter", Unit::Quarter, false),
        ("quarters", Unit::Quarter, true),
        ("year", Unit::Year, false),
        ("years", Unit::Year, true),
        ("decade", Unit::Decade, false),
        ("decades", Unit::Decade, true),
        ("century", Unit::Century, false),
        ("centuries", Unit::Century, true),
        ("millennium", Unit::Millennium, false),
        ("millennia", Unit::Millennium, true),
        ("millenniums", Unit::Millennium, true),
    ];
    for (w, u, p) in units {
        m.insert(w, Lex::Unit(u, p));
    }
    let parts: [(&str, DayPart, bool); 8] = [
        ("morning", DayPart::Morning, false),
        ("mornings", DayPart::Morning, true),
        ("afternoon", DayPart::Afternoon, false),
        ("afternoons", DayPart::Afternoon, true),
        ("evening", DayPart::Evening, false),
        ("evenings", DayPart::Evening, true),
        ("night", DayPart::Night, false),
        ("nights", DayPart::Night, true),
    ];
    for (w, p, pl) in parts {
        m.insert(w, Lex::DayPart(p, pl));
    }
    for (w, s) in [
        ("spring", Season::Spring),
        ("summer", Season::Summer),
        ("fall", Season::Fall),
        ("autumn", Season::Fall),
        ("winter", Season::Winter),
    ] {
        m.insert(w, Lex::Season(s));
    }
    let zones: [(&str, i16); 28] = [
        ("gmt", 0),
        ("utc", 0),
        ("z", 0),
        ("zulu", 0),
        ("est", -300),
        ("edt", -240),
        ("cst", -360),
        ("cdt", -300),
        ("mst", -420),
        ("mdt", -360),
        ("pst", -480),
        ("pdt", -420),
        ("akst", -540),
        ("hst", -600),
        ("bst", 60),
        ("cet", 60),
        ("cest", 120),
        ("wet", 0),
        ("west", 60),
        ("eet", 120),
        ("eest", 180),
        ("msk", 180),
        ("ist", 330),
        ("pkt", 300),
        ("jst", 540),
        ("kst", 540),
        ("aest", 600),
        ("aedt", 660),
    ];
    for (w, off) in zones {
        m.insert(w, Lex::Zone(off));
    }
    for (w, n) in [
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ] {
        m.insert(w, Lex::Decade(n));
    }
    for w in ["a.m.", "a.m", "am"] {
        m.insert(w, Lex::Meridiem(false));
    }
    for w in ["p.m.", "p.m", "pm"] {
        m.insert(w, Lex::Meridiem(true));
    }
    let words: &[(&str, W)] = &[
        ("the", W::The),
        ("a", W::A),
        ("an", W::An),
        ("this", W::This),
        ("that", W::That),
        ("these", W::These),
        ("those", W::Those),
        ("last", W::Last),
        ("next", W::Next),
        ("past", W::Past),
        ("previous", W::Previous),
        ("prior", W::Previous),
        ("preceding", W::Previous),
        ("coming", W::Coming),
        ("upcoming", W::Coming),
        ("following", W::Following),
        ("current", W::Current),
        ("latest", W::Latest),
        ("recent", W::Recent),
        ("same", W::Same),
        ("early", W::Early),
        ("earlier", W::Earlier),
        ("late", W::Late),
        ("later", W::Later),
        ("mid", W::Mid),
        ("middle", W::Middle),
        ("end", W::End),
        ("beginning", W::Beginning),
        ("start", W::Start),
        ("rest", W::Rest),
        ("remainder", W::Rest),
        ("half", W::Half),
        ("ago", W::Ago),
        ("before", W::Before),
        ("after", W::After),
        ("since", W::Since),
        ("from", W::From),
        ("to", W::To),
        ("until", W::Until),
        ("till", W::Until),
        ("through", W::Through),
        ("between", W::Between),
        ("and", W::And),
        ("or", W::Or),
        ("of", W::Of),
        ("on", W::On),
        ("in", W::In),
        ("at", W::At),
        ("by", W::By),
        ("for", W::For),
        ("over", W::Over),
        ("about", W::About),
        ("around", W::Around),
        ("nearly", W::Nearly),
        ("almost", W::Almost),
        ("roughly", W::Roughly),
        ("approximately", W::Approximately),
        ("some", W::Some),
        ("more", W::More),
        ("less", W::Less),
        ("fewer", W::Fewer),
        ("than", W::Than),
        ("least", W::Least),
        ("most", W::Most),
        ("up", W::Up),
        ("no", W::No),
        ("just", W::Just),
        ("few", W::Few),
        ("several", W::Several),
        ("many", W::Many),
        ("couple", W::Couple),
        ("dozen", W::Dozen),
        ("dozens", W::Dozens),
        ("each", W::Each),
        ("every", W::Every),
        ("per", W::Per),
        ("now", W::Now),
        ("today", W::Today),
        ("yesterday", W::Yesterday),
        ("tomorrow", W::Tomorrow),
        ("tonight", W::Tonight),
        ("overnight", W::Overnight),
        ("currently", W::Currently),
        ("recently", W::Recently),
        ("lately", W::Lately),
        ("presently", W::Presently),
        ("nowadays", W::Nowadays),
        ("future", W::Future),
        ("soon", W::Soon),
        ("near", W::Near),
        ("term", W::Term),
        ("fiscal", W::Fiscal),
        ("noon", W::Noon),
        ("midnight", W::Midnight),
        ("midday", W::Midday),
        ("local", W::Local),
        ("time", W::Time),
        ("daily", W::Daily),
        ("weekly", W::Weekly),
        ("monthly", W::Monthly),
        ("quarterly", W::Quarterly),
        ("yearly", W::Yearly),
        ("annually", W::Annually),
        ("annual", W::Yearly),
        ("hourly", W::Hourly),
        ("nightly", W::Nightly),
        ("weekend", W::Weekend),
        ("weekends", W::Weekends),
        ("ahead", W::Ahead),
        ("hence", W::Hence),
        ("within", W::Within),
        ("during", W::During),
        ("additional", W::Additional),
        ("extra", W::Additional),
        ("straight", W::Straight),
        ("consecutive", W::Consecutive),
        ("successive", W::Consecutive),
        ("full", W::Full),
        ("trading", W::Trading),
        ("business", W::Business),
        ("working", W::Business),
        ("whole", W::Whole),
        ("entire", W::Entire),
        ("once", W::Once),
        ("twice", W::Twice),
        ("times", W::Times),
        ("its", W::Its),
        ("their", W::Their),
        ("ytd", W::Ytd),
        ("dawn", W::Dawn),
        ("daybreak", W::Dawn),
        ("dusk", W::Dusk),
        ("eve", W::Eve),
        ("christmas", W::Christmas),
        ("xmas", W::Christmas),
        ("easter", W::Easter),
        ("thanksgiving", W::Thanksgiving),
        ("election", W::Election),
        ("independence", W::Independence),
        ("labor", W::Labor),
        ("labour", W::Labor),
        ("memorial", W::Memorial),
        ("veterans", W::Veterans),
        ("valentine", W::Valentine),
        ("halloween", W::Halloween),
        ("oh", W::Oh),
        ("percent", W::Percent),
        ("pct", W::Percent),
        ("old", W::Old),
        ("long", W::Long),
        ("short", W::Short),
        ("ended", W::Ended),
        ("ending", W::Ending),
        ("ends", W::Ending),
        ("plus", W::Plus),
        ("hundred", W::Hundred),
        ("thousand", W::Thousand),
        ("moment", W::Moment),
        ("comparable", W::Comparable),
        ("corresponding", W::Comparable),
        ("new", W::NewYear),
    ];
    for &(w, x) in words {
        m.insert(w, Lex::W(x));
    }
    m
}

/// Words that are tense cues by themselves. The future list comes first:
/// "expected" and "scheduled" end in "-ed" but look ahead.
#[rustfmt::skip]
const TENSE_WORDS: [(&[&str], Tense); 3] = [
    (&[
        "will", "ll", "shall", "would", "tomorrow", "upcoming", "planning", "scheduled",
        "expects", "expected", "intends", "aims", "hopes", "due", "next",
    ], Tense::Future),
    (&[
        "said", "was", "were", "had", "did", "told", "took", "made", "went", "came", "met",
        "fell", "rose", "gave", "began", "became", "left", "held", "got", "found", "saw",
        "sent", "paid", "sold", "bought", "brought", "struck", "fought", "led", "lost",
        "spent", "hit", "killed", "ago", "yesterday", "last", "wrote", "spoke", "ran",
        "stood", "knew", "thought", "felt", "kept", "shot", "won", "broke", "chose",
        "drove", "flew", "grew", "hid", "rode", "sank", "shook", "stole", "swore", "threw",
        "woke", "sought", "taught", "caught", "fled", "quit", "slid", "slipped", "earlier",
    ], Tense::Past),
    (&["is", "are", "says", "say", "am", "has", "have"], Tense::Present),
];

/// How a word bears on the tense of its sentence, for resolving "Friday"
/// or "March" to the past or the next one. (The tokeniser reads the answer
/// from the word table, which this fills.)
fn tense_cue(lower: &str) -> Tense {
    for (words, tense) in TENSE_WORDS {
        if words.contains(&lower) {
            return tense;
        }
    }
    if lower.len() > 4 && lower.ends_with("ed") && !NOT_PAST.contains(&lower) {
        Tense::Past
    } else {
        Tense::Unknown
    }
}

/// Words ending in "-ed" that are not past-tense verbs (or are mostly
/// adjectives in news prose).
const NOT_PAST: &[&str] = &[
    "united",
    "need",
    "speed",
    "indeed",
    "breed",
    "proceed",
    "succeed",
    "exceed",
    "hundred",
    "seed",
    "feed",
    "weed",
    "greed",
    "creed",
    "bleed",
    "embed",
    "limited",
    "expected",
    "scheduled",
    "planned",
    "proposed",
    "based",
    "related",
    "armed",
    "detailed",
    "advanced",
    "concerned",
    "interested",
    "qualified",
    "sophisticated",
    "experienced",
    "talented",
    "divided",
    "wicked",
    "naked",
    "sacred",
    "rugged",
    "ragged",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn classify_str(w: &str) -> Word {
        let b = w.as_bytes();
        Key::of_word(b, 0, b.len()).map_or(
            Word {
                lex: Lex::None,
                tense: Tense::Unknown,
                opens: false,
            },
            |k| words().classify(k, b.len()),
        )
    }

    #[test]
    fn every_table_word_reads_back() {
        let classes = build();
        let words = table_words(&classes);
        assert!(
            words.len() * 4 <= SLOTS,
            "{} words: make SLOTS larger",
            words.len()
        );
        for w in words {
            assert!(Key::of_table_word(w).is_some(), "{w}");
            let lex = classes.get(w).copied().unwrap_or_default();
            let expected = Word {
                lex,
                tense: tense_cue(w),
                opens: lex.may_open(),
            };
            assert_eq!(classify_str(w), expected, "{w}");
            assert_eq!(classify_str(&w.to_ascii_uppercase()), expected, "{w}");
        }
    }

    #[test]
    fn other_words_follow_the_ed_rule() {
        for w in [
            "wanted",
            "bed",
            "shed",
            "fed",
            "agreed",
            "red",
            "ed",
            "united",
            "hundreds",
            "zebra",
            "a",
            "u.s.",
            "reported",
            "abcdefghijklmnop",
        ] {
            let lex = build().get(w).copied().unwrap_or_default();
            let expected = Word {
                lex,
                tense: tense_cue(w),
                opens: lex.may_open(),
            };
            assert_eq!(classify_str(w), expected, "{w}");
        }
        // Keys ignore whatever follows the word in the text.
        let text = b"Friday, the 6th";
        assert_eq!(Key::of_word(text, 0, 6), Key::of_word(b"friday", 0, 6));
        assert_eq!(Key::of_word(text, 0, 17), None);
    }
}
