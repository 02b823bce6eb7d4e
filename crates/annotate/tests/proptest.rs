//! Property tests: any text annotates without panicking, every span is in
//! bounds and every `text` field equals the characters it spans.

use std::sync::OnceLock;

use dateline_annotate::Annotator;
use proptest::prelude::*;

fn annotator() -> &'static Annotator {
    static AN: OnceLock<Annotator> = OnceLock::new();
    AN.get_or_init(Annotator::new)
}

fn check(text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let found = annotator().annotate(text);
    let mut last = 0;
    for s in &found.sentences {
        assert!(s.start < s.end && s.end <= n && s.start >= last, "{s:?}");
        last = s.end;
    }
    for e in &found.entities {
        assert!(e.start < e.end && e.end <= n);
        assert_eq!(slice(e.start, e.end), e.text);
        if let Some(t) = e.title {
            assert!(t.start <= t.end && t.end <= n);
        }
    }
    for w in found.entities.windows(2) {
        assert!(w[0].end <= w[1].start, "overlap: {w:?}");
    }
    for q in &found.quotes {
        assert!(q.start < q.end && q.end <= n);
        for s in [q.speaker_span, q.cue].into_iter().flatten() {
            assert!(s.start <= s.end && s.end <= n);
        }
    }
    for q in &found.quantities {
        assert!(q.start < q.end && q.end <= n);
        assert_eq!(slice(q.start, q.end), q.text);
        assert!(q.number.start >= q.start && q.number.end <= q.end);
    }
    let _ = annotator().sentences(text);
}

/// Text made of pieces that reach the annotator's rules.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Kerry"),
        Just("John Kerry"),
        Just("said"),
        Just("he"),
        Just("\""),
        Just("\u{201C}"),
        Just("\u{201D}"),
        Just(","),
        Just("."),
        Just(". "),
        Just("\n\n"),
        Just("U.S."),
        Just("IS"),
        Just("the Syrian army"),
        Just("Syria's"),
        Just("'s"),
        Just("killed"),
        Just("at least"),
        Just("26"),
        Just("5,000"),
        Just("troops"),
        Just("72-hour"),
        Just("dozens"),
        Just("of"),
        Just("people"),
        Just("President"),
        Just("Bashar al-Assad"),
        Just("Mr."),
        Just("("),
        Just(")"),
        Just("SDF"),
        Just("a.m."),
        Just("Gen."),
        Just("é"),
        Just("…"),
        Just("-"),
        Just("according to"),
        Just("the group"),
        Just("rebels"),
        Just("twenty-six"),
        Just("a"),
        Just("Damascus"),
        Just("Frank-Walter Steinmeier"),
        Just("told"),
        Just(":"),
        Just(" "),
        Just("ح"),
        Just("\t"),
        Just("1.5 million"),
        Just("the death toll rose to"),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn newsy_text(text in newsy()) {
        check(&text);
    }

    #[test]
    fn glued_pieces(text in newsy().prop_map(|s| s.replace(' ', ""))) {
        check(&text);
    }
}
