//! The duration lexicon's binary form (see `crate::codec`).

use super::*;

// The lexicon's binary form (see `crate::codec`).
use crate::codec::{codec_enum, codec_named, codec_struct, Codec, Reader};
// The word table, the first-byte filter and the longest word are rebuilt
// from the words rather than stored (the table's hashes do not compress).
impl Codec for Lexicon {
    fn put(&self, w: &mut Vec<u8>) {
        self.texts.put(w);
        self.words.put(w);
        self.units.put(w);
        self.fractions.put(w);
        self.approx.put(w);
        self.hedges.put(w);
        self.hedge_rules.put(w);
        self.post_hedges.put(w);
        self.and.put(w);
        self.of.put(w);
        self.range.put(w);
        self.range_lead.put(w);
        self.before_blocks.put(w);
        self.after_blocks.put(w);
        self.close_below.put(w);
        self.around.put(w);
    }
    fn get(r: &mut Reader) -> Self {
        let mut texts: Vec<Box<str>> = Codec::get(r);
        if texts.len() > usize::from(u16::MAX) || texts.iter().any(|t| t.len() > MAX_WORD_BYTES) {
            r.fail("duration words out of bounds");
            texts.clear();
        }
        Lexicon {
            table: hash_table(&texts),
            first_len: first_lengths(&texts),
            max_word_bytes: texts.iter().map(|w| w.len()).max().unwrap_or(0),
            texts,
            words: Codec::get(r),
            units: Codec::get(r),
            fractions: Codec::get(r),
            approx: Codec::get(r),
            hedges: Codec::get(r),
            hedge_rules: Codec::get(r),
            post_hedges: Codec::get(r),
            and: Codec::get(r),
            of: Codec::get(r),
            range: Codec::get(r),
            range_lead: Codec::get(r),
            before_blocks: Codec::get(r),
            after_blocks: Codec::get(r),
            close_below: Codec::get(r),
            around: Codec::get(r),
        }
    }
}
codec_struct!(WordInfo { number, unit, fraction, approx, infix, pre_hedges, starts });
codec_struct!(Unit { id, seconds, bare_minutes });
codec_struct!(Fraction { twelfths, uses });
codec_struct!(Approx { rule, value });
codec_struct!(HedgeRule { rule, hedge, keys });
codec_struct!(Block { keys, units, ranges_only });
codec_named!(FractionUse, FRACTION_USES);
codec_named!(Hedge, HEDGES);

codec_enum!(Key { Word(id), Apos, Punct(c), Num(n) });

/// The duration lexicon built from `data/lang/fr/durations.toml`, in
/// binary form (for `build.rs`).
pub(crate) fn lexicon_bytes(lang: &str) -> Result<Vec<u8>, String> {
    if !crate::rules::pack::LANGS.contains(&lang) {
        return Err(format!("no pack {lang}"));
    }
    Ok(crate::codec::encode(&build_lexicon(pack_text(lang), lang)))
}

/// The lexicon from its binary form.
#[cfg_attr(not(prebuilt), allow(dead_code))]
pub(super) fn lexicon_from_bytes(bytes: &[u8]) -> Result<Lexicon, String> {
    crate::codec::decode(bytes)
}

pub(super) const FRACTION_USES: &[(&str, FractionUse)] = &[
    ("after_et", FractionUse::AfterEt),
    ("before_unit", FractionUse::BeforeUnit),
    ("of_unit", FractionUse::OfUnit),
    ("after_unit", FractionUse::AfterUnit),
    ("and_before_unit", FractionUse::AndBeforeUnit),
];

pub(super) const HEDGES: &[(&str, Hedge)] = &[
    ("exact", Hedge::Exact),
    ("close_below", Hedge::CloseBelow),
    ("around", Hedge::Around),
    ("at_least", Hedge::AtLeast),
    ("at_most", Hedge::AtMost),
];
