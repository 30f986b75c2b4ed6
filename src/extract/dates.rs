//! Dates in French text: "mercredi", "le 12 février", "12 février 2025",
//! "2025-02-12", and the article's own date ("2025-02" from metadata, the
//! `published` field, or a dateline: "ROME, 19 novembre 2025 (AFP) – …"),
//! which resolves a bare weekday when it is precise enough and gives a day
//! and month their year.
//!
//! | text                 | article date  | parts                               |
//! |----------------------|---------------|-------------------------------------|
//! | `mercredi`           | —             | weekday 3                           |
//! | `mercredi`           | `2025-02`     | 2025, month 2, weekday 3            |
//! | `mercredi`           | `2025-02-13`  | 2025-02-12                          |
//! | `le 12 février`      | —             | month 2, day 12                     |
//! | `12 février 2025`    | —             | 2025-02-12 (weekday 3)              |
//! | `2025-02-12`         | —             | 2025-02-12                          |

use super::sentence::Sent;
use crate::model::DateParts;
use crate::rules::{Grammar, Rules};
use crate::text::TokKind;

/// A date phrase in a sentence.
#[derive(Debug, Clone)]
pub struct DateMention {
    /// First token.
    pub t0: usize,
    /// One past the last token.
    pub t1: usize,
    /// What it says.
    pub parts: DateParts,
    /// Days before the article's date ("hier": 1), for a relative date;
    /// `parts` is then empty until [`resolve_back`] gives it the article's.
    pub back: Option<u32>,
    /// The weekday written beside a day and month ("mercredi 1er
    /// juillet"), which [`weekday_mismatch`] checks once the year is known.
    pub stated_weekday: Option<u8>,
}

/// Whether two dates may name the same day: their year, month and day
/// agree wherever both give them. The weekday counts only when neither
/// gives the day of the month ("mercredi 14 août" and "jeudi 14 août" are
/// one day with a wrong weekday; "mardi" and "jeudi" are not).
pub fn same_day(a: &DateParts, b: &DateParts) -> bool {
    fn agree<T: PartialEq>(x: Option<T>, y: Option<T>) -> bool {
        x.zip(y).is_none_or(|(x, y)| x == y)
    }
    // A full date has a weekday of its own, to hold against a bare one;
    // a date without a year, the weekday stated with it.
    let weekday = match (a.day, b.day) {
        (Some(_), Some(_)) => true,
        (Some(_), None) => agree(own_weekday(a).or(a.weekday), b.weekday),
        (None, Some(_)) => agree(a.weekday, own_weekday(b).or(b.weekday)),
        (None, None) => agree(a.weekday, b.weekday),
    };
    agree(a.year, b.year) && agree(a.month, b.month) && agree(a.day, b.day) && weekday
}

/// Whether `a` and `b` may be two days in a row, either way round.
pub fn next_day(a: &DateParts, b: &DateParts) -> bool {
    day_after(a, b) || day_after(b, a)
}

/// Whether `a` may be the day after `b`: full dates a day apart, else
/// weekdays (stated, or a full date's own) a day apart.
pub fn day_after(a: &DateParts, b: &DateParts) -> bool {
    let serial = |p: &DateParts| Some(days_from_civil(p.year?, p.month?, p.day?));
    if let (Some(x), Some(y)) = (serial(a), serial(b)) {
        return x - y == 1;
    }
    let w = |p: &DateParts| own_weekday(p).or(p.weekday);
    w(a).zip(w(b)).is_some_and(|(x, y)| (x + 7 - y) % 7 == 1)
}

/// The weekday of a full date (none for a date without its year, month or
/// day, or an impossible one).
fn own_weekday(p: &DateParts) -> Option<u8> {
    match (p.year, p.month, p.day) {
        (Some(y), Some(m), Some(d)) if d <= days_in_month(y, m) => Some(weekday(y, m, d)),
        _ => None,
    }
}

/// The distinct dates of `days` and how often each is given, in order of
/// first appearance: at most [`MAX_DISTINCT_DAYS`], so that a flood of dates
/// stays linear. (A `dyn` iterator: one copy of it in the wasm module for
/// its several callers.)
pub fn tally_days(days: &mut dyn Iterator<Item = DateParts>) -> Vec<(DateParts, usize)> {
    let mut distinct: Vec<(DateParts, usize)> = Vec::new();
    for d in days {
        match distinct.iter().position(|(e, _)| *e == d) {
            Some(k) => distinct[k].1 += 1,
            None if distinct.len() < MAX_DISTINCT_DAYS => distinct.push((d, 1)),
            None => {}
        }
    }
    distinct
}

/// How many distinct dates [`tally_days`] keeps.
pub const MAX_DISTINCT_DAYS: usize = 64;

/// How many of the tallied dates may be `d` ([`same_day`]).
pub fn day_support(d: &DateParts, tally: &[(DateParts, usize)]) -> usize {
    tally.iter().filter(|(e, _)| same_day(d, e)).map(|(_, n)| n).sum()
}

/// A number of one to nine ASCII digits, if it fits `T` (what `str::parse`
/// gives for such text, in one small function for every date field).
fn int<T: TryFrom<u32>>(s: &str) -> Option<T> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    let n = s.bytes().try_fold(0u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))?;
    T::try_from(n).ok()
}

/// Reads a metadata date: `YYYY-MM-DD`, `YYYY-MM`, `DD/MM/YYYY` or a day,
/// a month name and a year ("15 août 2025"), at the start of `s`.
pub fn parse_loose(s: &str, rules: &Rules) -> Option<DateParts> {
    let mut words = s.split_whitespace();
    let first = words.next()?;
    if let Some(p) = parse_iso(first) {
        return Some(p);
    }
    // "14/08/2025", or "15 août 2025": day, month, year.
    let mut parts = first.split('/');
    let d = int::<u8>(parts.next()?)?;
    let (m, y) = match (parts.next(), parts.next()) {
        (Some(m), Some(y)) => (int::<u8>(m)?, y),
        _ => (rules.dates.month(&crate::case::to_lowercase(words.next()?))?, words.next()?.trim_end_matches(',')),
    };
    civil(int::<i32>(y)?, m, Some(d))
}

/// Parses `YYYY-MM-DD` or `YYYY-MM`.
pub fn parse_iso(s: &str) -> Option<DateParts> {
    let mut it = s.trim().split('-');
    let y: i32 = int(it.next()?)?;
    let m: u8 = int(it.next()?)?;
    let d: Option<u8> = match it.next() {
        Some(d) => Some(int(d.get(..2).unwrap_or(d))?),
        None => None,
    };
    civil(y, m, d)
}

/// Year, month and day (if any), when they make a date of the years
/// 1000 to 9999.
fn civil(y: i32, m: u8, d: Option<u8>) -> Option<DateParts> {
    if !(1000..=9999).contains(&y)
        || !(1..=12).contains(&m)
        || d.is_some_and(|d| !(1..=days_in_month(y, m)).contains(&d))
    {
        return None;
    }
    let mut p = DateParts { year: Some(y), month: Some(m), day: d, weekday: None };
    if let Some(d) = d {
        p.weekday = Some(weekday(y, m, d));
    }
    Some(p)
}

/// The date in a web address's path, as news sites write it: the first
/// segments that read year, month and day ("…/2022/02/11/russian-…"), or
/// year and month ("…/2021/11/…").
pub fn from_url(url: &str) -> Option<DateParts> {
    let segs: Vec<&str> = url.split('/').collect();
    let num = |s: &str| -> Option<u8> { (1..=2).contains(&s.len()).then(|| int(s))? };
    segs.windows(2).enumerate().find_map(|(i, w)| {
        let y = int(w[0]).filter(|_| w[0].len() == 4)?;
        civil(y, num(w[1])?, segs.get(i + 2).and_then(|d| num(d)))
    })
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// ISO weekday (1 = Monday) of a date.
pub fn weekday(y: i32, m: u8, d: u8) -> u8 {
    let days = days_from_civil(y, m, d);
    // 1970-01-01 was a Thursday (4).
    ((days.rem_euclid(7) + 3) % 7 + 1) as u8
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Pushes the date at tokens `[i, end)`, with the weekday just before it
/// when there is one ("mercredi 12 février", "lundi 19/05"), which is then
/// no date of its own.
fn push_with_weekday(
    out: &mut Vec<DateMention>,
    toks: &[crate::text::Token],
    rules: &Rules,
    i: usize,
    end: usize,
    mut p: DateParts,
) {
    let mut start = i;
    let mut stated = None;
    // The weekday right before, or before a comma ("Wednesday, Feb. 12")
    // or a part of the day (« mercredi matin 9 mars »).
    let mut at = i.checked_sub(1);
    if at.is_some_and(|k| toks[k].lower == ",") {
        at = at.and_then(|k| k.checked_sub(1));
    }
    if at.is_some_and(|k| rules.dates.day_parts.iter().any(|p| p == toks[k].lower)) {
        at = at.and_then(|k| k.checked_sub(1));
    }
    if let Some((k, w)) = at.and_then(|k| Some((k, rules.dates.weekday(toks[k].lower)?))) {
        // With a year, the weekday is the date's own; the one written is
        // kept aside, to be checked (it may be wrong).
        p.weekday = p.weekday.or(Some(w));
        stated = Some(w);
        start = k;
        // The weekday was pushed as a date of its own just before (the
        // last one pushed, if any: dates are found left to right).
        if out.last().is_some_and(|d| d.t0 == k) {
            out.pop();
        }
    }
    out.push(DateMention { t0: start, t1: end, parts: p, back: None, stated_weekday: stated });
}

/// `dd/mm[/yyyy]` starting at token `i`.
fn numeric_date(toks: &[crate::text::Token], i: usize) -> Option<DateParts> {
    let num = |k: usize, len: std::ops::RangeInclusive<usize>| {
        toks.get(k)
            .filter(|t| t.kind == TokKind::Number && len.contains(&t.lower.len()))
            .and_then(|t| int::<u16>(t.lower))
    };
    let slash = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.lower == "/" && toks[k - 1].end == t.start && toks.get(k + 1).is_some_and(|n| n.start == t.end)
        })
    };
    let day = num(i, 1..=2)?;
    if !slash(i + 1) {
        return None;
    }
    let month = num(i + 2, 2..=2)?;
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    let (day, month) = (day as u8, month as u8);
    let year = if slash(i + 3) { num(i + 4, 4..=4).map(i32::from) } else { None };
    let mut p = DateParts { day: Some(day), month: Some(month), year, weekday: None };
    if let Some(y) = year {
        if day > days_in_month(y, month) {
            return None;
        }
        p.weekday = Some(weekday(y, month, day));
    }
    Some(p)
}

/// The date phrases of a sentence.
pub fn find(s: &Sent, rules: &Rules) -> Vec<DateMention> {
    find_in(&s.toks, rules)
}

/// The date phrases of a run of tokens.
fn find_in(toks: &[crate::text::Token], rules: &Rules) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind == TokKind::Number {
            if let Some(p) = parse_iso(t.lower) {
                if t.lower.len() >= 7 {
                    out.push(DateMention { t0: i, t1: i + 1, parts: p, back: None, stated_weekday: None });
                    i += 1;
                    continue;
                }
            }
        }
        // "12/02/2025", "12/02": a day of one or two digits, a month of two
        // ("1/2" is a fraction), a year of four.
        if let Some(p) = numeric_date(toks, i) {
            let end = if p.year.is_some() { i + 5 } else { i + 3 };
            push_with_weekday(&mut out, toks, rules, i, end, p);
            i = end;
            continue;
        }
        // "12 février [2025]", "1er juillet" (one token or "1" "er"), with
        // the weekday before.
        let suffix = |k: usize| toks.get(k).is_some_and(|n| rules.dates.ordinal_suffixes.iter().any(|x| x == n.lower));
        let (day, mi) = match int::<u8>(t.lower) {
            Some(d) if suffix(i + 1) => (Some(d), i + 2),
            d => (d, i + 1),
        };
        // "February 12[th][,] [2025]": the month first; an abbreviation's
        // full stop inside the sentence ("Aug. 2") is no end.
        if let Some(m) = (t.kind == TokKind::Word).then(|| rules.dates.month(t.lower)).flatten() {
            let dot = usize::from(toks.get(i + 1).is_some_and(|n| n.lower == "."));
            let day = toks.get(i + 1 + dot).filter(|n| n.kind == TokKind::Number).and_then(|n| int::<u8>(n.lower));
            if let Some(day) = day.filter(|d| (1..=31).contains(d)) {
                let mut end = i + 2 + dot;
                if suffix(end) {
                    end += 1;
                }
                let mut p = DateParts { day: Some(day), month: Some(m), ..DateParts::default() };
                let comma = usize::from(toks.get(end).is_some_and(|n| n.lower == ","));
                if let Some(y) = toks
                    .get(end + comma)
                    .filter(|n| n.kind == TokKind::Number)
                    .and_then(|n| int::<i32>(n.lower))
                    .filter(|y| (1000..=9999).contains(y))
                {
                    p.year = Some(y);
                    end += comma + 1;
                    if day <= days_in_month(y, m) {
                        p.weekday = Some(weekday(y, m, day));
                    }
                }
                push_with_weekday(&mut out, toks, rules, i, end, p);
                i = end;
                continue;
            }
        }
        if matches!(t.kind, TokKind::Number | TokKind::Word) {
            // (The month is looked up only after a number.)
            if let Some((day, m)) = day.and_then(|d| Some((d, toks.get(mi).and_then(|n| rules.dates.month(n.lower))?)))
            {
                if (1..=31).contains(&day) {
                    let mut p = DateParts { day: Some(day), month: Some(m), ..DateParts::default() };
                    let mut end = mi + 1;
                    // "12 Feb. 2025": the abbreviation's full stop.
                    let dot = usize::from(toks.get(mi + 1).is_some_and(|n| n.lower == "."));
                    if let Some(y) =
                        toks.get(mi + 1 + dot).and_then(|n| int::<i32>(n.lower)).filter(|y| (1000..=9999).contains(y))
                    {
                        p.year = Some(y);
                        end = mi + 2 + dot;
                        if day <= days_in_month(y, m) {
                            p.weekday = Some(weekday(y, m, day));
                        }
                    }
                    push_with_weekday(&mut out, toks, rules, i, end, p);
                    i = end;
                    continue;
                }
            }
        }
        if t.kind == TokKind::Word {
            if let Some(w) = rules.dates.weekday(t.lower) {
                // The day of the month in brackets after it, as some papers
                // write it: « ce samedi (2) ».
                let at = |k: usize, x: &str| toks.get(i + k).is_some_and(|n| n.lower == x);
                let day = toks.get(i + 2).and_then(|n| int::<u8>(n.lower)).filter(|d| (1..=31).contains(d));
                let day = day.filter(|_| at(1, "(") && at(3, ")"));
                out.push(DateMention {
                    t0: i,
                    t1: if day.is_some() { i + 4 } else { i + 1 },
                    parts: DateParts { weekday: Some(w), day, ..DateParts::default() },
                    back: None,
                    stated_weekday: None,
                });
            } else if let Some(k) = rules.dates.days_back.iter().position(|ws| ws.iter().any(|w| w == t.lower)) {
                out.push(DateMention {
                    t0: i,
                    t1: i + 1,
                    parts: DateParts::default(),
                    back: Some(k as u32),
                    stated_weekday: None,
                });
            }
        }
        i += 1;
    }
    out
}

/// Words of a dateline's place, at most ("LE CAIRE", "NEW YORK").
const DATELINE_PLACE_WORDS: usize = 4;
/// Tokens of a date phrase, at most ("mardi 12 / 02 / 2025").
const DATE_TOKENS: usize = 6;
/// Tokens between a dateline's date and its dash, at most ("(AFP)").
const DATELINE_TAIL: usize = 4;

/// Tokens of a date line, at most ("Posted Tue 14 Jan 2025 at 6:48pm").
const DATE_LINE_TOKENS: usize = 12;

/// The date of a byline's date line: a short line whose full date (day,
/// month and year) starts within its first two words, with nothing but a
/// time after it ("May 22, 2025", "Thursday 22 May 2025 19:40 BST",
/// "Posted Tue 14 Jan 2025 at 6:48pm"). The caller checks that the
/// sentence is a line of its own.
pub fn date_line(s: &Sent, rules: &Rules) -> Option<DateParts> {
    let toks = &s.toks;
    if toks.len() > DATE_LINE_TOKENS {
        return None;
    }
    let d = find_in(toks, rules).into_iter().find(|d| d.t0 <= 2)?;
    let p = d.parts;
    let (y, m, day) = (p.year?, p.month?, p.day?);
    // After the date: a time, a zone, "at": no verb-led clause (no more
    // than three words).
    let words_after = toks[d.t1..].iter().filter(|t| t.kind == TokKind::Word).count();
    (day <= days_in_month(y, m) && words_after <= 3).then_some(DateParts { weekday: Some(weekday(y, m, day)), ..p })
}

/// Whether the date is a bound of a span rather than a day something
/// happened on: one of the pack's `bounds` words stands before it, with
/// or without a day article or a determiner (« depuis le 2 décembre
/// 2022 », "since December 2022", "since the April 22 attack"); or the
/// day of an earlier event: one of its `last` words stands one or two
/// words before that ("who last spoke on March 2", « pour la dernière
/// fois le 2 mars »).
pub fn is_bound(toks: &[crate::text::Token], d: &DateMention, rules: &Rules) -> bool {
    // The word `k` before token `at` ("" before the first).
    let before = |at: usize, k: usize| toks.get(at.wrapping_sub(k)).map_or("", |t| t.lower);
    let mut at = d.t0;
    if Grammar::has(&rules.dates.day_articles, before(at, 1)) || Grammar::has(&rules.grammar.determiners, before(at, 1))
    {
        at -= 1;
    }
    let d = &rules.dates;
    Grammar::has(&d.bounds, before(at, 1))
        || Grammar::has(&d.last, before(at, 2))
        || Grammar::has(&d.last, before(at, 3))
}

/// The date of a dateline opening sentence `s` ("WASHINGTON, 12 février
/// 2025 (AFP) – …", "Paris, le 3 mars 2025 - …"): a place of one to four
/// capitalized words, a comma, a full date (day, month and year), then a
/// dash within a few tokens. The caller checks that the sentence opens a
/// line.
pub fn dateline(s: &Sent, rules: &Rules) -> Option<DateParts> {
    let p = dateline_date(s, rules)?.parts;
    let (y, m, day) = (p.year?, p.month?, p.day?);
    Some(DateParts { weekday: Some(weekday(y, m, day)), ..p })
}

/// The date mention of a dateline opening `s` (see [`dateline`]): the
/// dispatch's day, never a call's.
pub fn dateline_date(s: &Sent, rules: &Rules) -> Option<DateMention> {
    let toks = &s.toks;
    let place =
        toks.iter().take(DATELINE_PLACE_WORDS + 1).take_while(|t| t.kind == TokKind::Word && t.capitalized).count();
    if place == 0 || place > DATELINE_PLACE_WORDS || toks.get(place)?.lower != "," {
        return None;
    }
    let mut at = place + 1;
    if rules.dates.day_articles.iter().any(|a| a == toks.get(at).map_or("", |t| t.lower)) {
        at += 1;
    }
    // Only the first few tokens: a date phrase is at most six long (a
    // weekday before the day is part of it).
    let head = &toks[..toks.len().min(at + DATE_TOKENS)];
    let d = find_in(head, rules).into_iter().find(|d| d.t0 == at)?;
    let p = d.parts;
    let (y, m, day) = (p.year?, p.month?, p.day?);
    if day > days_in_month(y, m) {
        return None;
    }
    toks.iter().skip(d.t1).take(DATELINE_TAIL + 1).any(|t| matches!(t.lower, "–" | "—" | "-")).then_some(d)
}

/// The date `back` days before a full article date ("hier" in an article
/// of 2025-02-13 is 2025-02-12); `None` without a full article date.
pub fn resolve_back(back: u32, article: Option<DateParts>) -> Option<DateParts> {
    let a = article?;
    let (y, m, d) = (a.year?, a.month?, a.day?);
    let (yy, mm, dd) = civil_from_days(days_from_civil(y, m, d) - i64::from(back));
    Some(DateParts { year: Some(yy), month: Some(mm), day: Some(dd), weekday: Some(weekday(yy, mm, dd)) })
}

/// Completes the parts of a date phrase with the article's date: a bare
/// weekday becomes the latest such day on or before a full article date
/// (within the window), or takes the article's year and month; a day and
/// month take the article's year.
pub fn resolve(parts: DateParts, article: Option<DateParts>, rules: &Rules) -> DateParts {
    let Some(a) = article else { return parts };
    let mut p = parts;
    match (p.day, p.month, p.weekday) {
        (None, None, Some(w)) => {
            if let (Some(y), Some(m), Some(d)) = (a.year, a.month, a.day) {
                let base = days_from_civil(y, m, d);
                for back in 0..=i64::from(rules.dates.weekday_window) {
                    let day = base - back;
                    if ((day.rem_euclid(7) + 3) % 7 + 1) as u8 == w {
                        let (yy, mm, dd) = civil_from_days(day);
                        return DateParts { year: Some(yy), month: Some(mm), day: Some(dd), weekday: Some(w) };
                    }
                }
            } else if a.day.is_none() && a.month.is_some() {
                // The article's month without its day ("date 2025-07"): the
                // weekday may fall in the month before, within the window
                // of its first days; the year is known but in January.
                p.year = a.year.filter(|_| a.month != Some(1));
            } else {
                p.year = a.year;
                p.month = a.month;
            }
        }
        (Some(d), Some(m), _) if p.year.is_none() => {
            if let Some(y) = a.year {
                p.year = Some(y);
                if d <= days_in_month(y, m) {
                    p.weekday = Some(weekday(y, m, d));
                }
            }
        }
        _ => {}
    }
    p
}

/// The weekday written beside a day and month when it is not that date's
/// ("mercredi 1er juillet 2025": 1 July 2025 was a Tuesday), once `parts`
/// (the mention's, [`resolve`]d) know the year; `None` when it agrees or
/// cannot be checked. The date keeps its day and month: a weekday is the
/// likelier slip.
pub fn weekday_mismatch(d: &DateMention, parts: &DateParts) -> Option<u8> {
    let (y, m, day) = (parts.year?, parts.month?, parts.day?);
    if day > days_in_month(y, m) {
        return None;
    }
    d.stated_weekday.filter(|&w| w != weekday(y, m, day))
}

/// The civil date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

/// `YYYY-MM-DD` when all of year, month and day are known.
pub fn iso(p: &DateParts) -> Option<String> {
    Some(format!("{:04}-{:02}-{:02}", p.year?, p.month?, p.day?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `f` of `text` read as one sentence.
    fn in_sentence<T>(text: &str, f: impl FnOnce(&crate::extract::sentence::Sent) -> T) -> T {
        let lower = crate::text::lowercase_aligned(text);
        f(&crate::extract::sentence::Sent::new(text, &lower, 0, text.len(), crate::rules::rules()))
    }

    #[test]
    fn weekdays_and_days() {
        assert_eq!(weekday(2025, 2, 12), 3); // a Wednesday
        assert_eq!(weekday(2022, 2, 24), 4);
        assert_eq!(weekday(2000, 1, 1), 6); // a Saturday
        assert_eq!(weekday(2024, 3, 3), 7); // a Sunday
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
    }

    #[test]
    fn days_in_a_row() {
        let full = |y, m, d| DateParts { year: Some(y), month: Some(m), day: Some(d), weekday: None };
        let bare = |w| DateParts { weekday: Some(w), ..Default::default() };
        assert!(next_day(&full(2025, 6, 30), &full(2025, 7, 1)));
        assert!(next_day(&full(2025, 7, 1), &full(2025, 6, 30)));
        assert!(!next_day(&full(2025, 7, 1), &full(2025, 7, 1)));
        assert!(!next_day(&full(2025, 7, 1), &full(2025, 7, 3)));
        // 17 June 2025 was a Tuesday: next to a Wednesday, and a Monday.
        assert!(next_day(&full(2025, 6, 17), &bare(3)));
        assert!(next_day(&bare(1), &full(2025, 6, 17)));
        assert!(!next_day(&full(2025, 6, 17), &bare(5)));
        // Sunday and Monday are a day apart.
        assert!(next_day(&bare(7), &bare(1)));
        assert!(!next_day(&DateParts::default(), &bare(1)));
    }

    #[test]
    fn resolution_against_article_date() {
        let r = crate::rules::rules();
        let wed = DateParts { weekday: Some(3), ..Default::default() };
        let full = resolve(wed, parse_iso("2025-02-13"), r);
        assert_eq!(iso(&full).as_deref(), Some("2025-02-12"));
        // An article dated by its month only: the weekday may be in the
        // month before (a Sunday 29 June in a page dated "2025-07").
        let month = resolve(wed, parse_iso("2025-02"), r);
        assert_eq!((month.year, month.month, month.day, month.weekday), (Some(2025), None, None, Some(3)));
        let january = resolve(wed, parse_iso("2025-01"), r);
        assert_eq!((january.year, january.month), (None, None));
        let dm = DateParts { day: Some(12), month: Some(2), ..Default::default() };
        assert_eq!(resolve(dm, parse_iso("2025-02"), r).weekday, Some(3));
    }

    #[test]
    fn date_phrases_in_a_sentence() {
        let r = crate::rules::rules();
        let found = |text: &str| {
            in_sentence(text, |s| {
                find(s, r)
                    .into_iter()
                    .map(|d| iso(&d.parts).unwrap_or_else(|| format!("{:?}", d.parts)))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(found("Mardi 1er juillet 2025, Macron a appelé Poutine."), ["2025-07-01"]);
        assert_eq!(found("Ils se sont parlé mercredi 12 fév 2025."), ["2025-02-12"]);
        assert_eq!(found("Washington, 12/02/2025 - Trump a parlé à Poutine."), ["2025-02-12"]);
        assert_eq!(
            found("Ils ont échangé lundi 19/05."),
            ["DateParts { year: None, month: Some(5), day: Some(19), weekday: Some(1) }"]
        );
        assert_eq!(
            found("Le 11/02, puis le 31/02/2025 et une 1/2 heure."),
            ["DateParts { year: None, month: Some(2), day: Some(11), weekday: None }"]
        );
        assert_eq!(
            found("Le 1er mars et le 3 avril 2024."),
            ["DateParts { year: None, month: Some(3), day: Some(1), weekday: None }", "2024-04-03"]
        );
    }

    #[test]
    fn a_weekday_beside_a_date_is_checked_once_the_year_is_known() {
        let r = crate::rules::rules();
        let mismatch = |text: &str, article: Option<&str>| {
            let d = in_sentence(text, |s| find(s, r).into_iter().next().unwrap());
            let parts = resolve(d.parts, article.and_then(parse_iso), r);
            (weekday_mismatch(&d, &parts), parts.weekday)
        };
        // 9 October 2024 was a Wednesday.
        assert_eq!(mismatch("Ils se sont parlé mercredi 9 octobre 2024.", None), (None, Some(3)));
        assert_eq!(mismatch("Ils se sont parlé jeudi 9 octobre 2024.", None), (Some(4), Some(3)));
        assert_eq!(mismatch("Ils se sont parlé jeudi 9/10/2024.", None), (Some(4), Some(3)));
        // Without a year, the weekday as written; the article's year checks it.
        assert_eq!(mismatch("Ils se sont parlé jeudi 9 octobre.", None), (None, Some(4)));
        assert_eq!(mismatch("Ils se sont parlé jeudi 9 octobre.", Some("2024-10")), (Some(4), Some(3)));
        // Not a date at all: nothing to check.
        assert_eq!(mismatch("Ils se sont parlé jeudi 31 février 2024.", None), (None, Some(4)));
    }

    #[test]
    fn datelines() {
        let r = crate::rules::rules();
        let dateline_of = |text: &str| in_sentence(text, |s| dateline(s, r).and_then(|p| iso(&p)));
        assert_eq!(
            dateline_of("ANKARA, 23 septembre 2025 (AFP) – Le président turc a reçu…").as_deref(),
            Some("2025-09-23")
        );
        assert_eq!(dateline_of("Le Caire, le 23 septembre 2025 - Les ministres…").as_deref(), Some("2025-09-23"));
        assert_eq!(dateline_of("NEW YORK, mardi 23/09/2025 — Les ministres…").as_deref(), Some("2025-09-23"));
        // No year, no dash, no place first: no dateline.
        assert_eq!(dateline_of("ANKARA, 23 septembre (AFP) – Le président turc a reçu…"), None);
        assert_eq!(dateline_of("ANKARA, 23 septembre 2025, le président turc a reçu…"), None);
        assert_eq!(dateline_of("Le 23 septembre 2025 – Le président turc a reçu…"), None);
    }

    #[test]
    fn iso_rejects_nonsense() {
        assert!(parse_iso("2025-13-01").is_none());
        assert!(parse_iso("2025-02-30").is_none());
        assert!(parse_iso("hello").is_none());
    }
}
