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
    ("author", BoilerplateKind::Byline),
    ("authors", BoilerplateKind::Byline),
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
    ("print", BoilerplateKind::Other),
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

const POS: u8 = 1;
const NEG: u8 = 2;
const VET: u8 = 4;
const STR: u8 = 8;
const EMB: u8 = 16;

/// Tokens that make an embedded post of a social or share name.
const EMBED: &[&str] = &["embed", "embedded", "tweet", "twitter", "instagram"];

/// Longest token that can match: tokens are packed into a `u128`.
const MAX_TOKEN: usize = 16;

/// A token of up to 16 bytes as one integer (zero-padded).
fn pack(token: &[u8]) -> Option<u128> {
    if token.is_empty() || token.len() > MAX_TOKEN {
        return None;
    }
    let mut bytes = [0u8; MAX_TOKEN];
    bytes[..token.len()].copy_from_slice(token);
    Some(u128::from_be_bytes(bytes))
}

/// Every known token, sorted by its packed form, with its flags and kind.
static TABLE: std::sync::LazyLock<Vec<(u128, u8, Option<BoilerplateKind>)>> =
    std::sync::LazyLock::new(|| {
        let mut table: Vec<(u128, u8, Option<BoilerplateKind>)> = Vec::new();
        let mut add = |token: &str, flags: u8, kind: Option<BoilerplateKind>| {
            let Some(key) = pack(token.as_bytes()) else {
                return;
            };
            match table.iter_mut().find(|(k, _, _)| *k == key) {
                Some(entry) => {
                    entry.1 |= flags;
                    entry.2 = entry.2.or(kind);
                }
                None => table.push((key, flags, kind)),
            }
        };
        for &(token, kind) in BOILERPLATE {
            add(token, 0, Some(kind));
        }
        for &token in VETO {
            add(token, VET, None);
        }
        for &token in POSITIVE {
            add(token, POS, None);
        }
        for &token in NEGATIVE {
            add(token, NEG, None);
        }
        for &token in STRONG {
            add(token, STR, None);
        }
        for &token in EMBED {
            add(token, EMB, None);
        }
        table.sort_by_key(|&(key, _, _)| key);
        table
    });

fn lookup(token: &[u8]) -> Option<(u8, Option<BoilerplateKind>)> {
    let key = pack(token)?;
    let table = &*TABLE;
    let at = table.binary_search_by_key(&key, |&(k, _, _)| k).ok()?;
    table.get(at).map(|&(_, flags, kind)| (flags, kind))
}

/// Splits one class name or id into lowercase ASCII word tokens (on
/// punctuation and camelCase) and calls `f` on each token and on each pair
/// of adjacent tokens written together. Bytes outside ASCII separate
/// tokens; no listed token has them.
fn for_each_token(name: &[u8], mut f: impl FnMut(&[u8])) {
    let mut previous = [0u8; MAX_TOKEN];
    let mut previous_len = 0usize;
    let mut token = [0u8; 2 * MAX_TOKEN];
    let mut len = 0usize;
    let mut too_long = false;
    let mut emit = |token: &mut [u8; 2 * MAX_TOKEN], len: &mut usize, too_long: &mut bool| {
        if *len == 0 && !*too_long {
            return;
        }
        if *too_long {
            previous_len = 0;
        } else {
            f(&token[..*len]);
            if previous_len > 0 && previous_len + *len <= MAX_TOKEN {
                let mut pair = [0u8; MAX_TOKEN];
                pair[..previous_len].copy_from_slice(&previous[..previous_len]);
                pair[previous_len..previous_len + *len].copy_from_slice(&token[..*len]);
                f(&pair[..previous_len + *len]);
            }
            if *len <= MAX_TOKEN {
                previous[..*len].copy_from_slice(&token[..*len]);
                previous_len = *len;
            } else {
                previous_len = 0;
            }
        }
        *len = 0;
        *too_long = false;
    };
    let mut last_lower = false;
    for &c in name {
        if !c.is_ascii_alphanumeric() {
            emit(&mut token, &mut len, &mut too_long);
            last_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && last_lower {
            emit(&mut token, &mut len, &mut too_long);
        }
        last_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        if len < token.len() {
            token[len] = c.to_ascii_lowercase();
            len += 1;
        } else {
            too_long = true;
        }
    }
    emit(&mut token, &mut len, &mut too_long);
}

/// What one attribute (`class` or `id`) says, before the tag and role.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct AttrHints {
    kind: Option<BoilerplateKind>,
    positive: bool,
    negative: bool,
    veto: bool,
    strong: bool,
}

/// Reads one `class` or `id` value.
///
/// Each class name counts on its own: `article-related` is furniture (a
/// furniture token inside the name), `article-content has-sidebar` is not
/// (a content name beside a furniture name).
pub(crate) fn read_attr(attr: &str) -> AttrHints {
    let mut out = AttrHints::default();
    for name in attr.split_ascii_whitespace() {
        let mut name_kind = None;
        let mut name_flags = 0u8;
        for_each_token(name.as_bytes(), |token| {
            if let Some((flags, kind)) = lookup(token) {
                name_flags |= flags;
                if name_kind.is_none() {
                    name_kind = kind;
                }
            }
        });
        out.positive |= name_flags & POS != 0;
        out.negative |= name_flags & NEG != 0;
        out.strong |= name_flags & STR != 0;
        // An embedded post ("social-media-embed") is quoted content,
        // not a share bar.
        if name_flags & EMB != 0
            && matches!(
                name_kind,
                Some(BoilerplateKind::SocialFollow | BoilerplateKind::ShareBar)
            )
        {
            name_kind = None;
        }
        match name_kind {
            Some(kind) => {
                out.negative = true;
                // The first furniture name gives the kind.
                out.kind = out.kind.or(Some(kind));
            }
            None => out.veto |= name_flags & VET != 0,
        }
    }
    out
}

/// Reads the hints of an element from its tag, `class`, `id` and `role`.
#[cfg(test)]
pub(crate) fn hints(tag: Tag, class: Option<&str>, id: Option<&str>, role: Option<&str>) -> Hints {
    let class = class.map(read_attr).unwrap_or_default();
    let id = id.map(read_attr).unwrap_or_default();
    combine(tag, class, id, role)
}

/// The hints of an element from its tag, its read `class` and `id`, and its `role`.
pub(crate) fn combine(tag: Tag, class: AttrHints, id: AttrHints, role: Option<&str>) -> Hints {
    if matches!(tag, Tag::Body | Tag::Html) {
        return Hints::default();
    }
    let mut out = Hints::default();
    for part in [class, id] {
        if part.positive {
            out.weight += 25;
        }
        if part.negative {
            out.weight -= 25;
        }
        out.strong |= part.strong;
        out.kind = out.kind.or(part.kind);
    }
    if class.veto || id.veto || out.strong {
        out.kind = None;
    }
    let role_kind = role.and_then(|role| {
        role.split_ascii_whitespace().find_map(|r| {
            let r = r.as_bytes();
            if [&b"navigation"[..], b"menu", b"menubar", b"search"]
                .iter()
                .any(|k| r.eq_ignore_ascii_case(k))
            {
                Some(BoilerplateKind::Navigation)
            } else if r.eq_ignore_ascii_case(b"contentinfo") {
                Some(BoilerplateKind::Legal)
            } else if [&b"complementary"[..], b"dialog", b"alertdialog", b"banner"]
                .iter()
                .any(|k| r.eq_ignore_ascii_case(k))
            {
                Some(BoilerplateKind::Other)
            } else {
                None
            }
        })
    });
    let tag_kind = match tag {
        Tag::Nav | Tag::Menu => Some(BoilerplateKind::Navigation),
        Tag::Aside | Tag::Footer => Some(BoilerplateKind::Other),
        _ => None,
    };
    out.kind = out.kind.or(role_kind).or(tag_kind);
    out
}

/// Whether a `class` or `id` value names a date (`post-date`, `pubdate`,
/// `article__timestamp`, `published_date`).
pub(crate) fn names_a_date(attr: &str) -> bool {
    // Every name below contains one of these (in any case, across a `-` or
    // `_` split); most class values contain none, and are decided here
    // without tokenising them.
    const PARTS: [&[u8]; 4] = [b"date", b"publish", b"stamp", b"posted"];
    let bytes = attr.as_bytes();
    if !PARTS.iter().any(|part| {
        bytes
            .windows(part.len())
            .any(|window| window.eq_ignore_ascii_case(part))
    }) {
        return false;
    }
    let mut found = false;
    for name in attr.split_ascii_whitespace() {
        for_each_token(name.as_bytes(), |token| {
            found |= matches!(
                token,
                b"date"
                    | b"pubdate"
                    | b"published"
                    | b"publishdate"
                    | b"publisheddate"
                    | b"timestamp"
                    | b"postdate"
                    | b"postedon"
                    | b"articledate"
                    | b"datetime"
            );
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_token(s.as_bytes(), |t| {
            out.push(String::from_utf8_lossy(t).into_owned())
        });
        out
    }

    #[test]
    fn tokens_split_on_punctuation_and_case() {
        assert_eq!(
            tokens("relatedStories"),
            ["related", "stories", "relatedstories"]
        );
        assert_eq!(
            tokens("most-read_x"),
            ["most", "read", "mostread", "x", "readx"]
        );
        assert_eq!(tokens("über-share"), ["ber", "share", "bershare"]);
        assert_eq!(tokens("averyveryverylongtokenindeedreally-ad"), ["ad"]);
    }

    #[test]
    fn every_listed_token_is_found() {
        for (token, kind) in BOILERPLATE {
            assert_eq!(
                lookup(token.as_bytes()).and_then(|(_, k)| k),
                Some(*kind),
                "{token}"
            );
        }
        assert!(lookup(b"commentary").is_none());
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
        assert_eq!(kind("social-media-embed"), None);
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
