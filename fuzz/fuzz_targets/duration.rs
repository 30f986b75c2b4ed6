//! A string → `find_durations` (every language pack's grammar) and
//! `parse_duration`: no panic, spans in bounds and on char boundaries, in
//! order without overlaps, min ≤ max.
#![no_main]

use factpanel::extract::duration::{find_durations, find_durations_in, grammar, parse_duration, DurationMatch};
use libfuzzer_sys::fuzz_target;

fn check_match(text: &str, m: &DurationMatch) {
    assert!(m.start < m.end, "empty span {}..{} in {text:?}", m.start, m.end);
    assert!(m.end <= text.len(), "span {}..{} past the end of {text:?}", m.start, m.end);
    assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "span {}..{} off char boundaries in {text:?}", m.start, m.end);
    if let (Some(lo), Some(hi)) = (m.interval.min, m.interval.max) {
        assert!(lo <= hi, "min {} > max {} for {:?}", lo.0, hi.0, &text[m.start..m.end]);
    }
    assert!(m.interval.min.is_some() || m.interval.max.is_some(), "unbounded interval for {:?}", &text[m.start..m.end]);
    assert!(m.rule.starts_with("duration."), "rule {:?}", m.rule);
}

fuzz_target!(|text: &str| {
    let found = find_durations(text);
    let mut prev_end = 0;
    for m in &found {
        check_match(text, m);
        assert!(m.start >= prev_end, "overlap or disorder at {}..{} in {text:?}", m.start, m.end);
        prev_end = m.end;
    }
    for lang in factpanel::rules::pack::LANGS {
        let mut prev_end = 0;
        for m in &find_durations_in(text, grammar(lang).expect("every pack has a grammar")) {
            check_match(text, m);
            assert!(m.start >= prev_end, "{lang}: overlap or disorder at {}..{} in {text:?}", m.start, m.end);
            prev_end = m.end;
        }
    }
    if let Some(m) = parse_duration(text) {
        check_match(text, &m);
        let lead = text.len() - text.trim_start().len();
        assert_eq!((m.start, m.end), (lead, lead + text.trim().len()), "parse_duration span of {text:?}");
    }
});
