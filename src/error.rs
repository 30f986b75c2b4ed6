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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoArticles => f.write_str("no articles given: expected at least one"),
            Error::BadId { id } => {
                write!(f, "article id {id:?} is not usable: expected a non-empty id of at most 200 characters")
            }
            Error::DuplicateId { id } => write!(f, "duplicate article id {id:?}: every article needs its own id"),
            Error::EmptyText { id } => write!(f, "article {id:?} has an empty text"),
            Error::TooLarge { id, bytes, limit } => {
                write!(f, "article {id:?} is {bytes} bytes, over the limit of {limit} bytes")
            }
            Error::Json { message } => write!(f, "malformed article JSON: {message}"),
        }
    }
}

impl std::error::Error for Error {}
