//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use factpanel::model::{Document, Fact};
use factpanel::Article;
use std::collections::BTreeSet;

/// UTF-16 slice of `text`, as JavaScript's `text.slice(start, end)`.
pub fn js_slice(text: &str, start: usize, end: usize) -> String {
    let u: Vec<u16> = text.encode_utf16().collect();
    assert!(start <= end && end <= u.len(), "offsets {start}..{end} outside a text of {} UTF-16 units", u.len());
    String::from_utf16(&u[start..end]).expect("offsets fall on UTF-16 boundaries")
}

/// Checks that every claim's quote and value phrase are exact UTF-16
/// slices of its source text, and the value lies inside the quote.
pub fn assert_offsets(doc: &Document, articles: &[Article]) {
    for f in &doc.facts {
        for c in &f.claims {
            let a = articles.iter().find(|a| a.id == c.source).expect("claim source exists");
            assert_eq!(js_slice(&a.text, c.start, c.end), c.quote, "quote offsets of {} in {}", f.id, c.source);
            assert!(c.start <= c.value_start && c.value_end <= c.end, "value outside quote in {}", f.id);
            if let Some(t) = &c.value.text {
                assert_eq!(
                    &js_slice(&a.text, c.value_start, c.value_end),
                    t,
                    "value offsets of {} in {}",
                    f.id,
                    c.source
                );
            }
        }
    }
}

/// The fact with this id.
pub fn fact<'a>(doc: &'a Document, id: &str) -> &'a Fact {
    doc.facts
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no fact {id}; facts: {:?}", doc.facts.iter().map(|f| &f.id).collect::<Vec<_>>()))
}

/// The sources (by id prefix, `000`) that make claims on a fact.
pub fn sources(f: &Fact) -> BTreeSet<String> {
    f.claims.iter().map(|c| c.source.chars().take(3).collect()).collect()
}

/// The places of a meeting fact, as entity ids.
pub fn places(f: &Fact) -> Vec<&str> {
    f.value.places.iter().map(|p| p.as_str()).collect()
}

/// The short ids (`000`) of the sources set aside as off-event.
pub fn off_event(doc: &Document) -> Vec<&str> {
    doc.sources.iter().filter(|s| !s.on_event).map(|s| &s.id[..3]).collect()
}

/// A set of short source ids.
pub fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

/// Every `.rs` file under `dir`, recursively.
pub fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
