//! End-to-end tests of the `dateline` binary on real articles: the README's
//! main job, extraction of the seeds, and the handling of bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dateline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn documents(output: &Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each output line is a JSON document"))
        .collect()
}

/// Runs `dateline COMMAND --published DATE` on a bundled seed article and
/// returns its one document.
fn seed_document(command: &str, published: &str, seed: &str) -> serde_json::Value {
    let output = dateline()
        .args([command, "--published", published])
        .arg(repo(&format!("corpus/seeds/{seed}")))
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let mut docs = documents(&output);
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

/// Runs `dateline ARGS` with `input` on standard input.
fn run_with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = dateline()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    std::io::Write::write_all(child.stdin.as_mut().expect("stdin"), input.as_bytes())
        .expect("writes");
    child.wait_with_output().expect("finishes")
}

fn removed_kinds(doc: &serde_json::Value) -> Vec<String> {
    doc["removed"]
        .as_array()
        .expect("removed is a list")
        .iter()
        .map(|r| r["kind"].as_str().expect("kind is a string").to_owned())
        .collect()
}

#[test]
fn extract_seed_000_cuts_the_glued_cookie_notice() {
    let output = dateline()
        .args(["extract", "--published", "2015-11-17"])
        .arg(repo("corpus/seeds/000_1403c7a8f878f38f.txt"))
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let docs = documents(&output);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(
        doc["title"],
        "John Kerry says ceasefire in Syria potentially weeks away"
    );
    assert_eq!(doc["published"], "2015-11-17");
    assert_eq!(doc["published_from"], "argument");
    assert_eq!(doc["language"], "en");
    let text = doc["text"].as_str().expect("text");
    assert!(
        text.starts_with("Saudi Arabia is expected to host"),
        "{text}"
    );
    assert!(
        text.ends_with("in terms the movement of people,\" he said."),
        "{text}"
    );
    assert!(!text.contains("cookies"), "{text}");
    assert!(!text.contains("Kerry says US hopes"), "{text}");
    assert!(
        removed_kinds(doc).contains(&"cookie_notice".to_owned()),
        "{doc}"
    );
}

#[test]
fn extract_seed_004_drops_follow_line_and_related_teasers() {
    let doc = &seed_document("extract", "2016-07-06", "004_f4b8cc9cb900e3e2.txt");
    assert_eq!(
        doc["title"],
        "Kerry says US hopes Syria truce a positive sign of things to come"
    );
    let text = doc["text"].as_str().expect("text");
    assert_eq!(text.split("\n\n").count(), 4, "{text}");
    assert!(
        text.ends_with("fighting and air attacks have been reported since then."),
        "{text}"
    );
    for junk in [
        "VOV.VN",
        "Related",
        "US-backed forces",
        "Obama, despite dissent",
    ] {
        assert!(!text.contains(junk), "{junk:?} left in {text}");
    }
    let kinds = removed_kinds(doc);
    assert!(kinds.contains(&"social_follow".to_owned()), "{kinds:?}");
    assert!(kinds.contains(&"related".to_owned()), "{kinds:?}");
}

#[test]
fn extract_reads_standard_input_and_jsonl_ids() {
    let jsonl = concat!(
        r#"{"id":"a1","url":"https://www.example.org/2016/02/27/truce","published":"2016-02-27","#,
        r#""text":"Truce takes hold in Syria\n\nGuns fell largely silent across Syria on Saturday as a truce took effect."}"#,
        "\n"
    );
    let output = run_with_stdin(&["extract", "-"], jsonl);
    assert!(output.status.success(), "{}", stderr(&output));
    let doc = &documents(&output)[0];
    assert_eq!(doc["title"], "Truce takes hold in Syria");
    assert_eq!(doc["published"], "2016-02-27");
    assert_eq!(doc["source"]["format"], "jsonl");
    assert_eq!(doc["source"]["site"], "example.org");
    assert_eq!(doc["source"]["path"], "-");
}

#[test]
fn run_on_the_bundled_corpus_is_idempotent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db");
    let first = dateline()
        .arg("run")
        .arg("--db")
        .arg(&db)
        .output()
        .expect("runs");
    assert!(first.status.success(), "{}", stderr(&first));
    let summary = stdout(&first);
    assert!(summary.contains("from the bundled corpus"), "{summary}");
    assert!(summary.contains(" 0 already stored, 0 failed"), "{summary}");
    assert!(summary.contains("2015-11-13 to 2016-12-29"), "{summary}");
    assert!(summary.contains("cookie_notice"), "{summary}");

    let second = dateline()
        .arg("run")
        .arg("--db")
        .arg(&db)
        .output()
        .expect("runs");
    assert!(second.status.success(), "{}", stderr(&second));
    let again = stdout(&second);
    assert!(again.contains(": 0 new,"), "{again}");
    let count = |s: &str| {
        s.lines()
            .find(|l| l.trim_start().starts_with("documents"))
            .map(str::to_owned)
    };
    assert_eq!(count(&summary), count(&again));
}

#[test]
fn a_bad_record_is_reported_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("batch.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"url":"https://example.org/a","text":"First title\n\nThe first article has a body."}"#,
            "\n",
            "{this is not json\n",
            r#"{"url":"https://example.org/b","text":"Second title\n\nThe second article has a body."}"#,
            "\n",
        ),
    )
    .expect("writes");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("writes");
    let db = dir.path().join("t.db");
    let output = dateline()
        .arg("run")
        .arg("--db")
        .arg(&db)
        .arg(&input)
        .arg(&empty)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let errors = stderr(&output);
    assert!(errors.contains("batch.jsonl, record 2"), "{errors}");
    assert!(errors.contains("empty.txt"), "{errors}");
    assert!(stdout(&output).contains(": 2 new,"), "{}", stdout(&output));
}

#[test]
fn an_unusable_database_is_a_clear_error_and_is_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no/such/dir/t.db");
    let output = dateline()
        .arg("run")
        .arg("--db")
        .arg(&missing)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("opening the database"),
        "{}",
        stderr(&output)
    );

    let not_a_db = dir.path().join("notes.db");
    std::fs::write(
        &not_a_db,
        "plain notes, not a database, long enough to have a header",
    )
    .expect("writes");
    let output = dateline()
        .arg("run")
        .arg("--db")
        .arg(&not_a_db)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not a dateline database"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&not_a_db).expect("reads"),
        "plain notes, not a database, long enough to have a header"
    );
}

#[test]
fn bad_arguments_explain_themselves() {
    let output = dateline()
        .args(["extract", "--published", "2016-02-30", "x"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("expected a date like"),
        "{}",
        stderr(&output)
    );
    let output = dateline().arg("extract").output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no input given"),
        "{}",
        stderr(&output)
    );
    let help = dateline().arg("--help").output().expect("runs");
    for command in ["run", "extract", "eval"] {
        assert!(stdout(&help).contains(command), "{}", stdout(&help));
    }
}

#[test]
fn every_bundled_corpus_file_is_compiled_in() {
    let mut on_disk = Vec::new();
    let mut stack = vec![repo("corpus")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("reads corpus") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n != "SOURCES.md") {
                on_disk.push(
                    path.strip_prefix(repo(""))
                        .expect("inside repo")
                        .display()
                        .to_string(),
                );
            }
        }
    }
    on_disk.sort();
    let bundled = include_str!("../crates/cli/bundled.rs");
    for file in &on_disk {
        let name = file.trim_start_matches("corpus/");
        assert!(
            bundled.contains(&format!("bundle!(\"{name}\")")),
            "{file} is not in bundled.rs"
        );
    }
    assert_eq!(bundled.matches("    bundle!(").count(), on_disk.len());
}

#[test]
fn extract_resolves_the_seed_times_and_reports_the_gmt_contradiction() {
    let doc = &seed_document("extract", "2016-07-06", "004_f4b8cc9cb900e3e2.txt");
    let value_of = |text: &str| {
        doc["timexes"]
            .as_array()
            .expect("timexes")
            .iter()
            .find(|t| t["text"] == text)
            .map(|t| t["value"].as_str().expect("value").to_owned())
    };
    assert_eq!(value_of("July 6").as_deref(), Some("2016-07-06"));
    assert_eq!(value_of("72-hour").as_deref(), Some("PT72H"));
    assert_eq!(
        value_of("1 a.m. on July 6").as_deref(),
        Some("2016-07-06T01:00+03:00")
    );
    let issues = doc["issues"].as_array().expect("issues");
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert!(
        issues[0]["reason"]
            .as_str()
            .expect("reason")
            .contains("22:00 GMT July 5")
    );
    // Offsets are character offsets into `text`.
    let text: Vec<char> = doc["text"].as_str().expect("text").chars().collect();
    for timex in doc["timexes"].as_array().expect("timexes") {
        let (start, end) = (
            timex["start"].as_u64().expect("start"),
            timex["end"].as_u64().expect("end"),
        );
        let slice: String = text[start as usize..end as usize].iter().collect();
        assert_eq!(slice, timex["text"].as_str().expect("text"));
    }
}

#[test]
fn annotate_as_is_keeps_offsets_and_record_ids() {
    let jsonl = concat!(
        r#"{"id":"wsj_0001","published":"2015-11-17","text":"  Kerry spoke on Tuesday about last week's attacks."}"#,
        "\n",
        r#"{"id":"nodate","text":"The truce began on July 6."}"#,
        "\n",
    );
    let output = run_with_stdin(&["annotate", "--as-is", "-"], jsonl);
    assert!(output.status.success(), "{}", stderr(&output));
    let docs = documents(&output);
    assert_eq!(docs[0]["id"], "wsj_0001");
    assert_eq!(
        docs[0]["text"],
        "  Kerry spoke on Tuesday about last week's attacks."
    );
    let timexes = docs[0]["timexes"].as_array().expect("timexes");
    let tuesday = timexes
        .iter()
        .find(|t| t["text"] == "Tuesday")
        .expect("Tuesday found");
    assert_eq!(tuesday["start"], 17);
    assert_eq!(tuesday["value"], "2015-11-17");
    assert!(
        timexes.iter().any(|t| t["value"] == "2015-W46"),
        "{timexes:?}"
    );
    assert_eq!(docs[1]["id"], "nodate");
    assert_eq!(docs[1]["published_from"], "none");
    assert_eq!(docs[1]["timexes"][0]["value"], "XXXX-07-06");
}

#[test]
fn annotate_finds_actors_quotes_and_casualties_in_seed_000() {
    let doc = &seed_document("annotate", "2015-11-17", "000_1403c7a8f878f38f.txt");
    assert!(doc["sentences"].as_array().expect("sentences").len() > 10);
    let entities = doc["entities"].as_array().expect("entities");
    let kerry: Vec<_> = entities
        .iter()
        .filter(|e| e["canonical"] == "John Kerry")
        .collect();
    assert!(kerry.len() >= 2, "{entities:?}");
    assert!(kerry.iter().all(|e| e["code"] == "USAGOV"), "{kerry:?}");
    assert!(
        entities
            .iter()
            .any(|e| e["text"] == "Syria's government" && e["code"] == "SYRGOV")
    );
    let quotes = doc["quotes"].as_array().expect("quotes");
    assert!(
        !quotes.is_empty() && quotes.iter().all(|q| q["speaker"] == "John Kerry"),
        "{quotes:?}"
    );
    let killed = doc["quantities"]
        .as_array()
        .expect("quantities")
        .iter()
        .find(|q| q["kind"] == "killed");
    assert_eq!(
        killed.map(|q| q["value"].clone()),
        Some(serde_json::json!(129))
    );
}

#[test]
fn annotate_builds_the_seed_004_ceasefire_frame() {
    let doc = &seed_document("annotate", "2016-07-06", "004_f4b8cc9cb900e3e2.txt");
    let frames = doc["ceasefires"].as_array().expect("ceasefires");
    assert_eq!(frames.len(), 1, "{frames:?}");
    let frame = &frames[0];
    assert_eq!(frame["declarer"], serde_json::json!(["Syrian military"]));
    assert_eq!(frame["scope"], "Syria");
    assert_eq!(frame["start"], "2016-07-06T01:00+03:00");
    assert_eq!(frame["duration"], "PT72H");
    assert_eq!(frame["end"], "2016-07-09T01:00+03:00");
    assert_eq!(frame["status"], "violated");
    assert!(
        frame["reactions"]
            .as_array()
            .expect("reactions")
            .iter()
            .any(|r| r["stance"] == "welcomed")
    );
    assert!(
        frame["issues"][0]
            .as_str()
            .expect("issue")
            .contains("22:00 GMT July 5")
    );
}
