//! The CLI contract: `factpanel [--json] [--mentions] [FILE ...]`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_factpanel"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the CLI runs")
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("factpanel-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn seed_files() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles");
    let mut v: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path().display().to_string()).collect();
    v.sort();
    v
}

/// Bad input: exit code 2, one line on stderr naming the file and the
/// problem, nothing on stdout.
fn assert_bad(out: &Output, file: &str, problem: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(out.stdout.is_empty(), "stdout must stay empty, got {:?}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(err.contains(file), "names the file {file}: {err}");
    assert!(err.to_lowercase().contains(problem), "says {problem:?}: {err}");
}

#[test]
fn files_give_the_same_document_as_the_embedded_corpus() {
    let files = seed_files();
    let mut args = vec!["--json"];
    args.extend(files.iter().map(String::as_str));
    let from_files = run(&args);
    assert!(from_files.status.success());
    let embedded = run(&["--json"]);
    assert!(embedded.status.success());
    assert_eq!(String::from_utf8(from_files.stdout).unwrap(), String::from_utf8(embedded.stdout.clone()).unwrap());
    let golden = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/seed-panel.json")).unwrap();
    assert_eq!(String::from_utf8(embedded.stdout).unwrap(), golden);
}

#[test]
fn json_file_input_and_table_output() {
    let p = tmp(
        "one.json",
        r#"[{"id": "x", "text": "Donald Trump a eu un échange téléphonique de 90 minutes avec Vladimir Poutine.", "title": "T", "outlet": "O", "url": "https://example.org/a"}]"#.as_bytes(),
    );
    let out = run(&["--json", p.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["schema"], "factpanel/1");
    assert_eq!(doc["facts"][0]["id"], "call_duration/putin+trump");
    assert_eq!(doc["sources"][0]["url"], "https://example.org/a");
    let table = run(&[p.to_str().unwrap()]);
    let t = String::from_utf8(table.stdout).unwrap();
    assert!(t.contains("1 h 30") && t.contains("Trump"), "{t}");
}

#[test]
fn mentions_listing() {
    let out = run(&["--mentions", "--json"]);
    assert!(out.status.success());
    let m: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(m["schema"], "factpanel-mentions/1");
    let ms = m["mentions"].as_array().unwrap();
    let d = ms.iter().find(|x| x["kind"] == "duration" && x["text"] == "90 minutes").expect("a duration mention");
    assert_eq!(d["value"]["min"], 90);
    assert!(d["rule"].as_str().unwrap().starts_with("duration"));
    // 003's traps are recognized as durations but never become claims.
    assert!(ms.iter().any(|x| x["kind"] == "duration" && x["text"] == "trente jours"));
    let table = run(&["--mentions"]);
    assert!(String::from_utf8(table.stdout).unwrap().contains("\tduration\t"));
}

#[test]
fn missing_file() {
    assert_bad(&run(&["--json", "/nonexistent/nope.txt"]), "/nonexistent/nope.txt", "cannot read");
}

#[test]
fn invalid_utf8() {
    let p = tmp("latin1.txt", b"Le pr\xe9sident a parl\xe9.");
    assert_bad(&run(&["--json", p.to_str().unwrap()]), "latin1.txt", "utf-8");
}

#[test]
fn empty_text() {
    let p = tmp("empty.txt", b"  \n\n ");
    assert_bad(&run(&[p.to_str().unwrap()]), "empty.txt", "empty");
    let j = tmp("empty.json", br#"{"id": "a", "text": "   "}"#);
    assert_bad(&run(&[j.to_str().unwrap()]), "empty.json", "empty");
    let a = tmp("none.json", b"[]");
    assert_bad(&run(&[a.to_str().unwrap()]), "none.json", "empty array");
}

#[test]
fn malformed_json() {
    let p = tmp("bad.json", br#"[{"id": "a", "text": "x"#);
    assert_bad(&run(&["--json", p.to_str().unwrap()]), "bad.json", "json");
    let q = tmp("shape.json", br#"[{"id": "a"}]"#);
    assert_bad(&run(&["--json", q.to_str().unwrap()]), "shape.json", "text");
    let r = tmp("number.json", b"42");
    assert_bad(&run(&["--json", r.to_str().unwrap()]), "number.json", "json");
}

#[test]
fn duplicate_ids() {
    let p = tmp("dup.json", br#"[{"id": "a", "text": "Un."}, {"id": "a", "text": "Deux."}]"#);
    assert_bad(&run(&["--json", p.to_str().unwrap()]), "dup.json", "duplicate");
    let files = seed_files();
    let out = run(&["--json", &files[0], &files[0]]);
    assert_bad(&out, "000_a36b81443388f293", "duplicate");
}

#[test]
fn unknown_option() {
    let out = run(&["--frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

/// `--batch`: one event per line, one answer per line in input order; a
/// bad event gets an error line naming it, the others are answered, and
/// the exit code says that some failed.
#[test]
fn batch_answers_every_event_in_order() {
    let seeds: Vec<serde_json::Value> = seed_files()
        .iter()
        .map(|p| {
            let id = std::path::Path::new(p).file_stem().unwrap().to_str().unwrap().to_string();
            serde_json::json!({ "id": id, "text": std::fs::read_to_string(p).unwrap(), "lang": "fr" })
        })
        .collect();
    let one = serde_json::json!([{ "id": "a", "text": "Emmanuel Macron a appelé Xi Jinping pendant une heure." }]);
    let mut lines = Vec::new();
    for k in 0..150 {
        lines.push(match k % 3 {
            0 => serde_json::to_string(&seeds).unwrap(),
            1 => serde_json::json!({ "id": format!("event-{k}"), "articles": one }).to_string(),
            _ => serde_json::to_string(&one).unwrap(),
        });
    }
    lines.insert(4, String::new()); // a blank line is no event
    lines.insert(7, r#"{"id": "broken", "articles": [{"id": "a"}]}"#.to_string());
    lines.insert(9, "not json".to_string());
    let path = tmp("events.jsonl", (lines.join("\n") + "\n").as_bytes());
    let out = run(&["--batch", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "some events failed: {}", String::from_utf8_lossy(&out.stderr));
    let answers: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(answers.len(), 152, "one answer per event, blank lines skipped");
    let seed_doc: serde_json::Value =
        serde_json::from_str(&String::from_utf8(run(&["--json"]).stdout).unwrap()).unwrap();
    assert_eq!(answers[0], seed_doc, "the same document as the CLI gives the event alone");
    assert_eq!(answers[6]["error"]["line"], 8);
    assert_eq!(answers[6]["error"]["id"], "broken");
    assert!(answers[6]["error"]["message"].as_str().unwrap().contains("text"), "{}", answers[6]);
    assert_eq!(answers[8]["error"]["line"], 10);
    assert!(answers[8]["error"]["message"].as_str().unwrap().contains("not valid JSON"));
    let docs = answers.iter().filter(|a| a["schema"] == "factpanel/1").count();
    assert_eq!(docs, 150);
    // Standard input, and every event good: exit code 0.
    let mut child = bin()
        .args(["--batch", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(format!("{}\n{}\n", one, one).as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
    assert_bad(&run(&["--batch", "/no/such/events.jsonl"]), "/no/such/events.jsonl", "cannot read");
}
