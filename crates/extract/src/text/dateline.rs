//! A publication date written in the dateline that opens the first
//! paragraph: "WASHINGTON, Feb. 27, 2016 (Reuters) -", "Paris, 17 November
//! 2015:".
//!
//! Only a full date with a year counts: "BEIRUT, Feb 27 (Reuters) -" gives
//! nothing, since guessing the year would be silent invention. The dateline
//! itself is left in the text.

use jiff::civil::Date;

/// Ends of a dateline: the agency tag or the dash or colon after the place.
const ENDS: &[&str] = &[" (", " — ", " – ", " - ", " -- ", ": "];

/// The dateline must end within this many bytes of the paragraph start.
const MAX_DATELINE: usize = 80;

pub(super) fn date_in_dateline(paragraph: &str) -> Option<Date> {
    let head = match paragraph.char_indices().nth(MAX_DATELINE) {
        Some((i, _)) => &paragraph[..i],
        None => paragraph,
    };
    let end = ENDS.iter().filter_map(|e| head.find(e)).min()?;
    let dateline = &head[..end];
    // Place first, then the date: "WASHINGTON, Feb. 27, 2016".
    let (place, date) = dateline.split_once(',')?;
    if !place.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let date = date.trim();
    if !date.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // "Syria, Feb. 27, 2016": the date may follow a country after the city.
    crate::parse_loose_date(date).or_else(|| {
        let (_, rest) = date.split_once(',')?;
        crate::parse_loose_date(rest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_with_a_year() {
        assert_eq!(
            date_in_dateline("WASHINGTON, Feb. 27, 2016 (Reuters) - The deal."),
            Some(date(2016, 2, 27))
        );
        assert_eq!(
            date_in_dateline("Paris, 17 November 2015: A ceasefire."),
            Some(date(2015, 11, 17))
        );
        assert_eq!(
            date_in_dateline("ALEPPO, Syria, March 3, 2016 — Shelling."),
            Some(date(2016, 3, 3))
        );
    }

    #[test]
    fn no_year_or_no_dateline() {
        assert_eq!(
            date_in_dateline("BEIRUT, Feb 27 (Reuters) - The deal."),
            None
        );
        assert_eq!(date_in_dateline("BEIRUT (Reuters) - The deal."), None);
        assert_eq!(date_in_dateline("Paris: A ceasefire."), None);
        assert_eq!(
            date_in_dateline("On Feb. 27, 2016, the truce began - briefly."),
            None
        );
        assert_eq!(date_in_dateline(""), None);
    }
}
