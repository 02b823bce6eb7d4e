//! Photo credits and captions: credit lines ("Photo: AFP",
//! "REUTERS/Khalil Ashawi", "(Photo by X/Getty Images)", "Image copyright
//! Getty Images"), captions that carry a credit ("… (Martial Trezzini/AP)",
//! "… OMAR SANADIKI / Reuters"), captions that announce themselves ("FILE
//! PHOTO: …", "In this photo released by …"), present-tense captions that end
//! on a full date ("Kerry, second from left, speaks with … in Amman, Jordan,
//! Feb. 21, 2016."), and the caption just before a bare credit line.
//!
//! Credits need a news or photo agency name or a photo label; a date-ending
//! caption needs a caption verb and no reporting verb, so article sentences
//! that end on a date ("The deal was signed on Feb. 21, 2016.") stay.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::Item;
use super::lexicon::{automaton, contains_word, prefix};
use super::shape::word_count;
use dateline_core::BoilerplateKind as Kind;

/// Photo labels that open a credit line.
#[rustfmt::skip]
static LABEL: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "photo", "photos", "photograph", "photo credit", "photo by", "photos by", "image",
        "image credit", "image copyright", "image caption", "image source", "picture", "pictures",
        "credit", "file photo", "foto", "fotos", "fotografía", "fotografia", "crédit photo",
        "crédit", "bildquelle", "bild", "ảnh", "фото", "صورة", "kaynak", "sumber foto",
    ])
});

/// Caption openers.
#[rustfmt::skip]
static CAPTION_OPENER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "file photo:", "file photo -", "in this photo", "in this image", "in this file photo",
        "in this handout photo", "in this picture", "in this undated photo", "in this frame grab",
        "in this photo taken", "in this combination photo", "this photo", "this image",
        "this handout photo", "in this file image",
    ])
});

/// News and photo agencies that credits name.
#[rustfmt::skip]
static AGENCY: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "reuters", "afp", "ap", "ap photo", "associated press", "getty", "getty images", "epa",
        "epa-efe", "efe", "anadolu", "anadolu agency", "sana", "xinhua", "tass", "sputnik",
        "ria novosti", "handout", "pool", "bloomberg", "dpa", "ansa", "shutterstock", "istock",
        "corbis", "alamy", "ap images", "abaca", "sipa", "zuma", "nurphoto", "upi", "ips", "vna",
        "ttxvn", "irna", "wana", "yonhap", "kyodo", "file", "courtesy",
    ])
});

/// Verbs and phrases captions are written with (present tense).
#[rustfmt::skip]
static CAPTION_VERB: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "speaks", "speak", "gather", "gathers", "stands", "stand", "walks", "walk", "sits", "sit",
        "looks", "look", "holds", "hold", "attends", "attend", "arrives", "arrive", "gestures",
        "gesture", "poses", "pose", "waves", "wave", "rides", "ride", "carry", "carries", "inspect",
        "inspects", "play", "plays", "rest", "rests", "react", "reacts", "listens", "listen",
        "is seen", "are seen", "is pictured", "are pictured", "shakes hands", "shake hands",
        "greets", "greet", "leaves", "meets", "talks", "take part", "takes part", "wait", "waits",
        "flee", "flees", "celebrate", "celebrates", "mourn", "mourns", "pray", "prays", "chant",
        "chants", "watch", "watches", "addresses", "delivers", "receives", "hug", "hugs", "search",
        "searches", "patrol", "patrols", "smoke rises", "rises", "second from left",
        "second from right", "third from left", "third from right", "from left", "from right",
        "(l)", "(r)", "(c)", "center,", "left,", "right,",
    ])
});

/// Reporting verbs that a caption does not use.
#[rustfmt::skip]
static REPORTING: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "said", "says", "told", "according to", "was", "were", "had", "has been", "have been",
        "will", "would",
    ])
});

/// A caption ending on a full date: "…, Feb. 21, 2016." or "… Syria April 6, 2016."
static DATE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:,|\b\p{Lu}\p{L}+)\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})\.$",
    )
    .expect("valid regex")
});

/// A sentence break inside a paragraph: "word. Capital".
static SENTENCE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Ll}{2,}[.!?][\x22”’]?\s+[\x22“]?\p{Lu}").expect("valid regex")
});

/// Whether `p` is a credit line or a caption.
pub(super) fn classify(p: &str) -> bool {
    let words = word_count(p);
    is_credit_line(p, words) || (words <= 80 && (has_trailing_credit(p) || is_caption(p, words)))
}

/// A line that is only a credit.
pub(super) fn is_credit_line(p: &str, words: usize) -> bool {
    if words > 15 {
        return false;
    }
    let inner = p
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(['.', ')'])
        .trim();
    if let Some(end) = prefix(&LABEL, inner) {
        let rest = inner[end..].trim_start();
        if rest.starts_with([':', '/', '|', '-', '–', '—'])
            || rest.is_empty()
            || inner[..end].contains(' ')
        {
            return true;
        }
    }
    is_slash_credit(inner) || (words <= 4 && agency_only(inner))
}

/// "REUTERS/Khalil Ashawi", "Martial Trezzini/AP", "OMAR SANADIKI / Reuters",
/// "AP Photo/Hassan Ammar/File".
fn is_slash_credit(s: &str) -> bool {
    let parts: Vec<&str> = s.split('/').map(str::trim).collect();
    parts.len() >= 2
        && parts.len() <= 4
        && parts.iter().all(|part| {
            !part.is_empty()
                && word_count(part) <= 5
                && part.chars().next().is_some_and(|c| c.is_uppercase())
        })
        && parts.iter().any(|part| contains_word(&AGENCY, part))
}

/// "Getty Images", "AFP", "Reuters" alone on a line.
fn agency_only(s: &str) -> bool {
    let stripped = s.trim_matches(|c: char| !c.is_alphanumeric());
    AGENCY
        .find(stripped)
        .is_some_and(|m| m.start() == 0 && m.end() == stripped.len())
}

/// A caption ending with its credit: "… (Martial Trezzini/AP)", "… (Reuters)",
/// "…June 11, 2016. OMAR SANADIKI / Reuters".
fn has_trailing_credit(p: &str) -> bool {
    let p = p.trim_end();
    if let Some(body) = p.strip_suffix(')')
        && let Some(open) = body.rfind('(')
    {
        let before = body[..open].trim_end();
        let credit = &body[open + 1..];
        let words = word_count(credit);
        if super::shape::ends_sentence(before) && words <= 6 {
            return is_slash_credit(credit) || agency_only(credit) || is_credit_line(credit, words);
        }
    }
    // The last "sentence" is a bare slash credit.
    if let Some(dot) = p.rfind(". ") {
        let tail = &p[dot + 2..];
        if !tail.is_empty() && word_count(tail) <= 6 && tail.contains('/') {
            return is_slash_credit(tail.trim_end_matches('.'));
        }
    }
    false
}

/// A caption by its opening words, or a one-sentence present-tense caption
/// ending on a full date.
fn is_caption(p: &str, words: usize) -> bool {
    if prefix(&CAPTION_OPENER, p).is_some() {
        return true;
    }
    words <= 60
        && DATE_END.is_match(p)
        && !SENTENCE_BREAK.is_match(p)
        && contains_word(&CAPTION_VERB, p)
        && !contains_word(&REPORTING, p)
}

/// A picture caption just before a bare credit line: the Reuters layout
/// "Children play near … Syria April 6, 2016." / "Reuters/Abdalrhman Ismail".
pub(super) fn mark_captions(items: &mut [Item]) {
    for i in 1..items.len() {
        let credit = &items[i];
        if credit.kind != Some(Kind::PhotoCredit)
            || !is_credit_line(&credit.text, word_count(&credit.text))
        {
            continue;
        }
        let before = &items[i - 1];
        let words = word_count(&before.text);
        let caption_like = words <= 70
            && !contains_word(&REPORTING, &before.text)
            && (DATE_END.is_match(&before.text) || contains_word(&CAPTION_VERB, &before.text));
        if before.kind.is_none() && caption_like {
            items[i - 1].kind = Some(Kind::PhotoCredit);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_lines() {
        for p in [
            "Photo: AFP",
            "Photo: Reuters/Jane Doe",
            "(Photo by Jane Doe/Getty Images)",
            "REUTERS/Khalil Ashawi",
            "Reuters/Abdalrhman Ismail",
            "Image copyright Getty Images",
            "File photo",
            "Getty Images",
            "AP Photo/Hassan Ammar, File",
            "Ảnh: TTXVN",
            "Foto: dpa",
        ] {
            assert!(classify(p), "{p}");
        }
    }

    #[test]
    fn captions() {
        for p in [
            "Staffan de Mistura speaks about the task force in Geneva. (Martial Trezzini/AP)",
            "People inspect a damaged site in Damascus, Syria on June 11, 2016. OMAR SANADIKI / Reuters",
            "Airstrikes hit rebel-held areas of Aleppo, including a hospital. (Reuters)",
            "FILE PHOTO: A fighter walks in a street in Aleppo, Syria, March 3, 2016. REUTERS/Jane Doe/File Photo",
            "In this photo released by the official news agency, residents gather at the scene of a blast.",
            "The foreign minister, second from left, speaks with his counterpart before a meeting in Amman, Jordan, Feb. 21, 2016.",
            "The president speaks to a Spanish newspaper in Damascus, Feb. 20, 2016.",
        ] {
            assert!(classify(p), "{p}");
        }
    }

    #[test]
    fn article_sentences_stay() {
        for p in [
            "The deal was signed in Geneva on Feb. 21, 2016.",
            "The two leaders met in Amman, Jordan, Feb. 21, 2016, and said the truce would hold.",
            "Photographers were barred from the area, the ministry said.",
            "Picture the scene: hundreds of trucks waiting at the border.",
            "The Reuters report could not be independently verified.",
            "He said the ceasefire would start at midnight (2200 GMT).",
            "Syrian state media (SANA) reported the attack.",
            "The talks stalled on March 3, 2016. Kerry said he would call Lavrov, Feb. 21, 2016.",
        ] {
            assert!(!classify(p), "{p}");
        }
    }
}
