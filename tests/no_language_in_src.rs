//! The engine holds no word of any language: no string literal in `src/`
//! (outside its unit tests) is a word or phrase of a language pack's
//! lexicon — its phrase classes, speech verbs, function words, date and
//! duration words — beyond the short allow-list below.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

/// Literals allowed in `src/` although a pack has them, and why.
const ALLOWED: &[(&str, &str)] = &[
    // Language tags, not words: the packs' ids.
    ("fr", "the French pack's tag"),
    ("en", "the English pack's tag"),
    // An HTML element of the panel's table, not the ordinal suffix.
    ("th", "the <th> element (src/panel/)"),
];

/// Files not checked, and why (none: every file of `src/` is checked).
const NOT_YET: &[(&str, &str)] = &[];

/// Every string of the lexicon files of every pack, lowercased.
fn lexicon() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lang");
    let mut words = BTreeSet::new();
    fn walk(v: &toml::Value, out: &mut BTreeSet<String>) {
        match v {
            toml::Value::String(s) => {
                let s = s.trim().to_lowercase();
                if s.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                    out.insert(s);
                }
            }
            toml::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            toml::Value::Table(t) => t.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    for lang in std::fs::read_dir(&root).unwrap() {
        let dir = lang.unwrap().path();
        for (file, tables) in [
            ("claims.toml", &["lexicon"][..]),
            ("speech.toml", &["references", "attribution", "grammar"][..]),
            ("dates.toml", &["dates"][..]),
            ("people.toml", &["people"][..]),
        ] {
            let text = std::fs::read_to_string(dir.join(file)).unwrap();
            let v: toml::Table = toml::from_str(&text).unwrap();
            for t in tables {
                let mut table = v[*t].clone();
                if let toml::Value::Table(tt) = &mut table {
                    tt.remove("examples");
                    tt.remove("counterexamples");
                }
                walk(&table, &mut words);
            }
        }
        // The duration grammar's words (not its examples file).
        let text = std::fs::read_to_string(dir.join("durations.toml")).unwrap();
        let v: toml::Table = toml::from_str(&text).unwrap();
        for (k, x) in &v {
            if k != "tolerance" {
                walk(x, &mut words);
            }
        }
    }
    words
}

/// The string literals of a Rust source, with their line, outside
/// `#[cfg(test)]` modules (the unit tests are sentences in the packs'
/// languages) and comments.
fn literals(src: &str) -> Vec<(usize, String)> {
    let code = match src.find("#[cfg(test)]\nmod tests") {
        Some(i) => &src[..i],
        None => src,
    };
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
                break;
            }
            // A char literal ('"') is no string.
            if b[i] == b'\'' && b.get(i + 2) == Some(&b'\'') {
                i += 3;
                continue;
            }
            if b[i] == b'"' {
                let mut j = i + 1;
                let mut s = String::new();
                while j < b.len() && b[j] != b'"' {
                    if b[j] == b'\\' {
                        j += 1;
                    }
                    j += 1;
                }
                if let Some(lit) = line.get(i + 1..j) {
                    s.push_str(lit);
                }
                out.push((n + 1, s));
                i = j + 1;
            } else {
                i += 1;
            }
        }
    }
    out
}

/// Whether `p` is a unit-test module in its own file: a `tests.rs` whose
/// parent module (`mod.rs` beside it, or the `.rs` file named after its
/// folder) declares it with `#[cfg(test)] mod tests;`.
fn is_unit_test_file(p: &Path) -> bool {
    if p.file_name().is_none_or(|n| n != "tests.rs") {
        return false;
    }
    let dir = p.parent().unwrap();
    let parents = [dir.join("mod.rs"), dir.with_extension("rs")];
    parents.iter().any(|m| std::fs::read_to_string(m).is_ok_and(|t| t.contains("#[cfg(test)]\nmod tests;")))
}

/// The identifiers of the data, which are English by design and no text:
/// the `factpanel/1` document's keys and ids (kinds, statuses, topics…, as
/// the seed document has them) and the packs' keys and ids (lexicon class
/// names, hedge ids, fraction uses…).
fn identifiers() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let is_id = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit());
    fn json(v: &serde_json::Value, ids: &mut BTreeSet<String>, is_id: &dyn Fn(&str) -> bool) {
        match v {
            serde_json::Value::String(s) if is_id(s) => {
                ids.insert(s.clone());
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| json(x, ids, is_id)),
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    ids.insert(k.clone());
                    json(x, ids, is_id);
                }
            }
            _ => {}
        }
    }
    let doc = serde_json::to_value(factpanel::embedded()).unwrap();
    json(&doc, &mut ids, &is_id);
    fn toml_ids(v: &toml::Value, key: &str, ids: &mut BTreeSet<String>, is_id: &dyn Fn(&str) -> bool) {
        match v {
            toml::Value::String(s) if matches!(key, "id" | "kind" | "hedge" | "uses" | "position") && is_id(s) => {
                ids.insert(s.clone());
            }
            toml::Value::Array(a) => a.iter().for_each(|x| toml_ids(x, key, ids, is_id)),
            toml::Value::Table(t) => {
                for (k, x) in t {
                    ids.insert(k.clone());
                    toml_ids(x, k, ids, is_id);
                }
            }
            _ => {}
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lang");
    for lang in std::fs::read_dir(&root).unwrap() {
        for f in std::fs::read_dir(lang.unwrap().path()).unwrap() {
            let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
            let v: toml::Value = toml::from_str(&text).unwrap();
            toml_ids(&v, "", &mut ids, &is_id);
        }
    }
    ids
}

#[test]
fn no_pack_word_is_a_literal_in_src() {
    let ids = identifiers();
    let words: BTreeSet<String> = lexicon().into_iter().filter(|w| !ids.contains(w)).collect();
    assert!(words.contains("said") && words.contains("déclaré") && words.contains("heures"), "the lexicon is read");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = common::rust_files(&root.join("src"));
    let mut hits = Vec::new();
    for p in paths {
        let rel = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if NOT_YET.iter().any(|(f, _)| *f == rel) {
            continue;
        }
        if is_unit_test_file(&p) {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for (line, lit) in literals(&text) {
            let l = lit.trim().to_lowercase();
            if words.contains(&l) && !ALLOWED.iter().any(|(a, _)| *a == l) {
                hits.push(format!("{}:{line}: {lit:?}", p.strip_prefix(root).unwrap().display()));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "pack words written in src/ (move them to data/lang/ or document them in ALLOWED):\n{}",
        hits.join("\n")
    );
}

#[test]
fn the_check_finds_a_planted_word() {
    let planted = "fn f(x: &str) -> bool { matches!(x, \"déclaré\" | \"said\") }\n";
    let lits: Vec<String> = literals(planted).into_iter().map(|(_, l)| l).collect();
    assert_eq!(lits, ["déclaré", "said"]);
    let words = lexicon();
    assert!(lits.iter().all(|l| words.contains(l)));
}
