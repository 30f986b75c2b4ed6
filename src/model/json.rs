//! Reading documents and articles from JSON values without serde's derived
//! deserializers (they weigh more in the wasm module than the whole panel).
//! Lenient about unknown fields, strict about the types of known ones.

use super::*;
use serde_json::Value as J;

fn opt_s(t: &Table, k: &'static str) -> Result<Option<String>, String> {
    t.opt_str_or_null(k)
}

fn ids(t: &Table, k: &'static str) -> Result<Vec<EntityId>, String> {
    Ok(t.opt_strs(k)?.into_iter().map(EntityId).collect())
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
/// Topics by JSON name.
pub const TOPICS: &[(&str, Topic)] = &[
    ("ukraine_nato_membership", Topic::UkraineNatoMembership),
    ("ukraine_pre2014_borders", Topic::UkrainePre2014Borders),
];
const STATUSES: &[(&str, Status)] = &[
    ("agreed", Status::Agreed),
    ("compatible", Status::Compatible),
    ("disputed", Status::Disputed),
    ("single", Status::Single),
];
const AGREEMENTS: &[(&str, Agreement)] =
    &[("precise", Agreement::Precise), ("compatible", Agreement::Compatible), ("disputes", Agreement::Disputes)];

fn bound(t: &Table, k: &'static str) -> Result<Bound, String> {
    match t.raw(k) {
        None => Ok(Bound::Absent),
        Some(J::Null) => Ok(Bound::Present(None)),
        Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Ok(Bound::Present(Some(Minutes(n)))),
            None => Err(format!("{}: {k:?} must be whole minutes or null", t.ctx())),
        },
    }
}

fn small(t: &Table, k: &'static str) -> Result<Option<u32>, String> {
    match t.raw(k) {
        None | Some(J::Null) => Ok(None),
        Some(_) => t.uint(k).map(Some),
    }
}

fn value(v: &J, ctx: &str) -> Result<Value, String> {
    let t = Table::new(v, ctx.to_string())?;
    let parts = match t.raw("parts") {
        None | Some(J::Null) => None,
        Some(_) => {
            let p = t.table("parts")?;
            Some(DateParts {
                year: small(&p, "year")?.map(|y| y as i32),
                month: small(&p, "month")?.map(|x| x as u8),
                day: small(&p, "day")?.map(|x| x as u8),
                weekday: small(&p, "weekday")?.map(|x| x as u8),
            })
        }
    };
    Ok(Value {
        min: bound(&t, "min")?,
        max: bound(&t, "max")?,
        date: opt_s(&t, "date")?,
        parts,
        position: opt_s(&t, "position")?.map(|p| t.one_of("position", &p, STANCES)).transpose()?,
        start: opt_s(&t, "start")?
            .map(|s| t.one_of("start", &s, &[("immediately", NegotiationStart::Immediately)]))
            .transpose()?,
        released_by: opt_s(&t, "released_by")?.map(EntityId),
        place: match t.raw("place") {
            None => None,
            Some(J::Null) => Some(None),
            Some(_) => Some(Some(EntityId(t.str("place")?))),
        },
        places: ids(&t, "places")?,
        term: opt_s(&t, "term")?,
        occurred: match t.raw("occurred") {
            None | Some(J::Null) => None,
            Some(_) => Some(t.flag("occurred")?),
        },
        text: opt_s(&t, "text")?,
    })
}

/// A claim.
pub fn claim(v: &J) -> Result<Claim, String> {
    let t = Table::new(v, "claim")?;
    let n = |k: &'static str| t.uint(k).map(|x| x as usize);
    Ok(Claim {
        source: t.str("source")?,
        quote: t.str("quote")?,
        start: n("start")?,
        end: n("end")?,
        value: value(t.raw("value").unwrap_or(&J::Null), "claim value")?,
        value_start: n("value_start")?,
        value_end: n("value_end")?,
        said_by: opt_s(&t, "said_by")?.map(EntityId),
        agreement: t.one_of("agreement", &t.str("agreement")?, AGREEMENTS)?,
        rule: t.str("rule")?,
        date_note: match t.raw("date_note") {
            None | Some(J::Null) => None,
            Some(_) => Some(date_note(&t.table("date_note")?)?),
        },
    })
}

/// A claim's `date_note`.
fn date_note(t: &Table) -> Result<DateNote, String> {
    let kind = t.str("kind")?;
    t.one_of("kind", &kind, &[("weekday_inconsistent", ())])?;
    match t.uint("stated_weekday")? {
        w @ 1..=7 => Ok(DateNote::WeekdayInconsistent { stated_weekday: w as u8 }),
        _ => Err(format!("{}: \"stated_weekday\" must be 1 (Monday) to 7", t.ctx())),
    }
}

/// A `factpanel/1` document.
pub fn document(v: &J) -> Result<Document, String> {
    let t = Table::new(v, "document")?;
    let schema = t.str("schema")?;
    if schema != SCHEMA {
        return Err(format!("schema {schema:?}, expected {SCHEMA:?}"));
    }
    let e = t.table("event")?;
    let event = Event {
        label: e.str("label")?,
        date: opt_s(&e, "date")?,
        participants: match e.raw("participants") {
            Some(_) => ids(&e, "participants")?,
            None => Vec::new(),
        },
        kind: opt_s(&e, "kind")?,
    };
    let mut sources = Vec::new();
    for s in t.tables("sources")? {
        sources.push(Source {
            id: s.str("id")?,
            title: s.str("title")?,
            lang: s.str("lang")?,
            url: opt_s(&s, "url")?,
            outlet: opt_s(&s, "outlet")?,
            on_event: s.flag("on_event")?,
            note: opt_s(&s, "note")?,
            copy_of: opt_s(&s, "copy_of")?,
            wire: opt_s(&s, "wire")?,
        });
    }
    let mut facts = Vec::new();
    for f in t.tables("facts")? {
        let sj = f.table("subject")?;
        let subject = Subject {
            participants: ids(&sj, "participants")?,
            actor: opt_s(&sj, "actor")?.map(EntityId),
            topic: opt_s(&sj, "topic")?.map(|x| sj.one_of("topic", &x, TOPICS)).transpose()?,
            person: opt_s(&sj, "person")?.map(EntityId),
        };
        let claims = match f.raw("claims") {
            Some(J::Array(a)) => a.iter().map(claim).collect::<Result<_, _>>()?,
            _ => return Err(format!("{}: \"claims\" must be an array", f.ctx())),
        };
        facts.push(Fact {
            id: f.str("id")?,
            kind: f.one_of("kind", &f.str("kind")?, KINDS)?,
            label: f.str("label")?,
            subject,
            value: value(f.raw("value").unwrap_or(&J::Null), "fact value")?,
            status: f.one_of("status", &f.str("status")?, STATUSES)?,
            claims,
        });
    }
    let mut entities = Vec::new();
    if let Some(J::Object(m)) = t.raw("entities") {
        for (id, v) in m {
            let x = Table::new(v, format!("entity {id:?}"))?;
            entities.push((
                id.clone(),
                EntityInfo {
                    name: x.str("name")?,
                    short: x.str("short")?,
                    name_en: x.str("name_en")?,
                    short_en: x.str("short_en")?,
                    role: opt_s(&x, "role")?,
                    country: opt_s(&x, "country")?,
                    country_en: opt_s(&x, "country_en")?,
                },
            ));
        }
    }
    Ok(Document { schema, event, sources, facts, entities: Entities::from_pairs(entities) })
}

/// One article object: `{id, text, title?, url?, outlet?, lang?, published?}`.
pub fn article(v: &J) -> Result<Article, String> {
    let t = Table::new(v, "article")?;
    let a = Article {
        id: t.str("id")?,
        text: t.str("text")?,
        title: opt_s(&t, "title")?,
        url: opt_s(&t, "url")?,
        outlet: opt_s(&t, "outlet")?,
        lang: opt_s(&t, "lang")?,
        published: opt_s(&t, "published")?,
    };
    t.finish()?;
    Ok(a)
}

/// A JSON object being read into typed values: every getter names the
/// object in its errors.
pub struct Table<'a> {
    map: &'a serde_json::Map<String, J>,
    ctx: String,
    used: std::cell::RefCell<Vec<&'a str>>,
}

impl<'a> Table<'a> {
    /// Wraps an object; `ctx` names it in errors ("rule \"x\"").
    pub fn new(v: &'a J, ctx: impl Into<String>) -> Result<Self, String> {
        let ctx = ctx.into();
        match v {
            J::Object(map) => Ok(Table { map, ctx, used: Default::default() }),
            _ => Err(format!("{ctx}: expected a table")),
        }
    }

    fn get(&self, key: &'a str) -> Option<&'a J> {
        let (k, v) = self.map.get_key_value(key)?;
        self.used.borrow_mut().push(k.as_str());
        Some(v)
    }

    fn need(&self, key: &'a str) -> Result<&'a J, String> {
        self.get(key).ok_or_else(|| format!("{}: missing key {key:?}", self.ctx))
    }

    fn bad<T>(&self, key: &str, what: &str) -> Result<T, String> {
        Err(format!("{}: {key:?} must be {what}", self.ctx))
    }

    /// A string.
    pub fn str(&self, key: &'a str) -> Result<String, String> {
        match self.need(key)? {
            J::String(s) => Ok(s.clone()),
            _ => self.bad(key, "a string"),
        }
    }

    /// The raw value of a key, if present (marks it read).
    pub fn raw(&self, key: &'a str) -> Option<&'a J> {
        self.get(key)
    }

    /// An optional string; `null` counts as absent.
    pub fn opt_str_or_null(&self, key: &'a str) -> Result<Option<String>, String> {
        match self.get(key) {
            None | Some(J::Null) => Ok(None),
            Some(J::String(s)) => Ok(Some(s.clone())),
            Some(_) => self.bad(key, "a string or null"),
        }
    }

    /// A list of strings (absent = empty when `optional`).
    pub fn strs(&self, key: &'a str) -> Result<Vec<String>, String> {
        match self.need(key)? {
            J::Array(a) => a
                .iter()
                .map(|x| x.as_str().map(str::to_string).ok_or(()))
                .collect::<Result<_, _>>()
                .or_else(|_| self.bad(key, "a list of strings")),
            _ => self.bad(key, "a list of strings"),
        }
    }

    /// An optional list of strings; absent is empty.
    pub fn opt_strs(&self, key: &'a str) -> Result<Vec<String>, String> {
        if self.map.contains_key(key) {
            self.strs(key)
        } else {
            Ok(Vec::new())
        }
    }

    /// A whole number that fits `u32`.
    pub fn uint(&self, key: &'a str) -> Result<u32, String> {
        match self.need(key)?.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Ok(n),
            None => self.bad(key, "a whole number"),
        }
    }

    /// A boolean; absent is false.
    pub fn flag(&self, key: &'a str) -> Result<bool, String> {
        match self.get(key) {
            None => Ok(false),
            Some(J::Bool(b)) => Ok(*b),
            Some(_) => self.bad(key, "true or false"),
        }
    }

    /// A sub-table.
    pub fn table(&self, key: &'a str) -> Result<Table<'a>, String> {
        let ctx = format!("{}.{key}", self.ctx);
        Table::new(self.need(key)?, ctx)
    }

    /// An array of tables (`[[key]]`); absent is empty.
    pub fn tables(&self, key: &'a str) -> Result<Vec<Table<'a>>, String> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(J::Array(a)) => {
                a.iter().enumerate().map(|(i, v)| Table::new(v, format!("[[{key}]] #{}", i + 1))).collect()
            }
            Some(_) => self.bad(key, "an array of tables"),
        }
    }

    /// Ends the reading: an error names any key that was not read.
    pub fn finish(self) -> Result<(), String> {
        let used = self.used.borrow();
        match self.map.keys().find(|k| !used.contains(&k.as_str())) {
            Some(k) => Err(format!("{}: unknown key {k:?}", self.ctx)),
            None => Ok(()),
        }
    }

    /// The value among a closed set of names: `set` pairs each name with
    /// its value; an unknown name is an error listing the expected ones.
    pub fn one_of<T: Copy>(&self, key: &str, value: &str, set: &[(&str, T)]) -> Result<T, String> {
        set.iter().find(|(n, _)| *n == value).map(|(_, v)| *v).ok_or_else(|| {
            let names: Vec<&str> = set.iter().map(|(n, _)| *n).collect();
            format!("{}: {key:?} is {value:?}, expected one of {}", self.ctx, names.join(", "))
        })
    }

    /// The context named in errors.
    pub fn ctx(&self) -> &str {
        &self.ctx
    }
}
