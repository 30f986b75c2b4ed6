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
use crate::rules::Rules;

/// How much of an article is read to tell its language.
pub const SAMPLE_BYTES: usize = 4096;

/// The index in `packs` of the pack that reads `article`.
pub fn pack_of(article: &Article, packs: &[Rules]) -> usize {
    if let Some(i) = article.lang.as_deref().and_then(|l| given(l, packs)) {
        return i;
    }
    detect(&article.text, packs)
}

/// The pack of a given `lang` tag: its primary subtag, case-insensitive.
fn given(lang: &str, packs: &[Rules]) -> Option<usize> {
    let primary = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    packs.iter().position(|r| r.lang == primary)
}

/// The pack whose function words occur most often in the text's first
/// bytes; the first pack on a tie.
pub fn detect(text: &str, packs: &[Rules]) -> usize {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut counts = vec![0usize; packs.len()];
    let mut word = String::new();
    for w in text[..end].split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '\u{2019}')) {
        if w.is_empty() || w.len() > 12 {
            continue;
        }
        word.clear();
        word.extend(w.chars().flat_map(char::to_lowercase).map(|c| if c == '\u{2019}' { '\'' } else { c }));
        for (n, r) in counts.iter_mut().zip(packs) {
            if r.language.words.binary_search(&word).is_ok() {
                *n += 1;
            }
        }
    }
    let best = counts.iter().copied().max().unwrap_or(0);
    counts.iter().position(|&n| n == best).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(text: &str, given: Option<&str>) -> &'static str {
        let packs = crate::rules::packs();
        let mut a = Article::new("a", text);
        a.lang = given.map(str::to_string);
        &packs[pack_of(&a, packs)].lang
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
    fn only_the_sample_is_read() {
        let text = format!(
            "{}{}",
            "The call was long and the talks were good. ".repeat(200),
            "le la les de des ".repeat(5000)
        );
        assert_eq!(lang(&text, None), "en");
    }
}
