//! What an element's tag, `class`, `id` and `role` say about it: page
//! furniture of a known kind, or a likely content container.
//!
//! What it does: splits `class` and `id` into lowercase word tokens (on
//! punctuation and camelCase: `relatedStories` → `related`, `stories`) and
//! matches whole tokens, plus adjacent pairs written together
//! (`most-read` → `mostread`), so `header` is not `head` and `commentary`
//! is not `comment`. Gives a [`BoilerplateKind`] for elements that are
//! furniture and a readability-style weight (−25/+25 per attribute).
//!
//! What it doesn't: decide anything on its own. The content extractor
//! weighs these hints against how much text an element holds.

use dateline_core::BoilerplateKind;

use super::dom::Tag;

/// Tokens that mark an element as furniture of a kind.
const BOILERPLATE: &[(&str, BoilerplateKind)] = &[
    ("comment", BoilerplateKind::Comments),
    ("comments", BoilerplateKind::Comments),
    ("commentlist", BoilerplateKind::Comments),
    ("disqus", BoilerplateKind::Comments),
    ("respond", BoilerplateKind::Comments),
    ("replies", BoilerplateKind::Comments),
    ("share", BoilerplateKind::ShareBar),
    ("shares", BoilerplateKind::ShareBar),
    ("sharing", BoilerplateKind::ShareBar),
    ("sharebar", BoilerplateKind::ShareBar),
    ("sharetools", BoilerplateKind::ShareBar),
    ("sharelinks", BoilerplateKind::ShareBar),
    ("addthis", BoilerplateKind::ShareBar),
    ("sharethis", BoilerplateKind::ShareBar),
    ("sociable", BoilerplateKind::ShareBar),
    ("shariff", BoilerplateKind::ShareBar),
    ("social", BoilerplateKind::SocialFollow),
    ("socials", BoilerplateKind::SocialFollow),
    ("follow", BoilerplateKind::SocialFollow),
    ("related", BoilerplateKind::Related),
    ("relatedposts", BoilerplateKind::Related),
    ("recirc", BoilerplateKind::Related),
    ("recirculation", BoilerplateKind::Related),
    ("outbrain", BoilerplateKind::Related),
    ("taboola", BoilerplateKind::Related),
    ("recommended", BoilerplateKind::Related),
    ("recommendations", BoilerplateKind::Related),
    ("trending", BoilerplateKind::Related),
    ("popular", BoilerplateKind::Related),
    ("mostread", BoilerplateKind::Related),
    ("mostpopular", BoilerplateKind::Related),
    ("readmore", BoilerplateKind::Related),
    ("morestories", BoilerplateKind::Related),
    ("alsoread", BoilerplateKind::Related),
    ("newsletter", BoilerplateKind::Newsletter),
    ("newsletters", BoilerplateKind::Newsletter),
    ("subscribe", BoilerplateKind::Newsletter),
    ("subscription", BoilerplateKind::Newsletter),
    ("signup", BoilerplateKind::Newsletter),
    ("optin", BoilerplateKind::Newsletter),
    ("ad", BoilerplateKind::Advertisement),
    ("ads", BoilerplateKind::Advertisement),
    ("advert", BoilerplateKind::Advertisement),
    ("adverts", BoilerplateKind::Advertisement),
    ("advertisement", BoilerplateKind::Advertisement),
    ("advertising", BoilerplateKind::Advertisement),
    ("sponsor", BoilerplateKind::Advertisement),
    ("sponsored", BoilerplateKind::Advertisement),
    ("dfp", BoilerplateKind::Advertisement),
    ("adsense", BoilerplateKind::Advertisement),
    ("adslot", BoilerplateKind::Advertisement),
    ("adunit", BoilerplateKind::Advertisement),
    ("skyscraper", BoilerplateKind::Advertisement),
    ("nav", BoilerplateKind::Navigation),
    ("navbar", BoilerplateKind::Navigation),
    ("navigation", BoilerplateKind::Navigation),
    ("menu", BoilerplateKind::Navigation),
    ("menubar", BoilerplateKind::Navigation),
    ("breadcrumb", BoilerplateKind::Navigation),
    ("breadcrumbs", BoilerplateKind::Navigation),
    ("pagination", BoilerplateKind::Navigation),
    ("pager", BoilerplateKind::Navigation),
    ("masthead", BoilerplateKind::Navigation),
    ("cookie", BoilerplateKind::CookieNotice),
    ("cookies", BoilerplateKind::CookieNotice),
    ("consent", BoilerplateKind::CookieNotice),
    ("gdpr", BoilerplateKind::CookieNotice),
    ("byline", BoilerplateKind::Byline),
    ("caption", BoilerplateKind::PhotoCredit),
    ("credit", BoilerplateKind::PhotoCredit),
    ("credits", BoilerplateKind::PhotoCredit),
    ("copyright", BoilerplateKind::Legal),
    ("sidebar", BoilerplateKind::Other),
    ("widget", BoilerplateKind::Other),
    ("widgets", BoilerplateKind::Other),
    ("footer", BoilerplateKind::Other),
    ("popup", BoilerplateKind::Other),
    ("modal", BoilerplateKind::Other),
    ("overlay", BoilerplateKind::Other),
    ("lightbox", BoilerplateKind::Other),
    ("sronly", BoilerplateKind::Other),
    ("visuallyhidden", BoilerplateKind::Other),
    ("screenreader", BoilerplateKind::Other),
    ("login", BoilerplateKind::Other),
    ("signin", BoilerplateKind::Other),
    ("tags", BoilerplateKind::Other),
    ("taglist", BoilerplateKind::Other),
    ("keywords", BoilerplateKind::Other),
    ("rating", BoilerplateKind::Other),
    ("promo", BoilerplateKind::Other),
    ("shoutbox", BoilerplateKind::Other),
];

/// Tokens that keep an element that also has a furniture token
/// (`article-content sidebar-wrap` is a content wrapper).
const VETO: &[&str] = &[
    "article",
    "articlebody",
    "body",
    "column",
    "content",
    "main",
    "story",
    "storybody",
];

/// Readability's positive hints.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story",
];

/// Readability's negative hints (beyond the furniture tokens).
const NEGATIVE: &[&str] = &[
    "banner", "combx", "contact", "masthead", "media", "meta", "scroll", "shopping", "hidden",
    "hide", "share", "sidebar", "widget", "related", "promo",
];

/// Tokens that name the article body itself.
const STRONG: &[&str] = &[
    "articlebody",
    "storybody",
    "entrycontent",
    "postcontent",
    "articlecontent",
    "storycontent",
    "articletext",
    "storytext",
    "postbody",
    "bodytext",
    "posttext",
    "contentbody",
];

/// What the attributes of one element suggest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Hints {
    /// The element is furniture of this kind.
    pub(crate) kind: Option<BoilerplateKind>,
    /// Readability's class weight: −50…+50.
    pub(crate) weight: i32,
    /// The element names itself the article body.
    pub(crate) strong: bool,
}

/// Splits `s` into lowercase word tokens and calls `f` on each token and on
/// each pair of adjacent tokens written together.
fn for_each_token(s: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    let mut previous = String::new();
    let mut last_lower = false;
    let mut emit = |buf: &mut String, previous: &mut String| {
        if buf.is_empty() {
            return;
        }
        f(buf);
        if !previous.is_empty() {
            let joined = format!("{previous}{buf}");
            f(&joined);
        }
        std::mem::swap(previous, buf);
        buf.clear();
    };
    for c in s.chars() {
        if !c.is_alphanumeric() {
            emit(&mut buf, &mut previous);
            if c.is_whitespace() {
                // A new class name: pairs don't span it.
                previous.clear();
            }
            last_lower = false;
            continue;
        }
        if c.is_uppercase() && last_lower {
            emit(&mut buf, &mut previous);
        }
        last_lower = c.is_lowercase() || c.is_ascii_digit();
        buf.extend(c.to_lowercase());
    }
    emit(&mut buf, &mut previous);
}

/// Reads the hints of an element from its tag, `class`, `id` and `role`.
///
/// Each class name counts on its own: `article-related` is furniture (a
/// furniture token inside the name), `article-content has-sidebar` is not
/// (a content name beside a furniture name).
pub(crate) fn hints(tag: Tag, class: Option<&str>, id: Option<&str>, role: Option<&str>) -> Hints {
    let mut out = Hints::default();
    let mut veto = false;
    for attr in [class, id].into_iter().flatten() {
        let (mut positive, mut negative) = (false, false);
        for name in attr.split_ascii_whitespace() {
            let mut name_kind = None;
            let mut name_veto = false;
            for_each_token(name, |token| {
                if let Some(&(_, kind)) = BOILERPLATE.iter().find(|(t, _)| *t == token) {
                    name_kind.get_or_insert(kind);
                }
                if NEGATIVE.contains(&token) {
                    negative = true;
                }
                if POSITIVE.contains(&token) {
                    positive = true;
                }
                if VETO.contains(&token) {
                    name_veto = true;
                }
                if STRONG.contains(&token) {
                    out.strong = true;
                }
            });
            match name_kind {
                Some(kind) => {
                    negative = true;
                    // The first furniture name gives the kind.
                    out.kind.get_or_insert(kind);
                }
                None => veto |= name_veto,
            }
        }
        if positive {
            out.weight += 25;
        }
        if negative {
            out.weight -= 25;
        }
    }
    if veto || out.strong {
        out.kind = None;
    }
    let role_kind = role.and_then(|role| {
        role.split_ascii_whitespace()
            .find_map(|r| match r.to_ascii_lowercase().as_str() {
                "navigation" | "menu" | "menubar" | "search" => Some(BoilerplateKind::Navigation),
                "contentinfo" => Some(BoilerplateKind::Legal),
                "complementary" | "dialog" | "alertdialog" | "banner" => {
                    Some(BoilerplateKind::Other)
                }
                _ => None,
            })
    });
    let tag_kind = match tag {
        Tag::Nav | Tag::Menu => Some(BoilerplateKind::Navigation),
        Tag::Aside => Some(BoilerplateKind::Other),
        Tag::Footer => Some(BoilerplateKind::Other),
        _ => None,
    };
    out.kind = out.kind.or(role_kind).or(tag_kind);
    if matches!(tag, Tag::Body | Tag::Html) {
        out = Hints::default();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_token(s, |t| out.push(t.to_owned()));
        out
    }

    #[test]
    fn tokens_split_on_punctuation_and_case() {
        assert_eq!(
            tokens("relatedStories"),
            ["related", "stories", "relatedstories"]
        );
        assert_eq!(tokens("most-read x"), ["most", "read", "mostread", "x"]);
        assert_eq!(tokens("a b"), ["a", "b"]);
    }

    #[test]
    fn furniture_by_token_not_substring() {
        let kind = |class| hints(Tag::Div, Some(class), None, None).kind;
        assert_eq!(kind("related-stories"), Some(BoilerplateKind::Related));
        assert_eq!(kind("social-share"), Some(BoilerplateKind::SocialFollow));
        assert_eq!(kind("ad-slot"), Some(BoilerplateKind::Advertisement));
        assert_eq!(kind("commentary"), None);
        assert_eq!(
            kind("header masthead-wrapper"),
            Some(BoilerplateKind::Navigation)
        );
        assert_eq!(kind("header"), None);
        assert_eq!(kind("shadow"), None);
        assert_eq!(kind("most-read"), Some(BoilerplateKind::Related));
        // A content wrapper that also says "sidebar" is kept, but a
        // furniture part of the article is not.
        assert_eq!(kind("article-content has-sidebar"), None);
        assert_eq!(kind("article-related"), Some(BoilerplateKind::Related));
        assert_eq!(kind("main-nav"), Some(BoilerplateKind::Navigation));
    }

    #[test]
    fn tags_roles_and_weights() {
        assert_eq!(
            hints(Tag::Nav, None, None, None).kind,
            Some(BoilerplateKind::Navigation)
        );
        assert_eq!(
            hints(Tag::Div, None, None, Some("navigation")).kind,
            Some(BoilerplateKind::Navigation)
        );
        assert_eq!(
            hints(Tag::Body, Some("sidebar"), None, None),
            Hints::default()
        );
        let h = hints(Tag::Div, Some("entry-content"), Some("post-12"), None);
        assert_eq!(h.weight, 50);
        assert!(h.strong);
        assert_eq!(hints(Tag::Div, Some("share-tools"), None, None).weight, -25);
    }
}
