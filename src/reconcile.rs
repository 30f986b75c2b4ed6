//! Reconciliation (work in progress).

use crate::extract::Extraction;
use crate::model::{Document, Event, Source, SCHEMA};

/// Builds the document from what extraction found.
pub fn document(ex: &Extraction) -> Document {
    Document {
        schema: SCHEMA.into(),
        event: Event { label: String::new(), date: None },
        sources: ex
            .articles
            .iter()
            .map(|a| Source {
                id: a.id.clone(),
                title: a.text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_string(),
                lang: a.lang.clone().unwrap_or_else(|| "fr".into()),
                url: None,
                outlet: a.outlet.clone(),
                on_event: true,
                note: None,
            })
            .collect(),
        facts: vec![],
        entities: Default::default(),
    }
}
