//! Near-duplicates: which articles of one analysis are copies of one text
//! (a wire dispatch republished by several outlets, lightly edited), so
//! that they count as one newsroom.
//!
//! ## What a copy is
//!
//! A text is read as **words**: maximal runs of letters and digits
//! (`char::is_alphanumeric`), lowercased; everything else (punctuation,
//! apostrophes, quotation marks, dashes, white space) separates words, so
//! "l’appel" is `l appel`. A **shingle** is a run of [`SHINGLE_WORDS`] = 5
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
//! shingle survives only where five words in a row are the same: their
//! containment stays under 0.15 even when both quote the same two
//! sentences of a statement, and their Jaccard under 0.1. An edit on every
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
//! O(texts × bands) plus the shingle sets of the candidates (8 bytes a
//! word). The grouping does not depend on the input order except in
//! buckets of more than eight texts, where the first one is the hub.
//!
//! ## Why no crate
//!
//! The MinHash crates on crates.io (`gaoya`, `minhash-rs`, `probminhash`)
//! hash every shingle once per signature value (96 hashes a shingle here,
//! ~10 % of the whole pipeline's time on the seed corpus, against ~1 % for
//! one-permutation hashing) and bring rayon, rand and other hashers into a
//! wasm module with a 200 KB gzip budget. This module is a few hundred
//! lines, with no dependency.

use std::cmp::Ordering;

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

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;
/// Odd multipliers, one per word position in a shingle.
const POSITION: [u64; SHINGLE_WORDS] =
    [0x9e37_79b9_7f4a_7c15, 0xc2b2_ae3d_27d4_eb4f, 0x1656_67b1_9e37_79f9, 0x85eb_ca77_c2b2_ae63, 0x27d4_eb2f_1656_67c5];

/// The splitmix64 finalizer: every input bit reaches every output bit.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Calls `f` with the hash of each shingle of `text`, in text order
/// (repeated shingles repeat).
pub fn for_each_shingle(text: &str, mut f: impl FnMut(u64)) {
    let mut ring = [0u64; SHINGLE_WORDS];
    let mut words = 0usize;
    let mut word = FNV_OFFSET;
    let mut in_word = false;
    let mut end_word = |word: u64, words: &mut usize| {
        ring[*words % SHINGLE_WORDS] = word;
        *words += 1;
        if *words >= SHINGLE_WORDS {
            let first = *words - SHINGLE_WORDS;
            let mut s = 0u64;
            for (k, m) in POSITION.iter().enumerate() {
                s ^= ring[(first + k) % SHINGLE_WORDS].wrapping_mul(*m);
            }
            f(mix(s));
        }
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (letter, code, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), u32::from(b.to_ascii_lowercase()), 1)
        } else {
            // `i` is always on a char boundary: it moves by whole chars.
            let c = text[i..].chars().next().unwrap_or(' ');
            let lower = crate::text::simple_lower(c).unwrap_or_else(|| c.to_lowercase().next().unwrap_or(c));
            (c.is_alphanumeric(), u32::from(lower), c.len_utf8())
        };
        if letter {
            word = (word ^ u64::from(code)).wrapping_mul(FNV_PRIME);
            in_word = true;
        } else if in_word {
            end_word(word, &mut words);
            word = FNV_OFFSET;
            in_word = false;
        }
        i += len;
    }
    if in_word {
        end_word(word, &mut words);
    }
}

/// The distinct shingle hashes of `text`, sorted.
pub fn shingle_set(text: &str) -> Vec<u64> {
    let mut v = Vec::new();
    for_each_shingle(text, |s| v.push(s));
    v.sort_unstable();
    v.dedup();
    v
}

/// `(containment, jaccard)` of two sorted shingle sets (0 when either is
/// empty).
pub fn overlap(a: &[u64], b: &[u64]) -> (f64, f64) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0.0);
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
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
    let small = a.len().min(b.len()) as f64;
    let union = (a.len() + b.len() - common) as f64;
    (common as f64 / small, common as f64 / union)
}

/// Whether two sorted shingle sets are copies by the thresholds above.
pub fn are_copies(a: &[u64], b: &[u64]) -> bool {
    let (small, large) = if a.len() <= b.len() { (a.len(), b.len()) } else { (b.len(), a.len()) };
    // Jaccard ≤ small / large: refuse without a merge.
    if small < MIN_SHINGLES || (small as f64) < MIN_JACCARD * large as f64 {
        return false;
    }
    let (containment, jaccard) = overlap(a, b);
    containment >= MIN_CONTAINMENT && jaccard >= MIN_JACCARD
}

/// Whether the texts `a` and `b` are copies (both compared in full; for
/// tests and for one pair: [`copy_of`] is what scales).
pub fn texts_are_copies(a: &str, b: &str) -> bool {
    are_copies(&shingle_set(a), &shingle_set(b))
}

/// The LSH band keys of `text`, or `None` when it has fewer than
/// [`MIN_SHINGLES`] shingles (it can be no copy).
fn band_keys(text: &str) -> Option<[u64; BANDS]> {
    let mut bins = [u64::MAX; BINS];
    let mut n = 0usize;
    for_each_shingle(text, |s| {
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
    texts: &'a [&'t str],
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

/// For each text, the index of the first text (in input order) of its copy
/// group when it is a copy; `None` for originals and for texts that copy
/// nothing.
pub fn copy_of(texts: &[&str]) -> Vec<Option<usize>> {
    let n = texts.len();
    let mut out = vec![None; n];
    if n < 2 {
        return out;
    }
    let mut entries: Vec<(u64, u32)> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        if let Some(keys) = band_keys(t) {
            entries.extend(keys.iter().map(|&k| (k, i as u32)));
        }
    }
    entries.sort_unstable();
    let mut cx = Pairs { texts, groups: Groups((0..n).collect()), sets: vec![None; n] };
    let mut start = 0;
    while start < entries.len() {
        let key = entries[start].0;
        let end = start + entries[start..].iter().take_while(|e| e.0 == key).count();
        let bucket: Vec<usize> = entries[start..end].iter().map(|e| e.1 as usize).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn words_are_lowercased_and_split_on_punctuation() {
        let a = shingle_set("L’appel, très « long » — a duré 90 minutes !");
        let b = shingle_set("l appel très long a duré 90 minutes");
        assert_eq!(a, b);
        assert_eq!(a.len(), 8 - SHINGLE_WORDS + 1);
        assert!(shingle_set("un deux trois quatre").is_empty(), "fewer than five words: no shingle");
        assert_ne!(shingle_set("un deux trois quatre cinq"), shingle_set("deux un trois quatre cinq"), "order counts");
        assert_eq!(shingle_set("ÉTÉ À PARIS EN AOÛT"), shingle_set("été à paris en août"));
    }

    #[test]
    fn a_lightly_edited_republication_is_a_copy() {
        let copy = republished();
        let (c, j) = overlap(&shingle_set(DISPATCH), &shingle_set(&copy));
        assert!(c >= 0.8 && j >= 0.6, "containment {c:.2}, jaccard {j:.2}");
        assert!(texts_are_copies(DISPATCH, &copy));
        assert_eq!(copy_of(&[DISPATCH, &copy]), vec![None, Some(0)]);
    }

    #[test]
    fn a_shortened_copy_is_a_copy() {
        // The first five paragraphs only, as a brief.
        let brief = paragraphs()[..5].join("\n");
        assert!(texts_are_copies(DISPATCH, &brief));
    }

    #[test]
    fn the_same_event_in_other_words_is_not_a_copy() {
        let (c, j) = overlap(&shingle_set(DISPATCH), &shingle_set(INDEPENDENT));
        assert!(c < 0.15 && j < 0.1, "containment {c:.2}, jaccard {j:.2}");
        assert!(!texts_are_copies(DISPATCH, INDEPENDENT));
        assert_eq!(copy_of(&[DISPATCH, INDEPENDENT, &republished()]), vec![None, None, Some(0)]);
    }

    #[test]
    fn short_texts_are_never_copies() {
        let flash = "L'accord a été trouvé mardi soir à Bruxelles, selon le communiqué final.";
        assert!(!texts_are_copies(flash, flash));
        assert_eq!(copy_of(&[flash, flash, flash]), vec![None; 3]);
    }

    #[test]
    fn a_roundup_quoting_a_whole_short_text_is_not_its_copy() {
        let short = paragraphs()[..2].join("\n");
        let roundup = format!("{}\n{short}\n{}", INDEPENDENT, INDEPENDENT.replace("zone euro", "monnaie unique"));
        let long = format!("{roundup}\n{}", DISPATCH.replace("ministres", "grands argentiers"));
        let (c, j) = overlap(&shingle_set(&short), &shingle_set(&long));
        assert!(c > 0.9 && j < MIN_JACCARD, "containment {c:.2}, jaccard {j:.2}");
        assert!(!texts_are_copies(&short, &long));
    }

    #[test]
    fn copies_group_transitively_under_the_first_in_input_order() {
        let copy = republished();
        let other = INDEPENDENT;
        let copy2 = copy.replace("Zone euro", "Europe");
        let got = copy_of(&[other, &copy, DISPATCH, &copy2]);
        assert_eq!(got, vec![None, None, Some(1), Some(1)]);
    }

    #[test]
    fn a_flood_of_copies_is_one_group_with_bounded_work() {
        let texts: Vec<String> = (0..200).map(|i| format!("Dépêche numéro {i}.\n{DISPATCH}")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let got = copy_of(&refs);
        assert_eq!(got[0], None);
        assert!(got[1..].iter().all(|g| *g == Some(0)));
    }

    #[test]
    fn bad_input_never_panics() {
        for t in ["", " ", "\u{0}", "a", "🙂 🙂 🙂 🙂 🙂 🙂", "İİİ ΣΣΣ ß ǅ", &"a ".repeat(500), &"x".repeat(10_000)]
        {
            let _ = copy_of(&[t, t, "", DISPATCH]);
        }
        // One repeated shingle: enough shingles, too few distinct ones.
        let same = "un deux trois quatre cinq ".repeat(100);
        assert_eq!(copy_of(&[&same, &same]), vec![None, None]);
    }
}
