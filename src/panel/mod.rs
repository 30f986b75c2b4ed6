//! The panel as a pure view tree.
//!
//! [`panel`] turns a `factpanel/1` [`Document`] into a tree of [`Node`]s:
//! elements whose tag and attribute *names* are `&'static str` chosen here,
//! and text. Nothing from the articles can become markup: a title or a quote
//! is always a [`Node::Text`], and the DOM builder (`src/wasm.rs`) turns text
//! into DOM text nodes, never into HTML. Links keep only `http:` and
//! `https:` URLs.
//!
//! No web-sys here: the tree is built and tested natively.
//!
//! ```
//! use factpanel::panel::{panel, Options};
//! let doc = factpanel::analyze(&[factpanel::Article::new("a", "<b>Bonjour</b>")]).unwrap();
//! let tree = panel(&doc, &Options::default());
//! assert!(tree.text_content().contains("<b>Bonjour</b>"));
//! ```

mod node;
mod view;

pub use crate::text::{utf16_slice, utf16_to_byte};
pub use node::*;
pub use view::*;

#[cfg(test)]
mod tests;
