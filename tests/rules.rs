//! Every rule of every language pack carries its own examples and
//! counterexamples; this test runs them all, each in its pack's language,
//! and reports every failure at once.
#![cfg(not(target_arch = "wasm32"))]

use factpanel::model::{Document, Kind};
use factpanel::rules::RuleKind;
use factpanel::{analyze, Article};

fn doc(text: &str, lang: &str) -> Document {
    let a = Article { lang: Some(lang.to_string()), ..Article::new("example", text) };
    analyze(&[a]).expect("example analyses")
}

#[test]
fn claim_rules_hold_their_examples_and_counterexamples() {
    let mut failures = Vec::new();
    for rules in factpanel::rules::packs() {
        let lang = rules.lang.as_str();
        let doc = |text: &str| doc(text, lang);
        claim_rules(rules, &doc, &mut failures);
    }
    assert!(failures.is_empty(), "{} rule example failures:\n{}", failures.len(), failures.join("\n"));
}

fn claim_rules(rules: &factpanel::rules::Rules, doc: &dyn Fn(&str) -> Document, failures: &mut Vec<String>) {
    let lang = rules.lang.as_str();
    for rule in &rules.claim_rules {
        // A veto makes no claim: its examples have no call length, its
        // counterexamples still have one beside the veto's words.
        if rule.kind == RuleKind::NotCallDuration {
            let has_length = |text: &str| doc(text).facts.iter().any(|f| f.kind == Kind::CallDuration);
            for ex in &rule.examples {
                if has_length(ex) {
                    failures.push(format!("{lang}: veto {} let a call length through in example: {ex}", rule.id));
                }
            }
            for ex in &rule.counterexamples {
                if !has_length(ex) {
                    failures
                        .push(format!("{lang}: veto {} held back the call length in counterexample: {ex}", rule.id));
                }
            }
            continue;
        }
        for ex in &rule.examples {
            let d = doc(ex);
            if !d.facts.iter().flat_map(|f| &f.claims).any(|c| c.rule == rule.id) {
                failures.push(format!("{lang}: rule {} did not fire on example: {ex}", rule.id));
            }
        }
        for ex in &rule.counterexamples {
            let d = doc(ex);
            if d.facts.iter().flat_map(|f| &f.claims).any(|c| c.rule == rule.id) {
                failures.push(format!("{lang}: rule {} fired on counterexample: {ex}", rule.id));
            }
        }
    }
    for p in &rules.positions {
        let has = |text: &str| {
            doc(text)
                .facts
                .iter()
                .filter(|f| f.kind == Kind::Stance)
                .flat_map(|f| &f.claims)
                .any(|c| c.value.position == Some(p.id))
        };
        for ex in &p.examples {
            if !has(ex) {
                failures.push(format!("{lang}: position {:?} not found in example: {ex}", p.id));
            }
        }
        for ex in &p.counterexamples {
            if has(ex) {
                failures.push(format!("{lang}: position {:?} found in counterexample: {ex}", p.id));
            }
        }
    }
}

#[test]
fn every_rule_has_examples_and_counterexamples() {
    for rules in factpanel::rules::packs() {
        for r in &rules.claim_rules {
            assert!(
                !r.examples.is_empty() && !r.counterexamples.is_empty(),
                "{}: rule {} needs both",
                rules.lang,
                r.id
            );
        }
        for p in &rules.positions {
            assert!(
                !p.examples.is_empty() && !p.counterexamples.is_empty(),
                "{}: position {:?} needs both",
                rules.lang,
                p.id
            );
        }
    }
}

#[test]
fn people_rules_hold_their_examples_and_counterexamples() {
    let mut failures = Vec::new();
    for rules in factpanel::rules::packs() {
        people_rules(rules, &mut failures);
    }
    assert!(failures.is_empty(), "{} people example failures:\n{}", failures.len(), failures.join("\n"));
}

fn people_rules(rules: &factpanel::rules::Rules, failures: &mut Vec<String>) {
    for ex in &rules.people.examples {
        let [sentence, name] = ex.as_slice() else {
            failures.push(format!("{}: people example {ex:?} is not [sentence, name]", rules.lang));
            continue;
        };
        let found = factpanel::extract::people::names_in(sentence, rules);
        if !found.contains(name) {
            failures.push(format!("{}: {name:?} not found in: {sentence} (found {found:?})", rules.lang));
        }
    }
    for ex in &rules.people.counterexamples {
        let found = factpanel::extract::people::names_in(ex, rules);
        if !found.is_empty() {
            failures.push(format!("{}: {found:?} found in counterexample: {ex}", rules.lang));
        }
    }
    assert!(!rules.people.examples.is_empty() && !rules.people.counterexamples.is_empty());
}

/// Topics and kinds are declared in data: every topic a pack's `[[topic]]`
/// declares, and every kind of fact, has a label in every pack, and every
/// label fills to text with no template syntax left.
#[test]
fn every_pack_labels_every_kind_and_topic() {
    let kinds = Kind::ALL;
    let topics: Vec<&str> =
        factpanel::rules::packs().iter().flat_map(|p| p.topics.iter().map(|t| t.id.as_str())).collect();
    assert!(!topics.is_empty());
    let mut missing = Vec::new();
    for pack in factpanel::rules::packs() {
        let l = pack.labels();
        for t in &topics {
            for (what, v) in [("topics", &l.topics), ("topic_headings", &l.topic_headings)] {
                if !v.iter().any(|(id, _)| id == t) {
                    missing.push(format!("{}: [labels.{what}] has no {t}", pack.lang));
                }
            }
        }
        for k in kinds {
            if !l.kinds.iter().any(|(id, _)| id == k.as_str()) {
                missing.push(format!("{}: [labels.kinds] has no {}", pack.lang, k.as_str()));
            }
            for meeting in [false, true] {
                for vars in [&[][..], &[("p", "A–B"), ("a", "C"), ("t", "T"), ("x", "X Y")][..]] {
                    let s = l.kind(k, meeting, vars);
                    if s.is_empty() || s.contains(['{', '}', '[', ']', '|']) {
                        missing.push(format!("{}: {} fills to {s:?}", pack.lang, k.as_str()));
                    }
                }
            }
        }
        for (id, _) in l.kinds.iter().chain(&l.meeting_kinds) {
            if !kinds.iter().any(|k| k.as_str() == id) {
                missing.push(format!("{}: a label for {id}, which is no kind", pack.lang));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
