//! Full-text queries in one syntax for both backends.
//!
//! Users write web-search style queries: words (all must match), `"quoted
//! phrases"`, `OR` between two terms, `-word` to exclude. The query is parsed
//! once here and rendered for SQLite FTS5 or for PostgreSQL's
//! `websearch_to_tsquery`, so a query means the same on either backend and
//! no user input can make a syntax error in the database. Hand-written
//! because no crate translates between these two query languages.
//!
//! It does not stem or rank: the databases do (FTS5's porter tokenizer,
//! PostgreSQL's `english` configuration).

/// A parsed query: positive terms with `OR`s between some, and exclusions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct TextQuery {
    parts: Vec<Part>,
    excluded: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Term(String),
    Or,
}

impl TextQuery {
    /// Parses `query`; terms without a letter or digit are dropped.
    pub(crate) fn parse(query: &str) -> TextQuery {
        let mut parts = Vec::new();
        let mut excluded = Vec::new();
        let mut rest = query.trim_start();
        while !rest.is_empty() {
            let negated = rest.starts_with('-');
            let body = if negated { &rest[1..] } else { rest };
            let (term, quoted, after) = match body.strip_prefix('"') {
                Some(inner) => {
                    let end = inner.find('"').unwrap_or(inner.len());
                    (&inner[..end], true, inner.get(end + 1..).unwrap_or(""))
                }
                None => {
                    let end = body
                        .find(|c: char| c.is_whitespace() || c == '"')
                        .unwrap_or(body.len());
                    (&body[..end], false, &body[end..])
                }
            };
            rest = after.trim_start();
            if term == "OR" && !quoted && !negated {
                parts.push(Part::Or);
                continue;
            }
            let words: Vec<&str> = term
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() {
                continue;
            }
            let term = words.join(" ");
            if negated {
                excluded.push(term);
            } else {
                parts.push(Part::Term(term));
            }
        }
        // An OR needs a term on each side.
        let mut cleaned: Vec<Part> = Vec::with_capacity(parts.len());
        for part in parts {
            if part == Part::Or && !matches!(cleaned.last(), Some(Part::Term(_))) {
                continue;
            }
            cleaned.push(part);
        }
        if cleaned.last() == Some(&Part::Or) {
            cleaned.pop();
        }
        TextQuery {
            parts: cleaned,
            excluded,
        }
    }

    /// The query in SQLite FTS5 syntax, or `None` when it has no positive
    /// term (and so matches nothing).
    pub(crate) fn fts5(&self) -> Option<String> {
        let positive = self.render(|term| format!("\"{term}\""), "OR")?;
        if self.excluded.is_empty() {
            return Some(positive);
        }
        let excluded: Vec<String> = self.excluded.iter().map(|t| format!("\"{t}\"")).collect();
        Some(format!("({positive}) NOT ({})", excluded.join(" OR ")))
    }

    /// The query in `websearch_to_tsquery` syntax, or `None` when it has no
    /// positive term.
    pub(crate) fn websearch(&self) -> Option<String> {
        let positive = self.render(|term| format!("\"{term}\""), "or")?;
        let excluded: String = self.excluded.iter().map(|t| format!(" -\"{t}\"")).collect();
        Some(positive + &excluded)
    }

    fn render(&self, quote: impl Fn(&str) -> String, or: &str) -> Option<String> {
        if self.parts.is_empty() {
            return None;
        }
        let rendered: Vec<String> = self
            .parts
            .iter()
            .map(|part| match part {
                Part::Term(term) => quote(term),
                Part::Or => or.to_owned(),
            })
            .collect();
        Some(rendered.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_or_and_exclusions() {
        let q = TextQuery::parse(r#"ceasefire "Aleppo province" OR Homs -Russia"#);
        assert_eq!(
            q.fts5().as_deref(),
            Some(r#"("ceasefire" "Aleppo province" OR "Homs") NOT ("Russia")"#)
        );
        assert_eq!(
            q.websearch().as_deref(),
            Some(r#""ceasefire" "Aleppo province" or "Homs" -"Russia""#)
        );
    }

    #[test]
    fn syntax_characters_cannot_break_the_query() {
        let q = TextQuery::parse(r#"U.S.-led "unclosed AND( NEAR/2 *"#);
        assert_eq!(
            q.fts5().as_deref(),
            Some(r#""U S led" "unclosed AND NEAR 2""#)
        );
        assert_eq!(
            TextQuery::parse("OR truce OR").fts5().as_deref(),
            Some(r#""truce""#)
        );
        assert_eq!(TextQuery::parse("-truce").fts5(), None);
        assert_eq!(TextQuery::parse("  ( ) * ").websearch(), None);
    }
}
