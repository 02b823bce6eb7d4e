//! CAMEO → PLOVER event types.
//!
//! After PLOVER's documented CAMEO mapping, checked against the types the
//! PLOVER gold records use: diplomatic cooperation (05) is SUPPORT, material
//! cooperation (06) COOPERATE, conventional military force (19) FIGHT and
//! unconventional or mass violence (18, 20) ASSAULT; de-escalation (087x)
//! and stepping down (083, 0832) are RETREAT; the generic "agree, support"
//! code 050 is AGREE.

/// The PLOVER type for a CAMEO code; `STATEMENT` for the public statements
/// (01x) PLOVER leaves out.
pub fn plover_type(cameo: &str) -> &'static str {
    let root = cameo.get(..2).unwrap_or("");
    match cameo {
        "015" => return "CONCEDE",
        "016" => return "REJECT",
        "012" => return "DISAPPROVE",
        "018" | "019" => return "SUPPORT",
        "083" | "0832" => return "RETREAT",
        "050" => return "AGREE",
        c if c.starts_with("087") => return "RETREAT",
        _ => {}
    }
    match root {
        "01" => "STATEMENT",
        "02" | "10" => "DEMAND",
        "03" => "AGREE",
        "04" => "CONSULT",
        "05" => "SUPPORT",
        "06" => "COOPERATE",
        "07" => "AID",
        "08" => "CONCEDE",
        "09" => "INVESTIGATE",
        "11" => "DISAPPROVE",
        "12" => "REJECT",
        "13" => "THREATEN",
        "14" => "PROTEST",
        "15" => "MOBILIZE",
        "16" => "SANCTION",
        "17" => "COERCE",
        "18" | "20" => "ASSAULT",
        "19" => "FIGHT",
        _ => "OTHER",
    }
}

#[cfg(test)]
mod tests {
    use super::plover_type;

    #[test]
    fn roots_map() {
        assert_eq!(plover_type("0871"), "RETREAT");
        assert_eq!(plover_type("195"), "FIGHT");
        assert_eq!(plover_type("183"), "ASSAULT");
        assert_eq!(plover_type("043"), "CONSULT");
        assert_eq!(plover_type("1246"), "REJECT");
        assert_eq!(plover_type(""), "OTHER");
    }
}
