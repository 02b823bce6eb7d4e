//! The CAMEO verb dictionary (TABARI/PETRARCH format), compiled once into a
//! map from inflected verb forms to verb blocks and their patterns.

use std::collections::HashMap;

/// A CAMEO code as a pattern or verb line gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Code {
    /// `[---]`: the pattern says "this is not an event".
    Null,
    /// `[190]`.
    One(String),
    /// `[042:043]`: source→target gets the first, target→source the second.
    Pair(String, String),
}

/// One element of a pattern, in order.
#[derive(Clone, Debug)]
pub(crate) enum Elem {
    /// Any of these phrases (a word, or a synset's members).
    Words(Vec<Vec<String>>),
    /// `$`: the source is here.
    Source,
    /// `+`: the target is here.
    Target,
}

/// A pattern: words before and after the verb (`*`), and its code.
#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    pub(crate) pre: Vec<Elem>,
    pub(crate) post: Vec<Elem>,
    pub(crate) code: Code,
    /// How many word elements it has: more words, more specific.
    pub(crate) weight: usize,
}

/// A verb block: its default code and patterns.
#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    pub(crate) name: String,
    pub(crate) code: Option<Code>,
    pub(crate) patterns: Vec<Pattern>,
}

/// A verb form pointing at its block.
#[derive(Clone, Debug)]
pub(crate) struct Form {
    /// Further words of a multi-word verb (`ASK_FOR`), uppercase.
    pub(crate) rest: Vec<String>,
    pub(crate) block: usize,
    /// The verb line's own code, which overrides the block's.
    pub(crate) code: Option<Code>,
    /// The lemma (first word), uppercase.
    pub(crate) lemma: String,
    /// Whether this form is a past tense or participle.
    pub(crate) past: bool,
}

/// The compiled dictionary.
#[derive(Debug, Default)]
pub(crate) struct VerbDict {
    /// First word of a form (uppercase) → the forms starting with it.
    pub(crate) forms: HashMap<String, Vec<Form>>,
    pub(crate) blocks: Vec<Block>,
}

fn parse_code(s: &str) -> Code {
    let s = s.trim();
    if s.is_empty() || s.starts_with("---") {
        return Code::Null;
    }
    match s.split_once(':') {
        Some((a, b)) if !b.trim().starts_with("---") && !b.trim().is_empty() => {
            Code::Pair(a.trim().to_string(), b.trim().to_string())
        }
        Some((a, _)) => Code::One(a.trim().to_string()),
        None => Code::One(s.to_string()),
    }
}

/// Splits `text [code] # comment` into the text and the code.
fn split_code(line: &str) -> (&str, Option<Code>) {
    let line = line.split('#').next().unwrap_or("");
    match (line.rfind('['), line.rfind(']')) {
        (Some(a), Some(b)) if a < b => (&line[..a], Some(parse_code(&line[a + 1..b]))),
        _ => (line, None),
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'A' | b'E' | b'I' | b'O' | b'U')
}

/// Regular English inflections of a verb (uppercase): 3sg, past, gerund.
/// Doubling of a final consonant is generated both ways (`BAN` → `BANNED`,
/// `VISIT` → `VISITED`): overgenerating is harmless for lookup.
pub(crate) fn inflect(base: &str) -> Vec<(String, bool)> {
    let b = base.as_bytes();
    let n = b.len();
    let mut out = vec![(base.to_string(), false)];
    if n < 2 {
        return out;
    }
    let last = b[n - 1];
    let prev = b[n - 2];
    // 3rd person singular
    if base.ends_with('S')
        || base.ends_with('X')
        || base.ends_with('Z')
        || base.ends_with("CH")
        || base.ends_with("SH")
        || base.ends_with('O')
    {
        out.push((format!("{base}ES"), false));
    } else if last == b'Y' && !is_vowel(prev) {
        out.push((format!("{}IES", &base[..n - 1]), false));
    } else {
        out.push((format!("{base}S"), false));
    }
    // past and gerund
    if last == b'E' {
        out.push((format!("{base}D"), true));
        if prev == b'E' {
            out.push((format!("{base}ING"), false));
        } else {
            out.push((format!("{}ING", &base[..n - 1]), false));
        }
    } else if last == b'Y' && !is_vowel(prev) {
        out.push((format!("{}IED", &base[..n - 1]), true));
        out.push((format!("{base}ING"), false));
    } else {
        out.push((format!("{base}ED"), true));
        out.push((format!("{base}ING"), false));
        let cvc = n >= 3
            && !is_vowel(last)
            && !matches!(last, b'W' | b'X' | b'Y')
            && is_vowel(prev)
            && !is_vowel(b[n - 3]);
        if cvc {
            let l = last as char;
            out.push((format!("{base}{l}ED"), true));
            out.push((format!("{base}{l}ING"), false));
        }
    }
    out
}

fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_uppercase)
        .collect()
}

impl VerbDict {
    /// Parses the dictionary text. Malformed lines are skipped: the file is
    /// bundled, and a stray line must not cost the rest.
    pub(crate) fn parse(text: &str) -> VerbDict {
        let mut synsets: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        let mut dict = VerbDict::default();
        let mut section = 0u8; // 0 synsets, 1 verbs, 2 transformations
        let mut current_syn: Option<String> = None;
        for raw in text.lines() {
            let line = raw.trim_end();
            if line.starts_with("####### VERB PATTERNS") {
                section = 1;
                continue;
            }
            if line.starts_with("######## TRANSFORMATIONS") {
                section = 2;
                continue;
            }
            let trimmed = line.trim();
            if trimmed.starts_with("<!--") {
                continue;
            }
            // Dictionaries without section headers (the PETRARCH validation
            // verbs) start their verb blocks at the first `---` line.
            if section == 0 && trimmed.starts_with("---") {
                section = 1;
            }
            if trimmed.is_empty() || trimmed.starts_with('#') {
                if trimmed.is_empty() {
                    current_syn = None;
                }
                continue;
            }
            match section {
                0 => {
                    if let Some(name) = trimmed.strip_prefix('&') {
                        let name = name.split_whitespace().next().unwrap_or("").to_string();
                        synsets.entry(name.clone()).or_default();
                        current_syn = Some(name);
                    } else if let (Some(m), Some(name)) = (trimmed.strip_prefix('+'), &current_syn)
                    {
                        let m = m.split('#').next().unwrap_or("").trim();
                        let m = m.trim_end_matches(|c: char| c.is_whitespace());
                        let w = words_of(m);
                        if !w.is_empty() {
                            synsets.entry(name.clone()).or_default().push(w);
                        }
                    }
                }
                1 => dict.verb_line(trimmed, &synsets),
                _ => {}
            }
        }
        dict
    }

    fn verb_line(&mut self, line: &str, synsets: &HashMap<String, Vec<Vec<String>>>) {
        if let Some(head) = line.strip_prefix("---") {
            let (name, code) = split_code(head);
            self.blocks.push(Block {
                name: name.trim().trim_matches('-').trim().to_string(),
                code,
                patterns: Vec::new(),
            });
            return;
        }
        let Some(block) = self.blocks.len().checked_sub(1) else {
            return;
        };
        if let Some(pat) = line.strip_prefix('-') {
            if let Some(p) = parse_pattern(pat, synsets)
                && let Some(b) = self.blocks.get_mut(block)
            {
                b.patterns.push(p);
            }
            return;
        }
        if line.starts_with('~') {
            return;
        }
        // A verb line: `VERB {FORMS} [code]` or `+MULTI_WORD {+FORMS}`.
        let (body, code) = split_code(line);
        let (base, forms) = match (body.find('{'), body.find('}')) {
            (Some(a), Some(b)) if a < b => (&body[..a], Some(&body[a + 1..b])),
            _ => (body, None),
        };
        let base = base.trim().trim_start_matches('+');
        if base.is_empty() || base.contains(char::is_whitespace) {
            return;
        }
        let base_words = words_of(base);
        let Some(lemma) = base_words.first().cloned() else {
            return;
        };
        let mut all: Vec<(Vec<String>, bool)> = Vec::new();
        match forms {
            Some(f) if !f.trim().is_empty() => {
                all.push((base_words.clone(), false));
                for form in f.split_whitespace() {
                    let w = words_of(form.trim_start_matches('+'));
                    // listed irregular forms: past unless a gerund or a 3rd person -s
                    let past = w.first().is_some_and(|x| {
                        x.ends_with("ED") || !(x.ends_with("ING") || x.ends_with('S'))
                    });
                    all.push((w, past));
                }
                // Irregulars list their forms, but a regular 3sg may be missing.
                for (f, past) in inflect(&lemma) {
                    if !past && f.ends_with('S') {
                        let mut w = base_words.clone();
                        w[0] = f;
                        all.push((w, false));
                    }
                }
            }
            _ => {
                for (f, past) in inflect(&lemma) {
                    let mut w = base_words.clone();
                    w[0] = f;
                    all.push((w, past));
                }
            }
        }
        for (w, past) in all {
            let mut it = w.into_iter();
            let Some(first) = it.next() else { continue };
            let form = Form {
                rest: it.collect(),
                block,
                code: code.clone(),
                lemma: lemma.clone(),
                past,
            };
            let v = self.forms.entry(first).or_default();
            if !v
                .iter()
                .any(|f| f.block == form.block && f.rest == form.rest && f.code == form.code)
            {
                v.push(form);
            }
        }
    }
}

fn parse_pattern(text: &str, synsets: &HashMap<String, Vec<Vec<String>>>) -> Option<Pattern> {
    let (body, code) = split_code(text);
    let code = code?;
    let cleaned: String = body
        .chars()
        .map(|c| match c {
            '{' | '}' | '(' | ')' => ' ',
            c => c,
        })
        .collect();
    let mut pre = Vec::new();
    let mut post = Vec::new();
    let mut seen_star = false;
    let mut weight = 0;
    for tok in cleaned.split_whitespace() {
        let elem = match tok {
            "*" => {
                seen_star = true;
                continue;
            }
            "$" => Elem::Source,
            "+" => Elem::Target,
            "%" | "^" => continue,
            t if t.starts_with('&') => {
                let members = synsets.get(&t[1..]).cloned().unwrap_or_default();
                if members.is_empty() {
                    return None;
                }
                weight += 1;
                Elem::Words(members)
            }
            t => {
                let w = words_of(t);
                if w.is_empty() {
                    continue;
                }
                weight += 1;
                Elem::Words(vec![w])
            }
        };
        if seen_star {
            post.push(elem);
        } else {
            pre.push(elem);
        }
    }
    if !seen_star {
        return None;
    }
    Some(Pattern {
        pre,
        post,
        code,
        weight,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_inflections() {
        let f: Vec<String> = inflect("BAN").into_iter().map(|x| x.0).collect();
        assert!(f.contains(&"BANNED".to_string()));
        assert!(f.contains(&"BANS".to_string()));
        let f: Vec<String> = inflect("ACCUSE").into_iter().map(|x| x.0).collect();
        assert!(f.contains(&"ACCUSED".to_string()) && f.contains(&"ACCUSING".to_string()));
        let f: Vec<String> = inflect("DENY").into_iter().map(|x| x.0).collect();
        assert!(f.contains(&"DENIES".to_string()) && f.contains(&"DENIED".to_string()));
    }

    #[test]
    fn bundled_dictionary_parses() {
        let d = VerbDict::parse(super::super::BUNDLED_VERBS);
        assert!(d.blocks.len() > 380, "{}", d.blocks.len());
        let n: usize = d.blocks.iter().map(|b| b.patterns.len()).sum();
        assert!(n > 4000, "{n}");
        assert!(d.forms.contains_key("MET"));
        assert!(d.forms.contains_key("BOMBED"));
    }
}
