//! Text preparation: the normalised view, boilerplate masking, sentences,
//! clauses and tokens.
//!
//! Matching never looks at the original text directly. [`Prepared`] holds a
//! *normalised view* — typographic apostrophes become `'`, guillemets and
//! curly quotes become `"`, non-breaking and other spaces become a plain
//! space, runs of horizontal white space collapse to one space and runs
//! containing a line break to one `\n` — together with a map from every byte
//! of the view back to the original text. Offsets reported to callers are
//! always computed from that map, in UTF-16 code units of the original.
//!
//! | original                    | normalised view            |
//! |-----------------------------|----------------------------|
//! | `d’une  heure`              | `d'une heure`              |
//! | `«immédiatement»`           | `"immédiatement"`          |
//! | `90\u{a0}minutes`           | `90 minutes`               |
//! | `paix.\n\n\nLe`             | `paix.\nLe`                |
//!
//! Boilerplate lines (image lines, "Publicité", reader comments, …) are
//! described in the rules file and are *masked*: they stay in the view, so
//! offsets do not move, but no sentence is made from them.

use crate::rules::{Boilerplate, Rules, MAX_BOILERPLATE_LINE};

mod utf16;

pub use crate::token::*;
pub use utf16::*;

/// An article's text, normalised, with the map back to the original.
#[derive(Debug)]
pub struct Prepared<'a> {
    /// The original text.
    pub original: &'a str,
    /// The normalised view.
    pub norm: String,
    /// `norm` lowercased char by char with every byte offset kept
    /// ([`lowercase_aligned`]): the tokens' lowercase text is borrowed from it.
    pub lower: String,
    /// For every byte of `norm` (plus one past the end), the byte offset in
    /// `original` of the character that produced it.
    map: Vec<u32>,
    /// Ranges of `norm` that are boilerplate.
    pub masked: Vec<(usize, usize)>,
    /// A date found in metadata (` date 2025-02`), as written.
    pub metadata_date: Option<String>,
    utf16: Utf16Index,
}

fn normal_char(c: char) -> Option<char> {
    Some(match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{00AB}' | '\u{00BB}' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2039}' | '\u{203A}' => '"',
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => return None,
        '\r' => return None,
        c if c != '\n' && c.is_whitespace() => ' ',
        c if c.is_control() && c != '\n' => ' ',
        c => c,
    })
}

impl<'a> Prepared<'a> {
    /// Normalises `original` and masks the boilerplate the rules describe.
    pub fn new(original: &'a str, rules: &Rules) -> Self {
        let mut norm = String::with_capacity(original.len());
        let mut map: Vec<u32> = Vec::with_capacity(original.len() + 1);
        let mut pending_space: Option<(usize, bool)> = None; // (orig offset, has newline)
        let mut i = 0;
        while i < original.len() {
            // Spaces first, as the commonest char after letters: this loop
            // is hot (see `tokenize`).
            if original.as_bytes()[i] == b' ' {
                pending_space.get_or_insert((i, false));
                i += 1;
                continue;
            }
            // A run of printable ASCII (all but the backquote) is its own
            // normal form: copied at once (most of a French text).
            let run = original.as_bytes()[i..].iter().position(|&b| !b.is_ascii_graphic() || b == b'`');
            let run = run.unwrap_or(original.len() - i);
            let (n, len) = if run > 0 {
                (None, run)
            } else {
                let Some(c) = original[i..].chars().next() else { break };
                match normal_char(c) {
                    None => {
                        i += c.len_utf8();
                        continue;
                    }
                    Some(n @ (' ' | '\n')) => {
                        pending_space.get_or_insert((i, false)).1 |= n == '\n';
                        i += c.len_utf8();
                        continue;
                    }
                    Some(n) => (Some(n), c.len_utf8()),
                }
            };
            if let Some((at, nl)) = pending_space.take() {
                if !norm.is_empty() {
                    norm.push(if nl { '\n' } else { ' ' });
                    map.push(at as u32);
                }
            }
            let start = norm.len();
            match n {
                None => {
                    norm.push_str(&original[i..i + len]);
                    map.extend(i as u32..(i + len) as u32);
                }
                Some(n) => {
                    norm.push(n);
                    map.resize(map.len() + (norm.len() - start), i as u32);
                }
            }
            i += len;
        }
        map.push(original.len() as u32);
        let lower = lowercase_aligned(&norm);
        let mut p = Prepared {
            original,
            norm,
            lower,
            map,
            masked: Vec::new(),
            metadata_date: None,
            utf16: Utf16Index::new(original),
        };
        p.mask_boilerplate(&rules.boilerplate);
        p
    }

    /// Byte offset in the original text of the normalised byte `i`
    /// (`i == norm.len()` maps to the end of the original).
    pub fn orig_start(&self, i: usize) -> usize {
        self.map[i.min(self.norm.len())] as usize
    }

    /// Original byte range of the normalised range `[a, b)`. The end is the
    /// original end of the last character in the range.
    pub fn orig_range(&self, a: usize, b: usize) -> (usize, usize) {
        let s = self.orig_start(a);
        if b == 0 || b <= a {
            return (s, s);
        }
        let last = self.orig_start(b - 1);
        let c = self.original[last..].chars().next().map_or(0, char::len_utf8);
        (s, last + c)
    }

    /// UTF-16 offsets into the original of the normalised range `[a, b)`.
    pub fn utf16_range(&self, a: usize, b: usize) -> (usize, usize) {
        let (s, e) = self.orig_range(a, b);
        (self.utf16.to_utf16(self.original, s), self.utf16.to_utf16(self.original, e))
    }

    /// The original text of the normalised range `[a, b)`.
    pub fn orig_text(&self, a: usize, b: usize) -> &'a str {
        let (s, e) = self.orig_range(a, b);
        &self.original[s..e]
    }

    /// Whether normalised byte `i` lies in a masked range.
    pub fn is_masked(&self, i: usize) -> bool {
        self.masked.iter().any(|&(a, b)| a <= i && i < b)
    }

    #[inline(never)]
    fn mask_boilerplate(&mut self, bp: &Boilerplate) {
        // Lines of the normalised view.
        let mut lines = Vec::new();
        let mut start = 0;
        for (i, b) in self.norm.bytes().enumerate() {
            if b == b'\n' {
                lines.push((start, i));
                start = i + 1;
            }
        }
        lines.push((start, self.norm.len()));
        let mut masked = Vec::new();
        let mut tail_from = None;
        let mut in_links = false;
        for &(a, b) in &lines {
            let line = self.norm[a..b].trim();
            // Under a links heading, headline-like lines are links.
            if in_links {
                in_links = !line.is_empty() && !line.ends_with(['.', '!', '…']) && line.len() <= MAX_BOILERPLATE_LINE;
                if in_links {
                    masked.push((a, b));
                    continue;
                }
            }
            // Only lines of at most MAX_BOILERPLATE_LINE bytes once lowercased
            // can be boilerplate, and only the head of a longer one can be a
            // metadata prefix. Lowercasing shrinks a text to a third at most
            // (K, the Kelvin sign, is 3 bytes; k is 1): a head of three times
            // that length gives the same answers as the whole paragraph.
            let head = &line[..line.floor_char_boundary(3 * MAX_BOILERPLATE_LINE + 4)];
            let lower = lowercase(head);
            if let Some(len) = bp.metadata_prefix(&lower) {
                let lead = self.norm[a..b].len() - self.norm[a..b].trim_start().len();
                let meta = &line[..len.min(line.len())];
                // From its first figure on: "2025-02", "14/08/2025 à 21h47",
                // "15 août 2025" (read by `dates::parse_loose`).
                self.metadata_date = meta.find(|c: char| c.is_ascii_digit()).map(|k| meta[k..].to_string());
                masked.push((a, a + lead + len));
                continue;
            }
            if bp.starts_tail(&lower) {
                tail_from = Some(a);
                break;
            }
            if bp.starts_links(&lower) {
                in_links = true;
                masked.push((a, b));
                continue;
            }
            if bp.is_boilerplate_line(&lower) {
                masked.push((a, b));
            }
        }
        if let Some(t) = tail_from {
            masked.push((t, self.norm.len()));
        }
        self.masked = masked;
    }

    /// The sentences of the unmasked text, in order.
    pub fn sentences(&self, rules: &Rules) -> Vec<Sentence> {
        let mut out = Vec::new();
        let bytes = self.norm.as_bytes();
        // Paragraphs: unmasked runs between line breaks.
        let mut para_start = 0;
        let mut ranges = Vec::new();
        while let Some(k) = bytes[para_start..].iter().position(|&b| b == b'\n') {
            ranges.push((para_start, para_start + k));
            para_start += k + 1;
        }
        ranges.push((para_start, bytes.len()));
        // Each paragraph without its masked parts, in two buffers reused
        // from one paragraph to the next.
        let (mut pieces, mut next) = (Vec::new(), Vec::new());
        for (a, b) in ranges {
            pieces.clear();
            pieces.push((a, b));
            for &(ma, mb) in &self.masked {
                next.clear();
                for &(pa, pb) in &pieces {
                    if mb <= pa || ma >= pb {
                        next.push((pa, pb));
                        continue;
                    }
                    if ma > pa {
                        next.push((pa, ma));
                    }
                    if mb < pb {
                        next.push((mb, pb));
                    }
                }
                std::mem::swap(&mut pieces, &mut next);
            }
            for &(pa, pb) in &pieces {
                split_sentences(&self.norm, pa, pb, rules, &mut out);
            }
        }
        out
    }
}

/// One sentence of the normalised view.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Normalised byte range.
    pub start: usize,
    /// Normalised byte end (exclusive).
    pub end: usize,
}

fn split_sentences(norm: &str, a: usize, b: usize, rules: &Rules, out: &mut Vec<Sentence>) {
    let text = &norm[a..b];
    // Quote pairs: a '"' opens or closes; an unmatched last one is ignored.
    let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
    let balanced = quotes.len() - quotes.len() % 2;
    let in_quote = |i: usize| {
        let k = quotes[..balanced].partition_point(|&q| q < i);
        k % 2 == 1
    };
    let mut start = 0;
    // The next '.', '!', '?' or '…' (0xE2 leads its UTF-8 form), found by a
    // small byte loop (see `tokenize` on hot loops).
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(k) = bytes[from..].iter().position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2)) {
        let i = from + k;
        let Some(c) = text[i..].chars().next() else { break };
        from = i + c.len_utf8();
        // The rest of a run already ended a sentence ("…. ", "?! ", "... ").
        if !matches!(c, '.' | '!' | '?' | '…') || i < start {
            continue;
        }
        // Include trailing closing punctuation (quotes, brackets, more dots).
        let after = i + c.len_utf8();
        let closers: usize = text[after..]
            .chars()
            .take_while(|d| matches!(d, '"' | ')' | ']' | '.' | '!' | '?' | '…' | '\''))
            .map(char::len_utf8)
            .sum();
        let space = after + closers;
        if !text[space..].starts_with(' ') {
            continue;
        }
        let Some(next) = text[space + 1..].chars().next() else { continue };
        if !(next.is_uppercase() || next.is_ascii_digit() || next == '"' || next == '\'' || next == '-' || next == '(')
        {
            continue;
        }
        if c == '.' && is_abbreviation(&text[..i], rules) {
            continue;
        }
        if in_quote(i) && in_quote(space) {
            continue;
        }
        push_sentence(a, start, space, text, out);
        start = space + 1;
    }
    push_sentence(a, start, text.len(), text, out);
}

/// The longest sentence, in bytes. Real sentences are far shorter; text
/// with no sentence breaks at all is cut at the last space before this
/// length, so that the work on one sentence stays bounded.
pub const MAX_SENTENCE_BYTES: usize = 4096;

fn push_sentence(base: usize, mut s: usize, e: usize, text: &str, out: &mut Vec<Sentence>) {
    while e - s > MAX_SENTENCE_BYTES {
        let limit = text.floor_char_boundary(s + MAX_SENTENCE_BYTES);
        let cut = text[s..limit].rfind(' ').map(|i| s + i).filter(|&c| c > s).unwrap_or(limit);
        push_one(base, s, cut, text, out);
        s = cut;
    }
    push_one(base, s, e, text, out);
}

fn push_one(base: usize, s: usize, e: usize, text: &str, out: &mut Vec<Sentence>) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if piece.trim().is_empty() {
        return;
    }
    out.push(Sentence { start: base + s + lead, end: base + e - trail });
}

fn is_abbreviation(before: &str, rules: &Rules) -> bool {
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '-')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[start..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter is an initial ("J. Biden").
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    rules.segmentation.abbreviations.iter().any(|a| a == word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::rules;

    #[test]
    fn lowercase_is_to_lowercase() {
        for s in ["Élysée", "ŒUVRE", "«Ça», dit-il…", "ΟΔΟΣ Σ", "İstanbul", "Kelvin \u{212a}", "Ⅻ", "ÀÉÎÕÜ×ÝÞßÿ", ""]
        {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s:?}");
        }
        // Every char of the first planes, alone and inside a word.
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("A{c}é"), format!("Σ{c}Σ ")] {
                assert_eq!(lowercase(&s), s.to_lowercase(), "{s:?}");
            }
        }
    }

    #[test]
    fn aligned_lowercase_keeps_every_offset() {
        for s in ["Élysée", "ŒUVRE", "«Ça», dit-il…", "ΟΔΟΣ Σ", "İstanbul", "Kelvin \u{212a}", "Ⅻ", "ÀÉÎÕÜ×ÝÞßÿ", ""]
        {
            let l = lowercase_aligned(s);
            assert_eq!(l.len(), s.len(), "{s:?}");
            assert!(s.char_indices().all(|(i, _)| l.is_char_boundary(i)), "{s:?}");
        }
        assert_eq!(lowercase_aligned("Élysée ŒUVRE «Ça» À×Þ"), "élysée œuvre «ça» à×þ");
        // The chars whose lowercase would change the length stay.
        assert_eq!(lowercase_aligned("İ \u{212a}"), "İ \u{212a}");
        // Every other char of the first planes is lowercased as usual.
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let std = c.to_lowercase().to_string();
            let want = if std.len() == c.len_utf8() && std.chars().count() == 1 { std } else { c.to_string() };
            assert_eq!(lowercase_aligned(&c.to_string()), want, "{c:?}");
        }
    }

    #[test]
    fn normalises_and_maps_back() {
        let text = "Il a dit\u{a0}: «d’une  heure»\n\n\nFin.";
        let p = Prepared::new(text, rules());
        assert_eq!(p.norm, "Il a dit : \"d'une heure\"\nFin.");
        let i = p.norm.find("d'une").unwrap();
        let (s, e) = p.orig_range(i, i + "d'une heure".len());
        assert_eq!(&text[s..e], "d’une  heure");
        let (s, e) = p.utf16_range(i, i + 5);
        let u: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&u[s..e]).unwrap(), "d’une");
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let text = "M. Trump a parlé. « Nous voulons la paix. Mais pas ainsi », a-t-il dit. Dr. Who aussi.";
        let p = Prepared::new(text, rules());
        let s: Vec<&str> = p.sentences(rules()).iter().map(|s| &p.norm[s.start..s.end]).collect();
        assert_eq!(
            s,
            vec!["M. Trump a parlé.", "\" Nous voulons la paix. Mais pas ainsi \", a-t-il dit.", "Dr. Who aussi."]
        );
    }

    #[test]
    fn punctuation_runs_end_one_sentence() {
        for text in ["Il hésite... Puis il parle.", "Vraiment ?! Non.", "En 24 h…. Faut le dire."] {
            let p = Prepared::new(text, rules());
            let s: Vec<&str> = p.sentences(rules()).iter().map(|s| &p.norm[s.start..s.end]).collect();
            assert_eq!(s.len(), 2, "{text}: {s:?}");
        }
    }

    #[test]
    fn boilerplate_is_masked() {
        let text = "Titre\n![1](https://x/y.jpg)\nTexte ici.\nPublicité\nSuite.\n13 réponses\n1. Avatar de X\nBla.";
        let p = Prepared::new(text, rules());
        let s: Vec<&str> = p.sentences(rules()).iter().map(|s| &p.norm[s.start..s.end]).collect();
        assert_eq!(s, vec!["Titre", "Texte ici.", "Suite."]);
    }

    #[test]
    fn metadata_prefix_is_masked_and_read() {
        let p = Prepared::new(" date 2025-02 Le président a parlé.", rules());
        let s: Vec<&str> = p.sentences(rules()).iter().map(|s| &p.norm[s.start..s.end]).collect();
        assert_eq!(s, vec!["Le président a parlé."]);
        assert_eq!(p.metadata_date.as_deref(), Some("2025-02"));
    }

    #[test]
    fn tokens_split_elisions_and_inversions() {
        let norm = "D'après lui, a-t-il dit, l'OTAN n'est pas quatre-vingt-dix 1,5.";
        let lower = lowercase_aligned(norm);
        let t: Vec<&str> = tokenize(norm, &lower, 0, norm.len()).into_iter().map(|t| t.lower).collect();
        assert_eq!(
            t,
            vec![
                "d'",
                "après",
                "lui",
                ",",
                "a",
                "il",
                "dit",
                ",",
                "l'",
                "otan",
                "n'",
                "est",
                "pas",
                "quatre-vingt-dix",
                "1,5",
                "."
            ]
        );
    }
}
