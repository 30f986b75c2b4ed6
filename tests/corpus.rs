//! The corpus: `tests/corpus/<case>/` holds articles written fresh by
//! someone who had not read the rules, about one call or meeting, and
//! `snapshot.json`, the document they give (reviewed; `UPDATE_SNAPSHOTS=1`
//! rewrites them). The cases about leaders the rules do not list also have
//! `expect.toml`, what a careful reader finds in them (see
//! `tests/corpus/README.md`). One runner checks every case: its snapshot,
//! and where a reader's answer is given, the participants by name, the
//! date, the duration, the distractor on another day set aside with a note
//! naming its call, the republished dispatch grouped under its original
//! (`copy_of`), and that nobody the case names is listed in `data/` or
//! `src/`.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::assert_offsets;
use factpanel::model::{Bound, Document, Kind};
use factpanel::{analyze, Article};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Every case.
fn all_cases() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(root()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    v.sort();
    assert!(v.len() >= 3, "the corpus has at least three cases");
    v
}

/// The cases with a reader's answer (`expect.toml`).
fn cases() -> Vec<PathBuf> {
    let v: Vec<PathBuf> = all_cases().into_iter().filter(|d| d.join("expect.toml").exists()).collect();
    assert!(v.len() >= 3, "at least three cases have a reader's answer");
    v
}

/// What a case's snapshot keeps of its document: the event, each
/// source's status and note, and each fact with its value and, per claim,
/// the source, the words read, who said it and how it agrees (not the
/// quotes and offsets, which `assert_offsets` checks against the texts).
fn snapshot(doc: &Document) -> serde_json::Value {
    use serde_json::{json, Value};
    let drop_nulls = |v: Value| match v {
        Value::Object(m) => Value::Object(m.into_iter().filter(|(_, x)| !x.is_null()).collect()),
        v => v,
    };
    let sources: Vec<Value> = doc
        .sources
        .iter()
        .map(|s| {
            drop_nulls(json!({
                "id": s.id, "lang": s.lang, "on_event": s.on_event, "note": s.note,
                "copy_of": s.copy_of, "wire": s.wire,
            }))
        })
        .collect();
    let facts: Vec<Value> = doc
        .facts
        .iter()
        .map(|f| {
            let claims: Vec<Value> = f
                .claims
                .iter()
                .map(|c| {
                    drop_nulls(json!({
                        "source": c.source, "text": c.value.text, "said_by": c.said_by,
                        "agreement": c.agreement, "date_note": c.date_note,
                    }))
                })
                .collect();
            let mut value = serde_json::to_value(&f.value).unwrap();
            if let Value::Object(m) = &mut value {
                m.remove("text");
            }
            json!({ "id": f.id, "label": f.label, "status": f.status, "value": value, "claims": claims })
        })
        .collect();
    json!({ "event": doc.event, "sources": sources, "facts": facts })
}

/// Every case gives the document of its snapshot.
#[test]
fn every_case_matches_its_snapshot() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for dir in all_cases() {
        let arts = articles(&dir);
        let doc = analyze(&arts).unwrap();
        assert_offsets(&doc, &arts);
        let got = serde_json::to_string_pretty(&snapshot(&doc)).unwrap() + "\n";
        let path = dir.join("snapshot.json");
        if update {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != got {
            let line = want.lines().zip(got.lines()).position(|(a, b)| a != b).unwrap_or(0);
            let show = |s: &str| s.lines().skip(line.saturating_sub(2)).take(5).collect::<Vec<_>>().join("\n");
            failures.push(format!(
                "{}: differs from snapshot.json at line {}:\n--- snapshot\n{}\n--- now\n{}",
                dir.display(),
                line + 1,
                show(&want),
                show(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(review the change, then UPDATE_SNAPSHOTS=1 cargo test --test corpus)",
        failures.join("\n\n")
    );
}

/// A case's articles, ids = file stems, in file name order.
fn articles(dir: &Path) -> Vec<Article> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Article::new(p.file_stem().unwrap().to_str().unwrap(), std::fs::read_to_string(p).unwrap()))
        .collect()
}

/// The few `expect.toml` fields the runner reads, by a line reader (the
/// file is flat: `key = "string"`, `key = ["a", "b"]`, `key = [n, m]`,
/// `key = [["a", "b"]]`).
struct Expect {
    participants: Vec<String>,
    short: Vec<String>,
    kind: String,
    date: String,
    duration: (u32, u32),
    off_event: Vec<String>,
    /// Groups of copies of one text: the original first.
    copies: Vec<Vec<String>>,
    not_participants: Vec<String>,
}

fn strings(v: &str) -> Vec<String> {
    v.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

fn expect(dir: &Path) -> Expect {
    let text = std::fs::read_to_string(dir.join("expect.toml")).unwrap();
    let field = |k: &str| -> String {
        text.lines()
            .map(|l| l.split('#').next().unwrap_or(""))
            .find_map(|l| l.split_once('=').filter(|(a, _)| a.trim() == k).map(|(_, b)| b.trim().to_string()))
            .unwrap_or_else(|| panic!("{}: no {k}", dir.display()))
    };
    let nums: Vec<u32> = field("duration")
        .trim_matches(|c| c == '[' || c == ']')
        .split(',')
        .map(|x| x.trim().parse().unwrap())
        .collect();
    Expect {
        participants: strings(&field("participants")),
        short: strings(&field("short")),
        kind: strings(&field("kind")).remove(0),
        date: strings(&field("date")).remove(0),
        duration: (nums[0], nums[1]),
        off_event: strings(&field("off_event")),
        copies: field("copies").split(']').map(strings).filter(|g| !g.is_empty()).collect(),
        not_participants: strings(&field("not_participants")),
    }
}

fn name_of(doc: &Document, id: &str) -> String {
    doc.entities.get(id).map_or_else(|| id.to_string(), |e| e.name.clone())
}

fn fold(s: &str) -> String {
    factpanel::extract::slug(s)
}

#[test]
fn every_case_gives_the_readers_answer() {
    let mut failures = Vec::new();
    for dir in cases() {
        let case = dir.file_name().unwrap().to_string_lossy().to_string();
        let arts = articles(&dir);
        let x = expect(&dir);
        let doc = analyze(&arts).unwrap();
        assert_offsets(&doc, &arts);
        let mut fail = |what: String| failures.push(format!("{case}: {what}"));
        // The participants, by name.
        let names: Vec<String> = doc.event.participants.iter().map(|p| fold(&name_of(&doc, p.as_str()))).collect();
        let mut want: Vec<String> = x.participants.iter().map(|p| fold(p)).collect();
        let mut got = names.clone();
        want.sort();
        got.sort();
        if got != want {
            fail(format!("participants {got:?}, expected {want:?}"));
        }
        for n in &x.not_participants {
            if names.contains(&fold(n)) {
                fail(format!("{n} is no participant"));
            }
        }
        // Short names in the label.
        for s in &x.short {
            if !fold(&doc.event.label).contains(&fold(s)) {
                fail(format!("label {:?} lacks {s}", doc.event.label));
            }
        }
        if doc.event.kind.as_deref() != Some(&x.kind) {
            fail(format!("kind {:?}, expected {}", doc.event.kind, x.kind));
        }
        if doc.event.date.as_deref() != Some(&x.date) {
            fail(format!("date {:?}, expected {}", doc.event.date, x.date));
        }
        // The duration: the event's duration fact, its value within the
        // reader's range (sources may still differ: "une cinquantaine de
        // minutes" beside "une heure" is a dispute the panel shows).
        let dur = doc.facts.iter().find(|f| {
            f.kind == Kind::CallDuration && f.subject.participants.len() == 2 && {
                let mut a = f.subject.participants.clone();
                let mut b = doc.event.participants.clone();
                a.sort();
                b.sort();
                a == b
            }
        });
        match dur {
            None => fail("no duration fact".into()),
            Some(f) => {
                let bound = |b: &Bound| match b {
                    Bound::Present(Some(m)) => Some(m.0),
                    _ => None,
                };
                let (lo, hi) = (bound(&f.value.min), bound(&f.value.max));
                let inside = lo.is_some_and(|l| l >= x.duration.0) && hi.is_some_and(|h| h <= x.duration.1);
                if !inside {
                    fail(format!("duration {lo:?}–{hi:?} ({:?}), expected {:?}", f.status, x.duration));
                }
                // A meeting's facts are named as a meeting's, in both languages.
                let word = |lang| factpanel::format::fact_label(f, &doc, lang);
                let (fr, en) =
                    (word(factpanel::format::Lang::from_tag("fr")), word(factpanel::format::Lang::from_tag("en")));
                let meeting = x.kind == "meeting";
                if f.label.contains("rencontre") != meeting
                    || fr.contains("rencontre") != meeting
                    || en.contains("meeting") != meeting
                {
                    fail(format!("labels {:?} / {fr:?} / {en:?} for a {}", f.label, x.kind));
                }
                for c in &f.claims {
                    if x.off_event.contains(&c.source) {
                        fail(format!("the distractor's {:?} joins the duration", c.value.text));
                    }
                }
            }
        }
        // The distractor: off the event, with a note naming its call.
        for id in &x.off_event {
            let s = doc.sources.iter().find(|s| &s.id == id).unwrap();
            let note = s.note.clone().unwrap_or_default();
            let named = x.short.iter().all(|n| fold(&note).contains(&fold(n)));
            if s.on_event || !named {
                fail(format!("{id} on_event {} note {note:?}", s.on_event));
            }
        }
        // Every other source is on the event.
        for s in doc.sources.iter().filter(|s| !x.off_event.contains(&s.id) && !s.on_event) {
            fail(format!("{} set aside: {:?}", s.id, s.note));
        }
        // Copies: grouped under their original, and nothing else is a copy.
        for s in &doc.sources {
            let want = x.copies.iter().find(|g| g[1..].contains(&s.id)).map(|g| g[0].clone());
            if s.copy_of != want {
                fail(format!("{} copy_of {:?}, expected {want:?}", s.id, s.copy_of));
            }
        }
    }
    assert!(failures.is_empty(), "{} corpus failures:\n{}", failures.len(), failures.join("\n"));
}

/// People the corpus names are recognised, not listed: no name of a
/// case's participants or bystanders stands in `data/` or `src/` (except
/// those a case says are listed on purpose).
#[test]
fn nobody_the_corpus_names_is_listed() {
    let mut listed_text = String::new();
    for dir in ["data", "src"] {
        let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
        while let Some(p) = stack.pop() {
            if p.is_dir() {
                stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            } else if let Ok(t) = std::fs::read_to_string(&p) {
                listed_text.push_str(&t.to_lowercase());
            }
        }
    }
    let mut checked = 0;
    for dir in cases() {
        let x = expect(&dir);
        let text = std::fs::read_to_string(dir.join("expect.toml")).unwrap();
        let allowed: Vec<String> = text
            .lines()
            .find_map(|l| l.strip_prefix("listed").and_then(|r| r.trim().strip_prefix('=')).map(strings))
            .unwrap_or_default();
        for name in x.participants.iter().chain(&x.not_participants).filter(|n| !allowed.contains(n)) {
            // The surname (last word) is enough to count as listed.
            let surname = name.split_whitespace().last().unwrap().to_lowercase();
            let whole_word = listed_text.match_indices(&surname).any(|(k, _)| {
                let before = listed_text[..k].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                let after = listed_text[k + surname.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                before && after
            });
            assert!(!whole_word, "{name} ({}) appears in data/ or src/", dir.display());
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} names checked");
}
