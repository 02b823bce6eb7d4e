//! One-line summaries of linked events and ceasefire steps, written the way a
//! news timeline reads: "Syrian army declares 72-hour ceasefire across Syria".
//!
//! Built from the coded fields only (actors, PLOVER type, place, ceasefire
//! frame); it does not quote the articles, so a summary never carries one
//! source's wording into an entry that several sources support.

use dateline_core::{Ceasefire, CeasefireStatus, EventActor};

/// The name a reader knows an actor by.
pub(crate) fn actor_name(actor: &EventActor) -> &str {
    actor
        .canonical
        .as_deref()
        .filter(|c| !c.is_empty())
        .unwrap_or(&actor.text)
}

/// `s` with its first letter capitalised.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How a PLOVER type reads: the verb with an object (third person
/// singular, with its preposition), the verb alone, and the noun; a few
/// CAMEO codes read better with their own words.
fn wording(kind: &str, cameo: &str) -> (&'static str, &'static str, &'static str) {
    if cameo.starts_with("087") {
        return ("declares a truce with", "declares a truce", "Truce");
    }
    if cameo.starts_with("04") {
        return ("meets", "holds talks", "Talks");
    }
    match kind {
        "AGREE" => ("agrees with", "agrees", "Agreement"),
        "AID" => ("gives aid to", "gives aid", "Aid"),
        "ASSAULT" => ("attacks", "attacks", "Attack"),
        "COERCE" => ("coerces", "uses coercion", "Coercion"),
        "CONCEDE" => ("makes concessions to", "makes concessions", "Concession"),
        "CONSULT" => ("consults", "holds consultations", "Consultation"),
        "COOPERATE" => ("cooperates with", "cooperates", "Cooperation"),
        "DEMAND" => ("makes demands of", "makes demands", "Demand"),
        "DISAPPROVE" => ("criticises", "voices criticism", "Criticism"),
        "FIGHT" => ("fights", "fights", "Fighting"),
        "INVESTIGATE" => ("investigates", "investigates", "Investigation"),
        "MOBILIZE" => ("mobilises against", "mobilises", "Mobilisation"),
        "PROTEST" => ("protests against", "protests", "Protest"),
        "REJECT" => ("rejects", "rejects", "Rejection"),
        "RETREAT" => ("de-escalates with", "de-escalates", "De-escalation"),
        "SANCTION" => ("sanctions", "imposes sanctions", "Sanctions"),
        "STATEMENT" => ("makes a statement on", "makes a statement", "Statement"),
        "SUPPORT" => ("supports", "voices support", "Support"),
        "THREATEN" => ("threatens", "issues threats", "Threat"),
        _ => ("acts on", "acts", "Event"),
    }
}

/// "Syrian army attacks rebels in Aleppo"; "Attack on rebels in Aleppo" without a source.
pub(crate) fn event(
    kind: &str,
    cameo: &str,
    source: Option<&EventActor>,
    target: Option<&EventActor>,
    place: Option<&str>,
) -> String {
    let (verb, alone, noun) = wording(kind, cameo);
    let mut line = match (source, target) {
        (Some(s), Some(t)) => format!("{} {verb} {}", capitalise(actor_name(s)), actor_name(t)),
        (Some(s), None) => format!("{} {alone}", capitalise(actor_name(s))),
        (None, Some(t)) => format!("{noun} involving {}", actor_name(t)),
        (None, None) => noun.to_string(),
    };
    if let Some(place) = place.filter(|p| !p.is_empty()) {
        line.push_str(" in ");
        line.push_str(place);
    }
    line
}

/// An ISO 8601 duration as an adjective: `PT72H` → "72-hour", `P3D` → "3-day".
fn duration_adjective(duration: &str) -> Option<String> {
    let body = duration.strip_prefix('P')?;
    let (time, body) = match body.strip_prefix('T') {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let unit_at = body.find(|c: char| !c.is_ascii_digit())?;
    let (n, unit) = body.split_at(unit_at);
    let unit = match (time, unit) {
        (true, "H") => "hour",
        (true, "M") => "minute",
        (false, "D") => "day",
        (false, "W") => "week",
        (false, "M") => "month",
        (false, "Y") => "year",
        _ => return None,
    };
    (!n.is_empty()).then(|| format!("{n}-{unit}"))
}

/// Names joined for a sentence: "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The line for one step of a ceasefire's life: "Syrian army declares
/// 72-hour ceasefire across Syria", "Ceasefire takes effect across Syria".
pub(crate) fn ceasefire_step(status: CeasefireStatus, frame: &Ceasefire) -> String {
    let truce = match frame.duration.as_deref().and_then(duration_adjective) {
        Some(adj) => format!("{adj} ceasefire"),
        None => "ceasefire".to_string(),
    };
    let scope = frame.scope.as_deref().filter(|s| !s.is_empty());
    let across = scope.map(|s| format!(" across {s}")).unwrap_or_default();
    let in_scope = scope.map(|s| format!(" in {s}")).unwrap_or_default();
    let who: Vec<String> = frame.declarer.iter().take(3).cloned().collect();
    let plural = who.len() > 1;
    let by = |singular: &str, plural_form: &str| {
        let verb = if plural { plural_form } else { singular };
        format!("{} {verb} {truce}{in_scope}", join_names(&who))
    };
    match status {
        CeasefireStatus::Proposed if !who.is_empty() => by("proposes", "propose"),
        CeasefireStatus::Agreed if !who.is_empty() => by("agrees", "agree"),
        CeasefireStatus::Declared if !who.is_empty() => {
            let verb = if plural { "declare" } else { "declares" };
            format!("{} {verb} {truce}{across}", join_names(&who))
        }
        CeasefireStatus::Proposed => format!("{} proposed{in_scope}", capitalise(&truce)),
        CeasefireStatus::Agreed => format!("{} agreed{in_scope}", capitalise(&truce)),
        CeasefireStatus::Declared => format!("{} declared{across}", capitalise(&truce)),
        CeasefireStatus::InEffect => format!("{} takes effect{across}", capitalise(&truce)),
        CeasefireStatus::Violated => format!("{}{in_scope} reported violated", capitalise(&truce)),
        CeasefireStatus::Extended => format!("{}{in_scope} extended", capitalise(&truce)),
        CeasefireStatus::Collapsed => format!("{}{in_scope} collapses", capitalise(&truce)),
        CeasefireStatus::Ended => format!("{}{in_scope} ends", capitalise(&truce)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(text: &str, canonical: &str) -> EventActor {
        EventActor {
            text: text.into(),
            canonical: Some(canonical.into()),
            code: None,
        }
    }

    fn frame(declarer: &[&str], scope: Option<&str>, duration: Option<&str>) -> Ceasefire {
        Ceasefire {
            declarer: declarer.iter().map(|s| s.to_string()).collect(),
            parties: Vec::new(),
            excluded: Vec::new(),
            scope: scope.map(str::to_string),
            start: None,
            duration: duration.map(str::to_string),
            end: None,
            status: CeasefireStatus::Declared,
            conditions: Vec::new(),
            reactions: Vec::new(),
            evidence: Vec::new(),
            issues: Vec::new(),
        }
    }

    #[test]
    fn ceasefire_steps_read_as_headlines() {
        let declared = frame(&["Syrian army"], Some("Syria"), Some("PT72H"));
        assert_eq!(
            ceasefire_step(CeasefireStatus::Declared, &declared),
            "Syrian army declares 72-hour ceasefire across Syria"
        );
        assert_eq!(
            ceasefire_step(CeasefireStatus::InEffect, &declared),
            "72-hour ceasefire takes effect across Syria"
        );
        let agreed = frame(&["United States", "Russia"], Some("Syria"), None);
        assert_eq!(
            ceasefire_step(CeasefireStatus::Agreed, &agreed),
            "United States and Russia agree ceasefire in Syria"
        );
        let bare = frame(&[], None, None);
        assert_eq!(
            ceasefire_step(CeasefireStatus::Collapsed, &bare),
            "Ceasefire collapses"
        );
    }

    #[test]
    fn events_name_actors_and_place() {
        let army = actor("the Syrian army", "Syrian army");
        let rebels = actor("rebels", "rebels");
        assert_eq!(
            event("ASSAULT", "190", Some(&army), Some(&rebels), Some("Aleppo")),
            "Syrian army attacks rebels in Aleppo"
        );
        assert_eq!(
            event(
                "CONSULT",
                "043",
                Some(&actor("Kerry", "John Kerry")),
                None,
                Some("Vienna")
            ),
            "John Kerry holds talks in Vienna"
        );
        assert_eq!(
            event("FIGHT", "190", None, Some(&rebels), None),
            "Fighting involving rebels"
        );
        assert_eq!(duration_adjective("P3D").as_deref(), Some("3-day"));
        assert_eq!(duration_adjective("PXD"), None);
    }
}
