//! # factpanel
//!
//! factpanel reads several news articles about one event, extracts the facts
//! each one states — with the exact quote and its offsets — reconciles them
//! across sources, and produces a *fact panel*: what the sources agree on,
//! where they differ, who holds which position, and which source covers
//! something else.
//!
//! ## Vocabulary
//! - **article / source**: one input text with an id.
//! - **mention**: a phrase the extractor recognized (a duration, a date, an
//!   actor, a position cue), with its offsets.
//! - **claim**: what one source states about one fact, with the quote.
//! - **fact**: claims of several sources about the same kind and subject,
//!   reconciled into one value and a status (`agreed`, `compatible`,
//!   `disputed`, `single`).
//!
//! The extraction rules are data (`data/lang/<lang>/*.toml`, embedded at build
//! time); the output follows the `factpanel/1` contract (`docs/contract.md`).
//! Offsets are UTF-16 code units into the original text, so that in
//! JavaScript `text.slice(start, end) === quote`.
//!
//! ## Example
//! ```
//! let articles = vec![factpanel::Article::new(
//!     "a",
//!     "Vladimir Poutine et Donald Trump se sont parlé au téléphone pendant 90 minutes.",
//! )];
//! let doc = factpanel::analyze(&articles).unwrap();
//! let fact = &doc.facts[0];
//! assert_eq!(fact.id, "call_duration/putin+trump");
//! let claim = &fact.claims[0];
//! let utf16: Vec<u16> = articles[0].text.encode_utf16().collect();
//! assert_eq!(String::from_utf16(&utf16[claim.start..claim.end]).unwrap(), claim.quote);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod case;
mod codec;
pub mod copies;
pub mod corpus;
mod error;
pub mod extract;
pub mod format;
pub mod model;
pub mod panel;
pub mod reconcile;
pub mod rules;
pub mod text;
mod token;

/// The wasm boundary (`src/wasm.rs`): public, hidden, so that the
/// wasm-bindgen tests (`tests/web.rs`) call the entry points the page calls.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use error::Error;
pub use model::{Article, Document, MentionsDocument};

/// Largest accepted article, in bytes (8 MiB).
pub const MAX_ARTICLE_BYTES: usize = 8 << 20;

/// Analyses the articles and returns the `factpanel/1` document.
///
/// Errors when the input is unusable: no articles, an empty or duplicate
/// id, an empty text, or an article over [`MAX_ARTICLE_BYTES`].
pub fn analyze(articles: &[Article]) -> Result<Document, Error> {
    validate(articles)?;
    Ok(reconcile::document(&extract::extract_all(articles)))
}

/// Every mention the extractor recognized, for rule authors (`--mentions`).
pub fn mentions(articles: &[Article]) -> Result<MentionsDocument, Error> {
    validate(articles)?;
    Ok(extract::mentions(articles))
}

/// The document for the embedded seed corpus (the CLI without FILE; the
/// wasm module does not carry the corpus: see `seed_json`).
pub fn embedded() -> Document {
    analyze(&corpus::articles()).expect("the embedded corpus is valid")
}

/// Parses article JSON: one article object or an array of them, with the
/// fields `id`, `text` and optionally `title`, `url`, `outlet`, `lang`,
/// `published`.
pub fn parse_articles_json(json: &str) -> Result<Vec<Article>, Error> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| Error::Json { message: e.to_string() })?;
    articles_from_value(&value)
}

/// Articles from an already parsed JSON value: one article object or an
/// array of them.
pub fn articles_from_value(value: &serde_json::Value) -> Result<Vec<Article>, Error> {
    let items = match value {
        serde_json::Value::Array(items) => items.iter().collect::<Vec<_>>(),
        obj @ serde_json::Value::Object(_) => vec![obj],
        other => {
            return Err(Error::Json {
                message: format!("expected an article object or an array of them, found {}", json_kind(other)),
            })
        }
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            model::json::article(item).map_err(|e| {
                let e = e.strip_prefix("article: ").unwrap_or(&e);
                Error::Json { message: format!("article #{}: {e}", i + 1) }
            })
        })
        .collect()
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// The document as pretty JSON, exactly as the CLI prints it.
pub fn to_json(doc: &Document) -> String {
    serde_json::to_string_pretty(doc).expect("documents always serialize")
}

/// Sorts stably by `cmp`, in O(n log n) time.
///
/// One merge sort over `u32` indices serves every element type: a standard
/// sort adds kilobytes to the wasm module for each element type and
/// comparator it is instantiated with, this one a few dozen bytes (the
/// generic part only calls the comparator and moves the items into place).
#[doc(hidden)]
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut idx: Vec<u32> = (0..v.len() as u32).collect();
    merge_sort(&mut idx, &mut |a, b| cmp(&v[a as usize], &v[b as usize]));
    // Position i takes the item at idx[i]: follow each cycle of the
    // permutation, marking positions done with idx[j] = j.
    for i in 0..v.len() {
        let mut j = i;
        loop {
            let k = idx[j] as usize;
            idx[j] = j as u32;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

/// Bottom-up stable merge sort of indices (not generic: one copy in the module).
fn merge_sort(a: &mut Vec<u32>, cmp: &mut dyn FnMut(u32, u32) -> std::cmp::Ordering) {
    let n = a.len();
    let mut buf = vec![0u32; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                if cmp(a[j], a[i]) == std::cmp::Ordering::Less {
                    buf[k] = a[j];
                    j += 1;
                } else {
                    buf[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + mid - i].copy_from_slice(&a[i..mid]);
            k += mid - i;
            buf[k..k + hi - j].copy_from_slice(&a[j..hi]);
            lo = hi;
        }
        std::mem::swap(a, &mut buf);
        width *= 2;
    }
}

/// Adds `x` to a small set kept as a vector, in order.
pub(crate) fn push_new<T: PartialEq>(set: &mut Vec<T>, x: T) {
    if !set.contains(&x) {
        set.push(x);
    }
}

/// How often each item occurs, in order of first occurrence (a linear map:
/// the lists counted here are short).
pub(crate) fn tally<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<(T, usize)> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for x in items {
        match counts.iter_mut().find(|(y, _)| *y == x) {
            Some((_, n)) => *n += 1,
            None => counts.push((x, 1)),
        }
    }
    counts
}

/// Checks the input without analysing it: at least one article, usable and
/// unique ids, non-empty texts within [`MAX_ARTICLE_BYTES`].
pub fn validate(articles: &[Article]) -> Result<(), Error> {
    if articles.is_empty() {
        return Err(Error::NoArticles);
    }
    let mut seen = std::collections::HashSet::new();
    for a in articles {
        if a.id.trim().is_empty() || a.id.chars().count() > 200 {
            return Err(Error::BadId { id: a.id.clone() });
        }
        if !seen.insert(a.id.as_str()) {
            return Err(Error::DuplicateId { id: a.id.clone() });
        }
        if a.text.trim().is_empty() {
            return Err(Error::EmptyText { id: a.id.clone() });
        }
        if a.text.len() > MAX_ARTICLE_BYTES {
            return Err(Error::TooLarge { id: a.id.clone(), bytes: a.text.len(), limit: MAX_ARTICLE_BYTES });
        }
    }
    Ok(())
}

/// The seed corpus as the element fetches it when it has neither `src` nor
/// `articles` (`pkg/seed.json`, written by `examples/prebuild.rs`): its
/// articles and their document. Not part of the API.
#[doc(hidden)]
pub fn seed_json() -> String {
    // Written by hand: a `serde_json::Value` would sort the document's keys.
    let articles = serde_json::to_string(&corpus::articles()).expect("articles serialize");
    let document = serde_json::to_string(&embedded()).expect("documents serialize");
    format!("{{\"articles\":{articles},\"document\":{document}}}\n")
}

/// The embedded rules in the binary form the wasm build embeds (see
/// `examples/prebuild.rs`): the blob of the embedded rules files, built
/// from the TOML. Not part of the API.
#[doc(hidden)]
pub fn prebuilt_rules() -> Result<Vec<u8>, String> {
    let mut sections = Vec::new();
    for lang in rules::pack::LANGS {
        sections.push(rules::embedded_bytes(lang)?);
        sections.push(extract::duration::lexicon_bytes(lang)?);
    }
    // Then every pack's language words (`rules::languages`), then each
    // pack's labels and date names (`rules::view`).
    sections.push(rules::languages_bytes()?);
    for lang in rules::pack::LANGS {
        sections.push(rules::view_bytes(lang)?);
    }
    Ok(codec::blob(&sections))
}
