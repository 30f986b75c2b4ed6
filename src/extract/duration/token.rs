//! The lexer: tokens (words, numbers, punctuation) read from the text
//! without allocating.

use super::*;

// ----------------------------------------------------------------- lexer

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Num,
    Apos,
    Punct(char),
}

/// A number as written: integer part (capped) and nine decimals.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Num {
    pub(super) int: u64,
    /// The decimals, as nine digits.
    pub(super) frac: u32,
    /// Digits of the integer part (saturating).
    pub(super) digits: u16,
    pub(super) has_frac: bool,
}

impl Num {
    pub(super) fn scaled(&self) -> u128 {
        u128::from(self.int) * NANO + u128::from(self.frac)
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
    /// Lexicon id of a word; 0 when not in the lexicon.
    pub(super) id: u16,
    pub(super) space_before: bool,
    pub(super) hyphen_before: bool,
    pub(super) num: Num,
}

#[inline]
pub(super) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}')
}

#[inline]
pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

#[inline]
pub(super) fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        // Latin-1 letters, Latin Extended-A and B: the common case, without
        // the Unicode tables
        '\u{c0}'..='\u{ff}' => c != '\u{d7}' && c != '\u{f7}',
        '\u{100}'..='\u{24f}' => true,
        // combining accents (decomposed text)
        '\u{300}'..='\u{36f}' => true,
        // general punctuation (’, –, …) and ASCII
        '\u{0}'..='\u{7f}' | '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphabetic(),
    }
}

/// Appends the lowercase of `c` to `buf[*len..]`; false when it does not
/// fit.
pub(super) fn push_lower(c: char, buf: &mut [u8], len: &mut usize) -> bool {
    let mut put = |l: char| {
        let n = l.len_utf8();
        match buf.get_mut(*len..*len + n) {
            Some(dst) => {
                l.encode_utf8(dst);
                *len += n;
                true
            }
            None => false,
        }
    };
    match crate::text::simple_lower(c) {
        Some(l) => put(l),
        None => crate::case::char_lower(c).all(put),
    }
}

/// The next token at or after byte `pos` (a char boundary). Whitespace and
/// hyphens separate tokens and are recorded on the token after them.
#[inline]
pub(super) fn raw_next(text: &str, mut pos: usize) -> Option<(Tok, bool)> {
    let bytes = text.as_bytes();
    let (mut space, mut hyphen) = (false, false);
    let c = loop {
        let b = *bytes.get(pos)?;
        if b < 0x80 {
            if b == b'-' {
                hyphen = true;
            } else if b.is_ascii_whitespace() || b == 0x0b {
                space = true;
            } else {
                break char::from(b);
            }
            pos += 1;
        } else {
            let c = text.get(pos..)?.chars().next()?;
            if is_hyphen(c) {
                hyphen = true;
            } else if c.is_whitespace() {
                space = true;
            } else {
                break c;
            }
            pos += c.len_utf8();
        }
    };
    let mut ascii = true;
    let mut tok = Tok {
        start: pos,
        end: pos,
        kind: Kind::Word,
        id: 0,
        space_before: space,
        hyphen_before: hyphen,
        num: Num::default(),
    };
    if c.is_ascii_digit() {
        let (end, num) = lex_number(bytes, pos);
        tok.end = end;
        tok.kind = Kind::Num;
        tok.num = num;
    } else if is_word_char(c) {
        (tok.end, ascii) = word_end(text, pos);
    } else {
        tok.end = pos + c.len_utf8();
        tok.kind = if is_apostrophe(c) { Kind::Apos } else { Kind::Punct(c) };
    }
    Some((tok, ascii))
}

/// The end of the word starting at `p`, and whether it is ASCII.
#[inline]
pub(super) fn word_end(text: &str, mut p: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut ascii = true;
    while let Some(&b) = bytes.get(p) {
        if b < 0x80 {
            if !b.is_ascii_alphabetic() {
                break;
            }
            p += 1;
        } else {
            match text.get(p..).and_then(|s| s.chars().next()) {
                Some(c) if is_word_char(c) => {
                    ascii = false;
                    p += c.len_utf8();
                }
                _ => break,
            }
        }
    }
    (p, ascii)
}

/// Out of line: numbers are rare, and `raw_next` runs for every token.
#[inline(never)]
pub(super) fn lex_number(bytes: &[u8], start: usize) -> (usize, Num) {
    fn push(n: &mut Num, d: u8) {
        n.int = if n.int >= INT_CAP { INT_CAP } else { n.int * 10 + u64::from(d - b'0') };
        n.digits = n.digits.saturating_add(1);
    }
    let mut n = Num::default();
    let mut p = start;
    while let Some(&b) = bytes.get(p).filter(|b| b.is_ascii_digit()) {
        push(&mut n, b);
        p += 1;
    }
    if n.digits <= 3 {
        while let Some(q) = thousands_group(bytes, p) {
            for &b in &bytes[q - 3..q] {
                push(&mut n, b);
            }
            p = q;
        }
    }
    if let (Some(b',' | b'.'), Some(d)) = (bytes.get(p), bytes.get(p + 1)) {
        if d.is_ascii_digit() {
            n.has_frac = true;
            p += 1;
            let mut scale = 100_000_000u32;
            while let Some(&b) = bytes.get(p).filter(|b| b.is_ascii_digit()) {
                n.frac += u32::from(b - b'0') * scale;
                scale /= 10;
                p += 1;
            }
        }
    }
    (p, n)
}

/// "1 000": a space (plain, no-break, narrow or thin) then exactly three
/// digits; returns the end of the group.
pub(super) fn thousands_group(bytes: &[u8], p: usize) -> Option<usize> {
    let rest = bytes.get(p..)?;
    let sep = if rest.starts_with(b" ") {
        1
    } else if rest.starts_with("\u{a0}".as_bytes()) {
        2
    } else if rest.starts_with("\u{202f}".as_bytes()) || rest.starts_with("\u{2009}".as_bytes()) {
        3
    } else {
        return None;
    };
    let group = rest.get(sep..sep + 3)?;
    if !group.iter().all(u8::is_ascii_digit) || rest.get(sep + 3).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some(p + sep + 3)
}

#[inline]
pub(super) fn key_matches(t: &Tok, k: &Key) -> bool {
    match *k {
        Key::Word(id) => t.kind == Kind::Word && t.id == id,
        Key::Apos => t.kind == Kind::Apos,
        Key::Punct(c) => t.kind == Kind::Punct(c),
        Key::Num(v) => t.kind == Kind::Num && !t.num.has_frac && t.num.int == v,
    }
}
