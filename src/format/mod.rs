//! Values and labels for readers, in the language of a pack.
//!
//! Pure functions over the `factpanel/1` model: the panel (wasm) and the
//! CLI's terminal table both use them, so a value reads the same everywhere.
//! Every word comes from the reader's language pack (`data/lang/*/labels.toml`,
//! see [`crate::rules::labels`]); the functions choose a template and fill it.
//!
//! ```
//! use factpanel::format::{minutes, Lang};
//! assert_eq!(minutes(90, Lang::from_tag("fr")), "1 h 30");
//! assert_eq!(minutes(90, Lang::from_tag("en-GB")), "1 h 30 min");
//! ```

use crate::model::{
    Agreement, Claim, DateNote, DateParts, Document, EntityId, Fact, Interval, Kind, NegotiationStart, Stance, Status,
    Subject, Value,
};
use crate::rules::labels::fill;
use crate::rules::{Labels, Rules};

/// The language of the reader-facing text: one of the embedded packs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Lang(u8);

impl Lang {
    /// The pack for a BCP 47 tag (`en`, `en-GB`, `EN_us` → English); the
    /// first pack (French) for a tag no pack has, or the empty tag.
    pub fn from_tag(tag: &str) -> Lang {
        Lang::find(tag).unwrap_or_default()
    }

    /// The pack for a BCP 47 tag, if one has its primary language.
    pub fn find(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        let i = crate::rules::languages().iter().position(|(tag, _)| tag.eq_ignore_ascii_case(primary))?;
        Some(Lang(i as u8))
    }

    /// Every pack's language, in pack order.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..crate::rules::pack_count()).map(|i| Lang(i as u8))
    }

    /// The BCP 47 tag (`fr`, `en`).
    pub fn tag(self) -> &'static str {
        &crate::rules::languages()[self.0 as usize].0
    }

    /// The language's pack.
    pub fn rules(self) -> &'static Rules {
        crate::rules::pack(self.0 as usize)
    }

    /// The pack's labels (without loading the pack: [`crate::rules::view`]).
    pub fn labels(self) -> &'static Labels {
        crate::rules::view(self.0 as usize).0
    }
}

/// A duration in words: `45 min`, `1 h`, `1 h 30` (French), `1 h 30 min`
/// (English). Whole hours have no minutes part.
pub fn minutes(m: u32, lang: Lang) -> String {
    let d = &lang.labels().durations;
    let (h, r) = (m / 60, m % 60);
    let tpl = match (h, r) {
        (0, _) => &d.minutes,
        (_, 0) => &d.hours,
        _ => &d.hours_minutes,
    };
    fill(tpl, &[("h", &h.to_string()), ("m", &m.to_string()), ("m2", &format!("{r:02}"))])
}

/// A duration interval in words:
/// exact → `1 h 30 (90 min)` (`45 min` under an hour);
/// closed → `1 h 20 à 1 h 30 (80–90 min)`;
/// open above → `plus d'1 h` / `more than 1 h`;
/// open below → `jusqu'à 1 h 30` / `up to 1 h 30 min`.
pub fn interval(iv: &Interval, lang: Lang) -> String {
    let l = lang.labels();
    let d = &l.durations;
    let words = |m: u32| minutes(m, lang);
    match (iv.min, iv.max) {
        (Some(lo), Some(hi)) if lo == hi && lo.0 < 60 => words(lo.0),
        (Some(lo), Some(hi)) if lo == hi => l.text(&d.exact, &[("v", &words(lo.0)), ("m", &lo.0.to_string())]),
        (Some(lo), Some(hi)) => {
            let (a, b) = (lo.0.to_string(), hi.0.to_string());
            let tpl = if hi.0 >= 60 { &d.range } else { &d.short_range };
            l.text(tpl, &[("lo", &words(lo.0)), ("hi", &words(hi.0)), ("a", &a), ("b", &b)])
        }
        (Some(lo), None) => l.text(&d.more_than, &[("v", &words(lo.0))]),
        (None, Some(hi)) => l.text(&d.up_to, &[("v", &words(hi.0))]),
        (None, None) => d.unknown.clone(),
    }
}

/// A date in words: `mercredi 12 février 2025`, `Wednesday 12 February 2025`.
/// Text that is not an ISO date is returned unchanged.
pub fn date(iso: &str, lang: Lang) -> String {
    match crate::extract::dates::parse_iso(iso) {
        Some(p) => date_parts(&p, lang),
        None => iso.to_string(),
    }
}

/// A possibly partial date in words: `mercredi`, `12 février`,
/// `février 2025`, `mercredi 12 février 2025`.
pub fn date_parts(p: &DateParts, lang: Lang) -> String {
    let (labels, dates) = crate::rules::view(lang.0 as usize);
    let mut words: Vec<String> = Vec::new();
    if let Some(w) = p.weekday.and_then(|w| dates.weekday_name(w)) {
        words.push(w);
    }
    if let Some(d) = p.day {
        words.push(if d == 1 { labels.first_day.clone() } else { d.to_string() });
    }
    if let Some(m) = p.month.and_then(|m| dates.month_name(m)) {
        words.push(m);
    }
    if let Some(y) = p.year {
        words.push(y.to_string());
    }
    if words.is_empty() {
        labels.unknown_date.clone()
    } else {
        crate::join(&words, " ")
    }
}

/// A claim's date note in words, for the reader beside the claim:
/// `le jour de la semaine donné (mercredi) ne correspond pas au 1er
/// juillet 2025` / `the weekday given (Wednesday) does not match 1 July
/// 2025`. The date is the claim's day and month, with its year, else the
/// fact's when the fact's date has that day and month.
pub fn date_note(note: &DateNote, claim: &Claim, fact: &Fact, lang: Lang) -> String {
    let DateNote::WeekdayInconsistent { stated_weekday } = *note;
    let stated = date_parts(&DateParts { weekday: Some(stated_weekday), ..DateParts::default() }, lang);
    let mut p = claim.value.parts.unwrap_or_default();
    p.weekday = None;
    if p.year.is_none() {
        p.year = fact.value.parts.filter(|f| (f.month, f.day) == (p.month, p.day)).and_then(|f| f.year);
    }
    let l = lang.labels();
    if p.day.is_some() && p.month.is_some() {
        l.text(&l.weekday_mismatch, &[("w", &stated), ("d", &date_parts(&p, lang))])
    } else {
        l.text(&l.weekday_mismatch_plain, &[("w", &stated)])
    }
}

/// The reader-facing name of a status (the chip's text).
pub fn status(s: Status, lang: Lang) -> &'static str {
    lang.labels().status(s)
}

/// A position in words: `irréaliste` / `not realistic`.
pub fn stance(s: Stance, lang: Lang) -> &'static str {
    lang.labels().position(s)
}

/// A topic as a heading: `Adhésion de l'Ukraine à l'OTAN` / `Ukraine
/// joining NATO`; its id when the pack does not label it.
pub fn topic(id: &str, lang: Lang) -> &str {
    lang.labels().topic_heading(id)
}

/// `1 source`, `3 sources`.
pub fn source_count(n: usize, lang: Lang) -> String {
    let l = lang.labels();
    l.count(&l.counts.sources, n, "")
}

/// An entity's full and short names in the reader's language: the
/// document's for the languages it carries (`name`/`short` French,
/// `name_en`/`short_en` English, each falling back to the other), else the
/// pack's, else the id.
fn names<'a>(doc: &'a Document, id: &'a str, lang: Lang) -> (&'a str, &'a str) {
    let tag = lang.tag();
    // The pack is consulted (and loaded) only when the document's names are
    // not in the reader's language.
    let e = match doc.entities.get(id) {
        Some(e) if tag == "fr" || tag == "en" => e,
        e => match (e, lang.rules().entity(id)) {
            (_, Some(p)) => return (&p.name, &p.short),
            (Some(e), None) => e,
            (None, None) => return (id, id),
        },
    };
    let ((full, short), (full2, short2)) = match tag {
        "en" => ((&e.name_en, &e.short_en), (&e.name, &e.short)),
        _ => ((&e.name, &e.short), (&e.name_en, &e.short_en)),
    };
    let first = |a: &'a str, b: &'a str, c: &'a str| [a, b].into_iter().find(|s| !s.trim().is_empty()).unwrap_or(c);
    let full = first(full, full2, id);
    (full, first(short, short2, full))
}

/// The full name of an entity (`Vladimir Poutine` / `Vladimir Putin`);
/// the id itself when neither pack nor document names it.
pub fn entity_name(doc: &Document, id: &str, lang: Lang) -> String {
    names(doc, id, lang).0.to_string()
}

/// The short name of an entity (`Poutine` / `Putin`), falling back to the
/// full name, then to the id.
pub fn entity_short(doc: &Document, id: &str, lang: Lang) -> String {
    names(doc, id, lang).1.to_string()
}

/// The entity as running text names it: its full name when that carries
/// its article (`le Kremlin`, `the Kremlin`; the pack's `articles`), else
/// its short name (`Trump`).
pub fn entity_in_text(doc: &Document, id: &str, lang: Lang) -> String {
    let (full, short) = names(doc, id, lang);
    if lang.labels().has_article(full) { full } else { short }.to_string()
}

/// Who a claim is attributed to: `selon le Kremlin` / `according to the
/// Kremlin`; for a claim in the outlet's own voice (`said_by: null`),
/// `selon le média` / `according to the outlet`.
pub fn said_by(said_by: Option<&EntityId>, doc: &Document, lang: Lang) -> String {
    let l = lang.labels();
    match said_by {
        Some(id) => l.text(&l.said_by, &[("a", &entity_in_text(doc, id.as_str(), lang))]),
        None => l.own_voice.clone(),
    }
}

/// The participants as `Trump–Poutine`: in the order the event's label
/// names them, then the most central actor of the document first (the one
/// in most facts), then by id.
pub fn participants(doc: &Document, ids: &[EntityId], lang: Lang) -> String {
    let mut ids: Vec<&EntityId> = ids.iter().collect();
    // In the event's order: its participants, else (documents without
    // them) where the label names them.
    let in_label = |id: &EntityId| match doc.event.participants.iter().position(|p| p == id) {
        Some(k) => k,
        None if !doc.event.participants.is_empty() => usize::MAX,
        None => crate::rules::labels::find_str(&doc.event.label, &entity_short(doc, id.as_str(), Lang::default()))
            .unwrap_or(usize::MAX),
    };
    crate::sort_by(&mut ids, |a, b| {
        in_label(a).cmp(&in_label(b)).then_with(|| centrality(doc, b).cmp(&centrality(doc, a))).then_with(|| a.cmp(b))
    });
    ids.dedup();
    crate::join(&ids.iter().map(|id| entity_short(doc, id.as_str(), lang)).collect::<Vec<_>>(), "–")
}

fn centrality(doc: &Document, id: &EntityId) -> usize {
    doc.facts.iter().filter(|f| f.subject.participants.contains(id) || f.subject.actor.as_ref() == Some(id)).count()
}

/// A fact's label in the reader's language, from its kind and subject:
/// `Durée de l'appel Trump–Poutine` / `Length of the Trump–Putin call`.
pub fn fact_label(fact: &Fact, doc: &Document, lang: Lang) -> String {
    subject_label(fact.kind, &fact.subject, doc, lang)
}

/// The label for a kind and subject (see [`fact_label`]): the pack's
/// `[labels.kinds]` template for it.
pub fn subject_label(kind: Kind, s: &Subject, doc: &Document, lang: Lang) -> String {
    let l = lang.labels();
    let p = participants(doc, &s.participants, lang);
    let a = s.actor.as_ref().map(|a| entity_in_text(doc, a.as_str(), lang)).unwrap_or_default();
    let t = s.topic.as_deref().map(|t| l.topic(t)).unwrap_or_default();
    let x = s.person.as_ref().map(|p| entity_name(doc, p.as_str(), lang)).unwrap_or_default();
    l.kind(kind, is_meeting(doc, &s.participants), &[("p", &p), ("a", &a), ("t", t), ("x", &x)])
}

/// A fact's value in plain words: `1 h 30 (90 min)`, `plus d'1 h`,
/// `mercredi 12 février 2025`, `irréaliste`, `libéré par les États-Unis`.
pub fn fact_value(fact: &Fact, doc: &Document, lang: Lang) -> String {
    value(fact.kind, &fact.value, doc, lang)
}

/// A claim's value in plain words (as [`fact_value`], for one source).
pub fn claim_value(kind: Kind, claim: &Claim, doc: &Document, lang: Lang) -> String {
    value(kind, &claim.value, doc, lang)
}

/// The value of a fact or claim of the given kind in plain words.
pub fn value(kind: Kind, v: &Value, doc: &Document, lang: Lang) -> String {
    let l = lang.labels();
    let w = &l.values;
    let fallback = || v.text.clone().unwrap_or_else(|| "—".into());
    match kind {
        Kind::CallDuration => match v.interval() {
            Some(iv) => interval(&iv, lang),
            None => fallback(),
        },
        Kind::CallDate => match (&v.date, &v.parts) {
            (Some(d), _) => date(d, lang),
            (None, Some(p)) => date_parts(p, lang),
            (None, None) => fallback(),
        },
        Kind::CallCharacterization => match &v.term {
            Some(t) => fill(&l.quote, &[("t", t)]),
            None => fallback(),
        },
        Kind::Stance => match v.position {
            Some(p) => l.position(p).to_string(),
            None => fallback(),
        },
        Kind::Negotiations => match v.start {
            Some(NegotiationStart::Immediately) => w.immediately.clone(),
            None => fallback(),
        },
        Kind::PrisonerRelease => match &v.released_by {
            Some(by) => l.text(&w.released_by, &[("a", &entity_in_text(doc, by.as_str(), lang))]),
            None => w.released.clone(),
        },
        Kind::PrisonerExchange => match v.occurred {
            Some(true) | None => w.took_place.clone(),
            Some(false) => w.did_not_take_place.clone(),
        },
        Kind::Meeting => {
            let mut places: Vec<&EntityId> = v.places.iter().collect();
            if let Some(Some(p)) = &v.place {
                if !places.contains(&p) {
                    places.insert(0, p);
                }
            }
            let names: Vec<String> = places.iter().map(|p| entity_name(doc, p.as_str(), lang)).collect();
            let tpl = match names.len() {
                0 => &w.meeting_no_place,
                1 => &w.meeting_place,
                _ => &w.meeting_places,
            };
            l.text(tpl, &[("x", &crate::join(&names, ", "))])
        }
    }
}

/// The event's label in the reader's language (`Appel Trump–Poutine` /
/// `Trump–Putin call`), from its participants; a document made before
/// factpanel/1 had them keeps its label.
pub fn event_label(doc: &Document, lang: Lang) -> String {
    if doc.event.participants.is_empty() {
        return doc.event.label.trim().to_string();
    }
    let l = lang.labels();
    let names = participants(doc, &doc.event.participants, lang);
    let tpl = if is_meeting(doc, &doc.event.participants) { &l.event_meeting } else { &l.event };
    l.text(tpl, &[("p", &names)])
}

/// Whether `ids` are the participants of an event that is an in-person
/// meeting.
fn is_meeting(doc: &Document, ids: &[EntityId]) -> bool {
    doc.event.kind.as_deref() == Some("meeting")
        && ids.len() == doc.event.participants.len()
        && ids.iter().all(|id| doc.event.participants.contains(id))
}

/// How a claim relates to its fact, in words: `précis`, `moins précis`,
/// `contredit` / `precise`, `less precise`, `contradicts`.
pub fn agreement(a: Agreement, lang: Lang) -> &'static str {
    lang.labels().agreement(a)
}

/// The sources of a fact with their agreement: `4 sources`,
/// `4 sources, dont 1 moins précise`, `3 sources, of which 1 disagrees`.
pub fn support(sources: usize, less_precise: usize, disputing: usize, lang: Lang) -> String {
    source_count(sources, lang) + &qualifiers(less_precise, disputing, lang)
}

/// `, dont 1 moins précise, 1 en désaccord` / `, of which 1 less precise`
/// (empty when both are 0).
fn qualifiers(less_precise: usize, disputing: usize, lang: Lang) -> String {
    let l = lang.labels();
    let c = &l.counts;
    let mut parts: Vec<String> = Vec::new();
    if less_precise > 0 {
        parts.push(l.count(&c.less_precise, less_precise, ""));
    }
    if disputing > 0 {
        parts.push(l.count(&c.disagreeing, disputing, ""));
    }
    if parts.is_empty() {
        return String::new();
    }
    l.text(&c.of_which, &[("x", &crate::join(&parts, ", "))])
}

/// `1 rédaction`, `3 rédactions` / `1 newsroom`, `3 newsrooms`.
pub fn newsroom_count(n: usize, lang: Lang) -> String {
    let l = lang.labels();
    l.count(&l.counts.newsrooms, n, "")
}

/// A fact's sources when some are copies of one dispatch, counted as
/// newsrooms first (what its status counts), the sources after, and how
/// many newsrooms are less precise or disagree: `3 rédactions (4 sources),
/// dont 1 moins précise` / `3 newsrooms (4 sources), of which 1 less
/// precise`. The same as [`support`] when there are as many newsrooms as
/// sources.
pub fn support_in_newsrooms(
    sources: usize,
    newsrooms: usize,
    less_precise: usize,
    disputing: usize,
    lang: Lang,
) -> String {
    if newsrooms >= sources {
        return support(sources, less_precise, disputing, lang);
    }
    let l = lang.labels();
    let rooms = newsroom_count(newsrooms, lang);
    l.text(&l.counts.in_newsrooms, &[("x", &rooms), ("n", &source_count(sources, lang))])
        + &qualifiers(less_precise, disputing, lang)
}

/// [`coverage`], then the independent newsrooms when copies make them fewer
/// than the sources: `couvert par 4 sources sur 5, 3 rédactions
/// indépendantes` / `covered by 4 of 5 sources, 3 independent newsrooms`.
pub fn coverage_in_newsrooms(on_event: usize, total: usize, newsrooms: usize, lang: Lang) -> String {
    let c = coverage(on_event, total, lang);
    if newsrooms >= on_event {
        return c;
    }
    let l = lang.labels();
    l.count(&l.counts.independent, newsrooms, &c)
}

/// The note of a source that copies another's text (source number
/// `original`), with the agency credited when known: `Reprise de la même
/// dépêche AFP que la source 1 : une seule rédaction.` / `Copy of the same
/// AFP dispatch as source 1: one newsroom.`
pub fn copy_note(original: usize, wire: Option<&str>, lang: Lang) -> String {
    let l = lang.labels();
    let n = original.to_string();
    match wire.map(str::trim).filter(|w| !w.is_empty()) {
        Some(w) => l.text(&l.counts.copy_wire, &[("w", w), ("n", &n)]),
        None => l.text(&l.counts.copy_text, &[("n", &n)]),
    }
}

/// Beside a copy's claims: `reprise de la source 1` / `copy of source 1`.
pub fn copy_of_source(original: usize, lang: Lang) -> String {
    let l = lang.labels();
    l.text(&l.counts.copy_of_source, &[("n", &original.to_string())])
}

/// The agency a source credits: `crédit : AFP` / `credit: AFP`.
pub fn wire_credit(wire: &str, lang: Lang) -> String {
    let l = lang.labels();
    l.text(&l.counts.credit, &[("w", wire)])
}

/// `couvert par 4 sources sur 5` / `covered by 4 of 5 sources` (just
/// `… 4 sources` when all cover it).
pub fn coverage(on_event: usize, total: usize, lang: Lang) -> String {
    let l = lang.labels();
    if on_event == total {
        return l.text(&l.counts.coverage_all, &[("x", &source_count(on_event, lang))]);
    }
    l.text(&l.counts.coverage_some, &[("n", &on_event.to_string()), ("x", &total.to_string())])
}

/// The sources a cell cites by number: `source 2`, `sources 1, 3`.
pub fn source_refs(nums: &[String], lang: Lang) -> String {
    let l = lang.labels();
    l.count(&l.counts.source_refs, nums.len(), &crate::join(nums, ", "))
}

/// The accessible name of an article's full text: `Texte intégral : …`.
pub fn full_text(title: &str, lang: Lang) -> String {
    let l = lang.labels();
    fill(&l.full_text, &[("t", title)])
}

/// Fixed reader-facing strings of the panel (`[labels.view]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    /// The panel's accessible name.
    PanelTitle,
    /// The facts section heading.
    Facts,
    /// The positions matrix heading.
    Positions,
    /// The sources list heading.
    Sources,
    /// The column header of actors in the matrix.
    Actor,
    /// Disclosure button text (closed).
    ShowQuotes,
    /// Disclosure button text (open).
    HideQuotes,
    /// Button that opens the quote in its full source text.
    ReadInContext,
    /// Button that closes the context view.
    CloseContext,
    /// Badge of a source that covers another event.
    OffEvent,
    /// Badge of a source that covers the event.
    OnEvent,
    /// Shown when there are no facts.
    NoFacts,
    /// Shown when the event date is unknown.
    DateUnknown,
    /// Shown when the context text is not available.
    NoContext,
    /// Link text to an article.
    OpenArticle,
    /// Label of a claim's interpreted value.
    ValueGiven,
}

/// The text of a fixed panel string.
pub fn ui(key: Ui, lang: Lang) -> &'static str {
    let v = &lang.labels().view;
    match key {
        Ui::PanelTitle => &v.title,
        Ui::Facts => &v.facts,
        Ui::Positions => &v.positions,
        Ui::Sources => &v.sources,
        Ui::Actor => &v.actor,
        Ui::ShowQuotes => &v.show_quotes,
        Ui::HideQuotes => &v.hide_quotes,
        Ui::ReadInContext => &v.read_in_context,
        Ui::CloseContext => &v.close_context,
        Ui::OffEvent => &v.off_event,
        Ui::OnEvent => &v.on_event,
        Ui::NoFacts => &v.no_facts,
        Ui::DateUnknown => &v.date_unknown,
        Ui::NoContext => &v.no_context,
        Ui::OpenArticle => &v.open_article,
        Ui::ValueGiven => &v.value_given,
    }
}

#[cfg(test)]
mod tests;
