//! Extraction: from one article's text to claims with quotes and offsets.
//! (Work in progress: filled in by the core pipeline.)

use crate::model::{Article, MentionsDocument, MENTIONS_SCHEMA};

pub mod duration;

/// What extraction found in all the articles.
#[derive(Debug, Default)]
pub struct Extraction {
    /// The articles, in input order.
    pub articles: Vec<Article>,
}

/// Extracts every article.
pub fn extract_all(articles: &[Article]) -> Extraction {
    Extraction { articles: articles.to_vec() }
}

/// Every mention recognized in the articles.
pub fn mentions(_articles: &[Article]) -> MentionsDocument {
    MentionsDocument { schema: MENTIONS_SCHEMA.into(), mentions: vec![] }
}
