//! `str::to_lowercase`, the same strings, without the standard library's
//! string path (4 KB of code and its `Cased` and `Case_Ignorable` tables):
//! the wasm module is 0.9 KB gzip smaller with this. The chars are lowercased
//! by `char::to_lowercase` (whose table the module has anyway); the one
//! rule that depends on context, a final capital sigma (`Σ` → `ς`), reads
//! [`CASE_IGNORABLE`] and [`CASED`], made from the standard library itself
//! by the tests below, which also check the whole function against it.

/// Unicode's `Case_Ignorable` chars as the standard library's
/// `str::to_lowercase` reads them: the lengths (LEB128) of the runs of
/// chars from U+0000 on, alternately out of the set and in it (the last run
/// goes to the end). `tests::tables_are_std` makes it and prints it when it
/// is stale (a new Rust, a new Unicode).
const CASE_IGNORABLE: &[u8] = &[
    39, 1, 6, 1, 11, 1, 35, 1, 1, 1, 71, 1, 4, 1, 1, 1, 4, 1, 2, 2, 247, 3, 192, 1, 4, 2, 4, 1, 9, 2, 1, 1, 251, 1, 7,
    207, 1, 1, 5, 1, 49, 45, 1, 1, 1, 2, 1, 2, 1, 1, 44, 1, 11, 6, 10, 11, 1, 1, 35, 1, 10, 21, 16, 1, 101, 8, 1, 10,
    1, 4, 33, 1, 1, 1, 30, 27, 91, 11, 58, 11, 4, 1, 2, 1, 24, 24, 43, 3, 44, 1, 7, 2, 5, 9, 41, 58, 55, 1, 1, 1, 4, 8,
    4, 1, 3, 7, 10, 2, 13, 1, 15, 1, 58, 1, 4, 4, 8, 1, 20, 2, 26, 1, 2, 2, 57, 1, 4, 2, 4, 2, 2, 3, 3, 1, 30, 2, 3, 1,
    11, 2, 57, 1, 4, 5, 1, 2, 4, 1, 20, 2, 22, 6, 1, 1, 58, 1, 2, 1, 1, 4, 8, 1, 7, 2, 11, 2, 30, 1, 61, 1, 12, 1, 50,
    1, 3, 1, 55, 1, 1, 3, 5, 3, 1, 4, 7, 2, 11, 2, 29, 1, 58, 1, 2, 1, 6, 1, 5, 2, 20, 2, 28, 2, 57, 2, 4, 4, 8, 1, 20,
    2, 29, 1, 72, 1, 7, 3, 1, 1, 90, 1, 2, 7, 11, 9, 98, 1, 2, 9, 9, 1, 1, 7, 73, 2, 27, 1, 1, 1, 1, 1, 55, 14, 1, 5,
    1, 2, 5, 11, 1, 36, 9, 1, 102, 4, 1, 6, 1, 2, 2, 2, 25, 2, 4, 3, 16, 4, 13, 1, 2, 2, 6, 1, 15, 1, 94, 1, 224, 4, 3,
    178, 7, 3, 29, 2, 30, 2, 30, 2, 64, 2, 1, 7, 8, 1, 2, 11, 3, 1, 5, 1, 45, 5, 51, 1, 65, 2, 34, 1, 118, 3, 4, 2, 9,
    1, 6, 3, 219, 1, 2, 2, 1, 58, 1, 1, 7, 1, 1, 1, 1, 2, 8, 6, 10, 2, 1, 39, 1, 8, 46, 2, 12, 20, 4, 48, 1, 1, 5, 1,
    1, 5, 1, 40, 9, 12, 2, 32, 4, 2, 2, 1, 3, 56, 1, 1, 2, 3, 1, 1, 3, 58, 8, 2, 2, 64, 6, 82, 3, 1, 13, 1, 7, 4, 1, 6,
    1, 3, 2, 50, 63, 13, 1, 34, 101, 189, 3, 1, 1, 3, 11, 3, 13, 3, 13, 3, 13, 2, 12, 5, 8, 2, 10, 1, 2, 1, 2, 5, 49,
    5, 1, 10, 1, 1, 13, 1, 16, 13, 51, 33, 139, 23, 2, 113, 3, 125, 1, 15, 1, 96, 32, 47, 1, 213, 3, 1, 36, 4, 3, 5, 5,
    1, 93, 6, 93, 3, 150, 222, 1, 1, 226, 9, 6, 142, 2, 1, 98, 4, 1, 10, 1, 1, 28, 4, 80, 2, 14, 34, 78, 1, 23, 3, 102,
    4, 3, 2, 8, 1, 3, 1, 4, 1, 25, 2, 5, 1, 151, 1, 2, 26, 18, 13, 1, 38, 8, 25, 11, 46, 3, 48, 1, 2, 4, 2, 2, 17, 1,
    21, 2, 66, 6, 2, 2, 2, 2, 12, 1, 8, 1, 35, 1, 11, 1, 51, 1, 1, 3, 2, 2, 5, 2, 1, 1, 27, 1, 14, 2, 5, 2, 1, 1, 100,
    5, 9, 3, 121, 1, 2, 1, 4, 1, 176, 158, 1, 1, 147, 1, 17, 189, 4, 16, 3, 1, 12, 16, 34, 1, 2, 1, 169, 1, 1, 7, 1, 6,
    1, 11, 1, 35, 1, 1, 1, 47, 1, 45, 2, 67, 1, 21, 3, 129, 4, 1, 226, 1, 1, 149, 1, 5, 133, 8, 6, 1, 42, 1, 9, 198, 4,
    3, 1, 2, 5, 4, 40, 3, 4, 1, 165, 1, 2, 189, 4, 4, 38, 1, 26, 5, 1, 1, 187, 2, 2, 24, 1, 52, 6, 70, 11, 49, 4, 123,
    1, 54, 15, 41, 1, 2, 2, 10, 3, 49, 4, 2, 2, 2, 1, 4, 1, 10, 1, 50, 3, 36, 5, 1, 8, 62, 1, 12, 2, 52, 9, 10, 4, 2,
    1, 95, 3, 2, 1, 1, 2, 6, 1, 2, 1, 157, 1, 1, 3, 8, 21, 2, 57, 2, 3, 1, 37, 7, 3, 5, 70, 6, 13, 1, 1, 1, 1, 1, 14,
    2, 85, 8, 2, 3, 1, 1, 23, 1, 84, 6, 1, 1, 4, 2, 1, 2, 238, 1, 4, 6, 2, 1, 2, 27, 2, 85, 8, 2, 1, 1, 2, 106, 1, 1,
    1, 2, 6, 1, 1, 101, 1, 1, 1, 2, 4, 1, 5, 131, 2, 9, 1, 2, 128, 2, 2, 1, 1, 4, 1, 144, 1, 4, 2, 2, 4, 1, 32, 10, 40,
    6, 2, 4, 8, 1, 9, 6, 2, 3, 46, 13, 1, 2, 198, 1, 1, 1, 3, 1, 1, 201, 1, 7, 1, 6, 1, 1, 82, 22, 2, 7, 1, 2, 1, 2,
    122, 6, 3, 1, 1, 2, 1, 7, 1, 1, 72, 2, 3, 1, 1, 1, 65, 1, 153, 2, 2, 11, 2, 52, 5, 5, 1, 1, 1, 23, 1, 213, 41, 17,
    6, 15, 200, 89, 12, 3, 3, 192, 19, 5, 59, 7, 9, 4, 252, 3, 3, 40, 2, 226, 3, 1, 63, 17, 64, 2, 1, 2, 13, 2, 252,
    127, 4, 1, 7, 1, 2, 158, 25, 2, 1, 4, 220, 36, 46, 2, 23, 160, 4, 3, 9, 16, 2, 7, 30, 4, 148, 1, 3, 187, 15, 55, 4,
    50, 8, 1, 14, 1, 22, 5, 1, 15, 208, 10, 7, 1, 17, 2, 7, 1, 2, 1, 5, 5, 62, 33, 1, 160, 1, 14, 240, 2, 1, 61, 4,
    251, 3, 5, 254, 1, 2, 243, 1, 1, 2, 1, 7, 2, 5, 1, 9, 1, 208, 3, 7, 109, 8, 175, 21, 5, 129, 152, 48, 1, 30, 96,
    128, 1, 240, 1,
];

/// Unicode's `Cased` chars (lowercase, uppercase or titlecase) that are
/// not case-ignorable, in the same form as [`CASE_IGNORABLE`].
const CASED: &[u8] = &[
    65, 26, 6, 26, 47, 1, 10, 1, 4, 1, 5, 23, 1, 31, 1, 195, 1, 1, 4, 4, 208, 1, 2, 26, 192, 1, 4, 2, 2, 3, 3, 1, 1, 6,
    1, 1, 3, 1, 1, 1, 20, 1, 83, 1, 139, 1, 8, 166, 1, 1, 38, 9, 41, 151, 22, 38, 1, 1, 5, 1, 2, 43, 2, 3, 160, 5, 86,
    2, 6, 130, 17, 11, 5, 43, 2, 3, 64, 44, 63, 13, 1, 34, 101, 150, 2, 2, 6, 2, 38, 2, 6, 2, 8, 1, 1, 1, 1, 1, 1, 1,
    31, 2, 53, 1, 7, 1, 1, 3, 3, 1, 7, 3, 4, 2, 6, 4, 13, 5, 3, 1, 7, 133, 2, 1, 4, 1, 2, 10, 1, 1, 3, 5, 6, 1, 1, 1,
    1, 1, 1, 4, 1, 6, 4, 1, 2, 4, 5, 5, 4, 1, 17, 32, 3, 2, 177, 6, 52, 150, 14, 124, 2, 103, 6, 4, 3, 2, 12, 38, 1, 1,
    5, 1, 146, 242, 1, 46, 18, 28, 134, 1, 78, 1, 23, 3, 4, 1, 77, 24, 2, 3, 1, 181, 6, 43, 5, 9, 7, 80, 192, 158, 1,
    7, 12, 5, 137, 8, 26, 6, 26, 165, 9, 80, 96, 36, 4, 36, 116, 11, 1, 15, 1, 7, 1, 2, 1, 11, 1, 15, 1, 7, 1, 2, 195,
    13, 51, 13, 51, 93, 22, 10, 22, 154, 22, 64, 224, 170, 1, 64, 32, 25, 2, 25, 172, 202, 1, 85, 1, 71, 1, 2, 2, 1, 2,
    2, 2, 4, 1, 12, 1, 1, 1, 7, 1, 65, 1, 4, 2, 8, 1, 7, 1, 28, 1, 4, 1, 5, 1, 1, 3, 7, 1, 212, 2, 2, 25, 1, 25, 1, 31,
    1, 25, 1, 31, 1, 25, 1, 31, 1, 25, 1, 31, 1, 25, 1, 8, 180, 14, 10, 1, 20, 6, 6, 213, 19, 68, 236, 15, 26, 6, 26,
    6, 26,
];

/// Whether `c` is in the set `runs` ([`CASE_IGNORABLE`], [`CASED`]).
fn is_in(runs: &[u8], c: char) -> bool {
    let c = u32::from(c);
    let (mut at, mut inside, mut v, mut shift) = (0u32, false, 0u32, 0);
    for &b in runs {
        v |= u32::from(b & 0x7f) << shift;
        shift += 7;
        if b & 0x80 == 0 {
            at += v;
            if c < at {
                return inside;
            }
            inside = !inside;
            (v, shift) = (0, 0);
        }
    }
    inside
}

/// Whether the first char of `chars` that is not case-ignorable is cased.
fn ignorable_then_cased(mut chars: impl Iterator<Item = char>) -> bool {
    chars.find(|&c| !is_in(CASE_IGNORABLE, c)).is_some_and(|c| is_in(CASED, c))
}

/// `s.to_lowercase()`: each char's `char::to_lowercase`, but a capital
/// sigma that ends a word (a cased letter before it, none after it, case-
/// ignorable chars skipped) gives `ς`.
pub(crate) fn to_lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == 'Σ' {
            let last = ignorable_then_cased(s[..i].chars().rev()) && !ignorable_then_cased(s[i + 2..].chars());
            out.push(if last { 'ς' } else { 'σ' });
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs of `set` over every char, encoded as [`is_in`] reads them.
    fn runs(set: impl Fn(char) -> bool) -> Vec<u8> {
        let (mut bytes, mut inside, mut from) = (Vec::new(), false, 0u32);
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if set(c) != inside {
                crate::codec::put_varint(&mut bytes, u64::from(u32::from(c) - from));
                (inside, from) = (!inside, u32::from(c));
            }
        }
        bytes
    }

    /// [`CASE_IGNORABLE`] and [`CASED`] as the standard library's
    /// `str::to_lowercase` behaves: after a cased letter, a sigma followed
    /// by `c` and then by a cased letter ends no word when `c` is skipped
    /// (case-ignorable) or cased; followed by `c` alone, only when `c` is
    /// cased and not skipped.
    #[test]
    #[cfg_attr(target_arch = "wasm32", ignore = "every char: run natively")]
    fn tables_are_std() {
        let cased = |c: char| format!("AΣ{c}").to_lowercase().starts_with("aσ");
        let skipped = |c: char| !cased(c) && format!("AΣ{c}A").to_lowercase().starts_with("aσ");
        let (ignorable, cased) = (runs(skipped), runs(cased));
        assert!(ignorable == CASE_IGNORABLE, "CASE_IGNORABLE is stale; it is now:\n{ignorable:?}");
        assert!(cased == CASED, "CASED is stale; it is now:\n{cased:?}");
    }

    #[test]
    #[cfg_attr(target_arch = "wasm32", ignore = "every char: run natively")]
    fn to_lowercase_is_std() {
        let mut samples: Vec<String> = (0..=0x10ffff).filter_map(char::from_u32).map(String::from).collect();
        let around = ['A', 'a', 'Σ', '\'', '.', '\u{301}', '\u{345}', '\u{1c5}', 'İ', '1', ' ', '-', 'ß', 'ς', 'σ'];
        for &a in &around {
            for &b in &around {
                for &c in &around {
                    samples.push(format!("{a}{b}{c}"));
                    samples.push(format!("{a}Σ{b}{c}"));
                    samples.push(format!("{a}{b}Σ{c}"));
                }
            }
        }
        samples.extend(
            ["ΟΔΟΣ", "ΟΔΟΣ ΑΘΗΝΑΣ.", "Σ", "AΣ", "ΣA", "İstanbul", "ὈΔΥΣΣΕΎΣ", "a'Σ'", "ΑΣ\u{301}Β"].map(String::from),
        );
        for s in &samples {
            assert_eq!(to_lowercase(s), s.to_lowercase(), "{s:?}");
        }
    }
}
