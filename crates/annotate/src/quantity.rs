//! Numbers that matter: casualties, counts of forces, durations.
//!
//! A number is digits ("5,000", "1.5 million"), number words ("twenty-six",
//! "a dozen", "two hundred"), or a vague amount ("dozens", "hundreds",
//! "tens of thousands": its lower bound, flagged approximate), with a
//! modifier before it ("at least" `EQUAL_OR_MORE`, "more than"/"over"
//! `MORE_THAN`, "nearly"/"fewer than" `LESS_THAN`, "up to" `EQUAL_OR_LESS`,
//! "about"/"some" `APPROX`).
//!
//! What it counts comes from the words around it:
//!
//! - casualties: "killed 129 people", "killing at least 26", "26 people were
//!   killed", "46 dead", "the death toll rose to 46", "dozens wounded",
//!   "displaced 300,000", "12 missing", "kidnapped 20";
//! - forces: "5,000 troops", "300 Russian soldiers", "30 warplanes";
//! - durations: "72-hour", "three days", "over four years": the ISO 8601
//!   value (`PT72H`, `P3D`, `P4Y`) as the temporal stage writes it, but
//!   not "two days ago" or "five years old" (dates and ages).

use dateline_core::QuantityKind;

use crate::entity::Ctx;
use crate::token::{Kind, Token};

/// A quantity over tokens `a..b` with its number at `num`.
#[derive(Debug)]
pub(crate) struct Qty {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) kind: QuantityKind,
    pub(crate) value: Option<u64>,
    pub(crate) approx: bool,
    pub(crate) modifier: Option<&'static str>,
    pub(crate) unit: Option<String>,
    pub(crate) duration: Option<String>,
    pub(crate) num: (usize, usize),
}

/// A number over tokens `a..b`.
#[derive(Clone, Copy, Debug)]
struct Num {
    a: usize,
    b: usize,
    value: u64,
    vague: bool,
    /// A bare integer in digits or words, usable for a duration.
    plain: bool,
}

fn unit_word(w: &str) -> Option<u64> {
    Some(match w {
        "ONE" | "A" | "AN" => 1,
        "TWO" => 2,
        "THREE" => 3,
        "FOUR" => 4,
        "FIVE" => 5,
        "SIX" => 6,
        "SEVEN" => 7,
        "EIGHT" => 8,
        "NINE" => 9,
        "TEN" => 10,
        "ELEVEN" => 11,
        "TWELVE" => 12,
        "THIRTEEN" => 13,
        "FOURTEEN" => 14,
        "FIFTEEN" => 15,
        "SIXTEEN" => 16,
        "SEVENTEEN" => 17,
        "EIGHTEEN" => 18,
        "NINETEEN" => 19,
        _ => return None,
    })
}

fn tens_word(w: &str) -> Option<u64> {
    Some(match w {
        "TWENTY" => 20,
        "THIRTY" => 30,
        "FORTY" => 40,
        "FIFTY" => 50,
        "SIXTY" => 60,
        "SEVENTY" => 70,
        "EIGHTY" => 80,
        "NINETY" => 90,
        _ => return None,
    })
}

fn scale_word(w: &str) -> Option<u64> {
    Some(match w {
        "HUNDRED" => 100,
        "THOUSAND" => 1_000,
        "MILLION" => 1_000_000,
        "BILLION" => 1_000_000_000,
        _ => return None,
    })
}

/// Vague amounts and their lower bounds.
fn vague_word(w: &str) -> Option<u64> {
    Some(match w {
        "DOZENS" => 24,
        "SCORES" => 40,
        "HUNDREDS" => 200,
        "THOUSANDS" => 2_000,
        "MILLIONS" => 2_000_000,
        _ => return None,
    })
}

/// Parses a number starting at token `i`.
fn number_at(cx: &Ctx, i: usize) -> Option<Num> {
    let t = cx.toks.get(i)?;
    let w = cx.norm(i);
    // Digits, perhaps with a scale: "5,000", "1.5 million".
    if t.kind == Kind::Number {
        let raw = cx.toks.str(i);
        let mut b = i + 1;
        let value = if let Some(s) = scale_word(cx.norm(b)) {
            b += 1;
            let f: f64 = raw.replace(',', "").parse().ok()?;
            (f * s as f64).round() as u64
        } else {
            if raw.contains('.') {
                return None;
            }
            raw.replace(',', "").parse().ok()?
        };
        return Some(Num {
            a: i,
            b,
            value,
            vague: false,
            plain: b == i + 1,
        });
    }
    if t.kind != Kind::Word {
        return None;
    }
    // "tens of thousands", "hundreds of thousands".
    if (w == "TENS" || w == "HUNDREDS")
        && cx.norm(i + 1) == "OF"
        && let Some(s @ (1_000 | 1_000_000)) = scale_word(cx.norm(i + 2).trim_end_matches('S'))
    {
        let base = if w == "TENS" { 20 } else { 200 };
        return Some(Num {
            a: i,
            b: i + 3,
            value: base * s,
            vague: true,
            plain: false,
        });
    }
    if let Some(v) = vague_word(w) {
        return Some(Num {
            a: i,
            b: i + 1,
            value: v,
            vague: true,
            plain: false,
        });
    }
    // "a dozen", "half a million".
    if (w == "A" || w == "AN") && cx.norm(i + 1) == "DOZEN" {
        return Some(Num {
            a: i,
            b: i + 2,
            value: 12,
            vague: false,
            plain: false,
        });
    }
    if w == "HALF"
        && matches!(cx.norm(i + 1), "A" | "AN")
        && let Some(s) = scale_word(cx.norm(i + 2))
    {
        return Some(Num {
            a: i,
            b: i + 3,
            value: s / 2,
            vague: false,
            plain: false,
        });
    }
    // Number words: "twenty-six", "two hundred", "three thousand".
    let mut value = 0u64;
    let mut group = 0u64;
    let mut j = i;
    let mut any = false;
    loop {
        let w = cx.norm(j);
        let article = (w == "A" || w == "AN") && j == i;
        if let Some(u) = unit_word(w) {
            if article && scale_word(cx.norm(j + 1)).is_none() {
                break;
            }
            group += u;
        } else if let Some(t) = tens_word(w) {
            group += t;
        } else if let Some(s) = scale_word(w) {
            if !any {
                break;
            }
            if s == 100 {
                group = group.max(1) * 100;
            } else {
                value += group.max(1) * s;
                group = 0;
            }
        } else if w == "AND"
            && any
            && (tens_word(cx.norm(j + 1)).is_some() || unit_word(cx.norm(j + 1)).is_some())
        {
            // "two hundred and fifty"
        } else {
            break;
        }
        any = true;
        j += 1;
        if j - i > 8 {
            break;
        }
    }
    if !any {
        return None;
    }
    Some(Num {
        a: i,
        b: j,
        value: value + group,
        vague: false,
        plain: true,
    })
}

/// A modifier ending just before token `i`: its first token and mod.
fn modifier_before(cx: &Ctx, i: usize) -> Option<(usize, &'static str)> {
    let w1 = i.checked_sub(1).map(|j| cx.norm(j)).unwrap_or("");
    let w2 = i.checked_sub(2).map(|j| cx.norm(j)).unwrap_or("");
    let two = match (w2, w1) {
        ("AT", "LEAST") => Some("EQUAL_OR_MORE"),
        ("MORE" | "GREATER", "THAN") => Some("MORE_THAN"),
        ("FEWER" | "LESS", "THAN") => Some("LESS_THAN"),
        ("UP", "TO") => Some("EQUAL_OR_LESS"),
        ("AT", "MOST") => Some("EQUAL_OR_LESS"),
        ("AS", "MANY") => Some("EQUAL_OR_MORE"),
        ("AN", "ESTIMATED") => Some("APPROX"),
        _ => None,
    };
    if let Some(m) = two {
        return Some((i - 2, m));
    }
    let one = match w1 {
        "OVER" => "MORE_THAN",
        "NEARLY" | "ALMOST" | "UNDER" => "LESS_THAN",
        "ABOUT" | "AROUND" | "SOME" | "APPROXIMATELY" | "ROUGHLY" | "ESTIMATED" => "APPROX",
        _ => return None,
    };
    Some((i - 1, one))
}

/// Nouns of people that casualty figures count.
fn person_noun(w: &str) -> bool {
    matches!(
        w,
        "PEOPLE"
            | "PERSONS"
            | "PERSON"
            | "CIVILIANS"
            | "CIVILIAN"
            | "CHILDREN"
            | "CHILD"
            | "WOMEN"
            | "MEN"
            | "SOLDIERS"
            | "SOLDIER"
            | "TROOPS"
            | "FIGHTERS"
            | "MILITANTS"
            | "REBELS"
            | "INSURGENTS"
            | "JIHADISTS"
            | "POLICEMEN"
            | "POLICE"
            | "OFFICERS"
            | "MEMBERS"
            | "RESIDENTS"
            | "PROTESTERS"
            | "DEMONSTRATORS"
            | "REFUGEES"
            | "MIGRANTS"
            | "WORKERS"
            | "JOURNALISTS"
            | "SYRIANS"
            | "PASSENGERS"
            | "PILGRIMS"
            | "STUDENTS"
            | "VICTIMS"
            | "TOURISTS"
            | "GUARDS"
            | "PERSONNEL"
            | "COMBATANTS"
            | "GUNMEN"
            | "BYSTANDERS"
            | "AID"
            | "HOSTAGES"
            | "PRISONERS"
            | "DETAINEES"
            | "FAMILIES"
            | "INFANTS"
            | "BABIES"
            | "GIRLS"
            | "BOYS"
            | "DOCTORS"
            | "MEDICS"
            | "VOLUNTEERS"
            | "INHABITANTS"
            | "MARINES"
            | "SAILORS"
            | "AIRMEN"
            | "COMMANDERS"
            | "OFFICIALS"
            | "ATTACKERS"
    )
}

/// Nouns that count armed forces and materiel.
fn force_noun(w: &str) -> bool {
    matches!(
        w,
        "TROOPS"
            | "SOLDIERS"
            | "FIGHTERS"
            | "MILITANTS"
            | "REBELS"
            | "INSURGENTS"
            | "JIHADISTS"
            | "PERSONNEL"
            | "MARINES"
            | "SERVICEMEN"
            | "COMMANDOS"
            | "PARATROOPERS"
            | "POLICEMEN"
            | "ADVISERS"
            | "ADVISORS"
            | "MERCENARIES"
            | "MILITIAMEN"
            | "GUNMEN"
            | "WARPLANES"
            | "JETS"
            | "AIRCRAFT"
            | "PLANES"
            | "HELICOPTERS"
            | "TANKS"
            | "DRONES"
            | "WARSHIPS"
            | "BOMBERS"
            | "MISSILES"
            | "VOLUNTEERS"
            | "SPECIAL"
            | "FORCES"
            | "RESERVISTS"
            | "SNIPERS"
            | "BATTALIONS"
            | "BRIGADES"
    )
}

/// Casualty verbs and adjectives after a number ("26 people were killed").
fn casualty_after(w: &str) -> Option<QuantityKind> {
    Some(match w {
        "KILLED" | "DEAD" | "DIED" | "SLAIN" | "MASSACRED" | "EXECUTED" | "PERISHED" | "DEATHS"
        | "FATALITIES" | "BODIES" | "MURDERED" | "DIE" | "DIES" | "DROWNED" => QuantityKind::Killed,
        "WOUNDED" | "INJURED" | "HURT" | "INJURIES" => QuantityKind::Wounded,
        "CASUALTIES" => QuantityKind::Casualties,
        "DISPLACED" | "FLED" | "UPROOTED" | "HOMELESS" | "EVACUATED" => QuantityKind::Displaced,
        "MISSING" => QuantityKind::Missing,
        "DETAINED" | "ARRESTED" | "CAPTURED" | "KIDNAPPED" | "ABDUCTED" | "HELD" | "JAILED"
        | "IMPRISONED" => QuantityKind::Detained,
        _ => return None,
    })
}

/// Casualty verbs before a number ("killed 129 people").
fn casualty_before(w: &str) -> Option<QuantityKind> {
    Some(match w {
        "KILLED" | "KILLING" | "KILL" | "KILLS" | "MASSACRED" | "EXECUTED" => QuantityKind::Killed,
        "WOUNDED" | "WOUNDING" | "INJURED" | "INJURING" | "WOUND" | "INJURE" => {
            QuantityKind::Wounded
        }
        "DISPLACED" | "DISPLACING" | "UPROOTED" | "EVACUATED" => QuantityKind::Displaced,
        "KIDNAPPED" | "ABDUCTED" | "ARRESTED" | "DETAINED" | "CAPTURED" | "SEIZED" => {
            QuantityKind::Detained
        }
        _ => return None,
    })
}

fn duration_unit(w: &str) -> Option<(&'static str, &'static str, bool)> {
    // (ISO letter, unit, is a time part)
    Some(match w.trim_end_matches('S') {
        "SECOND" => ("S", "second", true),
        "MINUTE" => ("M", "minute", true),
        "HOUR" => ("H", "hour", true),
        "DAY" => ("D", "day", false),
        "WEEK" => ("W", "week", false),
        "MONTH" => ("M", "month", false),
        "YEAR" => ("Y", "year", false),
        "DECADE" => ("Y", "decade", false),
        _ => return None,
    })
}

/// Adjectives allowed between a number and its noun ("300 Russian
/// soldiers", "5,000 additional US troops").
fn between_ok(cx: &Ctx, i: usize) -> bool {
    let Some(t) = cx.toks.get(i) else {
        return false;
    };
    if t.kind != Kind::Word || t.has(Token::CLITIC) {
        return false;
    }
    let w = cx.norm(i);
    if matches!(
        w,
        "OF" | "AND"
            | "OR"
            | "WERE"
            | "WAS"
            | "WHO"
            | "THE"
            | "IN"
            | "ON"
            | "AT"
            | "TO"
            | "FROM"
            | "BY"
            | "WITH"
    ) {
        return false;
    }
    t.has(Token::CAP)
        || t.has(Token::HYPHEN)
        || cx.toks.get(i + 1).is_some_and(|n| n.has(Token::HYPHEN))
        || matches!(
            w,
            "MORE"
                | "ADDITIONAL"
                | "EXTRA"
                | "FOREIGN"
                | "ELITE"
                | "GROUND"
                | "COMBAT"
                | "ARMED"
                | "REGULAR"
                | "MILITARY"
                | "GOVERNMENT"
                | "REBEL"
                | "OPPOSITION"
                | "ENEMY"
                | "ALLIED"
                | "NEW"
                | "FRESH"
                | "LOCAL"
                | "TRAINED"
                | "INNOCENT"
                | "OTHER"
                | "SYRIAN"
                | "RUSSIAN"
                | "AMERICAN"
                | "IRANIAN"
                | "TURKISH"
                | "KURDISH"
                | "ISLAMIST"
                | "JIHADIST"
                | "SHIITE"
                | "SUNNI"
                | "POLICE"
                | "SECURITY"
                | "ARMY"
                | "NAVY"
                | "AIR"
                | "SPECIAL"
                | "REBELS"
                | "DEPLOYED"
        )
}

/// Finds the quantities of a text.
pub(crate) fn find(cx: &Ctx) -> Vec<Qty> {
    let mut out: Vec<Qty> = Vec::new();
    let n = cx.toks.len();
    let mut i = 0;
    while i < n {
        let Some(num) = number_at(cx, i) else {
            i += 1;
            continue;
        };
        let found = casualty(cx, num)
            .or_else(|| forces(cx, num))
            .or_else(|| duration(cx, num));
        match found {
            Some(q) => {
                i = q.b.max(num.b).max(i + 1);
                if out.last().is_none_or(|p| p.b <= q.a) {
                    out.push(q);
                }
            }
            None => i = num.b.max(i + 1),
        }
    }
    out
}

fn with_modifier(cx: &Ctx, num: Num) -> (usize, Option<&'static str>, bool) {
    match modifier_before(cx, num.a) {
        Some((m, md)) => (m, Some(md), num.vague || md == "APPROX"),
        None => (num.a, None, num.vague),
    }
}

fn casualty(cx: &Ctx, num: Num) -> Option<Qty> {
    // Before: "killed (at least) 129 (people)".
    let m = modifier_before(cx, num.a);
    let verb_at = m.map_or(num.a, |(s, _)| s).checked_sub(1);
    if let Some(v) = verb_at
        && let Some(kind) = casualty_before(cx.norm(v))
        && cx.same_sentence(v, num.a)
    {
        let mut b = num.b;
        let mut unit = None;
        if cx.norm(b) == "OF" && num.vague {
            b += 1;
        }
        for k in b..b + 3 {
            if person_noun(cx.norm(k)) {
                unit = Some(cx.toks.str(k).to_string());
                b = k + 1;
                break;
            }
            if !between_ok(cx, k) {
                break;
            }
        }
        if unit.is_none() && cx.norm(num.b) == "OF" {
            return None;
        }
        // "captured three villages": a number of things, not of people.
        if unit.is_none()
            && cx
                .toks
                .get(num.b)
                .is_some_and(|t| t.is_word() && t.has(Token::LOWER))
            && !matches!(
                cx.norm(num.b),
                "IN" | "ON"
                    | "AT"
                    | "AND"
                    | "OR"
                    | "NEAR"
                    | "WHEN"
                    | "AFTER"
                    | "BEFORE"
                    | "DURING"
                    | "INCLUDING"
                    | "WHILE"
                    | "AS"
                    | "WITH"
                    | "SINCE"
                    | "OVERNIGHT"
                    | "LAST"
                    | "THIS"
                    | "YESTERDAY"
                    | "TODAY"
                    | "ACCORDING"
                    | "BUT"
            )
        {
            return None;
        }
        let (modifier, approx) = (
            m.map(|x| x.1),
            num.vague || m.is_some_and(|x| x.1 == "APPROX"),
        );
        return Some(Qty {
            a: v,
            b,
            kind,
            value: Some(num.value),
            approx,
            modifier,
            unit,
            duration: None,
            num: (num.a, num.b),
        });
    }
    // "the death toll rose to 46", "a toll of 46".
    let mut k = m.map_or(num.a, |(s, _)| s);
    if k >= 1 && cx.norm(k - 1) == "TO" {
        k -= 1;
    }
    if k >= 1 && matches!(cx.norm(k - 1), "OF" | "AT") {
        k -= 1;
    }
    let mut j = k;
    while j > 0 && k - j < 4 {
        j -= 1;
        if cx.norm(j) == "TOLL" && cx.same_sentence(j, num.a) {
            let a = if j >= 1 && cx.norm(j - 1) == "DEATH" {
                j - 1
            } else {
                j
            };
            let mut b = num.b;
            let mut unit = None;
            if person_noun(cx.norm(b)) {
                unit = Some(cx.toks.str(b).to_string());
                b += 1;
            }
            return Some(Qty {
                a,
                b,
                kind: QuantityKind::Killed,
                value: Some(num.value),
                approx: num.vague || m.is_some_and(|x| x.1 == "APPROX"),
                modifier: m.map(|x| x.1),
                unit,
                duration: None,
                num: (num.a, num.b),
            });
        }
        if !matches!(
            cx.norm(j),
            "ROSE"
                | "RISEN"
                | "CLIMBED"
                | "REACHED"
                | "JUMPED"
                | "STOOD"
                | "STANDS"
                | "IS"
                | "WAS"
                | "HAS"
                | "HAD"
                | "NOW"
                | "INCREASED"
                | "SOARED"
        ) {
            break;
        }
    }
    // After: "26 (people) (were) killed", "dozens of civilians dead".
    let mut b = num.b;
    let mut unit = None;
    if cx.norm(b) == "OF" && num.vague {
        b += 1;
    }
    for k in b..b + 3 {
        if person_noun(cx.norm(k)) {
            unit = Some(cx.toks.str(k).to_string());
            b = k + 1;
            break;
        }
        if !between_ok(cx, k) {
            break;
        }
    }
    let mut v = b;
    for _ in 0..3 {
        if matches!(
            cx.norm(v),
            "WERE"
                | "WAS"
                | "HAVE"
                | "HAS"
                | "HAD"
                | "BEEN"
                | "BE"
                | "ARE"
                | "IS"
                | "REPORTEDLY"
                | "ALSO"
                | "REPORTED"
                | "CONFIRMED"
        ) {
            v += 1;
        } else {
            break;
        }
    }
    let kind = casualty_after(cx.norm(v))?;
    // "12 (people) fled" needs people; "46 dead" does not.
    if kind == QuantityKind::Displaced && unit.is_none() {
        return None;
    }
    if unit.is_none() && b != num.b {
        return None;
    }
    let (a, modifier, approx) = with_modifier(cx, num);
    Some(Qty {
        a,
        b: v + 1,
        kind,
        value: Some(num.value),
        approx,
        modifier,
        unit,
        duration: None,
        num: (num.a, num.b),
    })
}

fn forces(cx: &Ctx, num: Num) -> Option<Qty> {
    let mut b = num.b;
    if cx.norm(b) == "OF" && num.vague {
        b += 1;
    }
    for k in b..b + 4 {
        let w = cx.norm(k);
        if force_noun(w) && !(w == "SPECIAL" && cx.norm(k + 1) != "FORCES") {
            let end = if w == "SPECIAL" { k + 2 } else { k + 1 };
            // "forces" alone counts only after a modifier ("5,000 Russian forces").
            if w == "FORCES" && k == b {
                return None;
            }
            let (a, modifier, approx) = with_modifier(cx, num);
            return Some(Qty {
                a,
                b: end,
                kind: QuantityKind::Forces,
                value: Some(num.value),
                approx,
                modifier,
                unit: Some(cx.toks.str(end - 1).to_string()),
                duration: None,
                num: (num.a, num.b),
            });
        }
        if !between_ok(cx, k) {
            break;
        }
    }
    None
}

fn duration(cx: &Ctx, num: Num) -> Option<Qty> {
    if !num.plain || num.value == 0 || num.value > 10_000 {
        return None;
    }
    let u = num.b;
    let t = cx.toks.get(u)?;
    let w = cx.norm(u);
    let (letter, unit, time) = duration_unit(w)?;
    let hyphen = t.has(Token::HYPHEN);
    // Ages and relative dates are not durations.
    let next = cx.norm(u + 1);
    if matches!(
        next,
        "AGO" | "OLD" | "LATER" | "EARLIER" | "HENCE" | "BEFORE"
    ) {
        return None;
    }
    if hyphen && next == "OLD" {
        return None;
    }
    // A number word before "day"/"year" without plural is a duration only
    // hyphenated ("three-day") or for one ("one day").
    let plural = w.ends_with('S');
    if !hyphen && !plural && num.value != 1 {
        return None;
    }
    let value = if unit == "decade" {
        num.value * 10
    } else {
        num.value
    };
    let iso = if time {
        format!("PT{value}{letter}")
    } else {
        format!("P{value}{letter}")
    };
    let (a, modifier, approx) = with_modifier(cx, num);
    Some(Qty {
        a,
        b: u + 1,
        kind: QuantityKind::Duration,
        value: Some(num.value),
        approx,
        modifier,
        unit: Some(unit.to_string()),
        duration: Some(iso),
        num: (num.a, num.b),
    })
}

#[cfg(test)]
mod tests {
    use dateline_core::{Quantity, QuantityKind};

    use crate::testutil::annotator;

    fn qs(text: &str) -> Vec<Quantity> {
        annotator().annotate(text).quantities
    }

    fn one(text: &str) -> Quantity {
        let mut q = qs(text);
        assert_eq!(q.len(), 1, "{text}: {q:#?}");
        q.remove(0)
    }

    #[test]
    fn killed_before_and_after() {
        let q = one("the Paris attacks that killed 129 people");
        assert_eq!(
            (q.kind, q.value, q.unit.as_deref()),
            (QuantityKind::Killed, Some(129), Some("people"))
        );
        assert_eq!(q.text, "killed 129 people");
        let q = one("At least 26 people were killed in the strike.");
        assert_eq!(
            (q.kind, q.value, q.r#mod.as_deref()),
            (QuantityKind::Killed, Some(26), Some("EQUAL_OR_MORE"))
        );
        assert_eq!(q.text, "At least 26 people were killed");
        let q = one("The blast left twenty-six civilians dead.");
        assert_eq!((q.kind, q.value), (QuantityKind::Killed, Some(26)));
    }

    #[test]
    fn tolls_and_vague_amounts() {
        let q = one("The death toll rose to 46 on Sunday.");
        assert_eq!((q.kind, q.value), (QuantityKind::Killed, Some(46)));
        let q = one("Dozens wounded as shells hit Aleppo.");
        assert_eq!(
            (q.kind, q.value, q.approx),
            (QuantityKind::Wounded, Some(24), true)
        );
        let q = one("Tens of thousands of people have fled the fighting.");
        assert_eq!(
            (q.kind, q.value, q.approx),
            (QuantityKind::Displaced, Some(20_000), true)
        );
        let q = one("Airstrikes killed about a dozen fighters.");
        assert_eq!(
            (q.value, q.approx, q.r#mod.as_deref()),
            (Some(12), true, Some("APPROX"))
        );
    }

    #[test]
    fn forces() {
        let q = one("Russia has deployed 5,000 troops to the base.");
        assert_eq!(
            (q.kind, q.value, q.unit.as_deref()),
            (QuantityKind::Forces, Some(5000), Some("troops"))
        );
        let q = one("More than 300 Russian special forces arrived.");
        assert_eq!(
            (q.kind, q.value, q.r#mod.as_deref()),
            (QuantityKind::Forces, Some(300), Some("MORE_THAN"))
        );
        assert_eq!(one("It sent 1.5 million soldiers.").value, Some(1_500_000));
    }

    #[test]
    fn durations() {
        let q = one("a 72-hour truce");
        assert_eq!(
            (q.kind, q.duration.as_deref()),
            (QuantityKind::Duration, Some("PT72H"))
        );
        assert_eq!(
            one("declaration of 72-hours of quiet").duration.as_deref(),
            Some("PT72H")
        );
        assert_eq!(
            one("a truce of three days").duration.as_deref(),
            Some("P3D")
        );
        let q = one("the war has gone on for over four years");
        assert_eq!(
            (q.duration.as_deref(), q.r#mod.as_deref()),
            (Some("P4Y"), Some("MORE_THAN"))
        );
        assert_eq!(one("a two-week pause").duration.as_deref(), Some("P2W"));
        assert!(qs("It happened two days ago to a five-year-old boy.").is_empty());
    }

    #[test]
    fn not_casualties() {
        assert!(qs("In 2015, 129 was the number on the bus.").is_empty());
        assert!(qs("He killed time. They met 3 times.").is_empty());
    }
}
