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
    if w.agencies.is_empty() {
        return None;
    }
    // (position, agency)
    let mut found: Vec<(usize, usize)> = Vec::new();
    for form in &w.inline {
        let Some(mark) = form.chars().next() else { continue };
        for (at, _) in text.match_indices(mark) {
            if let Some((_, ags)) = form_at(text, at, form, w) {
                found.extend(ags.into_iter().map(|a| (at, a)));
            }
        }
    }
    let mut line_start = 0;
    for line in text.split('\n') {
        let here = line_start;
        line_start += line.len() + 1;
        let words = word_starts(line, w.dateline_words.max(w.line_words) + 1);
        for &s in words.iter().take(w.dateline_words) {
            for form in &w.dateline {
                if let Some((_, ags)) = form_at(text, here + s, form, w) {
                    found.extend(ags.into_iter().map(|a| (here + s, a)));
                }
            }
        }
        if words.is_empty() || words.len() > w.line_words {
            continue;
        }
        // The line without its closing full stop and white space.
        let end = here + line.trim_end().trim_end_matches('.').trim_end().len();
        let first = here + words[0];
        for (i, _) in text[first..end].char_indices() {
            for form in &w.line_end {
                if let Some((stop, ags)) = form_at(text, first + i, form, w) {
                    if stop == end {
                        found.extend(ags.into_iter().map(|a| (first + i, a)));
                    }
                }
            }
        }
    }
    found.sort_unstable();
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
        Some(names.join(", "))
    }
}

/// Byte offsets in `line` of the starts of its first `max` words.
fn word_starts(line: &str, max: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev_space = true;
    for (i, c) in line.char_indices() {
        let space = c.is_whitespace();
        if prev_space && !space {
            if out.len() == max {
                break;
            }
            out.push(i);
        }
        prev_space = space;
    }
    out
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
        _ => f == t || (f.is_alphabetic() && t.to_lowercase().eq(f.to_lowercase())),
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

/// One agency name standing as a word at `at` (after white space): the
/// longest spelling that matches, and where it ends.
fn agency_at(text: &str, at: usize, w: &Wire) -> Option<(usize, usize)> {
    let at = skip_space(text, at);
    if !boundary_before(text, at) {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for (k, names) in w.agencies.iter().enumerate() {
        for n in names {
            if let Some(end) = literal(text, at, n) {
                if boundary_after(text, end) && best.is_none_or(|(_, e)| end > e) {
                    best = Some((k, end));
                }
            }
        }
    }
    best
}

/// The form `form` at byte `at`: where it ends and the agencies it names.
fn form_at(text: &str, at: usize, form: &str, w: &Wire) -> Option<(usize, Vec<usize>)> {
    let (pre, post) = form.split_once("{a}")?;
    if pre.starts_with(is_word) && !boundary_before(text, at) {
        return None;
    }
    let mut end = literal(text, at, pre)?;
    let (first, e) = agency_at(text, end, w)?;
    let mut agencies = vec![first];
    end = e;
    'more: loop {
        for j in &w.joiners {
            let Some(after) = literal(text, skip_space(text, end), j) else { continue };
            if j.ends_with(is_word) && !boundary_after(text, after) {
                continue;
            }
            if let Some((a, e)) = agency_at(text, after, w) {
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
