//! The seeds and real-world-style sentences as acceptance tests.

use dateline_annotate::Annotator;
use dateline_core::{Ceasefire, CeasefireStatus};
use dateline_time::{Reference, find_timexes};
use jiff::civil::{Date, date};

use super::{add_duration, find_ceasefires, find_words};

fn frames(text: &str, published: Option<Date>) -> Vec<Ceasefire> {
    static ANNOTATOR: std::sync::OnceLock<Annotator> = std::sync::OnceLock::new();
    let ann = ANNOTATOR
        .get_or_init(Annotator::new)
        .annotate_at(text, published);
    let reference = Reference { published };
    let timexes = find_timexes(text, &reference);
    find_ceasefires(text, &ann, &timexes, published)
}

fn one(text: &str, published: Option<Date>) -> Ceasefire {
    let mut found = frames(text, published);
    assert_eq!(found.len(), 1, "{found:#?}");
    found.remove(0)
}

#[test]
fn seed_000_proposed_with_condition_and_exclusion() {
    let text = include_str!("testdata/seed000.txt");
    let f = one(text, Some(date(2015, 11, 17)));
    assert_eq!(f.status, CeasefireStatus::Proposed);
    assert!(
        f.parties.contains(&"Syrian government".to_string()),
        "{:?}",
        f.parties
    );
    assert!(
        f.parties.contains(&"Syrian opposition".to_string()),
        "{:?}",
        f.parties
    );
    assert_eq!(f.excluded, ["Islamic State"]);
    assert!(
        f.conditions
            .iter()
            .any(|c| c.contains("Once those negotiations begin")),
        "{:?}",
        f.conditions
    );
    // The Vienna process envisions the truce; nobody is said to declare it.
    assert!(f.declarer.is_empty(), "{:?}", f.declarer);
    assert_eq!(f.start, None);
    assert_eq!(f.duration, None);
    assert!(f.issues.is_empty());
    // Evidence points at truce sentences only.
    for e in &f.evidence {
        let s: String = text.chars().skip(e.start).take(e.end - e.start).collect();
        assert!(s.contains("ceasefire") || s.contains("truce"), "{s}");
    }
}

#[test]
fn seed_004_declared_regime_of_calm() {
    let text = include_str!("testdata/seed004.txt");
    let f = one(text, Some(date(2016, 7, 6)));
    assert_eq!(f.declarer, ["Syrian military"]);
    assert_eq!(f.scope.as_deref(), Some("Syria"));
    assert_eq!(f.start.as_deref(), Some("2016-07-06T01:00+03:00"));
    assert_eq!(f.duration.as_deref(), Some("PT72H"));
    assert_eq!(f.end.as_deref(), Some("2016-07-09T01:00+03:00"));
    // Reported violated; the extension is only being discussed.
    assert_eq!(f.status, CeasefireStatus::Violated);
    assert!(
        f.reactions
            .iter()
            .any(|r| r.actor == "United States" && r.stance == "welcomed"),
        "{:?}",
        f.reactions
    );
    assert_eq!(
        f.issues,
        ["start time given as 22:00 GMT July 6 but 01:00 July 6 in Damascus is 22:00 GMT July 5"]
    );
    assert!(f.excluded.is_empty());
}

#[test]
fn extension_under_discussion_is_not_extended() {
    let f = one(
        "The army declared a 48-hour truce in Aleppo. Talks were underway to try to extend the truce.",
        Some(date(2016, 5, 4)),
    );
    assert_eq!(f.status, CeasefireStatus::Declared);
    assert_eq!(f.duration.as_deref(), Some("PT48H"));
}

#[test]
fn extended_and_collapsed() {
    let f = one(
        "The truce in Yemen was extended by another 72 hours on Sunday, officials said.",
        Some(date(2016, 4, 17)),
    );
    assert_eq!(f.status, CeasefireStatus::Extended);
    let f = one(
        "Violence rose after a Feb. 27 ceasefire collapsed in April.",
        Some(date(2016, 5, 23)),
    );
    assert_eq!(f.status, CeasefireStatus::Collapsed);
    assert_eq!(f.start.as_deref(), Some("2016-02-27"));
    assert_eq!(f.end.as_deref(), Some("2016-04"));
}

#[test]
fn ended_and_called_off() {
    let f = one(
        "Rebel attacks on army posts last year put an end to a two-year ceasefire between \
         the government and the insurgents.",
        Some(date(2016, 2, 17)),
    );
    assert_eq!(f.status, CeasefireStatus::Collapsed);
    let f = one(
        "The militia called off its truce with the army on Monday after a week of clashes.",
        Some(date(2016, 5, 2)),
    );
    assert_eq!(f.status, CeasefireStatus::Collapsed);
    let f = one(
        "The holiday truce ended at midnight and shelling resumed within the hour.",
        Some(date(2016, 9, 16)),
    );
    assert_eq!(f.status, CeasefireStatus::Ended);
    // An end put to something else, after the truce, is no end of it.
    let f = one(
        "Renewed truce efforts could put an end to the sieges, aid agencies said.",
        Some(date(2016, 3, 1)),
    );
    assert_ne!(f.status, CeasefireStatus::Collapsed);
}

#[test]
fn brokered_truce_in_effect_with_exclusions() {
    let f = one(
        "Islamic State and the Nusra Front have been excluded from a Russian- and U.S.-brokered \
         cease-fire that began on Feb. 27 and has largely held.",
        Some(date(2016, 3, 24)),
    );
    assert_eq!(f.status, CeasefireStatus::InEffect);
    assert_eq!(f.start.as_deref(), Some("2016-02-27"));
    assert!(
        f.declarer.contains(&"Russia".to_string()),
        "{:?}",
        f.declarer
    );
    assert!(
        f.declarer.contains(&"United States".to_string()),
        "{:?}",
        f.declarer
    );
    assert_eq!(f.excluded, ["Islamic State", "Nusra Front"]);
}

#[test]
fn subject_agrees_and_exclusion_after_verb() {
    let f = one(
        "The United States and Russia agreed on Friday to a nationwide cessation of hostilities in \
         Syria. The cessation would not apply to Islamic State and the Nusra Front.",
        Some(date(2016, 2, 12)),
    );
    assert_eq!(f.status, CeasefireStatus::Agreed);
    assert_eq!(f.declarer, ["United States", "Russia"]);
    assert_eq!(f.excluded, ["Islamic State", "Nusra Front"]);
    assert_eq!(f.scope.as_deref(), Some("Syria"));
}

#[test]
fn violations_and_condemnation() {
    let f = one(
        "Russia said it had registered nine violations of the truce in Syria in the past 24 hours. \
         France condemned the violations of the ceasefire.",
        Some(date(2016, 2, 28)),
    );
    assert_eq!(f.status, CeasefireStatus::Violated);
    assert!(
        f.reactions
            .iter()
            .any(|r| r.actor == "France" && r.stance == "condemned"),
        "{:?}",
        f.reactions
    );
}

#[test]
fn local_truce_is_its_own_frame() {
    let found = frames(
        "The nationwide ceasefire in Syria has largely held. Temporary local truces have been put \
         in place in two parts of the country.",
        Some(date(2016, 5, 3)),
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].status, CeasefireStatus::InEffect);
}

#[test]
fn conditional_ceasefire_keeps_its_condition() {
    let f = one(
        "Assad said he was ready for a ceasefire on condition that terrorists did not use it to \
         their advantage.",
        Some(date(2016, 2, 20)),
    );
    assert_eq!(f.status, CeasefireStatus::Proposed);
    assert!(
        f.conditions
            .iter()
            .any(|c| c.starts_with("on condition that terrorists")),
        "{:?}",
        f.conditions
    );
}

#[test]
fn no_truce_no_frame() {
    assert!(
        frames(
            "Fighting raged in Aleppo. There was a lull in the shelling.",
            None
        )
        .is_empty()
    );
    assert!(frames("", None).is_empty());
    let long = "truce ".repeat(5000);
    let _ = frames(&long, None);
}

#[test]
fn durations_add_in_the_start_offset() {
    assert_eq!(
        add_duration("2016-07-06T01:00+03:00", "PT72H").as_deref(),
        Some("2016-07-09T01:00+03:00")
    );
    assert_eq!(
        add_duration("2016-02-27", "P2W").as_deref(),
        Some("2016-03-12")
    );
    assert_eq!(add_duration("2016-02", "P2W"), None);
}

#[test]
fn cue_words_are_whole_words_in_any_case() {
    let s = "Rebels Welcomed the truce; the government welcomed it, unwelcomed by none.";
    assert_eq!(find_words(s, "welcomed"), [(7, 15), (42, 50)]);
    // a multi-word cue, after a non-ASCII character
    assert_eq!(find_words("Kyiv’s Truce Was Over", "was over"), [(15, 23)]);
    // occurrences do not overlap
    assert_eq!(find_words("no no no", "no no"), [(0, 5)]);
    assert!(find_words("ceasefires", "ceasefire").is_empty());
    assert!(find_words("", "truce").is_empty());
}

#[test]
fn agreeing_to_the_idea_is_a_proposal() {
    let f = one(
        "Syria's opposition said on Saturday it had agreed to the possibility of a temporary truce.",
        Some(date(2016, 2, 20)),
    );
    assert_eq!(f.status, CeasefireStatus::Proposed);
}

#[test]
fn town_truce_beside_a_nationwide_one() {
    let found = frames(
        "The nationwide ceasefire in Syria has been violated repeatedly. The process of agreeing a \
         ceasefire in Aleppo is being finished right now between Russian and American officers.",
        Some(date(2016, 5, 3)),
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].status, CeasefireStatus::Violated);
    assert_eq!(found[1].scope.as_deref(), Some("Aleppo"));
    assert_eq!(found[1].status, CeasefireStatus::Proposed);
}

#[test]
fn warring_parties_named_after_a_dash() {
    let f = one(
        "Fighting went on in Aleppo and Homs. The truce agreement was not signed by the warring \
         parties - the government and rebels.",
        Some(date(2016, 2, 13)),
    );
    assert!(f.declarer.is_empty(), "{:?}", f.declarer);
    assert_eq!(f.parties, ["Syrian government", "Syrian rebels"]);
}

#[test]
fn conditional_extension_is_not_extended() {
    let f = one(
        "The truce has largely held. If the truce were extended to the north, talks could resume.",
        Some(date(2016, 5, 3)),
    );
    assert_eq!(f.status, CeasefireStatus::InEffect);
}

#[test]
fn humanitarian_pause_with_start_and_duration_by_day() {
    let f = one(
        "The United Nations announced a humanitarian pause in Hodeidah starting on July 10 for \
         five days.",
        Some(date(2015, 7, 9)),
    );
    assert_eq!(f.status, CeasefireStatus::Declared);
    assert_eq!(f.declarer, ["United Nations"]);
    assert_eq!(f.start.as_deref(), Some("2015-07-10"));
}

proptest::proptest! {
    #[test]
    fn any_text_is_safe(s in "[a-zA-Z0-9 ,.;:'\"\\-—()]{0,300}") {
        let _ = frames(&format!("{s} ceasefire {s} truce in {s}"), Some(date(2016, 1, 1)));
    }
}

#[test]
fn run_on_text_invents_nothing_and_stays_linear() {
    let words = "truce violated by Russia and Syria declared agreed ".repeat(2000);
    assert!(frames(&words, Some(date(2016, 1, 1))).is_empty());
    let many = "The truce was violated by Russia. ".repeat(3000);
    let found = frames(&many, Some(date(2016, 1, 1)));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].status, CeasefireStatus::Violated);
}

#[test]
fn a_background_truce_reported_broken_gets_its_parties_and_end() {
    // Paraphrases of background lines about another country's old truce.
    let pkk = "Clashes have grown in the southeast since a two-year truce between the state and the Kurdistan Workers Party (PKK) broke down in July.";
    let last = "Ankara is also fighting Kurdish militants in the southeast, where a 2-1/2-year truce collapsed last July.";
    for (text, day) in [(pkk, date(2016, 1, 12)), (last, date(2016, 3, 19))] {
        let f = one(text, Some(day));
        assert_eq!(
            (
                f.status,
                f.start.as_deref(),
                f.duration.as_deref(),
                f.end.as_deref()
            ),
            (
                CeasefireStatus::Collapsed,
                None,
                Some("P2Y"),
                Some("2015-07")
            ),
            "{text}"
        );
    }
    let f = one(pkk, Some(date(2016, 1, 12)));
    assert!(
        f.parties.contains(&"Kurdistan Workers Party".to_string()),
        "{:?}",
        f.parties
    );
}

#[test]
fn major_powers_are_the_contact_group() {
    // Reuters, 13 Feb 2016 (corpus).
    let text = "Syrian government forces advanced near Aleppo in Syria on Saturday. \
        Russia is pressing ahead with its four-month-old air campaign in support of \
        President Bashar al-Assad ahead of \"a cessation of hostilities\" agreed by major \
        powers on Friday.";
    let f = one(text, Some(date(2016, 2, 13)));
    assert_eq!(f.declarer, ["International Syria Support Group"]);
    // Reuters, 12 Feb 2016 (corpus): the subject of "agreed".
    let text = "MUNICH Major powers agreed on Friday to implement a cessation of \
        hostilities in Syria and to expand delivery of humanitarian aid.";
    let f = one(text, Some(date(2016, 2, 12)));
    assert_eq!(f.declarer, ["International Syria Support Group"]);
    // Without a known contact group the phrase stands (after Reuters,
    // Munich, 12 Feb 2016, said of another war).
    let text = "World powers agreed on Friday to a cessation of hostilities in Yemen.";
    let f = one(text, Some(date(2016, 2, 12)));
    assert_eq!(f.declarer, ["world powers"]);
}

#[test]
fn abbreviation_dots_do_not_end_the_brokers_clause() {
    // Reuters, 28 Feb 2016 (corpus).
    let text = "The center's Sergei Kuralenko added, however, that the cessation of \
        hostilities agreed as part of a U.S.-Russian plan was holding \"in general\" in Syria.";
    let f = one(text, Some(date(2016, 2, 28)));
    assert_eq!(f.declarer, ["United States", "Russia"]);
}

#[test]
fn the_two_sides_are_the_wars_sides() {
    // Washington Post, 28 Apr 2016 (corpus).
    let text = "Airstrikes on rebel-held areas in the Syrian city of Aleppo destroyed a \
        hospital supported by Doctors Without Borders, the aid group said Thursday. \
        A separate airstrike killed as many as 20 people, amid mounting worries \
        among diplomats that Syria's conflict could be moving onto dangerous new ground. The \
        chief U.N. envoy to Syria broke it down in a stark tally. In recent months, rebels \
        have been encircled by troops and fighters loyal to Assad. In February, the United \
        States and Russia agreed to enforce a truce between the two sides in order to \
        kick-start peace talks in Geneva.";
    let f = one(text, Some(date(2016, 4, 28)));
    assert_eq!(f.parties, ["Syrian government", "Syrian rebels"]);
    assert_eq!(f.declarer, ["United States", "Russia"]);
}

#[test]
fn sides_that_break_the_truce_are_parties() {
    // Reuters, 29 Feb 2016 (corpus): the violator and the side accusing
    // it; "violations by Russia and Hezbollah" (the noun) adds nobody.
    let text = "The HNC said the cessation of hostilities was broken by the Syrian \
        government 15 times on the first day, and that there were further violations by \
        Russia and Hezbollah, both allies of President Bashar al-Assad.";
    let f = one(text, Some(date(2016, 2, 29)));
    assert_eq!(
        f.parties,
        ["Syrian government", "High Negotiations Committee"]
    );
    // Reuters, 2 Mar 2016 (corpus): the verb, said by the other side.
    let text = "But opposition official George Sabra said the date for a resumption of \
        talks in Syria remained \"hypothetical\" as long as the truce did not fulfil \
        humanitarian demands. President Bashar al-Assad said in an interview broadcast on \
        Tuesday that insurgents had breached the deal from day one.";
    let f = one(text, Some(date(2016, 3, 2)));
    assert_eq!(f.parties, ["Syrian rebels", "Syria"]);
}
