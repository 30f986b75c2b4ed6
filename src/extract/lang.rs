//! Which language pack reads an article.
//!
//! The article's `lang` when a pack has it ("en", "fr-FR" → "fr");
//! otherwise the pack whose `[language] words` (frequent function words,
//! data) occur most often among the text's first words. A text where no
//! pack's words occur is read with the default pack (the first).
//!
//! | text                                          | `lang` | pack |
//! |-----------------------------------------------|--------|------|
//! | « Le président a déclaré que l'appel … »      | —      | fr   |
//! | "The president said the call lasted …"        | —      | en   |
//! | "The president said …"                        | `fr`   | fr   |
//!
//! The words counted are the text's first [`SAMPLE_BYTES`] bytes: detection
//! costs one pass over a bounded prefix, whatever the article's length.

use crate::model::Article;
use crate::rules::Language;

/// The packs' tags and words ([`crate::rules::languages`]).
type Langs = [(String, Language)];

/// How much of an article is read to tell its language.
pub const SAMPLE_BYTES: usize = 4096;

/// The index in `packs` of the pack that reads `article`.
pub fn pack_of(article: &Article, packs: &Langs) -> usize {
    reading(article, packs).0
}

/// The pack that reads `article`, and, when no pack knows its language,
/// that language: its given `lang` tag, or `""` when its text uses too few
/// of any pack's words ([`MIN_SHARE`] of a sample of [`MIN_WORDS`] or more:
/// a short text is read by the default pack). Such an article is listed
/// with a note, and none of its facts is used.
pub fn reading(article: &Article, packs: &Langs) -> (usize, Option<String>) {
    if let Some(l) = article.lang.as_deref().filter(|l| !l.trim().is_empty()) {
        if let Some(i) = given(l, packs) {
            return (i, None);
        }
        return (detect(&article.text, packs), Some(l.trim().to_string()));
    }
    let (i, hits, words) = counts(&article.text, packs);
    let unknown = words >= MIN_WORDS && hits * MIN_SHARE < words;
    (i, unknown.then(String::new))
}

/// Words a sample needs before a language can be called unknown.
pub const MIN_WORDS: usize = 30;
/// A known language has at least one pack word in this many words.
pub const MIN_SHARE: usize = 10;

/// The pack of a given `lang` tag: its primary subtag, case-insensitive.
fn given(lang: &str, packs: &Langs) -> Option<usize> {
    let primary = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    packs.iter().position(|(tag, _)| *tag == primary)
}

/// The pack whose function words occur most often in the text's first
/// bytes; the first pack on a tie.
pub fn detect(text: &str, packs: &Langs) -> usize {
    counts(text, packs).0
}

/// The best pack, its hits, and the words sampled.
fn counts(text: &str, packs: &Langs) -> (usize, usize, usize) {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut counts = vec![0usize; packs.len()];
    let mut word = String::new();
    let mut words = 0;
    for w in text[..end].split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '\u{2019}')) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        if w.len() > 12 {
            continue;
        }
        word.clear();
        word.extend(w.chars().flat_map(crate::case::char_lower).map(|c| if c == '\u{2019}' { '\'' } else { c }));
        for (n, r) in counts.iter_mut().zip(packs) {
            if r.1.words.binary_search(&word).is_ok() {
                *n += 1;
            }
        }
    }
    let best = counts.iter().copied().max().unwrap_or(0);
    (counts.iter().position(|&n| n == best).unwrap_or(0), best, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(text: &str, given: Option<&str>) -> &'static str {
        let packs = crate::rules::languages();
        let mut a = Article::new("a", text);
        a.lang = given.map(str::to_string);
        &packs[pack_of(&a, packs)].0
    }

    #[test]
    fn the_table() {
        assert_eq!(lang("Le président a déclaré que l'appel avait duré une heure.", None), "fr");
        assert_eq!(lang("The president said the call had lasted an hour.", None), "en");
        assert_eq!(lang("The president said the call had lasted an hour.", Some("fr")), "fr");
        assert_eq!(lang("Le président a parlé.", Some("EN-gb")), "en");
        assert_eq!(lang("Le président a parlé.", Some("de")), "fr", "no German pack: detected");
        assert_eq!(lang("12345 !!!", None), "fr", "nothing to count: the default pack");
    }

    #[test]
    fn a_language_without_a_pack_is_named() {
        let packs = crate::rules::languages();
        let mut a = Article::new("a", "Der Präsident hat am Mittwoch mit Putin telefoniert.");
        a.lang = Some("de".into());
        assert_eq!(reading(&a, packs).1.as_deref(), Some("de"));
        let german =
            "Der amerikanische Präsident hat am Mittwoch mit dem russischen Staatschef telefoniert. ".repeat(6);
        assert_eq!(reading(&Article::new("b", german), packs).1.as_deref(), Some(""), "told by its words");
        let short = Article::new("c", "Trump a parlé 90 minutes avec Poutine.");
        assert_eq!(reading(&short, packs).1, None, "a short text is read by the default pack");
        let english =
            "The president said the call with the Russian leader was good and that it would go on. ".repeat(6);
        assert_eq!(reading(&Article::new("d", english), packs), (1, None));
    }

    #[test]
    fn only_the_sample_is_read() {
        let text = format!(
            "{}{}",
            "The call was long and the talks were good. ".repeat(200),
            "le la les de des ".repeat(5000)
        );
        assert_eq!(lang(&text, None), "en");
    }
}
