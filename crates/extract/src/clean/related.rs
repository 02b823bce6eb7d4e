//! "Related" / "Read more" / "See also" / "More from …" / "You may also like"
//! headings (in many languages), the teaser blocks under them, and inline
//! related links ("[How the revolt went astray]", "WATCH: Related video …",
//! "Read more: Kerry heads to Moscow").
//!
//! A heading takes everything after it to the end of the document when what
//! follows reads like teasers (at least two in five paragraphs are headlines
//! or cut-off summaries) or when it comes late and only a little short text
//! follows. Otherwise article text clearly goes on after it, and only the
//! heading and the headline-like lines right under it go.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use dateline_core::BoilerplateKind as Kind;

use super::Item;
use super::lexicon::{automaton, prefix};
use super::shape::{is_headline_like, is_teaser_like, line_key, word_count};

/// Headings of related-content blocks, as whole lines (lexicon keys).
#[rustfmt::skip]
const HEADING_LINES: &[&str] = &[
    "related", "related stories", "related articles", "related news", "related coverage",
    "related content", "related links", "related topics", "related posts", "related reading",
    "read more", "read also", "also read", "see also", "more stories", "more on this story",
    "more on this", "more news", "recommended", "recommended for you", "recommended stories",
    "you may also like", "you might also like", "you may be interested in",
    "you might be interested in", "most read", "most popular", "most viewed", "trending",
    "trending now", "top stories", "latest news", "latest stories", "further reading",
    "editor's picks", "editors picks", "don't miss", "in case you missed it", "what to read next",
    "lire aussi", "à lire aussi", "a lire aussi", "sur le même sujet", "voir aussi", "lea también",
    "leer más", "lee también", "noticias relacionadas", "te puede interesar", "mehr zum thema",
    "lesen sie auch", "das könnte sie auch interessieren", "weitere artikel", "leia também",
    "leia mais", "notícias relacionadas", "veja também", "leggi anche", "potrebbe interessarti",
    "articoli correlati", "tin liên quan", "tin cùng chuyên mục", "xem thêm", "bài liên quan",
    "tin khác", "baca juga", "berita terkait", "artikel terkait", "читайте также", "по теме",
    "اقرأ أيضا", "اقرأ أيضاً", "مواضيع ذات صلة", "ilgili haberler",
    "bunlar da ilginizi çekebilir", "lees ook", "zobacz też", "czytaj także",
];

static HEADINGS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| HEADING_LINES.iter().copied().collect());

/// Headings that name a site or topic: "More from Reuters", "More on Syria".
#[rustfmt::skip]
const HEADING_PREFIXES: &[&str] = &[
    "more from ", "more on ", "also on ", "more stories from ", "more news from ", "more in ",
    "related to ", "plus de ", "más de ", "mehr von ", "mehr aus ",
];

/// Labels of inline links: "Read more: …", "WATCH: …".
#[rustfmt::skip]
static LINK_LABEL: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "read more:", "read also:", "also read:", "related:", "see also:", "watch:", "video:",
        "read:", "listen:", "photos:", "gallery:", "more:", "recommended:", "lire aussi :",
        "lire aussi:", "à lire aussi :", "à lire aussi:", "voir aussi :", "lea también:",
        "leer más:", "lesen sie auch:", "mehr zum thema:", "leia também:", "leia mais:",
        "leggi anche:", "xem thêm:", "tin liên quan:", "baca juga:", "читайте также:", "اقرأ أيضا:",
        "ilgili haber:", "lees ook:",
    ])
});

/// At most this many headline-like lines go with a heading that is followed
/// by article text.
const MAX_LINKS: usize = 6;

/// Whether `p` is a related-content heading.
pub(super) fn is_heading(p: &str) -> bool {
    let words = word_count(p);
    if words > 8 {
        return false;
    }
    let key = line_key(p);
    HEADINGS.contains(key.as_str())
        || HEADING_PREFIXES
            .iter()
            .any(|pre| key.starts_with(pre) && words <= 6 && !super::shape::ends_sentence(p))
}

/// Whether `p` is an inline related link.
pub(super) fn is_inline_link(p: &str) -> bool {
    let words = word_count(p);
    if words > 25 {
        return false;
    }
    let t = p.trim();
    if let Some(inner) = t.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        return !inner.contains(['[', ']']) && is_headline_like(inner);
    }
    prefix(&LINK_LABEL, t).is_some_and(|end| {
        let rest = t[end..].trim();
        !rest.is_empty() && (is_headline_like(rest) || rest.starts_with("http"))
    })
}

/// Marks related blocks: each heading, and the teasers it owns.
pub(super) fn mark_blocks(items: &mut [Item]) {
    let total: usize = items.iter().map(|i| i.text.len()).sum();
    let mut offset = 0;
    let mut i = 0;
    while i < items.len() {
        let at = offset;
        offset += items[i].text.len();
        if items[i].kind.is_some() || !is_heading(&items[i].text) {
            i += 1;
            continue;
        }
        items[i].kind = Some(Kind::Related);
        let after: Vec<usize> = (i + 1..items.len())
            .filter(|&j| items[j].kind.is_none())
            .collect();
        let teasers = after
            .iter()
            .filter(|&&j| is_teaser_like(&items[j].text))
            .count();
        let late = at * 3 >= total * 2;
        let short_tail =
            after.len() <= 4 && after.iter().all(|&j| word_count(&items[j].text) <= 60);
        if !after.is_empty() && (teasers * 5 >= after.len() * 2 || (late && short_tail)) {
            for j in after {
                items[j].kind = Some(Kind::Related);
            }
            return;
        }
        // Article text goes on: take only the links right under the heading.
        for (taken, j) in after.into_iter().enumerate() {
            if taken == MAX_LINKS || !is_headline_like(&items[j].text) {
                break;
            }
            items[j].kind = Some(Kind::Related);
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(texts: &[&str]) -> Vec<Item> {
        texts.iter().map(|t| Item::new(t.to_string())).collect()
    }

    fn kinds(items: &[Item]) -> Vec<Option<Kind>> {
        items.iter().map(|i| i.kind).collect()
    }

    const PROSE: &str = "The ceasefire held in most of the country on Saturday, residents and a monitoring group said, although both sides reported violations overnight.";

    #[test]
    fn headings() {
        for p in [
            "Related",
            "Read more:",
            "READ MORE",
            "See also",
            "More from Reuters",
            "You may also like",
            "Lire aussi",
            "Tin liên quan",
            "Читайте также",
        ] {
            assert!(is_heading(p), "{p}");
        }
        for p in [
            "More from the opposition side came later.",
            "Related issues were discussed.",
            "SIEGE WARFARE",
        ] {
            assert!(!is_heading(p), "{p}");
        }
    }

    #[test]
    fn inline_links() {
        assert!(is_inline_link(
            "[U.S.-Russia cooperation frays as Syria truce falls apart]"
        ));
        assert!(is_inline_link(
            "WATCH: Related video of damage from Homs bombings"
        ));
        assert!(is_inline_link("Read more: Kerry heads to Moscow for talks"));
        assert!(!is_inline_link("[Reuters] The truce held, residents said."));
        assert!(!is_inline_link("Watch: the truce is fragile, he said."));
    }

    #[test]
    fn teaser_block_to_the_end() {
        let mut it = items(&[
            PROSE,
            PROSE,
            "Related",
            "Headline one here",
            "Headline one here",
            "A summary sentence of the first teaser.",
            "Headline two here",
            "A summary sentence of the second teaser.",
        ]);
        mark_blocks(&mut it);
        assert_eq!(kinds(&it)[..2], [None, None]);
        assert!(kinds(&it)[2..].iter().all(|k| *k == Some(Kind::Related)));
    }

    #[test]
    fn heading_followed_by_article_text() {
        let mut it = items(&[
            PROSE,
            "Read more",
            "Kerry heads to Moscow",
            PROSE,
            PROSE,
            PROSE,
            PROSE,
        ]);
        mark_blocks(&mut it);
        assert_eq!(
            kinds(&it),
            [
                None,
                Some(Kind::Related),
                Some(Kind::Related),
                None,
                None,
                None,
                None
            ]
        );
    }

    #[test]
    fn late_heading_with_short_tail() {
        let mut it = items(&[
            PROSE,
            PROSE,
            PROSE,
            PROSE,
            "Read more:",
            "Putin finds much to celebrate in Syria truce",
            "Jane Doe is a correspondent. She covered Iraq for the paper.",
        ]);
        mark_blocks(&mut it);
        assert!(kinds(&it)[4..].iter().all(|k| *k == Some(Kind::Related)));
    }
}
