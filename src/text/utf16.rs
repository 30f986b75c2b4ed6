//! UTF-16 offsets: the checkpointed byte → UTF-16 index of a text, and the
//! conversions from UTF-16 offsets (JavaScript's) back to byte offsets.

/// Byte offset → UTF-16 offset conversion with checkpoints, so that each
/// conversion costs at most one short scan.
#[derive(Debug)]
pub(super) struct Utf16Index {
    /// `(byte offset, utf16 offset)` at char boundaries, every ~256 bytes.
    pub(super) checkpoints: Vec<(usize, usize)>,
}

impl Utf16Index {
    #[inline(never)]
    pub(super) fn new(text: &str) -> Self {
        let mut checkpoints = vec![(0, 0)];
        let mut u16s = 0;
        let mut next = 256;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if is_char_start(b) {
                if i >= next {
                    checkpoints.push((i, u16s));
                    next = i + 256;
                }
                u16s += utf16_len(b);
            }
        }
        Utf16Index { checkpoints }
    }

    pub(super) fn to_utf16(&self, text: &str, byte: usize) -> usize {
        let k = match self.checkpoints.binary_search_by(|(b, _)| b.cmp(&byte)) {
            Ok(k) => k,
            Err(k) => k - 1,
        };
        let (b0, u0) = self.checkpoints[k];
        u0 + text.as_bytes()[b0..byte].iter().filter(|&&b| is_char_start(b)).map(|&b| utf16_len(b)).sum::<usize>()
    }
}

/// Whether a UTF-8 byte starts a character (is not a continuation byte).
pub(super) fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// UTF-16 units of the character whose UTF-8 form starts with `b`: two for
/// the four-byte forms (outside the BMP), else one.
pub(super) fn utf16_len(b: u8) -> usize {
    if b >= 0xF0 {
        2
    } else {
        1
    }
}

/// The byte offset in `s` of the UTF-16 offset `u`, when it falls on a
/// character boundary inside (or at the end of) `s`.
pub fn utf16_to_byte(s: &str, u: usize) -> Option<usize> {
    let mut units = 0;
    for (b, c) in s.char_indices() {
        if units == u {
            return Some(b);
        }
        if units > u {
            return None;
        }
        units += c.len_utf16();
    }
    (units == u).then_some(s.len())
}

/// `s[start..end]` in UTF-16 code units (JavaScript's `s.slice(start, end)`),
/// when both offsets fall on character boundaries.
pub fn utf16_slice(s: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let a = utf16_to_byte(s, start)?;
    let b = utf16_to_byte(&s[a..], end - start)? + a;
    Some(&s[a..b])
}
