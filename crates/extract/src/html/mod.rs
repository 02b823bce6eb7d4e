//! HTML page → article (interim placeholder, replaced by the real extractor).

use crate::article::Article;

pub(crate) fn extract_html(_html: &str, _url: Option<&str>) -> Article {
    Article::default()
}
