//! Unit tests of the label and value formatting (`crate::format`).

use super::*;

fn fr() -> Lang {
    Lang::from_tag("fr")
}

fn en() -> Lang {
    Lang::from_tag("en")
}
use crate::model::{Bound, EntityInfo, Event, Minutes, Source, SCHEMA};

fn ent(name: &str, short: &str, name_en: &str, short_en: &str) -> EntityInfo {
    EntityInfo {
        name: name.into(),
        short: short.into(),
        name_en: name_en.into(),
        short_en: short_en.into(),
        role: None,
        country: None,
        country_en: None,
    }
}

fn subj() -> Subject {
    Subject { participants: vec![], actor: None, topic: None, person: None }
}

fn id(s: &str) -> EntityId {
    EntityId(s.into())
}

fn fact(kind: Kind, subject: Subject, value: Value) -> Fact {
    Fact {
        id: format!("{}/x", kind.as_str()),
        kind,
        label: String::new(),
        subject,
        value,
        status: Status::Agreed,
        claims: vec![],
    }
}

fn doc() -> Document {
    let mut d = Document {
        schema: SCHEMA.into(),
        event: Event {
            label: "Appel Trump–Poutine".into(),
            date: Some("2025-02-12".into()),
            participants: vec![EntityId("trump".into()), EntityId("putin".into())],
            kind: Some("call".into()),
        },
        sources: vec![Source {
            id: "a".into(),
            title: "t".into(),
            lang: "fr".into(),
            url: None,
            outlet: None,
            on_event: true,
            note: None,
            copy_of: None,
            wire: None,
        }],
        facts: vec![],
        entities: Default::default(),
    };
    d.entities.insert("trump".into(), ent("Donald Trump", "Trump", "Donald Trump", "Trump"));
    d.entities.insert("putin".into(), ent("Vladimir Poutine", "Poutine", "Vladimir Putin", "Putin"));
    d.entities.insert("zelensky".into(), ent("Volodymyr Zelensky", "Zelensky", "Volodymyr Zelensky", "Zelensky"));
    d.entities.insert("kremlin".into(), ent("le Kremlin", "Kremlin", "the Kremlin", "Kremlin"));
    d.entities.insert("hegseth".into(), ent("Pete Hegseth", "Hegseth", "Pete Hegseth", "Hegseth"));
    d.entities.insert("united_states".into(), ent("les États-Unis", "États-Unis", "the United States", "US"));
    d.entities.insert(
        "biden_administration".into(),
        ent("l'administration Biden", "Administration Biden", "the Biden administration", "Biden administration"),
    );
    d.entities.insert("marc_fogel".into(), ent("Marc Fogel", "Fogel", "Marc Fogel", "Fogel"));
    d.entities.insert("saudi_arabia".into(), ent("Arabie saoudite", "Arabie saoudite", "Saudi Arabia", "Saudi Arabia"));
    d.entities.insert("moscow".into(), ent("Moscou", "Moscou", "Moscow", "Moscow"));
    let call = |p: &[&str]| Subject { participants: p.iter().map(|s| id(s)).collect(), ..subj() };
    d.facts.push(fact(Kind::CallDuration, call(&["putin", "trump"]), Value::duration(Interval::exact(90))));
    d.facts.push(fact(Kind::CallDuration, call(&["trump", "zelensky"]), Value::duration(Interval::exact(60))));
    d
}

#[test]
fn lang_from_tag() {
    assert_eq!(Lang::from_tag("en"), en());
    assert_eq!(Lang::from_tag("EN-gb"), en());
    assert_eq!(Lang::from_tag("en_US"), en());
    assert_eq!(Lang::from_tag("fr"), fr());
    assert_eq!(Lang::from_tag("fr-CA"), fr());
    assert_eq!(Lang::from_tag(""), fr());
    assert_eq!(Lang::from_tag("english"), fr());
    assert_eq!(Lang::from_tag("de"), fr());
    assert_eq!(Lang::default(), fr());
    assert_eq!(en().tag(), "en");
}

#[test]
fn minutes_in_words() {
    assert_eq!(minutes(0, fr()), "0 min");
    assert_eq!(minutes(45, fr()), "45 min");
    assert_eq!(minutes(60, fr()), "1 h");
    assert_eq!(minutes(90, fr()), "1 h 30");
    assert_eq!(minutes(65, fr()), "1 h 05");
    assert_eq!(minutes(150, fr()), "2 h 30");
    assert_eq!(minutes(90, en()), "1 h 30 min");
    assert_eq!(minutes(120, en()), "2 h");
    assert_eq!(minutes(59, en()), "59 min");
}

#[test]
fn intervals_in_words() {
    assert_eq!(interval(&Interval::exact(90), fr()), "1 h 30 (90 min)");
    assert_eq!(interval(&Interval::exact(90), en()), "1 h 30 min (90 min)");
    assert_eq!(interval(&Interval::exact(60), fr()), "1 h (60 min)");
    assert_eq!(interval(&Interval::exact(30), fr()), "30 min");
    assert_eq!(interval(&Interval::between(80, 90), fr()), "1 h 20 à 1 h 30 (80–90 min)");
    assert_eq!(interval(&Interval::between(80, 90), en()), "1 h 20 min to 1 h 30 min (80–90 min)");
    assert_eq!(interval(&Interval::between(20, 30), fr()), "20–30 min");
    let open = Interval { min: Some(Minutes(60)), max: None };
    assert_eq!(interval(&open, fr()), "plus d'1 h");
    assert_eq!(interval(&open, en()), "more than 1 h");
    let open2 = Interval { min: Some(Minutes(120)), max: None };
    assert_eq!(interval(&open2, fr()), "plus de 2 h");
    let upto = Interval { min: None, max: Some(Minutes(90)) };
    assert_eq!(interval(&upto, fr()), "jusqu'à 1 h 30");
    assert_eq!(interval(&upto, en()), "up to 1 h 30 min");
    assert_eq!(interval(&Interval { min: None, max: None }, fr()), "durée inconnue");
}

#[test]
fn dates_in_words() {
    assert_eq!(date("2025-02-12", fr()), "mercredi 12 février 2025");
    assert_eq!(date("2025-02-12", en()), "Wednesday 12 February 2025");
    assert_eq!(date("2025-03-01", fr()), "samedi 1er mars 2025");
    assert_eq!(date("2025-02", fr()), "février 2025");
    assert_eq!(date("not a date", fr()), "not a date");
    assert_eq!(date("2025-13-01", fr()), "2025-13-01");
    assert_eq!(date("2025-02-30", fr()), "2025-02-30", "not a day of February");
    let wed = DateParts { weekday: Some(3), ..DateParts::default() };
    assert_eq!(date_parts(&wed, fr()), "mercredi");
    let d = DateParts { day: Some(12), month: Some(2), ..DateParts::default() };
    assert_eq!(date_parts(&d, fr()), "12 février");
    assert_eq!(date_parts(&DateParts::default(), en()), "unknown date");
}

#[test]
fn statuses_and_positions() {
    assert_eq!(status(Status::Agreed, fr()), "concordant");
    assert_eq!(status(Status::Single, fr()), "source unique");
    assert_eq!(status(Status::Single, en()), "single source");
    assert_eq!(status(Status::Disputed, en()), "disputed");
    assert_eq!(stance(Stance::Unrealistic, fr()), "irréaliste");
    assert_eq!(stance(Stance::Unrealistic, en()), "not realistic");
    assert_eq!(topic("ukraine_nato_membership", en()), "Ukraine joining NATO");
    assert_eq!(source_count(1, fr()), "1 source");
    assert_eq!(source_count(4, en()), "4 sources");
}

#[test]
fn names_and_attribution() {
    let d = doc();
    assert_eq!(entity_name(&d, "putin", fr()), "Vladimir Poutine");
    assert_eq!(entity_name(&d, "putin", en()), "Vladimir Putin");
    assert_eq!(entity_short(&d, "putin", fr()), "Poutine");
    assert_eq!(entity_name(&d, "nobody_known", fr()), "nobody_known");
    assert_eq!(said_by(Some(&id("kremlin")), &d, fr()), "selon le Kremlin");
    assert_eq!(said_by(Some(&id("kremlin")), &d, en()), "according to the Kremlin");
    assert_eq!(said_by(Some(&id("trump")), &d, fr()), "selon Trump");
    assert_eq!(said_by(Some(&id("biden_administration")), &d, fr()), "selon l'administration Biden");
    assert_eq!(said_by(None, &d, fr()), "selon le média");
    // A full name that carries its article is used as is.
    let mut d2 = d.clone();
    d2.entities.insert(
        "ukrainian_presidency".into(),
        ent("la présidence ukrainienne", "Présidence ukrainienne", "the Ukrainian presidency", "Ukrainian presidency"),
    );
    assert_eq!(said_by(Some(&id("ukrainian_presidency")), &d2, fr()), "selon la présidence ukrainienne");
    assert_eq!(said_by(Some(&id("ukrainian_presidency")), &d2, en()), "according to the Ukrainian presidency");
    assert_eq!(said_by(None, &d, en()), "according to the outlet");
    // The document's own names win over the packs'.
    let mut d3 = d.clone();
    d3.entities.insert("trump".into(), ent("D. Trump", "DT", "Don Trump", "DonT"));
    assert_eq!(entity_short(&d3, "trump", fr()), "DT");
    assert_eq!(entity_name(&d3, "trump", en()), "Don Trump");
}

#[test]
fn labels_read_naturally() {
    let d = doc();
    assert_eq!(fact_label(&d.facts[0], &d, fr()), "Durée de l'appel Trump–Poutine");
    assert_eq!(fact_label(&d.facts[0], &d, en()), "Length of the Trump–Putin call");
    assert_eq!(fact_label(&d.facts[1], &d, fr()), "Durée de l'appel Trump–Zelensky");
    let s = Subject { actor: Some(id("hegseth")), topic: Some("ukraine_nato_membership".into()), ..subj() };
    assert_eq!(subject_label(Kind::Stance, &s, &d, fr()), "Position de Hegseth : l'adhésion de l'Ukraine à l'OTAN");
    assert_eq!(subject_label(Kind::Stance, &s, &d, en()), "Position of Hegseth on Ukraine joining NATO");
    // An institution keeps its article, contracted with « de ».
    let k = Subject { actor: Some(id("kremlin")), ..s.clone() };
    assert_eq!(subject_label(Kind::Stance, &k, &d, fr()), "Position du Kremlin : l'adhésion de l'Ukraine à l'OTAN");
    assert_eq!(subject_label(Kind::Stance, &k, &d, en()), "Position of the Kremlin on Ukraine joining NATO");
    // A name starting with a vowel elides « de ».
    d2_vinnik(&d);
    let p = Subject { person: Some(id("marc_fogel")), ..subj() };
    assert_eq!(subject_label(Kind::PrisonerRelease, &p, &d, fr()), "Libération de Marc Fogel");
    let m = Subject { participants: vec![id("putin"), id("trump")], ..subj() };
    assert_eq!(subject_label(Kind::Meeting, &m, &d, fr()), "Rencontre prévue Trump–Poutine");
    assert_eq!(subject_label(Kind::Meeting, &subj(), &d, en()), "Planned meeting");
    assert_eq!(subject_label(Kind::PrisonerRelease, &subj(), &d, fr()), "Libération d'un prisonnier");
    assert_eq!(subject_label(Kind::Negotiations, &m, &d, en()), "Start of Trump–Putin negotiations");
    let c = Subject { participants: vec![id("trump"), id("zelensky")], actor: Some(id("zelensky")), ..subj() };
    assert_eq!(subject_label(Kind::CallCharacterization, &c, &d, fr()), "L'appel Trump–Zelensky selon Zelensky");
    // Unknown entities fall back to their ids.
    let u = Subject { participants: vec![id("x_one"), id("x_two")], ..subj() };
    assert_eq!(subject_label(Kind::CallDuration, &u, &d, fr()), "Durée de l'appel x_one–x_two");
}

fn d2_vinnik(d: &Document) {
    let mut d = d.clone();
    d.entities.insert("alexander_vinnik".into(), ent("Alexander Vinnik", "Vinnik", "Alexander Vinnik", "Vinnik"));
    let p = Subject { person: Some(id("alexander_vinnik")), ..subj() };
    assert_eq!(subject_label(Kind::PrisonerRelease, &p, &d, fr()), "Libération d'Alexander Vinnik");
    assert_eq!(subject_label(Kind::PrisonerRelease, &p, &d, en()), "Release of Alexander Vinnik");
}

#[test]
fn values_in_plain_words() {
    let d = doc();
    assert_eq!(fact_value(&d.facts[0], &d, fr()), "1 h 30 (90 min)");
    let date_fact = fact(Kind::CallDate, subj(), Value { date: Some("2025-02-12".into()), ..Value::default() });
    assert_eq!(fact_value(&date_fact, &d, fr()), "mercredi 12 février 2025");
    let v = Value { position: Some(Stance::Unrealistic), ..Value::default() };
    assert_eq!(value(Kind::Stance, &v, &d, fr()), "irréaliste");
    assert_eq!(value(Kind::Stance, &v, &d, en()), "not realistic");
    let v = Value { released_by: Some(id("united_states")), ..Value::default() };
    assert_eq!(value(Kind::PrisonerRelease, &v, &d, fr()), "libéré par les États-Unis");
    assert_eq!(value(Kind::PrisonerRelease, &v, &d, en()), "released by the United States");
    let v = Value { start: Some(NegotiationStart::Immediately), ..Value::default() };
    assert_eq!(value(Kind::Negotiations, &v, &d, fr()), "immédiatement");
    let v = Value { term: Some("significative".into()), ..Value::default() };
    assert_eq!(value(Kind::CallCharacterization, &v, &d, fr()), "« significative »");
    let v = Value { place: Some(None), places: vec![id("saudi_arabia"), id("moscow")], ..Value::default() };
    assert_eq!(value(Kind::Meeting, &v, &d, fr()), "prévue ; lieux cités : Arabie saoudite, Moscou");
    let v = Value { place: Some(Some(id("moscow"))), ..Value::default() };
    assert_eq!(value(Kind::Meeting, &v, &d, en()), "planned: Moscow");
    let v = Value { occurred: Some(true), ..Value::default() };
    assert_eq!(value(Kind::PrisonerExchange, &v, &d, fr()), "a eu lieu");
    // A duration with an open bound, as a claim gives it.
    let v = Value {
        min: Bound::Present(Some(Minutes(60))),
        max: Bound::Present(None),
        text: Some("plus d'une heure".into()),
        ..Value::default()
    };
    assert_eq!(value(Kind::CallDuration, &v, &d, fr()), "plus d'1 h");
    // A value without the expected field falls back to its text.
    let v = Value { text: Some("vers midi".into()), ..Value::default() };
    assert_eq!(value(Kind::CallDate, &v, &d, fr()), "vers midi");
    let claim = Claim {
        source: "a".into(),
        quote: "q".into(),
        start: 0,
        end: 1,
        value: Value::duration(Interval::between(80, 90)),
        value_start: 0,
        value_end: 1,
        said_by: None,
        agreement: Agreement::Compatible,
        rule: "r".into(),
        date_note: None,
    };
    assert_eq!(claim_value(Kind::CallDuration, &claim, &d, fr()), "1 h 20 à 1 h 30 (80–90 min)");
}

#[test]
fn a_weekday_that_is_not_the_date_s() {
    let note = DateNote::WeekdayInconsistent { stated_weekday: 3 };
    let jul1 = DateParts { year: Some(2025), month: Some(7), day: Some(1), weekday: Some(2) };
    let f =
        fact(Kind::CallDate, subj(), Value { date: Some("2025-07-01".into()), parts: Some(jul1), ..Value::default() });
    let claim = |p: DateParts| Claim {
        source: "a".into(),
        quote: "q".into(),
        start: 0,
        end: 1,
        value: Value { parts: Some(p), ..Value::default() },
        value_start: 0,
        value_end: 1,
        said_by: None,
        agreement: Agreement::Precise,
        rule: "r".into(),
        date_note: Some(note),
    };
    let full = claim(jul1);
    assert_eq!(
        date_note(&note, &full, &f, fr()),
        "le jour de la semaine donné (mercredi) ne correspond pas au 1er juillet 2025"
    );
    assert_eq!(date_note(&note, &full, &f, en()), "the weekday given (Wednesday) does not match 1 July 2025");
    // Without a year of its own, the claim's day and month take the fact's.
    let no_year = claim(DateParts { year: None, ..jul1 });
    assert_eq!(date_note(&note, &no_year, &f, en()), "the weekday given (Wednesday) does not match 1 July 2025");
    let other = claim(DateParts { year: None, day: Some(3), ..jul1 });
    assert_eq!(
        date_note(&note, &other, &f, fr()),
        "le jour de la semaine donné (mercredi) ne correspond pas au 3 juillet"
    );
}

#[test]
fn ui_strings_exist_in_both_languages() {
    for k in [Ui::PanelTitle, Ui::Facts, Ui::Positions, Ui::Sources, Ui::ShowQuotes, Ui::ReadInContext, Ui::OffEvent] {
        assert!(!ui(k, fr()).is_empty());
        assert!(!ui(k, en()).is_empty());
    }
    assert_eq!(ui(Ui::OffEvent, fr()), "autre événement");
}

#[test]
fn event_support_and_coverage() {
    let d = doc();
    assert_eq!(event_label(&d, fr()), "Appel Trump–Poutine");
    assert_eq!(event_label(&d, en()), "Trump–Putin call");
    assert_eq!(agreement(Agreement::Compatible, fr()), "moins précis");
    assert_eq!(support(4, 0, 0, fr()), "4 sources");
    assert_eq!(support(4, 1, 0, fr()), "4 sources, dont 1 moins précise");
    assert_eq!(support(4, 2, 1, fr()), "4 sources, dont 2 moins précises, 1 en désaccord");
    assert_eq!(support(3, 0, 1, en()), "3 sources, of which 1 disagrees");
    assert_eq!(coverage(4, 5, fr()), "couvert par 4 sources sur 5");
    assert_eq!(coverage(4, 5, en()), "covered by 4 of 5 sources");
    assert_eq!(coverage(1, 1, fr()), "couvert par 1 source");
    assert_eq!(coverage_in_newsrooms(4, 5, 4, fr()), "couvert par 4 sources sur 5", "no copies");
    assert_eq!(coverage_in_newsrooms(4, 5, 3, fr()), "couvert par 4 sources sur 5, 3 rédactions indépendantes");
    assert_eq!(coverage_in_newsrooms(4, 5, 3, en()), "covered by 4 of 5 sources, 3 independent newsrooms");
    assert_eq!(coverage_in_newsrooms(2, 2, 1, en()), "covered by 2 sources, 1 independent newsroom");
    assert_eq!(support_in_newsrooms(4, 4, 1, 0, fr()), support(4, 1, 0, fr()));
    assert_eq!(support_in_newsrooms(4, 3, 1, 0, fr()), "3 rédactions (4 sources), dont 1 moins précise");
    assert_eq!(support_in_newsrooms(2, 1, 0, 0, en()), "1 newsroom (2 sources)");
    assert_eq!(
        copy_note(1, Some("AFP"), fr()),
        "Reprise de la même dépêche AFP que la source 1 : une seule rédaction."
    );
    assert_eq!(copy_note(2, None, en()), "Copy of the same text as source 2: one newsroom.");
}
