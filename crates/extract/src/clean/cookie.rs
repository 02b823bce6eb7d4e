//! Cookie and consent notices, also when glued to article text.
//!
//! A notice starts with a sentence that names cookies and reads like a
//! banner: it opens like one ("By continuing to use…", "We use cookies…",
//! "Ce site utilise…") or asks for consent in the second person ("…you agree
//! to…", "…vous acceptez…"). It runs on through the sentences that follow it
//! while they are about consent ("You can find out more by clicking this
//! link"), and stops at the first other sentence or at a glue point where a
//! lowercase word runs into a capital with no space ("this linkKerry says…"):
//! what follows a glue point was not on this page's banner.
//!
//! It does not remove prose about cookies ("Regulators said sites that use
//! cookies must…"): no banner opener, no second-person consent, or inside a
//! quotation.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::lexicon::{automaton, contains_word, find_word, prefix};
use super::shape::sentence_spans;

/// A notice longer than this is not a banner.
const MAX_NOTICE: usize = 800;

/// Words for cookies. A notice sentence must contain one.
#[rustfmt::skip]
static COOKIE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "cookie", "cookies", "cookie-файлы", "cookie-файлов", "файлы cookie", "куки", "çerez",
        "çerezler", "çerezleri", "ملفات تعريف الارتباط", "الكوكيز", "كوكيز",
    ])
});

/// How banners open, in several languages.
#[rustfmt::skip]
static OPENER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        // en
        "by continuing", "by using", "by clicking", "by browsing", "by staying", "by visiting",
        "by remaining", "we use", "we and our partners", "this site", "this website", "our site",
        "our website", "this page uses", "cookies help", "cookies are", "cookies",
        "we value your privacy", "continued use of",
        // fr
        "en poursuivant", "en continuant", "en utilisant", "en naviguant", "nous utilisons",
        "ce site",
        // es
        "al continuar", "si continúa", "si continúas", "si sigue navegando", "utilizamos", "usamos",
        "este sitio", "esta web", "al navegar",
        // pt
        "ao continuar", "ao utilizar", "ao usar", "ao navegar", "nós usamos", "este site",
        // de
        "wir verwenden", "wir nutzen", "diese website", "diese seite", "durch die nutzung",
        "durch die weitere nutzung", "wenn sie",
        // it
        "utilizziamo", "usiamo", "questo sito", "proseguendo", "continuando",
        // ru
        "мы используем", "этот сайт", "продолжая", "используя",
        // vi
        "chúng tôi sử dụng", "trang web này", "bằng cách tiếp tục", "khi tiếp tục",
        // tr
        "sitemizde", "bu sitede", "bu web sitesi", "sitemizi kullanarak", "web sitemizde",
        // id
        "kami menggunakan", "situs ini", "dengan melanjutkan", "dengan menggunakan",
        // nl
        "wij gebruiken", "we gebruiken", "deze website", "door verder te gaan",
        // ar
        "نستخدم", "يستخدم هذا الموقع", "باستخدامك", "بمواصلة",
    ])
});

/// Second-person consent wording.
#[rustfmt::skip]
static CONSENT: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "you agree", "you accept", "you consent", "your consent", "you are agreeing",
        "you are accepting", "our use of cookies", "our cookie", "our cookies", "accept cookies",
        "accept all cookies", "vous acceptez", "vous consentez", "votre consentement",
        "usted acepta", "aceptas", "acepta el uso", "aceptar cookies", "sie stimmen", "stimmen sie",
        "akzeptieren sie", "ihre zustimmung", "accetti", "acconsenti", "você concorda",
        "você aceita", "bạn đồng ý", "вы соглашаетесь", "вы принимаете", "вы даете согласие",
        "kabul etmiş olursunuz", "kabul edersiniz", "anda setuju", "anda menyetujui",
        "u gaat akkoord", "فإنك توافق", "توافق على",
    ])
});

/// What the sentences after a banner's first one talk about.
#[rustfmt::skip]
static FOLLOW_UP: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "cookie", "cookies", "privacy", "policy", "consent", "agree", "accept", "settings",
        "preferences", "find out more", "learn more", "more information", "more info", "click here",
        "clicking here", "this link", "opt out", "opt-out", "got it", "ok", "personal data",
        "personalised", "personalized", "browser", "browsing", "en savoir plus",
        "plus d'informations", "politique", "accepter", "paramètres", "más información", "aceptar",
        "política", "privacidad", "configuración", "mehr erfahren", "weitere informationen",
        "mehr informationen", "datenschutz", "akzeptieren", "einstellungen", "saiba mais",
        "mais informações", "aceitar", "privacidade", "maggiori informazioni", "scopri di più",
        "accetta", "accetto", "riservatezza", "tìm hiểu thêm", "đồng ý", "quyền riêng tư",
        "подробнее", "узнать больше", "принять", "согласен", "конфиденциальности",
        "daha fazla bilgi", "kabul", "gizlilik", "selengkapnya", "informasi lebih lanjut", "setuju",
        "privasi", "meer informatie", "akkoord", "الخصوصية", "المزيد",
    ])
});

/// Where a notice sits in a paragraph (byte ranges).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Split {
    /// Text before the notice (maybe empty).
    pub(super) before: Range<usize>,
    /// The notice.
    pub(super) notice: Range<usize>,
    /// Text after the notice (maybe empty).
    pub(super) after: Range<usize>,
    /// Whether `after` is glued to the notice with no space.
    pub(super) glued: bool,
}

/// The first cookie notice in `p`, if any.
pub(super) fn find(p: &str) -> Option<Split> {
    // Cheap gate: nearly every paragraph stops here.
    if !contains_word(&COOKIE, p) {
        return None;
    }
    let spans = sentence_spans(p);
    let first = spans
        .iter()
        .position(|&(s, e)| is_notice_sentence(&p[s..e]))?;
    let start = spans[first].0;
    let mut end = spans[first].1;
    // Where the notice runs into another page's text, if it does.
    let mut glued_at = glue_point(&p[start..end]).map(|g| start + g);
    let mut next = first + 1;
    while glued_at.is_none() {
        let Some(&(s, e)) = spans.get(next) else {
            break;
        };
        let glue = glue_point(&p[s..e]).map(|g| s + g);
        if !is_follow_up(&p[s..glue.unwrap_or(e)]) {
            break;
        }
        end = glue.unwrap_or(e);
        glued_at = glue;
        next += 1;
    }
    let (notice_end, after_start, glued) = match glued_at {
        Some(g) => (g, g, true),
        None => match spans.get(next) {
            Some(&(s, _)) => (end, s, s == end),
            None => (end, p.len(), false),
        },
    };
    if notice_end - start > MAX_NOTICE {
        return None;
    }
    Some(Split {
        before: 0..start,
        notice: start..notice_end,
        after: after_start..p.len(),
        glued,
    })
}

fn is_notice_sentence(s: &str) -> bool {
    if s.len() > MAX_NOTICE || s.starts_with(['"', '“', '«', '\'', '‘']) {
        return false;
    }
    let Some(cookie) = find_word(&COOKIE, s) else {
        return false;
    };
    // "…a banner reading “we use cookies”…" is prose quoting a banner.
    if s[..cookie.start].contains(['"', '“', '«']) {
        return false;
    }
    prefix(&OPENER, s).is_some() || contains_word(&CONSENT, s)
}

fn is_follow_up(s: &str) -> bool {
    s.len() <= 400 && !s.starts_with(['"', '“', '«']) && contains_word(&FOLLOW_UP, s)
}

/// The first place in `s` where a lowercase word runs into a capital letter
/// ("linkKerry"): the end of a notice glued to the next page's text. Words
/// like "iPhone", "McDonald" or "YouTube" are not glue points.
fn glue_point(s: &str) -> Option<usize> {
    let mut word_start = 0;
    let mut all_lower = true;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            word_start = i + c.len_utf8();
            all_lower = true;
        } else if c.is_uppercase() {
            let lower_run = s[word_start..i].chars().count();
            if all_lower && lower_run >= 2 && prev.is_some_and(char::is_lowercase) {
                return Some(i);
            }
            all_lower = false;
        } else if !c.is_lowercase() {
            all_lower = false;
        }
        prev = Some(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(p: &str) -> Option<(&str, &str, &str, bool)> {
        let s = find(p)?;
        Some((&p[s.before], &p[s.notice], &p[s.after], s.glued))
    }

    #[test]
    fn standalone_notice() {
        let p = "By continuing to use the site, you agree to the use of cookies. You can find out more by clicking this link";
        assert_eq!(parts(p), Some(("", p, "", false)));
    }

    #[test]
    fn notice_glued_on_both_sides() {
        let p = "It was over, he said.We use cookies to improve your experience. By using this site you accept our cookie policy.Learn moreTruce holds in Aleppo as talks resume";
        let (before, notice, after, glued) = parts(p).expect("a notice");
        assert_eq!(before, "It was over, he said.");
        assert_eq!(
            notice,
            "We use cookies to improve your experience. By using this site you accept our cookie policy.Learn more"
        );
        assert_eq!(after, "Truce holds in Aleppo as talks resume");
        assert!(glued);
    }

    #[test]
    fn notice_followed_by_prose_with_a_space() {
        let p = "Ce site utilise des cookies. En savoir plus. La trêve tient à Alep, selon des témoins.";
        let (before, notice, after, glued) = parts(p).expect("a notice");
        assert_eq!(before, "");
        assert_eq!(notice, "Ce site utilise des cookies. En savoir plus.");
        assert_eq!(after, "La trêve tient à Alep, selon des témoins.");
        assert!(!glued);
    }

    #[test]
    fn prose_about_cookies_stays() {
        for p in [
            "Regulators said websites that use cookies must ask for consent first, and fines could follow.",
            "The bakery sold cookies to soldiers at the checkpoint, residents said.",
            "\"We use cookies to track readers,\" the company's chief executive told the committee.",
            "A banner reading “by continuing you accept cookies” annoyed readers, the survey found.",
            "Cookie Monster was not available for comment.",
        ] {
            assert_eq!(find(p), None, "{p}");
        }
    }

    #[test]
    fn glue_points() {
        assert_eq!(glue_point("this linkKerry says"), Some(9));
        assert_eq!(glue_point("an iPhone and McDonald and YouTube"), None);
        assert_eq!(glue_point("ABC def"), None);
    }
}
