//! Near-duplicates: which articles of one analysis are copies of one text
//! (a wire dispatch republished by several outlets, lightly edited), so
//! that they count as one newsroom.
//!
//! ## What a copy is
//!
//! A text is read as **words**: the word and number tokens that extraction
//! makes anyway (`src/text.rs`), lowercased, from the sentences left once
//! the boilerplate lines of the rules are masked; punctuation, quotation
//! marks, dashes and clause breaks are dropped ("« L’appel » a duré 90
//! minutes !" is `l' appel a duré 90 minutes`; "porte-parole" is one word).
//! Each word is hashed to 32 bits ([`push_words`]; [`words`] reads a raw
//! text the same way). A **shingle** is a run of [`SHINGLE_WORDS`] = 5
//! consecutive words ("le président russe vladimir poutine"), hashed to 64
//! bits; a text is the *set* of its shingles. Two texts A and B are copies
//! when all of these hold:
//!
//! | test | threshold | why |
//! |---|---|---|
//! | distinct shingles of each | ≥ [`MIN_SHINGLES`] = 30 (about 35 words) | two one-paragraph flashes in the same obvious words ("L'appel a duré 90 minutes, a indiqué le Kremlin.") are as likely two newsrooms as one copy: too short to tell, never copies |
//! | containment \|A∩B\| / min(\|A\|, \|B\|) | ≥ [`MIN_CONTAINMENT`] = 0.5 | at least half of the shorter text's 5-word runs are in the other: a copy with a paragraph cut keeps almost all of its runs |
//! | Jaccard \|A∩B\| / \|A∪B\| | ≥ [`MIN_JACCARD`] = 0.3 | the texts are of comparable reach: a long round-up that quotes a whole short dispatch is not a copy of it |
//!
//! Copies group transitively: a copy of a copy is in the same group. The
//! group's *original* is its first text in input order.
//!
//! **Why these numbers.** A lightly edited republication (another headline,
//! a lead reworded, one paragraph of eight cut or added, a few words changed
//! here and there — 80–90 % of its words as the dispatch had them) keeps
//! 60–90 % of the dispatch's shingles: containment 0.6–0.95, Jaccard
//! 0.45–0.85 (`tests/copies.rs` measures its own). Two newsrooms writing on
//! the same event share names, titles and the officials' quotes, but a
//! shingle survives only where five words in a row are the same: among the
//! 78 articles of `tests/fixtures/` (nine events, each told by several
//! outlets in their own words, some quoting the same statements at length)
//! no pair reaches a containment of 0.15 or a Jaccard of 0.07. An edit on every
//! tenth word, spread evenly, keeps only 0.9⁵ ≈ 59 % of the shingles: that
//! is about as heavy an edit as this still calls a copy.
//!
//! ## Finding the pairs in near-linear time
//!
//! Comparing every pair is quadratic: 10,000 articles are 50 million pairs.
//! Each text instead gets a **MinHash signature** of [`BINS`] = 96 values by
//! *one-permutation hashing* with *optimal densification* (Shrivastava,
//! ICML 2017): each shingle's hash picks a bin and the bin keeps its
//! smallest hash; an empty bin takes the value of a non-empty bin chosen by
//! a fixed probe sequence. Two texts agree on a bin with probability about
//! their Jaccard J, and the signature costs one hash per shingle, not one
//! per shingle and per bin. **LSH banding**: [`BANDS`] = 32 bands of
//! [`ROWS`] = 3 bins; texts whose band agrees on all three bins share a
//! bucket and become a candidate pair, with probability 1 − (1 − J³)³².
//! That is 0.99 at J = 0.5, 0.9996 at J = 0.6, 0.58 at J = 0.3 (the lowest
//! Jaccard that can be a copy: the copies found are mostly those with J ≥
//! 0.45), and 0.004 at J = 0.05, 0.0003 at J = 0.02: two independent
//! articles are rarely compared. Only candidates are compared exactly, on
//! their full shingle sets (computed then, once per text, and compared by
//! a merge of sorted hashes).
//!
//! **Bounded work per bucket.** A bucket of at most [`ALL_PAIRS_UP_TO`] = 8
//! texts compares all its pairs; a larger one (a flood of one dispatch)
//! compares each text with the bucket's first eligible text only. Pairs
//! already in one group are skipped, and a pair whose sizes differ by more
//! than 1/[`MIN_JACCARD`] is refused without a merge (its Jaccard cannot
//! reach the threshold), so a merge costs at most a few times the smaller
//! text. All in all: time O(total words + texts × bands × log) and memory
//! O(texts × bands), plus the word hashes (4 bytes a word, kept by the
//! extraction) and the shingle sets of the candidates (8 bytes a word). The
//! grouping does not depend on the input order except in buckets of more
//! than eight texts, where the first one is the hub.
//!
//! **Cost.** On the seed corpus (5 articles, 22 KB, no copies) the word
//! hashes and the detection are about 1.7 % of the instructions of
//! `analyze` (callgrind; the wire credits, `extract::wire`, 0.8 % more);
//! on 1,000 articles that are 200 copies each of five texts, where every
//! text is a candidate and gets its shingle set sorted, 3.5 % of its time.
//! `tests/time_bounds.rs` checks that a flood of copies and many similar
//! articles grow linearly.
//!
//! ## Why no crate
//!
//! The MinHash crates on crates.io (`gaoya`, `minhash-rs`, `probminhash`)
//! hash every shingle once per signature value (96 hashes a shingle here:
//! more than 10 % of the whole pipeline's instructions on the seed corpus,
//! against about 1 % for one-permutation hashing), tokenize the text again,
//! and bring rayon, rand and other hashers into a wasm module with a 200 KB
//! gzip budget. This module is a few hundred lines, with no dependency.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::model::{Claim, Source};
use crate::rules::Fnv;

use crate::text::{TokKind, Token};

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// Fewest distinct shingles a text needs to be a copy (or have one).
pub const MIN_SHINGLES: usize = 30;
/// Least share of the smaller text's shingles found in the other.
pub const MIN_CONTAINMENT: f64 = 0.5;
/// Least Jaccard index of the two shingle sets.
pub const MIN_JACCARD: f64 = 0.3;
/// Values in a MinHash signature.
pub const BINS: usize = 96;
/// Signature values per LSH band.
pub const ROWS: usize = 3;
/// LSH bands.
pub const BANDS: usize = BINS / ROWS;
/// A bucket of at most this many texts compares all its pairs; a larger one
/// compares each text with one hub.
pub const ALL_PAIRS_UP_TO: usize = 8;
/// Bits of a bucket entry that hold the text's index: up to 16.7 million
/// texts (more are never looked at for copies).
const INDEX_BITS: u32 = 24;

/// The splitmix64 finalizer: every input bit reaches every output bit.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The hash of one word on 32 bits: the bytes `lower[start..end]` (a
/// token's lowercase text) eight at a time, each block one unaligned load
/// (reading past the word, within `lower`, and masking) and one
/// multiplication.
fn word_at(lower: &[u8], start: usize, end: usize) -> u32 {
    let mut h = (end - start) as u64 ^ 0x243f_6a88_85a3_08d3;
    let mut k = start;
    while k < end {
        let n = (end - k).min(8);
        let v = match lower.get(k..k + 8) {
            Some(b) => u64::from_le_bytes(b.try_into().unwrap_or_default()),
            None => {
                let mut buf = [0u8; 8];
                buf[..n].copy_from_slice(&lower[k..k + n]);
                u64::from_le_bytes(buf)
            }
        };
        let v = if n == 8 { v } else { v & ((1u64 << (8 * n)) - 1) };
        h = (h ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 29;
        k += n;
    }
    (h >> 32) as u32 ^ h as u32
}

/// Appends the hashes of the words among `toks` (words and numbers; not
/// punctuation, quotation marks or clause breaks) to `out`; `lower` is the
/// lowercase text the tokens point into.
pub fn push_words(lower: &str, toks: &[Token], out: &mut Vec<u32>) {
    let bytes = lower.as_bytes();
    out.extend(
        toks.iter()
            .filter(|t| matches!(t.kind, TokKind::Word | TokKind::Number) && t.end <= bytes.len() && t.start < t.end)
            .map(|t| word_at(bytes, t.start, t.end)),
    );
}

/// The words of a text as the pipeline reads them (the extraction computes
/// the same from the tokens it makes anyway): the text prepared and cut into
/// sentences with the embedded rules (boilerplate masked), tokenized, and
/// [`push_words`].
pub fn words(text: &str) -> Vec<u32> {
    let r = crate::rules::rules();
    let prep = crate::text::Prepared::new(text, r);
    let mut out = Vec::new();
    for s in prep.sentences(r) {
        push_words(&prep.lower, &crate::text::tokenize(&prep.norm, &prep.lower, s.start, s.end), &mut out);
    }
    out
}

/// Calls `f` with the hash of each shingle of `words` (word hashes, in text
/// order; repeated shingles repeat). (A `dyn` callback: one copy of the
/// loop in the wasm module for its two callers.)
pub fn for_each_shingle(words: &[u32], f: &mut dyn FnMut(u64)) {
    let mut ring = [0u64; SHINGLE_WORDS];
    for (n, &w) in words.iter().enumerate() {
        // Each word spread over 64 bits once; a shingle is their rotations
        // by position, XORed, then spread again.
        ring[n % SHINGLE_WORDS] = u64::from(w).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
        if n + 1 >= SHINGLE_WORDS {
            let first = n + 1 - SHINGLE_WORDS;
            let mut s = 0u64;
            for k in 0..SHINGLE_WORDS {
                s ^= ring[(first + k) % SHINGLE_WORDS].rotate_left(13 * k as u32);
            }
            f((s ^ (s >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9));
        }
    }
}

/// The distinct shingle hashes of `words`, sorted.
pub fn shingle_set(words: &[u32]) -> Vec<u64> {
    let mut v = Vec::with_capacity(words.len());
    for_each_shingle(words, &mut |s| v.push(s));
    radix_sort(&mut v);
    v.dedup();
    v
}

/// Sorts `v` by bytes, least significant first: linear, and a few hundred
/// bytes of wasm where the standard sorts cost kilobytes per element type
/// (see `crate::sort_by`). Used for the shingle sets and the LSH
/// buckets alike.
fn radix_sort(v: &mut Vec<u64>) {
    let mut tmp = vec![0u64; v.len()];
    for shift in (0..64).step_by(8) {
        let mut start = [0usize; 257];
        for &x in v.iter() {
            start[((x >> shift) & 0xff) as usize + 1] += 1;
        }
        for d in 1..257 {
            start[d] += start[d - 1];
        }
        for &x in v.iter() {
            let d = ((x >> shift) & 0xff) as usize;
            tmp[start[d]] = x;
            start[d] += 1;
        }
        std::mem::swap(v, &mut tmp);
    }
}

/// `(containment, jaccard)` of two sorted shingle sets (0 when either is
/// empty).
pub fn overlap(a: &[u64], b: &[u64]) -> (f64, f64) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0.0);
    }
    let common = common_count(a, b, 0).unwrap_or(0);
    let small = a.len().min(b.len()) as f64;
    let union = (a.len() + b.len() - common) as f64;
    (common as f64 / small, common as f64 / union)
}

/// Whether two sorted shingle sets are copies by the thresholds above:
/// [`overlap`]'s ratios, with the merge stopped as soon as the shingles
/// left cannot reach them (most candidate pairs are not copies).
pub fn are_copies(a: &[u64], b: &[u64]) -> bool {
    let (small, large) = if a.len() <= b.len() { (a.len(), b.len()) } else { (b.len(), a.len()) };
    // Jaccard ≤ small / large: refuse without a merge.
    if small < MIN_SHINGLES || (small as f64) < MIN_JACCARD * large as f64 {
        return false;
    }
    // The fewest common shingles that pass: both ratios grow with the
    // count, so this is exactly the test on the counted ratios.
    let passes = |common: usize| {
        let union = (a.len() + b.len() - common) as f64;
        common as f64 / small as f64 >= MIN_CONTAINMENT && common as f64 / union >= MIN_JACCARD
    };
    let estimate = (MIN_CONTAINMENT * small as f64).max(MIN_JACCARD * (a.len() + b.len()) as f64 / (1.0 + MIN_JACCARD));
    let Some(need) = ((estimate as usize).saturating_sub(2).min(small + 1)..=small).find(|&c| passes(c)) else {
        return false;
    };
    common_count(a, b, need).is_some()
}

/// How many shingles the sorted sets `a` and `b` share, by a merge;
/// `None` as soon as the shingles left cannot bring the count to `need`.
fn common_count(a: &[u64], b: &[u64], need: usize) -> Option<usize> {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        if common + (a.len() - i).min(b.len() - j) < need {
            return None;
        }
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (common >= need).then_some(common)
}

/// Whether the texts `a` and `b` are copies (both read and compared in
/// full; for tests and for one pair: [`copy_of`] is what scales).
pub fn texts_are_copies(a: &str, b: &str) -> bool {
    are_copies(&shingle_set(&words(a)), &shingle_set(&words(b)))
}

/// The LSH band keys of a text's `words`, or `None` when it has fewer than
/// [`MIN_SHINGLES`] shingles (it can be no copy).
fn band_keys(words: &[u32]) -> Option<[u64; BANDS]> {
    if words.len() < MIN_SHINGLES + SHINGLE_WORDS - 1 {
        return None;
    }
    let mut bins = [u64::MAX; BINS];
    let mut n = 0usize;
    for_each_shingle(words, &mut |s| {
        // The bin from the high bits; the bin keeps its smallest hash.
        let b = (((s >> 32) * BINS as u64) >> 32) as usize;
        if s < bins[b] {
            bins[b] = s;
        }
        n += 1;
    });
    if n < MIN_SHINGLES {
        return None;
    }
    // Optimal densification: an empty bin takes the value of the first
    // non-empty bin of its own probe sequence, the same for every text.
    let filled: Vec<bool> = bins.iter().map(|&v| v != u64::MAX).collect();
    let mut dense = bins;
    for (i, slot) in dense.iter_mut().enumerate() {
        if filled[i] {
            continue;
        }
        let mut from = None;
        for attempt in 0..4 * BINS as u64 {
            let j = (mix(((i as u64) << 32) | attempt) % BINS as u64) as usize;
            if filled[j] {
                from = Some(j);
                break;
            }
        }
        // Past the probes (never in practice), the next filled bin.
        let j = from.or_else(|| (1..BINS).map(|d| (i + d) % BINS).find(|&j| filled[j]))?;
        *slot = bins[j];
    }
    let mut keys = [0u64; BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        let mut k = mix(band as u64 ^ 0x5bd1_e995);
        for v in &dense[band * ROWS..(band + 1) * ROWS] {
            k = mix(k ^ *v);
        }
        *key = k;
    }
    Some(keys)
}

/// Union–find whose root is always the smallest index of its group.
struct Groups(Vec<usize>);

impl Groups {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.0[hi] = lo;
    }
}

/// The exact comparisons of candidate pairs.
struct Pairs<'a, 't> {
    texts: &'a [&'t [u32]],
    groups: Groups,
    /// Shingle sets, computed for candidates only.
    sets: Vec<Option<Vec<u64>>>,
}

impl Pairs<'_, '_> {
    fn set(&mut self, i: usize) -> &[u64] {
        let texts = self.texts;
        self.sets[i].get_or_insert_with(|| shingle_set(texts[i]))
    }
    /// Compares `a` and `b` unless they are in one group already; joins
    /// them if they are copies.
    fn compare(&mut self, a: usize, b: usize) {
        if self.groups.find(a) == self.groups.find(b) {
            return;
        }
        self.set(a);
        self.set(b);
        if let (Some(x), Some(y)) = (&self.sets[a], &self.sets[b]) {
            if are_copies(x, y) {
                self.groups.union(a, b);
            }
        }
    }
}

/// For each text (its [`words`]), the index of the first text (in input
/// order) of its copy group when it is a copy; `None` for originals and for
/// texts that copy nothing.
pub fn copy_of(texts: &[&[u32]]) -> Vec<Option<usize>> {
    let n = texts.len();
    let mut out = vec![None; n];
    if n < 2 {
        return out;
    }
    // Each entry: a band key's high bits, then the text's index (one
    // sortable word; two keys that agree on those bits only make a
    // candidate that the exact comparison refuses).
    if n >= 1 << INDEX_BITS {
        return out;
    }
    let mut entries: Vec<u64> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        if let Some(keys) = band_keys(t) {
            entries.extend(keys.iter().map(|&k| (k & !((1 << INDEX_BITS) - 1)) | i as u64));
        }
    }
    radix_sort(&mut entries);
    let mut cx = Pairs { texts, groups: Groups((0..n).collect()), sets: vec![None; n] };
    let mut start = 0;
    while start < entries.len() {
        let key = entries[start] >> INDEX_BITS;
        let end = start + entries[start..].iter().take_while(|&&e| e >> INDEX_BITS == key).count();
        let bucket: Vec<usize> = entries[start..end].iter().map(|&e| (e & ((1 << INDEX_BITS) - 1)) as usize).collect();
        start = end;
        if bucket.len() <= ALL_PAIRS_UP_TO {
            for (k, &a) in bucket.iter().enumerate() {
                for &b in &bucket[k + 1..] {
                    cx.compare(a, b);
                }
            }
        } else if let Some(hub) = bucket.iter().copied().find(|&h| cx.set(h).len() >= MIN_SHINGLES) {
            // The hub: the first text with enough shingles to be a copy.
            for &b in bucket.iter().filter(|&&b| b != hub) {
                cx.compare(hub, b);
            }
        }
    }
    let groups = &mut cx.groups;
    for (i, o) in out.iter_mut().enumerate() {
        let root = groups.find(i);
        if root != i {
            *o = Some(root);
        }
    }
    out
}

/// How many distinct strings `items` holds, in linear time (a fact of a
/// large corpus has thousands of claims, whose sources a small set kept as
/// a vector would compare pairwise). The map is the newsrooms' index type:
/// no more code in the wasm module.
pub(crate) fn count_distinct<'a>(items: impl IntoIterator<Item = &'a str>) -> usize {
    let mut seen: HashMap<&str, usize, Fnv> = HashMap::default();
    for s in items {
        seen.entry(s).or_insert(0);
    }
    seen.len()
}

/// The newsrooms of a document's sources (see `copy_of` in the contract):
/// what statuses and counts count, in `reconcile` and in the panel. A
/// source whose `copy_of` names another source, itself no copy, is in that
/// source's newsroom; every other source is its own (a `copy_of` naming an
/// unknown id, the source itself or another copy is ignored: documents come
/// from anywhere).
pub struct Newsrooms<'a> {
    sources: &'a [Source],
    /// Per source: the index of its newsroom's first source. Empty when no
    /// source is a copy.
    room: Vec<usize>,
    /// Source id → index (the first source with that id).
    index: HashMap<&'a str, usize, Fnv>,
}

impl<'a> Newsrooms<'a> {
    /// The newsrooms of these sources.
    pub fn new(sources: &'a [Source]) -> Self {
        if !sources.iter().any(|s| s.copy_of.is_some()) {
            return Newsrooms { sources, room: Vec::new(), index: HashMap::default() };
        }
        let mut index = HashMap::default();
        for (i, s) in sources.iter().enumerate() {
            index.entry(s.id.as_str()).or_insert(i);
        }
        let room = (0..sources.len())
            .map(|i| match sources[i].copy_of.as_deref().and_then(|c| index.get(c)) {
                Some(&j) if j != i && sources[j].copy_of.is_none() => j,
                _ => i,
            })
            .collect();
        Newsrooms { sources, room, index }
    }

    /// Whether some source is a copy of another.
    pub fn any(&self) -> bool {
        self.room.iter().enumerate().any(|(i, r)| i != *r)
    }

    /// The index of the source that source `i` copies, if it is a copy.
    pub fn original(&self, i: usize) -> Option<usize> {
        self.room.get(i).copied().filter(|&r| r != i)
    }

    fn room_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).map(|&i| self.room[i])
    }

    /// The id of the first source of the newsroom of the source `id` (`id`
    /// itself when it is no copy).
    pub fn newsroom<'s>(&'s self, id: &'s str) -> &'s str {
        self.room_of(id).map_or(id, |r| self.sources[r].id.as_str())
    }

    /// Per claim: whether it counts for its fact's status, value and
    /// numbers — all but those of a copy whose newsroom has an earlier
    /// source among the claims (claims are in source order).
    pub fn counted(&self, claims: &[Claim]) -> Vec<bool> {
        if self.room.is_empty() {
            return vec![true; claims.len()];
        }
        // Newsroom (the index of its first source) → its first claim here.
        let mut first: Vec<Option<usize>> = vec![None; self.room.len()];
        (0..claims.len())
            .map(|k| match self.room_of(&claims[k].source) {
                Some(r) => claims[*first[r].get_or_insert(k)].source == claims[k].source,
                None => true,
            })
            .collect()
    }

    /// How many newsrooms the sources on the event make.
    pub fn on_event(&self) -> usize {
        let on = self.sources.iter().enumerate().filter(|(_, s)| s.on_event);
        if self.room.is_empty() {
            return on.count();
        }
        let mut seen = vec![false; self.room.len()];
        on.filter(|&(i, _)| !std::mem::replace(&mut seen[self.room[i]], true)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The early stop changes no answer: `are_copies` agrees with the
    /// ratios of a full merge on pairs around the thresholds.
    #[test]
    fn are_copies_agrees_with_the_full_overlap() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let (mut copies, mut not) = (0, 0);
        for _ in 0..4000 {
            let shared = (next() % 400) as usize;
            let (only_a, only_b) = ((next() % 400) as usize, (next() % 400) as usize);
            let common: Vec<u64> = (0..shared).map(|_| next()).collect();
            let mut a: Vec<u64> = common.iter().copied().chain((0..only_a).map(|_| next())).collect();
            let mut b: Vec<u64> = common.iter().copied().chain((0..only_b).map(|_| next())).collect();
            a.sort_unstable();
            b.sort_unstable();
            let small = a.len().min(b.len());
            let (c, j) = overlap(&a, &b);
            let full = small >= MIN_SHINGLES && c >= MIN_CONTAINMENT && j >= MIN_JACCARD;
            assert_eq!(are_copies(&a, &b), full, "{} {} {}", a.len(), b.len(), shared);
            if full {
                copies += 1;
            } else {
                not += 1;
            }
        }
        assert!(copies > 500 && not > 500, "{copies} {not}");
    }

    fn set(text: &str) -> Vec<u64> {
        shingle_set(&words(text))
    }

    fn groups(texts: &[&str]) -> Vec<Option<usize>> {
        let w: Vec<Vec<u32>> = texts.iter().map(|t| words(t)).collect();
        copy_of(&w.iter().map(Vec::as_slice).collect::<Vec<_>>())
    }

    /// A dispatch of eight paragraphs, in words written for this test.
    const DISPATCH: &str = "Les ministres des Finances de la zone euro se sont accordés mardi soir à Bruxelles sur un \
        nouveau mécanisme de soutien aux banques régionales fragilisées par la hausse des taux. Réunis pendant plus de \
        neuf heures, ils ont fixé le plafond du fonds à quarante milliards d'euros, selon le communiqué final.\n\
        Le commissaire européen chargé de l'économie a salué « un compromis solide qui rassure les épargnants » lors \
        d'une conférence de presse tenue peu après minuit.\n\
        Les discussions ont longtemps achoppé sur la part que devaient supporter les États les plus endettés, plusieurs \
        capitales du Nord refusant toute mutualisation des pertes éventuelles.\n\
        Le texte prévoit que chaque banque bénéficiaire présente un plan de redressement dans un délai de six mois, \
        sous le contrôle de l'autorité bancaire européenne.\n\
        Les marchés avaient anticipé un accord : l'indice des valeurs bancaires avait gagné près de deux pour cent \
        dans l'après-midi, avant même la fin des négociations.\n\
        Plusieurs organisations de consommateurs ont toutefois regretté l'absence de garanties nouvelles pour les \
        petits déposants, jugeant le dispositif trop favorable aux actionnaires.\n\
        Le mécanisme doit encore être approuvé par les parlements nationaux, une étape qui pourrait prendre plusieurs \
        mois dans certains pays où la coalition au pouvoir est divisée.\n\
        La prochaine réunion des ministres est prévue en juin à Luxembourg, où ils examineront le premier bilan du \
        dispositif et d'éventuels ajustements.";

    fn paragraphs() -> Vec<&'static str> {
        DISPATCH.split('\n').collect()
    }

    /// The dispatch under another headline, its fifth paragraph cut and a
    /// few words changed.
    fn republished() -> String {
        let mut p: Vec<String> = paragraphs().into_iter().map(str::to_string).collect();
        p.remove(4);
        p[0] = p[0]
            .replace("mardi soir", "dans la nuit de mardi à mercredi")
            .replace("selon le communiqué final", "d'après le communiqué");
        p[3] = p[3].replace("dans un délai de six mois", "sous six mois");
        format!("Zone euro : accord sur un fonds de soutien aux banques régionales\n{}", p.join("\n"))
    }

    /// Another newsroom on the same meeting: the same facts and the same
    /// quote, in its own words.
    const INDEPENDENT: &str = "Après une nuit de tractations, les grands argentiers de la zone euro ont trouvé un \
        terrain d'entente à Bruxelles. Le futur fonds destiné aux banques régionales en difficulté pourra mobiliser \
        jusqu'à quarante milliards d'euros. « Un compromis solide qui rassure les épargnants », s'est félicité le \
        commissaire à l'économie devant la presse. Les pays du Nord ont obtenu qu'aucune perte ne soit partagée, \
        tandis que les établissements aidés devront soumettre un plan de redressement à l'autorité bancaire \
        européenne. Les parlements nationaux doivent encore se prononcer, ce qui pourrait retarder l'entrée en \
        vigueur du dispositif de plusieurs mois. Les associations de consommateurs estiment que les petits \
        épargnants n'y gagnent rien.";

    #[test]
    fn count_distinct_agrees_with_the_pairwise_set() {
        assert_eq!(count_distinct(["b", "a", "b", "c", "a", "b"]), 3);
        assert_eq!(count_distinct([]), 0);
        let many: Vec<String> = (0..500).map(|i| format!("s{}", (i * 7919) % 37)).collect();
        let mut pairwise: Vec<&str> = Vec::new();
        for s in &many {
            crate::collect::push_new(&mut pairwise, s.as_str());
        }
        assert_eq!(count_distinct(many.iter().map(String::as_str)), pairwise.len());
    }

    #[test]
    fn words_are_lowercased_and_split_on_punctuation() {
        let a = set("L’appel, très « long » — a duré 90 minutes !");
        let b = set("l'appel très long a duré 90 minutes");
        assert_eq!(a, b);
        assert_eq!(a.len(), 8 - SHINGLE_WORDS + 1);
        assert!(set("un deux trois quatre").is_empty(), "fewer than five words: no shingle");
        assert_ne!(set("un deux trois quatre cinq"), set("deux un trois quatre cinq"), "order counts");
        assert_eq!(set("ÉTÉ À PARIS EN AOÛT"), set("été à paris en août"));
    }

    #[test]
    fn a_lightly_edited_republication_is_a_copy() {
        let copy = republished();
        let (c, j) = overlap(&set(DISPATCH), &set(&copy));
        assert!(c >= 0.8 && j >= 0.6, "containment {c:.2}, jaccard {j:.2}");
        assert!(texts_are_copies(DISPATCH, &copy));
        assert_eq!(groups(&[DISPATCH, &copy]), vec![None, Some(0)]);
    }

    #[test]
    fn a_shortened_copy_is_a_copy() {
        // The first five paragraphs only, as a brief.
        let brief = paragraphs()[..5].join("\n");
        assert!(texts_are_copies(DISPATCH, &brief));
    }

    #[test]
    fn the_same_event_in_other_words_is_not_a_copy() {
        let (c, j) = overlap(&set(DISPATCH), &set(INDEPENDENT));
        assert!(c < 0.15 && j < 0.1, "containment {c:.2}, jaccard {j:.2}");
        assert!(!texts_are_copies(DISPATCH, INDEPENDENT));
        assert_eq!(groups(&[DISPATCH, INDEPENDENT, &republished()]), vec![None, None, Some(0)]);
    }

    #[test]
    fn short_texts_are_never_copies() {
        let flash = "L'accord a été trouvé mardi soir à Bruxelles, selon le communiqué final.";
        assert!(!texts_are_copies(flash, flash));
        assert_eq!(groups(&[flash, flash, flash]), vec![None; 3]);
    }

    #[test]
    fn a_roundup_quoting_a_whole_short_text_is_not_its_copy() {
        let short = paragraphs()[..2].join("\n");
        let roundup = format!("{}\n{short}\n{}", INDEPENDENT, INDEPENDENT.replace("zone euro", "monnaie unique"));
        let long = format!("{roundup}\n{}", DISPATCH.replace("ministres", "grands argentiers"));
        let (c, j) = overlap(&set(&short), &set(&long));
        assert!(c > 0.9 && j < MIN_JACCARD, "containment {c:.2}, jaccard {j:.2}");
        assert!(!texts_are_copies(&short, &long));
    }

    #[test]
    fn copies_group_transitively_under_the_first_in_input_order() {
        let copy = republished();
        let other = INDEPENDENT;
        let copy2 = copy.replace("Zone euro", "Europe");
        let got = groups(&[other, &copy, DISPATCH, &copy2]);
        assert_eq!(got, vec![None, None, Some(1), Some(1)]);
    }

    #[test]
    fn a_flood_of_copies_is_one_group_with_bounded_work() {
        let texts: Vec<String> = (0..200).map(|i| format!("Dépêche numéro {i}.\n{DISPATCH}")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let got = groups(&refs);
        assert_eq!(got[0], None);
        assert!(got[1..].iter().all(|g| *g == Some(0)));
    }

    #[test]
    fn bad_input_never_panics() {
        for t in ["", " ", "\u{0}", "a", "🙂 🙂 🙂 🙂 🙂 🙂", "İİİ ΣΣΣ ß ǅ", &"a ".repeat(500), &"x".repeat(10_000)]
        {
            let _ = groups(&[t, t, "", DISPATCH]);
        }
        // One repeated shingle: enough shingles, too few distinct ones.
        let same = "un deux trois quatre cinq ".repeat(100);
        assert_eq!(groups(&[&same, &same]), vec![None, None]);
    }
}
