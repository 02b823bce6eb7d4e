//! The site (outlet) a URL belongs to, so that every stage counts sources
//! the same way.
//!
//! A site is the registrable domain of the URL's host under the Public
//! Suffix List: `feeds.reuters.com`, `uk.reuters.com` and `www.reuters.com`
//! are all `reuters.com`, `news.bbc.co.uk` is `bbc.co.uk`, while
//! `a.blogspot.com` and `b.blogspot.com` stay two sites. It does not decide
//! whether two domains are one owner (`bbc.com` and `bbc.co.uk` stay two).

/// The site of `url`, lower case; `None` when it has no host. An IP address
/// or a single-label host ("localhost") is its own site.
///
/// ```
/// use dateline_core::site_of_url;
///
/// assert_eq!(site_of_url("http://feeds.Reuters.com/x").as_deref(), Some("reuters.com"));
/// assert_eq!(site_of_url("https://news.bbc.co.uk/1/hi").as_deref(), Some("bbc.co.uk"));
/// assert_eq!(site_of_url("not a url"), None);
/// ```
pub fn site_of_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    let host = match parsed.host()? {
        url::Host::Domain(domain) => domain.trim_end_matches('.').to_ascii_lowercase(),
        ip => return Some(ip.to_string()),
    };
    let site = psl::domain_str(&host).unwrap_or(&host);
    Some(site.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_feeds_and_www_are_one_outlet() {
        for url in [
            "https://www.reuters.com/article/x",
            "http://feeds.reuters.com/~r/Reuters/worldNews/~3/abc",
            "https://uk.reuters.com/article/y",
            "https://REUTERS.COM./z",
        ] {
            assert_eq!(site_of_url(url).as_deref(), Some("reuters.com"), "{url}");
        }
    }

    #[test]
    fn public_suffixes_and_private_platforms_are_respected() {
        let site = |u: &str| site_of_url(u).unwrap_or_default();
        assert_eq!(
            site("http://news.bbc.co.uk/2/hi/middle_east/1.stm"),
            "bbc.co.uk"
        );
        assert_eq!(site("https://www.bbc.com/news/world"), "bbc.com");
        assert_eq!(
            site("https://en.wikipedia.org/wiki/Portal:Current_events"),
            "wikipedia.org"
        );
        assert_ne!(
            site("https://a.blogspot.com/p"),
            site("https://b.blogspot.com/p")
        );
    }

    #[test]
    fn hosts_without_a_domain() {
        assert_eq!(
            site_of_url("http://192.168.0.1:8080/x").as_deref(),
            Some("192.168.0.1")
        );
        assert_eq!(
            site_of_url("http://localhost/x").as_deref(),
            Some("localhost")
        );
        assert_eq!(site_of_url("file:///tmp/a.html"), None);
        assert_eq!(site_of_url(""), None);
    }
}
