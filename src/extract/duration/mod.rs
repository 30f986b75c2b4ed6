//! Finds French duration phrases in a text — "près d'une heure et demie",
//! "90 minutes", "1h30", "moins de 24 heures" — and turns each into an
//! interval of minutes, with the hedge that bounds it.
//!
//! [`find_durations`] scans a whole text and returns every phrase, in order,
//! without overlaps (at each position the longest phrase wins);
//! [`parse_duration`] reads one phrase. Both are hand-written scanners: one
//! pass over the text, a bounded look-ahead per candidate, no regex, no
//! allocation per word, and no panic whatever the input.
//!
//! The vocabulary — number words, units, fractions, hedges, tolerances and
//! the contexts that make a phrase a clock time instead — is data:
//! `data/lang/fr/durations.toml`, embedded at build time and parsed once.
//! The same file carries the example table the tests check.
//!
//! # Input
//!
//! The text is expected in the pipeline's normalised view (straight
//! apostrophes, `"` for « », single plain spaces), but the scanner also
//! accepts ’, non-breaking and narrow spaces and en dashes. Matching is
//! case-insensitive (Unicode lowercase: "PRÈS D'UNE HEURE" matches); accents
//! must be as written. Words match whole: `heure` is not found in
//! "heureux", `an` not in "plan", `ans` not in "dans" or "Jean". Offsets are
//! byte offsets into the `&str` given, always on `char` boundaries.
//!
//! # Grammar
//!
//! Words in quotes stand for lexicon entries (any form listed in the data);
//! `[x]` is optional, `{x}` repeats, `|` separates choices. A hyphen and a
//! space are the same separator.
//!
//! ```text
//! phrase     = [hedge] amount [after-hedge]
//!            | [hedge] range  [after-hedge]
//! amount     = component [fraction-after] { ["et"] component [fraction-after] }
//!                  (each further component has a strictly smaller unit)
//!            | component-hour bare-minutes          (1h30, une heure trente)
//! component  = quantity [infix-hedge] unit
//!            | quantity [infix-hedge] "demi" unit                (une demi-heure)
//!            | quantity [infix-hedge] ("quart" | "tiers") of unit (trois quarts d'heure)
//!            | quantity [infix-hedge] approx-noun of unit         (une dizaine de minutes)
//! fraction-after = "et" ("demi" | "quart")                       (et demie, et quart)
//!            | ["et"] quantity "quart"                           (une heure trois quarts)
//! bare-minutes = two digits 00–59 | number words 10–59          (after an hour unit only)
//! range      = quantity ("à" | "ou" | "-") amount                 (deux à trois heures)
//!            | "entre" quantity "et" amount                       (entre une et deux heures)
//!            | amount ("à" | "-") amount                          (1h-1h30, 14h à 16h)
//!            | "entre" amount "et" amount                         (entre 14h et 16h)
//!                  (both amounts in the same unit, both in digits or both
//!                   in words, the second larger)
//! quantity   = digits [("," | ".") digits] | digits {" " 3-digits} | number-words
//! number-words = French compounds of un … seize, vingt … soixante, cent(s),
//!                mille: "quatre-vingt-dix-neuf", "soixante et onze", "deux cents"
//! unit       = "seconde" | "minute" | "heure" | "jour" | "semaine" | "mois" | "an" | …
//!              (abbreviations "sec", "min", "mn", "h" only after digits)
//! hedge      = "près de" | "environ" | "plus de" | "moins de" | "au moins" | …
//! infix-hedge = "bonne" | "petite" | …                             (une bonne heure)
//! after-hedge = "environ" | "au moins" | "pile" | …                (deux heures environ)
//! of         = "de" | "d'"
//! ```
//!
//! A phrase is dropped (and nothing inside it is reported) when a
//! `[[not_duration]]` context touches it: "il y a" before it (a point in
//! time), "à", "vers", "dès", "avant", "jusqu'à" before an hour (a clock
//! time), "de" before a range of hours ("de 9h à 17h"), "du matin",
//! "précises", "heure de Moscou" after an hour, "sur 24" after it. Words
//! such as "pendant" and "durant" are not part of the phrase.
//!
//! The rule of a match is `duration.hedge.<id>` when a hedge of the data
//! applies, else `duration.approx.<id>` ("une dizaine de"), else
//! `duration.range`, else `duration.plain`.
//!
//! # Values
//!
//! Units are converted to minutes (1 jour = 1440, 1 semaine = 10080, 1 mois
//! = 43200, 1 an = 525600). A figure with seconds is rounded up to the next
//! minute, any other to the nearest minute; everything saturates at
//! `u32::MAX`. The hedge then bounds the figure `f`, with the tolerances `t`
//! of the data file (`close_below` 0.125, `around` 0.1: "près de deux heures"
//! is said of a call of 1 h 45):
//!
//! | hedge          | interval                              | e.g.          |
//! |----------------|---------------------------------------|---------------|
//! | `Exact`        | `[f, f]`                              | une heure     |
//! | `CloseBelow`   | `[floor(f·(1−t)), f]`                 | près de, presque |
//! | `Around`       | `[floor(f·(1−t)), ceil(f·(1+t))]`     | environ, quelque |
//! | `AtLeast`      | `[f, open]`                           | plus de, au moins |
//! | `AtMost`       | `[open, f]`                           | moins de, au plus |
//!
//! | input                            | interval (minutes)  | hedge        |
//! |----------------------------------|---------------------|--------------|
//! | `une heure`                      | [60, 60]            | exact        |
//! | `90 minutes`, `90 min`, `90mn`   | [90, 90]            | exact        |
//! | `1h30`, `1 h 30`, `une heure trente` | [90, 90]        | exact        |
//! | `une heure et demie`             | [90, 90]            | exact        |
//! | `deux heures et quart`           | [135, 135]          | exact        |
//! | `2 heures et 15 minutes`         | [135, 135]          | exact        |
//! | `une demi-heure`                 | [30, 30]            | exact        |
//! | `trois quarts d'heure`           | [45, 45]            | exact        |
//! | `1,5 heure`                      | [90, 90]            | exact        |
//! | `quatre-vingt-dix minutes`       | [90, 90]            | exact        |
//! | `30 secondes`                    | [1, 1]              | exact        |
//! | `trente jours`                   | [43200, 43200]      | exact        |
//! | `un an et demi`                  | [788400, 788400]    | exact        |
//! | `près d'une heure et demie`      | [78, 90]            | close_below  |
//! | `une petite heure`               | [52, 60]            | close_below  |
//! | `environ une heure`              | [54, 66]            | around       |
//! | `deux heures environ`            | [108, 132]          | around       |
//! | `une dizaine de minutes`         | [9, 11]             | around       |
//! | `plus d'une heure`               | [60, open]          | at_least     |
//! | `une bonne heure`                | [60, open]          | at_least     |
//! | `moins de 24 heures`             | [open, 1440]        | at_most      |
//! | `deux à trois heures`            | [120, 180]          | exact        |
//! | `99999999999999 heures`          | [4294967295, 4294967295] | exact   |
//! | `il y a une heure`, `à 14h30`, `tout à l'heure` | none |             |
//!
//! # Decisions
//!
//! - A phrase with a figure is a duration even where another layer will
//!   reject it as a call duration: "trente jours", "24 heures avant",
//!   "14 ans", "en 24 h", "3 heures supplémentaires" (the figure is a
//!   length of time; "les heures supplémentaires" has none and is not
//!   found).
//! - No figure, no duration: "quelques heures", "plusieurs jours", "dans les
//!   prochains jours", "l'heure", "de bonne heure", "première heure".
//! - "une bonne heure" is `AtLeast` and "une petite heure" `CloseBelow`.
//! - "à" + hours is always a clock time, so "limité à deux heures" is not
//!   found; "à" + any other unit is kept ("condamné à 14 ans"). Likewise
//!   "avant 8 h" is a clock time but "24 heures avant" a duration.
//! - "14h30" with nothing before it is read as a duration (870 minutes): the
//!   scanner cannot tell a bare clock time from a length. For the same
//!   reason "entre 14h et 16h" is a range of lengths, while "de 14h à 16h"
//!   (and the rarer "une pause de 2 à 3 heures") is dropped as opening
//!   hours.
//! - "un jour" is a day even in "il reviendra un jour" (someday): the
//!   figure is there, the binding layer decides.
//! - A range is `Exact` with `figure` = its upper figure; a hedge before it
//!   applies to both ends ("environ deux à trois heures" = [108, 198]).
//! - "1.000" is the decimal 1.0 (French writes thousands with spaces:
//!   "1 000").
//! - Bare minutes after an hour need two digits ("1 heure 05") or a number
//!   word from 10 to 59 ("deux heures quinze"), so that "une heure deux
//!   fois" stays "une heure".

use crate::model::{Interval, Minutes};
use serde::Deserialize;
use std::collections::HashMap;

mod binary;
mod lexicon;
mod scanner;
mod spec;
#[cfg(test)]
mod tests;
mod token;

pub(crate) use binary::lexicon_bytes;
#[cfg(any(test, prebuilt))]
use binary::lexicon_from_bytes;
use lexicon::*;
use scanner::*;
use spec::*;
use token::*;

/// How a hedge word bounds the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// No hedge, or an exact one ("pile", "exactement"): `[f, f]`.
    Exact,
    /// Close to the figure from below ("près de", "presque"):
    /// `[floor(f·(1−t)), f]`.
    CloseBelow,
    /// Around the figure ("environ", "quelque"): `[floor(f·(1−t)),
    /// ceil(f·(1+t))]`.
    Around,
    /// At least the figure ("plus de", "au moins"): `[f, open]`.
    AtLeast,
    /// At most the figure ("moins de", "au plus"): `[open, f]`.
    AtMost,
}

/// One duration phrase found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct DurationMatch {
    /// Byte offset in the input of the start of the phrase, hedge included
    /// ("près d'une heure et demie").
    pub start: usize,
    /// Byte offset of the end of the phrase (exclusive).
    pub end: usize,
    /// The interval in minutes, after the hedge.
    pub interval: Interval,
    /// How the hedge bounds the figure.
    pub hedge: Hedge,
    /// The unhedged figure in minutes (90 for "près d'une heure et demie";
    /// the upper figure of a range); saturating.
    pub figure: u32,
    /// Id of the lexicon entry or grammar rule that matched:
    /// `duration.hedge.<id>`, `duration.approx.<id>`, `duration.range` or
    /// `duration.plain`.
    pub rule: String,
}

/// Every duration phrase in `text`, in order, non-overlapping; at each
/// position the longest phrase wins.
///
/// ```
/// use factpanel::extract::duration::{find_durations, Hedge};
/// let text = "La réunion a duré près d'une heure et demie.";
/// let found = find_durations(text);
/// assert_eq!(found.len(), 1);
/// assert_eq!(&text[found[0].start..found[0].end], "près d'une heure et demie");
/// assert_eq!(found[0].hedge, Hedge::CloseBelow);
/// assert_eq!(found[0].figure, 90);
/// assert_eq!(found[0].interval, factpanel::model::Interval::between(78, 90));
/// ```
pub fn find_durations(text: &str) -> Vec<DurationMatch> {
    find_durations_in(text, lexicon())
}

/// The duration grammar of the pack of `lang` (`"en"`), if one is embedded.
pub fn grammar(lang: &str) -> Option<&'static Lexicon> {
    let i = crate::rules::pack::LANGS.iter().position(|l| *l == lang)?;
    Some(lexicon_of(i))
}

/// Every duration phrase in `text`, read with the duration grammar `lex`
/// (see [`grammar`]).
pub fn find_durations_in(text: &str, lex: &'static Lexicon) -> Vec<DurationMatch> {
    let mut scan = Scanner::new(text, lex);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(t) = scan.tok(i) {
        // Most tokens start nothing: that path comes first.
        if !scan.can_start(&t) {
            i += 1;
            scan.forget_before(i);
            continue;
        }
        scan.limit = i.saturating_add(MAX_SPAN);
        let found = scan.attempt(i);
        scan.limit = usize::MAX;
        match found {
            Some((end, m)) => {
                out.extend(m);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
        scan.forget_before(i);
    }
    out
}

/// The duration `phrase` states, when the whole phrase (trimmed) is one
/// duration; offsets point into `phrase`.
///
/// ```
/// use factpanel::extract::duration::parse_duration;
/// assert_eq!(parse_duration(" plus d'une heure ").unwrap().interval.max, None);
/// assert!(parse_duration("il y a une heure").is_none());
/// assert!(parse_duration("pendant une heure").is_none());
/// ```
pub fn parse_duration(phrase: &str) -> Option<DurationMatch> {
    let trimmed = phrase.trim();
    let offset = phrase.len() - phrase.trim_start().len();
    let mut found = find_durations(trimmed);
    if found.len() != 1 || found[0].start != 0 || found[0].end != trimmed.len() {
        return None;
    }
    let mut m = found.pop()?;
    m.start += offset;
    m.end += offset;
    Some(m)
}

// ------------------------------------------------------------------ data

/// How many tokens one attempt may read past its start.
const MAX_SPAN: usize = 64;
/// Longest word of the lexicon, in bytes.
const MAX_WORD_BYTES: usize = 48;
/// How many tokens the scanner keeps behind its cursor, for the contexts
/// looked up before a phrase.
const KEEP: usize = 16;
/// Integer parts are capped here: anything larger saturates anyway.
const INT_CAP: u64 = 1_000_000_000_000_000;
/// Quantities are fixed-point with nine decimals.
const NANO: u128 = 1_000_000_000;
/// Amounts are counted in 1/(12·10⁹) of a second: twelfths hold demi,
/// tiers and quart exactly.
const PER_SECOND: u128 = 12 * NANO;
const PER_MINUTE: u128 = 60 * PER_SECOND;
const PER_MILLION: u64 = 1_000_000;

// --------------------------------------------------------------- lexicon

/// One element of a phrase from the data: a word (by lexicon id), an
/// apostrophe, another punctuation mark, or an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Word(u16),
    Apos,
    Punct(char),
    Num(u64),
}

#[derive(Debug, Clone, Default)]
struct WordInfo {
    number: Option<u32>,
    /// Unit index, and whether this form is an abbreviation.
    unit: Option<(usize, bool)>,
    fraction: Option<usize>,
    approx: Option<usize>,
    /// Infix hedge index.
    infix: Option<usize>,
    /// Hedges (before the quantity) whose phrase starts with this word.
    pre_hedges: Vec<usize>,
    /// Whether a phrase may start at this word.
    starts: bool,
}

#[derive(Debug)]
struct Unit {
    id: String,
    seconds: u64,
    bare_minutes: bool,
}

#[derive(Debug)]
struct Fraction {
    twelfths: u64,
    uses: Vec<FractionUse>,
}

#[derive(Debug)]
struct Approx {
    rule: String,
    value: u64,
}

#[derive(Debug)]
struct HedgeRule {
    /// Its group's rule id, in [`Lexicon::hedge_rules`] (one per
    /// `[[hedge]]`, not one per phrase).
    rule: usize,
    hedge: Hedge,
    keys: Vec<Key>,
}

#[derive(Debug)]
struct Block {
    keys: Vec<Key>,
    /// Unit indexes; empty = every unit.
    units: Vec<usize>,
    ranges_only: bool,
}

type Fnv = crate::rules::Fnv;
use crate::rules::{fnv, fnv_extend, FNV_OFFSET};

/// The duration grammar of one language, compiled from its
/// `durations.toml` (see [`grammar`]).
#[derive(Debug)]
pub struct Lexicon {
    /// Every word of the data, by id (index 0 unused).
    texts: Vec<Box<str>>,
    /// Open addressing on the FNV-1a hash of the lowercase word: (hash, id),
    /// id 0 = empty slot. Looked up without allocating.
    table: Vec<(u64, u16)>,
    /// Indexed by word id; id 0 is "not in the lexicon".
    words: Vec<WordInfo>,
    max_word_bytes: usize,
    /// For an ASCII first byte, a bit per byte length (< 64) of the words
    /// starting with it: most article words are rejected without hashing.
    first_len: [u64; 128],
    units: Vec<Unit>,
    fractions: Vec<Fraction>,
    approx: Vec<Approx>,
    hedges: Vec<HedgeRule>,
    hedge_rules: Vec<String>,
    post_hedges: Vec<usize>,
    and: Vec<Vec<Key>>,
    of: Vec<Vec<Key>>,
    range: Vec<Vec<Key>>,
    range_lead: Vec<Vec<Key>>,
    before_blocks: Vec<Block>,
    after_blocks: Vec<Block>,
    /// Tolerances, in millionths.
    close_below: u64,
    around: u64,
}

/// The default (French) grammar.
fn lexicon() -> &'static Lexicon {
    lexicon_of(0)
}

/// The grammar of pack `i` (in `rules::pack::LANGS` order), loaded on
/// first use.
fn lexicon_of(i: usize) -> &'static Lexicon {
    const N: usize = crate::rules::pack::LANGS.len();
    crate::rules::once!([Lexicon; N][i], {
        let lang = crate::rules::pack::LANGS[i];
        #[cfg(prebuilt)]
        let lexicon = crate::codec::section(crate::codec::PREBUILT, crate::codec::at::durations(i))
            .and_then(lexicon_from_bytes)
            .unwrap_or_else(|e| panic!("embedded duration lexicon ({lang}) is invalid: {e}"));
        #[cfg(not(prebuilt))]
        let lexicon = build_lexicon(pack_text(lang), lang);
        lexicon
    })
}

/// The text of the grammar file of `lang`.
fn pack_text(lang: &str) -> &'static str {
    let files = crate::rules::pack::files(lang).expect("a listed pack");
    files.iter().find(|(n, _)| n.ends_with("/durations.toml")).map(|(_, t)| *t).expect("every pack has durations.toml")
}
