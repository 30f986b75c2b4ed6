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

use std::collections::HashMap;

use crate::rules::Fnv;

use crate::extract::{dates, Extraction, Found, SourceExtract};
use crate::model::{
    Agreement, Claim, DateNote, DateParts, Document, Entities, EntityId, EntityInfo, Event, Fact, Interval, Kind,
    Source, Status, Subject, Value, SCHEMA,
};
use crate::rules::Rules;

mod event;
mod values;

use event::*;
use values::*;

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
                Some(tag) if tag.is_empty() => (&false, Some(r.labels().unknown_language.clone())),
                Some(tag) => (&false, Some(r.labels().text(&r.labels().no_pack, &[("lang", tag)]))),
                None => (on, note.clone()),
            };
            Source {
                id: s.article.id.clone(),
                title: s.title.clone(),
                // As given, else the language of the pack that read it.
                // ("und", BCP 47's undetermined, when no pack's words are its).
                lang: s.article.lang.clone().unwrap_or_else(|| match &unread {
                    Some(_) => "und".to_string(),
                    None => crate::rules::languages()[ex.langs.get(i).copied().unwrap_or(0)].0.clone(),
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
    // (A source on the event that dates the call a day off, one call in
    // another time zone (see `event_membership`), gives what it does not
    // date.)
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
    // Grouped by their fact's id (`kind/subject`), in the one hash table
    // type the stages share.
    let ids: Vec<String> = claims.iter().zip(&subjects).map(|(f, s)| fact_id(f.kind, s)).collect();
    let mut groups: Vec<((Kind, Subject, String), Vec<&Found>)> = Vec::new();
    let mut index: HashMap<&str, usize, Fnv> = HashMap::default();
    for ((f, subject), id) in claims.iter().zip(&subjects).zip(&ids) {
        match index.get(id.as_str()) {
            Some(&i) => groups[i].1.push(f),
            None => {
                index.insert(id, groups.len());
                groups.push(((f.kind, subject.clone(), id.clone()), vec![f]));
            }
        }
    }
    let prominence = prominence(ex, &on_event, &rooms);
    let met = pair.as_deref().filter(|_| meeting);
    // Each fact, and the number of its claims that count (see `Newsrooms`).
    let mut counts: Vec<usize> = Vec::new();
    let mut facts: Vec<Fact> = groups
        .into_iter()
        .map(|((kind, subject, id), fs)| fact(kind, subject, id, &fs, r, &prominence, met, &rooms, &mut counts))
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

/// `kind/subject` ids: `call_duration/putin+trump`,
/// `stance/hegseth/ukraine_nato_membership`, `prisoner_release/marc_fogel`.
pub fn fact_id(kind: Kind, s: &Subject) -> String {
    let mut id = kind.as_str().to_string();
    if !s.participants.is_empty() {
        id.push('/');
        id.push_str(&crate::join(&s.participants.iter().map(EntityId::as_str).collect::<Vec<_>>(), "+"));
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
    let l = r.labels();
    let p = crate::join(
        &ordered(&s.participants, prominence).into_iter().map(|i| short_name(r, i, claims)).collect::<Vec<_>>(),
        "–",
    );
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
/// claims do not: [`Newsrooms::counted`]); `id`: its [`fact_id`];
/// `meeting`: the participants of the event when it is an in-person meeting
/// (their facts are named so).
fn fact(
    kind: Kind,
    subject: Subject,
    id: String,
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
    let sources =
        crate::copies::count_distinct(claims.iter().zip(&counted).filter(|(_, k)| **k).map(|(c, _)| c.source.as_str()));
    if sources < 2 && status != Status::Disputed {
        status = Status::Single;
    }
    let label = label(kind, &subject, &claims, r, prominence, meeting);
    counts.push(counted.iter().filter(|k| **k).count());
    Fact { id, kind, label, subject, value, status, claims }
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

fn entities_of<'a>(facts: &'a [Fact], r: &Rules) -> Entities {
    let mut out = Vec::new();
    // A map, not a set: one hash table type fewer in the wasm module.
    let mut seen: HashMap<&'a str, usize, Fnv> = HashMap::default();
    let mut add = |id: &'a EntityId, fallback: Option<&str>| {
        if seen.insert(id.as_str(), 0).is_some() {
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
