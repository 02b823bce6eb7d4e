//! Real-world-style news sentences (written for these tests), one behaviour
//! each: entity codes and canonical names, quotes, numbers, sentences.

use std::sync::OnceLock;

use dateline_annotate::{Annotations, Annotator, EntityKind, QuantityKind};

fn annotator() -> &'static Annotator {
    static AN: OnceLock<Annotator> = OnceLock::new();
    AN.get_or_init(Annotator::new)
}

fn run(text: &str) -> Annotations {
    annotator().annotate(text)
}

/// (canonical, code) of the entity written `mention`.
fn entity(found: &Annotations, mention: &str) -> (String, Option<String>, EntityKind) {
    let e = found
        .entities
        .iter()
        .find(|e| e.text == mention)
        .unwrap_or_else(|| panic!("no {mention:?} in {:#?}", found.entities));
    (e.canonical.clone(), e.code.clone(), e.kind)
}

fn code(found: &Annotations, mention: &str) -> Option<String> {
    entity(found, mention).1
}

#[test]
fn islamic_state_has_one_name() {
    let f = run(
        "Iraqi forces pushed ISIL fighters out of Ramadi, while ISIS, also known as Daesh, \
         lost ground in Syria. IS said the Islamic State of Iraq and the Levant would fight on.",
    );
    for m in [
        "ISIL fighters",
        "ISIS",
        "Daesh",
        "IS",
        "Islamic State of Iraq and the Levant",
    ] {
        let (canonical, code, kind) = entity(&f, m);
        assert_eq!(canonical, "Islamic State", "{m}");
        assert_eq!(code.as_deref(), Some("IMGMUSISI"), "{m}");
        assert_eq!(kind, EntityKind::Group);
    }
}

#[test]
fn nusra_front_has_one_name() {
    let f = run(
        "Jabhat al-Nusra, al Qaeda's Syrian affiliate, fought alongside Ahrar al-Sham. \
         The Nusra Front is excluded from the truce.",
    );
    for m in [
        "Jabhat al-Nusra",
        "al Qaeda's Syrian affiliate",
        "Nusra Front",
    ] {
        assert_eq!(entity(&f, m).0, "Nusra Front", "{m}");
        assert_eq!(code(&f, m).as_deref(), Some("SYRREBMUS"));
    }
    assert_eq!(entity(&f, "Ahrar al-Sham").2, EntityKind::Group);
}

#[test]
fn kurdish_and_rebel_groups() {
    let f = run(
        "The U.S.-backed Syrian Democratic Forces (SDF), dominated by the Kurdish YPG militia, \
         advanced on Manbij as the Free Syrian Army and Hezbollah fought near Aleppo.",
    );
    // The dictionary phrase takes "U.S.-backed" along: the backer is not
    // an actor of its own here.
    assert_eq!(
        entity(&f, "U.S.-backed Syrian Democratic Forces").0,
        "Syrian Democratic Forces"
    );
    assert_eq!(entity(&f, "SDF").0, "Syrian Democratic Forces");
    assert_eq!(
        entity(&f, "Kurdish YPG militia").0,
        "People's Protection Units"
    );
    assert_eq!(code(&f, "Free Syrian Army").as_deref(), Some("SYRREB"));
    assert_eq!(code(&f, "Hezbollah").as_deref(), Some("LBNREB"));
    assert_eq!(code(&f, "Manbij").as_deref(), Some("SYR"));
}

#[test]
fn armies_and_air_forces() {
    let f = run(
        "Russian warplanes struck rebel-held districts while the Syrian army and Iranian \
         troops advanced. Turkish military sources said the Turkish army shelled YPG positions.",
    );
    assert_eq!(code(&f, "Russian warplanes").as_deref(), Some("RUSMIL"));
    assert_eq!(code(&f, "Syrian army").as_deref(), Some("SYRMIL"));
    assert_eq!(code(&f, "Iranian troops").as_deref(), Some("IRNMIL"));
    assert_eq!(code(&f, "Turkish army").as_deref(), Some("TURMIL"));
    assert_eq!(entity(&f, "Turkish army").0, "Turkish military");
}

#[test]
fn officials_by_title() {
    let f = run(
        "Russian Foreign Minister Sergei Lavrov met Saudi Foreign Minister Adel al-Jubeir, \
         and U.N. envoy Staffan de Mistura briefed the Security Council. Jordanian Foreign \
         Minister Ayman Safadi joined them.",
    );
    assert_eq!(code(&f, "Sergei Lavrov").as_deref(), Some("RUSGOV"));
    assert_eq!(code(&f, "Adel al-Jubeir").as_deref(), Some("SAUGOV"));
    assert_eq!(code(&f, "Staffan de Mistura").as_deref(), Some("IGOUNO"));
    assert_eq!(code(&f, "Security Council").as_deref(), Some("IGOUNO"));
    // Not in the dictionaries: the title gives the code.
    let (canonical, c, kind) = entity(&f, "Ayman Safadi");
    assert_eq!(
        (canonical.as_str(), c.as_deref(), kind),
        ("Ayman Safadi", Some("JORGOV"), EntityKind::Person)
    );
}

#[test]
fn surnames_follow_full_names() {
    let f = run(
        "Turkish President Tayyip Erdogan spoke on Monday. Erdogan said Ankara would not \
         allow a Kurdish corridor. Later, Mr. Erdogan left for Baku.",
    );
    let erdogans: Vec<_> = f
        .entities
        .iter()
        .filter(|e| e.canonical == "Recep Tayyip Erdogan")
        .collect();
    assert_eq!(erdogans.len(), 3, "{:#?}", f.entities);
    assert!(erdogans.iter().all(|e| e.code.as_deref() == Some("TURGOV")));
    assert_eq!(code(&f, "Ankara").as_deref(), Some("TUR"));
}

#[test]
fn international_bodies() {
    let f = run(
        "The U.N. Security Council, NATO, the European Union and the International Committee \
         of the Red Cross all welcomed the deal, the Syrian Observatory for Human Rights said.",
    );
    assert_eq!(entity(&f, "U.N. Security Council").0, "UN Security Council");
    assert_eq!(code(&f, "NATO").as_deref(), Some("IGOWSTNAT"));
    assert_eq!(entity(&f, "European Union").0, "European Union");
    assert_eq!(
        code(&f, "International Committee of the Red Cross").as_deref(),
        Some("NGOHLHIRC")
    );
    assert_eq!(
        entity(&f, "Syrian Observatory for Human Rights").2,
        EntityKind::Org
    );
}

#[test]
fn opposition_and_rebels() {
    let f = run(
        "The High Negotiations Committee, the main Syrian opposition bloc, said rebels would \
         respect the truce. The rebels later accused government forces of violations.",
    );
    assert_eq!(
        code(&f, "High Negotiations Committee").as_deref(),
        Some("SYROPP")
    );
    assert_eq!(code(&f, "Syrian opposition").as_deref(), Some("SYROPP"));
    assert_eq!(code(&f, "rebels").as_deref(), Some("---REB"));
    assert_eq!(code(&f, "government forces").as_deref(), Some("---MIL"));
}

#[test]
fn quotes_with_speakers() {
    let f = run(
        "Syria's U.N. ambassador Bashar Jaafari spoke in Geneva.\n\n\
         \"We will not negotiate with terrorists,\" Jaafari told reporters.\n\n\
         \"This is a serious step,\" said German Foreign Minister Frank-Walter Steinmeier.\n\n\
         Aid workers said supplies were running out. \"People are eating grass,\" according to \
         a spokesman for the World Food Programme.",
    );
    let speakers: Vec<_> = f
        .quotes
        .iter()
        .map(|q| q.speaker.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        speakers,
        [
            "Bashar al-Jaafari",
            "Frank-Walter Steinmeier",
            "World Food Programme"
        ]
    );
    assert_eq!(f.quotes[0].speaker_code.as_deref(), Some("SYRGOV"));
}

#[test]
fn a_quote_continued_over_paragraphs() {
    let text = "Opposition negotiator Mohammed Alloush was blunt.\n\n\"The regime has broken \
                every promise.\n\n\"We will not sit at the table while they starve our \
                people,\" he said.";
    let f = run(text);
    assert_eq!(f.quotes.len(), 1);
    assert_eq!(f.quotes[0].speaker.as_deref(), Some("Mohammed Alloush"));
}

#[test]
fn casualties() {
    let cases: &[(&str, QuantityKind, u64, Option<&str>)] = &[
        (
            "Air strikes killed at least 26 people in Idlib.",
            QuantityKind::Killed,
            26,
            Some("EQUAL_OR_MORE"),
        ),
        (
            "The death toll climbed to 46, the ministry said.",
            QuantityKind::Killed,
            46,
            None,
        ),
        (
            "A car bomb wounded 12 soldiers near the border.",
            QuantityKind::Wounded,
            12,
            None,
        ),
        (
            "More than 300,000 people have been displaced.",
            QuantityKind::Displaced,
            300_000,
            Some("MORE_THAN"),
        ),
        (
            "Nearly two hundred civilians were killed last month.",
            QuantityKind::Killed,
            200,
            Some("LESS_THAN"),
        ),
        (
            "Gunmen kidnapped 20 aid workers.",
            QuantityKind::Detained,
            20,
            None,
        ),
        (
            "Hundreds of people were wounded.",
            QuantityKind::Wounded,
            200,
            None,
        ),
    ];
    for (text, kind, value, md) in cases {
        let f = run(text);
        let q = f
            .quantities
            .first()
            .unwrap_or_else(|| panic!("nothing in {text:?}"));
        assert_eq!(
            (q.kind, q.value, q.r#mod.as_deref()),
            (*kind, Some(*value), *md),
            "{text}"
        );
    }
}

#[test]
fn forces_and_durations() {
    let f =
        run("Washington will send 250 special forces and 5,000 troops for a six-month mission.");
    let kinds: Vec<_> = f.quantities.iter().map(|q| (q.kind, q.value)).collect();
    assert_eq!(
        kinds,
        [
            (QuantityKind::Forces, Some(250)),
            (QuantityKind::Forces, Some(5000)),
            (QuantityKind::Duration, Some(6))
        ]
    );
    assert_eq!(f.quantities[2].duration.as_deref(), Some("P6M"));
    let f = run("The 48-hour ceasefire was extended by three days.");
    let durations: Vec<_> = f
        .quantities
        .iter()
        .filter_map(|q| q.duration.as_deref())
        .collect();
    assert_eq!(durations, ["PT48H", "P3D"]);
}

#[test]
fn news_sentences() {
    let text = "GENEVA (Reuters) - U.N. mediator Staffan de Mistura said on Monday talks would \
                resume at 10 a.m. on Feb. 25. Lt. Col. Ahmed Saleh of the Free Syrian Army \
                said the U.S. had not been told. \"We are ready,\" he said. \"Are they?\"";
    let s = annotator().sentences(text);
    let got: Vec<String> = s
        .iter()
        .map(|sp| {
            text.chars()
                .skip(sp.start)
                .take(sp.end - sp.start)
                .collect()
        })
        .collect();
    assert_eq!(
        got,
        [
            "GENEVA (Reuters) - U.N. mediator Staffan de Mistura said on Monday talks would resume at 10 a.m. on Feb. 25.",
            "Lt. Col. Ahmed Saleh of the Free Syrian Army said the U.S. had not been told.",
            "\"We are ready,\" he said.",
            "\"Are they?\""
        ]
    );
}

#[test]
fn bad_inputs_invent_nothing() {
    // A 10,000-word run-on sentence, in capitals, no punctuation.
    let long = "THE TALKS WENT ON AND ON WITH NO SIGN US OF IS AN END ".repeat(1_000);
    let f = run(&long);
    assert_eq!(f.sentences.len(), 1);
    assert!(f.entities.iter().all(|e| e.kind != EntityKind::Person));
    assert!(
        f.entities
            .iter()
            .all(|e| e.canonical != "United States" && e.canonical != "Islamic State")
    );
    // Other languages.
    for text in [
        "Die Bundesregierung und Frankreich haben Gespräche über eine Waffenruhe begonnen.",
        "Mời quý độc giả theo dõi VOV.VN trên Facebook",
        "وقالت وزارة الخارجية إن المحادثات ستستأنف",
        "Москва заявила о перемирии в Сирии",
    ] {
        let f = run(text);
        assert!(
            f.entities.iter().all(|e| e.kind != EntityKind::Person),
            "{text}: {:#?}",
            f.entities
        );
        assert!(f.quantities.is_empty());
    }
    // A list of names is names, not invented codes.
    let f = run("Ali, Omar, Hassan, Fatima, Khaled, Rami.");
    assert!(f.entities.iter().all(|e| e.code.is_none()));
    // Thousands of numbers.
    let f = run(&"1 2 3 4 5 6 7 8 9 10 ".repeat(2_000));
    assert!(f.quantities.is_empty());
}
