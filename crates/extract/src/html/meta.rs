//! Page metadata: headline, publication date, canonical URL, declared
//! language, and the JSON-LD article body when a page gives one.
//!
//! What it does: one pass over the DOM collects `<title>`, `<h1>`s, `<meta>`
//! tags (Open Graph, Twitter, Dublin Core, parse.ly, sailthru…), `<link
//! rel=canonical>`, `itemprop` dates, `<time datetime>` inside the article
//! or its header, and JSON-LD objects, then chooses by a fixed order of
//! trust; the page URL's `/2016/02/21/`-style path is the last resort for
//! the date.
//!
//! What it doesn't: look at body text for dates (a dateline in prose is the
//! text extractor's and the annotator's business), or guess a language from
//! text (`language.rs` does that on the cleaned body).

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;
use serde_json::Value;

use super::dom::{AttrName, DOCUMENT, Dom, Edge, Tag};
use crate::parse_loose_date;

/// What the page says about itself.
#[derive(Debug, Default)]
pub(crate) struct Metadata {
    pub(crate) title: Option<String>,
    pub(crate) published: Option<Date>,
    pub(crate) url: Option<String>,
    pub(crate) language: Option<String>,
    /// `articleBody` of a JSON-LD article, whitespace-folded.
    pub(crate) json_ld_body: Option<String>,
}

/// Date sources, most trusted first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum DateSource {
    JsonLdPublished,
    JsonLdCreated,
    ArticlePublishedTime,
    OgPublishedTime,
    ItempropPublished,
    MetaName,
    TimeElement,
    /// Text of an element named as a date (`class="post-date"`) inside the
    /// article or its header.
    DateElement,
}

/// `<meta name|property>` keys that carry the publication date.
const DATE_META: &[(&str, DateSource)] = &[
    ("article:published_time", DateSource::ArticlePublishedTime),
    ("article:published", DateSource::ArticlePublishedTime),
    ("og:published_time", DateSource::OgPublishedTime),
    ("og:article:published_time", DateSource::OgPublishedTime),
    ("datepublished", DateSource::ItempropPublished),
    ("date", DateSource::MetaName),
    ("pubdate", DateSource::MetaName),
    ("publishdate", DateSource::MetaName),
    ("publish-date", DateSource::MetaName),
    ("publish_date", DateSource::MetaName),
    ("published_time", DateSource::MetaName),
    ("published-date", DateSource::MetaName),
    ("article.published", DateSource::MetaName),
    ("article_date_original", DateSource::MetaName),
    ("original-publish-date", DateSource::MetaName),
    ("dc.date.issued", DateSource::MetaName),
    ("dc.date.created", DateSource::MetaName),
    ("dc.date", DateSource::MetaName),
    ("dcterms.issued", DateSource::MetaName),
    ("dcterms.created", DateSource::MetaName),
    ("dcterms.date", DateSource::MetaName),
    ("sailthru.date", DateSource::MetaName),
    ("parsely-pub-date", DateSource::MetaName),
    ("cxenseparse:recs:publishtime", DateSource::MetaName),
    ("citation_publication_date", DateSource::MetaName),
    ("citation_date", DateSource::MetaName),
    ("release_date", DateSource::MetaName),
];

#[derive(Default)]
struct Collected {
    title_tag: Option<String>,
    h1: Vec<String>,
    og_title: Option<String>,
    twitter_title: Option<String>,
    site_name: Option<String>,
    ld: LdArticle,
    dates: Vec<(DateSource, Date)>,
    canonical: Option<String>,
    og_url: Option<String>,
    base: Option<String>,
    html_lang: Option<String>,
    /// The first date-named element outside the article.
    loose_date: Option<Date>,
    content_language: Option<String>,
    og_locale: Option<String>,
}

/// Reads the metadata of `dom`; `page_url` resolves relative links and is
/// the date source of last resort.
pub(crate) fn read(dom: &Dom, page_url: Option<&str>) -> Metadata {
    let mut c = Collected::default();
    // How many open elements make "inside the article or its header".
    let mut in_article = 0usize;
    for edge in dom.traverse(DOCUMENT) {
        let n = match edge {
            Edge::Open(n) => n,
            Edge::Close(n) => {
                if matches!(dom.tag(n), Tag::Article | Tag::Header | Tag::Main) {
                    in_article = in_article.saturating_sub(1);
                }
                continue;
            }
        };
        let tag = dom.tag(n);
        if let Some(prop) = dom.attr(n, AttrName::Itemprop)
            && tag != Tag::Meta
            && has_token(prop, "datePublished")
            && let Some(date) = dom
                .attr(n, AttrName::Datetime)
                .or_else(|| dom.attr(n, AttrName::Content))
                .and_then(parse_loose_date)
                .or_else(|| parse_loose_date(&dom.text_content(n)))
        {
            c.dates.push((DateSource::ItempropPublished, date));
        }
        match tag {
            Tag::Article | Tag::Header | Tag::Main => in_article += 1,
            Tag::Html if c.html_lang.is_none() => {
                c.html_lang = dom.attr(n, AttrName::Lang).map(str::to_owned);
            }
            Tag::Title if c.title_tag.is_none() => {
                c.title_tag = Some(dom.text_content(n)).filter(|t| !t.is_empty());
            }
            Tag::H1 if c.h1.len() < 8 => {
                let text = dom.text_content(n);
                if !text.is_empty() {
                    c.h1.push(text);
                }
            }
            Tag::Meta => read_meta(dom, n, &mut c),
            Tag::Link => {
                let rel = dom.attr(n, AttrName::Rel).unwrap_or("");
                if c.canonical.is_none() && has_token(rel, "canonical") {
                    c.canonical = dom.attr(n, AttrName::Href).map(str::to_owned);
                }
            }
            Tag::Base if c.base.is_none() => {
                c.base = dom.attr(n, AttrName::Href).map(str::to_owned);
            }
            Tag::JsonLd => read_json_ld(&dom.text_content(n), &mut c.ld),
            Tag::Time if in_article > 0 => {
                if let Some(date) = dom.attr(n, AttrName::Datetime).and_then(parse_loose_date) {
                    c.dates.push((DateSource::TimeElement, date));
                }
            }
            _ => {}
        }
        // A visible date in an element that says it is one: inside the
        // article it ranks with the metadata; elsewhere (a site header may
        // show today's date) only below the URL.
        if !matches!(tag, Tag::Meta | Tag::Text)
            && (in_article > 0 || c.loose_date.is_none())
            && [AttrName::Class, AttrName::Id]
                .into_iter()
                .filter_map(|a| dom.attr(n, a))
                .any(super::classify::names_a_date)
        {
            let text = dom.text_content(n);
            if let Some(date) = (text.len() <= 80)
                .then(|| parse_loose_date(&text))
                .flatten()
            {
                if in_article > 0 {
                    c.dates.push((DateSource::DateElement, date));
                } else {
                    c.loose_date = Some(date);
                }
            }
        }
    }
    if let Some(date) = c.ld.pick(|o| o.published.as_ref()) {
        c.dates.push((DateSource::JsonLdPublished, date));
    }
    if let Some(date) = c.ld.pick(|o| o.created.as_ref()) {
        c.dates.push((DateSource::JsonLdCreated, date));
    }
    // The first date of the most trusted kind.
    let published = c
        .dates
        .iter()
        .enumerate()
        .min_by_key(|&(i, &(source, _))| (source, i))
        .map(|(_, &(_, date))| date)
        .or_else(|| page_url.and_then(date_in_url));

    let base = c
        .base
        .as_deref()
        .and_then(|b| resolve(page_url, b))
        .or_else(|| page_url.map(str::to_owned));
    let url = c
        .canonical
        .as_deref()
        .and_then(|u| resolve(base.as_deref(), u))
        .or_else(|| {
            c.og_url
                .as_deref()
                .and_then(|u| resolve(base.as_deref(), u))
        });
    let published = published
        .or_else(|| url.as_deref().and_then(date_in_url))
        .or(c.loose_date);

    let language = [&c.html_lang, &c.content_language, &c.og_locale]
        .into_iter()
        .flatten()
        .find_map(|l| language_code(l));

    Metadata {
        title: choose_title(&c),
        published,
        url,
        language,
        json_ld_body: c.ld.pick(|o| o.body.as_ref()),
    }
}

fn read_meta(dom: &Dom, n: u32, c: &mut Collected) {
    let Some(content) = dom.attr(n, AttrName::Content) else {
        return;
    };
    let content = content.trim();
    if content.is_empty() {
        return;
    }
    for key in [
        AttrName::Property,
        AttrName::Name,
        AttrName::Itemprop,
        AttrName::HttpEquiv,
    ] {
        let Some(key) = dom.attr(n, key) else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let slot = match key.as_str() {
            "og:title" => &mut c.og_title,
            "twitter:title" => &mut c.twitter_title,
            "og:site_name" | "application-name" => &mut c.site_name,
            "og:url" => &mut c.og_url,
            "og:locale" => &mut c.og_locale,
            "content-language" | "language" | "dc.language" => &mut c.content_language,
            _ => {
                if let Some(&(_, source)) = DATE_META.iter().find(|(k, _)| *k == key)
                    && let Some(date) = parse_loose_date(content)
                {
                    c.dates.push((source, date));
                }
                continue;
            }
        };
        if slot.is_none() {
            *slot = Some(fold_whitespace(content));
        }
    }
}

/// Whether the whitespace-separated `list` holds `token` (ASCII case-insensitive).
fn has_token(list: &str, token: &str) -> bool {
    list.split_ascii_whitespace()
        .any(|t| t.eq_ignore_ascii_case(token))
}

fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---- JSON-LD ----

/// The fields of one JSON-LD object that describe a page.
#[derive(Default)]
struct LdObject {
    /// Typed as an article (its fields are the page's own).
    article: bool,
    headline: Option<String>,
    published: Option<Date>,
    created: Option<Date>,
    body: Option<String>,
}

/// All JSON-LD objects of a page with page-level fields, in page order.
#[derive(Default)]
struct LdArticle {
    objects: Vec<LdObject>,
}

impl LdArticle {
    /// A field from the first article object that has it, else from the
    /// first object of any type that has it.
    fn pick<T: Clone>(&self, field: impl Fn(&LdObject) -> Option<&T>) -> Option<T> {
        let in_articles = self.objects.iter().filter(|o| o.article).find_map(&field);
        in_articles
            .or_else(|| self.objects.iter().find_map(&field))
            .cloned()
    }
}

/// Types whose `headline` and dates are the page's own.
fn is_article_type(t: &str) -> bool {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    t.ends_with("Article")
        || t.ends_with("BlogPosting")
        || matches!(
            t,
            "Report" | "LiveBlogPosting" | "Review" | "Recipe" | "HowTo"
        )
}

fn types_of(object: &serde_json::Map<String, Value>) -> impl Iterator<Item = &str> {
    let value = object.get("@type");
    let single = value.and_then(Value::as_str);
    let many = value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str);
    single.into_iter().chain(many)
}

fn read_json_ld(text: &str, out: &mut LdArticle) {
    let value: Value = match serde_json::from_str(text.trim().trim_end_matches(';')) {
        Ok(value) => value,
        Err(_) => {
            // Broken JSON-LD is common (raw newlines in strings, trailing
            // commas): take the date straight from the text.
            let published =
                raw_json_string(text, "datePublished").and_then(|d| parse_loose_date(&d));
            if published.is_some() {
                out.objects.push(LdObject {
                    published,
                    ..LdObject::default()
                });
            }
            return;
        }
    };
    // Iterative walk: objects nest (`@graph`, `mainEntity`), but only as
    // deep as serde_json's own recursion limit allowed.
    let mut stack = vec![&value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(object) => {
                let string = |key: &str| object.get(key).and_then(Value::as_str);
                let found = LdObject {
                    article: types_of(object).any(is_article_type),
                    headline: string("headline")
                        .map(fold_whitespace)
                        .filter(|h| !h.is_empty()),
                    published: string("datePublished").and_then(parse_loose_date),
                    created: string("dateCreated").and_then(parse_loose_date),
                    body: string("articleBody")
                        .filter(|b| !b.trim().is_empty())
                        .map(str::to_owned),
                };
                if found.headline.is_some()
                    || found.published.is_some()
                    || found.created.is_some()
                    || found.body.is_some()
                {
                    out.objects.push(found);
                }
                // Children go on the stack in reverse so they pop in order.
                for key in [
                    "itemListElement",
                    "mainEntityOfPage",
                    "mainEntity",
                    "@graph",
                ] {
                    if let Some(child) = object.get(key) {
                        stack.push(child);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The string value of `"key": "…"` found in malformed JSON text.
fn raw_json_string(text: &str, key: &str) -> Option<String> {
    let quoted = format!("\"{key}\"");
    let at = text.find(&quoted)? + quoted.len();
    let rest = text.get(at..)?.trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest.get(..end)?.to_owned())
}

// ---- title ----

const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " / ", " ~ ",
];

/// Letters and digits, lowercased: what two headline variants share.
fn comparable(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Splits a title at its separators: the parts and the separator after each
/// (`None` for the last).
fn split_title(title: &str) -> Vec<(&str, Option<&'static str>)> {
    let mut parts = Vec::new();
    let mut rest = title;
    loop {
        let next = SEPARATORS
            .iter()
            .filter_map(|sep| rest.find(sep).map(|at| (at, *sep)))
            .min_by_key(|&(at, _)| at);
        match next {
            Some((at, sep)) => {
                parts.push((&rest[..at], Some(sep)));
                rest = &rest[at + sep.len()..];
            }
            None => {
                parts.push((rest, None));
                return parts;
            }
        }
    }
}

/// A `<title>`-like string without its " | Site" / "Site | " parts.
fn strip_site(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    let site = site.map(comparable).filter(|s| !s.is_empty());
    let mut parts = split_title(title);
    if parts.len() < 2 {
        return title.to_owned();
    }
    let longest = parts
        .iter()
        .map(|(p, _)| p.trim().chars().count())
        .max()
        .unwrap_or(0);
    let is_site = |p: &str| site.as_deref() == Some(comparable(p).as_str());
    // Sections and site names: a few words, clearly shorter than the headline.
    let short = |p: &str| {
        let p = p.trim();
        is_site(p) || (word_count(p) <= 4 && p.chars().count() * 4 < longest * 3)
    };
    while parts.len() > 1 && parts.last().is_some_and(|(p, _)| short(p)) {
        parts.pop();
    }
    // A leading part goes only before a separator sites use after their name.
    while parts.len() > 1
        && parts.first().is_some_and(|&(p, sep)| {
            short(p) && (is_site(p) || matches!(sep, Some(" | " | " :: " | " » " | " · " | " • ")))
        })
    {
        parts.remove(0);
    }
    // What is left is one stretch of the original title.
    let (Some(&(first, _)), Some(&(last, _))) = (parts.first(), parts.last()) else {
        return title.to_owned();
    };
    let start = first.as_ptr() as usize - title.as_ptr() as usize;
    let end = last.as_ptr() as usize - title.as_ptr() as usize + last.len();
    title.get(start..end).unwrap_or(title).trim().to_owned()
}

fn choose_title(c: &Collected) -> Option<String> {
    let site = c.site_name.as_deref();
    let ld_headline = c.ld.pick(|o| o.headline.as_ref());
    let metas: Vec<String> = [&c.og_title, &c.twitter_title, &ld_headline, &c.title_tag]
        .into_iter()
        .flatten()
        .map(|t| strip_site(t, site))
        .filter(|t| !t.is_empty())
        .collect();
    // An <h1> that the metadata agrees with is the cleanest form.
    for h1 in &c.h1 {
        let key = comparable(h1);
        if key.chars().count() < 4 {
            continue;
        }
        if metas.iter().any(|m| {
            let m = comparable(m);
            m.contains(&key) && key.len() * 2 >= m.len()
                || key.contains(&m) && m.len() * 2 >= key.len()
        }) {
            return Some(h1.clone());
        }
    }
    metas.into_iter().next().or_else(|| c.h1.first().cloned())
}

// ---- URL, language ----

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // A constant pattern.
    Regex::new(r"(?:^|[/_-])((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2]|[1-9])([/_-]?)(0[1-9]|[12]\d|3[01]|[1-9])(?:$|[/_.-])").unwrap()
});

/// `/2019/nov/18/`, as some sites write it.
static URL_DATE_WORDED: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // A constant pattern.
    Regex::new(r"(?i)(?:^|/)((?:19|20)\d\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(0?[1-9]|[12]\d|3[01])(?:$|[/_.-])").unwrap()
});

/// A date in a URL path: `/2016/02/21/`, `/2016-02-21-slug`, `/20160221/`,
/// `/2016/feb/21/`.
pub(crate) fn date_in_url(url: &str) -> Option<Date> {
    let path = match url.find("://") {
        Some(at) => {
            let rest = url.get(at + 3..)?;
            rest.get(rest.find('/')?..)?
        }
        None => url,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    for caps in URL_DATE.captures_iter(path) {
        let (sep1, sep2) = (caps.get(2)?.as_str(), caps.get(4)?.as_str());
        let (month, day) = (caps.get(3)?.as_str(), caps.get(5)?.as_str());
        // Separated or compact, not a mix; compact needs two-digit parts.
        if sep1 != sep2 || (sep1.is_empty() && (month.len() != 2 || day.len() != 2)) {
            continue;
        }
        let (Ok(y), Ok(m), Ok(d)) = (
            caps.get(1)?.as_str().parse::<i16>(),
            month.parse::<i8>(),
            day.parse::<i8>(),
        ) else {
            continue;
        };
        if let Ok(date) = Date::new(y, m, d) {
            return Some(date);
        }
    }
    let caps = URL_DATE_WORDED.captures(path)?;
    parse_loose_date(&format!(
        "{} {} {}",
        caps.get(3)?.as_str(),
        caps.get(2)?.as_str(),
        caps.get(1)?.as_str()
    ))
}

/// An absolute http(s) URL for `href` relative to `base`.
fn resolve(base: Option<&str>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let url = match url::Url::parse(href) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            url::Url::parse(base?).ok()?.join(href).ok()?
        }
        Err(_) => return None,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// The ISO 639-1 code of a language tag (`en-US`, `pt_BR`, `de`).
fn language_code(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::dom;
    use jiff::civil::date;

    fn meta(html: &str, url: Option<&str>) -> Metadata {
        read(&dom::parse(html), url)
    }

    #[test]
    fn title_prefers_a_matching_h1() {
        let m = meta(
            "<title>Truce holds in Aleppo | The Daily Planet</title>\
             <h1>Truce holds in Aleppo</h1>",
            None,
        );
        assert_eq!(m.title.as_deref(), Some("Truce holds in Aleppo"));
        let m = meta(
            r#"<meta property="og:title" content="Truce holds in Aleppo, monitors say">
               <title>x</title><h1>Weather</h1><h1>Truce holds in Aleppo, monitors say</h1>"#,
            None,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Truce holds in Aleppo, monitors say")
        );
    }

    #[test]
    fn title_tag_loses_site_parts() {
        assert_eq!(
            strip_site("Truce holds in Aleppo - World - Daily Planet", None),
            "Truce holds in Aleppo"
        );
        assert_eq!(
            strip_site("Daily Planet | Truce holds in northern Aleppo", None),
            "Truce holds in northern Aleppo"
        );
        assert_eq!(
            strip_site(
                "Jedi review - shoots for the moon, lands among the stars | Eurogamer",
                Some("Eurogamer")
            ),
            "Jedi review - shoots for the moon, lands among the stars"
        );
        assert_eq!(strip_site("Just a headline", None), "Just a headline");
        let m = meta(
            "<title>Truce holds in Aleppo | Daily Planet</title><h1>Menu</h1>",
            None,
        );
        assert_eq!(m.title.as_deref(), Some("Truce holds in Aleppo"));
    }

    #[test]
    fn dates_in_order_of_trust() {
        let m = meta(
            r#"<meta name="date" content="2016-02-01">
               <meta property="article:published_time" content="2016-02-21T13:07:10+00:00">
               <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2016-02-20"}</script>"#,
            Some("https://example.com/2015/01/01/x"),
        );
        assert_eq!(m.published, Some(date(2016, 2, 20)));
        let m = meta(
            r#"<meta name="date" content="2016-02-01"><meta property="article:published_time" content="2016-02-21">"#,
            None,
        );
        assert_eq!(m.published, Some(date(2016, 2, 21)));
        let m = meta(
            r#"<p><time datetime="2012-01-01">old</time></p><article><time datetime="2016-07-06T01:00">x</time></article>"#,
            None,
        );
        assert_eq!(m.published, Some(date(2016, 7, 6)));
        let m = meta(
            r#"<span itemprop="datePublished" content="2016-03-04">March 4</span>"#,
            None,
        );
        assert_eq!(m.published, Some(date(2016, 3, 4)));
    }

    #[test]
    fn json_ld_graph_and_broken_json() {
        let m = meta(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2010-01-01"},
               {"@type":["NewsArticle"],"headline":"Truce holds","datePublished":"2016-02-27","articleBody":"Body."}]}</script>"#,
            None,
        );
        assert_eq!(m.published, Some(date(2016, 2, 27)));
        assert_eq!(m.title.as_deref(), Some("Truce holds"));
        assert_eq!(m.json_ld_body.as_deref(), Some("Body."));
        let m = meta(
            "<script type=\"application/ld+json\">{\"datePublished\": \"2016-02-27\", \"x\": \"a\nb\",}</script>",
            None,
        );
        assert_eq!(m.published, Some(date(2016, 2, 27)));
    }

    #[test]
    fn date_elements() {
        let m = meta(
            r#"<div class="top-bar"><span class="date">Friday, 8 July 2016</span></div>
               <article><p class="post-date">July 6, 2016</p><p>Text</p></article>"#,
            None,
        );
        assert_eq!(m.published, Some(date(2016, 7, 6)));
        // Outside the article, only below the URL.
        let m = meta(
            r#"<div class="date">8 July 2016</div>"#,
            Some("https://x.com/2016/07/06/truce"),
        );
        assert_eq!(m.published, Some(date(2016, 7, 6)));
        let m = meta(r#"<div class="date">8 July 2016</div>"#, None);
        assert_eq!(m.published, Some(date(2016, 7, 8)));
        let m = meta(r#"<div class="update">8 July 2016</div>"#, None);
        assert_eq!(m.published, None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            date_in_url("https://x.com/commentisfree/2019/nov/18/hong-kong"),
            Some(date(2019, 11, 18))
        );
        assert_eq!(
            date_in_url("https://x.com/2019/november/8"),
            Some(date(2019, 11, 8))
        );
        assert_eq!(date_in_url("https://x.com/2019/news/18"), None);
        assert_eq!(
            date_in_url("https://x.com/2016/02/21/truce"),
            Some(date(2016, 2, 21))
        );
        assert_eq!(
            date_in_url("https://x.com/news/20160221/truce"),
            Some(date(2016, 2, 21))
        );
        assert_eq!(
            date_in_url("https://x.com/2016-02-21-truce"),
            Some(date(2016, 2, 21))
        );
        assert_eq!(
            date_in_url("https://x.com/2016/2/1/truce"),
            Some(date(2016, 2, 1))
        );
        assert_eq!(date_in_url("https://x.com/2016/02/truce"), None);
        assert_eq!(date_in_url("https://x.com/article/12345678"), None);
        assert_eq!(date_in_url("https://x.com/a?d=2016/02/21"), None);
        assert_eq!(date_in_url("https://x.com/2016/02-21/x"), None);
    }

    #[test]
    fn canonical_and_language() {
        let m = meta(
            r#"<html lang="en-GB"><link rel="canonical" href="/news/truce"><meta property="og:url" content="https://other/">"#,
            Some("https://example.com/a/b?x=1"),
        );
        assert_eq!(m.url.as_deref(), Some("https://example.com/news/truce"));
        assert_eq!(m.language.as_deref(), Some("en"));
        let m = meta(
            r#"<meta property="og:locale" content="pt_BR"><meta property="og:url" content="https://e.com/x">"#,
            None,
        );
        assert_eq!(m.language.as_deref(), Some("pt"));
        assert_eq!(m.url.as_deref(), Some("https://e.com/x"));
        assert_eq!(meta(r#"<html lang="x-default">"#, None).language, None);
        assert_eq!(
            meta(r#"<link rel=canonical href="javascript:x">"#, None).url,
            None
        );
    }
}
