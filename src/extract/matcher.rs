//! The pattern matcher: runs a compiled `Pattern` over the tokens of one
//! sentence. Quotation marks are transparent; gaps are tried shortest first;
//! the first (leftmost, shortest) match at each start wins.

use super::sentence::Sent;
use crate::rules::{Alt, Elem, Rules, Slot};
use crate::text::TokKind;

/// What a slot captured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capture {
    /// The slot.
    pub slot: Slot,
    /// Index into `Sent::mentions` (actor, place) or `Sent::durations`.
    pub index: usize,
}

/// One match of a pattern in a sentence, as token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Slot captures, in pattern order.
    pub captures: Vec<Capture>,
}

impl Match {
    /// The first capture of a slot kind.
    pub fn capture(&self, slot: Slot) -> Option<usize> {
        self.captures.iter().find(|c| c.slot == slot).map(|c| c.index)
    }
}

/// The first token at or after `i` that is not a quotation mark.
pub(crate) fn skip_quotes(s: &Sent, mut i: usize) -> usize {
    while i < s.toks.len() && s.toks[i].kind == TokKind::Quote {
        i += 1;
    }
    i
}

fn alt_any(alts: &[Alt], tok: &str) -> bool {
    alts.iter().any(|a| a.matches(tok))
}

/// Matches a class phrase at `i`; returns the end of the longest phrase.
pub(crate) fn match_class(rules: &Rules, class: usize, s: &Sent, i: usize) -> Option<usize> {
    match_class_to(rules, class, s, i, usize::MAX)
}

/// Whether a phrase of the lexicon class `name` starts at token `t` (never
/// when the pack has no such class).
pub(crate) fn class_at(rules: &Rules, name: &str, s: &Sent, t: usize) -> bool {
    rules.class_id(name).is_some_and(|c| match_class(rules, c, s, t).is_some())
}

/// Whether a phrase of class `class` starts anywhere in the sentence.
pub(crate) fn holds_class(rules: &Rules, class: usize, s: &Sent) -> bool {
    (0..s.toks.len()).any(|t| match_class(rules, class, s, t).is_some())
}

/// Whether a phrase of the class named `name` starts anywhere in the
/// sentence ([`holds_class`] by name, as [`class_at`] is [`match_class`]).
pub(crate) fn holds(rules: &Rules, name: &str, s: &Sent) -> bool {
    rules.class_id(name).is_some_and(|c| holds_class(rules, c, s))
}

/// [`match_class`] among the phrases that end by `end`.
pub(crate) fn match_class_to(rules: &Rules, class: usize, s: &Sent, i: usize, end: usize) -> Option<usize> {
    let mut best = None;
    let first = s.toks.get(i)?;
    'phr: for phrase in rules.class_phrases_at(class, first.lower) {
        let mut j = i;
        for (k, alt) in phrase.iter().enumerate() {
            if k > 0 {
                j = skip_quotes(s, j);
            }
            match s.toks.get(j) {
                Some(t) if alt.matches(t.lower) => j += 1,
                _ => continue 'phr,
            }
        }
        if j <= end && best.is_none_or(|b| j > b) {
            best = Some(j);
        }
    }
    best
}

fn go(rules: &Rules, pat: &[Elem], s: &Sent, i: usize, caps: &mut Vec<Capture>) -> Option<usize> {
    let Some((first, rest)) = pat.split_first() else { return Some(i) };
    let i = skip_quotes(s, i);
    match first {
        Elem::Lit(alts) => {
            let t = s.toks.get(i)?;
            if alt_any(alts, t.lower) {
                go(rules, rest, s, i + 1, caps)
            } else {
                None
            }
        }
        Elem::Opt(alts) => {
            if let Some(t) = s.toks.get(i) {
                if alt_any(alts, t.lower) {
                    if let Some(e) = go(rules, rest, s, i + 1, caps) {
                        return Some(e);
                    }
                }
            }
            go(rules, rest, s, i, caps)
        }
        Elem::Class(c) => {
            let e = match_class(rules, *c, s, i)?;
            go(rules, rest, s, e, caps)
        }
        Elem::Slot(slot) => {
            // Each reading of the slot at `i`, tried in order (no list made:
            // this runs at every start of every pattern with a slot).
            let attempt = |index: usize, end: usize, caps: &mut Vec<Capture>| {
                caps.push(Capture { slot: *slot, index });
                let e = go(rules, rest, s, end, caps);
                if e.is_none() {
                    caps.pop();
                }
                e
            };
            match slot {
                Slot::Duration => {
                    let a = s.durations.partition_point(|d| d.t0 < i);
                    let at = s.durations[a..].iter().take_while(|d| d.t0 == i).enumerate();
                    at.map(|(k, d)| (a + k, d.t1)).find_map(|(k, end)| attempt(k, end, caps))
                }
                Slot::Actor => {
                    s.mentions_in(i, i + 1).filter(|(_, m)| m.is_actor(rules)).find_map(|(k, m)| attempt(k, m.t1, caps))
                }
                Slot::Place => s
                    .mentions_in(i, i + 1)
                    .filter(|(_, m)| m.place(rules).is_some())
                    .find_map(|(k, m)| attempt(k, m.t1, caps)),
            }
        }
        Elem::Gap(n) => {
            for k in 0..=*n {
                if i + k > s.toks.len() {
                    break;
                }
                // A gap never crosses sentence-final punctuation.
                // ("lundi 19/05", "5 %" and "-" are no ends, nor the
                // full stop of an abbreviation: "M. Poutine".)
                if k > 0
                    && s.toks[i + k - 1].kind == TokKind::Punct
                    && matches!(s.toks[i + k - 1].lower, "." | "!" | "?" | "…")
                    && !abbreviation_stop(rules, s, i + k - 1)
                {
                    break;
                }
                if let Some(e) = go(rules, rest, s, i + k, caps) {
                    return Some(e);
                }
            }
            None
        }
    }
}

/// Whether token `t` is the full stop of an abbreviation ("M." in "M.
/// Poutine"), which ends no sentence.
fn abbreviation_stop(rules: &Rules, s: &Sent, t: usize) -> bool {
    s.toks[t].lower == "."
        && t > 0
        && rules.segmentation.abbreviations.iter().any(|a| a.eq_ignore_ascii_case(s.toks[t - 1].lower))
}

/// Every match of pattern `pid` in the sentence, one per start token.
pub fn find_all(rules: &Rules, pid: usize, s: &Sent) -> Vec<Match> {
    if !s.may_match(pid) {
        return Vec::new();
    }
    let pat = rules.pattern(pid);
    let lo = s.cands.partition_point(|&(p, _)| (p as usize) < pid);
    let hi = s.cands.partition_point(|&(p, _)| (p as usize) <= pid);
    let mut out = Vec::new();
    for &(_, t) in &s.cands[lo..hi] {
        let mut caps = Vec::new();
        if let Some(end) = go(rules, pat, s, t as usize, &mut caps) {
            out.push(Match { start: t as usize, end, captures: caps });
        }
    }
    out
}

/// Every match of any of the patterns, ordered by start.
pub fn find_any(rules: &Rules, pids: &[usize], s: &Sent) -> Vec<Match> {
    let mut out: Vec<Match> = Vec::new();
    for &p in pids {
        out.extend(find_all(rules, p, s));
    }
    crate::sort_by(&mut out, |a, b| (a.start, a.end).cmp(&(b.start, b.end)));
    out.dedup_by_key(|m| m.start);
    out
}
