//! Bytes → 1 to 3 articles → `analyze`, then the offset invariants.
//!
//! The first byte chooses the shape: bit 7 sends the rest through
//! `parse_articles_json` instead; bits 0–1 the number of articles (the
//! rest is cut at 0xFF bytes, which never occur in UTF-8); bit 2 gives
//! every article a publication date (relative dates get resolved). Texts
//! are decoded lossily, so invalid UTF-8 still reaches the pipeline.
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
    let json = factpanel::to_json(&doc);
    assert!(json.starts_with('{'));
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
    let mut parts: Vec<&[u8]> = rest.splitn(n, |&b| b == 0xFF).collect();
    parts.truncate(n);
    let articles: Vec<Article> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut a = Article::new(format!("a{i}"), String::from_utf8_lossy(p).into_owned());
            if dated {
                a.published = Some("2025-02-13".into());
            }
            a
        })
        .collect();
    check(&articles);
});
