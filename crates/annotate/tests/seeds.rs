//! Acceptance on the two seed articles of `corpus/seeds/` (DESIGN.md):
//! entities with their canonical names and CAMEO codes, quote speakers,
//! casualty figures and durations.

use dateline_annotate::{Annotations, Annotator, Entity, EntityKind, EntityVia, QuantityKind};

fn seed(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds");
    let path = std::fs::read_dir(dir)
        .expect("corpus/seeds")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|f| f.to_string_lossy().starts_with(name))
        })
        .expect("seed file");
    std::fs::read_to_string(path).expect("readable seed")
}

fn annotate(name: &str, y: i16, m: i8, d: i8) -> (String, Annotations) {
    let text = seed(name);
    let found = Annotator::new().annotate_at(&text, Some(jiff::civil::date(y, m, d)));
    (text, found)
}

fn all<'a>(found: &'a Annotations, text: &str) -> Vec<&'a Entity> {
    found.entities.iter().filter(|e| e.text == text).collect()
}

fn one<'a>(found: &'a Annotations, text: &str) -> &'a Entity {
    all(found, text)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no entity {text:?}"))
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn seed_000_entities() {
    let (text, found) = annotate("000", 2015, 11, 17);
    for e in &found.entities {
        assert_eq!(slice(&text, e.start, e.end), e.text);
    }

    // "US Secretary of State John Kerry": the person, his code, his title.
    let kerry = all(&found, "John Kerry")
        .into_iter()
        .find(|e| e.title.is_some())
        .expect("titled Kerry");
    assert_eq!(kerry.kind, EntityKind::Person);
    assert_eq!(kerry.canonical, "John Kerry");
    assert_eq!(kerry.code.as_deref(), Some("USAGOV"));
    assert_eq!(kerry.country.as_deref(), Some("USA"));
    let title = kerry.title.expect("title");
    assert_eq!(
        slice(&text, title.start, title.end),
        "US Secretary of State"
    );

    // Later "Kerry": the same canonical name and code.
    let short = all(&found, "Kerry");
    assert!(short.len() >= 5, "{short:?}");
    for k in &short {
        assert_eq!(k.canonical, "John Kerry");
        assert_eq!(k.code.as_deref(), Some("USAGOV"));
        assert_eq!(k.via, EntityVia::Coreference);
    }

    // "the Islamic State group" and "the Islamic State": one canonical.
    let is_group = one(&found, "Islamic State group");
    let is_plain = one(&found, "Islamic State");
    for e in [is_group, is_plain] {
        assert_eq!(e.kind, EntityKind::Group);
        assert_eq!(e.canonical, "Islamic State");
        assert_eq!(e.code.as_deref(), Some("IMGMUSISI"));
    }

    let govt = one(&found, "Syria's government");
    assert_eq!(
        (govt.kind, govt.code.as_deref()),
        (EntityKind::Org, Some("SYRGOV"))
    );
    assert_eq!(govt.canonical, "Syrian government");

    // "President Bashar Assad's government".
    let assad = one(&found, "Bashar Assad");
    assert_eq!(assad.canonical, "Bashar al-Assad");
    assert_eq!(assad.code.as_deref(), Some("SYRGOV"));
    let his = one(&found, "government");
    assert_eq!(his.code.as_deref(), Some("SYRGOV"));

    for (place, country) in [
        ("Saudi Arabia", "SAU"),
        ("Paris", "FRA"),
        ("France", "FRA"),
        ("Vienna", "AUT"),
        ("Lebanon", "LBN"),
        ("Turkey", "TUR"),
    ] {
        let e = one(&found, place);
        assert_eq!(e.kind, EntityKind::Gpe, "{place}");
        assert_eq!(e.country.as_deref(), Some(country), "{place}");
    }

    let hollande = one(&found, "Francois Hollande");
    assert_eq!(hollande.code.as_deref(), Some("FRAGOV"));
    let title = hollande.title.expect("title");
    assert_eq!(slice(&text, title.start, title.end), "French President");
    assert_eq!(one(&found, "Hollande").canonical, "Francois Hollande");

    let opposition = one(&found, "Syrian opposition figures");
    assert_eq!(opposition.code.as_deref(), Some("SYROPP"));
}

#[test]
fn seed_000_quotes_and_numbers() {
    let (text, found) = annotate("000", 2015, 11, 17);
    // Five quotations, all Kerry's: two with "Kerry said", one following
    // in the same paragraph, two with "he said".
    assert_eq!(found.quotes.len(), 5);
    for q in &found.quotes {
        assert_eq!(q.speaker.as_deref(), Some("John Kerry"), "{q:?}");
        assert_eq!(q.speaker_code.as_deref(), Some("USAGOV"));
    }
    let he: Vec<_> = found
        .quotes
        .iter()
        .filter_map(|q| q.speaker_span)
        .map(|s| slice(&text, s.start, s.end))
        .collect();
    assert_eq!(he, ["Kerry", "he", "Kerry", "he"]);

    let killed: Vec<_> = found
        .quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Killed)
        .collect();
    assert_eq!(killed.len(), 1);
    assert_eq!(killed[0].value, Some(129));
    assert_eq!(killed[0].text, "killed 129 people");
    assert_eq!(
        slice(&text, killed[0].number.start, killed[0].number.end),
        "129"
    );

    let years = found
        .quantities
        .iter()
        .find(|q| q.kind == QuantityKind::Duration)
        .expect("over four years");
    assert_eq!(years.duration.as_deref(), Some("P4Y"));
    assert_eq!(years.r#mod.as_deref(), Some("MORE_THAN"));
}

#[test]
fn seed_004() {
    let (text, found) = annotate("004", 2016, 7, 6);
    for e in &found.entities {
        assert_eq!(slice(&text, e.start, e.end), e.text);
    }
    for army in ["Syrian army", "Syrian military"] {
        let e = one(&found, army);
        assert_eq!(e.code.as_deref(), Some("SYRMIL"), "{army}");
        assert_eq!(e.canonical, "Syrian military");
        assert_eq!(e.kind, EntityKind::Org);
    }
    let kerry = one(&found, "John Kerry");
    assert_eq!(kerry.code.as_deref(), Some("USAGOV"));
    for k in all(&found, "Kerry") {
        assert_eq!(
            (k.canonical.as_str(), k.code.as_deref()),
            ("John Kerry", Some("USAGOV"))
        );
    }
    let tbilisi = one(&found, "Tbilisi");
    assert_eq!(
        (tbilisi.kind, tbilisi.country.as_deref()),
        (EntityKind::Gpe, Some("GEO"))
    );
    let reuters = one(&found, "Reuters");
    assert_eq!(reuters.kind, EntityKind::Org);
    assert_eq!(reuters.code.as_deref(), Some("MED"));

    let hours: Vec<_> = found
        .quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Duration)
        .collect();
    assert!(hours.len() >= 2);
    assert_eq!(hours[0].text, "72-hour");
    assert!(hours.iter().all(|q| q.duration.as_deref() == Some("PT72H")));

    // Kerry's three quotations (the partial "a harbinger" and the two
    // full ones); the scare-quoted "regime of calm" is the military
    // source's, as the sentence says.
    let kerry_quotes = found
        .quotes
        .iter()
        .filter(|q| q.speaker.as_deref() == Some("John Kerry"))
        .count();
    assert_eq!(kerry_quotes, 3, "{:#?}", found.quotes);
    let calm = found
        .quotes
        .iter()
        .find(|q| slice(&text, q.start, q.end) == "\"regime of calm\"")
        .expect("regime of calm");
    assert_eq!(calm.speaker.as_deref(), Some("a military source"));

    // Nothing from the Vietnamese navigation line.
    let vov = text.find("Mời").expect("VOV line");
    let vov_end = vov + text[vov..].find('\n').unwrap_or(0);
    let (a, b) = (text[..vov].chars().count(), text[..vov_end].chars().count());
    assert!(found.entities.iter().all(|e| e.end <= a || e.start >= b));
}
