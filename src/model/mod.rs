//! Plain data: the articles that go in and the `factpanel/1` document that
//! comes out. Nothing here knows how facts are found; see `extract` and
//! `reconcile` for that.
//!
//! Field names follow `docs/contract.md` exactly (snake_case in JSON).

use serde::{Deserialize, Serialize};
use std::fmt;

/// The schema tag of the document this crate produces.
pub const SCHEMA: &str = "factpanel/1";
/// The schema tag of the `--mentions` listing.
pub const MENTIONS_SCHEMA: &str = "factpanel-mentions/1";

/// One article as given by the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Source id, unique within one analysis (the file name for `.txt` input).
    pub id: String,
    /// The article text exactly as collected; offsets point into it.
    pub text: String,
    /// Headline; when absent, the first non-empty line of `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the article was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The outlet's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// BCP 47 language tag; only `fr` is understood today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Publication date `YYYY-MM-DD` (or `YYYY-MM`), used to resolve
    /// relative dates such as "mercredi".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

impl Article {
    /// An article with only an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article { id: id.into(), text: text.into(), title: None, url: None, outlet: None, lang: None, published: None }
    }
}

/// A stable, lowercase ASCII identifier of an entity (`trump`, `kremlin`,
/// `marc_fogel`) or a place (`saudi_arabia`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(pub String);

impl EntityId {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A whole number of minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Minutes(pub u32);

/// A duration interval in minutes; `None` is an open bound
/// ("plus d'une heure" is `min = 60, max = None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Interval {
    /// Lower bound, inclusive; `None` = unbounded below.
    pub min: Option<Minutes>,
    /// Upper bound, inclusive; `None` = unbounded above.
    pub max: Option<Minutes>,
}

impl Interval {
    /// An exact value.
    pub fn exact(m: u32) -> Self {
        Interval { min: Some(Minutes(m)), max: Some(Minutes(m)) }
    }
    /// A closed interval.
    pub fn between(lo: u32, hi: u32) -> Self {
        Interval { min: Some(Minutes(lo)), max: Some(Minutes(hi)) }
    }
    /// The intersection, or `None` when the two cannot both hold.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        let min = match (self.min, other.min) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let max = match (self.max, other.max) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match (min, max) {
            (Some(lo), Some(hi)) if lo > hi => None,
            _ => Some(Interval { min, max }),
        }
    }
    /// Whether `self` lies entirely inside `other`.
    pub fn within(&self, other: &Interval) -> bool {
        let lo_ok = match (other.min, self.min) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(o), Some(s)) => s >= o,
        };
        let hi_ok = match (other.max, self.max) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(o), Some(s)) => s <= o,
        };
        lo_ok && hi_ok
    }
    /// Whether the interval is narrow enough to count as a precise figure:
    /// bounded on both sides and no wider than `tolerance` of its upper bound.
    pub fn is_precise(&self, tolerance: f64) -> bool {
        match (self.min, self.max) {
            (Some(lo), Some(hi)) => f64::from(hi.0 - lo.0) <= tolerance * f64::from(hi.0.max(1)),
            _ => false,
        }
    }
}

/// A position an actor holds on a topic. A closed set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// "pas réaliste", "irréaliste", "illusoire".
    Unrealistic,
    /// "ne veut en aucun cas", "s'oppose".
    Opposed,
    /// "inévitable".
    Inevitable,
    /// "soutient", "favorable".
    Supports,
}

impl Stance {
    /// +1 for positions in favour, -1 for positions against. Two positions
    /// of the same sign are compatible; of opposite signs, disputed.
    pub fn polarity(self) -> i8 {
        match self {
            Stance::Unrealistic | Stance::Opposed => -1,
            Stance::Inevitable | Stance::Supports => 1,
        }
    }
}

/// When negotiations start. A closed set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NegotiationStart {
    /// "immédiatement", "sans attendre".
    Immediately,
}

/// What a fact is about. A closed set; the JSON name is `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// How long a call lasted.
    CallDuration,
    /// When a call took place.
    CallDate,
    /// How a participant characterized a call ("significative").
    CallCharacterization,
    /// An actor's position on a topic.
    Stance,
    /// When negotiations start.
    Negotiations,
    /// A prisoner set free.
    PrisonerRelease,
    /// A prisoner exchange took place.
    PrisonerExchange,
    /// A planned meeting.
    Meeting,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 8] = [
        Kind::CallDuration,
        Kind::CallDate,
        Kind::CallCharacterization,
        Kind::Stance,
        Kind::Negotiations,
        Kind::PrisonerRelease,
        Kind::PrisonerExchange,
        Kind::Meeting,
    ];

    /// The JSON name (`call_duration`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::CallDuration => "call_duration",
            Kind::CallDate => "call_date",
            Kind::CallCharacterization => "call_characterization",
            Kind::Stance => "stance",
            Kind::Negotiations => "negotiations",
            Kind::PrisonerRelease => "prisoner_release",
            Kind::PrisonerExchange => "prisoner_exchange",
            Kind::Meeting => "meeting",
        }
    }
}

/// Who or what a fact is about. Serialized without a tag: the fields present
/// depend on the kind (see the contract's table).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Subject {
    /// Sorted participants of a call, negotiation or meeting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<EntityId>,
    /// The actor holding a position, or characterizing a call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<EntityId>,
    /// The topic of a position: the id a language pack's `[[topic]]`
    /// declares (`ukraine_nato_membership`), labelled by its `[labels.topics]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// The person released.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<EntityId>,
}

/// A calendar date, possibly partial ("mercredi", "12 février").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct DateParts {
    /// Year, when stated or known from the article's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Month 1–12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// Day of month 1–31.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    /// ISO weekday, 1 = Monday … 7 = Sunday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<u8>,
}

/// The value of a fact or a claim. Serialized without a tag: the fields
/// present depend on the kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Value {
    /// Duration lower bound in minutes (`call_duration`; `null` = open).
    #[serde(default, skip_serializing_if = "skip_bound")]
    pub min: Bound,
    /// Duration upper bound in minutes (`call_duration`; `null` = open).
    #[serde(default, skip_serializing_if = "skip_bound")]
    pub max: Bound,
    /// Date `YYYY-MM-DD` when fully known (`call_date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The parts of a partial date (`call_date` claims).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts: Option<DateParts>,
    /// A position (`stance`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Stance>,
    /// When negotiations start (`negotiations`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NegotiationStart>,
    /// Who released the person (`prisoner_release`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub released_by: Option<EntityId>,
    /// Where a meeting takes place (`meeting`); for a fact whose sources
    /// name different places, `null` with the places in `places`.
    #[serde(default, skip_serializing_if = "skip_place")]
    pub place: Option<Option<EntityId>>,
    /// Every place the sources name for a meeting fact.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<EntityId>,
    /// The word a participant used for a call (`call_characterization`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// Whether the exchange took place (`prisoner_exchange`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred: Option<bool>,
    /// On a claim: the phrase that gave the value, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A duration bound in a [`Value`]: absent (not a duration), or present and
/// possibly open (`null`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Bound {
    /// The value has no duration.
    #[default]
    Absent,
    /// A bound: `Some(m)` or open (`None`, serialized as `null`).
    Present(Option<Minutes>),
}

fn skip_bound(b: &Bound) -> bool {
    matches!(b, Bound::Absent)
}

fn skip_place(p: &Option<Option<EntityId>>) -> bool {
    p.is_none()
}

impl Serialize for Bound {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Bound::Absent | Bound::Present(None) => s.serialize_none(),
            Bound::Present(Some(m)) => s.serialize_u32(m.0),
        }
    }
}

impl<'de> Deserialize<'de> for Bound {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Bound::Present(Option::<Minutes>::deserialize(d)?))
    }
}

impl Value {
    /// A duration value.
    pub fn duration(iv: Interval) -> Self {
        Value { min: Bound::Present(iv.min), max: Bound::Present(iv.max), ..Value::default() }
    }
    /// The duration interval, when this is a duration value.
    pub fn interval(&self) -> Option<Interval> {
        match (self.min, self.max) {
            (Bound::Present(min), Bound::Present(max)) => Some(Interval { min, max }),
            _ => None,
        }
    }
}

/// How a fact's sources relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Several sources, values that coincide.
    Agreed,
    /// Several sources, values that overlap but differ in precision or detail.
    Compatible,
    /// Values that cannot all be true.
    Disputed,
    /// One source.
    Single,
}

/// How one claim relates to its fact's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// States the fact's value precisely.
    Precise,
    /// Compatible with the fact's value, but less precise or different in detail.
    Compatible,
    /// Contradicts the fact's value.
    Disputes,
}

/// One source's statement of a fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The source id.
    pub source: String,
    /// The sentence or clause stating the claim, exactly as in the source.
    pub quote: String,
    /// UTF-16 offset of `quote` in the source's original text.
    pub start: usize,
    /// UTF-16 end offset (exclusive).
    pub end: usize,
    /// The value this source gives, with the phrase as written in `text`.
    pub value: Value,
    /// UTF-16 offsets of the value phrase (`value.text`) in the source text.
    pub value_start: usize,
    /// UTF-16 end offset of the value phrase (exclusive).
    pub value_end: usize,
    /// To whom the outlet attributes the statement; `null` = its own voice.
    pub said_by: Option<EntityId>,
    /// How this claim relates to the fact's value.
    pub agreement: Agreement,
    /// The id of the rule that produced the claim.
    pub rule: String,
    /// What a reader should know about the claim's date (`call_date`);
    /// absent when there is nothing to say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<DateNote>,
}

/// A remark on the date a claim gives. Serialized with its `kind`:
/// `{"kind": "weekday_inconsistent", "stated_weekday": 3}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DateNote {
    /// The weekday written beside the day and month is not that date's
    /// ("mercredi 1er juillet 2025", a Tuesday): the claim keeps the day
    /// and month (its `parts.weekday` is the date's own), and the weekday
    /// as written is here.
    WeekdayInconsistent {
        /// The weekday as written (ISO, 1 = Monday).
        stated_weekday: u8,
    },
}

/// A reconciled fact: what the sources say about one kind + subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// `kind/subject` (`call_duration/putin+trump`).
    pub id: String,
    /// What the fact is about.
    pub kind: Kind,
    /// A French label for readers.
    pub label: String,
    /// Who or what.
    pub subject: Subject,
    /// The reconciled value.
    pub value: Value,
    /// How the sources relate.
    pub status: Status,
    /// One claim per source, in source order.
    pub claims: Vec<Claim>,
}

/// One input source as the panel lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The source id.
    pub id: String,
    /// The headline.
    pub title: String,
    /// Language tag.
    pub lang: String,
    /// Link to the article (only `http:`/`https:` are kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Outlet name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Whether it covers the panel's event.
    pub on_event: bool,
    /// Why not, in a sentence for readers; `null` when on the event.
    pub note: Option<String>,
    /// When this text is a copy of another source's (one dispatch run by
    /// several outlets, lightly edited): the id of the first source of
    /// their group, in input order. Absent for originals and independent
    /// sources. A copy's claims are shown but count with its original's as
    /// one newsroom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
    /// The news agency (or agencies, ", "-separated) the text credits:
    /// `AFP` for "(AFP)" or "Le Monde avec AFP". Absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wire: Option<String>,
}

/// The panel's event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// "Appel Trump–Poutine".
    pub label: String,
    /// `YYYY-MM-DD` when the sources establish it.
    pub date: Option<String>,
    /// Who took part (entity ids), when the sources name them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<EntityId>,
    /// `call` (by phone or video) or `meeting` (in person); absent when
    /// no call is found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// How to name an entity in the panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityInfo {
    /// Full name ("Vladimir Poutine").
    pub name: String,
    /// Short name ("Poutine").
    pub short: String,
    /// English full name.
    pub name_en: String,
    /// English short name.
    pub short_en: String,
    /// The role the text gives a person the rules do not list
    /// ("président").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// That person's country, in French ("Brésil").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// That person's country, in English ("Brazil").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_en: Option<String>,
}

/// The document's entities: id → display names, in id order. A sorted
/// vector (the wasm module carries no B-tree for it); it serialises as a
/// JSON object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities(Vec<(String, EntityInfo)>);

impl Entities {
    /// From pairs in any order; of two with one id the first is kept.
    pub fn from_pairs(mut pairs: Vec<(String, EntityInfo)>) -> Self {
        crate::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        pairs.dedup_by(|b, a| a.0 == b.0);
        Entities(pairs)
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    /// The entity of this id.
    pub fn get(&self, id: &str) -> Option<&EntityInfo> {
        self.find(id).ok().map(|i| &self.0[i].1)
    }

    /// Whether an entity has this id.
    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Adds or replaces one entity (linear: for building small documents).
    pub fn insert(&mut self, id: String, info: EntityInfo) {
        match self.find(&id) {
            Ok(i) => self.0[i].1 = info,
            Err(i) => self.0.insert(i, (id, info)),
        }
    }

    /// How many entities.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `(id, entity)` in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &EntityInfo)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The ids, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The entities, in id order.
    pub fn values(&self) -> impl Iterator<Item = &EntityInfo> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl std::ops::Index<&str> for Entities {
    type Output = EntityInfo;

    /// The entity of this id; panics when there is none, like a map.
    fn index(&self, id: &str) -> &EntityInfo {
        self.get(id).unwrap_or_else(|| panic!("no entity {}", crate::error::Quoted(id)))
    }
}

impl Serialize for Entities {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Entities {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let m = std::collections::BTreeMap::<String, EntityInfo>::deserialize(d)?;
        Ok(Entities(m.into_iter().collect()))
    }
}

/// The `factpanel/1` document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The event most sources cover.
    pub event: Event,
    /// Every input source, in input order.
    pub sources: Vec<Source>,
    /// Facts, most supported first.
    pub facts: Vec<Fact>,
    /// Display names of every entity id used in `facts`.
    pub entities: Entities,
}

/// One recognized mention (`--mentions`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The source id.
    pub source: String,
    /// `duration`, `date`, `actor`, `topic`, `position`, `attribution`, …
    pub kind: String,
    /// The text as written.
    pub text: String,
    /// UTF-16 start offset in the source text.
    pub start: usize,
    /// UTF-16 end offset (exclusive).
    pub end: usize,
    /// The value (durations: `{"min", "max"}` in minutes; actors: the id).
    pub value: serde_json::Value,
    /// The id of the rule (or lexicon entry) that matched.
    pub rule: String,
}

/// The `factpanel-mentions/1` listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionsDocument {
    /// Always [`MENTIONS_SCHEMA`].
    pub schema: String,
    /// Every mention, by source then offset.
    pub mentions: Vec<Mention>,
}

pub mod json;
