//! Reconciliation: pure functions from what each source claims to facts.
//!
//! 1. **Which sources cover the event.** Sources are compared by what they
//!    state (the facts they make claims about) and what characterizes them
//!    (event markers, places, people). The main event is what most sources
//!    share; a source that shares much less than the others covers another
//!    event, gets a reader-facing note naming what it is about instead, and
//!    contributes no claim. So does a source that reports another call (a
//!    length, a date, talks or a meeting of another pair) and nothing of the
//!    call most sources report.
//! 2. **Grouping.** Claims are grouped by kind and subject (one fact each);
//!    a released person named with two spellings of one first name
//!    ("Alexandre"/"Alexander Vinnik") is one subject.
//! 3. **Values and statuses.** Durations are intervals: the fact's value is
//!    their intersection. When it is empty the largest consistent group of
//!    sources gives the value and the others dispute it. A fact is `agreed`
//!    when at least two sources state the value precisely (or give exactly
//!    the same value, "environ une heure" twice), `compatible` when
//!    the sources overlap but differ in precision or detail, `disputed` when
//!    they cannot all be true, `single` with one source. Dates are sets of
//!    constraints (year, month, day, weekday) intersected the same way;
//!    positions agree when they point the same way.
//! 4. **Order.** Agreed facts first, then by number of sources.
//!
//! **Copies count once.** Outlets that run one dispatch, lightly edited,
//! are one newsroom ([`copies`]): the sources of such a group are marked
//! (`copy_of`), their claims all stay, but only the claims of the group's
//! first source in a fact count for its status, its value and its number of
//! sources (two copies agreeing are one source agreeing), and a group counts
//! once when the main call and the sources off the event are chosen.

use crate::copies::{self, Newsrooms};

use std::collections::{HashMap, HashSet};

use crate::rules::Fnv;

use crate::extract::{dates, Extraction, Found, SourceExtract};
use crate::model::{
    Agreement, Claim, DateNote, DateParts, Document, Entities, EntityId, EntityInfo, Event, Fact, Interval, Kind,
    Source, Status, Subject, Value, SCHEMA,
};
use crate::rules::Rules;

/// Builds the document from what extraction found.
pub fn document(ex: &Extraction) -> Document {
    let r = ex.rules();
    let texts: Vec<&[u32]> = ex.sources.iter().map(|s| s.words.as_slice()).collect();
    let copy_of = copies::copy_of(&texts);
    // Each source's newsroom: the index of the first source of its group.
    let room: Vec<usize> = copy_of.iter().enumerate().map(|(i, c)| c.unwrap_or(i)).collect();
    let Membership { on: on_event, pair, day, meeting } = event_membership(&ex.sources, &room, r);
    let sources: Vec<Source> = ex
        .sources
        .iter()
        .zip(&on_event)
        .zip(&copy_of)
        .enumerate()
        .map(|(i, ((s, (on, note)), copy))| {
            // A source no pack reads: listed, with a note saying so.
            let unread = ex.unread.get(i).cloned().flatten();
            let (on, note) = match &unread {
                Some(tag) if tag.is_empty() => (&false, Some(r.labels.unknown_language.clone())),
                Some(tag) => (&false, Some(r.labels.text(&r.labels.no_pack, &[("lang", tag)]))),
                None => (on, note.clone()),
            };
            Source {
                id: s.article.id.clone(),
                title: s.title.clone(),
                // As given, else the language of the pack that read it.
                // ("und", BCP 47's undetermined, when no pack's words are its).
                lang: s.article.lang.clone().unwrap_or_else(|| match &unread {
                    Some(_) => "und".to_string(),
                    None => crate::rules::packs()[ex.langs.get(i).copied().unwrap_or(0)].lang.clone(),
                }),
                url: s.article.url.clone().filter(|u| is_http_url(u)),
                outlet: s.article.outlet.clone(),
                on_event: *on,
                note,
                copy_of: copy.map(|j| ex.sources[j].article.id.clone()),
                wire: s.wire.clone(),
            }
        })
        .collect();
    let rooms = Newsrooms::new(&sources);
    // A claim dated to another day's call is that call's; a source on
    // another call gives only what it says in passing of the event's day.
    let on_event_day = |f: &Found| {
        f.day
            .zip(day)
            .map(|(a, b)| dates::same_day(&a, &b))
            .filter(|_| pair.as_ref().is_some_and(|p| *p == f.subject.participants))
    };
    let claims: Vec<&Found> = ex
        .sources
        .iter()
        .zip(&on_event)
        .flat_map(|(s, (on, _))| {
            s.found
                .iter()
                .filter(move |f| if *on { on_event_day(f) != Some(false) } else { on_event_day(f) == Some(true) })
        })
        .collect();
    // Small linear maps and sets here: they weigh far less in the wasm
    // module than a BTreeMap per key type.
    let persons = person_spellings(&claims, &rooms);
    let subjects: Vec<Subject> = claims
        .iter()
        .map(|f| match f.subject.person.as_ref().and_then(|p| persons.iter().find(|(from, _)| from == p)) {
            Some((_, to)) => Subject { person: Some(to.clone()), ..f.subject.clone() },
            None => f.subject.clone(),
        })
        .collect();
    let mut groups: Vec<((Kind, Subject), Vec<&Found>)> = Vec::new();
    let mut index: HashMap<(Kind, &Subject), usize, Fnv> = HashMap::default();
    for (f, subject) in claims.iter().zip(&subjects) {
        match index.get(&(f.kind, subject)) {
            Some(&i) => groups[i].1.push(f),
            None => {
                index.insert((f.kind, subject), groups.len());
                groups.push(((f.kind, subject.clone()), vec![f]));
            }
        }
    }
    let prominence = prominence(ex, &on_event, &rooms);
    let met = pair.as_deref().filter(|_| meeting);
    // Each fact, and the number of its claims that count (see `Newsrooms`).
    let mut counts: Vec<usize> = Vec::new();
    let mut facts: Vec<Fact> = groups
        .into_iter()
        .map(|((kind, subject), fs)| fact(kind, subject, &fs, r, &prominence, met, &rooms, &mut counts))
        .collect();
    let mut order: Vec<usize> = (0..facts.len()).collect();
    crate::sort_by(&mut order, |&i, &j| {
        let rank = |s: Status| match s {
            Status::Agreed => 0,
            Status::Compatible => 1,
            Status::Disputed => 2,
            Status::Single => 3,
        };
        let (a, b) = (&facts[i], &facts[j]);
        rank(a.status)
            .cmp(&rank(b.status))
            .then(counts[j].cmp(&counts[i]))
            .then(b.claims.len().cmp(&a.claims.len()))
            .then(a.kind.cmp(&b.kind))
            .then(a.id.cmp(&b.id))
    });
    permute(&mut facts, &order);
    permute(&mut counts, &order);
    let event = event_of(&facts, &counts, r, &prominence, meeting);
    let entities = entities_of(&facts, r);
    Document { schema: SCHEMA.into(), event, sources, facts, entities }
}

/// Puts `v[order[i]]` at `i`, in place (cycle by cycle).
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        let mut i = start;
        while !done[i] {
            done[i] = true;
            let next = order[i];
            if !done[next] {
                v.swap(i, next);
            }
            i = next;
        }
    }
}

/// Only `http:` and `https:` links are kept.
pub fn is_http_url(u: &str) -> bool {
    let l = u.trim_start().to_ascii_lowercase();
    (l.starts_with("http://") || l.starts_with("https://")) && !u.chars().any(|c| c.is_control() || c == ' ')
}

/// How prominent each entity is in the on-event sources (number of sources
/// naming it), for ordering names in labels.
/// A copy adds nothing: its names are its original's.
fn prominence(ex: &Extraction, on: &[(bool, Option<String>)], rooms: &Newsrooms) -> Prominence {
    let mut p: Prominence = Vec::new();
    for (si, (s, (o, _))) in ex.sources.iter().zip(on).enumerate() {
        if *o && rooms.original(si).is_none() {
            for (e, (n, first)) in &s.entities {
                let i = match p.iter().position(|(k, _)| k == e) {
                    Some(i) => i,
                    None => {
                        p.push((e.clone(), (0, (usize::MAX, usize::MAX))));
                        p.len() - 1
                    }
                };
                let x = &mut p[i].1;
                x.0 += n;
                x.1 = x.1.min((si, *first));
            }
        }
    }
    p
}

fn features(s: &SourceExtract) -> Vec<String> {
    let mut f = Vec::new();
    for x in &s.found {
        crate::push_new(&mut f, format!("fact:{}", fact_id(x.kind, &x.subject)));
    }
    for m in &s.markers {
        crate::push_new(&mut f, format!("mark:{m}"));
    }
    for (e, _) in &s.entities {
        crate::push_new(&mut f, format!("ent:{e}"));
    }
    f
}

/// The pairs whose call (or what they agreed in it) a source reports.
fn call_pairs(s: &SourceExtract) -> Vec<&[EntityId]> {
    let mut out: Vec<&[EntityId]> = Vec::new();
    for f in &s.found {
        let call = matches!(
            f.kind,
            Kind::CallDuration | Kind::CallDate | Kind::CallCharacterization | Kind::Negotiations | Kind::Meeting
        );
        if call && f.subject.participants.len() == 2 && !out.contains(&f.subject.participants.as_slice()) {
            out.push(f.subject.participants.as_slice());
        }
    }
    out
}

/// The pair whose call most sources report (`pairs`: [`call_pairs`] of each
/// source; `room`: each source's newsroom, a pair counts once per
/// newsroom); none when two pairs tie (one article on each call: nothing
/// says which is the main one).
fn main_call_pair<'a>(pairs: &[Vec<&'a [EntityId]>], room: &[usize]) -> Option<&'a [EntityId]> {
    let count = if room.iter().enumerate().all(|(i, r)| i == *r) {
        crate::tally(pairs.iter().flatten().copied())
    } else {
        let mut by_room: Vec<Vec<&[EntityId]>> = vec![Vec::new(); pairs.len()];
        for (ps, &r) in pairs.iter().zip(room) {
            for p in ps {
                crate::push_new(&mut by_room[r], *p);
            }
        }
        crate::tally(by_room.into_iter().flatten())
    };
    let best = count.iter().map(|&(_, n)| n).max()?;
    let mut top = count.iter().filter(|&&(_, n)| n == best);
    match (top.next(), top.next()) {
        (Some(&(p, _)), None) => Some(p),
        _ => None,
    }
}

/// Decides which sources cover the main event; returns `(on_event, note)`.
///
/// Two signals. A source that reports the call most sources report (its
/// length, date, talks or meeting) covers the event, however short it is (a
/// three-sentence flash); one that reports only another call covers another
/// event, however many names it shares ("Macron et Poutine se sont
/// entretenus…" beside articles on a Trump–Putin call). A source that
/// reports no call is on it when it marks nothing the others do not (a
/// place, "des pourparlers directs") and shares enough with the others
/// (the score below).
///
/// `room`: each source's newsroom (the index of the first source of its
/// copy group): copies of one dispatch count once.
fn event_membership(sources: &[SourceExtract], room: &[usize], r: &Rules) -> Membership {
    let pairs: Vec<Vec<&[EntityId]>> = sources.iter().map(call_pairs).collect();
    let main = main_call_pair(&pairs, room);
    // Some(true): reports the main call; Some(false): only another call.
    let reports_main: Vec<Option<bool>> =
        pairs.iter().map(|ps| main.filter(|_| !ps.is_empty()).map(|m| ps.contains(&m))).collect();
    // What the sources on the main call mark (places, "une trêve", …): a
    // source that reports no call but marks something they do not ("des
    // pourparlers directs" in Istanbul) is about that instead.
    let main_marks: Vec<&String> =
        sources.iter().zip(&reports_main).filter(|(_, m)| **m == Some(true)).flat_map(|(s, _)| &s.markers).collect();
    let feats: Vec<Vec<String>> = sources.iter().map(features).collect();
    let by_score = event_scores(&feats, room, r);
    let mut on: Vec<bool> = sources
        .iter()
        .zip(by_score.iter().zip(&reports_main))
        .map(|(s, (&on, &main))| match main {
            Some(m) => m,
            None if !main_marks.is_empty() => on && s.markers.iter().all(|m| main_marks.contains(&m)),
            None => on,
        })
        .collect();
    // The event's day: the one most sources on the main call give. A source
    // whose call of the same pair is on another day covers that call.
    let days: Vec<Option<DateParts>> = sources
        .iter()
        .zip(&reports_main)
        .map(|(s, m)| main.filter(|_| *m == Some(true)).and_then(|p| source_day(s, p)))
        .collect();
    let day = event_day(&mut days.iter().flatten().copied());
    let mut other = vec![None; sources.len()];
    for (k, d) in days.iter().enumerate() {
        if let Some((d, e)) = d.zip(day) {
            if !dates::same_day(&d, &e) {
                on[k] = false;
                other[k] = Some(d);
            }
        }
    }
    // A source on the main call that gives it no day, dated long after
    // the event's day, is about a later call of the pair.
    let mut undated = vec![None; sources.len()];
    let serial = |d: &DateParts| Some(dates::days_from_civil(d.year?, d.month?, d.day?));
    if let Some(e) = day.as_ref().and_then(serial) {
        for (k, s) in sources.iter().enumerate() {
            let late =
                s.date.as_ref().and_then(serial).is_some_and(|a| a - e > i64::from(r.reconcile.undated_call_days));
            if reports_main[k] == Some(true) && days[k].is_none() && late {
                on[k] = false;
                undated[k] = s.date;
            }
        }
    }
    // By phone or in person: what the on-event sources' call sentences say.
    let votes = sources
        .iter()
        .zip(&on)
        .filter(|(_, o)| **o)
        .fold((0, 0), |acc, (s, _)| (acc.0 + s.phone_votes.0, acc.1 + s.phone_votes.1));
    // A call article says "téléphone" somewhere; a meeting's never does.
    let meeting = votes.0 == 0 && votes.1 > 0;
    let mut notes = notes(sources, &feats, r, &on);
    for (k, d) in other.iter().enumerate() {
        if let (Some(d), Some(p)) = (d, main) {
            let names: Vec<String> = p.iter().map(|id| short_name(r, id, &[])).collect();
            let template = if meeting { &r.labels.off_event_meeting } else { &r.labels.off_event_call };
            notes[k].1 = Some(r.labels.text(template, &[("p", &names.join("–")), ("d", &day_words(d, r))]));
        }
    }
    for (k, d) in undated.iter().enumerate() {
        if let (Some(d), Some(p), Some(e)) = (d, main, day) {
            let names: Vec<String> = p.iter().map(|id| short_name(r, id, &[])).collect();
            let vars = [("p", names.join("–")), ("d", day_words(d, r)), ("e", day_words(&e, r))];
            let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
            notes[k].1 = Some(r.labels.text(&r.labels.off_event_undated, &vars));
        }
    }
    Membership { on: notes, pair: main.map(<[EntityId]>::to_vec), day, meeting }
}

/// Which sources cover the event, whose call it is, on which day.
struct Membership {
    /// `(on_event, note)` per source.
    on: Vec<(bool, Option<String>)>,
    /// The main call's participants.
    pair: Option<Vec<EntityId>>,
    /// The main call's day, when the sources give it.
    day: Option<DateParts>,
    /// Whether the event is an in-person meeting rather than a call.
    meeting: bool,
}

/// The day a source gives the call of `pair`: the date its sentences on
/// that call give most often (the first on a tie).
fn source_day(s: &SourceExtract, pair: &[EntityId]) -> Option<DateParts> {
    event_day(
        &mut s
            .found
            .iter()
            .filter(|f| f.kind == Kind::CallDate && f.subject.participants == pair && !f.earlier)
            .filter_map(|f| f.day),
    )
}

/// The day most of `days` may be (see [`dates::same_day`]), preferring a
/// day of the month to a bare weekday, then the first.
fn event_day(days: &mut dyn Iterator<Item = DateParts>) -> Option<DateParts> {
    let distinct = dates::tally_days(days);
    let complete = |d: &DateParts| [d.year, d.month.map(i32::from), d.day.map(i32::from)].iter().flatten().count();
    let support = |d: &DateParts| dates::day_support(d, &distinct);
    // The day most dates may be, then the most complete date that may be it
    // ("mardi" beside "18 mars 2025" is the 18th); the first on a tie.
    let first = distinct.iter().rev().map(|(d, _)| *d).max_by_key(|d| (support(d), complete(d)))?;
    distinct
        .iter()
        .rev()
        .map(|(d, _)| *d)
        .filter(|d| dates::same_day(d, &first))
        .max_by_key(|d| (complete(d), support(d)))
}

/// A day in words: "6 mai 2025", "1er juillet", "mardi".
fn day_words(d: &DateParts, r: &Rules) -> String {
    let month = d.month.and_then(|m| r.dates.month_name(m));
    match (d.day, month) {
        (Some(day), Some(m)) => {
            let day = if day == 1 { r.labels.first_day.clone() } else { day.to_string() };
            let year = d.year.map(|y| format!(" {y}")).unwrap_or_default();
            format!("{day} {m}{year}")
        }
        _ => d.weekday.and_then(|w| r.dates.weekday_name(w)).unwrap_or_default(),
    }
}

/// "Appel Macron–Poutine" for the first call a source gives a length or a
/// date of, named as the event label names calls.
fn call_label(s: &SourceExtract, r: &Rules) -> Option<String> {
    let pair = s
        .found
        .iter()
        .find(|f| matches!(f.kind, Kind::CallDuration | Kind::CallDate) && f.subject.participants.len() == 2)?
        .subject
        .participants
        .as_slice();
    let names: Vec<String> =
        pair.iter().map(|id| r.entity(id.as_str()).map_or_else(|| id.0.clone(), |e| e.short.clone())).collect();
    Some(r.labels.text(&r.labels.event, &[("p", &names.join("–"))]))
}

/// On the main event by what each source shares with the others: a source
/// whose shared features weigh less than `off_event_ratio` of the median is
/// not. Fewer than three sources are all on. Copies of one dispatch
/// (`room`, as in [`event_membership`]) are one source here: a feature
/// counts once per newsroom, and the median is over newsrooms.
fn event_scores(feats: &[Vec<String>], room: &[usize], r: &Rules) -> Vec<bool> {
    let all_on = vec![true; feats.len()];
    let firsts: Vec<usize> = (0..feats.len()).filter(|&i| room[i] == i).collect();
    let n = firsts.len();
    if n < 3 {
        return all_on;
    }
    let mut counts: HashMap<&str, usize, Fnv> = HashMap::default();
    if n == feats.len() {
        for x in feats.iter().flatten() {
            *counts.entry(x.as_str()).or_insert(0) += 1;
        }
    } else {
        // The features of each newsroom: a source's with its copies'.
        let mut room_feats: Vec<Vec<&str>> = vec![Vec::new(); feats.len()];
        for (f, &rm) in feats.iter().zip(room) {
            for x in f {
                crate::push_new(&mut room_feats[rm], x.as_str());
            }
        }
        for x in room_feats.iter().flatten() {
            *counts.entry(x).or_insert(0) += 1;
        }
    }
    let df = |x: &str| counts.get(x).copied().unwrap_or(0);
    // A feature shared by k sources is evidence that those k belong
    // together; a name or marker that every source has tells nothing.
    // Facts weigh more than names and markers.
    let weight = |x: &str| -> f64 {
        let k = df(x);
        let fact = x.starts_with("fact:");
        if k == n && !fact {
            return 0.0;
        }
        let base = if fact { 2.0 } else { 1.0 };
        base * (k as f64 - 1.0) / (n as f64 - 1.0)
    };
    let score: Vec<f64> = feats.iter().map(|f| f.iter().map(|x| weight(x)).sum::<f64>()).collect();
    let mut sorted: Vec<f64> = firsts.iter().map(|&i| score[i]).collect();
    crate::sort_by(&mut sorted, |a, b| b.total_cmp(a));
    let median = sorted[n / 2];
    if median <= 0.0 {
        return all_on;
    }
    score.iter().map(|&s| s >= r.reconcile.off_event_ratio * median).collect()
}

/// `(on_event, note)` per source (`feats`: their [`features`]); the note
/// says what an off-event source is about instead.
fn notes(sources: &[SourceExtract], feats: &[Vec<String>], r: &Rules, on: &[bool]) -> Vec<(bool, Option<String>)> {
    let on_feats: HashSet<&str, Fnv> =
        feats.iter().zip(on).filter(|(_, o)| **o).flat_map(|(f, _)| f.iter().map(String::as_str)).collect();
    sources
        .iter()
        .zip(feats)
        .zip(on)
        .map(|((s, f), &o)| {
            if o {
                return (true, None);
            }
            // What this source is about that the main event is not: its own
            // markers, then the people and places only it names.
            let mut own: Vec<String> = call_label(s, r).into_iter().collect();
            let names = s.markers.iter().filter(|m| !on_feats.contains(format!("mark:{m}").as_str())).cloned().chain(
                f.iter()
                    .filter(|x| x.starts_with("ent:") && !on_feats.contains(x.as_str()))
                    .filter_map(|x| r.entity(&x[4..]))
                    .map(|e| e.name.clone()),
            );
            for n in names {
                if !own.contains(&n) {
                    own.push(n);
                }
            }
            own.truncate(4);
            let note = if own.is_empty() {
                r.labels.off_event_note_plain.clone()
            } else {
                r.labels.text(&r.labels.off_event_note, &[("m", &own.join(", "))])
            };
            (false, Some(note))
        })
        .collect()
}

/// `kind/subject` ids: `call_duration/putin+trump`,
/// `stance/hegseth/ukraine_nato_membership`, `prisoner_release/marc_fogel`.
pub fn fact_id(kind: Kind, s: &Subject) -> String {
    let mut id = kind.as_str().to_string();
    if !s.participants.is_empty() {
        id.push('/');
        id.push_str(&s.participants.iter().map(EntityId::as_str).collect::<Vec<_>>().join("+"));
    }
    if let Some(a) = &s.actor {
        id.push('/');
        id.push_str(a.as_str());
    }
    if let Some(t) = &s.topic {
        id.push('/');
        id.push_str(t);
    }
    if let Some(p) = &s.person {
        id.push('/');
        id.push_str(p.as_str());
    }
    id
}

fn short_name(r: &Rules, id: &EntityId, claims: &[Claim]) -> String {
    match r.entity(id.as_str()) {
        Some(e) => e.short.clone(),
        None => claims.iter().find_map(|c| c.value.text.clone()).unwrap_or_else(|| id.0.clone()),
    }
}

/// How often each entity is named in the on-event sources, and where first.
type Prominence = Vec<(String, (usize, (usize, usize)))>;

/// Most named first; ties go to the one named first.
fn ordered<'a>(ids: &'a [EntityId], prominence: &Prominence) -> Vec<&'a EntityId> {
    let mut v: Vec<&EntityId> = ids.iter().collect();
    let key =
        |e: &EntityId| prominence.iter().find(|(k, _)| *k == e.0).map_or((0, (usize::MAX, usize::MAX)), |(_, x)| *x);
    crate::sort_by(&mut v, |a, b| {
        let (ka, kb) = (key(a), key(b));
        kb.0.cmp(&ka.0).then(ka.1.cmp(&kb.1)).then(a.cmp(b))
    });
    v
}

/// A fact's label in the main pack's language: its `[labels.kinds]`
/// template, with the names the rules give (as [`crate::format`] does for
/// the reader's language).
fn label(kind: Kind, s: &Subject, claims: &[Claim], r: &Rules, prominence: &Prominence, meeting: bool) -> String {
    let l = &r.labels;
    let p = ordered(&s.participants, prominence)
        .into_iter()
        .map(|i| short_name(r, i, claims))
        .collect::<Vec<_>>()
        .join("–");
    // An actor as running text names it: "le Kremlin", "Trump".
    let a = s
        .actor
        .as_ref()
        .map(|i| match r.entity(i.as_str()) {
            Some(e) if l.has_article(&e.name) => e.name.clone(),
            _ => short_name(r, i, claims),
        })
        .unwrap_or_default();
    let t = s.topic.as_deref().map(|t| l.topic(t)).unwrap_or_default();
    let x = s
        .person
        .as_ref()
        .map(|_| claims.iter().find_map(|c| c.value.text.clone()).unwrap_or_default())
        .unwrap_or_default();
    l.kind(kind, meeting && !s.participants.is_empty(), &[("p", &p), ("a", &a), ("t", t), ("x", &x)])
}

/// The fact of a group of claims, and how many of its claims count (copies'
/// claims do not: [`Newsrooms::counted`]); `meeting`: the participants of the
/// event when it is an in-person meeting (their facts are named so).
fn fact(
    kind: Kind,
    subject: Subject,
    fs: &[&Found],
    r: &Rules,
    prominence: &Prominence,
    meeting: Option<&[EntityId]>,
    rooms: &Newsrooms,
    counts: &mut Vec<usize>,
) -> Fact {
    let meeting = meeting.is_some_and(|p| p == subject.participants.as_slice());
    let mut claims: Vec<Claim> = fs.iter().map(|f| f.claim.clone()).collect();
    let counted = rooms.counted(&claims);
    let (value, mut status) = match kind {
        Kind::CallDuration => durations(&mut claims, &counted, r),
        Kind::CallDate => {
            let (v, st) = call_dates(&mut claims, &counted);
            // A date in another month is another call ("ils s'étaient
            // déjà parlé le 12 février"), not a dispute about this one.
            let month = v.parts.and_then(|p| p.month);
            let before = claims.len();
            claims.retain(|c| {
                c.agreement != Agreement::Disputes
                    || c.value.parts.and_then(|p| p.month).is_none_or(|m| Some(m) == month)
            });
            if claims.len() < before {
                let counted = rooms.counted(&claims);
                call_dates(&mut claims, &counted)
            } else {
                (v, st)
            }
        }
        Kind::Stance => positions(&mut claims, &counted),
        Kind::Meeting => meetings(&mut claims),
        // Who released a person: one answer only.
        Kind::PrisonerRelease => same_field(
            &mut claims,
            &counted,
            |v| v.released_by.clone().map(|x| x.0),
            |v, x| Value { released_by: x.map(EntityId), ..v },
            str::to_string,
            Agreement::Disputes,
        ),
        // "bon", "productive", "constructif": other words, no contradiction.
        Kind::CallCharacterization => same_field(
            &mut claims,
            &counted,
            |v| v.term.clone(),
            |v, x| Value { term: x, ..v },
            |t| r.grammar.fold_adjective(t),
            Agreement::Compatible,
        ),
        Kind::Negotiations | Kind::PrisonerExchange => {
            let v = Value { text: None, ..claims[0].value.clone() };
            (v, Status::Agreed)
        }
    };
    let counted = rooms.counted(&claims);
    let mut sources: Vec<&str> = Vec::new();
    for (c, _) in claims.iter().zip(&counted).filter(|(_, k)| **k) {
        crate::push_new(&mut sources, c.source.as_str());
    }
    if sources.len() < 2 && status != Status::Disputed {
        status = Status::Single;
    }
    let label = label(kind, &subject, &claims, r, prominence, meeting);
    counts.push(counted.iter().filter(|k| **k).count());
    Fact { id: fact_id(kind, &subject), kind, label, subject, value, status, claims }
}

/// One person, several spellings: persons (released prisoners, named by
/// the text) with the same surname and first names that start alike
/// ("Alexandre Vinnik", "Alexander Vinnik") are one. Returns `(id, id to
/// use)` for each id that is not the one most sources use (ties: the
/// smaller id), so that the result does not depend on source order.
fn person_spellings<'a>(claims: &[&'a Found], rooms: &'a Newsrooms) -> Vec<(EntityId, EntityId)> {
    // Sources count as newsrooms: a spelling in a text and its copies counts once.
    let mut ids: Vec<(&EntityId, Vec<&str>)> = Vec::new();
    for f in claims {
        if let Some(p) = &f.subject.person {
            let room = rooms.newsroom(f.claim.source.as_str());
            match ids.iter_mut().find(|(q, _)| *q == p) {
                Some((_, sources)) => crate::push_new(sources, room),
                None => ids.push((p, vec![room])),
            }
        }
    }
    let same = |a: &str, b: &str| {
        let (fa, la) = a.rsplit_once('_').unwrap_or(("", a));
        let (fb, lb) = b.rsplit_once('_').unwrap_or(("", b));
        let prefix = fa.bytes().zip(fb.bytes()).take_while(|(x, y)| x == y).count();
        la == lb && (fa.is_empty() || fb.is_empty() || prefix >= SAME_FIRST_NAME_PREFIX)
    };
    let mut out = Vec::new();
    for (id, _) in &ids {
        let best = ids
            .iter()
            .filter(|(other, _)| same(id.as_str(), other.as_str()))
            .max_by(|(a, sa), (b, sb)| sa.len().cmp(&sb.len()).then(b.as_str().cmp(a.as_str())))
            .map(|(other, _)| *other);
        if let Some(best) = best.filter(|b| b != id) {
            out.push(((*id).clone(), best.clone()));
        }
    }
    out
}

/// First names that start with this many letters alike are spellings of
/// one name ("alexand-re", "alexand-er").
const SAME_FIRST_NAME_PREFIX: usize = 5;

/// Status from how many sources are precise, when all are consistent
/// (`counted`: which claims count, see [`Newsrooms::counted`]).
fn consistent_status(claims: &[Claim], counted: &[bool]) -> Status {
    let mut precise: Vec<&str> = Vec::new();
    for (c, _) in claims.iter().zip(counted).filter(|(c, k)| **k && c.agreement == Agreement::Precise) {
        crate::push_new(&mut precise, c.source.as_str());
    }
    if precise.len() >= 2 {
        Status::Agreed
    } else {
        Status::Compatible
    }
}

/// The largest group of claims whose constraints all hold together, by a
/// greedy pass from each claim; returns the members and their combination.
/// A group's size is the number of its items that count (`counted`: a
/// copy's claim adds nothing).
/// Among equally large groups the one whose combined value has the
/// greatest `key` wins, so the result does not depend on the order of the
/// sources.
fn largest_consistent<T: Clone + PartialEq, K: Ord>(
    items: &[T],
    counted: &[bool],
    combine: impl Fn(&T, &T) -> Option<T>,
    key: impl Fn(&T) -> K,
) -> (Vec<bool>, Option<T>) {
    // Copies of a value always join or leave a group together, so the
    // greedy pass runs over the distinct values, each weighted by how often
    // it occurs: linear in the claims for a bounded number of values.
    let mut distinct: Vec<&T> = Vec::new();
    let mut count: Vec<usize> = Vec::new();
    let class: Vec<usize> = items
        .iter()
        .zip(counted)
        .map(|(it, &c)| match distinct.iter().position(|d| *d == it) {
            Some(k) => {
                count[k] += usize::from(c);
                k
            }
            None => {
                distinct.push(it);
                count.push(usize::from(c));
                distinct.len() - 1
            }
        })
        .collect();
    let mut best: (usize, Vec<bool>, Option<T>) = (0, vec![false; distinct.len()], None);
    for seed in 0..distinct.len() {
        let mut acc = distinct[seed].clone();
        let mut member = vec![false; distinct.len()];
        member[seed] = true;
        for (j, it) in distinct.iter().enumerate() {
            if j != seed {
                if let Some(c) = combine(&acc, it) {
                    acc = c;
                    member[j] = true;
                }
            }
        }
        let weight: usize = member.iter().zip(&count).filter(|(m, _)| **m).map(|(_, n)| n).sum();
        let better = match &best.2 {
            None => true,
            Some(b) => (weight, key(&acc)) > (best.0, key(b)),
        };
        if better {
            best = (weight, member, Some(acc));
        }
    }
    (class.iter().map(|&c| best.1[c]).collect(), best.2)
}

fn durations(claims: &mut [Claim], counted: &[bool], r: &Rules) -> (Value, Status) {
    let ivs: Vec<Interval> =
        claims.iter().map(|c| c.value.interval().unwrap_or(Interval { min: None, max: None })).collect();
    // Ties go to the narrower interval, then the larger bounds.
    let (member, value) = largest_consistent(
        &ivs,
        counted,
        |a, b| a.intersect(b),
        |iv| {
            let width = match (iv.min, iv.max) {
                (Some(lo), Some(hi)) => hi.0 - lo.0,
                _ => u32::MAX,
            };
            (std::cmp::Reverse(width), iv.min, iv.max)
        },
    );
    let value = value.unwrap_or(Interval { min: None, max: None });
    let tol = r.reconcile.precise_tolerance;
    for ((c, iv), m) in claims.iter_mut().zip(&ivs).zip(&member) {
        c.agreement = if !m {
            Agreement::Disputes
        } else if iv.is_precise(tol) {
            Agreement::Precise
        } else {
            Agreement::Compatible
        };
    }
    let status = if member.iter().zip(counted).any(|(m, k)| *k && !m) {
        Status::Disputed
    } else if same_interval_sources(claims, counted, &ivs, &value) >= 2 {
        // Two sources or more give exactly the combined value ("environ
        // une heure" twice): they agree, however hedged the value is.
        Status::Agreed
    } else {
        consistent_status(claims, counted)
    };
    (Value::duration(value), status)
}

/// How many sources give exactly the interval `value` (counted claims only).
fn same_interval_sources(claims: &[Claim], counted: &[bool], ivs: &[Interval], value: &Interval) -> usize {
    let mut sources: Vec<&str> = Vec::new();
    for ((c, iv), k) in claims.iter().zip(ivs).zip(counted) {
        if *k && iv == value {
            crate::push_new(&mut sources, c.source.as_str());
        }
    }
    sources.len()
}

/// A call date as reconciliation combines them: its parts, and a weekday
/// stated alone ("mercredi", perhaps placed in a month by the article's
/// date), which the date must fall on. A weekday written beside a day and
/// month ("mercredi 1er juillet") is no such constraint: the day and month
/// say which day it was, and when the year is known the date's own weekday
/// replaces a wrong one (the claim then gets a note, [`weekday_notes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CallDay {
    parts: DateParts,
    bare_weekday: Option<u8>,
}

impl CallDay {
    fn of(p: DateParts) -> Self {
        CallDay { parts: p, bare_weekday: p.weekday.filter(|_| p.day.is_none()) }
    }
    /// The weekday written beside a day and month, when no bare weekday
    /// says otherwise.
    fn dated_weekday(&self) -> Option<u8> {
        self.parts.weekday.filter(|_| self.bare_weekday.is_none())
    }
}

fn combine_dates(a: &CallDay, b: &CallDay) -> Option<CallDay> {
    fn merge<T: PartialEq + Copy>(x: Option<T>, y: Option<T>) -> Result<Option<T>, ()> {
        match (x, y) {
            (Some(p), Some(q)) if p != q => Err(()),
            (p, q) => Ok(p.or(q)),
        }
    }
    let (pa, pb) = (&a.parts, &b.parts);
    let mut p = DateParts {
        year: merge(pa.year, pb.year).ok()?,
        month: merge(pa.month, pb.month).ok()?,
        day: merge(pa.day, pb.day).ok()?,
        weekday: None,
    };
    let bare = merge(a.bare_weekday, b.bare_weekday).ok()?;
    if let (Some(y), Some(m), Some(d)) = (p.year, p.month, p.day) {
        if d > dates::days_in_month(y, m) {
            return None;
        }
        let w = dates::weekday(y, m, d);
        if bare.is_some_and(|x| x != w) {
            return None;
        }
        p.weekday = Some(w);
    } else {
        // No year to check a weekday against: one stated alone must agree
        // with those written beside the day and month; two of the latter
        // that differ leave the weekday unknown (one of them is wrong).
        let dated = [a.dated_weekday(), b.dated_weekday()];
        p.weekday = match bare {
            Some(w) if dated.iter().flatten().any(|&x| x != w) => return None,
            Some(w) => Some(w),
            None => match dated {
                [Some(x), Some(y)] if x != y => None,
                [x, y] => x.or(y),
            },
        };
    }
    Some(CallDay { parts: p, bare_weekday: bare })
}

fn call_dates(claims: &mut [Claim], counted: &[bool]) -> (Value, Status) {
    let days: Vec<CallDay> = claims.iter().map(|c| CallDay::of(c.value.parts.unwrap_or_default())).collect();
    // Ties go to the more complete date, then the later one.
    let (member, value) = largest_consistent(&days, counted, combine_dates, |d| {
        let p = d.parts;
        let known = [p.year.is_some(), p.month.is_some(), p.day.is_some(), p.weekday.is_some()];
        (known.iter().filter(|k| **k).count(), p)
    });
    let value = value.map(|d| d.parts).unwrap_or_default();
    for ((c, p), m) in claims.iter_mut().zip(&days).zip(&member) {
        c.agreement = if !m {
            Agreement::Disputes
        } else if p.parts.day.is_some() && p.parts.month.is_some() {
            Agreement::Precise
        } else {
            Agreement::Compatible
        };
    }
    weekday_notes(claims, &value);
    let disputed = member.iter().zip(counted).any(|(m, k)| *k && !m);
    let status = if disputed { Status::Disputed } else { consistent_status(claims, counted) };
    (Value { date: dates::iso(&value), parts: Some(value), ..Value::default() }, status)
}

/// A claim that gives the day and month of the combined date with another
/// weekday ("mercredi 1er juillet" without a year, beside sources that
/// give 2025, when 1 July 2025 was a Tuesday) keeps the day and month; its
/// weekday becomes the date's and the note keeps the one written.
fn weekday_notes(claims: &mut [Claim], value: &DateParts) {
    let (Some(_), Some(m), Some(d), Some(w)) = (value.year, value.month, value.day, value.weekday) else { return };
    for c in claims.iter_mut().filter(|c| c.agreement != Agreement::Disputes && c.date_note.is_none()) {
        if let Some(p) = c.value.parts.as_mut() {
            if let (Some(cm), Some(cd), Some(cw)) = (p.month, p.day, p.weekday) {
                if (cm, cd) == (m, d) && cw != w {
                    p.weekday = Some(w);
                    c.date_note = Some(DateNote::WeekdayInconsistent { stated_weekday: cw });
                }
            }
        }
    }
}

fn positions(claims: &mut [Claim], counted: &[bool]) -> (Value, Status) {
    // The most stated position (direct statements first), then polarity.
    let mut count: Vec<(crate::model::Stance, (usize, usize))> = Vec::new();
    for (c, _) in claims.iter().zip(counted).filter(|(_, k)| **k) {
        if let Some(p) = c.value.position {
            if !count.iter().any(|(k, _)| *k == p) {
                count.push((p, (0, 0)));
            }
            let e = &mut count.iter_mut().find(|(k, _)| *k == p).expect("just added").1;
            e.0 += 1;
            if c.rule == "stance.direct" {
                e.1 += 1;
            }
        }
    }
    let Some(&(top, _)) = count.iter().max_by_key(|(p, (n, d))| (*d, *n, std::cmp::Reverse(*p))) else {
        return (Value::default(), Status::Single);
    };
    let mut disputed = false;
    for (c, k) in claims.iter_mut().zip(counted) {
        let p = c.value.position.unwrap_or(top);
        c.agreement = if p == top {
            Agreement::Precise
        } else if p.polarity() == top.polarity() {
            Agreement::Compatible
        } else {
            disputed |= *k;
            Agreement::Disputes
        };
    }
    let status = if disputed { Status::Disputed } else { consistent_status(claims, counted) };
    (Value { position: Some(top), ..Value::default() }, status)
}

fn meetings(claims: &mut [Claim]) -> (Value, Status) {
    let mut places: Vec<EntityId> = Vec::new();
    for p in claims.iter().filter_map(|c| c.value.place.clone().flatten()) {
        crate::push_new(&mut places, p);
    }
    crate::sort_by(&mut places, Ord::cmp);
    for c in claims.iter_mut() {
        c.agreement = Agreement::Precise;
    }
    match places.len() {
        0 => (Value { place: Some(None), ..Value::default() }, Status::Agreed),
        1 => {
            let p = places.into_iter().next();
            (Value { place: Some(p.clone()), places: p.into_iter().collect(), ..Value::default() }, Status::Agreed)
        }
        _ => {
            for c in claims.iter_mut() {
                c.agreement = Agreement::Compatible;
            }
            (Value { place: Some(None), places: places.into_iter().collect(), ..Value::default() }, Status::Compatible)
        }
    }
}

/// Facts whose value is one field that sources either give or not: the
/// value most claims give (ties: the smaller), compared through `key`,
/// wins; claims without it are compatible; a claim that gives another value
/// gets `other` (`Disputes` when the values exclude each other). The value
/// shown is the form most claims with that key use.
fn same_field(
    claims: &mut [Claim],
    counted: &[bool],
    get: impl Fn(&Value) -> Option<String>,
    set: impl Fn(Value, Option<String>) -> Value,
    key: impl Fn(&str) -> String,
    other: Agreement,
) -> (Value, Status) {
    // (key, form, claims)
    let mut count: Vec<(String, String, usize)> = Vec::new();
    for (c, _) in claims.iter().zip(counted).filter(|(_, k)| **k) {
        if let Some(x) = get(&c.value) {
            let k = key(&x);
            match count.iter_mut().find(|(kk, f, _)| *kk == k && *f == x) {
                Some((_, _, n)) => *n += 1,
                None => count.push((k, x, 1)),
            }
        }
    }
    let per_key = |k: &str| count.iter().filter(|(kk, _, _)| kk == k).map(|(_, _, n)| n).sum::<usize>();
    let top_key = count.iter().map(|(k, _, _)| k).max_by(|a, b| per_key(a).cmp(&per_key(b)).then(b.cmp(a))).cloned();
    let top = top_key.as_ref().and_then(|tk| {
        count
            .iter()
            .filter(|(k, _, _)| k == tk)
            .max_by(|a, b| a.2.cmp(&b.2).then(b.1.cmp(&a.1)))
            .map(|(_, f, _)| f.clone())
    });
    let mut disputed = false;
    for (c, k) in claims.iter_mut().zip(counted) {
        c.agreement = match (get(&c.value), &top_key) {
            (Some(x), Some(t)) if &key(&x) == t => Agreement::Precise,
            (None, _) => Agreement::Compatible,
            _ => {
                disputed |= *k && other == Agreement::Disputes;
                other
            }
        };
    }
    let status = if disputed { Status::Disputed } else { consistent_status(claims, counted) };
    (set(Value::default(), top), status)
}

/// `counts`: per fact, the number of its claims that count.
fn event_of(facts: &[Fact], counts: &[usize], r: &Rules, prominence: &Prominence, meeting: bool) -> Event {
    // The main call: the participant pair with the most sourced claims
    // about calls (a copy's claims do not count).
    let mut support: Vec<(&[EntityId], usize)> = Vec::new();
    for (f, n) in facts.iter().zip(counts) {
        if matches!(f.kind, Kind::CallDuration | Kind::CallDate | Kind::Negotiations | Kind::Meeting)
            && !f.subject.participants.is_empty()
        {
            let p = f.subject.participants.as_slice();
            match support.iter_mut().find(|(k, _)| *k == p) {
                Some((_, m)) => *m += n,
                None => support.push((p, *n)),
            }
        }
    }
    let Some((pair, _)) = support.into_iter().max_by_key(|(p, n)| (*n, std::cmp::Reverse(*p))) else {
        return Event { label: String::new(), date: None, participants: Vec::new(), kind: None };
    };
    let names = ordered(pair, prominence).into_iter().map(|i| short_name(r, i, &[])).collect::<Vec<_>>().join("–");
    let date = facts
        .iter()
        .find(|f| f.kind == Kind::CallDate && f.subject.participants == pair)
        .and_then(|f| f.value.date.clone());
    let template = if meeting { &r.labels.event_meeting } else { &r.labels.event };
    Event {
        label: r.labels.text(template, &[("p", &names)]),
        date,
        participants: ordered(pair, prominence).into_iter().cloned().collect(),
        kind: Some(if meeting { "meeting" } else { "call" }.to_string()),
    }
}

fn entities_of<'a>(facts: &'a [Fact], r: &Rules) -> Entities {
    let mut out = Vec::new();
    let mut seen: HashSet<&'a str, Fnv> = HashSet::default();
    let mut add = |id: &'a EntityId, fallback: Option<&str>| {
        if !seen.insert(id.as_str()) {
            return;
        }
        // The contract's names are French (`name`) and English (`name_en`):
        // each from its language's pack, else the entity's own (a person
        // the articles introduced).
        let in_pack = |lang: &str| crate::rules::for_lang(lang).and_then(|p| p.entity(id.as_str()));
        let country_in = |lang: &str, c: usize| crate::rules::for_lang(lang).and_then(|p| p.countries.get(c));
        let info = match r.entity(id.as_str()) {
            Some(e) => {
                let (fr, en) = (in_pack("fr").unwrap_or(e), in_pack("en").unwrap_or(e));
                EntityInfo {
                    name: fr.name.clone(),
                    short: fr.short.clone(),
                    name_en: en.name.clone(),
                    short_en: en.short.clone(),
                    role: e.role.clone(),
                    country: e.country.map(|c| country_in("fr", c).unwrap_or(&r.countries[c]).name.clone()),
                    country_en: e.country.map(|c| country_in("en", c).unwrap_or(&r.countries[c]).name.clone()),
                }
            }
            None => {
                let n = fallback.unwrap_or(id.as_str()).to_string();
                EntityInfo {
                    name: n.clone(),
                    short: n.clone(),
                    name_en: n.clone(),
                    short_en: n,
                    role: None,
                    country: None,
                    country_en: None,
                }
            }
        };
        out.push((id.0.clone(), info));
    };
    for f in facts {
        let person_name = f.claims.iter().find_map(|c| c.value.text.clone());
        for p in &f.subject.participants {
            add(p, None);
        }
        if let Some(a) = &f.subject.actor {
            add(a, None);
        }
        if let Some(p) = &f.subject.person {
            add(p, person_name.as_deref());
        }
        for v in std::iter::once(&f.value).chain(f.claims.iter().map(|c| &c.value)) {
            if let Some(b) = &v.released_by {
                add(b, None);
            }
            if let Some(Some(p)) = &v.place {
                add(p, None);
            }
            for p in &v.places {
                add(p, None);
            }
        }
        for c in &f.claims {
            if let Some(s) = &c.said_by {
                add(s, None);
            }
        }
    }
    Entities::from_pairs(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Minutes;
    use crate::rules::rules;

    /// [`durations`] when every claim counts (no copies).
    fn dur(cs: &mut [Claim], r: &Rules) -> (Value, Status) {
        let counted = vec![true; cs.len()];
        durations(cs, &counted, r)
    }

    fn claim(source: &str, iv: Interval) -> Claim {
        Claim {
            source: source.into(),
            quote: String::new(),
            start: 0,
            end: 0,
            value: Value::duration(iv),
            value_start: 0,
            value_end: 0,
            said_by: None,
            agreement: Agreement::Precise,
            rule: "test".into(),
            date_note: None,
        }
    }

    #[test]
    fn precise_and_open_durations_agree() {
        let r = rules();
        let mut cs = vec![
            claim("a", Interval::exact(90)),
            claim("b", Interval::exact(90)),
            claim("c", Interval::between(81, 90)),
            claim("d", Interval { min: Some(Minutes(60)), max: None }),
        ];
        let (v, s) = dur(&mut cs, r);
        assert_eq!(v.interval(), Some(Interval::exact(90)));
        assert_eq!(s, Status::Agreed);
        assert_eq!(cs[3].agreement, Agreement::Compatible);
        assert_eq!(cs[2].agreement, Agreement::Precise);
    }

    #[test]
    fn one_adjective_in_both_genders_is_one_characterization() {
        let g = &crate::rules::for_lang("fr").unwrap().grammar;
        let masculine = |t: &str| g.fold_adjective(t);
        for (a, b) in
            [("significative", "significatif"), ("bonne", "bon"), ("productive", "productif"), ("cordiale", "cordial")]
        {
            assert_eq!(masculine(a), masculine(b), "{a} / {b}");
        }
        assert_ne!(masculine("productive"), masculine("positive"));
        assert_ne!(masculine("utile"), masculine("tendue"));
        assert_eq!(masculine("significatives"), masculine("significatif"));
        // English adjectives do not agree: nothing is folded.
        let en = &crate::rules::for_lang("en").unwrap().grammar;
        assert_eq!(en.fold_adjective("productive"), "productive");
    }

    #[test]
    fn the_same_hedged_duration_twice_is_agreed() {
        let r = rules();
        let about_an_hour = Interval::between(54, 66);
        let mut cs = vec![claim("a", about_an_hour), claim("b", about_an_hour)];
        let (v, s) = dur(&mut cs, r);
        assert_eq!(v.interval(), Some(about_an_hour));
        assert_eq!(s, Status::Agreed);
        assert!(cs.iter().all(|c| c.agreement == Agreement::Compatible));
        // One hedged source beside a different, narrower one stays compatible.
        let mut cs = vec![claim("a", about_an_hour), claim("b", Interval::exact(60))];
        assert_eq!(dur(&mut cs, r).1, Status::Compatible);
        // The same source twice is still one source.
        let mut cs = vec![claim("a", about_an_hour), claim("a", about_an_hour), claim("b", Interval::exact(60))];
        assert_eq!(dur(&mut cs, r).1, Status::Compatible);
    }

    #[test]
    fn a_copy_adds_nothing_to_a_duration() {
        let r = rules();
        // "a" and its copy "a2" say 90 minutes, "b" 60: one newsroom each,
        // so the tie goes to the narrower-then-larger value, as with two
        // sources; and one precise source is not agreement.
        let mut cs = vec![claim("a", Interval::exact(90)), claim("a2", Interval::exact(90))];
        assert_eq!(durations(&mut cs, &[true, false], r).1, Status::Compatible);
        assert_eq!(dur(&mut cs, r).1, Status::Agreed, "two sources that are not copies agree");
        let mut cs = vec![
            claim("a", Interval::exact(90)),
            claim("a2", Interval::exact(90)),
            claim("a3", Interval::exact(90)),
            claim("b", Interval::exact(120)),
        ];
        let (v, s) = durations(&mut cs, &[true, false, false, true], r);
        assert_eq!(s, Status::Disputed);
        assert_eq!(v.interval(), Some(Interval::exact(120)), "1 newsroom against 1: the tie goes to the larger");
        assert_eq!(dur(&mut cs, r).0.interval(), Some(Interval::exact(90)), "3 sources against 1");
        // A copy that alone contradicts does not make the fact disputed.
        let mut cs =
            vec![claim("a", Interval::exact(90)), claim("a2", Interval::exact(45)), claim("b", Interval::exact(90))];
        let (v, s) = durations(&mut cs, &[true, false, true], r);
        assert_eq!((v.interval(), s), (Some(Interval::exact(90)), Status::Agreed));
        assert_eq!(cs[1].agreement, Agreement::Disputes, "its claim still shows how it differs");
    }

    #[test]
    fn contradicting_durations_are_disputed() {
        let r = rules();
        let mut cs =
            vec![claim("a", Interval::exact(90)), claim("b", Interval::exact(90)), claim("c", Interval::exact(120))];
        let (v, s) = dur(&mut cs, r);
        assert_eq!(s, Status::Disputed);
        assert_eq!(v.interval(), Some(Interval::exact(90)));
        assert_eq!(cs[2].agreement, Agreement::Disputes);
    }

    #[test]
    fn dates_combine_and_conflict() {
        let day = |p: DateParts| CallDay::of(p);
        let wed = day(DateParts { weekday: Some(3), ..Default::default() });
        let feb12 = day(DateParts { month: Some(2), day: Some(12), ..Default::default() });
        let y = day(DateParts { year: Some(2025), month: Some(2), ..Default::default() });
        let all = combine_dates(&combine_dates(&wed, &feb12).unwrap(), &y).unwrap();
        assert_eq!(dates::iso(&all.parts).as_deref(), Some("2025-02-12"));
        let thu = day(DateParts { weekday: Some(4), ..Default::default() });
        assert!(combine_dates(&all, &thu).is_none());
        // A weekday stated alone still binds once the date is known…
        let full = day(DateParts { year: Some(2025), month: Some(2), day: Some(12), weekday: Some(3) });
        assert!(combine_dates(&full, &thu).is_none());
        assert!(combine_dates(&thu, &feb12).is_some_and(|d| combine_dates(&d, &full).is_none()));
        // …but a wrong one written beside the day and month yields to them.
        let thu_feb12 = day(DateParts { month: Some(2), day: Some(12), weekday: Some(4), ..Default::default() });
        let both = combine_dates(&thu_feb12, &full).unwrap();
        assert_eq!(both.parts, full.parts);
        assert_eq!(combine_dates(&full, &thu_feb12).unwrap().parts, full.parts);
        // Without a year, two such weekdays that differ leave it unknown,
        // and a bare one must agree with them.
        let wed_feb12 = day(DateParts { month: Some(2), day: Some(12), weekday: Some(3), ..Default::default() });
        assert_eq!(combine_dates(&thu_feb12, &wed_feb12).unwrap().parts.weekday, None);
        assert!(combine_dates(&thu_feb12, &wed).is_none());
        assert_eq!(combine_dates(&wed_feb12, &wed).unwrap().parts.weekday, Some(3));
    }

    fn date_claim(source: &str, p: DateParts) -> Claim {
        Claim {
            value: Value { date: dates::iso(&p), parts: Some(p), ..Value::default() },
            ..claim(source, Interval::exact(1))
        }
    }

    #[test]
    fn a_wrong_weekday_beside_the_day_and_month_is_no_dispute() {
        // "mercredi 1er juillet" (no year) twice, "1er juillet 2025" (a
        // Tuesday) once: one date, agreed; the two get a note.
        let wed_jul1 = DateParts { month: Some(7), day: Some(1), weekday: Some(3), ..Default::default() };
        let jul1 = DateParts { year: Some(2025), month: Some(7), day: Some(1), weekday: Some(2) };
        let mut cs = vec![date_claim("a", wed_jul1), date_claim("b", wed_jul1), date_claim("c", jul1)];
        let all = vec![true; cs.len()];
        let (v, s) = call_dates(&mut cs, &all);
        assert_eq!(v.date.as_deref(), Some("2025-07-01"));
        assert_eq!(s, Status::Agreed);
        assert!(cs.iter().all(|c| c.agreement == Agreement::Precise));
        for c in &cs[..2] {
            assert_eq!(c.date_note, Some(DateNote::WeekdayInconsistent { stated_weekday: 3 }));
            assert_eq!(c.value.parts.unwrap().weekday, Some(2));
        }
        assert_eq!(cs[2].date_note, None);
        // A bare "mercredi" is another day: disputed.
        let wed = DateParts { weekday: Some(3), ..Default::default() };
        let mut cs = vec![date_claim("a", wed), date_claim("b", jul1), date_claim("c", jul1)];
        let all = vec![true; cs.len()];
        let (v, s) = call_dates(&mut cs, &all);
        assert_eq!((v.date.as_deref(), s), (Some("2025-07-01"), Status::Disputed));
        assert_eq!(cs[0].date_note, None);
    }

    #[test]
    fn urls_are_http_only() {
        assert!(is_http_url("https://example.org/a"));
        assert!(!is_http_url("javascript:alert(1)"));
        assert!(!is_http_url(" data:text/html,x"));
    }
}
