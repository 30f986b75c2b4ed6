//! The seed panel: what `../shared/spec/seed-facts.md` lists, checked fact
//! by fact, plus the golden file reviewed by hand against that list.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use factpanel::model::{Agreement, Interval, Minutes, Stance, Status};

fn seed() -> (Vec<factpanel::Article>, factpanel::Document) {
    let arts = factpanel::corpus::articles();
    let doc = factpanel::analyze(&arts).unwrap();
    (arts, doc)
}

#[test]
fn call_duration_is_90_minutes_from_four_sources() {
    let (_, doc) = seed();
    let f = fact(&doc, "call_duration/putin+trump");
    assert_eq!(f.value.interval(), Some(Interval::exact(90)));
    assert_eq!(f.status, Status::Agreed);
    assert_eq!(sources(f), set(&["000", "001", "002", "004"]));
    let by = |s: &str| f.claims.iter().find(|c| c.source.starts_with(s)).unwrap();
    assert_eq!(by("004").value.interval(), Some(Interval::exact(90)));
    assert_eq!(by("004").said_by, None);
    assert_eq!(by("002").value.interval(), Some(Interval::exact(90)));
    assert_eq!(by("002").said_by.as_ref().unwrap().as_str(), "kremlin");
    let near = by("001").value.interval().unwrap();
    assert!(near.max == Some(Minutes(90)) && near.min.unwrap().0 >= 75 && near.min.unwrap().0 < 90, "{near:?}");
    assert_eq!(by("001").said_by.as_ref().unwrap().as_str(), "kremlin");
    assert_eq!(by("000").value.interval(), Some(Interval { min: Some(Minutes(60)), max: None }));
    assert_eq!(by("000").said_by.as_ref().unwrap().as_str(), "trump");
    assert_eq!(by("000").agreement, Agreement::Compatible);
    assert_eq!(f.claims.iter().filter(|c| c.agreement == Agreement::Precise).count(), 3);
    assert_eq!(by("000").value.text.as_deref(), Some("plus d'une heure"));
    assert_eq!(doc.facts[0].id, "call_duration/putin+trump", "the best-supported fact leads");
}

#[test]
fn zelensky_call_is_its_own_fact() {
    let (_, doc) = seed();
    let f = fact(&doc, "call_duration/trump+zelensky");
    assert_eq!(sources(f), set(&["001", "004"]));
    assert_eq!(f.value.interval(), Some(Interval::exact(60)));
    assert_ne!(f.status, Status::Disputed);
}

#[test]
fn nato_positions() {
    let (_, doc) = seed();
    let cases = [
        ("hegseth", Stance::Unrealistic, &["000", "001", "002", "004"][..]),
        ("trump", Stance::Unrealistic, &["000", "004"][..]),
        ("kremlin", Stance::Opposed, &["000", "004"][..]),
        ("biden_administration", Stance::Inevitable, &["000"][..]),
    ];
    for (actor, pos, srcs) in cases {
        let f = fact(&doc, &format!("stance/{actor}/ukraine_nato_membership"));
        assert_eq!(f.value.position, Some(pos), "{actor}");
        assert_eq!(sources(f), set(srcs), "{actor}");
    }
    let b = fact(&doc, "stance/hegseth/ukraine_pre2014_borders");
    assert_eq!(b.value.position, Some(Stance::Unrealistic));
    assert_eq!(sources(b), set(&["001", "002", "004"]));
}

#[test]
fn negotiations_exchange_release_meeting_date() {
    let (_, doc) = seed();
    let n = fact(&doc, "negotiations/putin+trump");
    assert_eq!(sources(n), set(&["001", "002", "004"]));
    let fogel = fact(&doc, "prisoner_release/marc_fogel");
    assert_eq!(sources(fogel), set(&["002", "004"]));
    assert_eq!(fogel.value.released_by.as_ref().unwrap().as_str(), "kremlin");
    let vinnik = fact(&doc, "prisoner_release/alexander_vinnik");
    assert_eq!(sources(vinnik), set(&["002"]));
    assert_eq!(vinnik.value.released_by.as_ref().unwrap().as_str(), "united_states");
    assert_eq!(sources(fact(&doc, "prisoner_exchange")), set(&["000", "001", "004"]));
    let m = fact(&doc, "meeting/putin+trump");
    assert_eq!(sources(m), set(&["000", "001", "002"]));
    let places = places(m);
    assert!(places.contains(&"saudi_arabia") && places.contains(&"moscow"), "{places:?}");
    let z = fact(&doc, "call_characterization/trump+zelensky/zelensky");
    assert_eq!(sources(z), set(&["000", "001", "004"]));
    assert_eq!(z.value.term.as_deref(), Some("significative"));
    let d = fact(&doc, "call_date/putin+trump");
    assert_eq!(d.value.date.as_deref(), Some("2025-02-12"));
    assert_eq!(sources(d), set(&["000", "001", "004"]));
    assert_eq!(doc.event.date.as_deref(), Some("2025-02-12"));
    assert_eq!(doc.event.label, "Appel Trump–Poutine");
}

#[test]
fn source_003_is_off_event_and_feeds_nothing() {
    let (_, doc) = seed();
    let s = doc.sources.iter().find(|s| s.id.starts_with("003")).unwrap();
    assert!(!s.on_event);
    let note = s.note.as_deref().unwrap();
    assert!(note.contains("Istanbul") && note.contains("cessez-le-feu"), "{note}");
    for s in doc.sources.iter().filter(|s| !s.id.starts_with("003")) {
        assert!(s.on_event && s.note.is_none(), "{}", s.id);
    }
    assert!(doc.facts.iter().flat_map(|f| &f.claims).all(|c| !c.source.starts_with("003")));
}

#[test]
fn no_claim_from_boilerplate_and_offsets_are_exact() {
    let (arts, doc) = seed();
    assert_offsets(&doc, &arts);
    for c in doc.facts.iter().flat_map(|f| &f.claims) {
        for bp in ["![", "Publicité", "Laisser un commentaire", "Avatar de", "date 2025-02", "Today"] {
            assert!(!c.quote.contains(bp), "claim quotes boilerplate {bp:?}: {}", c.quote);
        }
    }
}

#[test]
fn traps_are_not_facts() {
    let (_, doc) = seed();
    for c in doc.facts.iter().flat_map(|f| &f.claims) {
        let t = c.value.text.as_deref().unwrap_or("");
        for trap in ["24 février 2022", "juillet 2018", "14 ans", "trois ans", "trente jours", "24 heures"] {
            assert!(!t.contains(trap), "trap {trap:?} became a claim value in {}", c.quote);
        }
    }
}

#[test]
fn golden_seed_panel() {
    let (_, doc) = seed();
    let json = factpanel::to_json(&doc) + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/seed-panel.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &json).unwrap();
    }
    let golden = std::fs::read_to_string(path).expect("golden file exists (UPDATE_GOLDEN=1 writes it)");
    assert!(
        golden == json,
        "the seed panel differs from tests/golden/seed-panel.json; review the change and rerun with UPDATE_GOLDEN=1"
    );
}

#[test]
fn shifted_text_keeps_offsets() {
    let prefix = "« Préambule » — l’été, c’est ça 😀 ñ\u{a0}!\n\n";
    let arts: Vec<factpanel::Article> = factpanel::corpus::articles()
        .into_iter()
        .map(|mut a| {
            a.text = format!("{prefix}{}", a.text);
            a
        })
        .collect();
    let doc = factpanel::analyze(&arts).unwrap();
    assert_offsets(&doc, &arts);
    let (_, plain) = seed();
    let ids = |d: &factpanel::Document| d.facts.iter().map(|f| (f.id.clone(), f.status)).collect::<Vec<_>>();
    assert_eq!(ids(&doc), ids(&plain));
    let shift: usize = prefix.encode_utf16().count();
    let a = &fact(&doc, "call_duration/putin+trump").claims[0];
    let b = &fact(&plain, "call_duration/putin+trump").claims[0];
    assert_eq!(a.start, b.start + shift);
}
