#![cfg(not(target_arch = "wasm32"))]
//! Inputs that once crashed or broke an invariant, found by the property
//! tests (`tests/properties.rs`) or the fuzz targets (`fuzz/`). Each stays
//! here so that the bug cannot come back.

use factpanel::{analyze, Article};

/// `analyze` on one article must not panic, and every quote must be the
/// UTF-16 slice its offsets give.
fn analyze_one(text: &str) -> factpanel::Document {
    let arts = [Article::new("a", text)];
    let doc = analyze(&arts).expect("valid input");
    let u: Vec<u16> = text.encode_utf16().collect();
    for f in &doc.facts {
        for c in &f.claims {
            assert_eq!(String::from_utf16(&u[c.start..c.end]).unwrap(), c.quote, "fact {}", f.id);
        }
    }
    doc
}

/// Several sentence-final marks in a row ("..", "?!", "...") followed by a
/// space and a capital: the second mark re-ended the sentence the first had
/// already closed, and `push_sentence` sliced `text[end + 1..end]`
/// ("begin > end (94 > 93)" in src/text.rs). Found by
/// `properties::source_order_does_not_matter`.
#[test]
fn repeated_sentence_final_marks() {
    analyze_one(
        "Trump a déclaré : \"Les gens ne savaient pas vraiment ce que pensait le président Poutine.. \
         Poutine en personne suggérant que ce tête-à-tête pourrait avoir lieu en Arabie saoudite. ",
    );
    analyze_one("Bonjour... Merci.");
    analyze_one("Vraiment ?! Oui.");
    analyze_one("Vraiment?!? Oui. Non!! Peut-être…. Fin.");
    analyze_one("Il a parlé 90 minutes avec Vladimir Poutine... Donald Trump a raccroché.");
}

/// A released person's name written with a non-breaking space or several
/// spaces: `value.text` must still be the text at `value_start..value_end`
/// (it was the normalised name, "Marc Fogel", while the source has
/// "Marc\u{a0}Fogel"). Found by `properties::quotes_are_utf16_slices`.
#[test]
fn release_value_text_is_as_written() {
    for text in [
        "Marc\u{a0}Fogel, un enseignant américain détenu en Russie, a été libéré en échange d’un citoyen russe.",
        "Marc   Fogel, un enseignant américain détenu en Russie, a été libéré en échange d’un citoyen russe.",
    ] {
        let doc = analyze_one(text);
        let u: Vec<u16> = text.encode_utf16().collect();
        let f = doc.facts.iter().find(|f| f.id.starts_with("prisoner_release/")).expect("a release fact");
        let c = &f.claims[0];
        let as_written = String::from_utf16(&u[c.value_start..c.value_end]).unwrap();
        assert_eq!(c.value.text.as_deref(), Some(as_written.as_str()), "{text:?}");
    }
}

/// Two sources whose durations cannot both hold (90 minutes, "environ une
/// heure" = 54–66): the fact is disputed whatever the order of the
/// sources, and its value must not depend on that order either. Found by
/// `properties::source_order_does_not_matter`.
#[test]
fn disputed_value_does_not_depend_on_source_order() {
    let a = Article::new("a", "Donald Trump a eu un échange téléphonique de 90 minutes avec Vladimir Poutine.");
    let b = Article::new("b", "L'appel entre Donald Trump et Vladimir Poutine a duré environ une heure.");
    let fact = |arts: &[Article]| {
        let doc = analyze(arts).unwrap();
        let f = doc.facts.iter().find(|f| f.id == "call_duration/putin+trump").expect("the duration fact").clone();
        let mut agreements: Vec<(String, String)> =
            f.claims.iter().map(|c| (c.source.clone(), format!("{:?}", c.agreement))).collect();
        agreements.sort();
        (format!("{:?}", f.status), serde_json::to_string(&f.value).unwrap(), agreements)
    };
    let ab = fact(&[a.clone(), b.clone()]);
    let ba = fact(&[b, a]);
    assert_eq!(ab.0, "Disputed");
    assert_eq!(ab, ba);
}
