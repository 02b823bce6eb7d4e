//! TABARI/PETRARCH discard dictionaries: phrases that mark a sentence (or,
//! with a leading `+`, a whole story) as off-topic — sports, weather,
//! entertainment ("BASEBALL", "+TYPHOON", "AFRICAN NATIONS CUP") — so that
//! nothing in it is coded. Phrases match whole upper-case words in order;
//! the last word may take a plural "S". It does not match inside words nor
//! across sentence boundaries for sentence-level entries.

use std::collections::HashMap;

/// Compiled discard phrases, filed under their first word.
#[derive(Debug, Default)]
pub(crate) struct Discards {
    /// first word → (the other words, story-level?)
    by_first: HashMap<String, Vec<(Vec<String>, bool)>>,
}

/// What a discard phrase found in a sentence discards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Discard {
    /// This sentence only.
    Sentence,
    /// The whole text.
    Story,
}

impl Discards {
    /// Parses a discard file: one phrase a line, `#` comments, `+` for
    /// story-level entries.
    pub(crate) fn parse(text: &str) -> Discards {
        let mut d = Discards::default();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let (story, phrase) = match line.strip_prefix('+') {
                Some(rest) => (true, rest),
                None => (false, line),
            };
            let mut words = phrase.split_whitespace().map(|w| w.to_uppercase());
            let Some(first) = words.next() else {
                continue;
            };
            d.by_first
                .entry(first)
                .or_default()
                .push((words.collect(), story));
        }
        d
    }

    /// Whether there are no phrases at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// The strongest discard among the upper-case `words`, if any.
    pub(crate) fn find(&self, words: &[&str]) -> Option<Discard> {
        let mut found = None;
        for (i, &w) in words.iter().enumerate() {
            // "typhoons": a plural matches a one-word phrase
            let (entries, plural) = match self.by_first.get(w) {
                Some(e) => (e, false),
                None => match w.strip_suffix('S').and_then(|s| self.by_first.get(s)) {
                    Some(e) => (e, true),
                    None => continue,
                },
            };
            for (rest, story) in entries {
                let last = rest.len().saturating_sub(1);
                let matches = (!plural || rest.is_empty())
                    && rest.iter().enumerate().all(|(k, r)| {
                        words.get(i + 1 + k).is_some_and(|&x| {
                            x == r || (k == last && x.strip_suffix('S') == Some(r.as_str()))
                        })
                    });
                if !matches {
                    continue;
                }
                if *story {
                    return Some(Discard::Story);
                }
                found = Some(Discard::Sentence);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(d: &Discards, s: &str) -> Option<Discard> {
        let words: Vec<String> = s.split_whitespace().map(|w| w.to_uppercase()).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        d.find(&words)
    }

    const FILE: &str = "# sports and weather\n\
        MONTHS LATER\n\
        AFRICAN NATIONS CUP   # ab 13 Jun 2005\n\
        BASEBALL\n\
        +TYPHOON   # ELH 04 Aug 2009\n\
        +  World Golf Championships\n";

    #[test]
    fn sentence_and_story_discards() {
        let d = Discards::parse(FILE);
        assert!(!d.is_empty());
        assert_eq!(
            find(&d, "Japan beat Cuba in the baseball final on Sunday"),
            Some(Discard::Sentence)
        );
        assert_eq!(
            find(&d, "Egypt hosts the African Nations Cup next year"),
            Some(Discard::Sentence)
        );
        assert_eq!(
            find(&d, "Two typhoons hit the Philippines and baseball stopped"),
            Some(Discard::Story)
        );
        assert_eq!(
            find(&d, "Woods leads the World Golf Championships"),
            Some(Discard::Story)
        );
    }

    #[test]
    fn partial_phrases_and_political_text_are_kept() {
        let d = Discards::parse(FILE);
        assert_eq!(find(&d, "African nations agreed to a cup of tea"), None);
        assert_eq!(
            find(&d, "Three months later the army withdrew"),
            Some(Discard::Sentence)
        );
        assert_eq!(find(&d, "Russia attacked Ukraine months ago"), None);
        assert_eq!(find(&d, "Israel and Hamas agreed a truce"), None);
        assert!(Discards::parse("# only comments\n\n").is_empty());
    }
}
