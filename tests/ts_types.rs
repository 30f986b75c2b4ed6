//! The TypeScript types the wasm module ships (`src/wasm.rs`'s
//! `typescript_custom_section`, in `pkg/factpanel.d.ts`) say what the serde
//! types of `src/model/` write: for each interface, its fields are the keys
//! a value with every field set serializes to, and its required fields
//! (no `?`) the keys a value with every optional field empty still has; each
//! string union lists the serde names of its enum.
//!
//! The model values below are struct literals naming every field: a field
//! added to the model does not compile here until it is added, and then
//! this test asks for it in the `.d.ts`.
#![cfg(not(target_arch = "wasm32"))]

use factpanel::model::{
    Agreement, Article, Bound, Claim, DateNote, DateParts, Document, EntityId, EntityInfo, Event, Fact, Kind, Minutes,
    NegotiationStart, Source, Stance, Status, Subject, Value,
};
use std::collections::{BTreeMap, BTreeSet};

/// The `.d.ts` text of `src/wasm.rs`, comments removed.
fn ts() -> String {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/wasm.rs")).unwrap();
    let start = src.find("const TS_TYPES: &'static str = r#\"").expect("the TS section") + 35;
    let body = &src[start..start + src[start..].find("\"#;").unwrap()];
    let mut out = String::new();
    let mut rest = body;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = &rest[i + rest[i..].find("*/").unwrap() + 2..];
    }
    out.push_str(rest);
    out
}

/// Field name → optional, of the object type starting at `{` in `s`
/// (nested object types are skipped, their field kept).
fn fields(s: &str) -> BTreeMap<String, bool> {
    let mut out = BTreeMap::new();
    let (mut depth, mut part) = (0, String::new());
    for c in s.chars() {
        match c {
            '{' => {
                depth += 1;
                if depth == 1 {
                    continue;
                }
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    // The last field may end at the brace: `{ a: T; b: U }`.
                    if let Some((name, _)) = part.trim().split_once(':') {
                        out.insert(name.trim_end_matches('?').trim().to_string(), name.ends_with('?'));
                    }
                    break;
                }
            }
            _ => {}
        }
        if depth == 1 && (c == ';' || c == '\n') {
            let p = part.trim();
            if let Some((name, _)) = p.split_once(':') {
                let opt = name.ends_with('?');
                out.insert(name.trim_end_matches('?').trim().to_string(), opt);
            }
            part.clear();
        } else if depth >= 1 {
            part.push(c);
        }
    }
    out
}

fn interface(ts: &str, name: &str) -> BTreeMap<String, bool> {
    let i = ts.find(&format!("export interface {name} ")).unwrap_or_else(|| panic!("{name} in the .d.ts"));
    fields(&ts[i + ts[i..].find('{').unwrap()..])
}

/// The quoted strings of `export type NAME = "a" | "b";`.
fn union(ts: &str, name: &str) -> BTreeSet<String> {
    let i = ts.find(&format!("export type {name} =")).unwrap_or_else(|| panic!("{name} in the .d.ts"));
    let def = &ts[i..i + ts[i..].find(';').unwrap()];
    def.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

fn keys<T: serde::Serialize>(v: &T) -> BTreeSet<String> {
    match serde_json::to_value(v).unwrap() {
        serde_json::Value::Object(m) => m.keys().cloned().collect(),
        other => panic!("not an object: {other}"),
    }
}

fn id(s: &str) -> EntityId {
    EntityId(s.into())
}

fn full_value() -> Value {
    Value {
        min: Bound::Present(Some(Minutes(60))),
        max: Bound::Present(None),
        date: Some("2025-02-12".into()),
        parts: Some(full_parts()),
        position: Some(Stance::Opposed),
        start: Some(NegotiationStart::Immediately),
        released_by: Some(id("kremlin")),
        place: Some(None),
        places: vec![id("moscow")],
        term: Some("bon".into()),
        occurred: Some(true),
        text: Some("t".into()),
    }
}

fn full_parts() -> DateParts {
    DateParts { year: Some(2025), month: Some(2), day: Some(12), weekday: Some(3) }
}

fn claim(full: bool) -> Claim {
    Claim {
        source: "a".into(),
        quote: "q".into(),
        start: 0,
        end: 1,
        value: if full { full_value() } else { Value::default() },
        value_start: 0,
        value_end: 1,
        said_by: full.then(|| id("trump")),
        agreement: Agreement::Precise,
        rule: "r".into(),
        date_note: full.then_some(DateNote::WeekdayInconsistent { stated_weekday: 3 }),
    }
}

fn subject(full: bool) -> Subject {
    if full {
        Subject {
            participants: vec![id("a"), id("b")],
            actor: Some(id("a")),
            topic: Some("t".into()),
            person: Some(id("p")),
        }
    } else {
        Subject { participants: vec![], actor: None, topic: None, person: None }
    }
}

fn fact(full: bool) -> Fact {
    Fact {
        id: "f".into(),
        kind: Kind::Stance,
        label: "l".into(),
        subject: subject(full),
        value: if full { full_value() } else { Value::default() },
        status: Status::Single,
        claims: vec![],
    }
}

fn source(full: bool) -> Source {
    let s = |x: &str| full.then(|| x.to_string());
    Source {
        id: "a".into(),
        title: "t".into(),
        lang: "fr".into(),
        url: s("https://example.org/"),
        outlet: s("o"),
        on_event: true,
        note: s("n"),
        copy_of: s("b"),
        wire: s("AFP"),
    }
}

fn entity(full: bool) -> EntityInfo {
    let s = |x: &str| full.then(|| x.to_string());
    EntityInfo {
        name: "n".into(),
        short: "s".into(),
        name_en: "n".into(),
        short_en: "s".into(),
        role: s("r"),
        country: s("c"),
        country_en: s("c"),
    }
}

fn event(full: bool) -> Event {
    Event {
        label: "l".into(),
        date: full.then(|| "2025-02-12".into()),
        participants: if full { vec![id("a"), id("b")] } else { vec![] },
        kind: full.then(|| "call".into()),
    }
}

fn article(full: bool) -> Article {
    let s = |x: &str| full.then(|| x.to_string());
    Article {
        id: "a".into(),
        text: "t".into(),
        title: s("t"),
        url: s("https://example.org/"),
        outlet: s("o"),
        lang: s("fr"),
        published: s("2025-02-12"),
    }
}

fn document(full: bool) -> Document {
    Document {
        schema: factpanel::model::SCHEMA.into(),
        event: event(full),
        sources: vec![source(full)],
        facts: vec![fact(full)],
        entities: Default::default(),
    }
}

/// `(all fields, required fields)` of the serde form.
fn serde_form<T: serde::Serialize>(full: &T, empty: &T) -> (BTreeSet<String>, BTreeSet<String>) {
    (keys(full), keys(empty))
}

#[test]
fn the_d_ts_interfaces_are_the_serde_types() {
    let ts = ts();
    let forms: Vec<(&str, (BTreeSet<String>, BTreeSet<String>))> = vec![
        ("FactpanelArticle", serde_form(&article(true), &article(false))),
        ("FactpanelSubject", serde_form(&subject(true), &subject(false))),
        ("FactpanelDateParts", serde_form(&full_parts(), &DateParts::default())),
        ("FactpanelValue", serde_form(&full_value(), &Value::default())),
        ("FactpanelClaim", serde_form(&claim(true), &claim(false))),
        ("FactpanelDateNote", {
            let k = keys(&DateNote::WeekdayInconsistent { stated_weekday: 3 });
            (k.clone(), k)
        }),
        ("FactpanelFact", serde_form(&fact(true), &fact(false))),
        ("FactpanelSource", serde_form(&source(true), &source(false))),
        ("FactpanelEntity", serde_form(&entity(true), &entity(false))),
        ("FactpanelDocument", serde_form(&document(true), &document(false))),
    ];
    let mut wrong = Vec::new();
    for (name, (all, required)) in forms {
        let t = interface(&ts, name);
        let t_all: BTreeSet<String> = t.keys().cloned().collect();
        let t_required: BTreeSet<String> = t.iter().filter(|(_, opt)| !**opt).map(|(k, _)| k.clone()).collect();
        if t_all != all {
            wrong.push(format!("{name}: .d.ts fields {t_all:?}, serde writes {all:?}"));
        }
        // A field the .d.ts requires must always be written; one serde
        // always writes may still be marked optional only if it is not.
        if t_required != required {
            wrong.push(format!("{name}: .d.ts requires {t_required:?}, serde always writes {required:?}"));
        }
    }
    // The document's inline event type.
    let doc = interface(&ts, "FactpanelDocument");
    assert!(doc.contains_key("event"));
    let i = ts.find("event: {").unwrap();
    let ev = fields(&ts[i + "event: ".len()..]);
    let ev_all: BTreeSet<String> = ev.keys().cloned().collect();
    if ev_all != keys(&event(true)) {
        wrong.push(format!("FactpanelDocument.event: .d.ts {ev_all:?}, serde {:?}", keys(&event(true))));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_d_ts_unions_are_the_serde_names() {
    let ts = ts();
    let names = |v: Vec<serde_json::Value>| -> BTreeSet<String> {
        v.into_iter().map(|x| x.as_str().unwrap().to_string()).collect()
    };
    let s = |x: &dyn erased::Ser| x.json();
    let kinds = Kind::ALL;
    // (A kind added to the model does not compile here until listed, and
    // then should be in `Kind::ALL`.)
    for k in kinds {
        match k {
            Kind::CallDuration
            | Kind::CallDate
            | Kind::CallCharacterization
            | Kind::Stance
            | Kind::Negotiations
            | Kind::PrisonerRelease
            | Kind::PrisonerExchange
            | Kind::Meeting => {}
        }
    }
    assert_eq!(union(&ts, "FactpanelKind"), names(kinds.iter().map(|k| s(k)).collect()));
    let statuses = [Status::Agreed, Status::Compatible, Status::Disputed, Status::Single];
    assert_eq!(union(&ts, "FactpanelStatus"), names(statuses.iter().map(|k| s(k)).collect()));
    let agreements = [Agreement::Precise, Agreement::Compatible, Agreement::Disputes];
    assert_eq!(union(&ts, "FactpanelAgreement"), names(agreements.iter().map(|k| s(k)).collect()));
    let stances = [Stance::Unrealistic, Stance::Opposed, Stance::Inevitable, Stance::Supports];
    assert_eq!(union(&ts, "FactpanelStance"), names(stances.iter().map(|k| s(k)).collect()));
}

/// `serde_json::to_value` behind a trait object, for the lists above.
mod erased {
    pub trait Ser {
        fn json(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap()
        }
    }
}
