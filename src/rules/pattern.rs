//! The compiled pattern elements, and the FNV-1a hash the word maps use.

use super::*;

/// One alternative of a literal element.
#[derive(Debug, Clone, PartialEq)]
pub enum Alt {
    /// Exact token.
    Word(String),
    /// Token prefix.
    Prefix(String),
}

impl Alt {
    /// Whether the lowercased token matches.
    pub fn matches(&self, tok: &str) -> bool {
        match self {
            Alt::Word(w) => w == tok,
            Alt::Prefix(p) => tok.starts_with(p.as_str()),
        }
    }
}

/// A special slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A duration phrase.
    Duration,
    /// A known actor (person, institution, media) or a resolved pronoun.
    Actor,
    /// A known place.
    Place,
}

/// Slots by their name in patterns (`@duration`, `@actor`, `@place`).
pub(super) const SLOTS: &[(&str, Slot)] =
    &[("duration", Slot::Duration), ("actor", Slot::Actor), ("place", Slot::Place)];

/// A compiled pattern element.
#[derive(Debug, Clone, PartialEq)]
pub enum Elem {
    /// One token among the alternatives.
    Lit(Vec<Alt>),
    /// Optionally one token among the alternatives.
    Opt(Vec<Alt>),
    /// One phrase of a lexicon class.
    Class(usize),
    /// A slot.
    Slot(Slot),
    /// 0..=N tokens.
    Gap(usize),
}

/// A compiled pattern.
pub type Pattern = Vec<Elem>;

/// Hashing for the rules' word indexes, looked up for every token of every
/// article: short keys, no untrusted inserts, so FNV-1a rather than SipHash.
pub type Fnv = BuildHasherDefault<FnvHasher>;
pub(super) type WordMap<V> = HashMap<String, V, Fnv>;

pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub(super) const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a of `bytes`.
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    fnv_extend(FNV_OFFSET, bytes.iter().copied())
}

/// FNV-1a state `h` after `bytes`.
pub(crate) fn fnv_extend(h: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// The [`Hasher`] of [`Fnv`].
#[derive(Default)]
pub struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv_extend(if self.0 == 0 { FNV_OFFSET } else { self.0 }, bytes.iter().copied());
    }
}
