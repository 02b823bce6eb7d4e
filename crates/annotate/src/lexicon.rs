//! Hand-kept word lists for the rules on names: first names, titles,
//! organisation suffixes, capitalised words that are not names, and the
//! display names the dictionaries lack (country short names, demonyms,
//! labels of agent codes).
//!
//! Lists hold upper-case normalised words (as [`crate::token`] normalises
//! them) and are looked up through [`WordSet`], built once per annotator.

use std::collections::HashSet;

/// The hasher of the tables of words and codes looked up for every token:
/// foldhash is several times cheaper than the default SipHash on short keys.
/// Their keys come from word lists and dictionaries, not from the text, so
/// no input can flood them, and they are only looked up, never iterated.
pub(crate) type WordHash = foldhash::fast::FixedState;

/// A set of normalised words.
#[derive(Debug, Default)]
pub(crate) struct WordSet(HashSet<&'static str, WordHash>);

impl WordSet {
    pub(crate) fn new(lists: &[&[&'static str]]) -> WordSet {
        WordSet(lists.iter().flat_map(|l| l.iter().copied()).collect())
    }

    pub(crate) fn has(&self, norm: &str) -> bool {
        self.0.contains(norm)
    }
}

/// Common given names (English, French, German, Spanish, Russian, Arabic,
/// Persian, Turkish, Kurdish transliterations). A capitalised pair starting
/// with one is a person.
#[rustfmt::skip]
pub(crate) const FIRST_NAMES: &[&str] = &[
    // English and European
    "AARON", "ADAM", "ADRIAN", "ALAN", "ALBERT", "ALEX", "ALEXANDER", "ALEXANDRE", "ALFRED",
    "ALICE", "ALISON", "AMANDA", "AMY", "ANDREA", "ANDREW", "ANDY", "ANGELA", "ANGELINA", "ANN",
    "ANNA", "ANNE", "ANTHONY", "ANTONIO", "ARTHUR", "ASHTON", "BARACK", "BARBARA", "BEN",
    "BENJAMIN", "BERNARD", "BERNIE", "BETTY", "BILL", "BOB", "BORIS", "BRAD", "BRENDA", "BRETT",
    "BRIAN", "BRUCE", "CARL", "CARLOS", "CAROL", "CAROLINE", "CATHERINE", "CHARLES", "CHRIS",
    "CHRISTIAN", "CHRISTINE", "CHRISTOPHER", "CHUCK", "CLAIRE", "CLAUDE", "CRAIG", "DANIEL",
    "DAVID", "DEBORAH", "DENIS", "DENNIS", "DIANA", "DIANE", "DIDIER", "DMITRI", "DMITRIY",
    "DMITRY", "DOMINIQUE", "DONALD", "DOUGLAS", "EDWARD", "ELIZABETH", "EMILY", "EMMA", "EMMANUEL",
    "ERIC", "ERIK", "FEDERICA", "FRANCESCO", "FRANCIS", "FRANCOIS", "FRANK", "FRANZ", "FRED",
    "FREDERIC", "FREDERICK", "GARY", "GEORGE", "GEORGES", "GERALD", "GERHARD", "GIUSEPPE",
    "GORDON", "GREGORY", "HANS", "HAROLD", "HEATHER", "HEINZ", "HELEN", "HELGA", "HENRI", "HENRY",
    "HILLARY", "HOWARD", "HUGH", "IAN", "IGOR", "IVAN", "JACK", "JACOB", "JACQUES", "JAMES", "JAN",
    "JANE", "JANET", "JASON", "JEAN", "JEFF", "JEFFREY", "JENNIFER", "JEREMY", "JESSICA", "JIM",
    "JOAN", "JOE", "JOHN", "JOHNNY", "JON", "JONATHAN", "JORGE", "JOSE", "JOSEPH", "JOSH",
    "JOSHUA", "JUAN", "JULIA", "JULIE", "JULIEN", "JUSTIN", "KAREN", "KARL", "KATE", "KATHERINE",
    "KATHLEEN", "KATHRYN", "KEITH", "KELLY", "KEN", "KENNETH", "KEVIN", "KLAUS", "KURT", "LARRY",
    "LAURA", "LAURENT", "LEON", "LINDA", "LISA", "LOUIS", "LUC", "LUIS", "MANUEL", "MARC", "MARCO",
    "MARGARET", "MARIA", "MARIE", "MARINE", "MARK", "MARTHA", "MARTIN", "MARY", "MATTEO",
    "MATTHEW", "MATTHIAS", "MAX", "MELISSA", "MICHAEL", "MICHEL", "MICHELE", "MICHELLE", "MIKE",
    "MITCH", "NANCY", "NATALIE", "NICHOLAS", "NICOLA", "NICOLAS", "NICOLE", "NIKKI", "OLIVER",
    "OLIVIER", "PATRICIA", "PATRICK", "PAUL", "PAULA", "PEDRO", "PETER", "PHILIP", "PHILIPP",
    "PHILIPPE", "PIERRE", "RACHEL", "RALPH", "RAND", "RAYMOND", "REBECCA", "RICHARD", "ROBERT",
    "ROGER", "RON", "RONALD", "RUTH", "RYAN", "SAMANTHA", "SAMUEL", "SANDRA", "SARAH", "SCOTT",
    "SEAN", "SERGE", "SHARON", "SIGMAR", "SIMON", "STAFFAN", "STEFAN", "STEPHANE", "STEPHANIE",
    "STEPHEN", "STEVE", "STEVEN", "SUSAN", "TED", "TERESA", "THERESA", "THOMAS", "TIM", "TIMOTHY",
    "TOM", "TONY", "URSULA", "VALERIE", "VICTOR", "VICTORIA", "VINCENT", "VIRGINIA", "WALTER",
    "WILLIAM", "WOLFGANG", "YVES", "ZACHARY",
    // Russian, Ukrainian, East European
    "ALEKSANDR", "ALEKSEI", "ALEKSEY", "ALEXEI", "ALEXEY", "ANATOLY", "ANDREI", "ANDREY",
    "ARSENIY", "DMITRO", "EVGENY", "GENNADY", "IGOR", "ILYA", "KONSTANTIN", "LEONID", "MARIA",
    "MIKHAIL", "NIKOLAI", "OLEG", "PAVEL", "PETRO", "PYOTR", "SERGEI", "SERGEY", "VALENTINA",
    "VALERY", "VIKTOR", "VITALY", "VLADIMIR", "VOLODYMYR", "YEVGENY", "YURI", "YURY",
    // Arabic, Persian, Turkish, Kurdish
    "ABBAS", "ABDEL", "ABDUL", "ABDULLAH", "ABDULLAHI", "ABDULRAHMAN", "ABDULLA", "ABDALLAH",
    "ABU", "ADEL", "ADIL", "AHMAD", "AHMED", "AHMET", "AKRAM", "ALI", "AMIR", "AMR", "ANAS",
    "ANWAR", "ASAAD", "ASMA", "AYMAN", "BASHAR", "BASSAM", "BINALI", "BOUTHAINA", "BURHAN", "EMAD",
    "EMINE", "FADI", "FAHD", "FAISAL", "FARES", "FAROUK", "FARUK", "FAWAZ", "FAYEZ", "FAYSAL",
    "FIRAS", "HADI", "HAFEZ", "HAIDAR", "HAITHAM", "HAMAD", "HAMID", "HAMZA", "HASAN", "HASSAN",
    "HAYDAR", "HAYTHAM", "HICHAM", "HISHAM", "HOSNI", "HOSSEIN", "HUSSAIN", "HUSSEIN", "IBRAHIM",
    "IMAD", "ISA", "ISMAIL", "JABER", "JAMAL", "JAMIL", "JAVAD", "JAWAD", "KAMAL", "KARIM",
    "KHALED", "KHALID", "KHALIL", "LAYLA", "LEILA", "MAHER", "MAHMOUD", "MAHMUD", "MAJID",
    "MANSOUR", "MARWAN", "MASOUD", "MASSOUD", "MAZEN", "MEVLUT", "MOAZ", "MOHAMAD", "MOHAMED",
    "MOHAMMAD", "MOHAMMED", "MOHAMMEDIN", "MONZER", "MOUAZ", "MUHAMMAD", "MUHAMMED", "MUNZER",
    "MUSTAFA", "NABIH", "NABIL", "NADIA", "NAJIB", "NASER", "NASR", "NASSER", "NAWAF", "NIDAL",
    "NOURI", "NURI", "OMAR", "OSAMA", "QASSEM", "QASIM", "RAED", "RAFIK", "RAMI", "RAMZI",
    "RASHID", "RECEP", "RIAD", "RIYAD", "SAAD", "SAEB", "SAEED", "SAID", "SALAH", "SALEH", "SALEM",
    "SALIH", "SALIM", "SALMAN", "SAMI", "SAMIR", "SAUD", "SAYED", "SAYYED", "SULEIMAN", "SULAIMAN",
    "TALAL", "TAMIM", "TAREK", "TARIQ", "TAYYIP", "WAEL", "WALID", "WALEED", "YASSER", "YASSIN",
    "YOUSSEF", "YUSUF", "ZAHRAN", "ZAID", "ZIAD", "ZUHAIR",
    // East and South Asian
    "NARENDRA", "NAWAZ", "SHINZO", "XI", "WANG", "LI", "KIM",
];

/// Given names that are women's: "she said" does not go to an Angela's
/// male neighbour, "he said" not to her.
#[rustfmt::skip]
pub(crate) const FEMALE_NAMES: &[&str] = &[
    "ALICE", "ALISON", "AMANDA", "AMY", "ANDREA", "ANGELA", "ANGELINA", "ANN", "ANNA", "ANNE",
    "ASMA", "BARBARA", "BETH", "BETTY", "BOUTHAINA", "BRENDA", "CAROL", "CAROLINE", "CATHERINE",
    "CHRISTINE", "CLAIRE", "DALIA", "DEBORAH", "DIANA", "DIANE", "ELIZABETH", "EMILY", "EMINE",
    "EMMA", "FARRAH", "FATIMA", "FEDERICA", "HEATHER", "HELEN", "HELGA", "HILLARY", "JANE",
    "JANET", "JENNIFER", "JESSICA", "JOAN", "JULIA", "JULIE", "KAREN", "KATE", "KATHERINE",
    "KATHLEEN", "KATHRYN", "LAURA", "LAYLA", "LEILA", "LINDA", "LISA", "MARGARET", "MARIA",
    "MARIE", "MARINE", "MARTHA", "MARY", "MELISSA", "MICHELLE", "NADIA", "NANCY", "NATALIE",
    "NICOLE", "NIKKI", "PATRICIA", "PAULA", "RACHEL", "REBECCA", "RUTH", "SAMANTHA", "SAMIA",
    "SANDRA", "SARAH", "SHARON", "STEPHANIE", "SUSAN", "TERESA", "THERESA", "URSULA", "VALENTINA",
    "VALERIE", "VICTORIA", "VIRGINIA", "ZEINA",
];

/// Titles and honorifics before a name that the agent dictionary does not
/// hold (it holds "President", "Foreign Minister", "General" …).
#[rustfmt::skip]
pub(crate) const PERSON_TITLES: &[&str] = &[
    "MR", "MRS", "MS", "MISS", "DR", "PROF", "PROFESSOR", "SIR", "DAME", "LORD", "LADY", "GEN",
    "LT", "COL", "MAJ", "CAPT", "CPT", "SGT", "CPL", "PVT", "ADM", "BRIG", "CMDR", "SEN", "REP",
    "GOV", "REV", "FR", "FATHER", "SHEIKH", "SHAIKH", "SHEIK", "IMAM", "MULLAH", "EMIR", "AMIR",
    "SAYYED", "SAYED", "HAJJ", "HAJ", "RABBI", "POPE", "PATRIARCH", "CARDINAL", "BISHOP", "JUDGE",
    "JUSTICE", "MAYOR", "SENATOR", "CONGRESSMAN", "CONGRESSWOMAN", "SPOKESMAN", "SPOKESWOMAN",
    "SPOKESPERSON", "ENVOY", "MEDIATOR", "NEGOTIATOR", "COMMANDER", "CHIEF", "LEADER", "HEAD",
    "DIRECTOR", "CHAIRMAN", "CHAIRWOMAN", "CHAIR", "PRESIDENT", "MINISTER", "SECRETARY",
    "AMBASSADOR", "ADVISER", "ADVISOR", "AIDE", "DEPUTY", "CAPTAIN", "COLONEL", "GENERAL", "MAJOR",
    "LIEUTENANT", "SERGEANT", "ADMIRAL", "MARSHAL", "KING", "QUEEN", "PRINCE", "PRINCESS", "CROWN",
    "AYATOLLAH", "ANALYST", "RESEARCHER", "PROFESSOR", "JOURNALIST", "CORRESPONDENT", "ACTIVIST",
    "RESIDENT", "OFFICIAL", "DIPLOMAT",
];

/// Words of a dictionary record that make it an office, not an institution
/// ("US_SECRETARY_OF_STATE", "UN_SECRETARY_GENERAL").
#[rustfmt::skip]
pub(crate) const OFFICE_WORDS: &[&str] = &[
    "SECRETARY", "MINISTER", "PRESIDENT", "ENVOY", "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON",
    "CHIEF", "COMMANDER", "CHAIRMAN", "DIRECTOR", "AMBASSADOR", "REPRESENTATIVE", "CHANCELLOR",
    "SECRETARY-GENERAL", "ADVISER", "ADVISOR", "GOVERNOR", "PREMIER", "MAYOR", "HEAD",
    "RAPPORTEUR", "COORDINATOR", "COMMISSIONER", "GENERAL",
];

/// Words that head a person's name as a title in a dictionary phrase
/// ("SECRETARY_OF_STATE_JOHN_KERRY", "PRESIDENT_HOLLANDE").
#[rustfmt::skip]
pub(crate) const TITLE_WORDS: &[&str] = &[
    "SECRETARY", "OF", "STATE", "PRESIDENT", "MR", "MRS", "MS", "DR", "SENATOR", "MINISTER",
    "PRIME", "FOREIGN", "DEFENSE", "DEFENCE", "INTERIOR", "CHANCELLOR", "KING", "PRINCE",
    "GENERAL", "SECRETARY-GENERAL", "UN", "US", "THE", "VICE", "AMBASSADOR", "SHEIKH", "EMIR",
    "SPOKESMAN", "ENVOY", "LEADER", "CHIEF", "COMMANDER", "GEN", "LT", "COL", "COLONEL", "SUPREME",
    "AYATOLLAH", "UNITED", "NATIONS", "UNITED-NATIONS", "SPECIAL", "DEPUTY",
];

/// Last words that make a capitalised phrase an organisation.
#[rustfmt::skip]
pub(crate) const ORG_SUFFIXES: &[&str] = &[
    "BODY", "BODIES", "MINISTRY", "MINISTRIES", "COUNCIL", "COMMITTEE", "COMMISSION", "AGENCY",
    "OFFICE", "DEPARTMENT", "ADMINISTRATION", "AUTHORITY", "ASSEMBLY", "PARLIAMENT", "CONGRESS",
    "SENATE", "COURT", "TRIBUNAL", "BANK", "FUND", "PROGRAM", "PROGRAMME", "ORGANIZATION",
    "ORGANISATION", "ORGANIZATIONS", "INSTITUTE", "INSTITUTION", "UNIVERSITY", "COLLEGE", "SCHOOL",
    "HOSPITAL", "FOUNDATION", "ASSOCIATION", "UNION", "FEDERATION", "LEAGUE", "COALITION",
    "ALLIANCE", "PARTY", "CENTER", "CENTRE", "OBSERVATORY", "NETWORK", "GROUP", "CORPORATION",
    "CORP", "COMPANY", "INC", "LTD", "NEWS", "TIMES", "POST", "PRESS", "TELEGRAPH", "JOURNAL",
    "HERALD", "TRIBUNE", "TELEVISION", "TV", "RADIO", "WATCH", "INTERNATIONAL", "CROSS",
    "CRESCENT", "FRONTIERES", "CORPS", "SERVICE", "SERVICES", "POLICE", "GUARD", "GUARDS", "NAVY",
    "BOARD", "BUREAU", "DIRECTORATE", "SECRETARIAT", "CABINET", "GOVERNMENT", "MISSION",
    "DELEGATION", "TASKFORCE", "FORCE", "FORCES", "COMMAND", "HEADQUARTERS", "MEDIA", "ACADEMY",
    "SOCIETY", "EMBASSY", "CONSULATE",
];

/// Last words that make a capitalised phrase an armed or political group.
#[rustfmt::skip]
pub(crate) const GROUP_SUFFIXES: &[&str] = &[
    "FRONT", "BRIGADE", "BRIGADES", "BATTALION", "BATTALIONS", "MOVEMENT", "MILITIA", "MILITIAS",
    "LEGION", "ARMY", "REGIMENT", "DIVISION", "UNITS", "FACTION", "REBELS", "MUJAHIDEEN",
    "MUJAHIDIN", "INSURGENTS", "RESISTANCE", "REVOLUTIONARIES",
];

/// First words of Arabic names of armed groups ("Jaish al-Islam").
#[rustfmt::skip]
pub(crate) const GROUP_PREFIXES: &[&str] = &[
    "JAISH", "JAYSH", "JABHAT", "JABHA", "LIWA", "LIWAA", "HARAKAT", "HARAKA", "KATAIB", "KATAEB",
    "KATIBAT", "AHRAR", "ANSAR", "JUND", "FAYLAQ", "FAILAQ", "SARAYA", "SARAYAT", "HAYAT",
    "HAYAAT", "HAYET", "TAHRIR", "ASAIB", "ASAEB", "HEZB", "HIZB", "TANZIM", "JAMAAT", "JAMAA",
    "JAMA'AT",
];

/// Capitalised words that are not names on their own: function words,
/// pronouns, months, days, and words that head sentences and headlines.
#[rustfmt::skip]
pub(crate) const NOT_NAMES: &[&str] = &[
    "A", "ABOUT", "ABOVE", "ACCORDING", "ACROSS", "AFTER", "AGAIN", "AGAINST", "ALL", "ALSO",
    "ALTHOUGH", "AMONG", "AN", "AND", "ANOTHER", "ANY", "AS", "AT", "BECAUSE", "BEFORE", "BEHIND",
    "BELOW", "BETWEEN", "BOTH", "BUT", "BY", "DESPITE", "DURING", "EACH", "EARLIER", "EITHER",
    "EVEN", "EVERY", "FEW", "FOR", "FROM", "FURTHER", "HE", "HER", "HERE", "HIS", "HOW", "HOWEVER",
    "I", "IF", "IN", "INSIDE", "INSTEAD", "INTO", "IT", "ITS", "JUST", "LAST", "LATER", "LIKE",
    "MANY", "MEANWHILE", "MORE", "MOREOVER", "MOST", "MUCH", "MY", "NEAR", "NEARLY", "NEITHER",
    "NEVER", "NEW", "NEXT", "NO", "NONE", "NOR", "NOT", "NOW", "OF", "OFF", "ON", "ONCE", "ONE",
    "ONLY", "OR", "OTHER", "OTHERS", "OUR", "OUT", "OVER", "PER", "SHE", "SINCE", "SO", "SOME",
    "SUCH", "THAN", "THAT", "THE", "THEIR", "THEM", "THEN", "THERE", "THESE", "THEY", "THIS",
    "THOSE", "THOUGH", "THROUGH", "THUS", "TO", "TODAY", "TOMORROW", "TONIGHT", "TOO", "UNDER",
    "UNLESS", "UNTIL", "UP", "UPON", "US", "VERY", "WAS", "WE", "WELL", "WHAT", "WHEN", "WHERE",
    "WHETHER", "WHICH", "WHILE", "WHO", "WHOM", "WHOSE", "WHY", "WITH", "WITHIN", "WITHOUT", "YES",
    "YESTERDAY", "YET", "YOU", "YOUR", "IS", "ARE", "BE", "BEEN", "HAS", "HAVE", "HAD", "DO",
    "DOES", "DID", "WILL", "WOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST", "SHALL", "SHOULD",
    "LET", "PLEASE", "THANK", "THANKS", "OK", "OH", "JANUARY", "FEBRUARY", "MARCH", "APRIL",
    "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "JAN", "FEB", "MAR",
    "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC", "MONDAY", "TUESDAY",
    "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "CHRISTMAS", "EASTER", "RAMADAN",
    "EID", "NEW", "WESTERN", "EASTERN", "NORTHERN", "SOUTHERN", "CENTRAL", "NORTH", "SOUTH",
    "EAST", "WEST", "RELATED", "READ", "MORE", "PHOTO", "VIDEO", "FILE", "UPDATE", "UPDATED",
    "BREAKING", "EXCLUSIVE", "ANALYSIS", "FACTBOX", "REPORTING", "EDITING", "WRITING",
    "ADDITIONAL", "COPYRIGHT", "ALL", "RIGHTS", "RESERVED", "CLICK", "SHARE", "FOLLOW",
    "SUBSCRIBE", "SIGN", "LOG", "HOME", "WORLD", "NEWS", "GMT", "UTC", "EST", "AM", "PM", "MR",
    "MRS", "MS", "DR", "SPEAKING", "ASKED", "ADDING", "SAYING", "SAID", "SAYS", "TOLD", "ASKING",
    "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "FIRST",
    "SECOND", "THIRD", "MUSLIM", "MUSLIMS", "CHRISTIAN", "CHRISTIANS", "SUNNI", "SHIITE", "SHIA",
    "SHI'ITE", "ALAWITE", "ISLAMIC", "ISLAMIST", "ISLAMISTS", "ARAB", "ARABS", "KURDISH", "KURDS",
    "JIHADIST", "JIHADISTS", "INTERNET", "GOD", "ALLAH", "OPPOSITION", "REBEL", "REBELS", "REGIME",
    "GOVERNMENT", "STATE", "ARMY", "MILITARY", "PRESIDENT", "MINISTER", "SECRETARY",
];

/// Prepositions before a place name.
#[rustfmt::skip]
pub(crate) const PLACE_PREPOSITIONS: &[&str] = &[
    "IN", "NEAR", "OUTSIDE", "AROUND", "INTO", "ACROSS", "TOWARDS", "TOWARD", "THROUGHOUT",
    "INSIDE", "BESIEGED", "BESIEGING", "ENCIRCLED", "ENCIRCLING",
];

/// Particles inside names, written in lowercase ("Bashar al-Assad",
/// "Staffan de Mistura").
#[rustfmt::skip]
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "AL", "EL", "AD", "AN", "AR", "AS", "ASH", "AZ", "BIN", "BEN", "IBN", "BINT", "DE", "DI", "DA",
    "DO", "DOS", "DAS", "DEL", "DELLA", "DER", "DEN", "DU", "LA", "LE", "VAN", "VON", "Y",
];

/// Words in lowercase inside canonical names ("Islamic State of Iraq and
/// the Levant").
#[rustfmt::skip]
pub(crate) const LOWER_IN_NAMES: &[&str] = &[
    "OF", "THE", "AND", "FOR", "IN", "ON", "AT", "TO", "BY", "WITH", "AL", "EL", "EZ", "ES", "ED",
    "UL", "BIN", "IBN", "DE", "DI", "DA", "DEL", "DER", "DU", "LA", "LE", "VAN", "VON", "Y", "WAL",
    "FI", "ASH", "AD", "AR", "AS", "AZ",
];

/// Country names nicer than the dictionary's primary phrase.
pub(crate) const COUNTRY_NAMES: &[(&str, &str)] = &[
    ("USA", "United States"),
    ("RUS", "Russia"),
    ("GBR", "United Kingdom"),
    ("ZAF", "South Africa"),
    ("TZA", "Tanzania"),
    ("BRN", "Brunei"),
    ("MDG", "Madagascar"),
    ("CIV", "Ivory Coast"),
    ("COD", "Democratic Republic of the Congo"),
    ("COG", "Republic of the Congo"),
    ("KNA", "Saint Kitts and Nevis"),
    ("PRK", "North Korea"),
    ("KOR", "South Korea"),
    ("PSE", "Palestinian Territories"),
    ("ARE", "United Arab Emirates"),
    ("CZE", "Czech Republic"),
    ("VNM", "Vietnam"),
    ("IRN", "Iran"),
    ("SYR", "Syria"),
    ("LAO", "Laos"),
    ("FSM", "Micronesia"),
    ("DDR", "East Germany"),
];

/// Demonyms for composed names ("Syrian military") the dictionaries do not
/// yield by rule.
pub(crate) const DEMONYMS: &[(&str, &str)] = &[
    ("USA", "US"),
    ("GBR", "British"),
    ("FRA", "French"),
    ("NLD", "Dutch"),
    ("CHE", "Swiss"),
    ("GRC", "Greek"),
    ("DNK", "Danish"),
    ("FIN", "Finnish"),
    ("SWE", "Swedish"),
    ("POL", "Polish"),
    ("ESP", "Spanish"),
    ("PHL", "Philippine"),
    ("ARE", "Emirati"),
    ("CIV", "Ivorian"),
    ("MMR", "Myanmar"),
    ("ISR", "Israeli"),
    ("IRQ", "Iraqi"),
    ("YEM", "Yemeni"),
    ("PAK", "Pakistani"),
    ("SAU", "Saudi"),
    ("QAT", "Qatari"),
    ("KWT", "Kuwaiti"),
    ("BHR", "Bahraini"),
    ("OMN", "Omani"),
    ("AFG", "Afghan"),
    ("TUR", "Turkish"),
    ("DEU", "German"),
    ("CHN", "Chinese"),
    ("JPN", "Japanese"),
    ("LBN", "Lebanese"),
    ("SDN", "Sudanese"),
    ("PSE", "Palestinian"),
    ("IRN", "Iranian"),
    ("SYR", "Syrian"),
    ("RUS", "Russian"),
    ("EGY", "Egyptian"),
    ("JOR", "Jordanian"),
    ("LBY", "Libyan"),
    ("UKR", "Ukrainian"),
    ("GEO", "Georgian"),
    ("ITA", "Italian"),
    ("CAN", "Canadian"),
    ("AUS", "Australian"),
    ("IND", "Indian"),
    ("BEL", "Belgian"),
    ("AUT", "Austrian"),
    ("NOR", "Norwegian"),
    ("PRT", "Portuguese"),
    ("IRL", "Irish"),
    ("TUN", "Tunisian"),
    ("DZA", "Algerian"),
    ("MAR", "Moroccan"),
    ("PRK", "North Korean"),
    ("KOR", "South Korean"),
];

/// Irregular demonyms and short names that name a country in text.
pub(crate) const COUNTRY_WORDS: &[(&str, &str)] = &[
    ("FRENCH", "FRA"),
    ("BRITISH", "GBR"),
    ("BRITAIN", "GBR"),
    ("BRITON", "GBR"),
    ("BRITONS", "GBR"),
    ("DUTCH", "NLD"),
    ("SWISS", "CHE"),
    ("GREEK", "GRC"),
    ("DANISH", "DNK"),
    ("DANE", "DNK"),
    ("FINNISH", "FIN"),
    ("SWEDISH", "SWE"),
    ("POLISH", "POL"),
    ("SPANISH", "ESP"),
    ("FILIPINO", "PHL"),
    ("EMIRATI", "ARE"),
    ("UAE", "ARE"),
    ("IVORIAN", "CIV"),
    ("BURMESE", "MMR"),
    ("AMERICAN", "USA"),
    ("AMERICANS", "USA"),
    ("UK", "GBR"),
    ("IRISH", "IRL"),
    ("TURK", "TUR"),
    ("TURKS", "TUR"),
    ("SAUDIS", "SAU"),
];

/// Display labels of agent codes, for composed canonical names
/// ("Syrian" + `MIL` → "Syrian military").
pub(crate) const AGENT_LABELS: &[(&str, &str)] = &[
    ("GOV", "government"),
    ("MIL", "military"),
    ("REB", "rebels"),
    ("OPP", "opposition"),
    ("INS", "insurgents"),
    ("UAF", "militants"),
    ("COP", "police"),
    ("SPY", "intelligence"),
    ("LEG", "parliament"),
    ("JUD", "judiciary"),
    ("MED", "media"),
    ("CVL", "civilians"),
    ("PPL", "people"),
    ("REF", "refugees"),
    ("BUS", "business"),
    ("EDU", "education"),
    ("HLH", "health sector"),
    ("ELI", "elites"),
    ("PTY", "party"),
    ("HRI", "human rights groups"),
    ("NGO", "NGOs"),
    ("LAB", "labor"),
    ("AGR", "agriculture"),
    ("REL", "clergy"),
    ("CRM", "criminals"),
    ("MUS", "Muslims"),
    ("CHR", "Christians"),
    ("JEW", "Jews"),
    ("ENV", "environmental groups"),
    ("DEV", "development"),
    ("MOD", "moderates"),
    ("RAD", "radicals"),
    ("SEP", "separatists"),
    ("IGO", "international organization"),
];

/// The agent code families that make an armed or political group rather
/// than an organisation.
pub(crate) fn is_group_code(agent: &str) -> bool {
    matches!(
        agent,
        "REB" | "OPP" | "INS" | "UAF" | "CRM" | "SEP" | "RAD" | "MOD"
    )
}

/// Agent codes of populations rather than institutions ("Syrian refugees").
pub(crate) fn is_population_code(agent: &str) -> bool {
    matches!(agent, "CVL" | "PPL" | "REF")
}

/// Words that, in a person's dictionary record, name the person's regime or
/// camp rather than the person ("ASSAD_REGIME", "OBAMA_ADMINISTRATION").
#[rustfmt::skip]
pub(crate) const INSTITUTION_WORDS: &[&str] = &[
    "GOVERNMENT", "GOVERNMENTS", "REGIME", "ADMINISTRATION", "FORCES", "FORCE", "ARMY", "TROOPS",
    "MILITARY", "CABINET", "MINISTRY", "CAMP", "LOYALISTS", "SUPPORTERS", "LOYALIST", "ALLIES",
    "OFFICIALS", "MILITIA", "MILITIAS", "PARTY",
];

/// Words in a dictionary phrase that mark a place that is not a political
/// unit.
#[rustfmt::skip]
pub(crate) const LOC_WORDS: &[&str] = &[
    "RIVER", "MOUNTAINS", "MOUNTAIN", "HEIGHTS", "SEA", "GULF", "VALLEY", "LAKE", "DESERT",
    "STRAIT", "BAY", "COAST", "CANYON", "FALLS", "PENINSULA", "PLAIN", "PLAINS", "OCEAN",
    "ISLANDS", "ISLAND", "MOUNT", "BASIN", "DELTA", "CORRIDOR", "PASS",
];

/// Two- and three-letter acronyms that are also English words: in an
/// all-capitals headline they mean nothing.
#[rustfmt::skip]
pub(crate) const ACRONYM_WORDS: &[&str] = &[
    "US", "IS", "IT", "AS", "ON", "IN", "AT", "NO", "SO", "OR", "AN", "AM", "HE", "WE", "ME", "BE",
    "DO", "GO", "UP", "TO", "OF", "BY", "MY", "IF", "OK", "OUR", "ALL", "ARE", "CAN", "FOR", "HAS",
    "HIS", "HER", "ITS", "NOT", "NOW", "OUT", "SAY", "THE", "WHO", "WAR", "ANY", "ONE", "TWO",
    "NEW", "MAN", "MEN", "SIX", "TEN", "BUT", "AND", "WAS", "OIL", "GAS", "AID",
];
