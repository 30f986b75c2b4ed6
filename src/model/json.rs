//! Reading documents and articles from JSON values without serde's derived
//! deserializers (they weigh more in the wasm module than the whole panel).
//! Lenient about unknown fields, strict about the types of known ones.
//!
//! Errors are sticky, as in `crate::codec`: the first one is kept in an
//! [`Errors`] sink shared by every [`Table`] of one reading, and getters
//! give a default value after it, so that readers are straight-line code
//! (an early return per field would drop every field read before it, a
//! drop ladder per field in the wasm module).

use super::*;
use crate::error::Quoted;
use serde_json::Value as J;

fn opt_s(t: &Table, k: &'static str) -> Option<String> {
    t.opt_str_or_null(k)
}

fn ids(t: &Table, k: &'static str) -> Vec<EntityId> {
    t.opt_strs(k).into_iter().map(EntityId).collect()
}

const KINDS: &[(&str, Kind)] = &[
    ("call_duration", Kind::CallDuration),
    ("call_date", Kind::CallDate),
    ("call_characterization", Kind::CallCharacterization),
    ("stance", Kind::Stance),
    ("negotiations", Kind::Negotiations),
    ("prisoner_release", Kind::PrisonerRelease),
    ("prisoner_exchange", Kind::PrisonerExchange),
    ("meeting", Kind::Meeting),
];
/// Positions by JSON name.
pub const STANCES: &[(&str, Stance)] = &[
    ("unrealistic", Stance::Unrealistic),
    ("opposed", Stance::Opposed),
    ("inevitable", Stance::Inevitable),
    ("supports", Stance::Supports),
];
const STATUSES: &[(&str, Status)] = &[
    ("agreed", Status::Agreed),
    ("compatible", Status::Compatible),
    ("disputed", Status::Disputed),
    ("single", Status::Single),
];
const AGREEMENTS: &[(&str, Agreement)] =
    &[("precise", Agreement::Precise), ("compatible", Agreement::Compatible), ("disputes", Agreement::Disputes)];

fn bound(t: &Table, k: &'static str) -> Bound {
    match t.raw(k) {
        None => Bound::Absent,
        Some(J::Null) => Bound::Present(None),
        Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Bound::Present(Some(Minutes(n))),
            None => {
                t.fail(k, "whole minutes or null");
                Bound::Absent
            }
        },
    }
}

fn small(t: &Table, k: &'static str) -> Option<u32> {
    match t.raw(k) {
        None | Some(J::Null) => None,
        Some(_) => Some(t.uint(k)),
    }
}

fn value(v: &J, ctx: &str, errs: &Errors) -> Value {
    let t = Table::new(v, ctx.to_string(), errs);
    let parts = match t.raw("parts") {
        None | Some(J::Null) => None,
        Some(_) => {
            let p = t.table("parts");
            Some(DateParts {
                year: small(&p, "year").map(|y| y as i32),
                month: small(&p, "month").map(|x| x as u8),
                day: small(&p, "day").map(|x| x as u8),
                weekday: small(&p, "weekday").map(|x| x as u8),
            })
        }
    };
    Value {
        min: bound(&t, "min"),
        max: bound(&t, "max"),
        date: opt_s(&t, "date"),
        parts,
        position: opt_s(&t, "position").map(|p| t.one_of("position", &p, STANCES)),
        start: opt_s(&t, "start").map(|s| t.one_of("start", &s, &[("immediately", NegotiationStart::Immediately)])),
        released_by: opt_s(&t, "released_by").map(EntityId),
        place: match t.raw("place") {
            None => None,
            Some(J::Null) => Some(None),
            Some(_) => Some(Some(EntityId(t.str("place")))),
        },
        places: ids(&t, "places"),
        term: opt_s(&t, "term"),
        occurred: match t.raw("occurred") {
            None | Some(J::Null) => None,
            Some(_) => Some(t.flag("occurred")),
        },
        text: opt_s(&t, "text"),
    }
}

/// A claim.
pub fn claim(v: &J) -> Result<Claim, String> {
    let errs = Errors::default();
    let c = claim_in(v, &errs);
    errs.finish(c)
}

fn claim_in(v: &J, errs: &Errors) -> Claim {
    let t = Table::new(v, "claim", errs);
    let n = |k: &'static str| t.uint(k) as usize;
    Claim {
        source: t.str("source"),
        quote: t.str("quote"),
        start: n("start"),
        end: n("end"),
        value: value(t.raw("value").unwrap_or(&J::Null), "claim value", errs),
        value_start: n("value_start"),
        value_end: n("value_end"),
        said_by: opt_s(&t, "said_by").map(EntityId),
        agreement: t.one_of("agreement", &t.str("agreement"), AGREEMENTS),
        rule: t.str("rule"),
        date_note: match t.raw("date_note") {
            None | Some(J::Null) => None,
            Some(_) => Some(date_note(&t.table("date_note"))),
        },
    }
}

/// A claim's `date_note`.
fn date_note(t: &Table) -> DateNote {
    let kind = t.str("kind");
    t.one_of("kind", &kind, &[("weekday_inconsistent", ())]);
    let w = t.uint("stated_weekday");
    if !(1..=7).contains(&w) {
        t.fail("stated_weekday", "1 (Monday) to 7");
    }
    DateNote::WeekdayInconsistent { stated_weekday: w.clamp(1, 7) as u8 }
}

/// A `factpanel/1` document.
pub fn document(v: &J) -> Result<Document, String> {
    let errs = Errors::default();
    let d = document_in(v, &errs);
    errs.finish(d)
}

fn document_in(v: &J, errs: &Errors) -> Document {
    let t = Table::new(v, "document", errs);
    let schema = t.str("schema");
    if errs.ok() && schema != SCHEMA {
        errs.set(format!("schema {}, expected {}", Quoted(&schema), Quoted(SCHEMA)));
    }
    let e = t.table("event");
    let event = Event {
        label: e.str("label"),
        date: opt_s(&e, "date"),
        participants: ids(&e, "participants"),
        kind: opt_s(&e, "kind"),
    };
    let mut sources = Vec::new();
    for s in t.tables("sources") {
        sources.push(Source {
            id: s.str("id"),
            title: s.str("title"),
            lang: s.str("lang"),
            url: opt_s(&s, "url"),
            outlet: opt_s(&s, "outlet"),
            on_event: s.flag("on_event"),
            note: opt_s(&s, "note"),
            copy_of: opt_s(&s, "copy_of"),
            wire: opt_s(&s, "wire"),
        });
    }
    let mut facts = Vec::new();
    for f in t.tables("facts") {
        let sj = f.table("subject");
        let subject = Subject {
            participants: ids(&sj, "participants"),
            actor: opt_s(&sj, "actor").map(EntityId),
            topic: opt_s(&sj, "topic"),
            person: opt_s(&sj, "person").map(EntityId),
        };
        let claims = match f.raw("claims") {
            Some(J::Array(a)) => a.iter().map(|c| claim_in(c, errs)).collect(),
            _ => {
                f.fail("claims", "an array");
                Vec::new()
            }
        };
        facts.push(Fact {
            id: f.str("id"),
            kind: f.one_of("kind", &f.str("kind"), KINDS),
            label: f.str("label"),
            subject,
            value: value(f.raw("value").unwrap_or(&J::Null), "fact value", errs),
            status: f.one_of("status", &f.str("status"), STATUSES),
            claims,
        });
    }
    let mut entities = Vec::new();
    if let Some(J::Object(m)) = t.raw("entities") {
        for (id, v) in m {
            let x = Table::new(v, format!("entity {}", Quoted(id)), errs);
            entities.push((
                id.clone(),
                EntityInfo {
                    name: x.str("name"),
                    short: x.str("short"),
                    name_en: x.str("name_en"),
                    short_en: x.str("short_en"),
                    role: opt_s(&x, "role"),
                    country: opt_s(&x, "country"),
                    country_en: opt_s(&x, "country_en"),
                },
            ));
        }
    }
    Document { schema, event, sources, facts, entities: Entities::from_pairs(entities) }
}

/// One article object: `{id, text, title?, url?, outlet?, lang?, published?}`.
pub fn article(v: &J) -> Result<Article, String> {
    let errs = Errors::default();
    let t = Table::new(v, "article", &errs);
    let a = Article {
        id: t.str("id"),
        text: t.str("text"),
        title: opt_s(&t, "title"),
        url: opt_s(&t, "url"),
        outlet: opt_s(&t, "outlet"),
        lang: opt_s(&t, "lang"),
        published: opt_s(&t, "published"),
    };
    t.finish();
    errs.finish(a)
}

/// The first error of one reading.
#[derive(Default)]
pub struct Errors(std::cell::RefCell<Option<String>>);

impl Errors {
    /// Keeps `e` unless an error came first.
    #[inline(never)]
    pub fn set(&self, e: String) {
        let mut first = self.0.borrow_mut();
        if first.is_none() {
            *first = Some(e);
        }
    }

    /// Whether no error came yet.
    pub fn ok(&self) -> bool {
        self.0.borrow().is_none()
    }

    /// `v`, or the first error.
    pub fn finish<T>(self, v: T) -> Result<T, String> {
        match self.0.into_inner() {
            Some(e) => Err(e),
            None => Ok(v),
        }
    }
}

/// A JSON object being read into typed values: every getter names the
/// object in its errors, which go to the reading's [`Errors`].
pub struct Table<'a> {
    map: Option<&'a serde_json::Map<String, J>>,
    ctx: String,
    used: std::cell::RefCell<Vec<&'a str>>,
    errs: &'a Errors,
}

impl<'a> Table<'a> {
    /// Wraps an object; `ctx` names it in errors ("claim"). Anything else is
    /// an error, and a table without keys.
    pub fn new(v: &'a J, ctx: impl Into<String>, errs: &'a Errors) -> Self {
        let ctx = ctx.into();
        let map = match v {
            J::Object(map) => Some(map),
            _ => {
                errs.set(format!("{ctx}: expected a table"));
                None
            }
        };
        Table { map, ctx, used: Default::default(), errs }
    }

    fn get(&self, key: &'a str) -> Option<&'a J> {
        let (k, v) = self.map?.get_key_value(key)?;
        self.used.borrow_mut().push(k.as_str());
        Some(v)
    }

    /// Records that `key` is not `what`.
    #[inline(never)]
    pub fn fail(&self, key: &str, what: &str) {
        self.errs.set(format!("{}: {} must be {what}", self.ctx, Quoted(key)));
    }

    fn need(&self, key: &'a str) -> Option<&'a J> {
        let v = self.get(key);
        if v.is_none() && self.map.is_some() {
            self.errs.set(format!("{}: missing key {}", self.ctx, Quoted(key)));
        }
        v
    }

    /// A string ("" after an error).
    pub fn str(&self, key: &'a str) -> String {
        match self.need(key) {
            Some(J::String(s)) => s.clone(),
            Some(_) => {
                self.fail(key, "a string");
                String::new()
            }
            None => String::new(),
        }
    }

    /// The raw value of a key, if present (marks it read).
    pub fn raw(&self, key: &'a str) -> Option<&'a J> {
        self.get(key)
    }

    /// An optional string; `null` counts as absent.
    pub fn opt_str_or_null(&self, key: &'a str) -> Option<String> {
        match self.get(key) {
            None | Some(J::Null) => None,
            Some(J::String(s)) => Some(s.clone()),
            Some(_) => {
                self.fail(key, "a string or null");
                None
            }
        }
    }

    /// An optional list of strings; absent is empty.
    pub fn opt_strs(&self, key: &'a str) -> Vec<String> {
        match self.get(key) {
            None => Vec::new(),
            Some(J::Array(a)) if a.iter().all(J::is_string) => {
                a.iter().filter_map(J::as_str).map(str::to_string).collect()
            }
            Some(_) => {
                self.fail(key, "a list of strings");
                Vec::new()
            }
        }
    }

    /// A whole number that fits `u32` (0 after an error).
    pub fn uint(&self, key: &'a str) -> u32 {
        match self.need(key) {
            Some(v) => v.as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or_else(|| {
                self.fail(key, "a whole number");
                0
            }),
            None => 0,
        }
    }

    /// A boolean; absent is false.
    pub fn flag(&self, key: &'a str) -> bool {
        match self.get(key) {
            None => false,
            Some(J::Bool(b)) => *b,
            Some(_) => {
                self.fail(key, "true or false");
                false
            }
        }
    }

    /// A sub-table.
    pub fn table(&self, key: &'a str) -> Table<'a> {
        let ctx = format!("{}.{key}", self.ctx);
        match self.need(key) {
            Some(v) => Table::new(v, ctx, self.errs),
            None => Table { map: None, ctx, used: Default::default(), errs: self.errs },
        }
    }

    /// An array of tables; absent is empty.
    pub fn tables(&self, key: &'a str) -> Vec<Table<'a>> {
        match self.get(key) {
            None => Vec::new(),
            Some(J::Array(a)) => {
                a.iter().enumerate().map(|(i, v)| Table::new(v, format!("[[{key}]] #{}", i + 1), self.errs)).collect()
            }
            Some(_) => {
                self.fail(key, "an array of tables");
                Vec::new()
            }
        }
    }

    /// Ends the reading: an error names any key that was not read.
    pub fn finish(self) {
        let used = self.used.borrow();
        if let Some(k) = self.map.and_then(|m| m.keys().find(|k| !used.contains(&k.as_str()))) {
            self.errs.set(format!("{}: unknown key {}", self.ctx, Quoted(k)));
        }
    }

    /// The value among a closed set of names: `set` pairs each name with
    /// its value; an unknown name is an error listing the expected ones
    /// (and the set's first value).
    pub fn one_of<T: Copy>(&self, key: &str, value: &str, set: &[(&str, T)]) -> T {
        match set.iter().find(|(n, _)| *n == value) {
            Some((_, v)) => *v,
            None => {
                let names: Vec<&str> = set.iter().map(|(n, _)| *n).collect();
                self.errs.set(format!(
                    "{}: {} is {}, expected one of {}",
                    self.ctx,
                    Quoted(key),
                    Quoted(value),
                    crate::join(&names, ", ")
                ));
                set[0].1
            }
        }
    }
}
