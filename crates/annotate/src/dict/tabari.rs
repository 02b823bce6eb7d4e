//! Readers for the TABARI / PETRARCH actor and agent dictionary formats.
//!
//! Actors (`*.actors.txt`):
//!
//! ```text
//! JOHN_KERRY_            # a primary phrase, optionally with [CODE] inline
//! +SECRETARY_KERRY_      # synonyms
//!     [USAGOVLEG 850103-130201]   # tab-indented code restrictions:
//!     [USAGOV >130201]            #   CODE, CODE >date, CODE <date, CODE d1-d2
//! ```
//!
//! Dates are `YYMMDD` (years up to 30 are 20xx, as PETRARCH reads them) or
//! `YYYYMMDD`. As in PETRARCH, a primary phrase without codes shares the
//! codes of the next record that has some. `#` and `;` start comments,
//! `<!-- … -->` too. A comment containing `person` (or the `CountryInfo.txt`
//! / `IGOrulers.txt` provenance notes of the Phoenix files) marks the record
//! as a person: our only extension, invisible to other readers.
//!
//! Agents (`*.agents.txt`): `PHRASE {PLURAL} [~CODE]`. `~CODE` is appended
//! to the actor's code (`SYR` + `~MIL` → `SYRMIL`), `CODE~` prepended.
//! Regular plurals are generated (`-Y` → `-IES`, `-S` → `-SES`, else `-S`)
//! unless `{…}` gives the plural (`{}`: none); `!MARKER! = A, B` defines a
//! substitution set used as `!MARKER!_OF_DEFENSE`.

/// A code restriction: `code` applies from `from` to `to` (inclusive,
/// `YYYYMMDD`), or always when both are `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Role {
    /// The CAMEO code; `None` for the null code `---`.
    pub(crate) code: Option<Box<str>>,
    pub(crate) from: Option<u32>,
    pub(crate) to: Option<u32>,
}

impl Role {
    pub(crate) fn dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    pub(crate) fn covers(&self, day: u32) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

/// One actor record: its phrases (primary first) and code restrictions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RawActor {
    pub(crate) names: Vec<String>,
    pub(crate) roles: Vec<Role>,
    pub(crate) person: bool,
}

/// One agent phrase (plurals and substitutions already expanded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawAgent {
    pub(crate) phrase: String,
    /// The code without its `~`.
    pub(crate) code: Box<str>,
    /// `CODE~`: goes before the actor code rather than after.
    pub(crate) prefix: bool,
}

/// Strips comments from a line; `in_xml` tracks `<!-- … -->` across lines.
/// Returns the content and the comment text.
fn strip(line: &str, in_xml: &mut bool) -> (String, String) {
    let mut content = String::new();
    let mut comment = String::new();
    let mut rest = line;
    loop {
        if *in_xml {
            match rest.find("-->") {
                Some(i) => {
                    *in_xml = false;
                    rest = rest.get(i + 3..).unwrap_or("");
                }
                None => return (content, comment),
            }
        }
        match rest.find("<!--") {
            Some(i) => {
                content.push_str(rest.get(..i).unwrap_or(""));
                *in_xml = true;
                rest = rest.get(i + 4..).unwrap_or("");
            }
            None => {
                content.push_str(rest);
                break;
            }
        }
    }
    if let Some(i) = content.find(['#', ';']) {
        comment = content.get(i + 1..).unwrap_or("").to_string();
        content.truncate(i);
    }
    (content, comment)
}

/// Parses a date of a restriction: `YYMMDD` or `YYYYMMDD`.
fn parse_date(s: &str) -> Option<u32> {
    let digits: String = s.chars().filter(char::is_ascii_digit).take(8).collect();
    let (year, rest) = match digits.len() {
        6 | 7 => {
            let yy: u32 = digits.get(..2)?.parse().ok()?;
            (
                if yy <= 30 { 2000 + yy } else { 1900 + yy },
                digits.get(2..6)?,
            )
        }
        8 => (digits.get(..4)?.parse().ok()?, digits.get(4..8)?),
        _ => return None,
    };
    let month: u32 = rest.get(..2)?.parse().ok()?;
    let day: u32 = rest.get(2..4)?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(year * 10_000 + month * 100 + day)
}

/// Parses the inside of `[…]`: `CODE`, `CODE >date`, `CODE <date`,
/// `CODE d1-d2`, `CODE date` (taken as "from").
fn parse_role(inner: &str) -> Option<Role> {
    let inner = inner.trim();
    let (code, rest) = match inner.find(char::is_whitespace) {
        Some(i) => (inner.get(..i)?, inner.get(i..)?.trim()),
        None => (inner, ""),
    };
    if code.is_empty() {
        return None;
    }
    let code = code.to_ascii_uppercase();
    let code = (!code.trim_matches('-').is_empty()).then(|| code.into_boxed_str());
    let mut role = Role {
        code,
        from: None,
        to: None,
    };
    if rest.is_empty() {
        return Some(role);
    }
    if let Some(d) = rest.strip_prefix('>') {
        role.from = Some(parse_date(d)?);
    } else if let Some(d) = rest.strip_prefix('<') {
        role.to = Some(parse_date(d)?);
    } else if let Some((a, b)) = rest.split_once('-') {
        let (a, b) = (parse_date(a)?, parse_date(b)?);
        if b < a {
            return None;
        }
        role.from = Some(a);
        role.to = Some(b);
    } else {
        role.from = Some(parse_date(rest)?);
    }
    Some(role)
}

/// Every `[…]` group of a line, parsed.
fn roles_in(content: &str) -> impl Iterator<Item = Role> + '_ {
    content.split('[').skip(1).filter_map(|part| {
        let inner = part.split(']').next()?;
        parse_role(inner)
    })
}

fn phrase_of(content: &str) -> &str {
    content.split('[').next().unwrap_or("").trim()
}

/// Reads an actor dictionary.
pub(crate) fn parse_actors(text: &str) -> Vec<RawActor> {
    let mut out = Vec::new();
    // Records waiting for codes, and the codes of the current group.
    let mut group: Vec<RawActor> = Vec::new();
    let mut roles: Vec<Role> = Vec::new();
    let mut in_xml = false;
    let flush = |group: &mut Vec<RawActor>, roles: &mut Vec<Role>, out: &mut Vec<RawActor>| {
        for mut r in group.drain(..) {
            r.roles = roles.clone();
            out.push(r);
        }
        roles.clear();
    };
    for line in text.lines() {
        let (content, comment) = strip(line, &mut in_xml);
        if content.trim().is_empty() {
            continue;
        }
        let first = content.chars().next().unwrap_or(' ');
        if first == '\t' || first == ' ' || first == '[' {
            let trimmed = content.trim_start();
            if trimmed.starts_with('[') {
                roles.extend(roles_in(trimmed));
                continue;
            }
            if let Some(syn) = trimmed.strip_prefix('+') {
                if let Some(last) = group.last_mut() {
                    let p = phrase_of(syn);
                    if !p.is_empty() {
                        last.names.push(p.to_string());
                    }
                }
                roles.extend(roles_in(syn));
                continue;
            }
            // An indented primary phrase: read it as one.
        }
        let trimmed = content.trim_start();
        if let Some(syn) = trimmed.strip_prefix('+') {
            if let Some(last) = group.last_mut() {
                let p = phrase_of(syn);
                if !p.is_empty() {
                    last.names.push(p.to_string());
                }
            }
            roles.extend(roles_in(syn));
            continue;
        }
        if !roles.is_empty() {
            flush(&mut group, &mut roles, &mut out);
        }
        let p = phrase_of(trimmed);
        if p.is_empty() {
            continue;
        }
        let person = {
            let c = comment.to_ascii_lowercase();
            c.contains("person") || c.contains("countryinfo.txt") || c.contains("igorulers.txt")
        };
        group.push(RawActor {
            names: vec![p.to_string()],
            roles: Vec::new(),
            person,
        });
        roles.extend(roles_in(trimmed));
    }
    flush(&mut group, &mut roles, &mut out);
    out
}

/// Reads an agent dictionary.
pub(crate) fn parse_agents(text: &str) -> Vec<RawAgent> {
    let mut out = Vec::new();
    let mut markers: Vec<(String, Vec<String>)> = Vec::new();
    let mut in_xml = false;
    for line in text.lines() {
        let (content, _) = strip(line, &mut in_xml);
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        if content.contains('!') && content.contains('=') && !content.contains('[') {
            // !MARKER! = A, B, C
            let mut parts = content.splitn(2, '=');
            let name = parts
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('!')
                .to_string();
            let values = parts
                .next()
                .unwrap_or("")
                .split(',')
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect();
            if !name.is_empty() {
                markers.push((name, values));
            }
            continue;
        }
        let Some((phrase, rest)) = content.split_once('[') else {
            continue;
        };
        let raw_code = rest.split(']').next().unwrap_or("").trim();
        let (code, prefix) = if let Some(c) = raw_code.strip_prefix('~') {
            (c, false)
        } else if let Some(c) = raw_code.strip_suffix('~') {
            (c, true)
        } else {
            (raw_code, false)
        };
        let code = code.trim().to_ascii_uppercase();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let code = code.into_boxed_str();
        let phrase = phrase.trim();
        let mut push = |p: &str| {
            let p = p.trim();
            if !p.is_empty() && !p.contains('!') {
                out.push(RawAgent {
                    phrase: p.to_string(),
                    code: code.clone(),
                    prefix,
                });
            }
        };
        if let Some(open) = phrase.find('!') {
            let close = phrase.get(open + 1..).and_then(|r| r.find('!'));
            let Some(close) = close.map(|c| c + open + 1) else {
                continue;
            };
            let name = phrase.get(open + 1..close).unwrap_or("");
            let Some((_, values)) = markers.iter().find(|(m, _)| m == name) else {
                continue;
            };
            let (before, after) = (
                phrase.get(..open).unwrap_or(""),
                phrase.get(close + 1..).unwrap_or(""),
            );
            for v in values {
                push(&format!("{before}{v}{after}"));
            }
            continue;
        }
        if let Some(brace) = phrase.find('{') {
            let singular = phrase.get(..brace).unwrap_or("");
            let plural = phrase
                .get(brace + 1..)
                .and_then(|r| r.split('}').next())
                .unwrap_or("")
                .trim();
            push(singular);
            if !plural.is_empty() {
                push(plural);
            }
            continue;
        }
        push(phrase);
        if !phrase.ends_with('_') {
            let plural = if let Some(stem) = phrase.strip_suffix('Y') {
                format!("{stem}IES")
            } else if phrase.ends_with('S') {
                format!("{phrase}ES")
            } else {
                format!("{phrase}S")
            };
            push(&plural);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("130201"), Some(20130201));
        assert_eq!(parse_date("850103"), Some(19850103));
        assert_eq!(parse_date("19270101"), Some(19270101));
        assert_eq!(parse_date(" 20110101"), Some(20110101));
        assert_eq!(parse_date("x"), None);
        assert_eq!(parse_date("991399"), None);
    }

    #[test]
    fn roles() {
        let r = parse_role("USAGOV >130201").expect("role");
        assert_eq!(r.code.as_deref(), Some("USAGOV"));
        assert_eq!((r.from, r.to), (Some(20130201), None));
        let r = parse_role("SYROPP > 20110101").expect("role");
        assert_eq!(r.from, Some(20110101));
        let r = parse_role("AFGELI 320101-331108").expect("role");
        assert_eq!((r.from, r.to), (Some(19320101), Some(19331108)));
        assert!(r.covers(19330101) && !r.covers(19340101));
        assert_eq!(parse_role("---").expect("null").code, None);
        assert_eq!(
            parse_role("pse").expect("lower").code.as_deref(),
            Some("PSE")
        );
        assert!(parse_role("X 990101-980101").is_none());
    }

    #[test]
    fn actor_records() {
        let text = "# header\nJOHN_KERRY_ # vague\n+SECRETARY_KERRY_\n\t[USAGOVLEG 850103-130201]\n\t[USAGOV >130201]\n\nSYRIA_  [SYR]\n+DAMASCUS_\nABDUL_X_  # CountryInfo.txt\n\t[SYRGOV]\n";
        let a = parse_actors(text);
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].names, ["JOHN_KERRY_", "SECRETARY_KERRY_"]);
        assert_eq!(a[0].roles.len(), 2);
        assert_eq!(a[1].names, ["SYRIA_", "DAMASCUS_"]);
        assert_eq!(a[1].roles[0].code.as_deref(), Some("SYR"));
        assert!(a[2].person && !a[0].person);
    }

    #[test]
    fn records_without_codes_share_the_next_codes() {
        let text = "A_GROUP\nB_GROUP\n+B_ALIAS\n\t[SYRREB]\nC_GROUP [IGO]\nD_GROUP\n";
        let a = parse_actors(text);
        assert_eq!(a.len(), 4);
        assert_eq!(a[0].roles[0].code.as_deref(), Some("SYRREB"));
        assert_eq!(a[1].roles[0].code.as_deref(), Some("SYRREB"));
        assert_eq!(a[2].roles[0].code.as_deref(), Some("IGO"));
        // C's inline code closes its group: D has none (as in PETRARCH).
        assert!(a[3].roles.is_empty());
    }

    #[test]
    fn xml_comments_and_inline_roles() {
        let text = "<!-- a\nb -->\nANN_X_\t[USAGOV 010120-050120] [IGOUNOKID >050501]\n";
        let a = parse_actors(text);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].roles.len(), 2);
    }

    #[test]
    fn agents() {
        let text = "!MINIST! = MINISTER, MINISTRY\nPOLICE {} [~COP]\nARMY [~MIL]\nFOREIGN_!MINIST! [~GOV]\nAUTHORITY [~GOV]\nHUMAN_RIGHTS_BODY [NGO~]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n";
        let a = parse_agents(text);
        let phrases: Vec<&str> = a.iter().map(|x| x.phrase.as_str()).collect();
        assert_eq!(
            phrases,
            [
                "POLICE",
                "ARMY",
                "ARMIES",
                "FOREIGN_MINISTER",
                "FOREIGN_MINISTRY",
                "AUTHORITY",
                "AUTHORITIES",
                "HUMAN_RIGHTS_BODY",
                "HUMAN_RIGHTS_BODIES",
                "ATTORNEY_GENERAL",
                "ATTORNEYS_GENERAL"
            ]
        );
        assert!(
            a.iter()
                .find(|x| x.phrase == "HUMAN_RIGHTS_BODY")
                .is_some_and(|x| x.prefix)
        );
        assert_eq!(&*a[0].code, "COP");
    }
}
