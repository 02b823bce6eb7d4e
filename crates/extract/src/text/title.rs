//! Headline clean-up: the " - Reuters" / " | Gulf News" / " — NBCNews.com"
//! site suffix that scraped titles carry.
//!
//! A suffix is cut only when it looks like a site name: the scraper's
//! `SOURCE:` value, a domain, or a short run of capitalised words. Lowercase
//! attributions that are part of the headline ("… - agencies", "…: Kerry")
//! stay. The site name itself is not kept (the document's site comes from its
//! URL).

const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • "];

/// Words that may appear lowercase inside a site name ("Voice of America").
#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "de", "la", "le", "du", "des", "el", "al", "da", "do", "di", "für", "&",
];

/// `title` without a trailing site name (up to two: "Story | World | Site").
pub(super) fn strip_site_suffix<'a>(title: &'a str, source: Option<&str>) -> &'a str {
    let mut head = title.trim();
    for _ in 0..2 {
        match split_suffix(head, source) {
            Some(shorter) => head = shorter,
            None => break,
        }
    }
    head
}

fn split_suffix<'a>(title: &'a str, source: Option<&str>) -> Option<&'a str> {
    let (at, sep) = SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, *sep)))
        .max_by_key(|&(at, _)| at)?;
    let head = title[..at].trim_end();
    let suffix = title[at + sep.len()..].trim();
    if head.split_whitespace().count() < 3 || suffix.is_empty() {
        return None;
    }
    is_site_name(suffix, source).then_some(head)
}

fn is_site_name(suffix: &str, source: Option<&str>) -> bool {
    if suffix.chars().count() > 40 {
        return false;
    }
    if let Some(source) = source.map(str::trim).filter(|s| !s.is_empty()) {
        let (s, f) = (source.to_lowercase(), suffix.to_lowercase());
        if s.starts_with(&f) || f.starts_with(&s) {
            return true;
        }
    }
    if is_domain(suffix) {
        return true;
    }
    let words: Vec<&str> = suffix.split_whitespace().collect();
    if words.len() > 4 || suffix.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    capitalised(&words[0])
        && words
            .iter()
            .all(|w| capitalised(w) || CONNECTORS.contains(&w.to_lowercase().as_str()))
        && !words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
}

/// "NBCNews.com", "vov.vn", "www.gulfnews.com".
fn is_domain(s: &str) -> bool {
    if s.contains(char::is_whitespace) {
        return false;
    }
    let Some((name, tld)) = s.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_site_suffixes() {
        let cases = [
            (
                "Aid convoy enters besieged, starving Syrian town - Reuters",
                None,
            ),
            (
                "The Latest: Syria Talks Underway in Munich - New York Times",
                Some("New York Times (wire)"),
            ),
            (
                "Kerry: Syrian Cease-fire Agreement Near - Voice of America",
                None,
            ),
            (
                "ISIS Claims Responsibility for Blasts Near Shrine - NBCNews.com",
                None,
            ),
            ("Truce holds in Aleppo | Gulf News", None),
            ("Truce holds in Aleppo | World | Gulf News", None),
        ];
        let expected = [
            "Aid convoy enters besieged, starving Syrian town",
            "The Latest: Syria Talks Underway in Munich",
            "Kerry: Syrian Cease-fire Agreement Near",
            "ISIS Claims Responsibility for Blasts Near Shrine",
            "Truce holds in Aleppo",
            "Truce holds in Aleppo",
        ];
        for ((title, source), want) in cases.iter().zip(expected) {
            assert_eq!(strip_site_suffix(title, *source), want, "{title}");
        }
    }

    #[test]
    fn keeps_headline_attributions() {
        for title in [
            "Syrian PM: Russian air force preparing operation to free Aleppo - agencies",
            "Twin bomb blasts kill 25 in Syria's Homs: monitoring group",
            "Kerry says - at last - a deal is near",
            "Talks - 2016",
            "A - B",
        ] {
            assert_eq!(strip_site_suffix(title, None), title);
        }
    }
}
