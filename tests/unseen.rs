//! Eight articles written for these tests by someone who had not read the
//! rules, in the styles of other outlets (`tests/fixtures/unseen/`): a wire
//! dispatch, a regional daily, a live blog, an analysis, a radio transcript,
//! a web page with photo captions, "Lire aussi" lines and reader comments,
//! English-influenced wording ("1h30", "90 mn"), and one article about
//! another event (Munich) that names Trump and Putin in passing. Their first
//! run showed what the rules missed (other verbs of saying, "l'Alliance",
//! "une rencontre … en Arabie saoudite", an aside about Biden taken for a
//! participant…); the rules were extended for the language, and these
//! tests keep them so.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use factpanel::model::{Interval, Stance, Status};
use factpanel::{analyze, Article, Document};

fn corpus() -> Vec<Article> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unseen");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Article::new(p.file_stem().unwrap().to_str().unwrap(), std::fs::read_to_string(p).unwrap()))
        .collect()
}

fn doc() -> (Document, Vec<Article>) {
    let arts = corpus();
    assert_eq!(arts.len(), 8);
    (analyze(&arts).unwrap(), arts)
}

#[test]
fn the_call_duration_is_read_from_every_article_that_gives_it() {
    let (doc, arts) = doc();
    assert_offsets(&doc, &arts);
    let d = fact(&doc, "call_duration/putin+trump");
    assert_eq!(sources(d), set(&["g01", "g02", "g03", "g04", "g05", "g06", "g07"]), "{:#?}", d.claims);
    assert_eq!(d.value.interval(), Some(Interval::exact(90)));
    // A reader comment ("Trump a discuté 2 heures avec Poutine") is not a source.
    assert_eq!(d.status, Status::Agreed);
    let g01 = d.claims.iter().find(|c| c.source == "g01_depeche").unwrap();
    assert_eq!(g01.said_by.as_ref().map(|s| s.as_str()), Some("kremlin"), "« Selon un communiqué du Kremlin, … »");
    // The same hedged value from three sources is agreed.
    let z = fact(&doc, "call_duration/trump+zelensky");
    assert_eq!(sources(z), set(&["g01", "g03", "g06"]));
    assert_eq!(z.status, Status::Agreed);
}

#[test]
fn positions_in_other_words() {
    let (doc, _) = doc();
    let position = |id: &str| {
        let f = fact(&doc, id);
        (f.value.position, sources(f))
    };
    let (p, s) = position("stance/hegseth/ukraine_nato_membership");
    assert_eq!(p, Some(Stance::Unrealistic));
    assert!(s.is_superset(&set(&["g01", "g03", "g05"])), "{s:?}");
    let (p, s) = position("stance/kremlin/ukraine_nato_membership");
    assert_eq!(p, Some(Stance::Opposed));
    assert!(s.is_superset(&set(&["g01", "g04", "g07"])), "{s:?}");
    let (p, s) = position("stance/trump/ukraine_nato_membership");
    assert_eq!(p, Some(Stance::Unrealistic));
    assert_eq!(s, set(&["g02", "g06"]));
    let (p, s) = position("stance/hegseth/ukraine_pre2014_borders");
    assert_eq!(p, Some(Stance::Unrealistic));
    assert!(s.len() >= 3, "{s:?}");
}

#[test]
fn the_meeting_is_between_the_call_s_parties_wherever_it_is_mentioned() {
    let (doc, _) = doc();
    let m = fact(&doc, "meeting/putin+trump");
    assert!(sources(m).len() >= 5, "{:#?}", m.claims);
    let places: Vec<&str> = m.value.places.iter().map(|p| p.as_str()).collect();
    assert!(places.contains(&"saudi_arabia") && places.contains(&"moscow"), "{places:?}");
    // "Il évoque aussi une rencontre" after a paragraph on the Zelensky call,
    // "les deux dirigeants" after an aside on Joe Biden: not their meeting.
    for f in &doc.facts {
        assert!(!f.subject.participants.iter().any(|p| p.as_str() == "biden"), "{}", f.id);
        assert!(!(f.id.starts_with("meeting/") && f.id.contains("zelensky")), "{}", f.id);
    }
    assert!(doc.facts.iter().any(|f| f.id == "negotiations/putin+trump"));
}

#[test]
fn one_prisoner_two_spellings() {
    let (doc, _) = doc();
    let vinnik: Vec<_> =
        doc.facts.iter().filter(|f| f.id.starts_with("prisoner_release/") && f.id.ends_with("vinnik")).collect();
    assert_eq!(vinnik.len(), 1, "{:?}", vinnik.iter().map(|f| &f.id).collect::<Vec<_>>());
    assert_eq!(sources(vinnik[0]), set(&["g01", "g06"]));
}

#[test]
fn the_munich_article_is_set_aside_and_page_furniture_is_not_read() {
    let (doc, _) = doc();
    let munich = doc.sources.iter().find(|s| s.id == "g08_munich").unwrap();
    assert!(!munich.on_event, "{munich:?}");
    assert!(doc.sources.iter().filter(|s| s.id != "g08_munich").all(|s| s.on_event));
    let quotes: Vec<&str> = doc.facts.iter().flat_map(|f| &f.claims).map(|c| c.quote.as_str()).collect();
    assert!(
        quotes.iter().all(|q| !q.contains("LIRE AUSSI") && !q.contains("Bravo") && !q.contains("Répondre à")),
        "{quotes:#?}"
    );
    assert!(doc.facts.iter().flat_map(|f| &f.claims).all(|c| c.source != "g08_munich"));
}
