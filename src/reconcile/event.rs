//! Which sources cover the main event: their features, the call pairs,
//! event membership and the notes of the sources off the event, and the
//! document's event.

use super::*;

pub(super) fn features(s: &SourceExtract) -> Vec<String> {
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

/// The pairs whose call (or what they agreed in it) a source reports, and
/// whether it reports a call. A meeting counts only in a source that
/// reports no call: beside a call, it is what the call was about ("Lind
/// briefed Okafor on his meeting with the envoy").
pub(super) fn call_pairs(s: &SourceExtract) -> (Vec<&[EntityId]>, bool) {
    let (mut calls, mut meetings): (Vec<&[EntityId]>, Vec<&[EntityId]>) = (Vec::new(), Vec::new());
    for f in &s.found {
        let out = match f.kind {
            Kind::CallDuration | Kind::CallDate | Kind::CallCharacterization | Kind::Negotiations => &mut calls,
            Kind::Meeting => &mut meetings,
            _ => continue,
        };
        if f.subject.participants.len() == 2 {
            crate::push_new(out, f.subject.participants.as_slice());
        }
    }
    match calls.is_empty() {
        true => (meetings, false),
        false => (calls, true),
    }
}

/// The pair whose call most sources report (`pairs`: [`call_pairs`] of each
/// source; `room`: each source's newsroom, a pair counts once per
/// newsroom); none when two pairs tie (one article on each call: nothing
/// says which is the main one).
pub(super) fn main_call_pair<'a>(pairs: &[(Vec<&'a [EntityId]>, bool)], room: &[usize]) -> Option<&'a [EntityId]> {
    let mut by_room: Vec<Vec<&[EntityId]>> = vec![Vec::new(); pairs.len()];
    for ((ps, _), &r) in pairs.iter().zip(room) {
        for p in ps {
            crate::push_new(&mut by_room[r], *p);
        }
    }
    let count = crate::tally(by_room.into_iter().flatten());
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
/// three-sentence flash), and so does one that states none of its facts
/// but leads with it ([`SourceExtract::lead_call`]: « Lors d'une
/// conversation téléphonique avec Emmanuel Macron, Xi Jinping a invité… »);
/// one that reports only another call covers another
/// event, however many names it shares ("Macron et Poutine se sont
/// entretenus…" beside articles on a Trump–Putin call). A source that
/// reports no call is on it when it marks nothing the others do not (a
/// place, "des pourparlers directs") and shares enough with the others
/// (the score below).
///
/// `room`: each source's newsroom (the index of the first source of its
/// copy group): copies of one dispatch count once.
pub(super) fn event_membership(sources: &[SourceExtract], room: &[usize], r: &Rules) -> Membership {
    let pairs: Vec<(Vec<&[EntityId]>, bool)> = sources.iter().map(call_pairs).collect();
    let main = main_call_pair(&pairs, room);
    // Some(true): reports the main call; Some(false): only another call.
    // A source that states no fact of a call but leads with the main
    // pair's talk reports the main call too; one that only tells another
    // pair's meeting may be about the main call.
    let reports_main: Vec<Option<bool>> = pairs
        .iter()
        .zip(sources)
        .map(|((ps, calls), s)| {
            main.and_then(|m| match (ps.contains(&m), *calls) {
                (true, _) => Some(true),
                (false, true) => Some(false),
                (false, false) => s.lead_call.as_deref().is_some_and(|p| p == m).then_some(true),
            })
        })
        .collect();
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
    // Days of the call come before days of its telling ("said on
    // Thursday" after a call on Wednesday evening), which may be the day
    // after.
    let told: Vec<Option<(DateParts, bool)>> = sources
        .iter()
        .zip(&reports_main)
        .map(|(s, m)| main.filter(|_| *m == Some(true)).and_then(|p| source_day(s, p)))
        .collect();
    let days: Vec<Option<DateParts>> = told.iter().map(|t| t.map(|(d, _)| d)).collect();
    let reported = |k: usize| told[k].is_some_and(|(_, r)| r);
    let called = told.iter().flatten().any(|(_, r)| !r);
    // When the sources on the main call say it was by phone, one that
    // dates the pair's meeting ("in person", not "by phone", in the
    // sentence of its date) and never says "by phone" tells a meeting: its
    // day is not the call's (« le 20 juin, … se sont rencontrés », three
    // months after the call).
    let by_phone = sources.iter().zip(&reports_main).any(|(s, m)| *m == Some(true) && s.phone_votes.0 > 0);
    let met = |s: &SourceExtract| {
        by_phone && s.phone_votes.0 == 0 && s.found.iter().any(|f| f.kind == Kind::CallDate && f.met)
    };
    let day = event_day(dates::tally_days(
        &mut told
            .iter()
            .zip(sources)
            .filter(|(_, s)| !met(s))
            .filter_map(|(t, _)| *t)
            .filter(|(_, r)| !called || !r)
            .map(|(d, _)| d),
    ));
    // A day next to the event's, from a source that gives the call a length
    // the first source of the event's day that gives one agrees with: one
    // call, dated across time zones or by its announcement ("on Wednesday"
    // beside "late Tuesday"), not a second one. It stays on the event; what
    // it dates that day stays out of the facts (see `document`).
    // `length`: the first length a source gives the main call.
    let length = |k: usize| {
        sources[k]
            .found
            .iter()
            .find(|f| f.kind == Kind::CallDuration && main == Some(&f.subject.participants[..]))?
            .claim
            .value
            .interval()
    };
    // Whether source `k` is on the main call and gives no other day than
    // the event's.
    let on_the_day =
        |k: usize| reports_main[k] == Some(true) && days[k].zip(day).is_none_or(|(d, e)| dates::same_day(&d, &e));
    let on_day = (0..sources.len()).find_map(|k| length(k).filter(|_| on_the_day(k)));
    // The newsrooms with such a source: a copy of its dispatch dated a day
    // off is the same call (one dispatch, one call).
    let mut room_on = vec![false; sources.len()];
    for (k, &rm) in room.iter().enumerate() {
        room_on[rm] |= on_the_day(k);
    }
    let mut other = vec![None; sources.len()];
    for (k, d) in days.iter().enumerate() {
        if let Some((d, e)) = d.zip(day) {
            // (A call is told on its day or after, never before.)
            let same_call = (reported(k) && dates::day_after(&d, &e))
                || dates::next_day(&d, &e)
                    && (room_on[room[k]] || length(k).zip(on_day).is_some_and(|(l, e)| l.intersect(&e).is_some()));
            if !same_call && !dates::same_day(&d, &e) {
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
    // A source published two months or more before the event's month is
    // about an earlier call (the event's year, when no day gives it, that
    // of a source on the main call dated in the event's month: « 1er
    // juillet » in an article of July 2025).
    let months = |d: &DateParts| Some(d.year? * 12 + i32::from(d.month?));
    let event_month = day.and_then(|e| {
        let mut dated =
            sources.iter().zip(&reports_main).filter(|(_, m)| **m == Some(true)).filter_map(|(s, _)| s.date);
        months(&DateParts { year: e.year.or_else(|| dated.find(|a| a.month == e.month)?.year), ..e })
    });
    let is_early = |a: &DateParts| event_month.zip(months(a)).is_some_and(|(e, a)| a + 1 < e);
    // (Not when more than half the dated sources would be: the event's day
    // is then misread, later than most of its reports.)
    let n_dated = sources.iter().filter(|s| s.date.as_ref().and_then(months).is_some()).count();
    let n_early = sources.iter().filter(|s| s.date.as_ref().is_some_and(is_early)).count();
    let mut early = vec![None; sources.len()];
    if 2 * n_early <= n_dated {
        for (k, s) in sources.iter().enumerate() {
            if let Some(a) = s.date.filter(is_early) {
                on[k] = false;
                // (A note on the other call's day says more.)
                early[k] = Some(a).filter(|_| other[k].is_none());
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
    // The pair as notes name it: "Poutine–Trump".
    let names = main.map(|p| crate::join(&p.iter().map(|id| short_name(r, id, &[])).collect::<Vec<_>>(), "–"));
    if let Some(names) = &names {
        let labels = r.labels();
        for (k, d) in other.iter().enumerate() {
            if let Some(d) = d {
                // (A source that dates only the pair meeting covers a meeting.)
                let template =
                    if meeting || met(&sources[k]) { &labels.off_event_meeting } else { &labels.off_event_call };
                notes[k].1 = Some(labels.text(template, &[("p", names), ("d", &day_words(d, r))]));
            }
        }
        for (k, d) in undated.iter().enumerate() {
            if let (Some(d), Some(e)) = (d, day) {
                let vars = [("p", names.as_str()), ("d", &day_words(d, r)), ("e", &day_words(&e, r))];
                notes[k].1 = Some(r.labels().text(&r.labels().off_event_undated, &vars));
            }
        }
        for (k, d) in early.iter().enumerate() {
            if let (Some(d), Some(e)) = (d, day) {
                // Its month: "novembre 2021".
                let month = d.month.and_then(|m| r.dates.month_name(m)).unwrap_or_default();
                let d = format!("{month} {}", d.year.unwrap_or_default());
                let vars = [("p", names.as_str()), ("d", &d), ("e", &day_words(&e, r))];
                notes[k].1 = Some(r.labels().text(&r.labels().off_event_early, &vars));
            }
        }
    }
    Membership { on: notes, pair: main.map(<[EntityId]>::to_vec), day, meeting }
}

/// Which sources cover the event, whose call it is, on which day.
pub(super) struct Membership {
    /// `(on_event, note)` per source.
    pub(super) on: Vec<(bool, Option<String>)>,
    /// The main call's participants.
    pub(super) pair: Option<Vec<EntityId>>,
    /// The main call's day, when the sources give it.
    pub(super) day: Option<DateParts>,
    /// Whether the event is an in-person meeting rather than a call.
    pub(super) meeting: bool,
}

/// The day a source gives the call of `pair`: the date its sentences on
/// that call give most often (the first on a tie), and whether it is only
/// the day the call was told (`Found::reported`: no sentence dates the
/// call itself).
pub(super) fn source_day(s: &SourceExtract, pair: &[EntityId]) -> Option<(DateParts, bool)> {
    let (days, reported) = crate::extract::days_told(&s.found, Some(pair));
    event_day(days).map(|d| (d, reported))
}

/// The day most of the tallied days may be (see [`dates::same_day`]),
/// preferring a day of the month to a bare weekday, then the first.
pub(super) fn event_day(distinct: Vec<(DateParts, usize)>) -> Option<DateParts> {
    let complete = |d: &DateParts| {
        [d.year, d.month.map(i32::from), d.day.map(i32::from), d.weekday.map(i32::from)].iter().flatten().count()
    };
    let support = |d: &DateParts| dates::day_support(d, &distinct);
    // The day most dates may be, then the most complete date that may be it
    // ("mardi" beside "18 mars 2025" is the 18th; "Thursday, December 30"
    // beside "Dec. 30", the one with its weekday); the first on a tie. Of
    // two dates of a month that may be it but not each other, the one more
    // dates may be ("samedi" five times, "samedi (2)" and "2 octobre"
    // beside "22 janvier 2022": the 2nd of October).
    let first = distinct.iter().rev().map(|(d, _)| *d).max_by_key(|d| (support(d), complete(d)))?;
    let most_complete = |like: &DateParts| {
        distinct
            .iter()
            .rev()
            .map(|(d, _)| *d)
            .filter(|d| dates::same_day(d, like))
            .max_by_key(|d| (complete(d), support(d)))
    };
    let mut day = most_complete(&first)?;
    // Of two dates of a month that may both be it but not each other, the
    // one more dates may be.
    for (d, _) in &distinct {
        let rival = d.month.is_some() && d.day.is_some() && dates::same_day(d, &first) && !dates::same_day(d, &day);
        if rival && support(d) > support(&day) {
            day = most_complete(d)?;
        }
    }
    // A day of the month without its year takes the weekday the bare
    // weekdays beside it give most ("1er février" beside "samedi"), so
    // that a call of another weekday is told apart from it.
    if day.weekday.is_none() {
        let bare = distinct.iter().filter(|(d, _)| d.day.is_none() && dates::same_day(d, &day));
        day.weekday = bare.max_by_key(|(_, n)| *n).and_then(|(d, _)| d.weekday);
    }
    Some(day)
}

/// A day in words: "6 mai 2025", "1er juillet", "mardi".
pub(super) fn day_words(d: &DateParts, r: &Rules) -> String {
    let month = d.month.and_then(|m| r.dates.month_name(m));
    match (d.day, month) {
        (Some(day), Some(m)) => {
            let day = if day == 1 { r.labels().first_day.clone() } else { day.to_string() };
            let year = d.year.map(|y| format!(" {y}")).unwrap_or_default();
            format!("{day} {m}{year}")
        }
        _ => d.weekday.and_then(|w| r.dates.weekday_name(w)).unwrap_or_default(),
    }
}

/// "Appel Macron–Poutine" for the first call a source gives a length or a
/// date of, named as the event label names calls.
pub(super) fn call_label(s: &SourceExtract, r: &Rules) -> Option<String> {
    let pair = s
        .found
        .iter()
        .find(|f| matches!(f.kind, Kind::CallDuration | Kind::CallDate) && f.subject.participants.len() == 2)?
        .subject
        .participants
        .as_slice();
    let names: Vec<String> =
        pair.iter().map(|id| r.entity(id.as_str()).map_or_else(|| id.0.clone(), |e| e.short.clone())).collect();
    Some(r.labels().text(&r.labels().event, &[("p", &crate::join(&names, "–"))]))
}

/// On the main event by what each source shares with the others: a source
/// whose shared features weigh less than `off_event_ratio` of the median is
/// not, when it has a feature of its own (a fact, marker or name no other
/// newsroom has): a source that only says what every source says (the
/// pair, "a phone call") gives no sign of another event. Fewer than three
/// sources are all on. Copies of one dispatch
/// (`room`, as in [`event_membership`]) are one source here: a feature
/// counts once per newsroom, and the median is over newsrooms.
pub(super) fn event_scores(feats: &[Vec<String>], room: &[usize], r: &Rules) -> Vec<bool> {
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
    let own = |f: &[String]| f.iter().any(|x| df(x) == 1);
    score.iter().zip(feats).map(|(&s, f)| s >= r.reconcile.off_event_ratio * median || !own(f)).collect()
}

/// `(on_event, note)` per source (`feats`: their [`features`]); the note
/// says what an off-event source is about instead.
pub(super) fn notes(
    sources: &[SourceExtract],
    feats: &[Vec<String>],
    r: &Rules,
    on: &[bool],
) -> Vec<(bool, Option<String>)> {
    // A map, not a set: one hash table type fewer in the wasm module.
    let on_feats: HashMap<&str, usize, Fnv> =
        feats.iter().zip(on).filter(|(_, o)| **o).flat_map(|(f, _)| f.iter().map(|x| (x.as_str(), 0))).collect();
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
            let names =
                s.markers.iter().filter(|m| !on_feats.contains_key(format!("mark:{m}").as_str())).cloned().chain(
                    f.iter()
                        .filter(|x| x.starts_with("ent:") && !on_feats.contains_key(x.as_str()))
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
                r.labels().off_event_note_plain.clone()
            } else {
                r.labels().text(&r.labels().off_event_note, &[("m", &crate::join(&own, ", "))])
            };
            (false, Some(note))
        })
        .collect()
}
/// `counts`: per fact, the number of its claims that count.
pub(super) fn event_of(facts: &[Fact], counts: &[usize], r: &Rules, prominence: &Prominence, meeting: bool) -> Event {
    // The main call: the participant pair with the most sourced claims
    // about calls (a copy's claims do not count).
    // Claims of the call itself come first, then meetings planned: a
    // meeting of others the call was about does not make the event.
    let mut support: Vec<(&[EntityId], usize)> = Vec::new();
    for (f, n) in facts.iter().zip(counts) {
        if matches!(f.kind, Kind::CallDuration | Kind::CallDate | Kind::Negotiations | Kind::Meeting)
            && !f.subject.participants.is_empty()
        {
            let p = f.subject.participants.as_slice();
            let n = if f.kind == Kind::Meeting { *n } else { n << 16 };
            match support.iter_mut().find(|(k, _)| *k == p) {
                Some((_, m)) => *m += n,
                None => support.push((p, n)),
            }
        }
    }
    let Some((pair, _)) = support.into_iter().max_by_key(|(p, n)| (*n, std::cmp::Reverse(*p))) else {
        return Event { label: String::new(), date: None, participants: Vec::new(), kind: None };
    };
    let names =
        crate::join(&ordered(pair, prominence).into_iter().map(|i| short_name(r, i, &[])).collect::<Vec<_>>(), "–");
    let date = facts
        .iter()
        .find(|f| f.kind == Kind::CallDate && f.subject.participants == pair)
        .and_then(|f| f.value.date.clone());
    let template = if meeting { &r.labels().event_meeting } else { &r.labels().event };
    Event {
        label: r.labels().text(template, &[("p", &names)]),
        date,
        participants: ordered(pair, prominence).into_iter().cloned().collect(),
        kind: Some(if meeting { "meeting" } else { "call" }.to_string()),
    }
}
