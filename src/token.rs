//! The tokenizer, clause numbering, and the lowercase helpers that keep
//! byte offsets aligned. Re-exported by [`crate::text`]: a module of its
//! own so that `rules` tokenizes its phrases without importing `text`,
//! which reads the rules.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (with inner hyphens), or an elided article like `d'`.
    Word,
    /// Digits, possibly with inner `,` `.` `-` `:` (`1,5`, `2025-02`).
    Number,
    /// A quotation mark.
    Quote,
    /// A comma, semicolon, colon, dash or parenthesis: ends a clause.
    ClauseBreak,
    /// Any other punctuation.
    Punct,
}

/// A token of a sentence.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// Normalised byte range.
    pub start: usize,
    /// Normalised byte end (exclusive).
    pub end: usize,
    /// Lowercased text: the same byte range of the lowercased text.
    pub lower: &'a str,
    /// What it is.
    pub kind: TokKind,
    /// First letter is uppercase.
    pub capitalized: bool,
    /// Inside a quotation.
    pub quoted: bool,
    /// Clause index within the sentence.
    pub clause: usize,
}

/// Splits the normalised range `[a, b)` into tokens, their lowercase text
/// borrowed from `lower`, the [`lowercase_aligned`] form of `norm`.
///
/// Elisions split after the apostrophe (`d'une` → `d'`, `une`); inverted
/// pronouns split off (`a-t-il` → `a`, `il`); capitalized names joined by a
/// hyphen split at it (`Trump-Poutine` → `trump`, `-`, `poutine`); other
/// hyphenated words stay whole (`quatre-vingt-dix`, `cessez-le-feu`).
pub fn tokenize<'a>(norm: &str, lower: &'a str, a: usize, b: usize) -> Vec<Token<'a>> {
    debug_assert_eq!(norm.len(), lower.len());
    let text = &norm[a..b];
    // French averages a token per five or six bytes.
    let mut t =
        Tokens { toks: Vec::with_capacity(text.len() / 4 + 4), a, ltext: &lower[a..b], quoted: false, clause: 0 };
    // The loop is kept small, its common paths first, and each token is
    // built out of line: in a browser's baseline code a loop's cost is
    // counted by its size at every turn, and a large hot loop is re-compiled
    // by the optimising compiler on a first visit (docs/performance.md).
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' || bytes[i] == b'\n' {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        i = if c.is_alphabetic() {
            let end = word_end(text, i, c);
            t.word(i, end, c.is_uppercase());
            end
        } else if c.is_ascii_digit() || c.is_numeric() {
            let end = number_end(text, i + c.len_utf8());
            t.push(i, end, TokKind::Number, false);
            end
        } else if let Some(n) = clitic_after(text, i) {
            t.push(i, i + n, TokKind::Word, false);
            i + n
        } else {
            t.punct(i, if c == '.' && t.quoted && quoted_stop(text, i) { ';' } else { c });
            i + c.len_utf8()
        };
    }
    merge_short_clauses(&mut t.toks);
    t.toks
}

/// Whether the full stop at `i`, in a quotation, stands between a word and
/// a capital: it parts clauses there, as it would part sentences outside
/// (« L'entretien a duré 1 h 45. Le président échange avec Zelensky »), but
/// not after a capital ("M. Macron", "U.S. President").
#[inline(never)]
fn quoted_stop(text: &str, i: usize) -> bool {
    text[..i].ends_with(|p: char| p.is_alphanumeric() && !p.is_uppercase())
        && text[i + 1..].strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// The end of the word that starts with `c` at `i`: letters and digits,
/// a hyphen between letters (not between two capitalized names: "Trump-Poutine"
/// is two words, "États-Unis" too, as aliases are cut), an apostrophe of
/// elision before a letter (ending the word: `d'une` → `d'`).
pub(super) fn word_end(text: &str, i: usize, c: char) -> usize {
    let bytes = text.as_bytes();
    let mut end = i + c.len_utf8();
    loop {
        while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
            end += 1;
        }
        let Some(d) = text[end..].chars().next() else { return end };
        let next = || text[end + d.len_utf8()..].chars().next();
        if d.is_alphanumeric() {
            end += d.len_utf8();
        } else if d == '-' && next().is_some_and(char::is_alphanumeric) {
            if c.is_uppercase() && next().is_some_and(char::is_uppercase) {
                return end;
            }
            end += 1;
        } else if d == '\'' && next().is_some_and(char::is_alphanumeric) {
            // An English clitic stays a word of its own ("Russia's" →
            // `russia`, `'s`; "didn't" → `didn`, `'t`); an elision ends
            // the word after its apostrophe (`d'une` → `d'`, `une`).
            return if clitic_after(text, end).is_some() { end } else { end + 1 };
        } else {
            return end;
        }
    }
}

/// The length of the clitic that starts with the apostrophe at `i`, right
/// after a letter: `'s`, `'t`, `'ll`, `'re`, `'ve`, `'d`, `'m`, ending the
/// word ("Russia's", "didn't", "we'll").
pub(super) fn clitic_after(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.get(i) != Some(&b'\'') || i == 0 || !text[..i].chars().next_back().is_some_and(char::is_alphabetic) {
        return None;
    }
    let rest = &bytes[i + 1..];
    let n = [&b"ll"[..], b"re", b"ve", b"s", b"t", b"d", b"m"]
        .into_iter()
        .find(|c| rest.len() >= c.len() && rest[..c.len()].eq_ignore_ascii_case(c))?
        .len();
    let after = text[i + 1 + n..].chars().next();
    (!after.is_some_and(char::is_alphanumeric)).then_some(n + 1)
}

/// The end of the number whose digits start before `end`: digits, and
/// `,` `.` `-` `:` between digits.
pub(super) fn number_end(text: &str, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        let sep = bytes.get(end).is_some_and(|b| matches!(b, b',' | b'.' | b'-' | b':'));
        if sep && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end += 1;
        } else {
            return end;
        }
    }
}

/// The tokens of one sentence while [`tokenize`] reads it.
pub(super) struct Tokens<'a> {
    pub(super) toks: Vec<Token<'a>>,
    /// Where the sentence starts in the normalised text.
    pub(super) a: usize,
    /// The sentence, lowercased.
    pub(super) ltext: &'a str,
    pub(super) quoted: bool,
    pub(super) clause: usize,
}

impl<'a> Tokens<'a> {
    /// Pushes the token at sentence bytes `[i, end)`.
    #[inline(never)]
    pub(super) fn push(&mut self, i: usize, end: usize, kind: TokKind, capitalized: bool) {
        let (a, quoted, clause) = (self.a, self.quoted, self.clause);
        self.toks.push(Token {
            start: a + i,
            end: a + end,
            lower: &self.ltext[i..end],
            kind,
            capitalized,
            quoted,
            clause,
        });
    }

    /// A word; an inverted subject pronoun is split off ("a-t-il",
    /// "dit-il", "estime-t-elle").
    #[inline(never)]
    pub(super) fn word(&mut self, i: usize, end: usize, capitalized: bool) {
        let lower = &self.ltext[i..end];
        let split = ["-t-il", "-t-elle", "-t-on", "-il", "-elle", "-ils", "-elles"]
            .into_iter()
            .find(|suf| lower.len() > suf.len() && lower.ends_with(suf));
        match split {
            Some(suf) => {
                let pron = suf.strip_prefix("-t").unwrap_or(suf).trim_start_matches('-');
                self.push(i, end - suf.len(), TokKind::Word, capitalized);
                self.push(end - pron.len(), end, TokKind::Word, false);
            }
            None => self.push(i, end, TokKind::Word, capitalized),
        }
    }

    /// Whether the one-byte mark at `i` stands between white space.
    pub(super) fn spaced(&self, i: usize) -> bool {
        let b = self.ltext.as_bytes();
        i > 0 && matches!(b[i - 1], b' ' | b'\t') && b.get(i + 1).is_some_and(|x| matches!(x, b' ' | b'\t'))
    }

    /// A punctuation mark, a quotation mark or a clause break.
    #[inline(never)]
    pub(super) fn punct(&mut self, i: usize, c: char) {
        let kind = match c {
            '"' | '\'' => TokKind::Quote,
            ',' | ';' | ':' | '–' | '—' | '(' | ')' => TokKind::ClauseBreak,
            // A hyphen between spaces is a dash ("(Reuters) - The …").
            '-' if self.spaced(i) => TokKind::ClauseBreak,
            _ => TokKind::Punct,
        };
        if kind == TokKind::Quote {
            self.quoted = !self.quoted;
        }
        if kind == TokKind::ClauseBreak {
            self.clause += 1;
        }
        self.push(i, i + c.len_utf8(), kind, false);
    }
}

/// The lowercase of `c` when it is one char known without Unicode tables:
/// ASCII, Latin-1 and Œ map directly, the general punctuation block (’, –,
/// …) has no case. `None`: take the general path ([`crate::case`]).
pub(crate) fn simple_lower(c: char) -> Option<char> {
    match c {
        'A'..='Z' | '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(u32::from(c) + 32),
        '\u{152}' => Some('\u{153}'),
        '\u{0}'..='\u{ff}' | '\u{153}' | '\u{2000}'..='\u{206f}' => Some(c),
        _ => None,
    }
}

/// `s.to_lowercase()`, the same string, without the general Unicode path
/// for the letters of French text ([`simple_lower`]); any other char sends
/// the whole string the general way ([`crate::case::to_lowercase`], which
/// alone knows the final sigma).
///
/// Paragraph heads are lowercased for the boilerplate rules; in a
/// browser's baseline compiler the general path costs several times this
/// one.
pub(crate) fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match simple_lower(c) {
            Some(l) => out.push(l),
            None => return crate::case::to_lowercase(s),
        }
    }
    out
}

/// `s` lowercased char by char, every char keeping its byte length, so
/// that a byte range of `s` is the same range of the result. Equal to
/// `s.to_lowercase()` except for the few chars whose lowercase is longer
/// (`İ` → `i̇`) or depends on context (a final `Σ` gives `σ`, not `ς`):
/// those stay as they are.
pub fn lowercase_aligned(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        // A run of ASCII, copied and lowercased in place, then one other char.
        let n = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let at = out.len();
        out.push_str(&rest[..n]);
        out[at..].make_ascii_lowercase();
        let Some(c) = rest[n..].chars().next() else { break };
        let l = simple_lower(c).or_else(|| {
            let mut it = crate::case::char_lower(c);
            match (it.next(), it.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => Some(l),
                _ => None,
            }
        });
        out.push(l.unwrap_or(c));
        rest = &rest[n + c.len_utf8()..];
    }
    out
}

/// A clause of fewer than five words ("Le 12 février,", "Marc Fogel,") is
/// merged with the clause that follows it.
pub(super) fn merge_short_clauses(toks: &mut [Token]) {
    let max = toks.last().map_or(0, |t| t.clause);
    let mut remap: Vec<usize> = (0..=max).collect();
    let mut words = vec![0usize; max + 1];
    for t in toks.iter() {
        if matches!(t.kind, TokKind::Word | TokKind::Number) {
            words[t.clause] += 1;
        }
    }
    // Walk backwards so that a chain of short clauses joins the next long one.
    for c in (0..max).rev() {
        if words[c] < 5 {
            remap[c] = remap[c + 1];
        }
    }
    for t in toks.iter_mut() {
        t.clause = remap[t.clause];
    }
}
