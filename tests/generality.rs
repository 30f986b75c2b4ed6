//! Articles written for these tests, in other words than the seeds: the
//! rules must describe the language, not the seed texts.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use factpanel::model::{Interval, Minutes, Stance, Status};
use factpanel::{analyze, Article};

fn art(id: &str, text: &str) -> Article {
    Article::new(id, text)
}

fn corpus() -> Vec<Article> {
    vec![
        art(
            "lemonde",
            "Trump et Poutine se parlent au téléphone\n\
             Le président américain Donald Trump et son homologue russe Vladimir Poutine se sont entretenus mercredi. \
             L’entretien a duré une heure trente, a précisé la Maison Blanche. \
             Les deux dirigeants sont convenus de lancer des pourparlers sans délai. \
             Le chef du Pentagone a jugé « irréaliste » l’adhésion de l’Ukraine à l’Alliance atlantique.",
        ),
        art(
            "liberation",
            "Moscou salue un appel « constructif »\n\
             Vladimir Poutine et Donald Trump ont discuté pendant près de 90 minutes, selon Dmitri Peskov. \
             Les deux présidents se rencontreront « probablement » en Arabie saoudite, selon le porte-parole du Kremlin. \
             Pour Pete Hegseth, un retour aux frontières d’avant 2014 relève de l’objectif illusoire.",
        ),
        art(
            "ouestfrance",
            "Un appel de quatre-vingt-dix minutes\n\
             Donald Trump a échangé durant quatre-vingt-dix minutes avec Vladimir Poutine. \
             Le secrétaire américain à la Défense Pete Hegseth a estimé que l’entrée de l’Ukraine dans l’OTAN n’était pas réaliste.",
        ),
    ]
}

#[test]
fn other_wordings_give_the_same_facts() {
    let arts = corpus();
    let doc = analyze(&arts).unwrap();
    assert_offsets(&doc, &arts);
    let d = fact(&doc, "call_duration/putin+trump");
    assert_eq!(sources(d).len(), 3, "{:#?}", d.claims);
    assert_eq!(d.value.interval(), Some(Interval::exact(90)));
    assert_eq!(d.status, Status::Agreed);
    let lm = d.claims.iter().find(|c| c.source == "lemonde").unwrap();
    assert_eq!(lm.said_by.as_ref().map(|s| s.as_str()), Some("united_states"));
    let lib = d.claims.iter().find(|c| c.source == "liberation").unwrap();
    assert_eq!(lib.said_by.as_ref().map(|s| s.as_str()), Some("kremlin"));
    assert!(lib.value.interval().unwrap().max == Some(Minutes(90)));
    let nato = fact(&doc, "stance/hegseth/ukraine_nato_membership");
    assert_eq!(nato.value.position, Some(Stance::Unrealistic));
    assert_eq!(nato.claims.len(), 2);
    assert_eq!(fact(&doc, "stance/hegseth/ukraine_pre2014_borders").value.position, Some(Stance::Unrealistic));
    assert!(doc.facts.iter().any(|f| f.id == "negotiations/putin+trump"));
    let m = fact(&doc, "meeting/putin+trump");
    assert_eq!(m.value.place.clone().flatten().map(|p| p.0), Some("saudi_arabia".to_string()));
    assert_eq!(doc.event.label, "Appel Trump–Poutine");
}

#[test]
fn a_contradiction_is_disputed() {
    let mut arts = corpus();
    arts.push(art("tabloid", "Donald Trump a eu un appel de deux heures avec Vladimir Poutine."));
    let doc = analyze(&arts).unwrap();
    let d = fact(&doc, "call_duration/putin+trump");
    assert_eq!(d.status, Status::Disputed);
    assert_eq!(d.value.interval(), Some(Interval::exact(90)), "the larger consistent group gives the value");
    let t = d.claims.iter().find(|c| c.source == "tabloid").unwrap();
    assert_eq!(t.agreement, factpanel::model::Agreement::Disputes);
}

#[test]
fn an_article_about_another_event_is_set_aside() {
    let mut arts = corpus();
    arts.push(art(
        "autre",
        "Istanbul accueille des pourparlers directs\n\
         Emmanuel Macron et Friedrich Merz réclament un cessez-le-feu de trente jours avant toute négociation. \
         Volodymyr Zelensky se dit prêt à se rendre à Istanbul jeudi. \
         La trêve durerait trente jours, selon les Européens.",
    ));
    let doc = analyze(&arts).unwrap();
    let other = doc.sources.iter().find(|s| s.id == "autre").unwrap();
    assert!(!other.on_event, "{other:?}");
    assert!(other.note.as_deref().unwrap().contains("Istanbul"));
    assert!(doc.sources.iter().filter(|s| s.id != "autre").all(|s| s.on_event));
    assert!(doc.facts.iter().flat_map(|f| &f.claims).all(|c| c.source != "autre"));
}

#[test]
fn durations_that_are_not_calls_stay_out() {
    let doc = analyze(&[art(
        "a",
        "Les Européens exigent un cessez-le-feu d'une durée de trente jours. \
         Moins de 24 heures avant cette déclaration, Donald Trump avait parlé avec Vladimir Poutine. \
         Marc Fogel avait été condamné à 14 ans de prison. La guerre dure depuis près de trois ans.",
    )])
    .unwrap();
    assert!(doc.facts.iter().all(|f| f.kind != factpanel::model::Kind::CallDuration), "{:#?}", doc.facts);
}

#[test]
fn more_wordings_dates_places_agents() {
    let arts = vec![
        art(
            "a",
            "Le président des États-Unis a téléphoné mercredi 12 février à Vladimir Poutine. \
             Selon le Kremlin, la conversation, qui a duré près d'une heure et demie, a porté sur l'Ukraine. \
             Dmitri Peskov a indiqué que Moscou s'opposait à l'adhésion de l'Ukraine à l'OTAN. \
             Donald Trump a ensuite appelé Volodymyr Zelensky pendant environ 45 minutes.",
        ),
        art(
            "b",
            "Donald Trump et Vladimir Poutine se sont parlé pendant une heure et demie, a annoncé la Maison Blanche. \
             « Nous avons convenu de nous rencontrer », a écrit le président américain, évoquant l'Arabie saoudite. \
             Selon l'AFP, l'Américain Marc Fogel a été libéré par la Russie mardi.",
        ),
        art(
            "c",
            "C'est une conversation téléphonique d'environ une heure trente qu'ont eue mercredi Donald Trump et Vladimir Poutine. \
             Le chef du Kremlin a invité le président américain à se rendre à Moscou.",
        ),
    ];
    let doc = analyze(&arts).unwrap();
    assert_offsets(&doc, &arts);
    let d = fact(&doc, "call_duration/putin+trump");
    assert_eq!(sources(d).len(), 3);
    assert_eq!(d.value.interval(), Some(Interval::exact(90)));
    let date = fact(&doc, "call_date/putin+trump");
    let parts = date.value.parts.unwrap();
    assert_eq!((parts.month, parts.day, parts.weekday), (Some(2), Some(12), Some(3)));
    assert_eq!(fact(&doc, "stance/kremlin/ukraine_nato_membership").value.position, Some(Stance::Opposed));
    let z = fact(&doc, "call_duration/trump+zelensky");
    assert!(z.value.interval().unwrap().min.unwrap().0 < 45 && z.value.interval().unwrap().max.unwrap().0 > 45);
    let m = fact(&doc, "meeting/putin+trump");
    let places = places(m);
    assert_eq!(places, vec!["moscow", "saudi_arabia"]);
    let f = fact(&doc, "prisoner_release/marc_fogel");
    assert_eq!(f.value.released_by.as_ref().unwrap().as_str(), "kremlin");
    assert_eq!(f.claims[0].said_by.as_ref().unwrap().as_str(), "afp");
}

fn macron_putin() -> [Article; 2] {
    [
        art(
            "agence",
            "Macron et Poutine renouent le contact\n\
             Emmanuel Macron s'est entretenu mardi 1er juillet 2025 avec Vladimir Poutine pendant environ deux heures, a annoncé l'Élysée. \
             Le président français a plaidé pour un cessez-le-feu en Ukraine « dans les plus brefs délais ».",
        ),
        art(
            "quotidien",
            "Deux heures au téléphone entre Paris et Moscou\n\
             Le chef de l'État français et Vladimir Poutine ont discuté deux heures, le 1er juillet, selon un communiqué de l'Élysée. \
             L'appel de 10h a été suivi d'un Conseil de défense. \
             Les deux présidents s'étaient parlé pour la dernière fois le 11 septembre 2022. \
             Un échange de 84 prisonniers avait eu lieu la veille entre Moscou et Kiev.",
        ),
    ]
}

#[test]
fn another_call_of_the_same_kind() {
    // Another pair of leaders, another date, other wordings: nothing here
    // is about the seeds' call.
    let arts = macron_putin();
    let doc = analyze(&arts).unwrap();
    assert_offsets(&doc, &arts);
    assert_eq!(doc.event.label, "Appel Macron–Poutine");
    let d = fact(&doc, "call_duration/macron+putin");
    assert_eq!(sources(d).len(), 2, "{:#?}", d.claims);
    // "environ deux heures" beside "deux heures": one precise source.
    assert_eq!(d.status, Status::Compatible, "{:#?}", d.claims);
    assert_eq!(d.value.interval(), Some(Interval::exact(120)));
    assert!(d.claims.iter().all(|c| c.said_by.as_ref().map(|s| s.as_str()) == Some("elysee")), "{:#?}", d.claims);
    // "L'appel de 10h" is a clock time, not a ten-hour call.
    assert!(d.claims.iter().all(|c| c.value.interval().unwrap().max <= Some(factpanel::model::Minutes(132))));
    let date = fact(&doc, "call_date/macron+putin");
    assert_eq!(date.value.date.as_deref(), Some("2025-07-01"), "{:#?}", date.claims);
    // Their previous call is another call, not a dispute about this one's date.
    assert_eq!(date.status, Status::Agreed, "{:#?}", date.claims);
    assert!(date.claims.iter().all(|c| !c.quote.contains("2022")), "{:#?}", date.claims);
    assert!(doc.facts.iter().any(|f| f.id == "prisoner_exchange"), "« un échange de 84 prisonniers »");
}

#[test]
fn two_articles_on_another_call_are_both_set_aside() {
    // Two sources on another call share names, a prisoner exchange and a
    // ceasefire with the main event: they still report another call.
    let mut arts = corpus();
    arts.extend(macron_putin());
    let doc = analyze(&arts).unwrap();
    assert_eq!(doc.event.label, "Appel Trump–Poutine");
    for id in ["agence", "quotidien"] {
        let s = doc.sources.iter().find(|s| s.id == id).unwrap();
        assert!(!s.on_event, "{s:?}");
        assert!(s.note.as_deref().unwrap().contains("Appel Macron–Poutine"), "{s:?}");
    }
    assert!(doc.sources.iter().filter(|s| s.on_event).count() == 3);
    assert!(
        doc.facts.iter().all(|f| !f.id.contains("macron")),
        "{:?}",
        doc.facts.iter().map(|f| &f.id).collect::<Vec<_>>()
    );
    // One article on each call: nothing says which is the main one, both stay.
    let pair = [corpus().remove(0), macron_putin()[0].clone()];
    assert!(analyze(&pair).unwrap().sources.iter().all(|s| s.on_event));
}

#[test]
fn a_kicker_keeps_its_headline() {
    let doc = analyze(&[art(
        "live",
        "DIRECT. Trump et Poutine au téléphone : suivez les réactions\n\
         Donald Trump et Vladimir Poutine se sont parlé pendant deux heures mardi.",
    )])
    .unwrap();
    assert_eq!(doc.sources[0].title, "DIRECT. Trump et Poutine au téléphone : suivez les réactions");
    let doc = analyze(&[art(
        "q",
        "Une heure et demie ou « plus d'une heure » ? Ce que l'on sait de l'appel\n\
         Donald Trump et Vladimir Poutine se sont parlé mercredi.",
    )])
    .unwrap();
    assert_eq!(doc.sources[0].title, "Une heure et demie ou « plus d'une heure » ? Ce que l'on sait de l'appel");
}

#[test]
fn a_short_flash_on_the_call_is_not_set_aside() {
    // Three sentences share little with long articles, but they report the
    // same call.
    let mut arts = corpus();
    arts.push(art(
        "flash",
        "Appel Trump-Poutine : une heure trente de conversation\n\
         FLASH - Donald Trump et Vladimir Poutine se sont parlé au téléphone ce mercredi. \
         Suite à venir.",
    ));
    let doc = analyze(&arts).unwrap();
    assert!(doc.sources.iter().all(|s| s.on_event), "{:?}", doc.sources);
    assert!(fact(&doc, "call_date/putin+trump").claims.iter().any(|c| c.source == "flash"));
}

#[test]
fn a_source_that_only_names_the_pair_and_the_call_is_not_set_aside() {
    // No fact, no date: only the two leaders and "a phone call", which
    // every source has. Nothing in it points to another event.
    let mut arts = corpus();
    arts.push(art(
        "echo",
        "Un échange important\n\
         Donald Trump et Vladimir Poutine ont eu une conversation téléphonique décisive, selon les observateurs. \
         Les marchés attendent désormais des gestes concrets de part et d'autre.",
    ));
    let doc = analyze(&arts).unwrap();
    let echo = doc.sources.iter().find(|s| s.id == "echo").unwrap();
    assert!(echo.on_event, "{echo:?}");
}

#[test]
fn a_position_in_a_relative_clause_is_its_antecedent_s() {
    let doc = analyze(&[art(
        "a",
        "Moscou a salué les propos de Pete Hegseth, qui avait jugé la veille que l'entrée de Kiev dans l'Alliance n'était pas réaliste.",
    )])
    .unwrap();
    let ids: Vec<&str> = doc.facts.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["stance/hegseth/ukraine_nato_membership"]);
}

#[test]
fn a_numeric_date_inside_a_pattern_s_gap() {
    // "/" is no sentence end: "lundi 19/05" sits in the gap of
    // "@call_verb ..8 pendant @duration".
    let doc = analyze(&[art(
        "a",
        "Trump et Poutine se parlent\n\
         Les présidents américain et russe ont échangé lundi 19/05 pendant deux heures, selon Moscou.",
    )])
    .unwrap();
    let d = fact(&doc, "call_duration/putin+trump");
    assert!(d.claims[0].quote.contains("19/05"), "{:#?}", d.claims);
    let date = fact(&doc, "call_date/putin+trump").value.parts.unwrap();
    assert_eq!((date.day, date.month, date.weekday), (Some(19), Some(5), Some(1)));
}

#[test]
fn questions_state_nothing() {
    let doc = analyze(&[art(
        "faq",
        "L'appel Trump-Poutine en questions\n\
         Donald Trump et Vladimir Poutine se sont parlé mercredi. \
         Les deux présidents vont-ils se rencontrer à Moscou ? Ce n'est pas certain. \
         Les négociations vont-elles commencer immédiatement ? \
         Combien de temps a duré l'appel ? Près d'une heure et demie, d'après le Kremlin.",
    )])
    .unwrap();
    let ids: Vec<&str> = doc.facts.iter().map(|f| f.id.as_str()).collect();
    assert!(!ids.iter().any(|id| id.starts_with("meeting/") || id.starts_with("negotiations/")), "{ids:?}");
    assert!(doc.facts.iter().flat_map(|f| &f.claims).all(|c| !c.quote.ends_with('?')), "{ids:?}");
}

#[test]
fn yesterday_counts_from_the_publication_date() {
    let mut a =
        art("a", "Trump et Poutine\nDonald Trump et Vladimir Poutine ont eu hier un long entretien téléphonique.");
    a.published = Some("2025-02-13T06:30:00+01:00".into());
    let mut b = art("b", "Deux jours après\nAvant-hier, Donald Trump a parlé avec Vladimir Poutine au téléphone.");
    b.published = Some("2025-02-14".into());
    let doc = analyze(&[a, b]).unwrap();
    let date = fact(&doc, "call_date/putin+trump");
    assert_eq!(date.value.date.as_deref(), Some("2025-02-12"), "{:#?}", date.claims);
    assert_eq!(sources(date).len(), 2);
    assert_eq!(date.status, Status::Agreed);
    // Without a publication date, "hier" gives no date.
    let doc =
        analyze(&[art("c", "Donald Trump et Vladimir Poutine ont eu hier un long entretien téléphonique.")]).unwrap();
    assert!(!doc.facts.iter().any(|f| f.id.starts_with("call_date/")));
}

#[test]
fn names_joined_by_a_hyphen_are_both_named() {
    let doc = analyze(&[art(
        "a",
        "Appel Trump-Poutine : 90 minutes au téléphone\n\
         Le locataire de la Maison Blanche a parlé mercredi avec le maître du Kremlin.",
    )])
    .unwrap();
    let d = fact(&doc, "call_duration/putin+trump");
    assert_eq!(d.value.interval(), Some(Interval::exact(90)), "{:#?}", d.claims);
}

#[test]
fn a_list_of_links_is_not_read() {
    let doc = analyze(&[art(
        "a",
        "Trump et Poutine se parlent\n\
         Donald Trump et Vladimir Poutine se sont parlé pendant une heure et demie mercredi.\n\
         Sur le même sujet\n\
         Ce que l'on sait de l'échange de prisonniers entre Moscou et Washington\n\
         Qui est Marc Fogel, l'Américain libéré par la Russie ?\n\
         Les deux présidents sont convenus de se rendre visite.",
    )])
    .unwrap();
    let ids: Vec<&str> = doc.facts.iter().map(|f| f.id.as_str()).collect();
    assert!(!ids.iter().any(|id| id.starts_with("prisoner_")), "{ids:?}");
    // The list ends at the first line that ends like a sentence.
    assert!(ids.contains(&"meeting/putin+trump"), "{ids:?}");
}

#[test]
fn names_a_preposition_governs_are_no_subject_and_unknown_agents_are_not_guessed() {
    // "entre Donald Trump et Vladimir Poutine": Putin is no subject, so the
    // next sentence's "il" is Hegseth.
    let doc = analyze(&[art(
        "a",
        "Quelques heures avant l'appel entre Donald Trump et Vladimir Poutine, mercredi, le secrétaire américain à la Défense Pete Hegseth a parlé à Bruxelles. \
         Devant les alliés, il a jugé « irréaliste » l'adhésion de l'Ukraine à l'Otan.",
    )])
    .unwrap();
    let ids: Vec<&str> = doc.facts.iter().map(|f| f.id.as_str()).collect();
    assert!(ids.contains(&"stance/hegseth/ukraine_nato_membership"), "{ids:?}");
    assert!(!ids.iter().any(|id| id.starts_with("stance/putin")), "{ids:?}");
    // "libéré par l'Ukraine": an agent the rules do not know is not replaced
    // by a guess from the prisoner's nationality.
    let doc = analyze(&[art("b", "L'enseignant américain Marc Fogel a été libéré par l'Ukraine.")]).unwrap();
    assert_eq!(fact(&doc, "prisoner_release/marc_fogel").value.released_by, None);
}

/// Four articles on a call between two leaders no pack lists, on Thursday
/// 6 March 2025, with their publication lines; a fifth, published two
/// months later, reports a call of the same two without dating it and
/// gives another length: it is about a later call, set aside with a note
/// giving both days, and its length stays out of the fact. The same
/// article published two days after the call stays on the event.
#[test]
fn an_undated_call_in_an_article_published_long_after_is_another_call() {
    let call = |id: &str, published: &str, body: &str| {
        let mut a = Article::new(id, body);
        a.published = Some(published.into());
        a
    };
    let on_day = [
        call(
            "a",
            "2025-03-06",
            "Virtanen et Sardinha au téléphone\nLa présidente finlandaise Aino Virtanen s'est entretenue jeudi 6 mars \
             avec le Premier ministre portugais Rui Sardinha. L'appel a duré quarante minutes, selon Helsinki.",
        ),
        call(
            "b",
            "2025-03-06",
            "Appel Helsinki-Lisbonne\nAino Virtanen et Rui Sardinha ont eu un entretien téléphonique de quarante \
             minutes le 6 mars, consacré à la pêche et à l'énergie.",
        ),
        call(
            "c",
            "2025-03-07",
            "Énergie : Lisbonne et Helsinki se parlent\nLa présidente finlandaise Aino Virtanen et le Premier ministre \
             portugais Rui Sardinha se sont parlé jeudi au téléphone pendant environ quarante minutes.",
        ),
        call(
            "d",
            "2025-03-06",
            "Un appel sur la pêche\nRui Sardinha, le Premier ministre portugais, a appelé jeudi la présidente \
             finlandaise Aino Virtanen. Leur conversation a duré une quarantaine de minutes.",
        ),
    ];
    let later = "Nouvel échange entre Virtanen et Sardinha\nLa présidente finlandaise Aino Virtanen et le Premier \
                 ministre portugais Rui Sardinha se sont de nouveau entretenus au téléphone. La conversation a duré \
                 plus de deux heures, selon Lisbonne.";
    let mut arts = on_day.to_vec();
    arts.push(call("x", "2025-05-12", later));
    let doc = analyze(&arts).unwrap();
    assert_eq!(doc.event.date.as_deref(), Some("2025-03-06"));
    let x = doc.sources.iter().find(|s| s.id == "x").unwrap();
    assert!(!x.on_event, "published two months later, about an undated call");
    let note = x.note.as_deref().unwrap_or("");
    assert!(note.contains("12 mai 2025") && note.contains("6 mars 2025"), "{note}");
    let length = doc.facts.iter().find(|f| f.id.starts_with("call_duration/")).expect("a length");
    assert!(length.claims.iter().all(|c| c.source != "x"), "its length stays out");
    // Two days after the call, the same article reports that call.
    let mut arts = on_day.to_vec();
    arts.push(call("x", "2025-03-08", later));
    let doc = analyze(&arts).unwrap();
    assert!(doc.sources.iter().find(|s| s.id == "x").unwrap().on_event, "two days later: the same call");
}

/// Both parties as the subject of a characterization ("Meloni and Merz
/// had a 'constructive' talk", « les deux dirigeants ont eu un échange
/// constructif »): the article describes the call, so the claim has no
/// actor, and two such sources agree. A party alone as the subject is
/// that party's word.
#[test]
fn both_parties_as_the_subject_describe_the_call_together() {
    let arts = [
        art("a", "Giorgia Meloni and Friedrich Merz had a “constructive” phone call on Tuesday about energy prices."),
        art("b", "Les deux dirigeants, Giorgia Meloni et Friedrich Merz, se sont parlé mardi. Ils ont eu un échange téléphonique « constructif », selon Rome."),
        art("c", "Meloni described her call with Merz on Tuesday as constructive."),
    ];
    let doc = analyze(&arts).unwrap();
    let chars: Vec<_> = doc.facts.iter().filter(|f| f.kind == factpanel::model::Kind::CallCharacterization).collect();
    let joint = chars.iter().find(|f| f.subject.actor.is_none()).expect("a joint characterization");
    let sources: Vec<&str> = joint.claims.iter().map(|c| c.source.as_str()).collect();
    assert_eq!(sources, ["a", "b"], "{chars:#?}");
    assert!(matches!(joint.value.term.as_deref(), Some("constructive" | "constructif")), "{joint:#?}");
    let meloni = chars.iter().find(|f| f.subject.actor.is_some()).expect("Meloni's own word");
    assert_eq!(meloni.subject.actor.as_ref().map(|a| a.as_str()), Some("meloni"));
    assert_eq!(meloni.claims.len(), 1);
}

/// A dateline's date is the dispatch's: the call's day is the weekday
/// the sentence gives, counted back from it.
#[test]
fn a_dateline_date_is_not_the_call_date() {
    for (text, day) in [
        ("ROME, 14 mars 2025 (AFP) - Giorgia Meloni s'est entretenue jeudi avec Friedrich Merz, a indiqué le Palazzo Chigi.", 13),
        ("BERLIN, March 18, 2025 (Reuters) - Friedrich Merz spoke with Giorgia Meloni on Monday, his office said.", 17),
    ] {
        let doc = analyze(&[art("a", text)]).unwrap();
        let d = doc.facts.iter().find(|f| f.kind == factpanel::model::Kind::CallDate).expect("a call date");
        let parts = d.value.parts.as_ref().expect("parts");
        assert_eq!(parts.day, Some(day), "{text}: {:#?}", d.value);
    }
}

/// "The two presidents" names the pair by its office: the last two
/// leaders, not the ministers a sentence in between names. "They" names
/// whoever was named last.
#[test]
fn a_plural_that_names_an_office_stands_for_the_leaders() {
    let en = "President Rumen Kostov of Bulgaria spoke by phone on Thursday with President Ilir Dervishi of Albania. \
              Kostov has asked Foreign Minister Dara Velkova to pursue the talks with Deputy Prime Minister Arben Lika. \
              The two presidents agreed to meet in Sofia next month.";
    let fr = "Le président bulgare Rumen Kostov s'est entretenu jeudi par téléphone avec le président albanais Ilir Dervishi. \
              La ministre des Affaires étrangères Dara Velkova poursuivra les discussions avec le vice-Premier ministre Arben Lika. \
              Les deux chefs d'État ont convenu de se rencontrer à Sofia le mois prochain.";
    for text in [en, fr] {
        let doc = analyze(&[art("a", text)]).unwrap();
        let meeting = doc.facts.iter().find(|f| f.kind == factpanel::model::Kind::Meeting).expect("a meeting");
        let ids: Vec<&str> = meeting.subject.participants.iter().map(|p| p.as_str()).collect();
        assert!(ids.iter().all(|id| id.contains("kostov") || id.contains("dervishi")), "{text}\n{ids:?}");
        assert_eq!(ids.len(), 2, "{ids:?}");
    }
    // "They", after the ministers, are the ministers.
    let they =
        "President Rumen Kostov of Bulgaria spoke by phone on Thursday with President Ilir Dervishi of Albania. \
                Foreign Minister Dara Velkova then spoke with Deputy Prime Minister Arben Lika. \
                They agreed to meet in Sofia next month.";
    let doc = analyze(&[art("a", they)]).unwrap();
    let meeting = doc.facts.iter().find(|f| f.kind == factpanel::model::Kind::Meeting);
    assert!(
        meeting.is_none_or(|m| m.subject.participants.iter().all(|p| !p.as_str().contains("kostov"))),
        "{meeting:#?}"
    );
}

/// A source that states no fact of the call (no day, no length, no word
/// for it) but leads with the two leaders' talk is about their call; one
/// that leads with others and only recalls the call is not.
#[test]
fn a_source_that_leads_with_the_call_but_states_none_of_its_facts_covers_it() {
    let arts = [
        art("a", "Giorgia Meloni s'est entretenue mardi par téléphone avec Friedrich Merz pendant une heure."),
        art("b", "Friedrich Merz et Giorgia Meloni se sont parlé mardi pendant une heure, selon Berlin."),
        art("e", "Le chancelier Friedrich Merz a eu mardi un entretien d'une heure avec Giorgia Meloni."),
        art(
            "c",
            "Lors d'une conversation téléphonique avec Friedrich Merz, Giorgia Meloni a plaidé pour une défense \
             européenne commune. À Paris, Jean-Noël Barrot a salué cette initiative.",
        ),
        art(
            "d",
            "Emmanuel Macron a défendu le budget européen devant le Parlement, en présence de Giorgia Meloni. \
             Il a rappelé l'échange téléphonique entre Giorgia Meloni et Friedrich Merz. Le Kremlin n'a pas réagi.",
        ),
    ];
    let doc = analyze(&arts).unwrap();
    let on = |id: &str| doc.sources.iter().find(|s| s.id == id).map(|s| s.on_event);
    assert_eq!(on("c"), Some(true), "{:#?}", doc.sources);
    assert_eq!(on("d"), Some(false), "{:#?}", doc.sources);
}

#[test]
fn a_source_a_day_off_with_the_same_length_stays_on_the_event() {
    let arts = |late: &str| {
        [
            art("a", "Giorgia Meloni and Friedrich Merz spoke by phone late on Tuesday for 25 minutes, Rome said."),
            art("b", "Friedrich Merz had a 25-minute call with Giorgia Meloni on Tuesday evening, Berlin said."),
            art("c", late),
        ]
    };
    // The same 25 minutes, a day later (the announcement's day, or another
    // time zone): one call. The source covers it; what it dates a day off
    // is left out of the event's facts.
    let doc = analyze(&arts("Meloni and Merz held a 25-minute phone call on Wednesday, her office said.")).unwrap();
    assert!(doc.sources.iter().all(|s| s.on_event), "{:#?}", doc.sources);
    let date = doc.facts.iter().find(|f| f.id.starts_with("call_date/")).expect("a date");
    assert_eq!(date.value.parts.and_then(|p| p.weekday), Some(2), "{date:#?}");
    assert!(date.claims.iter().all(|c| c.source != "c"), "{date:#?}");
    // Another length a day later: another call, set aside.
    let doc = analyze(&arts("Meloni and Merz held a 50-minute phone call on Wednesday, her office said.")).unwrap();
    let c = doc.sources.iter().find(|s| s.id == "c").unwrap();
    assert!(!c.on_event, "{c:?}");
    // The same length two days later: another call too.
    let doc = analyze(&arts("Meloni and Merz held a 25-minute phone call on Thursday, her office said.")).unwrap();
    let c = doc.sources.iter().find(|s| s.id == "c").unwrap();
    assert!(!c.on_event, "{c:?}");
}

#[test]
fn a_counterpart_by_country_is_not_a_found_leader_when_a_listed_one_shares_it() {
    // A French head of government found in one text; the other calls
    // Macron, a listed French leader, « son homologue français ».
    let doc = analyze(&[
        art(
            "a",
            "Le président péruvien Tomás Quispe s'est entretenu samedi au téléphone avec son homologue français Emmanuel Macron.",
        ),
        art("b", "La Première ministre française Ana Lopes est attendue à Lima en octobre pour une visite officielle."),
        art("c", "Tomás Quispe a reçu samedi un appel de son homologue français, selon la présidence péruvienne."),
    ])
    .unwrap();
    let ids: Vec<&str> = doc.event.participants.iter().map(|p| p.0.as_str()).collect();
    assert!(ids.contains(&"macron"), "{ids:?}");
    assert!(!ids.iter().any(|id| id.contains("lopes")), "{ids:?}");
    let date = doc.facts.iter().find(|f| f.id.starts_with("call_date/")).expect("a date");
    assert!(!date.id.contains("lopes"), "{}", date.id);
}

#[test]
fn an_office_apposed_to_another_name_names_that_person_in_the_whole_set() {
    // A set from before the pack's holder of « le président américain »
    // took office: the texts give the office to someone else by name, and
    // name the pack's holder only as a predecessor.
    for (lang, set) in [
        (
            "fr",
            vec![
                art(
                    "a",
                    "Le président américain, Joe Biden, a téléphoné jeudi au président brésilien Rafael Duarte, a indiqué Brasilia.",
                ),
                art(
                    "b",
                    "Le président américain a parlé jeudi avec Rafael Duarte. Il a rompu avec la méthode de son prédécesseur Donald Trump.",
                ),
            ],
        ),
        (
            "en",
            vec![
                english("a", "The US president, Joe Biden, phoned Brazilian President Rafael Duarte on Thursday, Brasilia said."),
                english(
                    "b",
                    "The US president spoke with Rafael Duarte on Thursday, breaking with his predecessor Donald Trump.",
                ),
            ],
        ),
    ] {
        let doc = analyze(&set).unwrap();
        let ids: Vec<&str> = doc.event.participants.iter().map(|p| p.0.as_str()).collect();
        assert!(ids.contains(&"biden") && !ids.contains(&"trump"), "{lang}: {ids:?}");
        for f in &doc.facts {
            assert!(!f.id.contains("trump"), "{lang}: {}", f.id);
        }
    }
    // When a text also gives the office to the pack's holder, the office
    // alone keeps naming the holder.
    let doc = analyze(&[
        art("a", "Le président américain Donald Trump a téléphoné jeudi au président brésilien Rafael Duarte."),
        art("b", "Le président américain a parlé jeudi avec Rafael Duarte, comme l'avait fait le président américain, Joe Biden, en 2022."),
    ])
    .unwrap();
    let date = doc.facts.iter().find(|f| f.id.starts_with("call_date/")).expect("a date");
    assert!(date.id.contains("trump") && date.claims.len() == 2, "{date:?}");
}

/// An article in English.
fn english(id: &str, text: &str) -> Article {
    Article { lang: Some("en".into()), ..art(id, text) }
}

/// The document of one French article.
fn french_doc(text: &str) -> factpanel::model::Document {
    analyze(&[art("a", text)]).unwrap()
}

/// The document of one English article.
fn english_doc(text: &str) -> factpanel::model::Document {
    analyze(&[english("a", text)]).unwrap()
}

/// The id of the first fact of `doc` whose id starts with `kind`.
fn first_fact<'d>(doc: &'d factpanel::model::Document, kind: &str) -> &'d str {
    doc.facts.iter().find(|f| f.id.starts_with(kind)).map(|f| f.id.as_str()).unwrap_or_else(|| panic!("no {kind} fact"))
}

/// The ids of the stance facts' holders on `topic` in `doc`.
fn holders_on(doc: &factpanel::model::Document, topic: &str) -> Vec<String> {
    doc.facts.iter().filter(|f| f.id.starts_with("stance/") && f.id.ends_with(topic)).map(|f| f.id.clone()).collect()
}

#[test]
fn who_urges_someone_to_accept_a_ceasefire_supports_it_not_whom_they_urge() {
    let en = english("en", "Berlin and Moscow\n\nChancellor Anna Weber urged Vladimir Putin to accept a ceasefire without delay, reaffirming Germany's support for Kyiv.");
    let fr = art("fr", "Berlin et Moscou\n\nLa chancelière Anna Weber a exhorté Vladimir Poutine à accepter sans délai un cessez-le-feu, réaffirmant le soutien de l'Allemagne à Kiev.");
    for a in [en, fr] {
        let doc = analyze(std::slice::from_ref(&a)).unwrap();
        let held = holders_on(&doc, "/ceasefire");
        assert!(
            held.iter().any(|id| id.contains("weber")) && !held.iter().any(|id| id.contains("putin")),
            "{}: {held:?}",
            a.id
        );
    }
}

#[test]
fn a_spokesperson_reporting_the_call_is_not_one_of_the_two() {
    let doc = english_doc(
        "First contact\n\nXi Jinping and Volodymyr Zelensky spoke by phone on Thursday. Zelensky's spokeswoman Oksana Melnyk said on Telegram that the two had talked for about forty minutes.",
    );
    assert_eq!(first_fact(&doc, "call_duration/"), "call_duration/xi+zelensky");
}

#[test]
fn a_place_as_subject_gives_its_sentence_no_later_holder() {
    // Ankara is a place the pack lists, with no government behind it.
    let doc = english_doc(
        "Peace plans\n\nAnkara released a peace plan in March calling for a ceasefire but has been accused of staying close to Russia.",
    );
    assert_eq!(holders_on(&doc, "/ceasefire"), Vec::<String>::new());
}

#[test]
fn a_photo_caption_is_no_antecedent() {
    let doc = french_doc(
        "Paris et Moscou\n\nLe président français Emmanuel Macron s'est entretenu mardi avec Vladimir Poutine, a indiqué l'Élysée.\n\nVladimir Poutine a dit à Emmanuel Macron que la paix devait être durable. Photo: Reuters/Sipa\n\nIl a appelé à l'instauration rapide d'un cessez-le-feu.",
    );
    assert_eq!(holders_on(&doc, "/ceasefire"), vec!["stance/macron/ceasefire".to_string()]);
}

#[test]
fn a_pair_with_a_title_between_describes_its_call_together() {
    // "… and Chinese counterpart Xi Jinping": the title words between the
    // two names do not part them; the tone is the pair's, not the first's.
    let doc = english_doc(
        "Talks\n\nPresident Rafael Duarte and Peruvian counterpart Tomás Quispe held \"cordial\" phone talks on Thursday, the first since March.",
    );
    assert_eq!(first_fact(&doc, "call_characterization/"), "call_characterization/rafael_duarte+tomas_quispe");
}

#[test]
fn the_call_with_a_named_leader_is_that_leader_s_call() {
    // Three leaders in the sentence before; « l'entretien avec » names one
    // party, the other is whoever that sentence says spoke with them.
    let doc = french_doc(
        "Diplomatie\n\nLa présidente Clara Montes s'entretient ce lundi avec le chancelier Jonas Weber après avoir appelé le président Idris Kaba, selon son cabinet.\n\n« L'entretien avec le président Kaba a duré quarante minutes », a précisé le cabinet.",
    );
    assert_eq!(first_fact(&doc, "call_duration/"), "call_duration/clara_montes+idris_kaba");
}

#[test]
fn a_weekday_given_with_a_date_sets_aside_a_source_on_another_weekday() {
    // The event's day is "Tuesday, March 4" (no year): a source whose call
    // of the pair was "on Friday" covers another call, not a dispute.
    let arts = [
        english(
            "a",
            "Call\n\nPresident Rafael Duarte spoke with Peruvian President Tomás Quispe by phone on Tuesday, March 4.",
        ),
        english(
            "b",
            "Phone talks\n\nPresident Rafael Duarte and Peruvian President Tomás Quispe held phone talks on March 4.",
        ),
        english(
            "c",
            "Earlier call\n\nPresident Rafael Duarte and Peruvian President Tomás Quispe spoke by phone on Friday.",
        ),
    ];
    let doc = analyze(&arts).unwrap();
    let c = doc.sources.iter().find(|s| s.id == "c").unwrap();
    assert!(!c.on_event, "{c:?}");
    let date = fact(&doc, first_fact(&doc, "call_date/"));
    assert_eq!(date.status, Status::Agreed, "{:#?}", date.claims);
}

#[test]
fn a_regnal_number_is_not_a_short_name() {
    let doc = french_doc(
        "Oslo et Tirana\n\nLe roi Haakon IX s'est entretenu mardi par téléphone avec le président albanais Ilir Dervishi.",
    );
    // Not "Appel Dervishi–IX".
    assert!(doc.event.label.ends_with("–Haakon IX") || doc.event.label.contains("Haakon IX–"), "{}", doc.event.label);
}

#[test]
fn an_article_published_months_before_the_call_is_about_an_earlier_one() {
    // The event's day has no year ("le 4 mars"): an article of that month
    // gives it; one of the previous autumn cannot report that call.
    let mut a = art("a", "Rome et Berlin\n\nLa présidente Giorgia Meloni et le chancelier Friedrich Merz se sont entretenus par téléphone le 4 mars pendant une heure.");
    a.published = Some("2026-03-04".into());
    let b = art("b", "Appel\n\nGiorgia Meloni a appelé Friedrich Merz le 4 mars, selon le Palais Chigi.");
    let mut c = art(
        "c",
        "Entretien\n\nGiorgia Meloni et Friedrich Merz ont parlé au téléphone pendant une heure de l'aide à l'Ukraine.",
    );
    c.published = Some("2025-10-21".into());
    let doc = analyze(&[a, b, c]).unwrap();
    let c = doc.sources.iter().find(|s| s.id == "c").unwrap();
    assert!(!c.on_event, "{c:?}");
    assert!(c.note.as_deref().unwrap().contains("octobre 2025"), "{c:?}");
    assert!(doc.sources.iter().filter(|s| s.on_event).count() == 2);
}

#[test]
fn an_address_dates_its_article() {
    // No `published`: the path "…/2025/10/21/…" dates the article, which
    // then cannot report a call of 4 March 2026.
    let call = |id: &str, url: &str| {
        let mut a = art(id, "Entretien\n\nGiorgia Meloni et Friedrich Merz ont parlé au téléphone pendant une heure de l'aide à l'Ukraine.");
        a.url = Some(url.into());
        a
    };
    let mut a = art("a", "Rome et Berlin\n\nLa présidente Giorgia Meloni et le chancelier Friedrich Merz se sont entretenus par téléphone le 4 mars pendant une heure.");
    a.url = Some("https://news.example.org/europe/2026/03/04/meloni-merz".into());
    let b = art("b", "Appel\n\nGiorgia Meloni a appelé Friedrich Merz le 4 mars, selon le Palais Chigi.");
    let c = call("c", "https://www.example.com/2025/10/21/meloni-merz-appel?ref=home");
    let doc = analyze(&[a.clone(), b.clone(), c.clone()]).unwrap();
    assert_eq!(doc.event.date.as_deref(), Some("2026-03-04"));
    assert!(!doc.sources.iter().find(|s| s.id == "c").unwrap().on_event);
    // When more than half the dated sources are months before the event's
    // day, that day is the misread one: nobody is set aside for it.
    let (d, e) = (call("d", "https://example.net/2025/10/20/appel"), call("e", "https://example.net/2025/10/22/x"));
    let doc = analyze(&[a, b, c, d, e]).unwrap();
    assert!(doc.sources.iter().all(|s| s.on_event), "{:?}", doc.sources);
}

#[test]
fn a_full_stop_inside_a_quotation_parts_its_clauses() {
    // Two sentences in one quotation: the second one's leader is no party
    // to the first one's call.
    let doc = french_doc(
        "Diplomatie\n\nLa présidente Clara Montes a appelé lundi le président Idris Kaba. « L'entretien avec le président Kaba a duré quarante minutes. La présidente échange en ce moment avec le chancelier Jonas Weber », a indiqué son cabinet.",
    );
    assert_eq!(first_fact(&doc, "call_duration/"), "call_duration/clara_montes+idris_kaba");
}

#[test]
fn a_cabinet_meeting_s_day_is_no_call_s() {
    // Friday's calls, then Saturday's meeting of the government: Saturday is
    // not the day Merz spoke with Porter.
    let doc = english_doc(
        "First day\n\nGermany's new Chancellor Friedrich Merz spent his first hours in office holding phone calls with partners, including a call with Prime Minister Giorgia Meloni on Saturday morning. On Friday, Mr Merz spoke with U.S. President Dan Porter, European Council President Antonio Costa and the leaders of Japan and Canada. The new Chancellor presided over his first cabinet meeting on Saturday morning.",
    );
    let porter = doc.facts.iter().find(|f| f.id == "call_date/dan_porter+merz").expect("the Friday call");
    assert_eq!(porter.claims.len(), 1, "{porter:?}");
    assert!(porter.claims[0].quote.starts_with("On Friday"), "{porter:?}");
}

#[test]
fn a_press_release_and_a_free_trade_agreement_free_nobody() {
    let doc = english_doc(
        "Trade\n\nPrime Minister Lars Holm spoke by phone with President Aino Virtanen on Monday. \"Discussing the Free Trade Agreement, the Prime Minister said he stood ready to conclude a deal,\" Holm's office said in a press release. 'Both leaders will deepen the Nordic Energy Partnership between Oslo and Helsinki,' stated a PMO release.",
    );
    assert!(doc.facts.iter().all(|f| !f.id.starts_with("prisoner_release/")), "{:?}", doc.facts);
    assert!(doc.facts.iter().any(|f| f.id.starts_with("call_date/")), "{:?}", doc.facts);
}

#[test]
fn who_underscores_a_position_inside_a_quotation_holds_it() {
    // The office quotes what the president underscored: his position, not
    // the office's.
    let doc = english_doc(
        "Call\n\nPresident Dan Porter spoke with Prime Minister Lars Holm on Thursday.\n\n\"He made clear that U.S. policy will be determined by Norway's action. He underscored that an immediate ceasefire is essential to protect civilians,\" the White House said.",
    );
    assert_eq!(holders_on(&doc, "ceasefire"), ["stance/dan_porter/ceasefire"]);
}

#[test]
fn whom_a_preposition_governs_in_apposition_holds_no_position() {
    // « avec son homologue russe Vladimir Poutine » : Poutine est régi par
    // « avec », comme son titre ; c'est le président mauricien qui demande.
    let doc = french_doc(
        "Port-Louis\n\nLe président mauricien Dev Ramdin s'est entretenu jeudi avec son homologue russe Vladimir Poutine pour réclamer un cessez-le-feu en Ukraine.",
    );
    assert_eq!(holders_on(&doc, "ceasefire"), ["stance/dev_ramdin/ceasefire"]);
}

#[test]
fn a_part_of_the_day_between_weekday_and_date_keeps_the_date() {
    let fr = art("fr", "Niamey\n\nLe président nigérien Idé Moussa a eu ce vendredi soir 14 novembre 2025 un entretien téléphonique avec Vladimir Poutine.");
    let en = english(
        "en",
        "Lima\n\nPresident Rosa Quispe spoke with Vladimir Putin by phone on Friday evening, November 14, 2025.",
    );
    for a in [fr, en] {
        let doc = analyze(&[a]).unwrap();
        let date = doc.facts.iter().find(|f| f.id.starts_with("call_date/")).expect("the call's day");
        assert_eq!(date.value.date.as_deref(), Some("2025-11-14"), "{date:?}");
    }
}

#[test]
fn a_sentence_naming_another_party_borrows_no_pair() {
    // The last paragraph's visit is Ortiz's, whom no sentence before pairs
    // with anybody: no meeting of the two who spoke.
    let doc = french_doc(
        "Appels\n\nLe président chilien Tomás Reyes s'est entretenu mardi au téléphone avec son homologue brésilien Luiz Inácio Lula da Silva.\n\nOrtiz va rencontrer Zelensky à Kiev",
    );
    assert!(doc.facts.iter().all(|f| !f.id.starts_with("meeting/")), "{:?}", doc.facts);
    assert!(doc.facts.iter().any(|f| f.id.starts_with("call_date/")), "{:?}", doc.facts);
}

#[test]
fn a_visit_from_friday_is_no_call_on_friday() {
    // "from Friday" opens a span: the minister's visit, not a call's day.
    let doc = english_doc(
        "Visit\n\nPresident Rosa Quispe spoke with Chancellor Anna Weber on Tuesday. Foreign Minister Ana Ruiz is to visit Berlin from Friday and will hold talks with her counterpart K. Schmidt.",
    );
    let dates: Vec<&str> = doc.facts.iter().filter(|f| f.id.starts_with("call_date/")).map(|f| f.id.as_str()).collect();
    assert_eq!(dates, ["call_date/anna_weber+rosa_quispe"], "{:?}", doc.facts);
}

#[test]
fn an_article_joined_by_a_hyphen_does_not_make_another_person() {
    // "al-Nouri", "El-Nouri" and "Nouri" name one president.
    let doc = analyze(&[
        english("a", "Call\n\nLibyan President Abdel Karim al-Nouri spoke with Chancellor Anna Weber on Tuesday."),
        english(
            "b",
            "Tripoli\n\nLibya's President Abdel Karim El-Nouri and Chancellor Anna Weber spoke by phone on Tuesday.",
        ),
        english(
            "c",
            "Berlin\n\nChancellor Anna Weber held a phone call with Libyan President Abdel Karim Nouri on Tuesday.",
        ),
    ])
    .unwrap();
    let dates: Vec<&str> = doc.facts.iter().filter(|f| f.id.starts_with("call_date/")).map(|f| f.id.as_str()).collect();
    assert_eq!(dates.len(), 1, "{dates:?}");
    assert_eq!(doc.facts[0].claims.len(), 3, "{:?}", doc.facts[0]);
}

#[test]
fn a_day_of_the_month_takes_the_weekday_beside_it() {
    // "1er mars" beside two « samedi »: the Tuesday call of the last
    // article is another one.
    let doc = analyze(&[
        art("a", "Appel\n\nLe président malien Amadou Keïta s'est entretenu le 1er mars avec Vladimir Poutine."),
        art("b", "Bamako\n\nLe président malien Amadou Keïta a parlé samedi au téléphone avec Vladimir Poutine."),
        art(
            "c",
            "Moscou\n\nVladimir Poutine s'est entretenu samedi par téléphone avec le président malien Amadou Keïta.",
        ),
        art(
            "d",
            "Démenti\n\nLe président malien Amadou Keïta s'est entretenu mardi par téléphone avec Vladimir Poutine.",
        ),
    ])
    .unwrap();
    let d = doc.sources.iter().find(|s| s.id == "d").unwrap();
    assert!(!d.on_event, "{d:?}");
    assert!(doc.sources.iter().filter(|s| s.id != "d").all(|s| s.on_event), "{:?}", doc.sources);
}

#[test]
fn a_surname_two_people_share_names_the_one_named_most() {
    // The father, named once, is not the "Moreno" of the call.
    let doc = analyze(&[
        art("a", "Appel\n\nLe président bolivien Luis Moreno s'est entretenu mardi avec Donald Trump. Il a évoqué son père, l'ancien président Rafael Duarte Moreno."),
        art("b", "La Paz\n\nLe président bolivien Luis Moreno a parlé mardi au téléphone avec Donald Trump."),
        art("c", "Tarifs\n\nTrump accuse Moreno de protectionnisme : les deux hommes se sont parlé 40 minutes."),
    ])
    .unwrap();
    let ids: Vec<&str> = doc.facts.iter().map(|f| f.id.as_str()).collect();
    assert!(ids.contains(&"call_duration/luis_moreno+trump"), "{ids:?}");
    assert!(ids.iter().all(|id| !id.contains("rafael")), "{ids:?}");
}

#[test]
fn the_antecedent_of_who_is_a_party_to_the_call_the_relative_clause_measures() {
    // The clause that measures the call opens with "qui"/"who": its
    // subject is the pair named before it, not the president named later
    // in the clause, whom an earlier sentence pairs with one of them.
    let fr = french_doc(
        "Appels\n\nDonald Trump a appelé lundi le Premier ministre indien Narendra Modi.\n\nLe président brésilien Luiz Inácio Lula da Silva et Narendra Modi, qui se sont entretenus pendant 50 minutes par visioconférence après que Donald Trump a imposé de nouveaux droits de douane, ont promis de coopérer.",
    );
    let en = english_doc(
        "Calls\n\nDonald Trump called Indian Prime Minister Narendra Modi on Monday.\n\nBrazilian President Luiz Inácio Lula da Silva and Narendra Modi, who spoke for 50 minutes by video link after Donald Trump imposed new tariffs, pledged to cooperate.",
    );
    for doc in [fr, en] {
        let lengths: Vec<&str> =
            doc.facts.iter().filter(|f| f.id.starts_with("call_duration/")).map(|f| f.id.as_str()).collect();
        assert_eq!(lengths.len(), 1, "{:?}", doc.facts);
        assert!(lengths[0].contains("lula") && lengths[0].contains("modi"), "{lengths:?}");
    }
}

#[test]
fn a_call_that_a_government_denies_is_no_call() {
    // The report of a call, denied: no day, length or tone of a call.
    let denied = [
        french_doc(
            "Démenti\n\nLe Chili a démenti jeudi des informations faisant état d'un entretien téléphonique d'une heure entre la présidente Rosa Valdivieso et le président sud-coréen Park Min-seok.",
        ),
        english_doc(
            "Denial\n\nSantiago on Thursday denied reports of an hour-long phone call between President Rosa Valdivieso and South Korean President Park Min-seok.",
        ),
    ];
    for doc in denied {
        assert!(doc.facts.iter().all(|f| !f.id.starts_with("call_")), "{:?}", doc.facts);
    }
    // The same call, stated: its day and length.
    let stated = english_doc(
        "Call\n\nPresident Rosa Valdivieso held an hour-long phone call on Thursday with South Korean President Park Min-seok.",
    );
    assert!(stated.facts.iter().any(|f| f.id.starts_with("call_date/")), "{:?}", stated.facts);
    assert!(stated.facts.iter().any(|f| f.id.starts_with("call_duration/")), "{:?}", stated.facts);
}

#[test]
fn a_meeting_the_call_was_about_does_not_make_the_event() {
    // Each source tells the call of two presidents and the meeting one of
    // them is to have with an envoy: in more sources than the call's day,
    // but what the call was about. The source that only names the call
    // stays on it.
    let meeting = "Lind is expected to meet special envoy Peter Hale in Moscow.";
    let arts = [
        english("001", &format!("Briefing\n\nPresident Amara Okafor and President Ivan Lind spoke by phone on Thursday. {meeting}")),
        english(
            "002",
            &format!("Call\n\nPresident Ivan Lind held a telephone conversation with President Amara Okafor on Thursday. {meeting}"),
        ),
        english("003", &format!("Moscow\n\nPresident Ivan Lind spoke with President Amara Okafor by phone. {meeting}")),
    ];
    let doc = analyze(&arts).unwrap();
    let mut pair: Vec<&str> = doc.event.participants.iter().map(|p| p.as_str()).collect();
    pair.sort();
    assert_eq!(pair, ["amara_okafor", "ivan_lind"], "{:?}", doc.event);
    assert_eq!(fact(&doc, "meeting/ivan_lind+peter_hale").claims.len(), 3);
    assert!(off_event(&doc).is_empty(), "{:?}", off_event(&doc));
    // A meeting held is no plan.
    let held = english_doc(
        "Briefing\n\nPresident Ivan Lind spoke with President Amara Okafor by phone. He shared the outcomes of his recent meeting in Moscow with special envoy Peter Hale.",
    );
    assert!(held.facts.iter().all(|f| !f.id.starts_with("meeting/")), "{:?}", held.facts);
}

#[test]
fn a_third_person_between_the_cue_and_the_date_takes_the_date() {
    // The meeting with the envoy was on Wednesday, the call on Thursday:
    // the source that dates only the meeting is on the call.
    let arts = [
        english("001", "Call\n\nPresident Ivan Lind spoke by phone with President Amara Okafor on Thursday."),
        english(
            "002",
            "Briefing\n\nPresident Ivan Lind spoke by phone with President Amara Okafor. Lind told Okafor about his meeting with special envoy Peter Hale on Wednesday.",
        ),
    ];
    let doc = analyze(&arts).unwrap();
    assert!(off_event(&doc).is_empty(), "{:?}", doc.sources);
    let f = fact(&doc, "call_date/amara_okafor+ivan_lind");
    let days: Vec<_> = f.claims.iter().map(|c| c.value.parts.and_then(|p| p.weekday)).collect();
    assert_eq!(days, [Some(4)], "{:?}", f.claims);
    // One of the two among those named between: the date is theirs.
    let both = english_doc(
        "Calls\n\nPresident Ivan Lind spoke by phone with President Amara Okafor and special envoy Peter Hale on Wednesday.",
    );
    assert_eq!(fact(&both, "call_date/amara_okafor+ivan_lind").claims.len(), 1, "{:?}", both.facts);
}

#[test]
fn a_meeting_of_the_pair_does_not_date_their_phone_call() {
    // Three sources tell a phone call on Friday 5 April 2024: one by its
    // date, one as "vendredi", one only by the day of an election before
    // it. A fourth tells the pair's lunch in Paris on 20 June, a date that
    // may be a Sunday: the lunch's day is not the call's, which keeps its
    // day, and the lunch's source is set aside as a meeting's.
    let arts = [
        art(
            "001",
            "Appel\n\nLe président Ivan Lind s'est entretenu par téléphone vendredi 5 avril 2024 avec la présidente Amara Okafor.",
        ),
        art(
            "002",
            "Entretien\n\nLors de son premier entretien téléphonique vendredi avec la présidente Amara Okafor, Ivan Lind a salué le partenariat.",
        ),
        art(
            "003",
            "Paris\n\nLe 20 juin, à Paris, Ivan Lind et Amara Okafor se sont rencontrés lors d'un déjeuner de travail. Leur rencontre a duré deux heures.",
        ),
        art("004", "Appel\n\nIvan Lind a eu un premier appel téléphonique avec Amara Okafor, élue dimanche dernier."),
    ];
    let doc = analyze(&arts).unwrap();
    assert_eq!(doc.event.date.as_deref(), Some("2024-04-05"), "{:?}", doc.event);
    let off = off_event(&doc);
    assert!(off.contains(&"003") && !off.contains(&"001") && !off.contains(&"002"), "{:?}", doc.sources);
    let note = doc.sources.iter().find(|s| s.id == "003").and_then(|s| s.note.as_deref());
    assert_eq!(note, Some("Traite de la rencontre Okafor–Lind du 20 juin."), "{:?}", doc.sources);
    // A readout of another talk that does not say "by phone": the summit
    // it looks ahead to is in another sentence than its date.
    let readout = art(
        "005",
        "Compte rendu\n\nLe 14 mai, Ivan Lind s'est entretenu avec Amara Okafor. Lind et Okafor ont évoqué le prochain sommet du G7.",
    );
    let doc = analyze(&[arts[0].clone(), readout]).unwrap();
    let note = doc.sources.iter().find(|s| s.id == "005").and_then(|s| s.note.as_deref());
    assert_eq!(note, Some("Traite de l'appel Okafor–Lind du 14 mai."), "{:?}", doc.sources);
}

#[test]
fn a_listed_leader_written_with_accents_is_that_leader() {
    // One article writes the Ukrainian president's name with an accent no
    // alias lists, and another name with a doubled letter: he is the
    // listed person, not a second one, and his call is the others' event.
    let arts = [
        art(
            "001",
            "Appel\n\nLe président Ivan Lind s'est entretenu mardi 4 juin 2024 par téléphone avec Volodymyr Zelensky.",
        ),
        art(
            "002",
            "Entretien\n\nLe président ukrainien Volodymyr Zélensky a parlé mardi au téléphone avec Ivan Lind. \
             Zélensky a qualifié l'échange de « constructif ».",
        ),
    ];
    let doc = analyze(&arts).unwrap();
    assert!(doc.event.participants.iter().any(|p| p.0 == "zelensky"), "{:?}", doc.event);
    assert!(off_event(&doc).is_empty(), "{:?}", doc.sources);
    let date = doc.facts.iter().find(|f| f.id.starts_with("call_date/")).expect("a call date");
    assert_eq!(date.claims.iter().map(|c| c.source.as_str()).collect::<Vec<_>>(), ["001", "002"], "{date:?}");
    let by_him = |f: &&factpanel::model::Fact| f.subject.actor.as_ref().is_some_and(|p| p.0 == "zelensky");
    assert!(doc.facts.iter().filter(by_him).any(|f| f.claims.iter().any(|c| c.source == "002")), "{:?}", doc.facts);
}
