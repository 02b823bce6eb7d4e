//! Language identification of the cleaned body (whatlang's trigram model).
//!
//! Returns ISO 639-1 codes for the languages news is commonly written in and
//! nothing when the text is too short or the guess is unreliable.

/// How much of the body the trigram model reads: enough for a reliable
/// guess on news prose, and a fixed cost whatever the article's length.
const SAMPLE_CHARS: usize = 400;

/// The body's language as an ISO 639-1 code, when it can be told reliably.
pub(crate) fn detect(text: &str) -> Option<String> {
    // A few hundred characters are plenty for a trigram model; more only costs time.
    let sample = match text.char_indices().nth(SAMPLE_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    // Under four words there is nothing to tell a language by.
    sample.split_whitespace().nth(3)?;
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    iso_639_1(info.lang()).map(str::to_owned)
}

/// ISO 639-3 (whatlang's codes) to ISO 639-1, for the languages that have one.
const ISO_639_1: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "no"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

fn iso_639_1(lang: whatlang::Lang) -> Option<&'static str> {
    let code = lang.code();
    ISO_639_1
        .iter()
        .find(|(three, _)| *three == code)
        .map(|(_, two)| *two)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_common_languages() {
        let en = "The Syrian military declared a 72-hour regime of calm covering all of Syria.";
        assert_eq!(detect(en).as_deref(), Some("en"));
        let fr = "L'armée syrienne a déclaré une trêve de soixante-douze heures dans tout le pays.";
        assert_eq!(detect(fr).as_deref(), Some("fr"));
        let vi = "Mời quý độc giả theo dõi tin tức mới nhất trên trang báo điện tử của chúng tôi hàng ngày.";
        assert_eq!(detect(vi).as_deref(), Some("vi"));
    }

    #[test]
    fn too_short_is_unknown() {
        assert_eq!(detect("Syria truce"), None);
        assert_eq!(detect(""), None);
    }
}
