//! Bytes → 1 to 3 articles → `analyze`, then the offset invariants.
//!
//! The first byte chooses the shape: bit 7 sends the rest through
//! `parse_articles_json` instead; bits 0–1 the number of articles (the
//! rest is cut at 0xFF bytes, which never occur in UTF-8); bit 2 gives
//! every article a publication date (relative dates get resolved); bit 3
//! makes the articles edited copies of one text instead (the whole text,
//! the text without its first line, the text with a stretch cut out), so
//! that the copy detection and the newsroom counts run on arbitrary text;
//! bit 4 gives the articles a `lang` in turn ("en", "fr"), so that both
//! language packs read arbitrary text whatever its words; bit 5 gives each
//! an address made of its first line (a path may date the article).
//! Texts are decoded lossily, so invalid UTF-8 still reaches the pipeline.
#![no_main]

use factpanel::model::Kind;
use factpanel::{analyze, parse_articles_json, Article};
use libfuzzer_sys::fuzz_target;

fn utf16_slice(u: &[u16], a: usize, b: usize) -> Option<String> {
    if a > b || b > u.len() {
        return None;
    }
    String::from_utf16(&u[a..b]).ok()
}

fn check(articles: &[Article]) {
    let Ok(doc) = analyze(articles) else { return };
    assert_eq!(doc.sources.len(), articles.len());
    for f in &doc.facts {
        assert!(!f.claims.is_empty(), "fact {} without claims", f.id);
        for c in &f.claims {
            let a = articles.iter().find(|a| a.id == c.source).expect("claim of a known source");
            let u: Vec<u16> = a.text.encode_utf16().collect();
            let quote = utf16_slice(&u, c.start, c.end);
            assert_eq!(quote.as_deref(), Some(c.quote.as_str()), "fact {}: quote != text[{}..{})", f.id, c.start, c.end);
            assert!(
                c.start <= c.value_start && c.value_start <= c.value_end && c.value_end <= c.end,
                "fact {}: value {}..{} outside quote {}..{}",
                f.id,
                c.value_start,
                c.value_end,
                c.start,
                c.end
            );
            // Known and reported: a release's value.text is the normalised
            // name (tests/regressions.rs, release_value_text_is_as_written);
            // checked for every other kind.
            if let (Some(t), false) = (&c.value.text, f.kind == Kind::PrisonerRelease) {
                let v = utf16_slice(&u, c.value_start, c.value_end);
                assert_eq!(v.as_deref(), Some(t.as_str()), "fact {}: value.text != text[{}..{})", f.id, c.value_start, c.value_end);
            }
        }
    }
    // Copies name an earlier source, itself no copy; credits are names.
    for (i, s) in doc.sources.iter().enumerate() {
        if let Some(c) = &s.copy_of {
            let j = doc.sources.iter().position(|o| &o.id == c).expect("copy_of names a source");
            assert!(j < i && doc.sources[j].copy_of.is_none(), "source {i} copies {j}");
        }
        assert!(s.wire.as_deref().is_none_or(|w| !w.trim().is_empty()));
    }
    let json = factpanel::to_json(&doc);
    assert!(json.starts_with('{'));
    let back = factpanel::model::json::document(&serde_json::from_str(&json).unwrap()).unwrap();
    assert_eq!(back, doc, "the document reads back");
    let _ = factpanel::panel::panel(&doc, &factpanel::panel::Options::default());
}

/// Three edited copies of `text` (see the module doc); `at` picks the cut.
fn copies(text: &str, at: u8) -> Vec<String> {
    // Without its first line, or else its first eighth.
    let mut skip = text.find('\n').map_or(text.len() / 8, |k| k + 1);
    while !text.is_char_boundary(skip) {
        skip += 1;
    }
    let rest = text[skip..].to_string();
    let mut cut = text.len() * usize::from(at) / 256;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let end = (cut + text.len() / 8 + 1).min(text.len());
    let end = (end..=text.len()).find(|&e| text.is_char_boundary(e)).unwrap_or(text.len());
    vec![text.to_string(), rest, format!("{}{}", &text[..cut], &text[end..])]
}

fuzz_target!(|data: &[u8]| {
    let Some((&shape, rest)) = data.split_first() else { return };
    if shape & 0x80 != 0 {
        if let Ok(articles) = parse_articles_json(&String::from_utf8_lossy(rest)) {
            if articles.len() <= 3 {
                check(&articles);
            }
        }
        return;
    }
    let n = 1 + (shape & 3) as usize % 3;
    let dated = shape & 4 != 0;
    let texts: Vec<String> = if shape & 8 != 0 {
        let Some((&at, text)) = rest.split_first() else { return };
        copies(&String::from_utf8_lossy(text), at)
    } else {
        let mut parts: Vec<&[u8]> = rest.splitn(n, |&b| b == 0xFF).collect();
        parts.truncate(n);
        parts.iter().map(|p| String::from_utf8_lossy(p).into_owned()).collect()
    };
    let articles: Vec<Article> = texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            // An address made of the text's first line, whose path may
            // read as a date.
            let url = (shape & 32 != 0).then(|| format!("https://example.org/{}", t.lines().next().unwrap_or_default()));
            let mut a = Article::new(format!("a{i}"), t);
            a.url = url;
            if dated {
                a.published = Some("2025-02-13".into());
            }
            if shape & 16 != 0 {
                a.lang = Some(["en", "fr"][i % 2].into());
            }
            a
        })
        .collect();
    check(&articles);
});
