//! Tests of the whole stream: paths, directories, detection and decoding
//! end to end, and property tests that no input makes a reader panic.

use std::fs;
use std::path::PathBuf;

use dateline_core::{InputFormat, Markup};
use proptest::prelude::*;

use crate::testutil::*;
use crate::*;

const SEED_START: &str = "John Kerry says ceasefire in Syria potentially weeks away\n\n\
    Saudi Arabia is expected to host a meeting of Syrian opposition figures by mid-December.\n\n\
    Paris: A ceasefire between Syria's government and opposition could be just weeks away from reality, \
    US Secretary of State John Kerry said on Tuesday.\n";

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn scraped_text_file_is_one_text_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "000_1403c7a8f878f38f.txt",
        SEED_START.as_bytes(),
    );
    let items: Vec<_> = read_inputs(vec![path.clone()], FormatChoice::Auto).collect();
    assert_eq!(items.len(), 1);
    let record = items[0].as_ref().expect("a record");
    assert_eq!(record.format, InputFormat::Text);
    assert_eq!(record.markup, Markup::Text);
    assert_eq!(record.content, SEED_START);
    assert_eq!(record.origin.path, path.display().to_string());
    assert_eq!(record.origin.record, None);
}

#[test]
fn html_file_and_gzipped_html_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let html = b"<!doctype html>\n<html><head><title>Truce</title></head><body><p>Truce.</p></body></html>\n";
    let plain = write(dir.path(), "a.html", html);
    let gz = write(dir.path(), "b.html.gz", &gzip(html));
    let items: Vec<_> = read_inputs(vec![plain, gz], FormatChoice::Auto).collect();
    assert_eq!(items.len(), 2);
    for item in &items {
        let record = item.as_ref().expect("a record");
        assert_eq!(
            (record.format, record.markup),
            (InputFormat::Html, Markup::Html)
        );
        assert_eq!(record.content.as_bytes(), html);
    }
}

#[test]
fn empty_binary_missing_and_good_files_in_one_batch() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.txt", b"  \n\r\n");
    let binary = write(
        dir.path(),
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    let missing = dir.path().join("missing.txt");
    let good = write(dir.path(), "good.txt", b"Truce holds.\n");
    let items: Vec<_> = read_inputs(
        vec![empty, blank, binary, missing, good],
        FormatChoice::Auto,
    )
    .collect();
    let summary = summarize(&items);
    assert_eq!(summary.len(), 5, "{summary:?}");
    assert_eq!(summary[0], "err -@- empty (nothing but whitespace)");
    assert_eq!(summary[1], "err -@- empty (nothing but whitespace)");
    assert_eq!(
        summary[2],
        "err -@- looks binary, not text/HTML/JSONL/WARC; use --format to force"
    );
    assert!(summary[3].starts_with("err -@- "), "{}", summary[3]);
    assert!(matches!(
        items[3].as_ref().map_err(|e| &e.kind),
        Err(ErrorKind::Io(_))
    ));
    assert_eq!(summary[4], "ok -@- text Truce holds.\n");
    // The error names the file.
    let err = items[2].as_ref().expect_err("binary");
    assert!(err.to_string().starts_with(&format!(
        "{}: looks binary",
        dir.path().join("photo.txt").display()
    )));
}

#[test]
fn forced_format_overrides_detection() {
    let html = b"<html><body><p>x</p></body></html>";
    let items = read_all("page.html", html, FormatChoice::Text);
    let record = items[0].as_ref().expect("a record");
    assert_eq!(record.markup, Markup::Text);
    // Forced JSONL on text: every line is a located JSON error.
    let items = read_all("notes.txt", b"one\ntwo\n", FormatChoice::Jsonl);
    assert_eq!(
        summarize(&items),
        [
            "err 1@0 line 1: invalid JSON: expected value at line 1 column 1",
            "err 2@4 line 2: invalid JSON: expected ident at line 1 column 2"
        ]
    );
    // Forced on an empty input is still empty.
    let items = read_all("-", b"", FormatChoice::Warc);
    assert_eq!(
        summarize(&items),
        ["err -@- empty (nothing but whitespace)"]
    );
}

#[test]
fn directory_walk_reads_every_format_in_sorted_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("corpus");
    write(&root, "b.txt", b"Second text.\n");
    write(&root, "a.txt", b"First text.\n");
    write(&root, ".hidden.txt", b"never read\n");
    write(&root, "img/logo.png", b"\x89PNG\r\n\x1a\n\x00");
    write(
        &root,
        "sub/c.jsonl",
        b"{\"text\": \"line one\"}\n{\"text\": \"line two\"}\n",
    );
    let warc = warc_response(
        "http://a/",
        &http_response(200, "text/html", b"<p>from warc</p>"),
    );
    write(&root, "sub/d.warc.gz", &gzip(&warc));
    let items: Vec<_> = read_inputs(vec![root.clone()], FormatChoice::Auto).collect();
    let seen: Vec<(String, String)> = items
        .iter()
        .map(|item| {
            let record = item.as_ref().expect("a record");
            let path = PathBuf::from(&record.origin.path);
            let rel = path
                .strip_prefix(&root)
                .expect("under root")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, record.content.trim().to_owned())
        })
        .collect();
    let expected = [
        ("a.txt", "First text."),
        ("b.txt", "Second text."),
        ("sub/c.jsonl", "line one"),
        ("sub/c.jsonl", "line two"),
        ("sub/d.warc.gz", "<p>from warc</p>"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(seen, expected);
}

#[test]
fn big_html_page_under_the_cap_reads_and_over_the_cap_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut html = b"<html><body>".to_vec();
    while html.len() < 50 * 1024 * 1024 {
        html.extend_from_slice(b"<p>The ceasefire held through the night, residents said.</p>\n");
    }
    html.extend_from_slice(b"</body></html>");
    let path = write(dir.path(), "big.html", &html);
    let items: Vec<_> = read_inputs(vec![path.clone()], FormatChoice::Auto).collect();
    let record = items[0].as_ref().expect("a record");
    assert_eq!(record.content.len(), html.len());
    drop(items);
    let options = Options {
        max_file_bytes: 1024,
        ..Options::default()
    };
    let items: Vec<_> = read_inputs_with(vec![path], options).collect();
    let err = items[0].as_ref().expect_err("too large");
    assert!(
        matches!(err.kind, ErrorKind::TooLarge { size: Some(s), limit: 1024 } if s == html.len() as u64)
    );
    // Without a known size (gzip, stdin) the cap still holds.
    let items = crate::read_stream_with("-", std::io::Cursor::new(gzip(&html[..5000])), options)
        .collect::<Vec<_>>();
    assert!(matches!(
        items[0].as_ref().map_err(|e| &e.kind),
        Err(ErrorKind::TooLarge {
            size: None,
            limit: 1024
        })
    ));
}

#[test]
fn stdin_like_stream_is_sniffed() {
    let warc = warc_response("http://a/", &http_response(200, "text/html", b"<p>x</p>"));
    assert_eq!(read_all("-", &warc, FormatChoice::Auto).len(), 1);
    assert_eq!(read_all("-", &gzip(&warc), FormatChoice::Auto).len(), 1);
    let jsonl = b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n";
    assert_eq!(read_all("-", &gzip(jsonl), FormatChoice::Auto).len(), 2);
}

#[test]
fn windows_1252_html_file_with_meta_and_undeclared_latin1_text_file() {
    let html = b"<html><head><meta charset=windows-1252></head><body>d\xE9cr\xE9t\xE9 \x96 72 heures</body></html>";
    let items = read_all("fr.html", html, FormatChoice::Auto);
    let record = items[0].as_ref().expect("a record");
    assert!(record.content.contains("décrété – 72 heures"));
    assert_eq!(record.encoding, "windows-1252");
    let text = "La trêve décrétée à Damas est entrée en vigueur à une heure du matin, heure locale, \
        selon l'agence officielle, qui précise qu'elle durera soixante-douze heures.\n";
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let items = read_all("fr.txt", &latin, FormatChoice::Auto);
    let record = items[0].as_ref().expect("a record");
    assert_eq!(record.content, text);
    assert!(!record.lossy);
}

#[test]
fn truncated_gzip_text_file_is_an_error_at_member_zero() {
    let gz = gzip(SEED_START.repeat(50).as_bytes());
    let cut = &gz[..gz.len() / 2];
    let items = read_all("cut.txt.gz", cut, FormatChoice::Auto);
    assert_eq!(
        summarize(&items),
        ["err -@0 gzip data is truncated (the file was cut short)"]
    );
    // A broken gzip header is corrupt, not truncated.
    let items = read_all(
        "bad.gz",
        b"\x1f\x8bnot really gzip at all",
        FormatChoice::Auto,
    );
    assert!(
        matches!(
            items[0].as_ref().map_err(|e| &e.kind),
            Err(ErrorKind::GzipCorrupt(_))
        ),
        "{:?}",
        summarize(&items)
    );
}

#[test]
fn the_stream_is_send() {
    fn is_send<T: Send>(_: &T) {}
    is_send(&read_inputs(Vec::new(), FormatChoice::Auto));
    is_send(&read_stream("-", std::io::empty(), FormatChoice::Auto));
}

#[test]
fn real_seed_files_if_present() {
    // The shared data sits beside the repository on developer machines; the
    // test is a no-op without it.
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/seeds");
    if !seeds.is_dir() {
        return;
    }
    let mut count = 0;
    for item in read_inputs(vec![seeds], FormatChoice::Auto) {
        let record = item.expect("every seed reads");
        assert_eq!(record.markup, Markup::Text, "{}", record.origin);
        assert!(!record.lossy, "{}", record.origin);
        count += 1;
    }
    assert!(count >= 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic_any_reader(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for choice in [FormatChoice::Auto, FormatChoice::Warc, FormatChoice::Jsonl, FormatChoice::Html] {
            for _ in read_all("fuzz", &bytes, choice) {}
        }
    }

    #[test]
    fn warc_like_bytes_never_panic(
        header in "WARC/1\\.[01]\r\n(WARC-Type: (response|resource|conversion)\r\n)?(Content-Type: [a-z/;= -]{0,40}\r\n)?(Content-Length: [0-9]{1,4}\r\n)?\r\n",
        body in proptest::collection::vec(any::<u8>(), 0..600),
        tail in "(HTTP/1\\.1 [0-9]{3} OK\r\n(Content-Encoding: (gzip|deflate)\r\n)?(Transfer-Encoding: chunked\r\n)?\r\n)?",
    ) {
        let mut input = header.into_bytes();
        input.extend_from_slice(tail.as_bytes());
        input.extend_from_slice(&body);
        for _ in read_all("x.warc", &input, FormatChoice::Auto) {}
        for _ in read_all("x.warc.gz", &gzip(&input), FormatChoice::Auto) {}
    }

    #[test]
    fn jsonl_like_lines_never_panic(lines in proptest::collection::vec("\\{(\"(url|html|text|content|id|published)\": (\"[a-zA-Z <>/é]{0,20}\"|[0-9]{1,3}|null|\\[\\]), ?){0,4}\\}?", 0..8)) {
        let input = lines.join("\n");
        let items = read_all("x.jsonl", input.as_bytes(), FormatChoice::Jsonl);
        // Every non-blank line gives exactly one item (an all-blank input one Empty).
        let non_blank = lines.iter().filter(|l| !l.trim().is_empty()).count();
        prop_assert_eq!(items.len(), non_blank.max(usize::from(input.trim().is_empty())));
    }

    #[test]
    fn detection_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..4096), whole: bool) {
        let _ = crate::detect::detect(&bytes, whole, Some("x.html"));
        let _ = crate::detect::detect(&bytes, whole, None);
        let _ = crate::decode::decode(bytes, crate::decode::Hints { html: true, url: Some("http://a.b.jp/"), ..Default::default() });
    }
}
