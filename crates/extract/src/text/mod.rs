//! Scraped plain text → [`Article`].
//!
//! What it does: reads an optional leading header block (`TITLE:`, `URL:`,
//! `DATE:`/`PUBLISHED:`, `SOURCE:`…), takes the headline from it or from the
//! first non-empty line (without a trailing " - Reuters" / " | Site" suffix),
//! splits the body into whitespace-normalised paragraphs (blank-line blocks of
//! hard-wrapped text, or one paragraph per line), and reads a publication date
//! from the header, or else from a dateline that carries a year
//! ("WASHINGTON, Feb. 27, 2016 (Reuters) -").
//!
//! What it does not do: remove boilerplate (cookie notices, follow lines,
//! "Related" blocks… — that is [`crate::clean`], run on every article), or
//! strip the dateline from the text: "BEIRUT (Reuters) -" is article text.

mod dateline;
mod header;
mod layout;
mod title;

use crate::article::Article;
use dateline_core::PublishedFrom;

/// A first line longer than this that ends like a sentence is body text, not
/// a headline (some scrapes start straight with the lead paragraph).
const MAX_TITLE_CHARS: usize = 250;

/// The article in scraped text `content`: title, url and date from the
/// header block (or the first line and the dateline), body paragraphs
/// normalised but not yet cleaned.
pub(crate) fn extract_text(content: &str) -> Article {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let (header, body) = header::split(content);

    let mut article = Article::default();
    let mut body = body;
    let raw_title = match header
        .title
        .map(layout::normalise)
        .filter(|t| !t.is_empty())
    {
        Some(t) => Some(t),
        None => match first_line(body) {
            // A lone line is the body, not a title over nothing.
            Some((line, rest)) if looks_like_title(line) && first_line(rest).is_some() => {
                body = rest;
                Some(layout::normalise(line))
            }
            _ => None,
        },
    };
    article.title = raw_title.map(|t| title::strip_site_suffix(&t, header.source).to_owned());
    article.paragraphs = layout::paragraphs(body);
    article.url = header
        .url
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_owned);

    if let Some(date) = header.date.and_then(crate::parse_loose_date) {
        article.published = Some(date);
        article.published_from = PublishedFrom::Metadata;
    } else if let Some(date) = article
        .paragraphs
        .iter()
        // A byline line may come before the dateline paragraph.
        .take(2)
        .find_map(|p| dateline::date_in_dateline(p))
    {
        article.published = Some(date);
        article.published_from = PublishedFrom::Text;
    }
    article
}

/// The first non-blank line of `body` and everything after it.
fn first_line(body: &str) -> Option<(&str, &str)> {
    let mut rest = body;
    loop {
        if rest.is_empty() {
            return None;
        }
        let (line, next) = match rest.find('\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        if !layout::is_blank(line) {
            return Some((line, next));
        }
        rest = next;
    }
}

fn looks_like_title(line: &str) -> bool {
    let line = line.trim();
    let long = line.chars().count() > MAX_TITLE_CHARS;
    !(long && line.ends_with(['.', '!', '?', '"', '”']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn header_block_fills_title_url_and_date() {
        let a = extract_text(
            "TITLE: Truce holds in Aleppo - Reuters\nurl: https://example.com/a\n\
             Date: 2016-02-28 10:00:00\nSOURCE: Reuters\n\nBEIRUT (Reuters) - The truce held.\n\nSecond one.\n",
        );
        assert_eq!(a.title.as_deref(), Some("Truce holds in Aleppo"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(a.published, Some(date(2016, 2, 28)));
        assert_eq!(a.published_from, PublishedFrom::Metadata);
        assert_eq!(
            a.paragraphs,
            ["BEIRUT (Reuters) - The truce held.", "Second one."]
        );
    }

    #[test]
    fn first_line_is_the_title_without_header() {
        let a = extract_text("\n\n  Truce holds in Aleppo | Gulf News \n\nThe truce held.\n");
        assert_eq!(a.title.as_deref(), Some("Truce holds in Aleppo"));
        assert_eq!(a.paragraphs, ["The truce held."]);
        assert_eq!(a.published, None);
        assert_eq!(a.published_from, PublishedFrom::None);
    }

    #[test]
    fn header_lines_later_in_the_text_are_body() {
        let a = extract_text("Headline here\n\nTITLE: not a header\nDATE: 2016-01-01\n");
        assert_eq!(a.title.as_deref(), Some("Headline here"));
        assert_eq!(a.published, None);
        assert_eq!(a.paragraphs, ["TITLE: not a header", "DATE: 2016-01-01"]);
    }

    #[test]
    fn a_single_line_is_the_body() {
        let a = extract_text("Rebels said the truce in Aleppo held overnight.\n\n");
        assert_eq!(a.title, None);
        assert_eq!(
            a.paragraphs,
            ["Rebels said the truce in Aleppo held overnight."]
        );
    }

    #[test]
    fn a_long_first_sentence_is_not_a_title() {
        let lead = "word ".repeat(60) + "end.";
        let a = extract_text(&format!("{lead}\n\nMore text."));
        assert_eq!(a.title, None);
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn dateline_with_a_year_gives_a_text_date() {
        let a = extract_text("Headline\n\nWASHINGTON, Feb. 27, 2016 (Reuters) - The truce began.");
        assert_eq!(a.published, Some(date(2016, 2, 27)));
        assert_eq!(a.published_from, PublishedFrom::Text);
        assert_eq!(
            a.paragraphs[0],
            "WASHINGTON, Feb. 27, 2016 (Reuters) - The truce began."
        );
        let a = extract_text("Headline\n\nBEIRUT, Feb 27 (Reuters) - The truce began.");
        assert_eq!(a.published, None);
        let a = extract_text("Headline\n\nBy Jane Doe\n\nPARIS, 17 November 2015: Talks.");
        assert_eq!(a.published, Some(date(2015, 11, 17)));
    }

    #[test]
    fn header_date_wins_over_dateline() {
        let a = extract_text("DATE: 2016-03-01\n\nHeadline\n\nPARIS, Feb. 27, 2016 - Text.");
        assert_eq!(a.published, Some(date(2016, 3, 1)));
        assert_eq!(a.title.as_deref(), Some("Headline"));
    }

    #[test]
    fn empty_and_blank_inputs() {
        let a = extract_text("");
        assert_eq!(a.title, None);
        assert!(a.paragraphs.is_empty());
        let a = extract_text("\u{feff} \n\t\n");
        assert_eq!(a.title, None);
        assert!(a.paragraphs.is_empty());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Pieces that exercise the interesting paths, mixed with noise.
        fn fragment() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("\n".to_owned()),
                Just("\n\n".to_owned()),
                Just("TITLE: A headline - Site\n".to_owned()),
                Just("DATE: 2016-02-27\n".to_owned()),
                Just("By continuing to use the site, you agree to the use of cookies.".to_owned()),
                Just("this linkKerry says".to_owned()),
                Just("Related\n".to_owned()),
                Just("Read more:".to_owned()),
                Just("Mời quý độc giả theo dõi VOV.VN trên".to_owned()),
                Just("(Reporting by Jane Doe; Editing by John Roe)".to_owned()),
                Just("REUTERS/Jane Doe".to_owned()),
                Just("BEIRUT, Feb. 27, 2016 (Reuters) - ".to_owned()),
                Just("The truce held, residents said. ".to_owned()),
                Just("[A headline in brackets]".to_owned()),
                Just("\u{200b}\u{feff}\r\u{a0}".to_owned()),
                "[a-zA-Z .,:()\\[\\]/|\n-]{0,40}",
                any::<String>(),
            ]
        }

        fn document() -> impl Strategy<Value = String> {
            prop::collection::vec(fragment(), 0..24).prop_map(|parts| parts.concat())
        }

        fn assert_from_input(input: &str, piece: &str) -> Result<(), TestCaseError> {
            let visible: String = input
                .chars()
                .filter(|c| !matches!(c, '\u{200b}' | '\u{feff}'))
                .collect();
            for token in piece.split_whitespace() {
                prop_assert!(visible.contains(token), "{token:?} is not in the input");
            }
            Ok(())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn extraction_and_cleaning_only_keep_input_text(input in document()) {
                let article = extract_text(&input);
                let mut removed = Vec::new();
                let kept = crate::clean::clean_paragraphs(
                    article.paragraphs.clone(),
                    article.title.as_deref(),
                    &mut removed,
                );
                for p in kept.iter().chain(article.title.iter()) {
                    prop_assert!(!p.trim().is_empty());
                    assert_from_input(&input, p)?;
                }
                for r in &removed {
                    assert_from_input(&input, &r.text)?;
                }
            }

            #[test]
            fn arbitrary_strings_never_panic(input in any::<String>()) {
                let article = extract_text(&input);
                let mut removed = Vec::new();
                let kept = crate::clean::clean_paragraphs(article.paragraphs, article.title.as_deref(), &mut removed);
                prop_assert!(kept.iter().all(|p| !p.is_empty()));
            }
        }
    }
}
