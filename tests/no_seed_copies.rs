//! The rules describe the language, not the seed articles: no file in
//! `src/` or `data/` may name a seed file id or copy a run of seven
//! words from a seed article (a sentence, not a common phrase).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::path::Path;

fn words(text: &str) -> Vec<String> {
    text.replace(['’', '‘', '«', '»', '“', '”', '"', '\''], " ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1 || w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Words in a run; elided letters (l', d') do not count.
const N: usize = 7;

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn sources_and_rules_do_not_copy_the_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut grams = HashSet::new();
    for (id, text) in factpanel::corpus::ARTICLES {
        let w = words(text);
        for g in w.windows(N) {
            grams.insert(g.join(" "));
        }
        let _ = id;
    }
    let mut paths = Vec::new();
    files(&root.join("src"), &mut paths);
    files(&root.join("data/lang"), &mut paths);
    paths.push(root.join("data/reconcile.toml"));
    let mut hits = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        for (id, _) in factpanel::corpus::ARTICLES {
            let hash = &id[4..];
            if text.contains(hash) && !p.ends_with("corpus.rs") {
                hits.push(format!("{} names the seed {id}", p.display()));
            }
        }
        if p.ends_with("corpus.rs") {
            continue;
        }
        // Line by line: a run that spans two lines is not a copied sentence.
        for line in text.lines() {
            for g in words(line).windows(N) {
                let g = g.join(" ");
                if grams.contains(&g) {
                    hits.push(format!("{}: \"{g}\"", p.strip_prefix(root).unwrap().display()));
                }
            }
        }
    }
    hits.dedup();
    assert!(hits.is_empty(), "{} copies of seed text:\n{}", hits.len(), hits.join("\n"));
}
