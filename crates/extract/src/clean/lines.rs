//! Whole short lines of page furniture: advertising markers, navigation,
//! comment prompts, share bars, "follow us" lines (in many languages),
//! newsletter prompts, copyright and legal lines, bare separators and URLs.
//!
//! Each rule needs the whole paragraph to be short and to have the shape of
//! the furniture (a lexicon phrase *and* a structural cue, such as naming a
//! social network or ending on a dangling "on"). A sentence that merely
//! mentions following, sharing or copyright inside prose is left alone.
//! Bylines, photo credits and "Related" blocks live in their own modules.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use dateline_core::BoilerplateKind as Kind;
use regex::Regex;

use super::lexicon::{automaton, contains_word, prefix};
use super::shape::{line_key, word_count};

/// Paragraphs longer than this are never furniture lines.
const MAX_WORDS: usize = 60;

fn set(items: &'static [&'static str]) -> HashSet<&'static str> {
    items.iter().copied().collect()
}

#[rustfmt::skip]
static ADVERT: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "advertisement", "advertisements", "advertising", "advert", "ad", "ads", "sponsored",
        "sponsored content", "paid content", "paid post", "promoted", "promoted content",
        "story continues below advertisement", "article continues below advertisement",
        "continue reading below", "story continues below", "article continues below",
        "scroll to continue with content", "content continues below",
        "advertisement scroll to continue", "publicité", "annonce", "anzeige", "werbung",
        "publicidad", "anuncio", "pubblicità", "publicidade", "quảng cáo", "реклама", "إعلان",
        "reklam", "iklan", "advertentie", "reklama",
    ])
});

#[rustfmt::skip]
static NAVIGATION: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "continue reading the main story", "continue reading", "skip to main content",
        "skip to content", "skip navigation", "back to top", "return to top", "top of page", "home",
        "menu", "main menu", "search", "next story", "previous story", "next article",
        "previous article", "next", "previous", "show more", "load more", "view all", "see all",
        "close", "print this page", "terms of use", "terms of service", "terms and conditions",
        "privacy policy", "contact us", "about us", "sitemap", "log in", "login", "sign in",
        "register", "toggle navigation", "accueil", "inicio", "startseite", "trang chủ", "главная",
        "ana sayfa", "beranda", "الرئيسية",
    ])
});

#[rustfmt::skip]
static COMMENTS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "comments", "comment", "leave a comment", "leave a reply", "post a comment",
        "add a comment", "add your comment", "show comments", "view comments", "hide comments",
        "join the conversation", "join the discussion", "be the first to comment",
        "comments are closed", "commenting is closed", "commenting is disabled", "comments closed",
        "commentaires", "laisser un commentaire", "réagir", "kommentare", "kommentieren",
        "comentarios", "comentar", "deja un comentario", "commenti", "commenta", "comentários",
        "bình luận", "ý kiến bạn đọc", "gửi bình luận", "комментарии", "оставить комментарий",
        "yorumlar", "yorum yap", "komentar", "التعليقات", "اترك تعليقا", "reacties",
    ])
});

static COMMENT_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d+ (comments?|commentaires?|kommentare?|comentarios?|commenti|bình luận|комментари\w*|yorum|reacties?)$")
        .expect("valid regex")
});

/// Words a share bar is made of; a share bar has nothing else.
#[rustfmt::skip]
static SHARE_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "share", "shares", "sharing", "tweet", "email", "e-mail", "mail", "print", "facebook",
        "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "messenger", "copy",
        "link", "url", "this", "the", "article", "story", "page", "post", "on", "via", "with", "to",
        "your", "friends", "a", "friend", "save", "google", "flipboard", "pocket", "sms", "options",
        "x", "vk", "zalo", "partager", "partagez", "cet", "sur", "teilen", "artikel", "diesen",
        "compartir", "compartilhar", "partilhar", "este", "artículo", "en", "condividi", "articolo",
        "chia", "sẻ", "bài", "viết", "bagikan", "ini", "поделиться", "статьей", "paylaş", "haberi",
        "مشاركة", "delen",
    ])
});

/// At least one of these makes a line of share words a share bar.
#[rustfmt::skip]
static SHARE_CORE: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "share", "tweet", "email", "e-mail", "print", "partager", "partagez", "teilen", "compartir",
        "compartilhar", "partilhar", "condividi", "sẻ", "bagikan", "поделиться", "paylaş", "مشاركة",
        "delen", "facebook", "whatsapp", "linkedin", "pinterest",
    ])
});

/// Social networks and feeds a "follow" line points to.
#[rustfmt::skip]
static NETWORKS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "facebook", "twitter", "instagram", "youtube", "telegram", "whatsapp", "tiktok", "linkedin",
        "pinterest", "snapchat", "google news", "google+", "flipboard", "vkontakte", "вконтакте",
        "одноклассники", "zalo", "weibo", "wechat", "threads", "mastodon", "bluesky", "fanpage",
        "rss", "dzen", "дзен", "viber",
    ])
});

/// "Follow us" in many languages: enough anywhere in a short line.
#[rustfmt::skip]
static FOLLOW_PHRASE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "follow us", "like us on", "join us on", "find us on", "connect with us", "stay connected",
        "follow our", "suivez-nous", "suivez nous", "rejoignez-nous", "retrouvez-nous", "síguenos",
        "siguenos", "síganos", "únete a nuestro", "folgen sie uns", "folge uns", "folgt uns",
        "besuchen sie uns", "siga-nos", "siga nos", "nos siga", "acompanhe-nos", "curta nossa",
        "seguici", "seguiteci", "mời quý độc giả", "mời bạn đọc", "mời độc giả", "ikuti kami",
        "подписывайтесь на нас", "следите за нами", "присоединяйтесь к нам", "تابعونا", "تابعنا",
        "bizi takip edin", "bizi takip et", "volg ons", "obserwuj nas", "śledź nas",
        "підписуйтесь на нас", "стежте за нами",
    ])
});

/// Imperatives that open a "follow" line.
#[rustfmt::skip]
static FOLLOW_VERB: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "follow", "like", "join", "subscribe", "suivez", "rejoignez", "abonnez-vous", "sigue",
        "síguenos", "únete", "suscríbete", "folgen", "folge", "abonnieren", "siga", "segui",
        "iscriviti", "theo dõi", "hãy theo dõi", "đăng ký kênh", "ikuti", "подписывайтесь",
        "следите", "تابعوا", "takip edin", "abone olun", "volg",
    ])
});

/// Words a "follow" line can end on when the network name was a link or icon
/// the scraper dropped ("…theo dõi VOV.VN trên", "Follow us on").
#[rustfmt::skip]
const DANGLING: &[&str] = &[
    "on", "at", "via", "in", "sur", "en", "auf", "bei", "su", "em", "no", "na", "trên", "tại",
    "qua", "di", "на", "в", "على", "عبر", "op", "w",
];

static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(^|\s)@\w{2,}|\b[\w-]+\.(com|net|org|vn|ru|fr|de|es|it|tr|id|co\.uk|info|news)\b",
    )
    .expect("valid regex")
});

/// Newsletter prompts open with one of these…
#[rustfmt::skip]
static NEWSLETTER_PROMPT: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "sign up", "signup", "subscribe", "get our", "get the latest", "get the best",
        "enter your email", "enter your e-mail", "don't miss", "never miss", "want more",
        "receive our", "join our", "stay informed", "abonnez-vous", "inscrivez-vous", "recevez",
        "suscríbete", "suscribete", "regístrate", "recibe", "abonnieren sie", "melden sie sich",
        "iscriviti", "ricevi", "assine", "inscreva-se", "receba", "đăng ký", "подпишитесь",
        "подписаться", "abone ol", "berlangganan", "daftar", "اشترك", "schrijf je in",
        "meld je aan",
    ])
});

/// …and talk about one of these.
#[rustfmt::skip]
static NEWSLETTER_WORD: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "newsletter", "newsletters", "inbox", "email", "e-mail", "briefing", "digest", "bulletin",
        "alerts", "lettre d'information", "infolettre", "boletín", "bản tin", "рассылку",
        "рассылка", "bülten", "bültenimize", "buletin", "النشرة", "nieuwsbrief",
    ])
});

#[rustfmt::skip]
static NEWSLETTER_LINES: LazyLock<HashSet<&str>> = LazyLock::new(|| {
    set(&[
        "newsletter", "subscribe", "subscribe now", "sign up", "sign up now", "subscribe today",
    ])
});

#[rustfmt::skip]
static ALL_RIGHTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    automaton(&[
        "all rights reserved", "tous droits réservés", "todos los derechos reservados",
        "alle rechte vorbehalten", "tutti i diritti riservati", "todos os direitos reservados",
        "все права защищены", "جميع الحقوق محفوظة", "tüm hakları saklıdır", "hak cipta dilindungi",
        "alle rechten voorbehouden", "bản quyền thuộc về", "wszelkie prawa zastrzeżone",
        "may not be published, broadcast, rewritten or redistributed",
    ])
});

static COPYRIGHT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\((?i:c)\)|(?i:copyright)\b\s*(?:©|\((?i:c)\)|\d{4}|(?i:by|the)\b|\p{Lu}))")
        .expect("valid regex")
});

static URL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(https?://|www\.)\S+$").expect("valid regex"));

/// The kind of furniture `p` is, if it is a furniture line.
pub(super) fn classify(p: &str) -> Option<Kind> {
    if !p.chars().any(char::is_alphanumeric) {
        // Separators ("___", "* * *") carry nothing.
        return Some(Kind::Other);
    }
    let words = word_count(p);
    if words > MAX_WORDS {
        return None;
    }
    if words == 1 && URL_LINE.is_match(p) {
        return Some(Kind::Other);
    }
    // Whole-line lexicons hold lines of a few words; longer lines need no key.
    let key = if words <= 12 {
        line_key(p)
    } else {
        String::new()
    };
    let k = key.as_str();
    if ADVERT.contains(k) {
        Some(Kind::Advertisement)
    } else if COMMENTS.contains(k) || COMMENT_COUNT.is_match(k) {
        Some(Kind::Comments)
    } else if is_social_follow(p, words) {
        Some(Kind::SocialFollow)
    } else if is_share_bar(k, words) {
        Some(Kind::ShareBar)
    } else if NAVIGATION.contains(k)
        || is_breadcrumb(p, words)
        || (words <= 12 && k.starts_with("click here"))
    {
        Some(Kind::Navigation)
    } else if is_newsletter(p, k, words) {
        Some(Kind::Newsletter)
    } else if is_legal(p, words) {
        Some(Kind::Legal)
    } else {
        None
    }
}

/// "Home > World > Middle East", "News | Politics | Syria".
fn is_breadcrumb(p: &str, words: usize) -> bool {
    if words > 20 || !p.contains(['>', '›', '»', '|']) {
        return false;
    }
    let parts: Vec<&str> = p.split(['>', '›', '»', '|']).map(str::trim).collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|s| !s.is_empty() && word_count(s) <= 3 && !s.ends_with('.'))
}

fn is_social_follow(p: &str, words: usize) -> bool {
    if words > 25 {
        return false;
    }
    // An imperative opening ("Follow Reuters on Twitter") counts only in a
    // bare prompt: "Like many Syrians, he posted on Facebook." is prose.
    let prompt = words <= 12 && !p.contains(',') && !super::shape::ends_sentence(p);
    let cue = contains_word(&FOLLOW_PHRASE, p) || (prompt && prefix(&FOLLOW_VERB, p).is_some());
    if !cue {
        return false;
    }
    let last = p
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let dangling = DANGLING.iter().any(|d| last.to_lowercase() == *d);
    dangling || contains_word(&NETWORKS, p) || HANDLE.is_match(p)
}

fn is_share_bar(key: &str, words: usize) -> bool {
    if words > 12 || key.is_empty() {
        return false;
    }
    let mut core = false;
    for word in
        key.split(|c: char| c.is_whitespace() || c == '|' || c == '/' || c == '·' || c == '•')
    {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '-');
        if word.is_empty() {
            continue;
        }
        if !SHARE_WORDS.contains(word) {
            return false;
        }
        core |= SHARE_CORE.contains(word);
    }
    core
}

fn is_newsletter(p: &str, key: &str, words: usize) -> bool {
    if NEWSLETTER_LINES.contains(key) {
        return true;
    }
    words <= 40 && prefix(&NEWSLETTER_PROMPT, p).is_some() && contains_word(&NEWSLETTER_WORD, p)
}

fn is_legal(p: &str, words: usize) -> bool {
    (words <= 40 && (p.contains('©') || COPYRIGHT_START.is_match(p)))
        || contains_word(&ALL_RIGHTS, p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(p: &str) -> Option<Kind> {
        classify(p)
    }

    #[test]
    fn follow_lines_in_many_languages() {
        for p in [
            "Mời quý độc giả theo dõi VOV.VN trên",
            "Follow us on Twitter @SyriaDesk",
            "Like us on Facebook",
            "Join us on Telegram",
            "Suivez-nous sur Facebook et Twitter",
            "Síguenos en Twitter",
            "Folgen Sie uns auf",
            "Siga-nos no Instagram",
            "Seguici su Facebook",
            "Ikuti kami di Instagram",
            "Подписывайтесь на нас в Telegram",
            "تابعونا على",
            "Bizi takip edin: Twitter",
            "Follow Reuters Syria coverage on Twitter",
        ] {
            assert_eq!(kind(p), Some(Kind::SocialFollow), "{p}");
        }
    }

    #[test]
    fn following_in_prose_stays() {
        for p in [
            "Residents were told to follow the army's instructions, which were posted on Facebook, a spokesman said on Tuesday.",
            "Follow-up talks are due in Geneva next week.",
            "Social media sites such as Twitter and Facebook were not readily accessible, local users reported.",
            "The U.S. Embassy in Turkey said on Twitter that it would stand with Turkey.",
            "Chúng tôi đang theo dõi tình hình tại Aleppo, ông nói.",
            "Like many others, he fled to Turkey in 2013.",
            "Like many Syrians, he posted the video on Facebook.",
            "Join the queue at the border crossing on Facebook Street.",
            "Copyright laws were not discussed at the talks.",
        ] {
            assert_eq!(kind(p), None, "{p}");
        }
    }

    #[test]
    fn furniture_lines() {
        assert_eq!(kind("ADVERTISEMENT"), Some(Kind::Advertisement));
        assert_eq!(
            kind("Story continues below advertisement"),
            Some(Kind::Advertisement)
        );
        assert_eq!(
            kind("Continue reading the main story"),
            Some(Kind::Navigation)
        );
        assert_eq!(kind("Home > World > Middle East"), Some(Kind::Navigation));
        assert_eq!(kind("12 Comments"), Some(Kind::Comments));
        assert_eq!(kind("Leave a comment"), Some(Kind::Comments));
        assert_eq!(kind("Share this article"), Some(Kind::ShareBar));
        assert_eq!(kind("Tweet"), Some(Kind::ShareBar));
        assert_eq!(
            kind("Share on Facebook | Share on Twitter | Email"),
            Some(Kind::ShareBar)
        );
        assert_eq!(
            kind("Sign up for our daily newsletter"),
            Some(Kind::Newsletter)
        );
        assert_eq!(
            kind("Inscrivez-vous à notre newsletter"),
            Some(Kind::Newsletter)
        );
        assert_eq!(kind("© 2016 Reuters"), Some(Kind::Legal));
        assert_eq!(kind("Copyright Thomson Reuters 2016"), Some(Kind::Legal));
        assert_eq!(kind("Image caption"), None);
        assert_eq!(
            kind(
                "Copyright 2016 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."
            ),
            Some(Kind::Legal)
        );
        assert_eq!(kind("Todos los derechos reservados."), Some(Kind::Legal));
        assert_eq!(kind("___"), Some(Kind::Other));
        assert_eq!(kind("https://example.com/story"), Some(Kind::Other));
    }

    #[test]
    fn prose_and_structure_stay() {
        for p in [
            "SIEGE WARFARE",
            "9:00 p.m.",
            "The copyright dispute went to court in March, lawyers said.",
            "He said he would share the proposal with the opposition.",
            "Print media were banned from the area.",
            "Sign up sheets were handed to volunteers at the border.",
            "($1 = 0.8952 euros)",
            "Talks on Syria | the latest",
        ] {
            assert_eq!(kind(p), None, "{p}");
        }
    }
}
