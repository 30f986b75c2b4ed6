//! The entry points: analyze, mentions, the JSON readers and writers, and
//! what `build.rs` bakes for the wasm module (the rules blob, the seed
//! document). The crate root re-exports them.

use crate::error::Error;
use crate::model::{self, Article, Document, MentionsDocument};
use crate::{codec, corpus, extract, reconcile, rules};

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

/// Checks the input without analysing it: at least one article, usable and
/// unique ids, non-empty texts within [`MAX_ARTICLE_BYTES`].
pub fn validate(articles: &[Article]) -> Result<(), Error> {
    if articles.is_empty() {
        return Err(Error::NoArticles);
    }
    // The hash table type the stages use (FNV, `&str` to `usize`): one
    // copy of its code in the wasm module.
    let mut seen: std::collections::HashMap<&str, usize, crate::rules::Fnv> = Default::default();
    for a in articles {
        if a.id.trim().is_empty() || a.id.chars().count() > 200 {
            return Err(Error::BadId { id: a.id.clone() });
        }
        if seen.insert(a.id.as_str(), 0).is_some() {
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
/// `articles` (`pkg/seed.json`, written by `build.rs`): its
/// articles and their document. Not part of the API.
#[doc(hidden)]
pub fn seed_json() -> String {
    // Written by hand: a `serde_json::Value` would sort the document's keys.
    let articles = serde_json::to_string(&corpus::articles()).expect("articles serialize");
    let document = serde_json::to_string(&embedded()).expect("documents serialize");
    format!("{{\"articles\":{articles},\"document\":{document}}}\n")
}

/// The embedded rules in the binary form the wasm build embeds (see
/// `build.rs`): the blob of the embedded rules files, built from the TOML,
/// its sections where [`codec::at`] places them. Without `analyze` (the
/// renderer-only module), each pack's duration lexicon is left empty and
/// the blob stops after the views: only the languages, labels and date
/// names are filled. Not part of the API.
#[doc(hidden)]
pub fn prebuilt_rules(analyze: bool) -> Result<Vec<u8>, String> {
    let langs = rules::pack::LANGS;
    let n = langs.len();
    let mut sections = vec![Vec::new(); if analyze { codec::at::names(n, 0) + 1 } else { codec::at::view(n, n) }];
    sections[codec::at::languages(n)] = rules::languages_bytes()?;
    for (i, lang) in langs.iter().enumerate() {
        sections[codec::at::view(n, i)] = rules::view_bytes(lang)?;
        if analyze {
            let [core, names] = rules::embedded_bytes(lang)?;
            sections[codec::at::durations(i)] = extract::duration::lexicon_bytes(lang)?;
            sections[codec::at::rules(n, i)] = core;
            sections[codec::at::names(n, i)] = names;
        }
    }
    Ok(codec::blob(&sections))
}
