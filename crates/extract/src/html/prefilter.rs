//! A byte-level pass that empties scripts, styles and comments before the
//! HTML parser sees the page.
//!
//! What it does: most of a news page's bytes are JavaScript, CSS and
//! comments, and the HTML tokenizer walks them one character at a time only
//! for the tree builder to throw them away. This pass finds them with the
//! tokenizer's own rules (tag ends with quoted attribute values, the
//! appropriate end tag, the script-data escape states, comment ends) and
//! copies the page without their contents: `<script …>` and `</script>` stay,
//! so the tree is the same; JSON-LD scripts and `<title>`/`<textarea>` keep
//! their text.
//!
//! What it doesn't: change any markup outside those contents. When it cannot
//! be sure (a `<plaintext>`, an unterminated tag), it copies the rest
//! unchanged and lets the parser decide.

use std::borrow::Cow;

/// What happens to the content of an element whose text the tokenizer reads raw.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Raw {
    /// Script data: dropped (unless JSON-LD), ends with the script escape rules.
    Script,
    /// Raw text (`style`, `noscript`, `iframe`…): dropped.
    Drop,
    /// RCDATA (`title`, `textarea`): kept, but skipped over.
    Keep,
    /// `plaintext`: everything after it is text.
    Rest,
}

fn raw_kind(name: &[u8]) -> Option<Raw> {
    const TABLE: &[(&[u8], Raw)] = &[
        (b"script", Raw::Script),
        (b"style", Raw::Drop),
        (b"noscript", Raw::Drop),
        (b"iframe", Raw::Drop),
        (b"noembed", Raw::Drop),
        (b"noframes", Raw::Drop),
        (b"xmp", Raw::Drop),
        (b"title", Raw::Keep),
        (b"textarea", Raw::Keep),
        (b"plaintext", Raw::Rest),
    ];
    TABLE
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, kind)| kind)
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Whether the tokenizer ends a tag name at `c`.
fn ends_name(c: u8) -> bool {
    is_space(c) || c == b'/' || c == b'>'
}

/// The page with script, style and comment contents removed, and start tags
/// stripped of the attributes extraction never reads.
pub(crate) fn strip(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out = String::new();
    let mut attrs = Vec::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', b.get(i..).unwrap_or_default()) {
        let lt = i + off;
        let next = b.get(lt + 1).copied();
        i = match next {
            Some(b'!') if b.get(lt + 2..lt + 4) == Some(b"--") => {
                let end = comment_end(b, lt + 4);
                flush(&mut out, html, &mut copied, lt, end);
                end
            }
            Some(b'!' | b'?') => find_gt(b, lt + 2),
            Some(b'/') if b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let name_end = name_end(b, lt + 2);
                tag_end(b, name_end, &mut attrs).end
            }
            Some(b'/') => find_gt(b, lt + 2),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = name_end(b, lt + 1);
                let name = &b[lt + 1..name_end];
                let tag = tag_end(b, name_end, &mut attrs);
                let open_end = tag.end;
                let kind = raw_kind(name);
                // Only attributes of a complete tag can be dropped safely.
                if tag.closed && kind.is_none() && !name.eq_ignore_ascii_case(b"font") {
                    let link =
                        name.eq_ignore_ascii_case(b"link") || name.eq_ignore_ascii_case(b"base");
                    let keep = |a: &&AttrSpan| keep_attr(b, a, link);
                    let kept = attrs.iter().filter(keep).count();
                    if kept < attrs.len() {
                        flush(&mut out, html, &mut copied, lt, open_end);
                        out.push_str(&html[lt..name_end]);
                        for attr in attrs.iter().filter(keep) {
                            out.push(' ');
                            out.push_str(&html[attr.name..attr.end]);
                        }
                        out.push_str(if tag.self_closing { "/>" } else { ">" });
                    }
                }
                match kind {
                    None => open_end,
                    Some(Raw::Rest) => break,
                    Some(Raw::Keep) => {
                        let end = raw_end(b, open_end, name);
                        match (end == b.len()).then(|| next_tag(b, open_end)).flatten() {
                            // An unterminated <title> would swallow the
                            // whole page (as it does in browsers): close it
                            // where the markup starts again.
                            Some(tag) => {
                                flush(&mut out, html, &mut copied, tag, tag);
                                out.push_str("</");
                                out.push_str(&html[lt + 1..name_end]);
                                out.push('>');
                                tag
                            }
                            None => end,
                        }
                    }
                    Some(kind) => {
                        let content_end = if kind == Raw::Script {
                            script_end(b, open_end)
                        } else {
                            raw_end(b, open_end, name)
                        };
                        let keep = kind == Raw::Script && is_json_ld(&b[lt..open_end]);
                        if !keep && content_end > open_end {
                            flush(&mut out, html, &mut copied, open_end, content_end);
                        }
                        content_end
                    }
                }
            }
            _ => lt + 1,
        };
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(html.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

/// Copies the pending input up to `skip_from` and skips it up to `skip_to`.
fn flush(out: &mut String, html: &str, copied: &mut usize, skip_from: usize, skip_to: usize) {
    if out.capacity() == 0 {
        out.reserve(html.len() / 2);
    }
    out.push_str(html.get(*copied..skip_from).unwrap_or_default());
    *copied = skip_to;
}

/// Attributes the DOM stores or the tree builder looks at (`type` of
/// `<input>` in tables, `encoding` of MathML annotations). Only `<link>` and
/// `<base>` keep their `href`.
fn keep_attr(b: &[u8], attr: &AttrSpan, link: bool) -> bool {
    let name = &b[attr.name..attr.name_end];
    let mut lower = [0u8; 11];
    let Some(buf) = lower.get_mut(..name.len()) else {
        return false;
    };
    for (to, from) in buf.iter_mut().zip(name) {
        *to = from.to_ascii_lowercase();
    }
    match &*buf {
        b"id" | b"class" | b"role" | b"itemprop" | b"itemtype" | b"property" | b"name"
        | b"content" | b"rel" | b"datetime" | b"lang" | b"charset" | b"http-equiv" | b"type"
        | b"hidden" | b"aria-hidden" | b"style" | b"encoding" => true,
        b"href" => link,
        _ => false,
    }
}

fn is_json_ld(open_tag: &[u8]) -> bool {
    open_tag
        .windows(7)
        .any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

/// The first `<` at or after `from` that starts a tag, comment or doctype.
fn next_tag(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', b.get(i..).unwrap_or_default()) {
        let lt = i + off;
        if b.get(lt + 1)
            .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'/' || c == b'!')
        {
            return Some(lt);
        }
        i = lt + 1;
    }
    None
}

fn find_gt(b: &[u8], from: usize) -> usize {
    match memchr::memchr(b'>', b.get(from..).unwrap_or_default()) {
        Some(off) => from + off + 1,
        None => b.len(),
    }
}

fn name_end(b: &[u8], from: usize) -> usize {
    b.get(from..)
        .unwrap_or_default()
        .iter()
        .position(|&c| ends_name(c))
        .map_or(b.len(), |off| from + off)
}

/// One attribute of a tag: its name and where it (with its value) ends.
#[derive(Clone, Copy, Debug)]
struct AttrSpan {
    name: usize,
    name_end: usize,
    end: usize,
}

/// Where a tag ends and what it holds.
#[derive(Clone, Copy, Debug)]
struct TagEnd {
    /// Just past the `>` (or the end of the input).
    end: usize,
    /// Whether a `>` was found.
    closed: bool,
    /// Whether the tag ends with `/>`.
    self_closing: bool,
}

/// Scans a tag whose name ends at `from`, following the tokenizer's
/// attribute states (a quoted value may hold `>`), and fills `attrs`.
fn tag_end(b: &[u8], from: usize, attrs: &mut Vec<AttrSpan>) -> TagEnd {
    #[derive(Clone, Copy)]
    enum State {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Quoted(u8),
        Unquoted,
    }
    attrs.clear();
    let mut state = State::BeforeName;
    let mut slash = usize::MAX;
    let mut i = from;
    while let Some(&c) = b.get(i) {
        state = match state {
            State::Quoted(q) => {
                match memchr::memchr(q, b.get(i..).unwrap_or_default()) {
                    Some(off) => i += off,
                    None => break,
                }
                if let Some(attr) = attrs.last_mut() {
                    attr.end = i + 1;
                }
                State::BeforeName
            }
            _ if c == b'>' => {
                return TagEnd {
                    end: i + 1,
                    closed: true,
                    self_closing: slash.wrapping_add(1) == i,
                };
            }
            State::BeforeName | State::Name | State::AfterName if c == b'/' => {
                slash = i;
                State::BeforeName
            }
            State::BeforeName if is_space(c) => State::BeforeName,
            State::AfterName if is_space(c) => State::AfterName,
            State::AfterName if c == b'=' => State::BeforeValue,
            State::BeforeName | State::AfterName => {
                attrs.push(AttrSpan {
                    name: i,
                    name_end: i + 1,
                    end: i + 1,
                });
                State::Name
            }
            State::Name if is_space(c) => State::AfterName,
            State::Name if c == b'=' => State::BeforeValue,
            State::Name => {
                if let Some(attr) = attrs.last_mut() {
                    attr.name_end = i + 1;
                    attr.end = i + 1;
                }
                State::Name
            }
            State::BeforeValue if is_space(c) => State::BeforeValue,
            State::BeforeValue if c == b'"' || c == b'\'' => State::Quoted(c),
            State::BeforeValue | State::Unquoted if !is_space(c) => {
                if let Some(attr) = attrs.last_mut() {
                    attr.end = i + 1;
                }
                State::Unquoted
            }
            State::BeforeValue | State::Unquoted => State::BeforeName,
        };
        i += 1;
    }
    TagEnd {
        end: b.len(),
        closed: false,
        self_closing: false,
    }
}

/// The index just past a comment whose `<!--` ends at `from`.
fn comment_end(b: &[u8], from: usize) -> usize {
    // `<!-->` and `<!--->` are whole (empty) comments.
    if b.get(from) == Some(&b'>') {
        return from + 1;
    }
    if b.get(from..from + 2) == Some(b"->") {
        return from + 2;
    }
    let mut i = from;
    while let Some(off) = memchr::memmem::find(b.get(i..).unwrap_or_default(), b"--") {
        let dashes = i + off;
        match b.get(dashes + 2) {
            Some(b'>') => return dashes + 3,
            Some(b'!') if b.get(dashes + 3) == Some(&b'>') => return dashes + 4,
            _ => i = dashes + 1,
        }
    }
    b.len()
}

/// Whether `</name` followed by a tag-name end starts at `at`.
fn is_end_tag(b: &[u8], at: usize, name: &[u8]) -> bool {
    let start = at + 2;
    b.get(at..start) == Some(b"</")
        && b.get(start..start + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && b.get(start + name.len()).is_some_and(|&c| ends_name(c))
}

/// Whether `<name` followed by a tag-name end starts at `at`.
fn is_start_tag(b: &[u8], at: usize, name: &[u8]) -> bool {
    let start = at + 1;
    b.get(at) == Some(&b'<')
        && b.get(start..start + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && b.get(start + name.len()).is_some_and(|&c| ends_name(c))
}

/// Where the raw text or RCDATA content starting at `from` ends: at its
/// appropriate end tag `</name`, or at the end of the input.
fn raw_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', b.get(i..).unwrap_or_default()) {
        let lt = i + off;
        if is_end_tag(b, lt, name) {
            return lt;
        }
        i = lt + 1;
    }
    b.len()
}

/// Where script data starting at `from` ends, following the tokenizer's
/// escaped (`<!--`) and double-escaped (`<!-- <script>`) states, in which
/// a `</script>` may not end the script.
fn script_end(b: &[u8], from: usize) -> usize {
    const SCRIPT: &[u8] = b"script";
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    // Dashes before this index belong to markup already consumed.
    let mut dash_floor = from;
    let mut i = from;
    loop {
        let rest = b.get(i..).unwrap_or_default();
        let found = if state == State::Data {
            memchr::memchr(b'<', rest)
        } else {
            memchr::memchr2(b'<', b'>', rest)
        };
        let Some(off) = found else {
            return b.len();
        };
        let at = i + off;
        i = at + 1;
        if b[at] == b'>' {
            // Only reached in the escaped states: `-->` goes back to data.
            if at >= dash_floor + 2 && b[at - 1] == b'-' && b[at - 2] == b'-' {
                state = State::Data;
            }
            continue;
        }
        match state {
            State::Data => {
                if is_end_tag(b, at, SCRIPT) {
                    return at;
                }
                if b.get(at + 1..at + 4) == Some(b"!--") {
                    state = State::Escaped;
                    // The two dashes of `<!--` count towards a closing `-->`.
                    dash_floor = at + 2;
                    i = at + 4;
                }
            }
            State::Escaped => {
                if is_end_tag(b, at, SCRIPT) {
                    return at;
                }
                if is_start_tag(b, at, SCRIPT) {
                    state = State::DoubleEscaped;
                    i = at + 1 + SCRIPT.len();
                    dash_floor = i;
                }
            }
            State::DoubleEscaped => {
                if is_end_tag(b, at, SCRIPT) {
                    state = State::Escaped;
                    i = at + 2 + SCRIPT.len();
                    dash_floor = i;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empties_scripts_styles_and_comments() {
        let html = "<p>a</p><script src=x>var s = '<p>no</p>';</script><style>p{}</style>\
                    <!-- gone --><p>b</p>";
        assert_eq!(
            strip(html),
            "<p>a</p><script src=x></script><style></style><p>b</p>"
        );
    }

    #[test]
    fn leaves_pages_without_them_borrowed() {
        assert!(matches!(strip("<p>plain</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn quoted_attributes_may_hold_markup() {
        let html = r#"<a title="<!-- x --> <script>">t</a><script data-a='>'>x</script>y"#;
        // (The title attribute is dropped too: nothing reads it.)
        assert_eq!(strip(html), r#"<a>t</a><script data-a='>'></script>y"#);
    }

    #[test]
    fn drops_unread_attributes() {
        assert_eq!(
            strip(r#"<a href="/x" onclick='go("a>b")' class=k data-x>t</a><img src=a.png/>"#),
            r#"<a class=k>t</a><img>"#
        );
        assert_eq!(
            strip(r#"<svg width=1><path d="M0 0"/></svg><FONT color=red>x</FONT>"#),
            r#"<svg><path/></svg><FONT color=red>x</FONT>"#
        );
        // An unquoted value may end in a slash without closing the tag.
        assert_eq!(strip("<p x=a/>y</p>"), "<p>y</p>");
        assert_eq!(strip("<p id = 'a' x y=\"1\">"), "<p id = 'a'>");
        // An unfinished tag is left for the parser.
        assert_eq!(strip("<p x=\"1"), "<p x=\"1");
    }

    #[test]
    fn closes_an_unterminated_title() {
        assert_eq!(
            strip("<title>Storm closes pass\n<meta name=date content=x></head><p>Body"),
            "<title>Storm closes pass\n</title><meta name=date content=x></head><p>Body"
        );
        assert_eq!(strip("<title>a < b, plain"), "<title>a < b, plain");
    }

    #[test]
    fn keeps_json_ld_title_and_textarea() {
        let html =
            r#"<title>A <!-- b --></title><script type="application/ld+json">{"a":1}</script>"#;
        assert_eq!(strip(html), html);
    }

    #[test]
    fn script_end_tag_needs_a_delimiter() {
        let html = "<script>a</scripts>b</script >c";
        assert_eq!(strip(html), "<script></script >c");
    }

    #[test]
    fn double_escaped_script_is_one_script() {
        let html = "<script><!-- document.write('<script>x</script>'); --></script>after";
        assert_eq!(strip(html), "<script></script>after");
        let html = "<script><!-- x </script>after";
        assert_eq!(strip(html), "<script></script>after");
        let html = "<script><!--></script>after";
        assert_eq!(strip(html), "<script></script>after");
    }

    #[test]
    fn comment_forms() {
        assert_eq!(strip("a<!-->b"), "ab");
        assert_eq!(strip("a<!--->b"), "ab");
        assert_eq!(strip("a<!-- x --!>b"), "ab");
        assert_eq!(strip("a<!-- x --->b"), "ab");
        assert_eq!(strip("a<!-- never closed"), "a");
    }

    #[test]
    fn unterminated_things_do_not_panic() {
        for html in [
            "<script",
            "<script>",
            "<a href=\"",
            "<!",
            "</",
            "<style>x</sty",
            "<x y='",
            "<",
        ] {
            let _ = strip(html);
        }
        assert_eq!(
            strip("<plaintext><script>x</script>"),
            "<plaintext><script>x</script>"
        );
    }
}
