//! Wire credits: which news agency an article says its text comes from
//! ("(AFP)", "PARIS, 14 août (AFP) - …", "Le Monde avec AFP", "(Avec
//! Reuters)"), read from the forms of `[wire]` in the rules file.
//!
//! Three places, each with its forms:
//! - **inline** forms anywhere in the text ("(AFP)"), found from their first
//!   mark ("(") with a byte search;
//! - **dateline** forms starting within the first `dateline_words` words of a
//!   line ("AFP - …", "MOSCOU, 3 mai, Reuters – …");
//! - **line_end** forms ending a line of at most `line_words` words (a byline
//!   or a closing credit: "Le Monde avec AFP").
//!
//! An agency name must stand as a word of its own ("AFP" in "l'AFP", not in
//! "AFPX"), and nothing alphanumeric may follow a credit ("AFP-Services" is
//! no dateline). Several agencies in one credit ("avec AFP et Reuters") are
//! all kept. The result names each agency once, by its first name in the
//! rules, in order of first credit, joined by ", ": `"AFP"`, `"AFP, Reuters"`.
//! The work is linear in the text: a byte search for each inline form's mark
//! and a look at the first and last few words of each line.

use crate::rules::Wire;

/// The agencies `text` credits, or `None`.
pub fn credit(text: &str, w: &Wire) -> Option<String> {
    Matcher::new(w).credit(text)
}

impl Matcher<'_> {
    /// [`credit`] with the forms prepared once for many texts.
    pub fn credit(&self, text: &str) -> Option<String> {
        credit_with(text, self)
    }
}

fn credit_with(text: &str, m: &Matcher) -> Option<String> {
    let w = m.w;
    if w.agencies.is_empty() {
        return None;
    }
    // (position, agency)
    let mut found: Vec<(usize, usize)> = Vec::new();
    for form in &m.inline {
        let Some(mark) = form.0.chars().next() else { continue };
        for (at, _) in text.match_indices(mark) {
            if let Some((_, ags)) = m.form_at(text, at, *form) {
                found.extend(ags.into_iter().map(|a| (at, a)));
            }
        }
    }
    let mut line_start = 0;
    let mut words = Vec::new();
    for line in text.split('\n') {
        let here = line_start;
        line_start += line.len() + 1;
        // A dateline's credit is followed by a dash among the line's first
        // words: without one, no dateline form is tried.
        let dash = word_starts(line, w.dateline_words.max(w.line_words) + 1, &mut words) && !m.dateline.is_empty();
        for &s in words.iter().take(if dash { w.dateline_words } else { 0 }) {
            for form in &m.dateline {
                if let Some((_, ags)) = m.form_at(text, here + s, *form) {
                    found.extend(ags.into_iter().map(|a| (here + s, a)));
                }
            }
        }
        if words.is_empty() || words.len() > w.line_words {
            continue;
        }
        // The line without its closing full stop and white space; a credit
        // ends with an agency's name, maybe followed by marks (")").
        let end = here + line.trim_end().trim_end_matches('.').trim_end().len();
        let last = text[..end].trim_end_matches(|c: char| !is_word(c));
        let last = &last[last.char_indices().rev().find(|(_, c)| !is_word(*c)).map_or(0, |(k, c)| k + c.len_utf8())..];
        if !m.last_words.iter().any(|l| l.eq_ignore_ascii_case(last)) {
            continue;
        }
        for &s in &words {
            for form in &m.line_end {
                if let Some((stop, ags)) = m.form_at(text, here + s, *form) {
                    if stop == end {
                        found.extend(ags.into_iter().map(|a| (here + s, a)));
                    }
                }
            }
        }
    }
    crate::sort_by(&mut found, Ord::cmp);
    let mut names: Vec<&str> = Vec::new();
    for (_, a) in found {
        let name = w.agencies[a][0].as_str();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if names.is_empty() {
        None
    } else {
        Some(crate::join(&names, ", "))
    }
}

/// The rules' forms split at their `{a}`, and the first letters and last
/// words of the agencies' names, to pass over most places at a glance.
pub struct Matcher<'w> {
    w: &'w Wire,
    inline: Vec<(&'w str, &'w str)>,
    dateline: Vec<(&'w str, &'w str)>,
    line_end: Vec<(&'w str, &'w str)>,
    /// Lowercase first chars of every spelling.
    firsts: Vec<char>,
    /// The last word of every spelling ("Presse").
    last_words: Vec<&'w str>,
    /// Per agency, its spellings, each with whether it is one ASCII word
    /// (compared as bytes, without the general matching).
    spellings: Vec<Vec<(&'w str, bool)>>,
}

impl<'w> Matcher<'w> {
    /// Prepares the forms of `w`.
    pub fn new(w: &'w Wire) -> Self {
        // Around "{a}".
        let split = |forms: &'w [String]| {
            forms
                .iter()
                .filter_map(|f| crate::rules::labels::find_str(f, "{a}").map(|i| (&f[..i], &f[i + 3..])))
                .collect::<Vec<_>>()
        };
        let mut firsts: Vec<char> = Vec::new();
        for n in w.agencies.iter().flatten() {
            if let Some(c) = n.trim().chars().next().and_then(|c| crate::case::char_lower(c).next()) {
                if !firsts.contains(&c) {
                    firsts.push(c);
                }
            }
        }
        Matcher {
            w,
            inline: split(&w.inline),
            dateline: split(&w.dateline),
            line_end: split(&w.line_end),
            firsts,
            last_words: w
                .agencies
                .iter()
                .flatten()
                .filter_map(|n| n.split(|c: char| !is_word(c)).rfind(|x| !x.is_empty()))
                .collect(),
            spellings: w
                .agencies
                .iter()
                .map(|names| names.iter().map(|n| (n.as_str(), n.bytes().all(|b| b.is_ascii_alphanumeric()))).collect())
                .collect(),
        }
    }

    /// One agency name standing as a word at `at` (after white space): the
    /// longest spelling that matches, and where it ends.
    fn agency_at(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        let at = skip_space(text, at);
        let first = crate::case::char_lower(text[at..].chars().next()?).next()?;
        if !self.firsts.contains(&first) || !boundary_before(text, at) {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        for (k, names) in self.spellings.iter().enumerate() {
            for &(n, word) in names {
                let end = if word {
                    let b = text.as_bytes().get(at..at + n.len());
                    b.filter(|b| b.eq_ignore_ascii_case(n.as_bytes())).map(|_| at + n.len())
                } else {
                    literal(text, at, n)
                };
                if let Some(end) = end {
                    if boundary_after(text, end) && best.is_none_or(|(_, e)| end > e) {
                        best = Some((k, end));
                    }
                }
            }
        }
        best
    }

    /// The form `(pre, post)` at byte `at`: where it ends and the agencies
    /// it names.
    fn form_at(&self, text: &str, at: usize, (pre, post): (&str, &str)) -> Option<(usize, Vec<usize>)> {
        if pre.starts_with(is_word) && !boundary_before(text, at) {
            return None;
        }
        let mut end = literal(text, at, pre)?;
        let (first, e) = self.agency_at(text, end)?;
        let mut agencies = vec![first];
        end = e;
        'more: loop {
            for j in &self.w.joiners {
                let Some(after) = literal(text, skip_space(text, end), j) else { continue };
                if j.ends_with(is_word) && !boundary_after(text, after) {
                    continue;
                }
                if let Some((a, e)) = self.agency_at(text, after) {
                    agencies.push(a);
                    end = e;
                    continue 'more;
                }
            }
            break;
        }
        let end = literal(text, end, post)?;
        if !boundary_after(text, end) {
            return None;
        }
        Some((end, agencies))
    }
}

/// Byte offsets in `line` of the starts of its first `max` words, in
/// `out`; returns whether a dash comes before the last of them.
fn word_starts(line: &str, max: usize, out: &mut Vec<usize>) -> bool {
    out.clear();
    let mut prev_space = true;
    let mut dash = false;
    for (i, c) in line.char_indices() {
        let space = c.is_whitespace();
        if prev_space && !space {
            if out.len() == max {
                break;
            }
            out.push(i);
        }
        dash |= !c.is_ascii_alphanumeric() && same('-', c);
        prev_space = space;
    }
    dash
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether the char before byte `at` of `text` is not a letter or digit.
fn boundary_before(text: &str, at: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(is_word)
}

/// Whether the char at byte `at` of `text` is not a letter or digit.
fn boundary_after(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(is_word)
}

/// Whether the text char `t` matches the form char `f` (not a space).
fn same(f: char, t: char) -> bool {
    match f {
        '\'' => matches!(t, '\'' | '’' | 'ʼ' | '‘'),
        '-' => matches!(t, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−'),
        _ if f.is_ascii() && t.is_ascii() => f.eq_ignore_ascii_case(&t),
        _ => f == t || (f.is_alphabetic() && crate::case::char_lower(t).eq(crate::case::char_lower(f))),
    }
}

/// `text[at..]` after its white space.
fn skip_space(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start().len()
}

/// Matches the literal `lit` (part of a form or a name) at byte `at`;
/// returns the byte where the match ends.
fn literal(text: &str, mut at: usize, lit: &str) -> Option<usize> {
    for f in lit.chars() {
        if f.is_whitespace() {
            at = skip_space(text, at);
            continue;
        }
        if !is_word(f) {
            at = skip_space(text, at);
        }
        let t = text[at..].chars().next()?;
        if !same(f, t) {
            return None;
        }
        at += t.len_utf8();
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::rules;

    fn wire(text: &str) -> Option<String> {
        credit(text, &rules().wire)
    }

    #[test]
    fn credits_in_their_usual_places() {
        let cases = [
            ("PARIS, 14 août (AFP) - Le gouvernement a annoncé mardi…", "AFP"),
            ("BRUXELLES (Reuters) – Les ministres se sont accordés.", "Reuters"),
            ("WASHINGTON ( AP ) — Le Sénat a voté.", "AP"),
            ("Berlin (dpa) - Die Regierung hat…", "dpa"),
            ("Rome, 3 juin (ANSA) - Il governo…", "ANSA"),
            ("Madrid (EFE).- El Gobierno…", "EFE"),
            ("Genève (ATS) - Le Conseil fédéral a décidé.", "ATS"),
            ("AFP - Le ministre a démissionné jeudi.", "AFP"),
            ("MOSCOU, 3 mai, Reuters – Le Kremlin a démenti.", "Reuters"),
            ("Le ministre a démissionné.\n\nAvec AFP", "AFP"),
            ("Le ministre a démissionné.\n(Avec Reuters)", "Reuters"),
            ("Le ministre a démissionné.\nLe Monde avec AFP.", "AFP"),
            ("Rédaction en ligne (avec Belga)\nLe ministre a démissionné.", "Belga"),
            ("Le ministre a démissionné.\nFrance 24 avec AFP et Reuters", "AFP, Reuters"),
            ("Le ministre a démissionné (AFP/Reuters).", "AFP, Reuters"),
            ("Le ministre a démissionné.\nAvec l’Agence France-Presse", "AFP"),
            ("Texte (Reuters). Plus bas (AFP).\nAvec AFP", "Reuters, AFP"),
            ("Le ministre a démissionné.\nSource : AFP", "AFP"),
        ];
        for (text, want) in cases {
            assert_eq!(wire(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn agencies_named_otherwise_are_no_credit() {
        for text in [
            "Donald Trump ( Photo : AP)\nLe président a parlé.",
            "Le ministre a déclaré, rapporte AP, qu'il partirait.",
            "Le ministre a indiqué à l'AFP qu'il ne démissionnerait pas, lors d'un long entretien accordé mardi.",
            "Dans un entretien exclusif avec l'AFP accordé mardi à Paris, le ministre a tout nié en bloc devant nous.",
            "Par la rédaction, avec agences",
            "La société AFPX (AFPX) - a publié ses comptes.",
            "APPEL - Le président a parlé.",
            "AFP-Services a publié ses comptes.",
            "(AFP",
            "(",
            "",
            "Les agences (AP et) ont parlé.",
        ] {
            assert_eq!(wire(text), None, "{text}");
        }
    }

    #[test]
    fn the_seed_corpus_credits_no_agency() {
        for (id, text) in crate::corpus::ARTICLES {
            assert_eq!(wire(text), None, "{id}");
        }
    }

    #[test]
    fn odd_text_never_panics() {
        for text in ["(\u{0})", "((((((", "( ́AFP)", "(İAFP)", "🙂 (AFP) 🙂", "avec\nAFP", "\n\n(avec", "avec l'"]
        {
            let _ = wire(text);
        }
    }
}
