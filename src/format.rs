//! Formatting of values for readers, in French (the default) and English.
//!
//! Pure functions over the `factpanel/1` model: the panel (wasm) and the
//! CLI's terminal table both use them, so a value reads the same everywhere.
//! Nothing here allocates more than the returned string or touches I/O.
//!
//! ```
//! use factpanel::format::{minutes, Lang};
//! assert_eq!(minutes(90, Lang::Fr), "1 h 30");
//! assert_eq!(minutes(45, Lang::En), "45 min");
//! ```

use crate::model::{
    Agreement, Claim, DateNote, DateParts, Document, EntityId, Fact, Interval, Kind, NegotiationStart, Stance, Status,
    Subject, Topic, Value,
};

/// The language of the reader-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// French (the default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The language for a BCP 47 tag: `en`, `en-GB`, `EN_us` → English;
    /// anything else (including the empty tag) → French.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    /// The BCP 47 tag (`fr` or `en`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// A duration in words: `45 min`, `1 h`, `1 h 30` (French), `1 h 30 min`
/// (English). Whole hours have no minutes part.
pub fn minutes(m: u32, lang: Lang) -> String {
    let (h, r) = (m / 60, m % 60);
    match (h, r, lang) {
        (0, _, _) => format!("{m} min"),
        (_, 0, _) => format!("{h} h"),
        (_, _, Lang::Fr) => format!("{h} h {r:02}"),
        (_, _, Lang::En) => format!("{h} h {r:02} min"),
    }
}

/// A duration interval in words:
/// exact → `1 h 30 (90 min)` (`45 min` under an hour);
/// closed → `1 h 20 à 1 h 30 (80–90 min)`;
/// open above → `plus d'1 h` / `more than 1 h`;
/// open below → `jusqu'à 1 h 30` / `up to 1 h 30 min`.
pub fn interval(iv: &Interval, lang: Lang) -> String {
    match (iv.min, iv.max) {
        (Some(lo), Some(hi)) if lo == hi => {
            if lo.0 >= 60 {
                format!("{} ({} min)", minutes(lo.0, lang), lo.0)
            } else {
                minutes(lo.0, lang)
            }
        }
        (Some(lo), Some(hi)) => {
            let sep = match lang {
                Lang::Fr => "à",
                Lang::En => "to",
            };
            if hi.0 >= 60 {
                format!("{} {sep} {} ({}–{} min)", minutes(lo.0, lang), minutes(hi.0, lang), lo.0, hi.0)
            } else {
                format!("{}–{} min", lo.0, hi.0)
            }
        }
        (Some(lo), None) => match lang {
            Lang::Fr => format!("plus {}", de(&minutes(lo.0, lang))),
            Lang::En => format!("more than {}", minutes(lo.0, lang)),
        },
        (None, Some(hi)) => match lang {
            Lang::Fr => format!("jusqu'à {}", minutes(hi.0, lang)),
            Lang::En => format!("up to {}", minutes(hi.0, lang)),
        },
        (None, None) => match lang {
            Lang::Fr => "durée inconnue".into(),
            Lang::En => "unknown length".into(),
        },
    }
}

/// French "de" + a figure, elided before "1" read as "un/une" (`d'1 h`).
fn de(s: &str) -> String {
    if s.starts_with("1 ") {
        format!("d'{s}")
    } else {
        format!("de {s}")
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
    // The names are the language pack's (its `[dates]`, `[labels]`).
    let pack = crate::rules::for_lang(lang.tag()).unwrap_or_else(crate::rules::rules);
    let mut words: Vec<String> = Vec::new();
    if let Some(w) = p.weekday.and_then(|w| pack.dates.weekday_name(w)) {
        words.push(w);
    }
    if let Some(d) = p.day {
        words.push(if d == 1 { pack.labels.first_day.clone() } else { d.to_string() });
    }
    if let Some(m) = p.month.and_then(|m| pack.dates.month_name(m)) {
        words.push(m);
    }
    if let Some(y) = p.year {
        words.push(y.to_string());
    }
    if words.is_empty() {
        match lang {
            Lang::Fr => "date inconnue".into(),
            Lang::En => "unknown date".into(),
        }
    } else {
        words.join(" ")
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
    let known = p.day.is_some() && p.month.is_some();
    match (lang, known) {
        (Lang::Fr, true) => {
            format!("le jour de la semaine donné ({stated}) ne correspond pas au {}", date_parts(&p, lang))
        }
        (Lang::Fr, false) => format!("le jour de la semaine donné ({stated}) ne correspond pas à la date"),
        (Lang::En, true) => format!("the weekday given ({stated}) does not match {}", date_parts(&p, lang)),
        (Lang::En, false) => format!("the weekday given ({stated}) does not match the date"),
    }
}

/// The reader-facing name of a status (the chip's text).
pub fn status(s: Status, lang: Lang) -> &'static str {
    match (s, lang) {
        (Status::Agreed, Lang::Fr) => "concordant",
        (Status::Agreed, Lang::En) => "agreed",
        (Status::Compatible, Lang::Fr) => "compatible",
        (Status::Compatible, Lang::En) => "compatible",
        (Status::Disputed, Lang::Fr) => "contesté",
        (Status::Disputed, Lang::En) => "disputed",
        (Status::Single, Lang::Fr) => "source unique",
        (Status::Single, Lang::En) => "single source",
    }
}

/// A position in words: `irréaliste` / `not realistic`.
pub fn stance(s: Stance, lang: Lang) -> &'static str {
    match (s, lang) {
        (Stance::Unrealistic, Lang::Fr) => "irréaliste",
        (Stance::Unrealistic, Lang::En) => "not realistic",
        (Stance::Opposed, Lang::Fr) => "opposé",
        (Stance::Opposed, Lang::En) => "opposed",
        (Stance::Inevitable, Lang::Fr) => "inévitable",
        (Stance::Inevitable, Lang::En) => "inevitable",
        (Stance::Supports, Lang::Fr) => "favorable",
        (Stance::Supports, Lang::En) => "in favour",
    }
}

/// A topic in words: `Adhésion de l'Ukraine à l'OTAN` / `Ukraine joining NATO`.
pub fn topic(t: Topic, lang: Lang) -> &'static str {
    match (t, lang) {
        (Topic::UkraineNatoMembership, Lang::Fr) => "Adhésion de l'Ukraine à l'OTAN",
        (Topic::UkraineNatoMembership, Lang::En) => "Ukraine joining NATO",
        (Topic::UkrainePre2014Borders, Lang::Fr) => "Retour aux frontières d'avant 2014",
        (Topic::UkrainePre2014Borders, Lang::En) => "Return to pre-2014 borders",
    }
}

/// `1 source`, `3 sources` (the same in both languages).
pub fn source_count(n: usize, _lang: Lang) -> String {
    if n == 1 {
        "1 source".into()
    } else {
        format!("{n} sources")
    }
}

/// The full name of an entity (`Vladimir Poutine` / `Vladimir Putin`);
/// the id itself when the document does not name it.
pub fn entity_name(doc: &Document, id: &str, lang: Lang) -> String {
    match doc.entities.get(id) {
        Some(e) => pick(lang, &e.name, &e.name_en, id),
        None => id.to_string(),
    }
}

/// The short name of an entity (`Poutine` / `Putin`), falling back to the
/// full name, then to the id.
pub fn entity_short(doc: &Document, id: &str, lang: Lang) -> String {
    match doc.entities.get(id) {
        Some(e) => {
            let full = pick(lang, &e.name, &e.name_en, id);
            pick(lang, &e.short, &e.short_en, &full)
        }
        None => id.to_string(),
    }
}

fn pick(lang: Lang, fr: &str, en: &str, fallback: &str) -> String {
    let (first, second) = match lang {
        Lang::Fr => (fr, en),
        Lang::En => (en, fr),
    };
    [first, second, fallback].iter().find(|s| !s.trim().is_empty()).unwrap_or(&fallback).to_string()
}

/// The definite article institutions take (`le Kremlin`, `the Kremlin`);
/// people and unknown ids take none.
fn article(id: &str, lang: Lang) -> &'static str {
    let fr = match id {
        "kremlin" => "le ",
        "white_house" | "ukrainian_presidency" | "russia" => "la ",
        "biden_administration" | "trump_administration" | "ukraine" | "nato" | "eu" | "ap" | "afp" => "l'",
        "united_states" | "us" => "les ",
        _ => "",
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => match id {
            "russia" | "ukraine" | "nato" | "ap" | "afp" => "",
            _ if !fr.is_empty() => "the ",
            _ => "",
        },
    }
}

/// The entity with its article, for running text (`le Kremlin`, `Trump`):
/// the full name when it carries its article (`le Kremlin`, `the Kremlin`),
/// else the short name, with the article of a known institution.
pub fn entity_in_text(doc: &Document, id: &str, lang: Lang) -> String {
    if let Some(e) = doc.entities.get(id) {
        let full = match lang {
            Lang::Fr => e.name.trim(),
            Lang::En => e.name_en.trim(),
        };
        let lower = full.to_lowercase();
        let has_article = match lang {
            Lang::Fr => ["le ", "la ", "les ", "l'", "l’"].iter().any(|a| lower.starts_with(a)),
            Lang::En => lower.starts_with("the "),
        };
        if has_article {
            return full.to_string();
        }
    }
    let name = entity_short(doc, id, lang);
    let art = article(id, lang);
    if art.is_empty() {
        return name;
    }
    // "l'" + "Administration Biden" → "l'administration Biden".
    let name = if lang == Lang::Fr && art == "l'" { lower_first(&name) } else { name };
    format!("{art}{name}")
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), c.clone().next()) {
        // Keep acronyms (OTAN, AP) as they are.
        (Some(f), Some(n)) if f.is_uppercase() && !n.is_uppercase() => f.to_lowercase().chain(c).collect(),
        _ => s.to_string(),
    }
}

/// Who a claim is attributed to: `selon le Kremlin` / `according to the
/// Kremlin`; for a claim in the outlet's own voice (`said_by: null`),
/// `selon le média` / `according to the outlet`.
pub fn said_by(said_by: Option<&EntityId>, doc: &Document, lang: Lang) -> String {
    match (said_by, lang) {
        (Some(id), Lang::Fr) => format!("selon {}", entity_in_text(doc, id.as_str(), lang)),
        (Some(id), Lang::En) => format!("according to {}", entity_in_text(doc, id.as_str(), lang)),
        (None, Lang::Fr) => "selon le média".into(),
        (None, Lang::En) => "according to the outlet".into(),
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
        None => doc.event.label.find(entity_short(doc, id.as_str(), Lang::Fr).as_str()).unwrap_or(usize::MAX),
    };
    crate::sort_by(&mut ids, |a, b| {
        in_label(a).cmp(&in_label(b)).then_with(|| centrality(doc, b).cmp(&centrality(doc, a))).then_with(|| a.cmp(b))
    });
    ids.dedup();
    ids.iter().map(|id| entity_short(doc, id.as_str(), lang)).collect::<Vec<_>>().join("–")
}

fn centrality(doc: &Document, id: &EntityId) -> usize {
    doc.facts.iter().filter(|f| f.subject.participants.contains(id) || f.subject.actor.as_ref() == Some(id)).count()
}

/// A fact's label, regenerated from its kind and subject so that both
/// languages read naturally: `Durée de l'appel Trump–Poutine` /
/// `Length of the Trump–Putin call`.
pub fn fact_label(fact: &Fact, doc: &Document, lang: Lang) -> String {
    subject_label(fact.kind, &fact.subject, doc, lang)
}

/// The label for a kind and subject (see [`fact_label`]).
pub fn subject_label(kind: Kind, s: &Subject, doc: &Document, lang: Lang) -> String {
    let who = participants(doc, &s.participants, lang);
    let actor = s.actor.as_ref().map(|a| entity_short(doc, a.as_str(), lang));
    let fr = lang == Lang::Fr;
    // The event's own participants met in person: "la rencontre".
    let meeting = is_meeting(doc, &s.participants);
    let (de, of) = if meeting { ("de la rencontre", "meeting") } else { ("de l'appel", "call") };
    let call = |fr_fmt: &str, en_fmt: &str| -> String {
        match (fr, who.is_empty()) {
            (true, true) => format!("{fr_fmt} {de}"),
            (true, false) => format!("{fr_fmt} {de} {who}"),
            (false, true) => format!("{en_fmt} of the {of}"),
            (false, false) => format!("{en_fmt} of the {who} {of}"),
        }
    };
    match kind {
        Kind::CallDuration => call("Durée", "Length"),
        Kind::CallDate => call("Date", "Date"),
        Kind::CallCharacterization => {
            let the = if meeting { "La rencontre" } else { "L'appel" };
            let base = match (fr, who.is_empty()) {
                (true, true) => the.to_string(),
                (true, false) => format!("{the} {who}"),
                (false, true) => format!("The {of}"),
                (false, false) => format!("The {who} {of}"),
            };
            // "selon Poutine", "selon le Kremlin" (as a source is named in text).
            let by = s.actor.as_ref().map(|a| entity_in_text(doc, a.as_str(), lang));
            match (by, fr) {
                (Some(a), true) => format!("{base} selon {a}"),
                (Some(a), false) => format!("{base} according to {a}"),
                (None, _) => base,
            }
        }
        Kind::Stance => {
            let t = s.topic.map(|t| topic(t, lang)).unwrap_or("Position");
            match (actor, fr) {
                (Some(a), true) => format!("{a} : {}", lower_first(t)),
                (Some(a), false) => format!("{a}: {t}"),
                (None, _) => t.to_string(),
            }
        }
        Kind::Negotiations => match (fr, who.is_empty()) {
            (true, true) => "Début des négociations".into(),
            (true, false) => format!("Début des négociations {who}"),
            (false, true) => "Start of negotiations".into(),
            (false, false) => format!("Start of {who} negotiations"),
        },
        Kind::PrisonerRelease => {
            let p = s.person.as_ref().map(|p| entity_name(doc, p.as_str(), lang));
            match (p, fr) {
                (Some(p), true) => format!("Libération de {p}"),
                (Some(p), false) => format!("Release of {p}"),
                (None, true) => "Libération d'un prisonnier".into(),
                (None, false) => "Release of a prisoner".into(),
            }
        }
        Kind::PrisonerExchange => match (fr, who.is_empty()) {
            (true, true) => "Échange de prisonniers".into(),
            (true, false) => format!("Échange de prisonniers ({who})"),
            (false, true) => "Prisoner exchange".into(),
            (false, false) => format!("Prisoner exchange ({who})"),
        },
        Kind::Meeting => match (fr, who.is_empty()) {
            (true, true) => "Rencontre prévue".into(),
            (true, false) => format!("Rencontre {who}"),
            (false, true) => "Planned meeting".into(),
            (false, false) => format!("{who} meeting"),
        },
    }
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
    let fr = lang == Lang::Fr;
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
            Some(t) if fr => format!("« {t} »"),
            Some(t) => format!("“{t}”"),
            None => fallback(),
        },
        Kind::Stance => match v.position {
            Some(p) => stance(p, lang).to_string(),
            None => fallback(),
        },
        Kind::Negotiations => match v.start {
            Some(NegotiationStart::Immediately) => (if fr { "immédiatement" } else { "immediately" }).into(),
            None => fallback(),
        },
        Kind::PrisonerRelease => match &v.released_by {
            Some(by) if fr => format!("libéré par {}", entity_in_text(doc, by.as_str(), lang)),
            Some(by) => format!("released by {}", entity_in_text(doc, by.as_str(), lang)),
            None => (if fr { "libéré" } else { "released" }).into(),
        },
        Kind::PrisonerExchange => match v.occurred {
            Some(true) | None => (if fr { "a eu lieu" } else { "took place" }).into(),
            Some(false) => (if fr { "n'a pas eu lieu" } else { "did not take place" }).into(),
        },
        Kind::Meeting => {
            let mut places: Vec<&EntityId> = v.places.iter().collect();
            if let Some(Some(p)) = &v.place {
                if !places.contains(&p) {
                    places.insert(0, p);
                }
            }
            let names: Vec<String> = places.iter().map(|p| entity_name(doc, p.as_str(), lang)).collect();
            match (names.len(), fr) {
                (0, true) => "prévue, lieu non précisé".into(),
                (0, false) => "planned, place not given".into(),
                (1, true) => format!("prévue : {}", names[0]),
                (1, false) => format!("planned: {}", names[0]),
                (_, true) => format!("prévue ; lieux cités : {}", names.join(", ")),
                (_, false) => format!("planned; places named: {}", names.join(", ")),
            }
        }
    }
}

/// The event's label in the reader's language. The document carries a
/// French label; for English, a label of the form `Appel A–B` is rebuilt
/// from the participants of the matching call fact (`Trump–Putin call`).
pub fn event_label(doc: &Document, lang: Lang) -> String {
    // From the event's structure when the document has it.
    if !doc.event.participants.is_empty() {
        let names = participants(doc, &doc.event.participants, lang);
        return match (lang, is_meeting(doc, &doc.event.participants)) {
            (Lang::Fr, false) => format!("Appel {names}"),
            (Lang::Fr, true) => format!("Rencontre {names}"),
            (Lang::En, false) => format!("{names} call"),
            (Lang::En, true) => format!("{names} meeting"),
        };
    }
    // A document made before factpanel/1 had them: its label as it is.
    doc.event.label.trim().to_string()
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
    match (a, lang) {
        (Agreement::Precise, Lang::Fr) => "précis",
        (Agreement::Precise, Lang::En) => "precise",
        (Agreement::Compatible, Lang::Fr) => "moins précis",
        (Agreement::Compatible, Lang::En) => "less precise",
        (Agreement::Disputes, Lang::Fr) => "contredit",
        (Agreement::Disputes, Lang::En) => "contradicts",
    }
}

/// The sources of a fact with their agreement: `4 sources`,
/// `4 sources, dont 1 moins précise`, `3 sources, 1 of them disagrees`.
pub fn support(sources: usize, less_precise: usize, disputing: usize, lang: Lang) -> String {
    source_count(sources, lang) + &qualifiers(less_precise, disputing, lang)
}

/// `, dont 1 moins précise, 1 en désaccord` / `, of which 1 less precise`
/// (empty when both are 0).
fn qualifiers(less_precise: usize, disputing: usize, lang: Lang) -> String {
    let mut out = String::new();
    let mut parts: Vec<String> = Vec::new();
    let s = |n: usize| if n > 1 { "s" } else { "" };
    if less_precise > 0 {
        parts.push(match lang {
            Lang::Fr => format!("{less_precise} moins précise{}", s(less_precise)),
            Lang::En => format!("{less_precise} less precise"),
        });
    }
    if disputing > 0 {
        parts.push(match lang {
            Lang::Fr => format!("{disputing} en désaccord"),
            Lang::En => format!("{disputing} disagree{}", if disputing == 1 { "s" } else { "" }),
        });
    }
    if !parts.is_empty() {
        let joined = parts.join(", ");
        match lang {
            Lang::Fr => out.push_str(&format!(", dont {joined}")),
            Lang::En => out.push_str(&format!(", of which {joined}")),
        }
    }
    out
}

/// `1 rédaction`, `3 rédactions` / `1 newsroom`, `3 newsrooms`.
pub fn newsroom_count(n: usize, lang: Lang) -> String {
    let s = if n == 1 { "" } else { "s" };
    match lang {
        Lang::Fr => format!("{n} rédaction{s}"),
        Lang::En => format!("{n} newsroom{s}"),
    }
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
    format!(
        "{} ({}){}",
        newsroom_count(newsrooms, lang),
        source_count(sources, lang),
        qualifiers(less_precise, disputing, lang)
    )
}

/// [`coverage`], then the independent newsrooms when copies make them fewer
/// than the sources: `couvert par 4 sources sur 5, 3 rédactions
/// indépendantes` / `covered by 4 of 5 sources, 3 independent newsrooms`.
pub fn coverage_in_newsrooms(on_event: usize, total: usize, newsrooms: usize, lang: Lang) -> String {
    let c = coverage(on_event, total, lang);
    if newsrooms >= on_event {
        return c;
    }
    let s = if newsrooms == 1 { "" } else { "s" };
    match lang {
        Lang::Fr => format!("{c}, {newsrooms} rédaction{s} indépendante{s}"),
        Lang::En => format!("{c}, {newsrooms} independent newsroom{s}"),
    }
}

/// The note of a source that copies another's text (source number
/// `original`), with the agency credited when known: `Reprise de la même
/// dépêche AFP que la source 1 : une seule rédaction.` / `Copy of the same
/// AFP dispatch as source 1: one newsroom.`
pub fn copy_note(original: usize, wire: Option<&str>, lang: Lang) -> String {
    match (lang, wire.map(str::trim).filter(|w| !w.is_empty())) {
        (Lang::Fr, Some(w)) => {
            format!("Reprise de la même dépêche {w} que la source {original} : une seule rédaction.")
        }
        (Lang::Fr, None) => format!("Reprise du même texte que la source {original} : une seule rédaction."),
        (Lang::En, Some(w)) => format!("Copy of the same {w} dispatch as source {original}: one newsroom."),
        (Lang::En, None) => format!("Copy of the same text as source {original}: one newsroom."),
    }
}

/// Beside a copy's claims: `reprise de la source 1` / `copy of source 1`.
pub fn copy_of_source(original: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("reprise de la source {original}"),
        Lang::En => format!("copy of source {original}"),
    }
}

/// The agency a source credits: `crédit : AFP` / `credit: AFP`.
pub fn wire_credit(wire: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("crédit : {wire}"),
        Lang::En => format!("credit: {wire}"),
    }
}

/// `4 sources sur 5` / `4 of 5 sources` (just `4 sources` when all cover it).
pub fn coverage(on_event: usize, total: usize, lang: Lang) -> String {
    if on_event == total {
        return match lang {
            Lang::Fr => format!("couvert par {}", source_count(on_event, lang)),
            Lang::En => format!("covered by {}", source_count(on_event, lang)),
        };
    }
    match lang {
        Lang::Fr => format!("couvert par {on_event} sources sur {total}"),
        Lang::En => format!("covered by {on_event} of {total} sources"),
    }
}

/// Fixed reader-facing strings of the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    /// The panel's accessible name.
    PanelTitle,
    /// "covered by N sources" — prefix before the count.
    CoveredBy,
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
    /// Legend for precision differences.
    LessPrecise,
    /// Legend for a contradicting claim.
    Contradicts,
}

/// The text of a fixed panel string.
pub fn ui(key: Ui, lang: Lang) -> &'static str {
    let fr = lang == Lang::Fr;
    match key {
        Ui::PanelTitle => {
            if fr {
                "Ce que disent les sources"
            } else {
                "What the sources say"
            }
        }
        Ui::CoveredBy => {
            if fr {
                "couvert par"
            } else {
                "covered by"
            }
        }
        Ui::Facts => {
            if fr {
                "Les faits"
            } else {
                "Facts"
            }
        }
        Ui::Positions => {
            if fr {
                "Qui pense quoi"
            } else {
                "Who holds which position"
            }
        }
        Ui::Sources => "Sources",
        Ui::Actor => {
            if fr {
                "Acteur"
            } else {
                "Actor"
            }
        }
        Ui::ShowQuotes => {
            if fr {
                "Voir les citations"
            } else {
                "Show quotes"
            }
        }
        Ui::HideQuotes => {
            if fr {
                "Masquer les citations"
            } else {
                "Hide quotes"
            }
        }
        Ui::ReadInContext => {
            if fr {
                "Lire dans l'article"
            } else {
                "Read in the article"
            }
        }
        Ui::CloseContext => {
            if fr {
                "Fermer l'article"
            } else {
                "Close the article"
            }
        }
        Ui::OffEvent => {
            if fr {
                "autre événement"
            } else {
                "another event"
            }
        }
        Ui::OnEvent => {
            if fr {
                "sur l'événement"
            } else {
                "on the event"
            }
        }
        Ui::NoFacts => {
            if fr {
                "Aucun fait n'a été relevé dans ces articles."
            } else {
                "No facts were found in these articles."
            }
        }
        Ui::DateUnknown => {
            if fr {
                "date non établie"
            } else {
                "date not established"
            }
        }
        Ui::NoContext => {
            if fr {
                "Le texte de l'article n'est pas disponible."
            } else {
                "The article text is not available."
            }
        }
        Ui::OpenArticle => {
            if fr {
                "ouvrir l'article"
            } else {
                "open the article"
            }
        }
        Ui::ValueGiven => {
            if fr {
                "valeur lue"
            } else {
                "value read"
            }
        }
        Ui::LessPrecise => {
            if fr {
                "moins précis"
            } else {
                "less precise"
            }
        }
        Ui::Contradicts => {
            if fr {
                "contredit"
            } else {
                "contradicts"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        d.entities.insert("kremlin".into(), ent("Kremlin", "Kremlin", "Kremlin", "Kremlin"));
        d.entities.insert("hegseth".into(), ent("Pete Hegseth", "Hegseth", "Pete Hegseth", "Hegseth"));
        d.entities.insert("united_states".into(), ent("États-Unis", "États-Unis", "United States", "US"));
        d.entities.insert(
            "biden_administration".into(),
            ent("Administration Biden", "Administration Biden", "Biden administration", "Biden administration"),
        );
        d.entities.insert("marc_fogel".into(), ent("Marc Fogel", "Fogel", "Marc Fogel", "Fogel"));
        d.entities
            .insert("saudi_arabia".into(), ent("Arabie saoudite", "Arabie saoudite", "Saudi Arabia", "Saudi Arabia"));
        d.entities.insert("moscow".into(), ent("Moscou", "Moscou", "Moscow", "Moscow"));
        let call = |p: &[&str]| Subject { participants: p.iter().map(|s| id(s)).collect(), ..subj() };
        d.facts.push(fact(Kind::CallDuration, call(&["putin", "trump"]), Value::duration(Interval::exact(90))));
        d.facts.push(fact(Kind::CallDuration, call(&["trump", "zelensky"]), Value::duration(Interval::exact(60))));
        d
    }

    #[test]
    fn lang_from_tag() {
        assert_eq!(Lang::from_tag("en"), Lang::En);
        assert_eq!(Lang::from_tag("EN-gb"), Lang::En);
        assert_eq!(Lang::from_tag("en_US"), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::Fr);
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag(""), Lang::Fr);
        assert_eq!(Lang::from_tag("english"), Lang::Fr);
        assert_eq!(Lang::from_tag("de"), Lang::Fr);
        assert_eq!(Lang::default(), Lang::Fr);
        assert_eq!(Lang::En.tag(), "en");
    }

    #[test]
    fn minutes_in_words() {
        assert_eq!(minutes(0, Lang::Fr), "0 min");
        assert_eq!(minutes(45, Lang::Fr), "45 min");
        assert_eq!(minutes(60, Lang::Fr), "1 h");
        assert_eq!(minutes(90, Lang::Fr), "1 h 30");
        assert_eq!(minutes(65, Lang::Fr), "1 h 05");
        assert_eq!(minutes(150, Lang::Fr), "2 h 30");
        assert_eq!(minutes(90, Lang::En), "1 h 30 min");
        assert_eq!(minutes(120, Lang::En), "2 h");
        assert_eq!(minutes(59, Lang::En), "59 min");
    }

    #[test]
    fn intervals_in_words() {
        assert_eq!(interval(&Interval::exact(90), Lang::Fr), "1 h 30 (90 min)");
        assert_eq!(interval(&Interval::exact(90), Lang::En), "1 h 30 min (90 min)");
        assert_eq!(interval(&Interval::exact(60), Lang::Fr), "1 h (60 min)");
        assert_eq!(interval(&Interval::exact(30), Lang::Fr), "30 min");
        assert_eq!(interval(&Interval::between(80, 90), Lang::Fr), "1 h 20 à 1 h 30 (80–90 min)");
        assert_eq!(interval(&Interval::between(80, 90), Lang::En), "1 h 20 min to 1 h 30 min (80–90 min)");
        assert_eq!(interval(&Interval::between(20, 30), Lang::Fr), "20–30 min");
        let open = Interval { min: Some(Minutes(60)), max: None };
        assert_eq!(interval(&open, Lang::Fr), "plus d'1 h");
        assert_eq!(interval(&open, Lang::En), "more than 1 h");
        let open2 = Interval { min: Some(Minutes(120)), max: None };
        assert_eq!(interval(&open2, Lang::Fr), "plus de 2 h");
        let upto = Interval { min: None, max: Some(Minutes(90)) };
        assert_eq!(interval(&upto, Lang::Fr), "jusqu'à 1 h 30");
        assert_eq!(interval(&upto, Lang::En), "up to 1 h 30 min");
        assert_eq!(interval(&Interval { min: None, max: None }, Lang::Fr), "durée inconnue");
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(date("2025-02-12", Lang::Fr), "mercredi 12 février 2025");
        assert_eq!(date("2025-02-12", Lang::En), "Wednesday 12 February 2025");
        assert_eq!(date("2025-03-01", Lang::Fr), "samedi 1er mars 2025");
        assert_eq!(date("2025-02", Lang::Fr), "février 2025");
        assert_eq!(date("not a date", Lang::Fr), "not a date");
        assert_eq!(date("2025-13-01", Lang::Fr), "2025-13-01");
        assert_eq!(date("2025-02-30", Lang::Fr), "2025-02-30", "not a day of February");
        let wed = DateParts { weekday: Some(3), ..DateParts::default() };
        assert_eq!(date_parts(&wed, Lang::Fr), "mercredi");
        let d = DateParts { day: Some(12), month: Some(2), ..DateParts::default() };
        assert_eq!(date_parts(&d, Lang::Fr), "12 février");
        assert_eq!(date_parts(&DateParts::default(), Lang::En), "unknown date");
    }

    #[test]
    fn statuses_and_positions() {
        assert_eq!(status(Status::Agreed, Lang::Fr), "concordant");
        assert_eq!(status(Status::Single, Lang::Fr), "source unique");
        assert_eq!(status(Status::Single, Lang::En), "single source");
        assert_eq!(status(Status::Disputed, Lang::En), "disputed");
        assert_eq!(stance(Stance::Unrealistic, Lang::Fr), "irréaliste");
        assert_eq!(stance(Stance::Unrealistic, Lang::En), "not realistic");
        assert_eq!(topic(Topic::UkraineNatoMembership, Lang::En), "Ukraine joining NATO");
        assert_eq!(source_count(1, Lang::Fr), "1 source");
        assert_eq!(source_count(4, Lang::En), "4 sources");
    }

    #[test]
    fn names_and_attribution() {
        let d = doc();
        assert_eq!(entity_name(&d, "putin", Lang::Fr), "Vladimir Poutine");
        assert_eq!(entity_name(&d, "putin", Lang::En), "Vladimir Putin");
        assert_eq!(entity_short(&d, "putin", Lang::Fr), "Poutine");
        assert_eq!(entity_name(&d, "nobody_known", Lang::Fr), "nobody_known");
        assert_eq!(said_by(Some(&id("kremlin")), &d, Lang::Fr), "selon le Kremlin");
        assert_eq!(said_by(Some(&id("kremlin")), &d, Lang::En), "according to the Kremlin");
        assert_eq!(said_by(Some(&id("trump")), &d, Lang::Fr), "selon Trump");
        assert_eq!(said_by(Some(&id("biden_administration")), &d, Lang::Fr), "selon l'administration Biden");
        assert_eq!(said_by(None, &d, Lang::Fr), "selon le média");
        // A full name that carries its article is used as is.
        let mut d2 = d.clone();
        d2.entities.insert(
            "ukrainian_presidency".into(),
            ent(
                "la présidence ukrainienne",
                "Présidence ukrainienne",
                "the Ukrainian presidency",
                "Ukrainian presidency",
            ),
        );
        assert_eq!(said_by(Some(&id("ukrainian_presidency")), &d2, Lang::Fr), "selon la présidence ukrainienne");
        assert_eq!(said_by(Some(&id("ukrainian_presidency")), &d2, Lang::En), "according to the Ukrainian presidency");
        assert_eq!(said_by(None, &d, Lang::En), "according to the outlet");
    }

    #[test]
    fn labels_read_naturally() {
        let d = doc();
        assert_eq!(fact_label(&d.facts[0], &d, Lang::Fr), "Durée de l'appel Trump–Poutine");
        assert_eq!(fact_label(&d.facts[0], &d, Lang::En), "Length of the Trump–Putin call");
        assert_eq!(fact_label(&d.facts[1], &d, Lang::Fr), "Durée de l'appel Trump–Zelensky");
        let s = Subject { actor: Some(id("hegseth")), topic: Some(Topic::UkraineNatoMembership), ..subj() };
        assert_eq!(subject_label(Kind::Stance, &s, &d, Lang::Fr), "Hegseth : adhésion de l'Ukraine à l'OTAN");
        assert_eq!(subject_label(Kind::Stance, &s, &d, Lang::En), "Hegseth: Ukraine joining NATO");
        let p = Subject { person: Some(id("marc_fogel")), ..subj() };
        assert_eq!(subject_label(Kind::PrisonerRelease, &p, &d, Lang::Fr), "Libération de Marc Fogel");
        let m = Subject { participants: vec![id("putin"), id("trump")], ..subj() };
        assert_eq!(subject_label(Kind::Meeting, &m, &d, Lang::Fr), "Rencontre Trump–Poutine");
        assert_eq!(subject_label(Kind::Negotiations, &m, &d, Lang::En), "Start of Trump–Putin negotiations");
        let c = Subject { participants: vec![id("trump"), id("zelensky")], actor: Some(id("zelensky")), ..subj() };
        assert_eq!(
            subject_label(Kind::CallCharacterization, &c, &d, Lang::Fr),
            "L'appel Trump–Zelensky selon Zelensky"
        );
        // Unknown entities fall back to their ids.
        let u = Subject { participants: vec![id("x_one"), id("x_two")], ..subj() };
        assert_eq!(subject_label(Kind::CallDuration, &u, &d, Lang::Fr), "Durée de l'appel x_one–x_two");
    }

    #[test]
    fn values_in_plain_words() {
        let d = doc();
        assert_eq!(fact_value(&d.facts[0], &d, Lang::Fr), "1 h 30 (90 min)");
        let date_fact = fact(Kind::CallDate, subj(), Value { date: Some("2025-02-12".into()), ..Value::default() });
        assert_eq!(fact_value(&date_fact, &d, Lang::Fr), "mercredi 12 février 2025");
        let v = Value { position: Some(Stance::Unrealistic), ..Value::default() };
        assert_eq!(value(Kind::Stance, &v, &d, Lang::Fr), "irréaliste");
        assert_eq!(value(Kind::Stance, &v, &d, Lang::En), "not realistic");
        let v = Value { released_by: Some(id("united_states")), ..Value::default() };
        assert_eq!(value(Kind::PrisonerRelease, &v, &d, Lang::Fr), "libéré par les États-Unis");
        assert_eq!(value(Kind::PrisonerRelease, &v, &d, Lang::En), "released by the US");
        let v = Value { start: Some(NegotiationStart::Immediately), ..Value::default() };
        assert_eq!(value(Kind::Negotiations, &v, &d, Lang::Fr), "immédiatement");
        let v = Value { term: Some("significative".into()), ..Value::default() };
        assert_eq!(value(Kind::CallCharacterization, &v, &d, Lang::Fr), "« significative »");
        let v = Value { place: Some(None), places: vec![id("saudi_arabia"), id("moscow")], ..Value::default() };
        assert_eq!(value(Kind::Meeting, &v, &d, Lang::Fr), "prévue ; lieux cités : Arabie saoudite, Moscou");
        let v = Value { place: Some(Some(id("moscow"))), ..Value::default() };
        assert_eq!(value(Kind::Meeting, &v, &d, Lang::En), "planned: Moscow");
        let v = Value { occurred: Some(true), ..Value::default() };
        assert_eq!(value(Kind::PrisonerExchange, &v, &d, Lang::Fr), "a eu lieu");
        // A duration with an open bound, as a claim gives it.
        let v = Value {
            min: Bound::Present(Some(Minutes(60))),
            max: Bound::Present(None),
            text: Some("plus d'une heure".into()),
            ..Value::default()
        };
        assert_eq!(value(Kind::CallDuration, &v, &d, Lang::Fr), "plus d'1 h");
        // A value without the expected field falls back to its text.
        let v = Value { text: Some("vers midi".into()), ..Value::default() };
        assert_eq!(value(Kind::CallDate, &v, &d, Lang::Fr), "vers midi");
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
        assert_eq!(claim_value(Kind::CallDuration, &claim, &d, Lang::Fr), "1 h 20 à 1 h 30 (80–90 min)");
    }

    #[test]
    fn a_weekday_that_is_not_the_date_s() {
        let note = DateNote::WeekdayInconsistent { stated_weekday: 3 };
        let jul1 = DateParts { year: Some(2025), month: Some(7), day: Some(1), weekday: Some(2) };
        let f = fact(
            Kind::CallDate,
            subj(),
            Value { date: Some("2025-07-01".into()), parts: Some(jul1), ..Value::default() },
        );
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
            date_note(&note, &full, &f, Lang::Fr),
            "le jour de la semaine donné (mercredi) ne correspond pas au 1er juillet 2025"
        );
        assert_eq!(date_note(&note, &full, &f, Lang::En), "the weekday given (Wednesday) does not match 1 July 2025");
        // Without a year of its own, the claim's day and month take the fact's.
        let no_year = claim(DateParts { year: None, ..jul1 });
        assert_eq!(
            date_note(&note, &no_year, &f, Lang::En),
            "the weekday given (Wednesday) does not match 1 July 2025"
        );
        let other = claim(DateParts { year: None, day: Some(3), ..jul1 });
        assert_eq!(
            date_note(&note, &other, &f, Lang::Fr),
            "le jour de la semaine donné (mercredi) ne correspond pas au 3 juillet"
        );
    }

    #[test]
    fn ui_strings_exist_in_both_languages() {
        for k in
            [Ui::PanelTitle, Ui::Facts, Ui::Positions, Ui::Sources, Ui::ShowQuotes, Ui::ReadInContext, Ui::OffEvent]
        {
            assert!(!ui(k, Lang::Fr).is_empty());
            assert!(!ui(k, Lang::En).is_empty());
        }
        assert_eq!(ui(Ui::OffEvent, Lang::Fr), "autre événement");
    }

    #[test]
    fn event_support_and_coverage() {
        let d = doc();
        assert_eq!(event_label(&d, Lang::Fr), "Appel Trump–Poutine");
        assert_eq!(event_label(&d, Lang::En), "Trump–Putin call");
        assert_eq!(agreement(Agreement::Compatible, Lang::Fr), "moins précis");
        assert_eq!(support(4, 0, 0, Lang::Fr), "4 sources");
        assert_eq!(support(4, 1, 0, Lang::Fr), "4 sources, dont 1 moins précise");
        assert_eq!(support(4, 2, 1, Lang::Fr), "4 sources, dont 2 moins précises, 1 en désaccord");
        assert_eq!(support(3, 0, 1, Lang::En), "3 sources, of which 1 disagrees");
        assert_eq!(coverage(4, 5, Lang::Fr), "couvert par 4 sources sur 5");
        assert_eq!(coverage(4, 5, Lang::En), "covered by 4 of 5 sources");
        assert_eq!(coverage(1, 1, Lang::Fr), "couvert par 1 source");
        assert_eq!(coverage_in_newsrooms(4, 5, 4, Lang::Fr), "couvert par 4 sources sur 5", "no copies");
        assert_eq!(coverage_in_newsrooms(4, 5, 3, Lang::Fr), "couvert par 4 sources sur 5, 3 rédactions indépendantes");
        assert_eq!(coverage_in_newsrooms(4, 5, 3, Lang::En), "covered by 4 of 5 sources, 3 independent newsrooms");
        assert_eq!(coverage_in_newsrooms(2, 2, 1, Lang::En), "covered by 2 sources, 1 independent newsroom");
        assert_eq!(support_in_newsrooms(4, 4, 1, 0, Lang::Fr), support(4, 1, 0, Lang::Fr));
        assert_eq!(support_in_newsrooms(4, 3, 1, 0, Lang::Fr), "3 rédactions (4 sources), dont 1 moins précise");
        assert_eq!(support_in_newsrooms(2, 1, 0, 0, Lang::En), "1 newsroom (2 sources)");
        assert_eq!(
            copy_note(1, Some("AFP"), Lang::Fr),
            "Reprise de la même dépêche AFP que la source 1 : une seule rédaction."
        );
        assert_eq!(copy_note(2, None, Lang::En), "Copy of the same text as source 2: one newsroom.");
    }
}
