//! `char::to_lowercase` and `str::to_lowercase`, the same chars and
//! strings, from smaller tables than the standard library's: its char
//! table is 11.7 KB (1,462 pairs), [`LOWER`] 1.5 KB (its runs), and its
//! string path adds 4 KB of code and its `Cased` and `Case_Ignorable`
//! tables. [`char_lower`] reads [`LOWER`]; [`to_lowercase`] lowercases each
//! char so, but for the one rule that depends on context, a final capital
//! sigma (`Σ` → `ς`), which reads [`CASE_IGNORABLE`] and [`CASED`]. The
//! tests below make the three tables from the standard library itself and
//! check both functions against it over every char.

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

/// The chars whose lowercase is another single char, as runs: `[start <<
/// 8 | n, delta << 1 | (step - 1)]` maps the `n` chars `start`, `start +
/// step`, … (step 1 or 2) to themselves plus `delta`, no other char
/// between them having a lowercase. Sorted by start. `tests::tables_are_std`
/// makes it and prints it when it is stale.
const LOWER: &[[u32; 2]] = &[
    [49175, 64],
    [55303, 64],
    [65560, 3],
    [78339, 3],
    [80136, 3],
    [84503, 3],
    [96257, 4294967054],
    [96515, 3],
    [98561, 420],
    [98818, 3],
    [99841, 412],
    [100097, 2],
    [100610, 410],
    [101121, 2],
    [101889, 158],
    [102145, 404],
    [102401, 406],
    [102657, 2],
    [103169, 410],
    [103425, 414],
    [103937, 422],
    [104193, 418],
    [104449, 2],
    [105473, 422],
    [105729, 426],
    [106241, 428],
    [106499, 3],
    [108033, 436],
    [108289, 2],
    [108801, 436],
    [109569, 2],
    [110081, 436],
    [110337, 2],
    [110850, 434],
    [111362, 3],
    [112385, 438],
    [112641, 2],
    [113665, 2],
    [115713, 4],
    [115969, 2],
    [116481, 4],
    [116737, 2],
    [117249, 4],
    [117513, 3],
    [122377, 3],
    [127233, 4],
    [127490, 3],
    [128513, 4294967102],
    [128769, 4294967184],
    [129044, 3],
    [139265, 4294967036],
    [139785, 3],
    [145921, 21590],
    [146177, 2],
    [146689, 4294966970],
    [146945, 21584],
    [147713, 2],
    [148225, 4294966906],
    [148481, 138],
    [148737, 142],
    [148997, 3],
    [225282, 3],
    [226817, 2],
    [229121, 232],
    [230913, 76],
    [231427, 74],
    [232449, 128],
    [232962, 126],
    [233745, 64],
    [238345, 64],
    [249601, 16],
    [251916, 3],
    [259073, 4294967176],
    [259841, 2],
    [260353, 4294967282],
    [260609, 2],
    [261379, 4294967036],
    [262160, 160],
    [266272, 64],
    [286737, 3],
    [297499, 3],
    [311297, 30],
    [311559, 3],
    [315440, 3],
    [340262, 96],
    [1089574, 14528],
    [1099521, 14528],
    [1101057, 14528],
    [1286224, 77728],
    [1306630, 16],
    [1870081, 2],
    [1871915, 4294961280],
    [1883395, 4294961280],
    [1966155, 3],
    [2006529, 4294952066],
    [2007088, 3],
    [2033672, 4294967280],
    [2037766, 4294967280],
    [2041864, 4294967280],
    [2045960, 4294967280],
    [2050054, 4294967280],
    [2054404, 4294967281],
    [2058248, 4294967280],
    [2066440, 4294967280],
    [2070536, 4294967280],
    [2074632, 4294967280],
    [2078722, 4294967280],
    [2079234, 4294967148],
    [2079745, 4294967278],
    [2082820, 4294967124],
    [2083841, 4294967278],
    [2086914, 4294967280],
    [2087426, 4294967096],
    [2091010, 4294967280],
    [2091522, 4294967072],
    [2092033, 4294967282],
    [2095106, 4294967040],
    [2095618, 4294967044],
    [2096129, 4294967278],
    [2172417, 4294952262],
    [2173441, 4294950530],
    [2173697, 4294950772],
    [2175489, 56],
    [2187280, 32],
    [2196225, 2],
    [2405914, 52],
    [2883632, 96],
    [2908161, 2],
    [2908673, 4294945810],
    [2908929, 4294959668],
    [2909185, 4294945842],
    [2909955, 3],
    [2911489, 4294945736],
    [2911745, 4294945798],
    [2912001, 4294945730],
    [2912257, 4294945732],
    [2912769, 2],
    [2913537, 2],
    [2915842, 4294945666],
    [2916402, 3],
    [2943746, 3],
    [2945537, 2],
    [10895383, 3],
    [10911758, 3],
    [10953223, 3],
    [10957343, 3],
    [10975490, 3],
    [10976513, 4294896632],
    [10976773, 3],
    [10980097, 2],
    [10980609, 4294882736],
    [10981378, 3],
    [10982922, 3],
    [10988033, 4294882680],
    [10988289, 4294882658],
    [10988545, 4294882666],
    [10988801, 4294882686],
    [10989057, 4294882680],
    [10989569, 4294882780],
    [10989825, 4294882732],
    [10990081, 4294882774],
    [10990337, 1856],
    [10990600, 3],
    [10994689, 4294967200],
    [10994945, 4294882682],
    [10995201, 4294896528],
    [10995458, 3],
    [10996481, 4294882610],
    [10996744, 3],
    [11000833, 4294882174],
    [11007233, 2],
    [16720154, 64],
    [17039400, 80],
    [17084452, 80],
    [17133579, 78],
    [17136655, 78],
    [17140743, 78],
    [17142786, 78],
    [17596467, 128],
    [17649686, 64],
    [18391072, 64],
    [24002592, 64],
    [24027161, 54],
    [32047138, 68],
];

/// `c.to_lowercase()`: the same chars.
pub(crate) fn char_lower(c: char) -> impl Iterator<Item = char> + Clone {
    let (first, second) = match c {
        'A'..='Z' => (c.to_ascii_lowercase(), None),
        '\u{0}'..='\u{7f}' => (c, None),
        // The one char whose lowercase is two.
        '\u{130}' => ('i', Some('\u{307}')),
        _ => (lower_one(c), None),
    };
    std::iter::once(first).chain(second)
}

/// `c` mapped by [`LOWER`] (itself when no run holds it).
fn lower_one(c: char) -> char {
    let x = u32::from(c);
    let i = LOWER.partition_point(|r| r[0] >> 8 <= x);
    let Some(&[head, tail]) = i.checked_sub(1).and_then(|i| LOWER.get(i)) else { return c };
    let (off, step) = (x - (head >> 8), 1 + (tail & 1));
    if off % step != 0 || off / step >= head & 0xff {
        return c;
    }
    char::from_u32(x.wrapping_add_signed((tail as i32) >> 1)).unwrap_or(c)
}

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
            out.extend(char_lower(c));
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
    /// The runs of [`LOWER`], from `char::to_lowercase`.
    fn lower_runs() -> Vec<[u32; 2]> {
        let mapped: Vec<(u32, i64)> = (0x80..=0x10ffff)
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(l), None) if l != c => {
                        Some((u32::from(c), i64::from(u32::from(l)) - i64::from(u32::from(c))))
                    }
                    _ => None,
                }
            })
            .collect();
        let mut runs: Vec<(u32, u32, i64, u32)> = Vec::new();
        for (c, delta) in mapped {
            match runs.last_mut() {
                Some((start, n, d, step))
                    if *d == delta && *n < 255 && (*n == 1 && c - *start <= 2 || c == *start + *n * *step) =>
                {
                    *step = if *n == 1 { c - *start } else { *step };
                    *n += 1;
                }
                _ => runs.push((c, 1, delta, 1)),
            }
        }
        runs.into_iter().map(|(start, n, d, step)| [start << 8 | n, ((d as i32) << 1) as u32 | (step - 1)]).collect()
    }

    #[test]
    #[cfg_attr(target_arch = "wasm32", ignore = "every char: run natively")]
    fn tables_are_std() {
        let lower = lower_runs();
        assert!(lower == LOWER, "LOWER is stale; it is now:\n{lower:?}");
        let cased = |c: char| format!("AΣ{c}").to_lowercase().starts_with("aσ");
        let skipped = |c: char| !cased(c) && format!("AΣ{c}A").to_lowercase().starts_with("aσ");
        let (ignorable, cased) = (runs(skipped), runs(cased));
        assert!(ignorable == CASE_IGNORABLE, "CASE_IGNORABLE is stale; it is now:\n{ignorable:?}");
        assert!(cased == CASED, "CASED is stale; it is now:\n{cased:?}");
    }

    #[test]
    #[cfg_attr(target_arch = "wasm32", ignore = "every char: run natively")]
    fn char_lower_is_std() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert!(char_lower(c).eq(c.to_lowercase()), "{c:?}");
        }
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
