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
    let page = db.with_extension("html");
    let run = || run_into(&db).output().expect("runs");
    let first = run();
    assert!(first.status.success(), "{}", stderr(&first));
    let summary = stdout(&first);
    assert!(summary.contains("from the bundled corpus"), "{summary}");
    assert!(summary.contains(" 0 already stored, 0 failed"), "{summary}");
    assert!(summary.contains("2015-11-13 to 2016-12-29"), "{summary}");
    assert!(summary.contains("cookie_notice"), "{summary}");
    // Seed 004's truce, linked and dated with its zone, among the ceasefire steps.
    let steps = summary
        .split("Ceasefires, step by step")
        .nth(1)
        .expect("a ceasefire section");
    assert!(
        steps.contains("6 Jul 2016 01:00+03:00")
            && steps.contains("72-hour ceasefire takes effect"),
        "{summary}"
    );
    assert!(
        summary.contains("\nStory st-"),
        "stories are listed: {summary}"
    );
    let html = std::fs::read_to_string(&page).expect("the web page is written");
    assert!(html.contains(r#"id="dateline-data""#) && html.contains("2016-07-06T01:00+03:00"));

    let second = run();
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
    // (The web page goes beside the database, not into the working directory.)
    let output = run_into(&db)
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
    let output = run_into(&missing).output().expect("runs");
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
    let output = run_into(&not_a_db).output().expect("runs");
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

#[test]
fn timeline_prints_every_format_from_the_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db");
    let missing = dateline()
        .args(["timeline", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no database at"),
        "{}",
        stderr(&missing)
    );
    assert!(!db.exists(), "a read-only command creates no database");

    run_bundled(&db);
    let timeline = |format: &str, extra: &[&str]| {
        let out = dateline()
            .args(["timeline", "--db"])
            .arg(&db)
            .args(["--format", format])
            .args(extra)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let json: serde_json::Value =
        serde_json::from_str(&timeline("json", &["--query", "\"regime of calm\""]))
            .expect("timeline JSON");
    assert_eq!(json["query"]["text"], "\"regime of calm\"");
    let entries = json["entries"].as_array().expect("entries");
    assert!(
        entries.iter().any(|e| e["kind"] == "ceasefire"
            && e["date"] == "2016-07-06T01:00+03:00"
            && e["precision"] == "time"),
        "{json:#}"
    );
    assert!(
        entries
            .iter()
            .all(|e| e["date"].as_str().is_some_and(|d| d.starts_with("2016-07")))
    );

    let csv = timeline("csv", &["--from", "2016-02-01", "--to", "2016-02-29"]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .is_some_and(|header| header.starts_with("date,")),
        "{csv}"
    );
    assert!(
        lines.clone().count() > 0 && lines.all(|l| l.starts_with("2016-02")),
        "{csv}"
    );

    let tjs: serde_json::Value =
        serde_json::from_str(&timeline("timelinejs", &[])).expect("TimelineJS JSON");
    assert!(tjs["events"].as_array().is_some_and(|e| !e.is_empty()));
    assert!(
        tjs["events"][0]["start_date"]["year"].is_string()
            || tjs["events"][0]["start_date"]["year"].is_number()
    );
}

/// `dateline run` of the bundled corpus into `db` (the web page beside it).
fn run_bundled(db: &Path) {
    let run = run_into(db).output().expect("runs");
    assert!(run.status.success(), "{}", stderr(&run));
}

/// `dateline run --db DB`, with the web page beside the database; add the
/// inputs (none: the bundled corpus).
fn run_into(db: &Path) -> Command {
    let mut command = dateline();
    command
        .arg("run")
        .arg("--db")
        .arg(db)
        .arg("--html")
        .arg(db.with_extension("html"));
    command
}

/// Sends one HTTP/1.1 request and returns the status code and body.
fn http(addr: &str, request: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).expect("connects");
    stream.write_all(request.as_bytes()).expect("sends");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("reads");
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn serve_answers_the_api_over_the_run_database() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db");
    run_bundled(&db);

    let mut server = dateline()
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .env_remove("DATELINE_TOKEN")
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut banner = String::new();
    let stderr_pipe = server.stderr.take().expect("stderr");
    std::io::BufReader::new(stderr_pipe)
        .read_line(&mut banner)
        .expect("a banner");
    let addr = banner
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the bound address")
        .to_owned();

    let (status, body) = http(
        &addr,
        "GET /api/timeline?query=truce HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    let (health, _) = http(
        &addr,
        "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    let (write, _) = http(
        &addr,
        "POST /api/documents HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
    );
    let _ = server.kill();
    let _ = server.wait();

    assert_eq!(status, 200, "{body}");
    let timeline: serde_json::Value = serde_json::from_str(&body).expect("timeline JSON");
    assert!(
        timeline["entries"]
            .as_array()
            .is_some_and(|e| e.iter().any(|entry| entry["kind"] == "ceasefire")),
        "{timeline:#}"
    );
    assert_eq!(health, 200);
    assert!(
        write == 401 || write == 403,
        "writes without a configured token are refused, got {write}"
    );
}

#[test]
fn a_run_killed_midway_loses_nothing_committed_and_the_next_run_completes() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("many.jsonl");
    let mut file = std::fs::File::create(&input).expect("creates");
    // More than one chunk of records (512), so the run commits some and
    // still has work to do when it is killed.
    let total = 600;
    for n in 0..total {
        let text = format!(
            "Report {n} from Aleppo\n\nFighting was reported in district {n} of Aleppo on Tuesday, \
             a monitoring group said, as a truce agreed by Russia and the United States \
             was due to take effect at midnight on Friday. Item {n}."
        );
        let record = serde_json::json!({"url": format!("https://example.org/{n}"), "text": text, "published": "2016-02-23"});
        writeln!(file, "{record}").expect("writes");
    }
    drop(file);
    let db = dir.path().join("t.db");
    // Kill it once the first batch is committed, mid-way through the rest.
    let mut killed = run_into(&db)
        .arg(&input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(300);
    loop {
        std::thread::sleep(std::time::Duration::from_millis(200));
        let stored = stored_documents(&db);
        if stored > 0 || std::time::Instant::now() > deadline {
            break;
        }
    }
    let _ = killed.kill();
    let _ = killed.wait();
    let after_kill = stored_documents(&db);
    assert!(
        after_kill > 0 && after_kill < total,
        "killed after {after_kill} documents"
    );

    let finished = run_into(&db).arg(&input).output().expect("runs");
    assert!(finished.status.success(), "{}", stderr(&finished));
    assert!(
        stdout(&finished).contains(&format!(
            "{} new, {after_kill} already stored",
            total - after_kill
        )),
        "{}",
        stdout(&finished)
    );
    assert_eq!(stored_documents(&db), total, "every document stored once");
}

/// Documents in a dateline SQLite file (0 while it does not exist yet).
fn stored_documents(db: &Path) -> usize {
    if !db.exists() {
        return 0;
    }
    let store = match dateline_store::Store::open(db) {
        Ok(store) => store,
        Err(_) => return 0,
    };
    store
        .summary()
        .map(|summary| summary.documents as usize)
        .unwrap_or(0)
}

#[test]
fn eval_timex_writes_each_disagreement_as_a_json_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gold = dir.path().join("gold.jsonl");
    // "Kerry" is no date: the gold line is wrong on purpose, so dateline
    // misses it, and that one miss is what --errors lists.
    std::fs::write(
        &gold,
        r#"{"doc_id": "d1", "dct": "2015-11-17", "text": "Kerry said on Tuesday that the war has gone on for over four years.", "timexes": [{"tid": "t1", "start": 14, "end": 21, "text": "Tuesday", "type": "DATE", "value": "2015-11-17"}, {"tid": "t2", "start": 0, "end": 5, "text": "Kerry", "type": "DATE", "value": "1999"}]}"#,
    )
    .expect("writes gold");
    let errors = dir.path().join("errors.jsonl");
    let output = dateline()
        .args(["eval", "timex", "--json", "--errors"])
        .arg(&errors)
        .arg(&gold)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value =
        serde_json::from_str(stdout(&output).trim()).expect("a JSON report");
    assert_eq!(report["gold"], 2);
    let lines = std::fs::read_to_string(&errors).expect("errors written");
    let misses: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    // "over four years" is found but not in this gold: spurious. "Tuesday"
    // agrees with the gold, so it is in no line.
    let texts: Vec<(&str, &str)> = misses
        .iter()
        .filter_map(|m| {
            let timex = if m["kind"] == "missed" {
                &m["gold"]
            } else {
                &m["predicted"]
            };
            Some((m["kind"].as_str()?, timex[0].as_str()?))
        })
        .collect();
    assert_eq!(
        texts,
        [("missed", "Kerry"), ("spurious", "over four years")],
        "{lines}"
    );
}
