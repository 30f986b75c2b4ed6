//! Articles written for these tests by someone who had not read the rules.
//!
//! `tests/fixtures/unseen/`: eight on the call of 12 February 2025, in the
//! styles of other outlets: a wire
//! dispatch, a regional daily, a live blog, an analysis, a radio transcript,
//! a web page with photo captions, "Lire aussi" lines and reader comments,
//! English-influenced wording ("1h30", "90 mn"), and one article about
//! another event (Munich) that names Trump and Putin in passing. Their first
//! run showed what the rules missed (other verbs of saying, "l'Alliance",
//! "une rencontre … en Arabie saoudite", an aside about Biden taken for a
//! participant…); the rules were extended for the language, and these
//! tests keep them so.
//!
//! `tests/fixtures/unseen2/`: another call of the same kind (Trump–Putin,
//! 18 March 2025: `a*`), the Macron–Putin call of 1 July 2025 (`b*`) and two
//! articles on other events that share names (Istanbul talks, NATO summit:
//! `c*`). `tests/fixtures/unseen3/`: the 12 February call again, in Belgian
//! French, an interview, a three-sentence flash, numeric dates, other
//! page furniture, the conditional, and with earlier calls (Helsinki 2018,
//! Biden's last call) in the text. `tests/fixtures/unseen4/`: the
//! Trump–Putin call of 19 May 2025, with two sources that disagree on its
//! length, a correction notice, a four-sentence brief, English quotes and
//! "lundi 19/05". `tests/fixtures/unseen5/`: the 12 February call as sites
//! publish it (menu trails, bylines, paywalls, a live blog, pieces mostly
//! about Hegseth or European reactions, two voices on the length, a
//! Canadian outlet). `tests/fixtures/unseen6/`: ten outlets' ordinary copy
//! on the 12 February call, written as a measurement of coverage.
//! `tests/fixtures/unseen7/`: the Trump–Putin call of 16 October 2025 (a
//! summit in Budapest) in eight outlets, and two articles on other events
//! that week. `tests/fixtures/unseen8/`: a call between two other leaders
//! (Macron–Xi, 6 March 2025) in eight outlets, one of which gives a length
//! the others contradict, and two articles on other events (a Macron–
//! Zelensky meeting, a Trump–Xi call). `tests/fixtures/unseen9/`: the 12
//! February call again, eight articles dense with positions (Hegseth,
//! Trump, the Kremlin, Zelensky, Rutte, Macron, Scholz, Kallas) and traps:
//! questions, hypotheses, past positions, negated cues.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use factpanel::model::{Interval, Kind, Stance, Status};
use factpanel::{analyze, Article, Document};

/// The articles of `tests/fixtures/<dir>` whose file names start with one
/// of `prefixes` (all with `&[""]`), in file name order.
fn articles(dir: &str, prefixes: &[&str]) -> Vec<Article> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .iter()
        .map(|p| (p.file_stem().unwrap().to_str().unwrap().to_string(), p))
        .filter(|(id, _)| prefixes.iter().any(|x| id.starts_with(x)))
        .map(|(id, p)| Article::new(&id, std::fs::read_to_string(p).unwrap()))
        .collect()
}

fn corpus() -> Vec<Article> {
    articles("unseen", &[""])
}

/// The document of all `count` articles of a fixture set, their quotes
/// checked against their offsets.
fn analyzed(dir: &str, count: usize) -> Document {
    let arts = articles(dir, &[""]);
    assert_eq!(arts.len(), count, "{dir}");
    let doc = analyze(&arts).unwrap();
    assert_offsets(&doc, &arts);
    doc
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
    let places = places(m);
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

#[test]
fn another_trump_putin_call_with_two_articles_on_other_events() {
    let arts = articles("unseen2", &["a", "c"]);
    let doc = analyze(&arts).unwrap();
    assert_offsets(&doc, &arts);
    assert_eq!(doc.event.label, "Appel Trump–Poutine");
    assert_eq!(doc.event.date.as_deref(), Some("2025-03-18"));
    let off: Vec<&str> = doc.sources.iter().filter(|s| !s.on_event).map(|s| s.id.as_str()).collect();
    assert_eq!(off, ["c1_istanbul", "c2_lahaye"]);
    let d = fact(&doc, "call_duration/putin+trump");
    assert_eq!(sources(d), set(&["a1_", "a2_", "a3_", "a4_", "a5_"]), "{:#?}", d.claims);
    assert_eq!(d.value.interval(), Some(Interval::exact(150)));
    assert_eq!(d.status, Status::Agreed);
    // "Rappel : ils s'étaient déjà parlé le 12 février" is not this call's date.
    let date = fact(&doc, "call_date/putin+trump");
    assert_eq!(date.status, Status::Agreed, "{:#?}", date.claims);
    // "30 jours", "175 prisonniers" are no call lengths; the exchange is
    // the call's, not Istanbul's.
    assert_eq!(sources(fact(&doc, "prisoner_exchange")), set(&["a1_", "a2_", "a3_", "a4_", "a5_"]));
    assert!(!doc.facts.iter().any(|f| f.id.starts_with("meeting/")), "teams meeting the two camps is no summit");
}

#[test]
fn the_macron_putin_call_alone_and_beside_the_trump_putin_one() {
    let doc = analyze(&articles("unseen2", &["b"])).unwrap();
    assert_eq!(doc.event.label, "Appel Macron–Poutine");
    assert_eq!(doc.event.date.as_deref(), Some("2025-07-01"));
    assert!(fact(&doc, "call_duration/macron+putin")
        .claims
        .iter()
        .any(|c| c.said_by.as_ref().is_some_and(|s| s.as_str() == "elysee")));
    let doc = analyze(&articles("unseen2", &["a", "b"])).unwrap();
    assert_eq!(doc.event.label, "Appel Trump–Poutine");
    assert!(doc.sources.iter().filter(|s| s.id.starts_with('b')).all(|s| !s.on_event));
    assert!(doc.facts.iter().all(|f| !f.id.contains("macron")));
}

#[test]
fn the_first_call_in_other_french() {
    let doc = analyzed("unseen3", 8);
    assert!(doc.sources.iter().all(|s| s.on_event), "the three-sentence flash too");
    assert_eq!(doc.event.date.as_deref(), Some("2025-02-12"), "12/02/2025");
    let d = fact(&doc, "call_duration/putin+trump");
    assert!(sources(d).len() >= 7, "{:#?}", d.claims);
    assert_eq!(d.value.interval(), Some(Interval::exact(90)));
    assert_eq!(d.status, Status::Agreed, "Helsinki's two hours are not this call's");
    // Biden's last call is another call, with its own pair.
    assert!(doc.facts.iter().any(|f| f.id == "call_duration/biden+putin"));
    // "…les propos de Pete Hegseth, qui avait jugé que …" is Hegseth's.
    let nato = fact(&doc, "stance/hegseth/ukraine_nato_membership");
    assert!(nato.claims.iter().any(|c| c.source == "a4_acteurs"), "{:#?}", nato.claims);
    // "significatif" and "significative" agree.
    assert_eq!(fact(&doc, "call_characterization/trump+zelensky/zelensky").status, Status::Agreed);
    let quotes: Vec<&str> = doc.facts.iter().flat_map(|f| &f.claims).map(|c| c.quote.as_str()).collect();
    assert!(quotes.iter().all(|q| !q.contains("Réagir") && !q.contains("Partager")), "{quotes:#?}");
}

#[test]
fn a_real_disagreement_on_the_length_is_disputed() {
    let doc = analyzed("unseen4", 7);
    assert_eq!(doc.event.date.as_deref(), Some("2025-05-19"));
    let d = fact(&doc, "call_duration/putin+trump");
    assert_eq!(d.status, Status::Disputed, "{:#?}", d.claims);
    let disputing: Vec<&str> = d
        .claims
        .iter()
        .filter(|c| c.agreement == factpanel::model::Agreement::Disputes)
        .map(|c| c.source.as_str())
        .collect();
    assert_eq!(disputing, ["a3_trois_heures"], "« aurait duré près de trois heures »");
    // The correction notice gives the corrected figure only.
    let fix = d.claims.iter().find(|c| c.source == "a5_rectificatif").unwrap();
    assert_eq!(fix.agreement, factpanel::model::Agreement::Compatible, "{fix:#?}");
    assert!(fact(&doc, "negotiations/putin+trump").claims.len() >= 4);
}

#[test]
fn two_voices_on_the_length_in_one_article() {
    let doc = analyzed("unseen5", 8);
    assert!(doc.sources.iter().all(|s| s.on_event), "pieces mostly about Hegseth or Europe state call facts too");
    let d = fact(&doc, "call_duration/putin+trump");
    assert_eq!(sources(d).len(), 8, "{:#?}", d.claims);
    assert_eq!(d.status, Status::Agreed);
    let voices: Vec<Option<&str>> = d
        .claims
        .iter()
        .filter(|c| c.source == "a6_durations")
        .map(|c| c.said_by.as_ref().map(|s| s.as_str()))
        .collect();
    assert_eq!(
        voices,
        [Some("kremlin"), Some("trump")],
        "« près d'une heure et demie » selon le Kremlin, « plus d'une heure » selon Trump"
    );
    // "les dirigeants américain et russe" are Trump and Putin.
    let z = fact(&doc, "call_duration/trump+zelensky");
    assert!(z.claims.iter().all(|c| c.source != "a5_europe"), "{:#?}", z.claims);
    assert_ne!(z.status, Status::Disputed);
}

#[test]
fn ten_outlets_ordinary_copy() {
    let doc = analyzed("unseen6", 10);
    assert!(doc.sources.iter().all(|s| s.on_event));
    // How many of the ten articles each fact is read from (what they state:
    // all ten give the date, the negotiations and Fogel; nine the length…).
    let n = |id: &str| sources(fact(&doc, id)).len();
    for (id, at_least) in [
        ("call_date/putin+trump", 10),
        ("negotiations/putin+trump", 10),
        ("prisoner_release/marc_fogel", 10),
        ("meeting/putin+trump", 10),
        ("call_duration/putin+trump", 9),
        ("stance/hegseth/ukraine_pre2014_borders", 9),
        ("stance/hegseth/ukraine_nato_membership", 7),
        ("prisoner_release/alexander_vinnik", 7),
        ("stance/kremlin/ukraine_nato_membership", 6),
        ("prisoner_exchange", 6),
        ("call_characterization/trump+zelensky/zelensky", 5),
        ("call_duration/trump+zelensky", 4),
    ] {
        assert!(n(id) >= at_least, "{id}: {} sources, expected at least {at_least}", n(id));
    }
    for f in &doc.facts {
        assert_ne!(f.status, Status::Disputed, "{}: {:#?}", f.id, f.claims);
    }
    let d = fact(&doc, "call_duration/putin+trump");
    assert_eq!(d.value.interval(), Some(Interval::exact(90)));
}

#[test]
fn the_october_call_and_its_budapest_summit() {
    let doc = analyzed("unseen7", 10);
    assert_eq!(doc.event.label, "Appel Trump–Poutine");
    assert_eq!(doc.event.date.as_deref(), Some("2025-10-16"));
    assert_eq!(off_event(&doc), ["09_", "10_"]);
    // A headline's "deux heures au téléphone" gives way to the body's "plus
    // de deux heures": no dispute with "2h30".
    let d = fact(&doc, "call_duration/putin+trump");
    assert_eq!(sources(d).len(), 8, "{:#?}", d.claims);
    assert_eq!(d.status, Status::Agreed, "{:#?}", d.claims);
    assert_eq!(d.value.interval(), Some(Interval::exact(150)));
    let m = fact(&doc, "meeting/putin+trump");
    assert!(sources(m).len() >= 7, "{:#?}", m.claims);
    assert_eq!(places(m), ["budapest"]);
    // "a jugé « très productif » son échange", "qualifiant l'échange de …".
    assert!(sources(fact(&doc, "call_characterization/putin+trump/trump")).len() >= 7);
}

#[test]
fn a_call_between_two_other_leaders() {
    let doc = analyzed("unseen8", 10);
    assert_eq!(doc.event.date.as_deref(), Some("2025-03-06"));
    assert_eq!(off_event(&doc), ["09_", "10_"]);
    // "une quarantaine de minutes" against "1 h 45": a real dispute.
    let d = fact(&doc, "call_duration/macron+xi");
    assert_eq!(sources(d).len(), 8, "{:#?}", d.claims);
    assert_eq!(d.status, Status::Disputed, "{:#?}", d.claims);
    // "se sont donné rendez-vous à Pékin", "entendus pour se revoir à Pékin",
    // "la promesse d'un sommet à Pékin".
    let m = fact(&doc, "meeting/macron+xi");
    assert_eq!(sources(m).len(), 8, "{:#?}", m.claims);
    assert_eq!(places(m), ["beijing"]);
    // "qualifié de « franc et constructif » par l'Élysée", "que l'Élysée a
    // présenté comme …", "jugé « constructif » par la présidence française":
    // the Élysée's words, whole.
    let c = fact(&doc, "call_characterization/macron+xi/elysee");
    assert!(sources(c).len() >= 4, "{:#?}", c.claims);
    assert_eq!(c.value.term.as_deref(), Some("franc et constructif"));
    // "Il s'agit de leur premier entretien depuis le retour de Donald Trump
    // …, le 20 janvier": no call with Trump on that date.
    let dates: Vec<&str> = doc.facts.iter().filter(|f| f.kind == Kind::CallDate).map(|f| f.id.as_str()).collect();
    assert!(!dates.iter().any(|id| id.contains("macron+trump")), "{dates:?}");
    assert_eq!(sources(fact(&doc, "call_date/macron+xi")).len(), 7);
}

#[test]
fn near_two_hours_is_compatible_with_one_hour_forty_five() {
    let arts = articles("unseen8", &["01", "02", "04", "05", "06", "07", "08"]);
    let doc = analyze(&arts).unwrap();
    let d = fact(&doc, "call_duration/macron+xi");
    assert_eq!(sources(d).len(), 7, "{:#?}", d.claims);
    assert_eq!(d.status, Status::Agreed, "{:#?}", d.claims);
    assert_eq!(d.value.interval(), Some(Interval::exact(105)));
}

#[test]
fn positions_and_their_traps() {
    let doc = analyzed("unseen9", 8);
    let stance = |id: &str| fact(&doc, id);
    assert!(sources(stance("stance/hegseth/ukraine_nato_membership")).len() >= 5);
    assert!(sources(stance("stance/hegseth/ukraine_pre2014_borders")).len() >= 6);
    assert!(sources(stance("stance/kremlin/ukraine_nato_membership")).len() >= 5);
    // "Il souhaite toujours que son pays rejoigne l'OTAN et refuse d'envisager
    // toute cession de territoire": the refusal is about territory.
    let z = stance("stance/zelensky/ukraine_nato_membership");
    assert_eq!((z.status, z.value.position), (Status::Agreed, Some(Stance::Supports)), "{:#?}", z.claims);
    assert!(sources(z).len() >= 3);
    // "une adhésion n'était « pas exclue »", "il n'exclut pas une adhésion":
    // not excluding is no opposition.
    for f in doc.facts.iter().filter(|f| f.kind == Kind::Stance) {
        for c in &f.claims {
            let excl = c.quote.contains("exclu");
            assert!(!(excl && c.value.position == Some(Stance::Opposed)), "{}: {}", f.id, c.quote);
        }
    }
    // "Sous Joe Biden, Washington jugeait … « inévitable »": the Biden
    // administration's position, not the current government's.
    let biden = stance("stance/biden_administration/ukraine_nato_membership");
    assert!(sources(biden).len() >= 3, "{:#?}", biden.claims);
    let current = doc.facts.iter().find(|f| f.id == "stance/united_states/ukraine_nato_membership");
    assert!(current.is_none_or(|f| f.claims.iter().all(|c| !c.quote.contains("Sous Joe Biden"))), "{current:#?}");
    let macron_opposed =
        doc.facts.iter().any(|f| f.id.starts_with("stance/macron/") && f.value.position == Some(Stance::Opposed));
    assert!(!macron_opposed, "Macron does not exclude it");
}
