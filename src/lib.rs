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
mod collect;
pub mod copies;
pub mod corpus;
mod error;
pub mod extract;
pub mod format;
pub mod model;
pub mod panel;
mod pipeline;
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
pub use pipeline::*;

#[doc(hidden)]
pub use collect::sort_by;
use collect::{join, push_new, tally};
