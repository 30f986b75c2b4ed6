//! Values and statuses per kind of fact: durations, call dates, positions,
//! meetings and the fields that must be the same.

use super::*;

/// Status from how many sources are precise, when all are consistent
/// (`counted`: which claims count, see [`Newsrooms::counted`]).
pub(super) fn consistent_status(claims: &[Claim], counted: &[bool]) -> Status {
    let precise = claims.iter().zip(counted).filter(|(c, k)| **k && c.agreement == Agreement::Precise);
    if crate::copies::count_distinct(precise.map(|(c, _)| c.source.as_str())) >= 2 {
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
pub(super) fn largest_consistent<T: Clone + PartialEq, K: Ord>(
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

pub(super) fn durations(claims: &mut [Claim], counted: &[bool], r: &Rules) -> (Value, Status) {
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
pub(super) fn same_interval_sources(claims: &[Claim], counted: &[bool], ivs: &[Interval], value: &Interval) -> usize {
    let same = claims.iter().zip(ivs).zip(counted).filter(|((_, iv), k)| **k && *iv == value);
    crate::copies::count_distinct(same.map(|((c, _), _)| c.source.as_str()))
}

/// A call date as reconciliation combines them: its parts, and a weekday
/// stated alone ("mercredi", perhaps placed in a month by the article's
/// date), which the date must fall on. A weekday written beside a day and
/// month ("mercredi 1er juillet") is no such constraint: the day and month
/// say which day it was, and when the year is known the date's own weekday
/// replaces a wrong one (the claim then gets a note, [`weekday_notes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CallDay {
    pub(super) parts: DateParts,
    pub(super) bare_weekday: Option<u8>,
}

impl CallDay {
    pub(super) fn of(p: DateParts) -> Self {
        CallDay { parts: p, bare_weekday: p.weekday.filter(|_| p.day.is_none()) }
    }
    /// The weekday written beside a day and month, when no bare weekday
    /// says otherwise.
    pub(super) fn dated_weekday(&self) -> Option<u8> {
        self.parts.weekday.filter(|_| self.bare_weekday.is_none())
    }
}

pub(super) fn combine_dates(a: &CallDay, b: &CallDay) -> Option<CallDay> {
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

pub(super) fn call_dates(claims: &mut [Claim], counted: &[bool]) -> (Value, Status) {
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
pub(super) fn weekday_notes(claims: &mut [Claim], value: &DateParts) {
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

pub(super) fn positions(claims: &mut [Claim], counted: &[bool]) -> (Value, Status) {
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

pub(super) fn meetings(claims: &mut [Claim]) -> (Value, Status) {
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
pub(super) fn same_field(
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
