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
    Words(Phrases),
    /// `$`: the source is here.
    Source,
    /// `+`: the target is here.
    Target,
}

/// The phrases a pattern element stands for, as word ids of
/// [`VerbDict::vocab`], with their first words to rule a position out fast.
#[derive(Clone, Debug)]
pub(crate) struct Phrases {
    pub(crate) alts: Vec<Vec<u32>>,
    /// The phrases' first words, sorted, without repeats.
    pub(crate) firsts: Vec<u32>,
}

impl Phrases {
    fn new(alts: Vec<Vec<u32>>) -> Phrases {
        let mut firsts: Vec<u32> = alts.iter().filter_map(|a| a.first().copied()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        Phrases { alts, firsts }
    }

    /// Whether one of the phrases may start at a word with these ids: its
    /// first word is one of them.
    pub(crate) fn may_start_at(&self, ids: &WordIds) -> bool {
        ids.iter()
            .any(|id| *id != NO_WORD && self.firsts.binary_search(id).is_ok())
    }
}

/// A pattern: words before and after the verb (`*`), and its code.
#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    pub(crate) pre: Vec<Elem>,
    pub(crate) post: Vec<Elem>,
    pub(crate) code: Code,
    /// How many word elements it has: more words, more specific.
    pub(crate) weight: usize,
    /// Whether the last word before the verb and the first after it are
    /// joined to it by `_` ("IN_*", "*_ON"): no word may come between.
    pub(crate) joined: (bool, bool),
}

/// The first-word ids of the word elements' phrases, one list per element.
fn first_words(elems: &[Elem]) -> Vec<Vec<u32>> {
    elems
        .iter()
        .filter_map(|e| match e {
            Elem::Words(phrases) => Some(phrases.firsts.clone()),
            _ => None,
        })
        .collect()
}

/// A multiplicative hasher for word ids and short words (the default
/// SipHash costs more than the lookups it serves; the keys come from the
/// bundled dictionaries and the text, and a collision only costs time).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // FNV-1a
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type IdMap<V> = HashMap<u32, V, std::hash::BuildHasherDefault<IdHasher>>;

/// A map keyed by uppercase words, with the same cheap hasher: the coder
/// looks every word of a text up.
pub(crate) type WordMap<V> = HashMap<String, V, std::hash::BuildHasherDefault<IdHasher>>;

/// Which patterns of a block can match given the words around the verb:
/// each pattern is filed under the first words of one of its word
/// elements (the one with fewest), so a verb only tries the patterns one of
/// whose words is near it.
#[derive(Clone, Debug, Default)]
pub(crate) struct PatternIndex {
    /// Patterns without words (`* +`): always tried.
    always: Vec<u32>,
    /// First word after the verb → patterns.
    post: IdMap<Vec<u32>>,
    /// First word before the verb → patterns.
    pre: IdMap<Vec<u32>>,
}

impl PatternIndex {
    fn build(patterns: &[Pattern]) -> PatternIndex {
        let mut index = PatternIndex::default();
        for (i, p) in patterns.iter().enumerate() {
            let i = i as u32;
            let shortest = |lists: Vec<Vec<u32>>| lists.into_iter().min_by_key(Vec::len);
            let (map, anchor) = match shortest(first_words(&p.post)) {
                Some(a) => (&mut index.post, a),
                None => match shortest(first_words(&p.pre)) {
                    Some(a) => (&mut index.pre, a),
                    None => {
                        index.always.push(i);
                        continue;
                    }
                },
            };
            for w in anchor {
                map.entry(w).or_default().push(i);
            }
        }
        index
    }

    /// The patterns worth trying, in dictionary order, given the word ids
    /// after and before the verb.
    pub(crate) fn candidates<'a>(
        &self,
        post: impl Iterator<Item = &'a WordIds>,
        pre: impl Iterator<Item = &'a WordIds>,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        out.extend_from_slice(&self.always);
        let mut file = |map: &IdMap<Vec<u32>>, ids: &WordIds| {
            for &id in ids {
                if id != NO_WORD
                    && let Some(v) = map.get(&id)
                {
                    out.extend_from_slice(v);
                }
            }
        };
        for ids in post {
            file(&self.post, ids);
        }
        for ids in pre {
            file(&self.pre, ids);
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// A verb block: its default code and patterns.
#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    pub(crate) name: String,
    pub(crate) code: Option<Code>,
    pub(crate) patterns: Vec<Pattern>,
    pub(crate) index: PatternIndex,
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
    pub(crate) forms: WordMap<Vec<Form>>,
    pub(crate) blocks: Vec<Block>,
    /// Every word of the patterns (uppercase) → its id: patterns compare
    /// word ids, not strings.
    pub(crate) vocab: WordMap<u32>,
}

/// The id of a word no pattern uses.
pub(crate) const NO_WORD: u32 = u32::MAX;

/// A sentence word as patterns see it: its own id, then the ids of the
/// singulars it may be the plural of ("TIES" → "TIE"; "TALKES" → "TALK";
/// "PARTIES" → "PARTY"), which only a phrase's last word may match.
pub(crate) type WordIds = [u32; 4];

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

/// Calls `f` with `w` upper-cased and `suffix` appended, built on the
/// stack when short: the words of a text are looked up by the thousand.
fn with_upper<R>(w: &str, suffix: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if let Some(b) = buf.get_mut(..w.len() + suffix.len()) {
        let (head, tail) = b.split_at_mut(w.len());
        head.copy_from_slice(w.as_bytes());
        head.make_ascii_uppercase();
        tail.copy_from_slice(suffix.as_bytes());
        if let Ok(s) = std::str::from_utf8(b) {
            return f(s);
        }
    }
    let mut s = w.to_ascii_uppercase();
    s.push_str(suffix);
    f(&s)
}

fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_uppercase)
        .collect()
}

impl VerbDict {
    fn id(&self, w: &str) -> u32 {
        self.vocab.get(w).copied().unwrap_or(NO_WORD)
    }

    /// The [`WordIds`] of an uppercase word.
    pub(crate) fn word_ids(&self, w: &str) -> WordIds {
        let mut out = [self.id(w), NO_WORD, NO_WORD, NO_WORD];
        if let Some(stem) = w.strip_suffix('S') {
            out[1] = self.id(stem);
            if let Some(stem) = stem.strip_suffix('E') {
                out[2] = self.id(stem);
            }
            if let Some(stem) = w.strip_suffix("IES") {
                out[3] = with_upper(stem, "Y", |y| self.id(y));
            }
        }
        out
    }

    /// Whether a word, in any case, is a form of one of the verbs.
    pub(crate) fn is_verb_form(&self, w: &str) -> bool {
        with_upper(w, "", |w| self.forms.contains_key(w))
    }

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
            if trimmed.starts_with("---") {
                section = section.max(1);
                current_syn = None;
            }
            if trimmed.is_empty() || trimmed.starts_with('#') {
                if trimmed.is_empty() {
                    current_syn = None;
                }
                continue;
            }
            // Synsets may also be defined between verb blocks (the
            // PETRARCH validation verbs define `&ACCORDSYN` there).
            let synset_line =
                trimmed.starts_with('&') || (current_syn.is_some() && trimmed.starts_with('+'));
            match section {
                0 | 1 if synset_line => {
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
        for b in &mut dict.blocks {
            b.index = PatternIndex::build(&b.patterns);
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
                index: PatternIndex::default(),
            });
            return;
        }
        let Some(block) = self.blocks.len().checked_sub(1) else {
            return;
        };
        if let Some(pat) = line.strip_prefix('-') {
            if let Some(p) = parse_pattern(pat, synsets, &mut self.vocab)
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

/// The phrases a pattern token stands for: its words, with each synset in
/// it (`&TIETYPES_RUMORS`, `MEMOS_ON_&TIETYPES`) replaced by each of its
/// members in turn. Synset names may hold underscores (`&FIGHT_OF_WORDS`):
/// the longest name that is a synset wins. `None` when a synset is unknown.
fn expand(token: &str, synsets: &HashMap<String, Vec<Vec<String>>>) -> Option<Vec<Vec<String>>> {
    /// A bound on the cross product of nested synsets.
    const MAX_PHRASES: usize = 256;
    let parts: Vec<&str> = token.split('_').collect();
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    let mut i = 0;
    while i < parts.len() {
        let part = parts[i];
        let Some(first) = part.strip_prefix('&') else {
            for o in &mut out {
                o.extend(words_of(part));
            }
            i += 1;
            continue;
        };
        let mut found = None;
        let mut name = first.to_string();
        for j in i + 1..=parts.len() {
            if j > i + 1 {
                name.push('_');
                name.push_str(parts[j - 1]);
            }
            if let Some(m) = synsets
                .get(&name)
                .or_else(|| synsets.get(&format!("{name}_")))
            {
                found = Some((j, m));
            }
        }
        let (j, members) = found?;
        let mut next = Vec::with_capacity(out.len() * members.len());
        for o in &out {
            for m in members {
                // "+&TIETYPES" inside a synset: a synset of synsets.
                let tails = if m.iter().any(|w| w.starts_with('&')) {
                    expand(&m.join("_"), synsets)?
                } else {
                    vec![m.clone()]
                };
                for t in tails {
                    if next.len() < MAX_PHRASES {
                        let mut p = o.clone();
                        p.extend(t);
                        next.push(p);
                    }
                }
            }
        }
        out = next;
        i = j;
    }
    out.retain(|p| !p.is_empty());
    (!out.is_empty()).then_some(out)
}

/// The ids of phrases, adding new words to the vocabulary.
fn intern(phrases: Vec<Vec<String>>, vocab: &mut WordMap<u32>) -> Vec<Vec<u32>> {
    phrases
        .into_iter()
        .map(|p| {
            p.into_iter()
                .map(|w| {
                    let n = vocab.len() as u32;
                    *vocab.entry(w).or_insert(n)
                })
                .collect()
        })
        .collect()
}

fn parse_pattern(
    text: &str,
    synsets: &HashMap<String, Vec<Vec<String>>>,
    vocab: &mut WordMap<u32>,
) -> Option<Pattern> {
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
    // "*_ON", "IN_*", "WOULD_*_TALKS": words joined to the verb slot by "_"
    // are words of their own that must touch it.
    let mut toks: Vec<&str> = Vec::new();
    let mut joined = (false, false);
    for tok in cleaned.split_whitespace() {
        match tok.split_once('*') {
            Some((before, after)) if tok.len() > 1 => {
                let (before, after) = (before.trim_matches('_'), after.trim_matches('_'));
                joined = (!before.is_empty(), !after.is_empty());
                toks.extend([before, "*", after].into_iter().filter(|t| !t.is_empty()));
            }
            _ => toks.push(tok),
        }
    }
    for tok in toks {
        let elem = match tok {
            "*" => {
                seen_star = true;
                continue;
            }
            "$" => Elem::Source,
            "+" => Elem::Target,
            "%" | "^" => continue,
            t if t.contains('&') => {
                let members = expand(t, synsets)?;
                weight += 1;
                Elem::Words(Phrases::new(intern(members, vocab)))
            }
            t => {
                let w = words_of(t);
                if w.is_empty() {
                    continue;
                }
                weight += 1;
                Elem::Words(Phrases::new(intern(vec![w], vocab)))
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
        joined,
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

    const MINI: &str = "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n--- WELCOME [041] ---\nWELCOME\n\
        - * &TIETYPES_RUMORS ABOUT [915]\n- * MEMOS_ON_&TIETYPES FROM [911]\n\n\
        &LATESYN\n+CLOSER\n+&TIETYPES\n\n--- ACCORD [---] ---\nACCORD\n- INCHING &LATESYN * [083]\n";

    fn phrases(d: &VerbDict, e: &Elem) -> Vec<String> {
        let names: HashMap<u32, &str> = d.vocab.iter().map(|(w, &i)| (i, w.as_str())).collect();
        match e {
            Elem::Words(phrases) => phrases
                .alts
                .iter()
                .map(|a| a.iter().map(|i| names[i]).collect::<Vec<_>>().join(" "))
                .collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn synsets_inside_words_and_between_blocks() {
        let d = VerbDict::parse(MINI);
        let welcome = &d.blocks[0];
        assert_eq!(
            phrases(&d, &welcome.patterns[0].post[0]),
            ["MILITARY RUMORS", "ECONOMIC RUMORS"]
        );
        assert_eq!(
            phrases(&d, &welcome.patterns[1].post[0]),
            ["MEMOS ON MILITARY", "MEMOS ON ECONOMIC"]
        );
        // a synset defined after a verb block, holding another synset
        let accord = &d.blocks[1];
        assert_eq!(
            phrases(&d, &accord.patterns[0].pre[1]),
            ["CLOSER", "MILITARY", "ECONOMIC"]
        );
        // its members are no verbs of the block before
        assert!(!d.forms.contains_key("CLOSER"));
    }

    #[test]
    fn words_joined_to_the_verb_slot_are_words_next_to_it() {
        let d = VerbDict::parse(
            "--- CALLED  [010] ---\nCALLED\n- *_UPON  [097]\n- FAILED_TO_*  [111]\n\
             - SAID WOULD_*_TALKS  [102]\n",
        );
        let called = &d.blocks[0];
        assert_eq!(called.patterns.len(), 3);
        assert_eq!(phrases(&d, &called.patterns[0].post[0]), ["UPON"]);
        assert!(called.patterns[0].pre.is_empty());
        assert_eq!(phrases(&d, &called.patterns[1].pre[0]), ["FAILED TO"]);
        let talks = &called.patterns[2];
        assert_eq!(talks.pre.len(), 2);
        assert_eq!(phrases(&d, &talks.post[0]), ["TALKS"]);
        assert_eq!(talks.weight, 3);
        assert_eq!(called.patterns[0].joined, (false, true));
        assert_eq!(called.patterns[1].joined, (true, false));
        assert_eq!(talks.joined, (true, true));
    }

    #[test]
    fn the_index_files_patterns_under_their_words() {
        let d = VerbDict::parse(MINI);
        let ids = |ws: &[&str]| -> Vec<WordIds> { ws.iter().map(|w| d.word_ids(w)).collect() };
        let mut out = Vec::new();
        let post = ids(&["MEMOS", "ON", "ECONOMIC", "FROM"]);
        d.blocks[0]
            .index
            .candidates(post.iter(), [].iter(), &mut out);
        assert_eq!(out, [1]);
        let post = ids(&["MILITARY", "RUMORS", "ABOUT"]);
        d.blocks[0]
            .index
            .candidates(post.iter(), [].iter(), &mut out);
        assert_eq!(out, [0]);
        // plurals of pattern words count
        assert_eq!(d.word_ids("RUMORSES")[0], NO_WORD);
        assert_eq!(d.word_ids("ABOUTS")[1], d.word_ids("ABOUT")[0]);
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
