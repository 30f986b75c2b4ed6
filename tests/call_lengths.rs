//! A call's length in more French wordings (compact figures, the
//! pluperfect, "après … d'une conversation", a call named only "l'échange"
//! under a title naming the pair) and lengths that are not the call's.
//! Sentences written for these tests.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use factpanel::model::{Interval, Kind, Minutes, Status};
use factpanel::{analyze, Article};

fn art(id: &str, text: &str) -> Article {
    Article::new(id, text)
}

const LENGTH: &str = "call_duration/erdogan+starmer";

#[test]
fn three_wordings_of_one_length_agree() {
    let arts = [
        art("a", "Le Premier ministre britannique et le président turc se sont entretenus durant 2h30, selon Londres."),
        art(
            "b",
            "Après plus de deux heures d'une conversation parfois vive, Keir Starmer et Recep Tayyip Erdogan \
             ont annoncé une réunion de leurs ministres.",
        ),
        art("c", "Keir Starmer et Recep Tayyip Erdogan s'étaient entretenus deux heures et demie, a rappelé Ankara."),
    ];
    let doc = analyze(&arts).unwrap();
    assert_offsets(&doc, &arts);
    let f = fact(&doc, LENGTH);
    assert_eq!(sources(f).len(), 3, "{:#?}", f.claims);
    assert_eq!(f.value.interval(), Some(Interval::exact(150)));
    assert_eq!(f.status, Status::Agreed);
    let b = f.claims.iter().find(|c| c.source == "b").unwrap();
    assert_eq!(b.value.interval(), Some(Interval { min: Some(Minutes(120)), max: None }));
}

#[test]
fn the_exchange_named_under_a_title_that_names_the_pair() {
    // The pair only in the title given with the article.
    let titled = Article {
        title: Some("Starmer et Erdogan se parlent au téléphone".into()),
        ..art("a", "L'échange a duré plus de deux heures. Il a porté sur la Syrie et la mer Noire.")
    };
    // The pair only in the headline, five sentences up.
    let headline = art(
        "b",
        "Starmer et Erdogan au téléphone\nLondres veut relancer le dialogue. Ankara se montre prudent. \
         Les chancelleries observent. Les marchés aussi. L'échange a duré plus de deux heures.",
    );
    for a in [titled, headline] {
        let doc = analyze(std::slice::from_ref(&a)).unwrap();
        let f = fact(&doc, LENGTH);
        assert_eq!(f.value.interval(), Some(Interval { min: Some(Minutes(120)), max: None }), "{}", a.id);
    }
    // A sentence that names someone outside the title's pair is not theirs.
    let other = Article {
        title: Some("Starmer et Erdogan se parlent au téléphone".into()),
        ..art("c", "Emmanuel Macron a salué l'initiative. Son échange avec Giorgia Meloni a duré une heure.")
    };
    let doc = analyze(&[other]).unwrap();
    assert!(doc.facts.iter().all(|f| f.kind != Kind::CallDuration), "{:#?}", doc.facts);
}

#[test]
fn lengths_that_are_not_the_call_s() {
    for text in [
        "Keir Starmer a appelé Recep Tayyip Erdogan. Après la conversation, sa déclaration aux journalistes \
         a duré quatre minutes.",
        "Keir Starmer et Recep Tayyip Erdogan ont échangé une heure plus tard que prévu.",
        "Keir Starmer et Recep Tayyip Erdogan se sont parlé deux heures après l'annonce de l'accord.",
        "Le coup de fil entre Keir Starmer et Recep Tayyip Erdogan a commencé avec une heure de retard.",
        "Keir Starmer et Recep Tayyip Erdogan se sont parlé de 16h à 18h.",
        "Au téléphone, Keir Starmer et Recep Tayyip Erdogan ont évoqué un cessez-le-feu de 30 jours.",
        "Keir Starmer a demandé au téléphone à Recep Tayyip Erdogan de suspendre les frappes pendant trois heures.",
        "Au téléphone, Keir Starmer a exigé de Recep Tayyip Erdogan un accord en 24 heures.",
        "Au téléphone, Keir Starmer a exigé de Recep Tayyip Erdogan une réponse dans les 24 heures.",
        "Keir Starmer et Recep Tayyip Erdogan sont depuis une heure au téléphone.",
        "Keir Starmer et Recep Tayyip Erdogan ont eu leur premier échange depuis six mois.",
    ] {
        let doc = analyze(&[art("a", text)]).unwrap();
        assert!(doc.facts.iter().all(|f| f.kind != Kind::CallDuration), "{text}\n{:#?}", doc.facts);
    }
}

#[test]
fn a_veto_stays_in_its_clause() {
    // The statement is an aside: the length is the call's.
    let doc = analyze(&[art(
        "a",
        "Keir Starmer a appelé Recep Tayyip Erdogan. La conversation, suivie d'une brève déclaration, a duré une heure.",
    )])
    .unwrap();
    assert_eq!(fact(&doc, LENGTH).value.interval(), Some(Interval::exact(60)));
    // "en deux heures de conversation" measures the call.
    let doc = analyze(&[art(
        "a",
        "En deux heures de conversation, Keir Starmer et Recep Tayyip Erdogan ont fait le tour des dossiers.",
    )])
    .unwrap();
    assert_eq!(fact(&doc, LENGTH).value.interval(), Some(Interval::exact(120)));
}
