//! The one error type of the public API. Every message names what was wrong
//! and, where there is one, the source it was found in.

use std::fmt;

/// What went wrong with the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// No articles were given.
    NoArticles,
    /// An article's id is empty or not usable.
    BadId {
        /// The offending id.
        id: String,
    },
    /// Two articles share an id.
    DuplicateId {
        /// The repeated id.
        id: String,
    },
    /// An article has no text, or only white space.
    EmptyText {
        /// The article's id.
        id: String,
    },
    /// An article is larger than the limit.
    TooLarge {
        /// The article's id.
        id: String,
        /// Its size in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// Input JSON that does not parse or does not have the article shape.
    Json {
        /// What the parser said, with line and column.
        message: String,
    },
}

/// A string as error messages show it: quoted and escaped as in JSON
/// (`"a \"b\""`). Not `{:?}`: the module would carry the standard
/// library's `str` escaping code for its error messages alone.
pub(crate) struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&serde_json::to_string(self.0).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoArticles => f.write_str("no articles given: expected at least one"),
            Error::BadId { id } => {
                write!(f, "article id {} is not usable: expected a non-empty id of at most 200 characters", Quoted(id))
            }
            Error::DuplicateId { id } => {
                write!(f, "duplicate article id {}: every article needs its own id", Quoted(id))
            }
            Error::EmptyText { id } => write!(f, "article {} has an empty text", Quoted(id)),
            Error::TooLarge { id, bytes, limit } => {
                write!(f, "article {} is {bytes} bytes, over the limit of {limit} bytes", Quoted(id))
            }
            Error::Json { message } => write!(f, "malformed article JSON: {message}"),
        }
    }
}

impl std::error::Error for Error {}
