//! Body text → paragraphs.
//!
//! Two layouts are told apart per document: hard-wrapped text (lines of at
//! most ~100 characters broken mid-sentence, paragraphs separated by blank
//! lines), whose lines are joined; and everything else, where every non-empty
//! line is a paragraph (one paragraph per line, with or without blank lines
//! between them; a headline printed twice on two lines stays two lines).
//! Whitespace runs (including no-break spaces) become one space; zero-width
//! spaces and byte-order marks are dropped.
//!
//! It does not judge what a paragraph is (article text or boilerplate).

/// A line longer than this is never a hard-wrapped line.
const WRAP_MAX: usize = 100;

/// Whether `line` holds only whitespace.
pub(super) fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{feff}')
}

/// `s` with whitespace runs folded to one space and trimmed.
pub(super) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        let start = out.len();
        if start > 0 {
            out.push(' ');
        }
        out.extend(word.chars().filter(|&c| !is_invisible(c)));
        if out.len() == start + usize::from(start > 0) {
            // The word was only invisible characters.
            out.truncate(start);
        }
    }
    out
}

/// The lines of `body`: `\n`, `\r\n`, or lone `\r` line ends.
fn lines(body: &str) -> Vec<&str> {
    if body.contains('\n') {
        body.split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect()
    } else {
        body.split('\r').collect()
    }
}

/// The paragraphs of `body`, normalised, none empty.
pub(super) fn paragraphs(body: &str) -> Vec<String> {
    let lines = lines(body);
    let mut out = Vec::new();
    if !is_hard_wrapped(&lines) {
        out.extend(lines.iter().map(|l| normalise(l)).filter(|p| !p.is_empty()));
        return out;
    }
    let width = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .max()
        .unwrap_or(0);
    let mut current = String::new();
    for line in &lines {
        if is_blank(line) {
            flush(&mut current, &mut out);
            continue;
        }
        let line = normalise(line);
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&line);
        // A short line that ends a sentence ends its paragraph even without a
        // blank line after it.
        if ends_sentence(&line) && line.chars().count() * 10 < width * 6 {
            flush(&mut current, &mut out);
        }
    }
    flush(&mut current, &mut out);
    out
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    if !current.is_empty() {
        out.push(std::mem::take(current));
    }
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', '\'', ')'])
}

/// Hard-wrapped: no long lines, and most lines followed by another line break
/// mid-sentence.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let non_empty: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let long = non_empty
        .iter()
        .filter(|l| l.chars().count() > WRAP_MAX)
        .count();
    if non_empty.is_empty() || long * 20 > non_empty.len() {
        return false;
    }
    let mut continued = 0;
    let mut wrapped = 0;
    for pair in lines.windows(2) {
        let (line, next) = (pair[0].trim(), pair[1].trim());
        if line.is_empty() || next.is_empty() {
            continue;
        }
        continued += 1;
        let mid_sentence = !ends_sentence(line);
        let next_lower = next.chars().next().is_some_and(char::is_lowercase);
        if mid_sentence && (next_lower || line.chars().count() >= 40) {
            wrapped += 1;
        }
    }
    continued >= 2 && wrapped * 2 >= continued
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_whitespace_and_invisibles() {
        assert_eq!(
            normalise("  a\u{a0}\u{a0}b\t c\u{200b}d \u{200b} "),
            "a b cd"
        );
        assert_eq!(normalise("\u{feff}"), "");
    }

    #[test]
    fn one_paragraph_per_line() {
        let body = "First paragraph that is fairly long and ends here.\nSecond one.\n\nThird.";
        assert_eq!(
            paragraphs(body),
            [
                "First paragraph that is fairly long and ends here.",
                "Second one.",
                "Third."
            ]
        );
    }

    #[test]
    fn headline_printed_twice_stays_two_lines() {
        let long = "x ".repeat(80);
        let body =
            format!("{long}\n\nHeadline of a teaser here\nHeadline of a teaser here\n\n{long}");
        let p = paragraphs(&body);
        assert_eq!(p[1], "Headline of a teaser here");
        assert_eq!(p[2], "Headline of a teaser here");
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let body = "The ceasefire that took effect at midnight held in most\n\
                    areas of the country on Saturday, residents and monitors\n\
                    said, despite reports of scattered violations.\n\
                    \n\
                    Aid convoys were expected to move on Sunday towards the\n\
                    besieged towns, the United Nations said.\n";
        let p = paragraphs(body);
        assert_eq!(p.len(), 2);
        assert!(p[0].starts_with("The ceasefire that took effect at midnight held in most areas"));
        assert!(p[1].ends_with("the United Nations said."));
    }

    #[test]
    fn crlf_and_lone_cr() {
        assert_eq!(paragraphs("One.\r\n\r\nTwo.\r\n"), ["One.", "Two."]);
        assert_eq!(paragraphs("One.\rTwo."), ["One.", "Two."]);
    }
}
