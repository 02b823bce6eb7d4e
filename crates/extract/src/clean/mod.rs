//! Text-level boilerplate removal, run on the paragraphs of every article
//! (scraped text and HTML alike).
//!
//! What it removes, each recorded in `removed` with its kind: cookie and
//! consent notices (also glued to article text, with any other page's text
//! glued after them), "follow us" lines in many languages, share bars,
//! newsletter prompts, advertising markers, navigation and comment prompts,
//! copyright lines, bylines and wire credit trailers, photo credits and
//! captions, "Related"/"Read more" headings with their teaser blocks and
//! inline related links, and paragraphs repeated (or repeating the title).
//!
//! What it does not do: touch article sentences. Every rule combines a
//! lexicon with the shape of the furniture (a whole short line, a heading
//! followed by teasers, a banner sentence in the second person), so prose
//! that mentions cookies, following or sharing stays. Subheadings
//! ("SIEGE WARFARE"), live-blog time stamps and datelines are article text.
//! HTML-specific furniture (menus, asides) is the HTML extractor's job.

mod byline;
mod cookie;
mod lexicon;
mod lines;
mod photo;
mod related;
mod repeat;
mod shape;

use dateline_core::{BoilerplateKind as Kind, Removed};

/// A paragraph, or part of one cut off by a split, as cleaning goes; `kind`
/// is set once it is known to be boilerplate.
#[derive(Debug)]
struct Item {
    text: String,
    kind: Option<Kind>,
}

impl Item {
    fn new(text: String) -> Item {
        Item { text, kind: None }
    }

    fn removed(text: String, kind: Kind) -> Item {
        Item {
            text,
            kind: Some(kind),
        }
    }
}

/// `paragraphs` without their boilerplate, which is appended to `removed` in
/// document order. `title` is the article's headline, so that a copy of it in
/// the body goes too.
pub(crate) fn clean_paragraphs(
    paragraphs: Vec<String>,
    title: Option<&str>,
    removed: &mut Vec<Removed>,
) -> Vec<String> {
    let mut items = split_glued(paragraphs);
    for item in items.iter_mut().filter(|i| i.kind.is_none()) {
        item.kind = classify(&item.text);
    }
    photo::mark_captions(&mut items);
    mark_bios(&mut items);
    related::mark_blocks(&mut items);
    repeat::mark(&mut items, title);

    let mut kept = Vec::with_capacity(items.len());
    for item in items {
        match item.kind {
            None => kept.push(item.text),
            Some(kind) => removed.push(Removed {
                kind,
                text: item.text,
            }),
        }
    }
    kept
}

/// Furniture that a paragraph is on its own, by shape.
fn classify(p: &str) -> Option<Kind> {
    if !p.chars().any(char::is_alphanumeric) {
        // Separators ("___", "* * *") carry nothing.
        return Some(Kind::Other);
    }
    // No furniture rule applies to a paragraph this long (the longest is a
    // wire credit trailer); most article paragraphs stop here.
    if shape::word_count_exceeds(p, byline::MAX_TRAILER_WORDS) {
        return None;
    }
    if related::is_heading(p) {
        // Claimed later with the block it heads.
        return None;
    }
    if related::is_inline_link(p) {
        return Some(Kind::Related);
    }
    if let Some(kind) = lines::classify(p) {
        return Some(kind);
    }
    if byline::classify(p) {
        return Some(Kind::Byline);
    }
    if photo::classify(p) {
        return Some(Kind::PhotoCredit);
    }
    None
}

/// Splits notices and wire trailers off the paragraphs they are glued to.
/// After a cookie notice glued to the text of another page, everything that
/// follows belongs to that other page.
fn split_glued(paragraphs: Vec<String>) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::with_capacity(paragraphs.len() + 2);
    let mut foreign = false;
    for p in paragraphs {
        if foreign {
            items.push(Item::removed(p, Kind::Other));
            continue;
        }
        let mut rest = p;
        loop {
            let Some(split) = cookie::find(&rest) else {
                push_with_trailer(&mut items, rest);
                break;
            };
            let before = rest[split.before.clone()].trim();
            if !before.is_empty() {
                push_with_trailer(&mut items, before.to_owned());
            }
            let notice = rest[split.notice.clone()].trim();
            items.push(Item::removed(notice.to_owned(), Kind::CookieNotice));
            let after = rest[split.after.clone()].trim().to_owned();
            if after.is_empty() {
                break;
            }
            let article_before = items.iter().any(|i| i.kind.is_none());
            if split.glued && article_before {
                items.push(Item::removed(after, Kind::Other));
                foreign = true;
                break;
            }
            rest = after;
        }
    }
    items
}

fn push_with_trailer(items: &mut Vec<Item>, mut p: String) {
    match byline::trailer_start(&p) {
        Some(at) => {
            let trailer = p[at..].trim().to_owned();
            p.truncate(at);
            p.truncate(p.trim_end().len());
            items.push(Item::new(p));
            items.push(Item::removed(trailer, Kind::Byline));
        }
        None => items.push(Item::new(p)),
    }
}

/// A reporter's bio among the last paragraphs still kept.
fn mark_bios(items: &mut [Item]) {
    let last_kept: Vec<usize> = (0..items.len())
        .rev()
        .filter(|&i| items[i].kind.is_none() && !related::is_heading(&items[i].text))
        .take(3)
        .collect();
    for i in last_kept {
        if byline::is_bio(&items[i].text) {
            items[i].kind = Some(Kind::Byline);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(paragraphs: &[&str], title: Option<&str>) -> (Vec<String>, Vec<Removed>) {
        let mut removed = Vec::new();
        let kept = clean_paragraphs(
            paragraphs.iter().map(|p| p.to_string()).collect(),
            title,
            &mut removed,
        );
        (kept, removed)
    }

    #[test]
    fn glued_cookie_notice_and_foreign_page() {
        let (kept, removed) = clean(
            &[
                "The talks resumed on Monday.",
                "\"It will hold,\" he said.We use cookies to improve your experience. By using this site you accept our use of cookies.Peace talks stall as fighting rages",
                "A paragraph of the other page.",
            ],
            None,
        );
        assert_eq!(
            kept,
            ["The talks resumed on Monday.", "\"It will hold,\" he said."]
        );
        let kinds: Vec<Kind> = removed.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [Kind::CookieNotice, Kind::Other, Kind::Other]);
        assert_eq!(removed[1].text, "Peace talks stall as fighting rages");
    }

    #[test]
    fn notice_at_the_top_keeps_what_follows() {
        let (kept, removed) = clean(
            &[
                "This website uses cookies. Accept all cookiesTruce holds in Aleppo",
                "The truce held.",
            ],
            None,
        );
        assert_eq!(kept, ["Truce holds in Aleppo", "The truce held."]);
        assert_eq!(removed[0].kind, Kind::CookieNotice);
    }

    #[test]
    fn glued_wire_trailer() {
        let (kept, removed) = clean(
            &["The talks will resume, he said. (Reporting by Jane Doe; Editing by John Roe)"],
            None,
        );
        assert_eq!(kept, ["The talks will resume, he said."]);
        assert_eq!(removed[0].kind, Kind::Byline);
    }

    #[test]
    fn prose_mentioning_furniture_words_stays() {
        let prose = [
            "Regulators said websites that use cookies must ask for consent, and that fines could follow.",
            "Residents were told to follow the army's instructions on Facebook, a local official said.",
            "He said he would share the proposal with the opposition and follow up in Geneva.",
            "Reporting by state media suggested the deal had collapsed within hours of being signed.",
            "By Tuesday, the truce had collapsed.",
            "Related talks in Vienna were postponed until next month, diplomats said.",
            "SIEGE WARFARE",
            "12:30 p.m.",
        ];
        let (kept, removed) = clean(&prose, None);
        assert_eq!(kept, prose);
        assert!(removed.is_empty(), "{removed:?}");
    }
}
