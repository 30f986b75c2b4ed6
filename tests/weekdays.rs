//! A weekday written beside a day and month that is not that date's
//! ("vendredi 5 mars 2026", a Thursday): the date keeps its day and month,
//! the claim says the weekday is inconsistent, and sources that agree on
//! the day and month agree on the date. Sentences written for these tests.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use factpanel::format::Lang;
use factpanel::model::{Agreement, DateNote, Document, Status};
use factpanel::panel::{panel, Options};
use factpanel::{analyze, Article};

fn art(id: &str, text: &str) -> Article {
    Article::new(id, text)
}

fn published(id: &str, text: &str, date: &str) -> Article {
    Article { published: Some(date.into()), ..Article::new(id, text) }
}

const DATE: &str = "call_date/erdogan+starmer";

fn wrong(stated_weekday: u8) -> Option<DateNote> {
    Some(DateNote::WeekdayInconsistent { stated_weekday })
}

fn notes(doc: &Document, lang: Lang) -> Vec<String> {
    let opts = Options { lang, ..Options::default() };
    panel(doc, &opts).by_class("claim-note").iter().map(|n| n.text_content()).collect()
}

#[test]
fn a_wrong_weekday_keeps_the_day_month_and_year() {
    // 5 March 2026 was a Thursday.
    let arts = [art("a", "Keir Starmer s'est entretenu vendredi 5 mars 2026 avec Recep Tayyip Erdogan.")];
    let doc = analyze(&arts).unwrap();
    assert_offsets(&doc, &arts);
    let f = fact(&doc, DATE);
    assert_eq!(f.value.date.as_deref(), Some("2026-03-05"));
    assert_eq!(f.value.parts.unwrap().weekday, Some(4));
    let c = &f.claims[0];
    assert_eq!(c.value.text.as_deref(), Some("vendredi 5 mars 2026"));
    assert_eq!(c.value.parts.unwrap().weekday, Some(4), "the date's own weekday");
    assert_eq!(c.date_note, wrong(5));
    assert_eq!(doc.event.date.as_deref(), Some("2026-03-05"));
    assert_eq!(
        notes(&doc, Lang::from_tag("fr")),
        ["le jour de la semaine donné (vendredi) ne correspond pas au 5 mars 2026"]
    );
    assert_eq!(notes(&doc, Lang::from_tag("en")), ["the weekday given (Friday) does not match 5 March 2026"]);
}

#[test]
fn the_right_weekday_has_no_note() {
    let arts = [art("a", "Keir Starmer s'est entretenu jeudi 5 mars 2026 avec Recep Tayyip Erdogan.")];
    let doc = analyze(&arts).unwrap();
    assert_eq!(fact(&doc, DATE).claims[0].date_note, None);
    assert!(notes(&doc, Lang::from_tag("fr")).is_empty());
    assert!(!factpanel::to_json(&doc).contains("date_note"));
}

#[test]
fn the_year_comes_from_the_article_date() {
    // 18 November 2025 was a Tuesday: "lundi 18 novembre" is not.
    let text = "Giorgia Meloni a téléphoné lundi 18 novembre à Friedrich Merz.";
    let by_field = published("a", text, "2025-11-19");
    let by_metadata = art("b", &format!(" date 2025-11 {text}"));
    let by_dateline = art(
        "c",
        &format!(
            "Rome et Berlin se parlent\nROME, 19 novembre 2025 (Reuters) – Les deux capitales veulent avancer. {text}"
        ),
    );
    for a in [by_field, by_metadata, by_dateline] {
        let doc = analyze(std::slice::from_ref(&a)).unwrap();
        let f = fact(&doc, "call_date/meloni+merz");
        assert_eq!(f.value.date.as_deref(), Some("2025-11-18"), "{}", a.id);
        assert_eq!(f.claims[0].date_note, wrong(1), "{}", a.id);
        assert_eq!(
            notes(&doc, Lang::from_tag("fr")),
            ["le jour de la semaine donné (lundi) ne correspond pas au 18 novembre 2025"]
        );
    }
    // Without any of them the weekday cannot be checked: it stays as written.
    let doc = analyze(&[art("d", text)]).unwrap();
    let c = &fact(&doc, "call_date/meloni+merz").claims[0];
    assert_eq!(c.date_note, None);
    assert_eq!(c.value.parts.unwrap().weekday, Some(1));
}

#[test]
fn a_page_date_whose_year_runs_into_the_next_words_gives_no_year() {
    // A scraped page line that glues two dates: "20255" is no year.
    let a = art(
        "a",
        "Published On 19 November 20255 November 2025\nGiorgia Meloni spoke by phone with Friedrich Merz on Monday.",
    );
    let doc = analyze(&[a]).unwrap();
    assert_eq!(doc.event.date.as_deref(), None);
    let f = fact(&doc, "call_date/meloni+merz");
    assert_eq!(f.value.parts.and_then(|p| p.year), None, "{:?}", f.value);
    assert_eq!(f.value.parts.and_then(|p| p.weekday), Some(1));
    // With a year of four figures, the page's date dates the call.
    let b = art("b", "Published On 19 November 2025\nGiorgia Meloni spoke by phone with Friedrich Merz on Monday.");
    let doc = analyze(&[b]).unwrap();
    assert_eq!(fact(&doc, "call_date/meloni+merz").value.date.as_deref(), Some("2025-11-17"));
}

#[test]
fn the_day_a_call_was_told_gives_way_to_the_day_it_was_held() {
    let told = art(
        "told",
        "Chilean President Rosa Valdivieso said on Friday that she and Kenyan President Samuel Otieno \
         had discussed grain prices by phone.",
    );
    let held =
        art("held", "Valdivieso and Otieno spoke by phone late on Thursday evening about grain prices, aides said.");
    let also_told = art("also", "On Friday Valdivieso said she had talked with Otieno about grain.");
    let doc = analyze(&[told.clone(), held.clone(), also_told]).unwrap();
    let f = fact(&doc, "call_date/rosa_valdivieso+samuel_otieno");
    assert_eq!(f.value.parts.and_then(|p| p.weekday), Some(4), "{f:#?}");
    assert!(f.claims.iter().all(|c| c.source == "held"), "{:#?}", f.claims);
    // The sources that tell it the day after are on the same call.
    assert!(doc.sources.iter().all(|s| s.on_event), "{:#?}", doc.sources);
    // Told the day before it was held, it is another call.
    let titled = art(
        "titled",
        "Chilean President Rosa Valdivieso and Kenyan President Samuel Otieno spoke by phone late on \
         Thursday evening about grain prices.",
    );
    let before = art("before", "On Wednesday Valdivieso said she had talked with Otieno about grain.");
    let doc = analyze(&[titled, before]).unwrap();
    let aside: Vec<&str> = doc.sources.iter().filter(|s| !s.on_event).map(|s| s.id.as_str()).collect();
    assert_eq!(aside, ["before"], "{:#?}", doc.sources);
    // Told on its own, the day it was told is all there is.
    let doc = analyze(std::slice::from_ref(&told)).unwrap();
    let f = fact(&doc, "call_date/rosa_valdivieso+samuel_otieno");
    assert_eq!(f.value.parts.and_then(|p| p.weekday), Some(5));
    // Words said during the call date it.
    let during = art(
        "during",
        "Chilean President Rosa Valdivieso said on Friday during a phone call with Kenyan President \
         Samuel Otieno that grain prices had to fall.",
    );
    let next_day = art("next", "Valdivieso said on Saturday that she had spoken with Otieno on the phone.");
    let doc = analyze(&[next_day, during]).unwrap();
    let f = fact(&doc, "call_date/rosa_valdivieso+samuel_otieno");
    assert_eq!(f.value.parts.and_then(|p| p.weekday), Some(5), "{f:#?}");
    assert!(f.claims.iter().all(|c| c.source == "during"), "{:#?}", f.claims);
}

#[test]
fn a_day_in_brackets_after_the_weekday_is_the_day_of_the_month() {
    let call = |id: &str, when: &str| {
        art(
            id,
            &format!("Giorgia Meloni s'est entretenue {when} par téléphone avec Friedrich Merz au sujet du budget."),
        )
    };
    let doc = analyze(&[call("a", "ce samedi (2)")]).unwrap();
    let parts = fact(&doc, "call_date/meloni+merz").value.parts.unwrap();
    assert_eq!((parts.day, parts.weekday), (Some(2), Some(6)));
    // "(2)" after another word, or a number out of range, is no day.
    let doc = analyze(&[call("b", "samedi (32)")]).unwrap();
    assert_eq!(fact(&doc, "call_date/meloni+merz").value.parts.unwrap().day, None);
    // Five Saturdays, one of them the 2nd, and a 2nd of October, beside
    // one source's Saturday 22 January 2022: the 2nd of October, and that
    // source is on another call.
    let mut arts: Vec<Article> = (0..4).map(|k| call(&format!("s{k}"), "samedi")).collect();
    arts.push(call("brackets", "ce samedi (2)"));
    arts.push(call("month", "samedi 2 octobre"));
    arts.push(call("other", "ce samedi 22 janvier 2022"));
    let doc = analyze(&arts).unwrap();
    let parts = fact(&doc, "call_date/meloni+merz").value.parts.unwrap();
    assert_eq!((parts.month, parts.day), (Some(10), Some(2)), "{parts:?}");
    let on: Vec<&str> = doc.sources.iter().filter(|s| !s.on_event).map(|s| s.id.as_str()).collect();
    assert_eq!(on, ["other"]);
}

#[test]
fn sources_that_agree_on_the_day_and_month_agree_on_the_date() {
    // Two sources repeat a wrong weekday without the year; a third gives
    // the year. The date is theirs, agreed, and the event keeps it.
    let arts = [
        art("a", "Keir Starmer a appelé Recep Tayyip Erdogan mercredi 5 mars, selon Londres."),
        art("b", "Le Premier ministre britannique s'est entretenu mercredi 5 mars avec Recep Tayyip Erdogan."),
        art("c", "Keir Starmer et Recep Tayyip Erdogan se sont parlé le 5 mars 2026."),
    ];
    let doc = analyze(&arts).unwrap();
    assert_offsets(&doc, &arts);
    let f = fact(&doc, DATE);
    assert_eq!(f.status, Status::Agreed, "{:#?}", f.claims);
    assert_eq!(f.value.date.as_deref(), Some("2026-03-05"));
    assert_eq!(doc.event.date.as_deref(), Some("2026-03-05"));
    assert!(f.claims.iter().all(|c| c.agreement == Agreement::Precise));
    let note = |s: &str| f.claims.iter().find(|c| c.source == s).unwrap().date_note;
    assert_eq!((note("a"), note("b"), note("c")), (wrong(3), wrong(3), None));
    assert_eq!(notes(&doc, Lang::from_tag("fr")).len(), 2);
    assert!(notes(&doc, Lang::from_tag("en"))
        .iter()
        .all(|n| n == "the weekday given (Wednesday) does not match 5 March 2026"));
}

/// A weekday on its own that is not the event's day names another day: the
/// source reports another call of the pair (the day is what tells two calls
/// apart), and is set aside with a note naming it.
#[test]
fn a_weekday_on_its_own_is_another_days_call() {
    let arts = [
        art("a", "Keir Starmer a appelé Recep Tayyip Erdogan mercredi."),
        art("b", "Keir Starmer et Recep Tayyip Erdogan se sont parlé le 5 mars 2026."),
        art("c", "Le 5 mars 2026, Keir Starmer s'est entretenu avec Recep Tayyip Erdogan."),
    ];
    let doc = analyze(&arts).unwrap();
    let f = fact(&doc, DATE);
    assert_eq!(f.status, Status::Agreed);
    assert_eq!(f.value.date.as_deref(), Some("2026-03-05"));
    assert!(f.claims.iter().all(|c| c.source != "a"));
    let a = doc.sources.iter().find(|s| s.id == "a").unwrap();
    assert!(!a.on_event);
    assert!(a.note.as_deref().is_some_and(|n| n.contains("mercredi")), "{:?}", a.note);
}

#[test]
fn of_two_weekdays_the_call_is_on_the_one_beside_its_verb() {
    // The first weekday dates the announcement before the call.
    for text in [
        "Après l'annonce par Ankara de nouvelles taxes sur l'acier, lundi, le Premier ministre Keir Starmer \
         a eu un entretien téléphonique jeudi avec Recep Tayyip Erdogan.",
        "After Ankara's announcement of new steel duties, on Monday, Keir Starmer spoke by phone on Thursday \
         with Recep Tayyip Erdogan.",
    ] {
        let doc = analyze(&[art("a", text)]).unwrap();
        let f = fact(&doc, DATE);
        assert_eq!(f.value.parts.as_ref().and_then(|p| p.weekday), Some(4), "{text}");
    }
}

#[test]
fn the_note_is_read_back_from_json() {
    let arts = [art("a", "Keir Starmer s'est entretenu vendredi 5 mars 2026 avec Recep Tayyip Erdogan.")];
    let doc = analyze(&arts).unwrap();
    let json = serde_json::to_string(&doc).unwrap();
    assert!(
        json.contains(
            r#""rule":"call_date.call_clause","date_note":{"kind":"weekday_inconsistent","stated_weekday":5}}"#
        ),
        "{json}"
    );
    let back = factpanel::model::json::document(&serde_json::from_str(&json).unwrap()).unwrap();
    assert_eq!(back, doc);
    let bad = json.replace(r#""stated_weekday":5"#, r#""stated_weekday":9"#);
    assert!(factpanel::model::json::document(&serde_json::from_str(&bad).unwrap()).is_err());
    let bad = json.replace("weekday_inconsistent", "day_unknown");
    assert!(factpanel::model::json::document(&serde_json::from_str(&bad).unwrap()).is_err());
}

#[test]
fn mentions_show_the_weekday_written() {
    let m = factpanel::mentions(&[art(
        "a",
        "Keir Starmer s'est entretenu vendredi 5 mars 2026 avec Recep Tayyip Erdogan.",
    )])
    .unwrap();
    let d = m.mentions.iter().find(|x| x.kind == "date").unwrap();
    assert_eq!(d.text, "vendredi 5 mars 2026");
    assert_eq!(d.value["weekday"], 4);
    assert_eq!(d.value["stated_weekday"], 5);
}

#[test]
fn a_relative_day_gives_way_to_the_date_written_beside_it() {
    // Page date Friday 7 August 2026: "today, Thursday" and « aujourd'hui
    // (6 août) » are the 6th, not the 7th the page's date counts from.
    let en = Article {
        lang: Some("en".into()),
        ..published(
            "en",
            "President Ana Ruiz held a telephone conversation with President Tomás Quispe today, Thursday.",
            "2026-08-07",
        )
    };
    let fr = published(
        "fr",
        "La présidente Ana Ruiz s'est entretenue aujourd'hui (6 août) avec le président Tomás Quispe.",
        "2026-08-07",
    );
    assert_call_day([en, fr], "2026-08-06");
}

#[test]
fn today_is_the_day_of_the_page() {
    // « Aujourd'hui » in an official readout is the page's day, as "today"
    // is; the date may come from the page's address alone.
    let dated = published(
        "fr",
        "Aujourd'hui, la présidente Ana Ruiz s'est entretenue avec le président Tomás Quispe.",
        "2026-08-07",
    );
    let by_address = Article {
        url: Some("https://example.org/comptes-rendus/2026/08/07/entretien".into()),
        ..Article::new(
            "addr",
            "Compte rendu\n\nLa présidente Ana Ruiz s'est entretenue aujourd'hui avec le président Tomás Quispe.",
        )
    };
    assert_call_day([dated, by_address], "2026-08-07");
}

/// Each article alone dates the call of Ana Ruiz and Tomás Quispe `day`.
fn assert_call_day(arts: [Article; 2], day: &str) {
    for a in arts {
        let doc = analyze(std::slice::from_ref(&a)).unwrap();
        let f = fact(&doc, "call_date/ana_ruiz+tomas_quispe");
        assert_eq!(f.value.date.as_deref(), Some(day), "{}: {:?}", a.id, f.claims[0].value);
    }
}
