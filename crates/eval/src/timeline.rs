//! Timelines, scored by date against a small gold timeline.
//!
//! The gold timeline of a story is assembled from two hand-made sources in
//! `shared/data`: the dated one-line statements of Wikipedia's Current Events
//! portal (`corpus/wcep/`: item files `DATE_slug.md` whose `# ` headline, and
//! abridged day indexes `DATE_index_abridged.md` whose `- ` lines, mention a
//! truce, ceasefire or cessation of hostilities), and the hand-annotated
//! ceasefire frames (`events/ceasefire_gold.dev.jsonl`: each named ceasefire's
//! lifecycle — the first day an article reports each status, and the start
//! date for "in effect"). Only gold dates inside the evaluated corpus's
//! publication range count.
//!
//! Metrics (date level, as news-tls and the timeline-summarisation
//! literature score dates): recall of the gold dates by the timeline's
//! day-precision entries, exactly and within one day; precision of those
//! entries against the gold dates and the days on which a gold article
//! reports a ceasefire development (an entry on such a day is supported by
//! the gold, one elsewhere is not). It does not judge the summaries.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use dateline_core::{DatePrecision, Timeline};
use jiff::civil::Date;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// One dated statement of the gold timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoldDate {
    /// The day.
    pub date: Date,
    /// What happened, as the gold says.
    pub what: String,
    /// `wcep` or `ceasefire_gold`.
    pub from: &'static str,
}

/// The gold timeline and the days the gold articles report on.
#[derive(Clone, Debug, Default)]
pub struct Gold {
    /// Dated statements, in date order.
    pub dates: Vec<GoldDate>,
    /// Publication days of the gold articles that report a ceasefire.
    pub news_days: BTreeSet<Date>,
}

#[derive(Deserialize)]
struct GoldArticle {
    published: Date,
    ceasefires: Vec<GoldFrame>,
}

#[derive(Deserialize)]
struct GoldFrame {
    name: String,
    status: String,
    start: Option<String>,
}

/// Reads the gold timeline from the ceasefire gold file and the WCEP folder.
pub fn load_gold(ceasefire_gold: &Path, wcep_dir: &Path) -> Result<Gold> {
    let mut gold = Gold::default();
    let truce = truce_words();
    let mut names: Vec<_> = std::fs::read_dir(wcep_dir)
        .map_err(|source| read_error(wcep_dir, source))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    names.sort();
    for path in names {
        let Some(date) = path
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(|name| name.get(..10))
            .and_then(|prefix| prefix.parse::<Date>().ok())
        else {
            continue;
        };
        let text = std::fs::read_to_string(&path).map_err(|source| read_error(&path, source))?;
        let index = path.to_string_lossy().contains("index");
        let marker = if index { "- " } else { "# " };
        for line in text.lines() {
            if let Some(statement) = line.strip_prefix(marker)
                && truce.is_match(statement)
            {
                gold.dates.push(GoldDate {
                    date,
                    what: statement.trim().to_owned(),
                    from: "wcep",
                });
            }
        }
    }

    let text = std::fs::read_to_string(ceasefire_gold)
        .map_err(|source| read_error(ceasefire_gold, source))?;
    // (ceasefire, status) → earliest day reported.
    let mut steps: std::collections::BTreeMap<(String, String), Date> = Default::default();
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        let article: GoldArticle = serde_json::from_str(line).map_err(|source| Error::Json {
            path: ceasefire_gold.to_owned(),
            source,
        })?;
        if !article.ceasefires.is_empty() {
            gold.news_days.insert(article.published);
        }
        for frame in article.ceasefires {
            let started = frame
                .start
                .as_deref()
                .and_then(|start| start.get(..10))
                .and_then(|day| day.parse::<Date>().ok());
            let mut note = |status: &str, day: Date| {
                let slot = steps
                    .entry((frame.name.clone(), status.to_owned()))
                    .or_insert(day);
                *slot = (*slot).min(day);
            };
            note(&frame.status, article.published);
            if let Some(start) = started {
                note("in_effect", start);
            }
        }
    }
    for ((name, status), date) in steps {
        gold.dates.push(GoldDate {
            date,
            what: format!("{name}: {}", status.replace('_', " ")),
            from: "ceasefire_gold",
        });
    }
    gold.dates
        .sort_by(|a, b| a.date.cmp(&b.date).then(a.what.cmp(&b.what)));
    Ok(gold)
}

/// Scores of one timeline against the gold.
#[derive(Clone, Debug, Serialize)]
pub struct TimelineReport {
    /// Gold dates inside the corpus's range.
    pub gold_dates: usize,
    /// Distinct days of the timeline's day-precision entries.
    pub entry_days: usize,
    /// Timeline entries of coarser precision (week, month, year), not scored.
    pub coarser_entries: usize,
    /// Share of gold dates with an entry on that day.
    pub recall_exact: f64,
    /// Share of gold dates with an entry within one day.
    pub recall_within_day: f64,
    /// Share of entry days within one day of a gold date or gold news day.
    pub precision_within_day: f64,
    /// F1 of the within-a-day recall and precision.
    pub f1_within_day: f64,
    /// Each gold date inside the range and whether it was found (within a day).
    pub found: Vec<(GoldDate, bool)>,
}

/// Scores `timeline` against the gold dates that fall between `from` and `to`
/// (the corpus's first and last publication days).
pub fn evaluate(gold: &Gold, timeline: &Timeline, from: Date, to: Date) -> TimelineReport {
    let mut days = BTreeSet::new();
    let mut coarser_entries = 0;
    for entry in &timeline.entries {
        let day = entry
            .date
            .get(..10)
            .and_then(|day| day.parse::<Date>().ok());
        match (entry.precision, day) {
            (DatePrecision::Day | DatePrecision::Time, Some(day)) => {
                days.insert(day);
            }
            _ => coarser_entries += 1,
        }
    }
    let near = |day: Date, mut set: Box<dyn Iterator<Item = Date> + '_>| {
        set.any(|other| {
            day.since(other)
                .is_ok_and(|span| span.get_days().abs() <= 1)
        })
    };
    let in_range: Vec<&GoldDate> = gold
        .dates
        .iter()
        .filter(|gold| gold.date >= from && gold.date <= to)
        .collect();
    let exact = in_range.iter().filter(|g| days.contains(&g.date)).count();
    let found: Vec<(GoldDate, bool)> = in_range
        .iter()
        .map(|g| ((*g).clone(), near(g.date, Box::new(days.iter().copied()))))
        .collect();
    let found_within = found.iter().filter(|(_, hit)| *hit).count();
    let supported = days
        .iter()
        .filter(|day| {
            let support = in_range
                .iter()
                .map(|g| g.date)
                .chain(gold.news_days.iter().copied());
            near(**day, Box::new(support))
        })
        .count();
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    let recall_within_day = ratio(found_within, in_range.len());
    let precision_within_day = ratio(supported, days.len());
    let f1_within_day = if recall_within_day + precision_within_day == 0.0 {
        0.0
    } else {
        2.0 * recall_within_day * precision_within_day / (recall_within_day + precision_within_day)
    };
    TimelineReport {
        gold_dates: in_range.len(),
        entry_days: days.len(),
        coarser_entries,
        recall_exact: ratio(exact, in_range.len()),
        recall_within_day,
        precision_within_day,
        f1_within_day,
        found,
    }
}

impl fmt::Display for TimelineReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "gold dates {}   entry days {}   coarser entries {}",
            self.gold_dates, self.entry_days, self.coarser_entries
        )?;
        writeln!(
            f,
            "recall exact {:.3}   recall ±1 day {:.3}   precision ±1 day {:.3}   F1 ±1 day {:.3}",
            self.recall_exact,
            self.recall_within_day,
            self.precision_within_day,
            self.f1_within_day
        )?;
        for (gold, hit) in &self.found {
            let mark = if *hit { "found " } else { "MISSED" };
            writeln!(f, "  {mark} {} [{}] {}", gold.date, gold.from, gold.what)?;
        }
        Ok(())
    }
}

/// Words that make a gold statement about a truce.
fn truce_words() -> Regex {
    // A fixed pattern: compiling it cannot fail.
    #[allow(clippy::unwrap_used)]
    Regex::new(r"(?i)\b(truce|cease-?fire|cessation of hostilities|regime of (calm|silence))\b")
        .unwrap()
}

fn read_error(path: &Path, source: std::io::Error) -> Error {
    Error::Read {
        path: path.to_owned(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use dateline_core::{EntryKind, TimelineEntry, TimelineQuery};
    use jiff::civil::date;

    use super::*;

    fn entry(day: &str, precision: DatePrecision) -> TimelineEntry {
        TimelineEntry {
            date: day.to_owned(),
            precision,
            summary: String::new(),
            kind: EntryKind::Ceasefire,
            status: None,
            events: vec![],
            sources: vec![],
            disagreements: vec![],
        }
    }

    fn gold() -> Gold {
        let at = |d: Date, what: &str| GoldDate {
            date: d,
            what: what.to_owned(),
            from: "wcep",
        };
        Gold {
            dates: vec![
                at(date(2016, 2, 12), "Munich plan"),
                at(date(2016, 2, 22), "US-Russia terms"),
                at(date(2016, 2, 27), "truce in effect"),
                at(date(2015, 11, 14), "Vienna, out of range"),
            ],
            news_days: [date(2016, 3, 12)].into_iter().collect(),
        }
    }

    #[test]
    fn dates_within_a_day_count_and_coarse_entries_are_set_aside() {
        let timeline = Timeline {
            query: TimelineQuery::default(),
            entries: vec![
                entry("2016-02-12", DatePrecision::Day),
                entry("2016-02-26T22:00Z", DatePrecision::Time),
                entry("2016-03-12", DatePrecision::Day),
                entry("2016-04-01", DatePrecision::Day),
                entry("2016-W08", DatePrecision::Week),
            ],
        };
        let report = evaluate(&gold(), &timeline, date(2016, 1, 1), date(2016, 7, 31));
        assert_eq!(report.gold_dates, 3);
        assert_eq!(report.entry_days, 4);
        assert_eq!(report.coarser_entries, 1);
        assert!((report.recall_exact - 1.0 / 3.0).abs() < 1e-9);
        assert!((report.recall_within_day - 2.0 / 3.0).abs() < 1e-9);
        // 02-12 gold, 02-26 near 02-27, 03-12 news day; 04-01 unsupported.
        assert!((report.precision_within_day - 0.75).abs() < 1e-9);
        assert!(!report.found[1].1, "02-22 has no entry near it");
    }

    #[test]
    fn gold_reads_truce_statements_and_lifecycle_steps() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| read_error(Path::new("tmp"), e))?;
        let wcep = dir.path().join("wcep");
        std::fs::create_dir(&wcep).map_err(|e| read_error(&wcep, e))?;
        let write =
            |path: &Path, text: &str| std::fs::write(path, text).map_err(|e| read_error(path, e));
        write(
            &wcep.join("2016-02-22_truce.md"),
            "### 2016-02-22\n\n# The United States and Russia broker a truce.\n\nBody.\n",
        )?;
        write(
            &wcep.join("2016-02-27_index_abridged.md"),
            "## 2016-02-27\n\n- [Syrian Civil War] A truce is in effect.\n- A rally in Moscow.\n",
        )?;
        write(&wcep.join("notes.md"), "# A truce without a date\n")?;
        let gold_file = dir.path().join("gold.jsonl");
        write(
            &gold_file,
            concat!(
                r#"{"published": "2016-02-29", "ceasefires": [{"name": "CoH", "status": "violated", "start": "2016-02-27"}]}"#,
                "\n",
                r#"{"published": "2016-02-28", "ceasefires": [{"name": "CoH", "status": "violated", "start": null}]}"#,
                "\n",
                r#"{"published": "2016-03-01", "ceasefires": []}"#,
                "\n"
            ),
        )?;
        let gold = load_gold(&gold_file, &wcep)?;
        let listed: Vec<(String, &str)> = gold
            .dates
            .iter()
            .map(|g| (g.date.to_string(), g.what.as_str()))
            .collect();
        assert_eq!(
            listed,
            [
                (
                    "2016-02-22".to_owned(),
                    "The United States and Russia broker a truce."
                ),
                ("2016-02-27".to_owned(), "CoH: in effect"),
                (
                    "2016-02-27".to_owned(),
                    "[Syrian Civil War] A truce is in effect."
                ),
                ("2016-02-28".to_owned(), "CoH: violated"),
            ]
        );
        assert_eq!(gold.news_days.len(), 2);
        Ok(())
    }

    #[test]
    fn an_empty_timeline_scores_zero_not_nan() {
        let timeline = Timeline {
            query: TimelineQuery::default(),
            entries: vec![],
        };
        let report = evaluate(&gold(), &timeline, date(2016, 1, 1), date(2016, 7, 31));
        assert_eq!(report.recall_within_day, 0.0);
        assert_eq!(report.precision_within_day, 0.0);
        assert_eq!(report.f1_within_day, 0.0);
    }
}
