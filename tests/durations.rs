//! The duration recognizer through the public API, on the embedded corpus
//! and on the phrases the rest of the pipeline relies on.

use factpanel::extract::duration::{find_durations, parse_duration, DurationMatch, Hedge};
use factpanel::model::{Interval, Minutes};

fn found(text: &str) -> Vec<(&str, Interval)> {
    find_durations(text).into_iter().map(|m| (&text[m.start..m.end], m.interval)).collect()
}

fn open_above(min: u32) -> Interval {
    Interval { min: Some(Minutes(min)), max: None }
}

fn open_below(max: u32) -> Interval {
    Interval { min: None, max: Some(Minutes(max)) }
}

#[test]
fn contract_examples() {
    assert_eq!(parse_duration("plus d'une heure").unwrap().interval, open_above(60));
    assert_eq!(parse_duration("moins de 24 heures").unwrap().interval, open_below(1440));
    assert_eq!(parse_duration("90 minutes").unwrap().interval, Interval::exact(90));
    assert_eq!(parse_duration("près d'une heure et demie").unwrap().interval, Interval::between(78, 90));
    assert_eq!(parse_duration("environ une heure").unwrap().interval, Interval::between(54, 66));
}

#[test]
fn match_fields() {
    let text = "Selon Moscou, ils ont parlé pendant près d’une heure et demie.";
    let m = &find_durations(text)[0];
    assert_eq!(
        *m,
        DurationMatch {
            start: text.find("près").unwrap(),
            end: text.find(".").unwrap(),
            interval: Interval::between(78, 90),
            hedge: Hedge::CloseBelow,
            figure: 90,
            rule: "duration.hedge.pres_de".into(),
        }
    );
    assert_eq!(serde_json::to_string(&Hedge::CloseBelow).unwrap(), "\"close_below\"");
    assert_eq!(serde_json::from_str::<Hedge>("\"at_least\"").unwrap(), Hedge::AtLeast);
}

#[test]
fn embedded_corpus() {
    let articles = factpanel::corpus::articles();
    let text = |prefix: &str| articles.iter().find(|a| a.id.starts_with(prefix)).unwrap().text.as_str();

    let a000 = found(text("000"));
    assert!(a000.contains(&("plus d'une heure", open_above(60))), "{a000:?}");
    // "il y a bientôt trois ans" is a point in time; "Quelques heures" has no figure
    assert_eq!(a000.iter().filter(|(p, _)| *p == "trois ans").count(), 1, "{a000:?}");
    assert!(!a000.iter().any(|(p, _)| p.contains("heures")), "{a000:?}");

    let a001 = found(text("001"));
    assert!(a001.contains(&("près d’une heure et demie", Interval::between(78, 90))), "{a001:?}");
    assert!(a001.contains(&("environ une heure", Interval::between(54, 66))), "{a001:?}");

    let a002 = found(text("002"));
    assert!(a002.contains(&("une heure et demie", Interval::exact(90))), "{a002:?}");
    assert!(a002.contains(&("14 ans", Interval::exact(14 * 525_600))), "{a002:?}");

    let a003 = found(text("003"));
    assert!(a003.contains(&("Moins de 24 heures", open_below(1440))), "{a003:?}");
    assert!(a003.contains(&("trente jours", Interval::exact(43_200))), "{a003:?}");

    let a004 = found(text("004"));
    assert!(a004.contains(&("90 minutes", Interval::exact(90))), "{a004:?}");
    assert!(a004.contains(&("une heure", Interval::exact(60))), "{a004:?}");
}

#[test]
fn not_durations() {
    for text in [
        "Il y a une heure, le Kremlin a réagi.",
        "Le sommet commence à 14h30.",
        "Il est rentré à une heure du matin.",
        "Je vous le dirai tout à l'heure.",
        "L'invasion a commencé en 2014.",
        "Il était heureux, Jean aussi, malgré le plan.",
        "Quelques heures plus tard.",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
}

#[test]
fn hedge_kinds() {
    let cases = [
        ("une heure", Hedge::Exact),
        ("presque deux heures", Hedge::CloseBelow),
        ("quelque 40 minutes", Hedge::Around),
        ("au moins deux heures", Hedge::AtLeast),
        ("tout au plus une heure", Hedge::AtMost),
        ("deux heures environ", Hedge::Around),
        ("une bonne heure", Hedge::AtLeast),
    ];
    for (phrase, hedge) in cases {
        assert_eq!(parse_duration(phrase).map(|m| m.hedge), Some(hedge), "{phrase}");
    }
}

#[test]
fn never_panics_on_odd_input() {
    let long_digits = "9".repeat(100_000);
    let inputs = [
        "",
        " ",
        "'",
        "’’’",
        "h",
        "1h",
        "1,",
        "1,5",
        ",5 heure",
        "-1 heure",
        "𝔘𝔫𝔢 𝔥𝔢𝔲𝔯𝔢",
        "e\u{301}",
        "\u{0}1\u{0}h",
        long_digits.as_str(),
    ];
    for text in inputs {
        for m in find_durations(text) {
            assert!(m.start < m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
        let _ = parse_duration(text);
    }
}
