//! Scraped plain text → article (interim: first line is the title, blank
//! lines separate paragraphs).

use crate::article::Article;

pub(crate) fn extract_text(content: &str) -> Article {
    let mut blocks = content
        .split("\n\n")
        .map(normalise)
        .filter(|b| !b.is_empty());
    let title = blocks.next();
    Article {
        title,
        paragraphs: blocks.collect(),
        ..Article::default()
    }
}

fn normalise(block: &str) -> String {
    block.split_whitespace().collect::<Vec<_>>().join(" ")
}
