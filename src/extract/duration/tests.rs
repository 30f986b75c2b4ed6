//! Unit tests of the duration grammar and scanner (`crate::extract::duration`).

use super::*;

fn phrases(text: &str) -> Vec<(&str, Option<u32>, Option<u32>)> {
    find_durations(text)
        .into_iter()
        .map(|m| (&text[m.start..m.end], m.interval.min.map(|x| x.0), m.interval.max.map(|x| x.0)))
        .collect()
}

fn bound(b: &BoundSpec) -> Result<Option<Minutes>, String> {
    match b {
        BoundSpec::Minutes(m) => Ok(Some(Minutes(*m))),
        BoundSpec::Word(w) if w == "open" => Ok(None),
        BoundSpec::Word(w) => Err(format!("bound {w:?} is neither minutes nor \"open\"")),
    }
}

#[test]
fn lexicon_loads() {
    let lex = lexicon();
    assert_eq!(lex.close_below, 125_000);
    assert_eq!(lex.around, 100_000);
    assert!(lex.units.iter().any(|u| u.id == "hour" && u.seconds == 3600 && u.bare_minutes));
    assert!(lex.hedges.len() > 40);
    assert!(!lex.before_blocks.is_empty() && !lex.after_blocks.is_empty());
    read_rules(DATA).unwrap();
    let file = read_examples();
    assert!(file.examples.len() + file.counterexamples.len() >= 60);
}

#[test]
#[should_panic(expected = "[[number]] value = 21")]
fn malformed_number_is_named() {
    let bad = DATA.replacen("value = 1\n", "value = 21\n", 1);
    build_lexicon(&bad, "fr");
}

#[test]
#[should_panic(expected = "already has a role")]
fn word_with_two_roles_is_named() {
    let bad = DATA.replacen("words = [\"seconde\", \"secondes\"]", "words = [\"seconde\", \"deux\"]", 1);
    build_lexicon(&bad, "fr");
}

#[test]
#[should_panic(expected = "must be lowercase")]
fn uppercase_phrase_is_named() {
    let bad = DATA.replacen("\"près de\", ", "\"Près de\", ", 1);
    build_lexicon(&bad, "fr");
}

#[test]
fn examples_in_data_hold() {
    let file = read_examples();
    let mut failures = Vec::new();
    for ex in &file.examples {
        let (min, max) = match (bound(&ex.min), bound(&ex.max)) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => {
                failures.push(format!("{:?}: {e}", ex.text));
                continue;
            }
        };
        let want = Interval { min, max };
        let Some(at) = ex.text.find(&ex.phrase) else {
            failures.push(format!("{:?}: phrase {:?} is not in the text", ex.text, ex.phrase));
            continue;
        };
        let found = find_durations(&ex.text);
        let hit = found.iter().find(|m| m.start == at && m.end == at + ex.phrase.len());
        match hit {
            None => failures.push(format!(
                "{:?}: expected {:?} {:?}, found {:?}",
                ex.text,
                ex.phrase,
                want,
                phrases(&ex.text)
            )),
            Some(m) => {
                if m.interval != want {
                    failures
                        .push(format!("{:?}: {:?} gives {:?}, expected {:?}", ex.text, ex.phrase, m.interval, want));
                }
                if ex.hedge.is_some_and(|h| h != m.hedge) {
                    failures.push(format!("{:?}: hedge {:?}, expected {:?}", ex.text, m.hedge, ex.hedge));
                }
                if ex.rule.as_ref().is_some_and(|r| *r != m.rule) {
                    failures.push(format!("{:?}: rule {:?}, expected {:?}", ex.text, m.rule, ex.rule));
                }
            }
        }
        match parse_duration(&ex.phrase) {
            Some(m) if m.interval == want => {}
            other => failures.push(format!("parse_duration({:?}) = {:?}, expected {:?}", ex.phrase, other, want)),
        }
    }
    for cx in &file.counterexamples {
        let found = find_durations(&cx.text);
        let bad: Vec<_> = match &cx.phrase {
            None => found.iter().collect(),
            Some(p) => match cx.text.find(p.as_str()) {
                None => {
                    failures.push(format!("{:?}: phrase {p:?} is not in the text", cx.text));
                    continue;
                }
                Some(at) => found.iter().filter(|m| m.start < at + p.len() && at < m.end).collect(),
            },
        };
        if !bad.is_empty() {
            failures.push(format!(
                "{:?} ({}): expected no duration{}, found {:?}",
                cx.text,
                cx.why,
                cx.phrase.as_ref().map(|p| format!(" in {p:?}")).unwrap_or_default(),
                phrases(&cx.text)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} data example(s) fail ({} examples, {} counterexamples):\n  {}",
        failures.len(),
        file.examples.len(),
        file.counterexamples.len(),
        failures.join("\n  ")
    );
}

#[test]
fn several_in_order() {
    let text = "Il y a une heure, ils ont parlé 90 minutes, puis près de deux heures à 14h30, et 3 jours.";
    assert_eq!(
        phrases(text),
        vec![
            ("90 minutes", Some(90), Some(90)),
            ("près de deux heures", Some(105), Some(120)),
            ("3 jours", Some(4320), Some(4320))
        ]
    );
}

#[test]
fn offsets_with_multibyte_text() {
    let text = "Ééé — “près d’une heure” ✓ 𝔘 puis ÉNVIRON 2 H.";
    for m in find_durations(text) {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
    assert_eq!(phrases(text)[0], ("près d’une heure", Some(52), Some(60)));
    assert_eq!(phrases(text)[1], ("2 H", Some(120), Some(120)));
}

#[test]
fn the_binary_lexicon_round_trips_and_rebuilds_its_tables() {
    let bytes = lexicon_bytes("fr").unwrap();
    let lex = lexicon_from_bytes(&bytes).unwrap();
    assert_eq!(crate::codec::encode(&lex), bytes);
    let built = build_lexicon(DATA, "fr");
    assert_eq!(lex.table, built.table, "the word table is rebuilt as built");
    assert_eq!(lex.first_len, built.first_len);
    assert_eq!(lex.max_word_bytes, built.max_word_bytes);
    for cut in (0..bytes.len()).step_by(53) {
        assert!(lexicon_from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
}

#[test]
fn parse_duration_whole_phrase_only() {
    let m = parse_duration("  une heure et demie ").unwrap();
    assert_eq!((m.start, m.end, m.figure), (2, 20, 90));
    assert!(parse_duration("une heure et demie environ de plus").is_none());
    assert!(parse_duration("une heure, deux heures").is_none());
    assert!(parse_duration("").is_none());
    assert!(parse_duration("heure").is_none());
}

#[test]
fn figure_and_rule() {
    let m = parse_duration("près d'une heure et demie").unwrap();
    assert_eq!((m.figure, m.hedge, m.rule.as_str()), (90, Hedge::CloseBelow, "duration.hedge.pres_de"));
    let m = parse_duration("90 minutes").unwrap();
    assert_eq!((m.figure, m.hedge, m.rule.as_str()), (90, Hedge::Exact, "duration.plain"));
    let m = parse_duration("deux à trois heures").unwrap();
    assert_eq!((m.figure, m.rule.as_str()), (180, "duration.range"));
}

#[test]
fn saturation_and_huge_numbers() {
    for text in [
        "99999999999999 heures",
        "99999999999999999999999999999999999999999999999999 ans",
        "plus de 99999999999999,999999999999 années",
        "environ 4294967295 minutes",
        "mille mille ans",
    ] {
        for m in find_durations(text) {
            if let (Some(a), Some(b)) = (m.interval.min, m.interval.max) {
                assert!(a <= b, "{text}");
            }
        }
    }
    let m = parse_duration("environ 4294967295 minutes").unwrap();
    assert_eq!(m.interval, Interval::between(3_865_470_565, u32::MAX));
    let digits = "9".repeat(200_000) + " heures";
    assert_eq!(find_durations(&digits)[0].figure, u32::MAX);
}

#[test]
fn adversarial_inputs_are_linear() {
    let inputs = [
        "un ".repeat(200_000),
        "à ".repeat(200_000),
        "quatre-vingt-".repeat(100_000),
        "1h".repeat(200_000),
        "une heure et ".repeat(100_000),
        "a".repeat(1_000_000),
        "1 000 ".repeat(100_000),
        "près de ".repeat(100_000),
        "’".repeat(100_000),
    ];
    for text in &inputs {
        let t = std::time::Instant::now();
        let found = find_durations(text);
        for m in &found {
            assert!(m.start < m.end && m.end <= text.len());
        }
        assert!(t.elapsed().as_secs() < 20, "too slow on {:?}…", &text[..20]);
    }
}

/// A tiny xorshift: no test dependency needed.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn fuzz_never_panics() {
    let lex = lexicon();
    let mut vocab: Vec<&str> = lex.texts.iter().skip(1).map(|w| &**w).collect();
    vocab.sort_unstable();
    vocab.extend([
        "É",
        "PRÈS",
        "D'",
        "d’",
        "'",
        "’",
        "-",
        "–",
        ",",
        ".",
        "/",
        "\"",
        "«",
        "1",
        "90",
        "1,5",
        "1.5",
        "00",
        "59",
        "2014",
        "99999999999999",
        "1 000",
        "h",
        "H",
        "1h30",
        "14h",
        "\u{a0}",
        "\u{202f}",
        "𝔘",
        "e\u{301}",
        "ﬁ",
        "İ",
        "ß",
        "日本",
        "\u{0}",
        "\t",
        "\n",
        "il y a",
        "du matin",
        "sur 24",
        "heureux",
        "Jean",
        "plan",
        "minimum",
    ]);
    let seps = ["", " ", " ", " ", "-", "'", "’", ", ", "\u{a0}"];
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..5000 {
        let n = 1 + rng.next() % 14;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(&vocab));
            text.push_str(rng.pick(&seps));
        }
        if rng.next().is_multiple_of(3) {
            text = text.to_uppercase();
        }
        let found = find_durations(&text);
        let mut prev_end = 0;
        for m in &found {
            assert!(m.start < m.end && m.end <= text.len(), "{text:?}: {m:?}");
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "{text:?}: {m:?}");
            assert!(m.start >= prev_end, "overlap in {text:?}");
            prev_end = m.end;
            if let (Some(a), Some(b)) = (m.interval.min, m.interval.max) {
                assert!(a <= b, "{text:?}: {m:?}");
            }
            assert!(m.interval.min.is_some() || m.interval.max.is_some(), "{text:?}");
        }
        let _ = parse_duration(&text);
    }
}

#[test]
fn speed_on_three_megabytes() {
    let seed = crate::corpus::articles().into_iter().map(|a| a.text).collect::<Vec<_>>().join("\n");
    let seed = if seed.trim().is_empty() { "Ils ont parlé près d'une heure et demie. ".to_string() } else { seed };
    let mut text = String::new();
    while text.len() < 3 << 20 {
        text.push_str(&seed);
        text.push('\n');
    }
    // Time on the CPU (Linux), so that a loaded machine does not fail
    // the test; wall time elsewhere. Best of three runs.
    fn cpu_ns() -> Option<u64> {
        std::fs::read_to_string("/proc/thread-self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
    }
    let mut best = std::time::Duration::MAX;
    for _ in 0..3 {
        let (cpu, wall) = (cpu_ns(), std::time::Instant::now());
        let found = find_durations(&text);
        let elapsed = match (cpu, cpu_ns()) {
            (Some(a), Some(b)) => std::time::Duration::from_nanos(b.saturating_sub(a)),
            _ => wall.elapsed(),
        };
        eprintln!(
            "find_durations: {} bytes, {} matches, {:?} on the CPU, {:?} wall",
            text.len(),
            found.len(),
            elapsed,
            wall.elapsed()
        );
        assert!(!found.is_empty());
        best = best.min(elapsed);
    }
    if !cfg!(debug_assertions) {
        assert!(best.as_millis() < 100, "{best:?}");
    }
}

/// `to_minutes` without a 128-bit division is the division it replaced.
#[test]
fn to_minutes_is_the_128_bit_division() {
    let old = |v: u128, up: bool| {
        let m = if up { v.div_ceil(PER_MINUTE) } else { v.saturating_add(PER_MINUTE / 2) / PER_MINUTE };
        u32::try_from(m).unwrap_or(u32::MAX)
    };
    let mut values = vec![0, 1, u128::MAX, u128::MAX - 1, u128::from(u64::MAX), 1 << 64, 1 << 77, 1 << 78, 1 << 127];
    for m in [0u128, 1, 2, 59, 60, 61, 1439, u128::from(u32::MAX) - 1, u128::from(u32::MAX), 1 << 32, 1 << 40, 1 << 51]
    {
        for d in [0, 1, 4095, 4096, 8191, 8192, PER_MINUTE / 2 - 1, PER_MINUTE / 2, PER_MINUTE / 2 + 1, PER_MINUTE - 1]
        {
            values.extend([(m * PER_MINUTE).wrapping_add(d), (m * PER_MINUTE).wrapping_sub(d)]);
        }
    }
    let mut x: u128 = 0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c834;
    for _ in 0..100_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        values.extend([x, x >> (x % 128), (x >> 64) * PER_SECOND]);
    }
    for v in values {
        for up in [false, true] {
            assert_eq!(scanner::to_minutes(v, up), old(v, up), "{v} {up}");
        }
    }
}
