//! Whole-sentence tests: the seed acceptance cases, one family of rules per
//! test on news-like sentences, and property tests over arbitrary input.

use super::*;
use crate::testutil::{find, has, one};
use dateline_core::{TimexAnchor, TimexType};
use jiff::civil::date;

const SEED_000: &str = include_str!("../../../corpus/seeds/000_1403c7a8f878f38f.txt");
const SEED_004: &str = include_str!("../../../corpus/seeds/004_f4b8cc9cb900e3e2.txt");

/// The article body of seed 004, without the navigation line and the
/// "Related" teasers that extraction removes.
fn seed_004_body() -> &'static str {
    let end = SEED_004.find("Mời quý").unwrap_or(SEED_004.len());
    &SEED_004[..end]
}

#[test]
fn seed_000_resolves_against_its_publication_date() {
    let found = find(SEED_000, Some(date(2015, 11, 17)));
    has(&found, "Tuesday", "2015-11-17", None);
    has(&found, "last week", "2015-W46", None);
    has(&found, "Saturday", "2015-11-14", None);
    has(&found, "Friday", "2015-11-13", None);
    has(&found, "today", "2015-11-17", None);
    has(&found, "mid-December", "2015-12", Some("MID"));
    has(&found, "over four years", "P4Y", Some("MORE_THAN"));
    has(&found, "weeks", "PXW", None);
    has(&found, "months", "PXM", None);
    let tuesday = one(&found, "Tuesday");
    assert_eq!(tuesday.kind, TimexType::Date);
    assert_eq!(tuesday.anchor, TimexAnchor::Published);
    // Nothing else: the casualty figure and the cookie notice are not dates.
    assert!(!found.iter().any(|t| t.text.contains("129")), "{found:#?}");
}

#[test]
fn seed_004_times_zones_and_the_contradiction() {
    let text = seed_004_body();
    let reference = Reference::published(date(2016, 7, 6));
    let found = find_timexes(text, &reference);
    has(&found, "July 6", "2016-07-06", None);
    has(&found, "72-hour", "PT72H", None);
    has(&found, "72-hours", "PT72H", None);
    has(&found, "1 a.m. on July 6", "2016-07-06T01:00+03:00", None);
    has(&found, "2200 GMT July 6", "2016-07-06T22:00+00:00", None);
    let issues = check_contradictions(text, &found, &reference);
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(
        issues[0].reason,
        "start time given as 22:00 GMT July 6 but 01:00 July 6 in Damascus is 22:00 GMT July 5"
    );
    let first = &text
        .chars()
        .skip(issues[0].first.start)
        .take(issues[0].first.end - issues[0].first.start)
        .collect::<String>();
    assert_eq!(first, "1 a.m. on July 6");
    // The teasers of the "Related" block are not in the body.
    assert!(
        !found.iter().any(|t| t.value.contains("06-1")),
        "{found:#?}"
    );
}

#[test]
fn seed_004_whole_file_does_not_trip() {
    let found = find(SEED_004, Some(date(2016, 7, 6)));
    // The teasers are dated too when they are left in: June 18, June 17.
    has(&found, "June 18", "2016-06-18", None);
}

#[test]
fn a_time_without_its_day_is_not_a_contradiction() {
    let text =
        "The army said it would observe a truce until midnight on Thursday (2100 GMT) in Syria.";
    let reference = Reference::published(date(2016, 7, 6));
    let found = find_timexes(text, &reference);
    has(
        &found,
        "midnight on Thursday",
        "2016-07-07T24:00+03:00",
        None,
    );
    assert!(check_contradictions(text, &found, &reference).is_empty());
    let text = "The truce began at 1 a.m. on July 6 in Damascus (2300 GMT).";
    let found = find_timexes(text, &reference);
    let issues = check_contradictions(text, &found, &reference);
    assert_eq!(issues.len(), 1, "{found:#?}");
    assert_eq!(
        issues[0].reason,
        "start time given as 23:00 GMT but 01:00 July 6 in Damascus is 22:00 GMT July 5"
    );
}

#[test]
fn without_a_publication_date_nothing_is_guessed() {
    let text =
        "Kerry said on Tuesday the truce starting July 6 would hold, after last week's talks.";
    let found = find(text, None);
    let tuesday = one(&found, "Tuesday");
    assert_eq!(tuesday.value, "XXXX-WXX-2");
    assert_eq!(tuesday.anchor, TimexAnchor::Unresolved);
    has(&found, "July 6", "XXXX-07-06", None);
    has(&found, "last week", "XXXX-WXX", None);
    let text = "Clashes resumed at 1 a.m. on July 6 in Damascus, two days ago.";
    let found = find(text, None);
    has(&found, "1 a.m. on July 6", "XXXX-07-06T01:00", None);
    has(&found, "two days ago", "XXXX-XX-XX", None);
}

#[test]
fn absolute_dates() {
    let dct = Some(date(2016, 7, 6));
    let found = find(
        "The accord signed on 6 July 2016 replaced the one of March 3rd, 2014, itself \
         revised on 2013-11-02 and again on 11/20/2013; talks began in August 1998.",
        dct,
    );
    has(&found, "6 July 2016", "2016-07-06", None);
    has(&found, "March 3rd, 2014", "2014-03-03", None);
    has(&found, "2013-11-02", "2013-11-02", None);
    has(&found, "11/20/2013", "2013-11-20", None);
    has(&found, "August 1998", "1998-08", None);
    assert_eq!(one(&found, "6 July 2016").anchor, TimexAnchor::Absolute);
    let found = find(
        "Rebels said on Friday, Oct. 23 they had pulled back.",
        Some(date(1998, 10, 25)),
    );
    has(&found, "Friday, Oct. 23", "1998-10-23", None);
    let found = find(
        "Elections were held in 1994 and again in nineteen ninety-six.",
        dct,
    );
    has(&found, "1994", "1994", None);
    has(&found, "nineteen ninety-six", "1996", None);
}

#[test]
fn weekdays_follow_the_tense() {
    let dct = Some(date(2015, 11, 17)); // a Tuesday
    let found = find("The minister resigned on Friday.", dct);
    has(&found, "Friday", "2015-11-13", None);
    let found = find("The ministers will meet again on Friday.", dct);
    has(&found, "Friday", "2015-11-20", None);
    let found = find("Talks are set to resume Monday in Geneva.", dct);
    has(&found, "Monday", "2015-11-23", None);
    let found = find("Friday's attacks killed 129 people.", dct);
    has(&found, "Friday", "2015-11-13", None);
    let found = find(
        "The army held the bridge until last Friday, then withdrew.",
        dct,
    );
    has(&found, "last Friday", "2015-11-13", None);
    let found = find(
        "Fighting broke out on Saturday night near the airport.",
        dct,
    );
    let night = one(&found, "Saturday night");
    assert_eq!(
        (night.value.as_str(), night.kind),
        ("2015-11-14TNI", TimexType::Time)
    );
}

#[test]
fn relative_periods() {
    let dct = Some(date(2015, 11, 17));
    let found = find(
        "Exports rose last month and this year, and are forecast to fall next year; \
         talks were held last week and more are planned next week.",
        dct,
    );
    has(&found, "last month", "2015-10", None);
    has(&found, "this year", "2015", None);
    has(&found, "next year", "2016", None);
    has(&found, "last week", "2015-W46", None);
    has(&found, "next week", "2015-W48", None);
    let found = find(
        "Rebels shelled the town yesterday and warned they would strike again tomorrow.",
        dct,
    );
    has(&found, "yesterday", "2015-11-16", None);
    has(&found, "tomorrow", "2015-11-18", None);
    let found = find(
        "The agency reported the figures two days ago, a year after the war began.",
        dct,
    );
    has(&found, "two days ago", "2015-11-15", None);
    let found = find(
        "Earlier this month the council met; another vote is due later this year.",
        dct,
    );
    has(&found, "Earlier this month", "2015-11", None);
    has(&found, "later this year", "2015", None);
    let found = find(
        "Aid stopped in July last year and resumed this summer.",
        dct,
    );
    has(&found, "July last year", "2014-07", None);
    has(&found, "this summer", "2015-SU", None);
}

#[test]
fn fuzzy_and_partial() {
    let dct = Some(date(2016, 3, 10));
    let found = find(
        "Prices fell in early 2016 after peaking in the late 1990s and mid-2014; \
         a deal is expected by the end of the year.",
        dct,
    );
    has(&found, "early 2016", "2016", Some("START"));
    has(&found, "the late 1990s", "199", Some("END"));
    has(&found, "mid-2014", "2014", Some("MID"));
    has(&found, "the end of the year", "2016", Some("END"));
    let found = find(
        "Growth slowed in the first quarter and the second half of 2015.",
        dct,
    );
    has(&found, "the first quarter", "2016-Q1", None);
    has(&found, "the second half of 2015", "2015-H2", None);
}

#[test]
fn durations() {
    let dct = Some(date(2015, 11, 17));
    let found = find(
        "The siege lasted three years; a 30-day truce, then nearly two weeks of calm, \
         after 2 1/2 years of war and several months of talks over the past three years.",
        dct,
    );
    has(&found, "three years", "P3Y", None);
    has(&found, "30-day", "P30D", None);
    has(&found, "nearly two weeks", "P2W", Some("LESS_THAN"));
    has(&found, "2 1/2 years", "P2Y6M", None);
    has(&found, "several months", "PXM", None);
    has(&found, "the past three years", "P3Y", None);
    assert_eq!(one(&found, "three years").kind, TimexType::Duration);
    let found = find(
        "Rescuers searched for 72 hours, then for half an hour more.",
        dct,
    );
    has(&found, "72 hours", "PT72H", None);
    has(&found, "half an hour", "PT30M", None);
    // Ages are not temporal expressions.
    let found = find(
        "A 6-year-old boy and his 40-year-old father were freed.",
        dct,
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn times_and_zones() {
    let dct = Some(date(2016, 7, 6));
    let found = find(
        "The ceasefire takes effect at noon local time in Aleppo.",
        dct,
    );
    has(&found, "noon local time", "2016-07-06T12:00+03:00", None);
    let found = find(
        "Voting closes at 10:30 p.m. EST on Tuesday.",
        Some(date(2016, 11, 7)),
    );
    has(
        &found,
        "10:30 p.m. EST on Tuesday",
        "2016-11-08T22:30-05:00",
        None,
    );
    let found = find(
        "The strike hit at 0400 GMT, and a second wave followed 20 minutes later.",
        dct,
    );
    has(&found, "0400 GMT", "2016-07-06T04:00+00:00", None);
    // A dateline gives the zone when the sentence names no place.
    let found = find(
        "PARIS, July 6 (Reuters) - Police sealed the square at 6 a.m.",
        dct,
    );
    has(&found, "6 a.m.", "2016-07-06T06:00+02:00", None);
    // Countries in two zones named as the parties, none as the place: no
    // zone is guessed; a place marked as the location wins over them.
    let feb = Some(date(2016, 2, 22));
    let found = find(
        "The United States and Russia broker a truce which is due to come into effect on midnight 27 February.",
        feb,
    );
    has(&found, "midnight 27 February", "2016-02-27T24:00", None);
    let found = find(
        "Russia and the United States said the truce would start across Syria at midnight on 27 February.",
        feb,
    );
    has(
        &found,
        "midnight on 27 February",
        "2016-02-27T24:00+02:00",
        None,
    );
    let found = find(
        "The truce begins at 6 a.m. Moscow time, Russian and Syrian officials said.",
        feb,
    );
    has(&found, "6 a.m.", "2016-02-22T06:00+03:00", None);
    // No place, no zone: no offset is made up.
    let found = find("The meeting started at 9 a.m.", dct);
    has(&found, "9 a.m.", "2016-07-06T09:00", None);
    // Ratios and scores are not times.
    let found = find("The motion passed 3:1 and the score was 2-1.", dct);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn sets() {
    let dct = Some(date(2015, 11, 17));
    let found = find(
        "Inspectors visit every week, patrols run daily, the council meets each Thursday, \
         and audits come twice a year.",
        dct,
    );
    has(&found, "every week", "P1W", None);
    has(&found, "daily", "P1D", None);
    has(&found, "each Thursday", "XXXX-WXX-4", None);
    has(&found, "a year", "P1Y", None);
    assert!(found.iter().all(|t| t.kind == TimexType::Set), "{found:#?}");
    // An adjective before its noun is not a set, nor the rate of an amount.
    let found = find(
        "The company raised its quarterly dividend to $1.76 a year.",
        dct,
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn ranges_give_both_ends() {
    let dct = Some(date(2015, 11, 17));
    let found = find(
        "Fighting raged from Monday to Wednesday, as it did between 2011 and 2015.",
        dct,
    );
    has(&found, "Monday", "2015-11-16", None);
    has(&found, "Wednesday", "2015-11-11", None);
    has(&found, "2011", "2011", None);
    has(&found, "2015", "2015", None);
}

#[test]
fn references_to_present_past_and_future() {
    let dct = Some(date(2015, 11, 17));
    let found = find(
        "The border is now closed; it was recently reopened and may close again in the future. \
         Currently, 300 people cross in the past month.",
        dct,
    );
    has(&found, "now", "PRESENT_REF", None);
    has(&found, "recently", "PAST_REF", None);
    has(&found, "the future", "FUTURE_REF", None);
    has(&found, "Currently", "PRESENT_REF", None);
    has(&found, "the past month", "2015-10", None);
}

#[test]
fn quarters_and_fiscal_periods() {
    let dct = Some(date(1989, 10, 26));
    let found = find(
        "Third-quarter net rose 10% from the year-earlier quarter; in the third quarter of 1988 \
         it fell. For fiscal 1990 the company expects growth.",
        dct,
    );
    has(&found, "Third-quarter", "1989-Q3", None);
    has(&found, "the year-earlier quarter", "1988-Q3", None);
    has(&found, "the third quarter of 1988", "1988-Q3", None);
    has(&found, "fiscal 1990", "1990", None);
    let found = find(
        "Profit fell 5% to $3 million, compared with $4 million a year ago.",
        dct,
    );
    has(&found, "a year ago", "1988-Q3", None);
    let found = find("He left the company a year ago.", dct);
    has(&found, "a year ago", "1988", None);
}

#[test]
fn holidays_and_seasons() {
    let dct = Some(date(1999, 11, 20));
    let found = find(
        "Shops will close on Thanksgiving Day and reopen after Christmas.",
        dct,
    );
    has(&found, "Thanksgiving Day", "1999-11-25", None);
    has(&found, "Christmas", "1999-12-25", None);
    let found = find(
        "The offensive began last fall and stalled in the winter of 1998.",
        dct,
    );
    has(&found, "last fall", "1998-FA", None);
    has(&found, "the winter of 1998", "1998-WI", None);
}

#[test]
fn easter_week_is_the_week_ending_on_easter() {
    let found = find(
        "Protesters prayed as Easter week began.",
        Some(date(2000, 4, 17)),
    );
    has(&found, "Easter week", "2000-W16", None);
}

#[test]
fn a_second_day_takes_the_month_of_the_first() {
    let dct = Some(date(1999, 2, 10));
    let found = find("The summit will be held on April 24 and 25.", dct);
    has(&found, "April 24", "1999-04-24", None);
    has(&found, "25", "1999-04-25", None);
    let found = find("The vote on April 24 and 25 delegates left.", dct);
    assert!(!found.iter().any(|t| t.text == "25"), "{found:#?}");
}

#[test]
fn tense_cues_in_context() {
    // DCT Friday 1999-05-07.
    let dct = Some(date(1999, 5, 7));
    let found = find("Until Thursday, they had not called him a suspect.", dct);
    has(&found, "Thursday", "1999-05-06", None);
    let found = find("The order holds until Thursday.", dct);
    has(&found, "Thursday", "1999-05-13", None);
    // DCT Friday 2000-01-07.
    let dct = Some(date(2000, 1, 7));
    let found = find(
        "Protesters planned a rally on Saturday and were planning to drive \
         around the airport on Monday.",
        dct,
    );
    has(&found, "Saturday", "2000-01-08", None);
    has(&found, "Monday", "2000-01-10", None);
    let dct = Some(date(1989, 10, 26));
    let found = find(
        "The split would be paid on a still unspecified date in January.",
        dct,
    );
    has(&found, "January", "1990-01", None);
    let found = find(
        "Sales changed little this year through August.",
        Some(date(1989, 10, 27)),
    );
    has(&found, "August", "1989-08", None);
    // DCT Monday 2000-04-03.
    let found = find(
        "INS extended its deadline until 9 a.m. EST Tuesday.",
        Some(date(2000, 4, 3)),
    );
    has(&found, "9 a.m. EST Tuesday", "2000-04-04T09:00-05:00", None);
    // Reported speech: the clause after "that" has its own tense.
    let found = find(
        "Officials said on Thursday that on Monday the talks would resume.",
        Some(date(1998, 2, 27)),
    );
    has(&found, "Thursday", "1998-02-26", None);
    has(&found, "Monday", "1998-03-02", None);
    let found = find(
        "He said that Monday's attack killed five.",
        Some(date(1998, 2, 27)),
    );
    has(&found, "Monday", "1998-02-23", None);
    // The day something takes effect is the nearer one, whatever the verb.
    let found = find(
        "Avon named a four-member office of the chairman, effective Feb. 1.",
        Some(date(1989, 10, 26)),
    );
    has(&found, "Feb. 1", "1990-02-01", None);
    let found = find(
        "The company said it cut prices, effective Oct. 1.",
        Some(date(1989, 10, 26)),
    );
    has(&found, "Oct. 1", "1989-10-01", None);
}

#[test]
fn decades_and_centuries_have_their_own_units() {
    let dct = Some(date(2000, 4, 1));
    let found = find(
        "It took less than a decade, after a four-decade embargo and half a century of exile.",
        dct,
    );
    has(&found, "less than a decade", "P1DE", Some("LESS_THAN"));
    has(&found, "four-decade", "P4DE", None);
    has(&found, "half a century", "P50Y", None);
    // A round hundred is a century: "the 1800s" is the 19th.
    let found = find("Cities grew in the 1800s and in the 1990s.", dct);
    has(&found, "the 1800s", "18", None);
    has(&found, "the 1990s", "199", None);
}

#[test]
fn the_day_before_a_named_day() {
    // DCT Thursday 2000-02-24.
    let found = find(
        "The day before last Tuesday's federal court hearing, Manuel went to \
         Lazaro's house. The day after July 4 was quiet.",
        Some(date(2000, 2, 24)),
    );
    has(&found, "The day before last Tuesday", "2000-02-21", None);
    has(&found, "The day after July 4", "1999-07-05", None);
    // Nothing to count from: no date is made up.
    let found = find(
        "The day before the hearing, he left.",
        Some(date(2000, 2, 24)),
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn weekday_nights_recur() {
    let found = find(
        "Qantas said two new flights would leave Bombay on Monday and Tuesday \
         nights from March 30. The last one left on Tuesday night.",
        Some(date(1998, 2, 13)),
    );
    has(&found, "Monday", "XXXX-WXX-1TNI", None);
    has(&found, "Tuesday nights", "XXXX-WXX-2TNI", None);
    has(&found, "Tuesday night", "1998-02-10TNI", None);
    assert_eq!(one(&found, "Monday").kind, TimexType::Set);
}

#[test]
fn half_of_a_decade() {
    let found = find(
        "The trend has characterized the last half of the '80s, and sales \
         will stay flat in the first half of 1990.",
        Some(date(1989, 10, 26)),
    );
    has(&found, "the last half of the '80s", "198", Some("END"));
    has(&found, "the first half of 1990", "1990-H1", None);
}

#[test]
fn today_as_the_present_age_is_not_a_day() {
    let found = find(
        "\"The case of Elian is for today's youth what 40 years of the \
         blockade were,\" he said. Today's rally drew thousands.",
        Some(date(2000, 1, 7)),
    );
    assert!(!found.iter().any(|t| t.text == "today"), "{found:#?}");
    has(&found, "Today", "2000-01-07", None);
}

#[test]
fn the_following_month_and_the_next_morning_follow_the_story() {
    let found = find(
        "In March, the board rejected the offer. The following month, the \
         company put itself up for sale.",
        Some(date(1989, 10, 27)),
    );
    has(&found, "The following month", "1989-04", None);
    let found = find(
        "Elian's great-uncle was taken to a hospital on Feb. 22 and appeared \
         to be reasonably healthy in court the next morning.",
        Some(date(2000, 2, 24)),
    );
    has(&found, "the next morning", "2000-02-23TMO", None);
}

#[test]
fn lengths_written_as_adjectives_and_as_couples() {
    let dct = Some(date(2000, 4, 3));
    let found = find(
        "The family emerged from their third day-long meeting in the \
         decades-long battle, after a week-long stay.",
        dct,
    );
    has(&found, "day-long", "P1D", None);
    has(&found, "decades-long", "PXDE", None);
    has(&found, "week-long", "P1W", None);
    let found = find(
        "\"Over the next couple of years we would not be surprised,\" he said.",
        Some(date(1989, 10, 26)),
    );
    has(&found, "the next couple of years", "P2Y", None);
    // "as" is not a plural noun taking a rate: the month is a length.
    let found = find("The appeal could take as long as a month or two.", dct);
    has(&found, "a month", "P1M", None);
    // A rate is still not annotated.
    let found = find("This will add nearly 700 seats a week on the route.", dct);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn programme_and_paper_titles_are_not_times() {
    let dct = Some(date(1991, 2, 25));
    let found = find(
        "Baker said on ABC's \"This Week\" and on CBS's \"60 Minutes\" that \
         he told VOA Today about it this week.",
        dct,
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    has(&found, "this week", "1991-W09", None);
    let found = find("\"Now we see it,\" he said. Today it rained.", dct);
    has(&found, "Now", "PRESENT_REF", None);
    has(&found, "Today", "1991-02-25", None);
}

#[test]
fn absurd_dates_and_numbers_are_not_dates() {
    let dct = Some(date(2016, 7, 6));
    for text in [
        "The talks were set for February 30.",
        "Forecasts for the year 99999 vary.",
        "He scored 45% in 1,999 trials costing $2016.",
        "Mời quý độc giả theo dõi VOV.VN trên",
        "Le cessez-le-feu entre en vigueur à minuit, selon Damas.",
    ] {
        let found = find(text, dct);
        assert!(
            found
                .iter()
                .all(|t| !t.value.contains("99999") && !t.text.contains("30")),
            "{text}: {found:#?}"
        );
    }
    assert!(find("The talks were set for February 30.", dct).is_empty());
    let numbers = (0..10_000)
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let found = find(&numbers, dct);
    // A reader accepts bare years in prose; nothing else may come of a list of numbers.
    assert!(
        found
            .iter()
            .all(|t| t.kind == TimexType::Date && t.value.len() == 4),
        "{found:?}"
    );
}

#[test]
fn expressions_at_the_edges_of_the_text() {
    let dct = Some(date(2016, 7, 6));
    has(&find("Yesterday", dct), "Yesterday", "2016-07-05", None);
    has(&find("It ended in 2015", dct), "2015", "2015", None);
    has(&find("July 6", dct), "July 6", "2016-07-06", None);
    assert!(find("", dct).is_empty());
    assert!(find("-", dct).is_empty());
    assert!(find("Sept.", dct).is_empty());
}

#[test]
fn offsets_are_characters() {
    let text = "Über Nacht — am 6. — kämpften sie; on July 6 in Zürich, la trêve a tenu.";
    let found = find(text, Some(date(2016, 7, 6)));
    let t = one(&found, "July 6");
    let slice: String = text.chars().skip(t.start).take(t.end - t.start).collect();
    assert_eq!(slice, "July 6");
}

#[test]
fn one_day_after_a_modal_is_some_future_day() {
    let dct = Some(date(2011, 5, 9));
    let found = find(
        "Engineers hope the rover could one day reach the crater; the crew stayed one day.",
        dct,
    );
    has(&found, "one day", "FUTURE_REF", None);
    has(&found, "one day", "P1D", None);
}

#[test]
fn a_march_and_the_future_of_something_are_not_times() {
    let dct = Some(date(2011, 5, 9));
    let found = find(
        "Thousands joined the \"March of the Unemployed\" to debate the future of the mines.",
        dct,
    );
    assert!(found.is_empty(), "{found:#?}");
    // The month and the time to come still are.
    let found = find("Talks resume in March and will go on in the future.", dct);
    has(&found, "March", "2012-03", None);
    has(&found, "the future", "FUTURE_REF", None);
}

#[test]
fn this_years_quarter_is_one_expression() {
    let found = find(
        "Profit in this year's second quarter fell, and next year's first quarter looks worse.",
        Some(date(2013, 8, 1)),
    );
    has(&found, "this year's second quarter", "2013-Q2", None);
    has(&found, "next year's first quarter", "2014-Q1", None);
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn a_quarter_ended_on_a_date_is_named_by_its_middle() {
    let dct = Some(date(2013, 11, 1));
    let found = find("The retailer lost money in the quarter ended July 31.", dct);
    has(&found, "the quarter", "2013-Q2", None);
    let found = find("The bank earned more in the quarter ended Sept. 30.", dct);
    has(&found, "the quarter", "2013-Q3", None);
    let found = find(
        "The chain lost money in the quarter ended Jan. 31.",
        Some(date(2014, 3, 1)),
    );
    has(&found, "the quarter", "2013-Q4", None);
}

#[test]
fn a_named_fiscal_quarter_stays_the_reference() {
    let dct = Some(date(2013, 10, 24));
    let found = find(
        "Acme earned $5 million in the fiscal first quarter. Sales for the quarter ended \
         Sept. 29 rose 9%. In the quarter, it shipped 500 servers, up from 400 in the 2012 period.",
        dct,
    );
    has(&found, "the fiscal first quarter", "2013-Q1", None);
    has(&found, "the quarter", "2013-Q3", None);
    let last: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(last[last.len() - 2..], ["2013-Q1", "2012-Q1"], "{found:#?}");
}

#[test]
fn a_quarter_reported_or_ended_is_over_even_in_its_own_months() {
    let dct = Some(date(2013, 11, 2));
    let found = find(
        "Acme reported a drop in fourth-quarter profit. Sales in the latest period fell 3%.",
        dct,
    );
    has(&found, "the latest period", "2013-Q4", None);
    let found = find(
        "Acme's profit for its fourth quarter ended Sept. 30 fell. Sales in the latest period fell.",
        dct,
    );
    has(&found, "the latest period", "2013-Q4", None);
    // Still ahead: results are for the quarter that last ended.
    let found = find(
        "Acme expects fourth-quarter profit to rise. Sales in the latest period fell 3%.",
        dct,
    );
    has(&found, "the latest period", "2013-Q3", None);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str, published: Option<jiff::civil::Date>) {
        let found = find_timexes(text, &Reference { published });
        let chars: Vec<char> = text.chars().collect();
        let mut last_end = 0;
        for t in &found {
            assert!(t.start < t.end && t.end <= chars.len(), "{t:?}");
            assert!(t.start >= last_end, "overlap or disorder: {found:?}");
            last_end = t.end;
            let slice: String = chars[t.start..t.end].iter().collect();
            assert_eq!(slice, t.text);
        }
        let _ = check_contradictions(text, &found, &Reference { published });
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in any::<String>()) {
            check(&text, Some(jiff::civil::date(2016, 7, 6)));
            check(&text, None);
        }

        #[test]
        fn date_like_text_never_panics(
            text in r"((on|last|next|the|early|mid-|\(|,|GMT|EST|in Damascus|ago|a\.m\.|p\.m\.|[0-9]{1,5}|[0-9]{1,2}:[0-9]{2}|January|Sept\.|May|Friday|week|years|quarter|third|twenty|nineteen|ninety-six|-|/|'s|\n\n) ){0,24}",
            year in 1i16..9999,
        ) {
            check(&text, jiff::civil::Date::new(year, 2, 28).ok());
            check(&text, None);
        }
    }
}

#[test]
fn fractional_durations_keep_their_half() {
    let found = find(
        "Rebels and the army agreed a 2-1/2-year ceasefire after 2 1/2 years of war; \
         talks had dragged on for two and a half years, a year and a half of it in Oslo.",
        Some(date(2016, 7, 6)),
    );
    has(&found, "2-1/2-year", "P2Y6M", None);
    has(&found, "2 1/2 years", "P2Y6M", None);
    has(&found, "two and a half years", "P2Y6M", None);
    has(&found, "a year and a half", "P1Y6M", None);
    let found = find(
        "The siege lasted a year-and-a-half.",
        Some(date(2016, 7, 6)),
    );
    has(&found, "a year-and-a-half", "P1Y6M", None);
    assert!(!found.iter().any(|t| t.text == "2-year"), "{found:#?}");

    let found = find(
        "After a three-and-a-half-month siege and 1.5 years after the 18-month truce, \
         and 2½ years on, more than two and a half years of talks.",
        Some(date(2016, 7, 6)),
    );
    has(&found, "three-and-a-half-month", "P3M15D", None);
    has(&found, "1.5 years", "P1Y6M", None);
    has(&found, "2½ years", "P2Y6M", None);
    has(
        &found,
        "more than two and a half years",
        "P2Y6M",
        Some("MORE_THAN"),
    );
    // The determiner of a length used as an adjective is not part of it.
    has(&found, "18-month", "P18M", None);

    let found = find(
        "Shelling stopped for one and a half hours, then for half an hour, then a \
         half-hour, then a half hour; the town had not been this quiet in half a century.",
        Some(date(2016, 7, 6)),
    );
    has(&found, "one and a half hours", "PT1H30M", None);
    has(&found, "half an hour", "PT30M", None);
    has(&found, "a half-hour", "PT30M", None);
    has(&found, "a half hour", "PT30M", None);
    has(&found, "half a century", "P50Y", None);
}

#[test]
fn halves_without_a_whole_smaller_unit_are_decimals() {
    let found = find(
        "The convoy waited one and a half weeks, 2.5 days at the border and \
         half a day at the gate; the blast lasted 1.5 seconds.",
        Some(date(2016, 7, 6)),
    );
    has(&found, "one and a half weeks", "P1.5W", None);
    has(&found, "2.5 days", "P2DT12H", None);
    has(&found, "half a day", "PT12H", None);
    has(&found, "1.5 seconds", "PT1.5S", None);
    // Other decimals are amounts, not lengths of time.
    let found = find(
        "Prices rose 2.75 years after the war.",
        Some(date(2016, 7, 6)),
    );
    assert!(!found.iter().any(|t| t.text.contains("2.75")), "{found:#?}");
}

#[test]
fn midnight_ends_its_day_however_the_day_is_placed() {
    let published = Some(date(2016, 7, 6));
    for (text, span) in [
        (
            "The truce will start at midnight Friday.",
            "midnight Friday",
        ),
        (
            "The truce will start at midnight on Friday.",
            "midnight on Friday",
        ),
        ("The truce will start Friday midnight.", "Friday midnight"),
        ("The truce will start Friday at midnight.", "midnight"),
    ] {
        let found = find(text, published);
        has(&found, span, "2016-07-08T24:00", None);
    }
    // Any clock time takes the day right before it.
    let found = find("The talks will open Friday at 10 a.m.", published);
    has(&found, "10 a.m.", "2016-07-08T10:00", None);
    // A day named earlier in the sentence, not right before, does not date it.
    let found = find(
        "Talks will resume Friday in Geneva and the truce will start at midnight.",
        published,
    );
    has(&found, "midnight", "2016-07-06T24:00+02:00", None);
    // The GMT time in brackets is the same instant: no contradiction.
    let text = "The truce in Syria will start Friday at midnight (2100 GMT Friday).";
    let reference = Reference::published(date(2016, 7, 6));
    let found = find_timexes(text, &reference);
    has(&found, "midnight", "2016-07-08T24:00+03:00", None);
    assert!(check_contradictions(text, &found, &reference).is_empty());
}

#[test]
fn a_day_right_before_its_clock_time_is_one_expression() {
    let published = Some(date(2016, 7, 6));
    // The same instant whichever comes first, and one timex either way.
    for (text, span) in [
        (
            "Israel said the ceasefire would take effect Sunday midnight.",
            "Sunday midnight",
        ),
        (
            "Israel said the ceasefire would take effect midnight Sunday.",
            "midnight Sunday",
        ),
    ] {
        let found = find(text, published);
        assert_eq!(found.len(), 1, "{found:#?}");
        has(&found, span, "2016-07-10T24:00+03:00", None);
        assert_eq!(found[0].kind, TimexType::Time);
    }
    let found = find(
        "Polls will close Tuesday 8 p.m. and results are expected overnight.",
        published,
    );
    has(&found, "Tuesday 8 p.m.", "2016-07-12T20:00", None);
    // With "at" between them the day and the time stay two expressions.
    let found = find("The rebels will withdraw Friday at noon.", published);
    has(&found, "Friday", "2016-07-08", None);
    has(&found, "noon", "2016-07-08T12:00", None);
}

#[test]
fn fractions_ranges_and_shares_of_a_day() {
    let published = Some(date(2016, 7, 6));
    // A quarter of something is a fraction, not three months.
    let found = find(
        "Junk bonds account for more than a quarter of the entire market.",
        published,
    );
    assert!(found.is_empty(), "{found:#?}");
    let found = find("Profit fell in the quarter.", published);
    assert_eq!(found.len(), 1, "{found:#?}");
    // A length given as a range of units is one length, by its lower bound.
    let found = find(
        "Officials said the hostages probably died within weeks or months of their capture.",
        published,
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    has(&found, "weeks or months", "PXW", None);
    // How much of every day or week: one set of the larger unit.
    let found = find(
        "Police guard the clinic 24 hours a day, seven days a week.",
        published,
    );
    has(&found, "24 hours a day", "P1D", None);
    has(&found, "seven days a week", "P1W", None);
    assert!(found.iter().all(|t| t.kind == TimexType::Set), "{found:#?}");
}

#[test]
fn comparison_compounds_name_no_time() {
    let published = Some(date(1989, 11, 1));
    for text in [
        "The quarter-to-quarter comparison was also enhanced by lower costs.",
        "Retail sales showed year-over-year growth of 4%.",
        "He left the day-to-day running of the company to his son.",
    ] {
        let found = find(text, published);
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
    // A quarter on its own still is one.
    let found = find("The quarter was terrible, analysts said.", published);
    assert_eq!(found.len(), 1, "{found:#?}");
}
