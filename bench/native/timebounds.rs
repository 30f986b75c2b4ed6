//! Time bounds of `analyze` (issue 5): a 5 MB article, 1,000 articles, and
//! pathological inputs, each at ¼, ½ and all of its size so that a
//! super-linear stage shows as a growth ratio well above 2 per doubling.
//! The numbers go in docs/robustness.md.
//!
//! ```text
//! cargo run --release --example timebounds            # everything
//! cargo run --release --example timebounds -- quick   # sizes / 32
//! cargo run --release --example timebounds -- names   # only cases whose name contains "names"
//! ```
//!
//! Each timing is the best of `REPS` runs (the least disturbed by other
//! work on the machine).

use std::time::{Duration, Instant};

use factpanel::{analyze, Article};

const REPS: usize = 3;

/// The seed articles, concatenated, repeated until `bytes` (cut on a char
/// boundary).
fn seed_text(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 10_000);
    while s.len() < bytes {
        for (_, t) in factpanel::corpus::ARTICLES {
            s.push_str(t);
            s.push('\n');
        }
    }
    cut(s, bytes)
}

fn cut(mut s: String, bytes: usize) -> String {
    let mut n = bytes.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    s.truncate(n);
    s
}

fn repeat(unit: &str, bytes: usize) -> String {
    cut(unit.repeat(bytes / unit.len() + 1), bytes)
}

/// `n` articles: the seed articles in turn, each under its own id.
fn many(n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let (id, t) = factpanel::corpus::ARTICLES[i % factpanel::corpus::ARTICLES.len()];
            Article::new(format!("{id}_{i}"), t)
        })
        .collect()
}

#[path = "../../tests/common/floods.rs"]
mod floods;
use floods::{dispatch_flood, shared_footer};

fn best(articles: &[Article]) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut facts = 0;
    for rep in 0..REPS {
        if rep > 0 && best > Duration::from_secs(5) {
            break; // one run of a slow case is enough
        }
        let t = Instant::now();
        let doc = analyze(articles).expect("valid input");
        best = best.min(t.elapsed());
        facts = doc.facts.len();
    }
    (best, facts)
}

struct Case {
    name: &'static str,
    make: Box<dyn Fn(usize) -> Vec<Article>>,
    /// Full size (bytes, or articles for `many`); also measured at ¼ and ½.
    full: usize,
}

/// `bytes` of "le président péruvien Quispe Bab et " with a new name each time.
fn titled_names(bytes: usize) -> String {
    let mut s = String::new();
    let mut k = 0usize;
    while s.len() < bytes {
        let (mut w, mut j) = (String::from("B"), k);
        loop {
            w.push(char::from(b'a' + (j % 26) as u8));
            j /= 26;
            if j == 0 {
                break;
            }
        }
        s.push_str(&format!("le président péruvien Quispe {w} et "));
        k += 1;
    }
    s
}

fn one(text: String) -> Vec<Article> {
    vec![Article::new("x", text)]
}

fn text_case(name: &'static str, unit: &'static str, full: usize) -> Case {
    Case { name, make: Box::new(move |n| one(repeat(unit, n))), full }
}

fn main() {
    let quick = std::env::args().any(|a| a == "quick");
    let only: Vec<String> = std::env::args().skip(1).filter(|a| a != "quick").collect();
    let k = if quick { 32 } else { 1 };
    let mb = 1 << 20;
    let cases = vec![
        Case { name: "seed text, one article", make: Box::new(|n| one(seed_text(n))), full: 5 * mb / k },
        Case { name: "seed articles, many", make: Box::new(many), full: 1000 / k },
        Case { name: "copies of one dispatch", make: Box::new(dispatch_flood), full: 1000 / k },
        Case { name: "one footer, many articles", make: Box::new(shared_footer), full: 1000 / k },
        text_case("no sentence break", "Donald Trump a parlé avec Vladimir Poutine pendant une heure et ", mb / k),
        text_case("words, no sentence break", "le chat de la voisine mange une souris grise et ", mb / k),
        text_case("names, no verbs", "Trump Poutine Zelensky il ils Kremlin, ", mb / k),
        text_case("quote characters", "«»\"“”’'", 200_000 * 2 / k),
        text_case("quotes and spaces", "« » \" ’ ", 200_000 * 2 / k),
        text_case("très très très", "très très très ", 100_000 * 15 / k),
        text_case("digits, one line", "1234567890", mb / k),
        text_case("digits and spaces", "123 456 ", mb / k),
        text_case("près de près de", "près de ", mb / k),
        text_case("près d'une heure, repeated", "près d'une heure et demie ", mb / k),
        text_case("dates and weekdays", "mercredi 1er juillet 2025, jeudi 2/07, vendredi ", mb / k),
        text_case("call dates, a sentence each", "Macron a appelé Xi le 3 mars. ", mb / k),
        text_case("call dates, one line", "Macron a appelé Xi mercredi 1er juillet 2025 et ", mb / k),
        text_case("vetoed lengths, one line", "Macron et Xi ont discuté deux heures plus tard et ", mb / k),
        text_case("titled names, all one", "le président péruvien Tomás Quispe et ", mb / k),
        Case { name: "titled names, all different", make: Box::new(|n| one(titled_names(n))), full: mb / k },
        text_case("datelines", "PARIS, 1er juillet 2025 (AFP) – Macron a appelé Xi.\n", mb / k),
        text_case("short sentences", "Il a dit. ", mb / k),
        text_case("dots", ". ", mb / k),
        text_case("one long word", "a", mb / k),
    ];
    // Warm up: the rules are parsed once, on first use.
    let _ = analyze(&one("Une heure.".into()));
    println!("{:<28} {:>10} {:>11} {:>11} {:>11} {:>6} {:>6}", "input", "full size", "¼", "½", "full", "½/¼", "1/½");
    for c in cases.iter().filter(|c| only.is_empty() || only.iter().any(|o| c.name.contains(o.as_str()))) {
        let mut times = Vec::new();
        let mut facts = 0;
        for d in [4, 2, 1] {
            let arts = (c.make)(c.full / d);
            let (t, f) = best(&arts);
            times.push(t);
            facts = f;
        }
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{:<28} {:>10} {:>9.1}ms {:>9.1}ms {:>9.1}ms {:>6.2} {:>6.2}  ({} facts)",
            c.name,
            c.full,
            ms(times[0]),
            ms(times[1]),
            ms(times[2]),
            ms(times[1]) / ms(times[0]),
            ms(times[2]) / ms(times[1]),
            facts
        );
    }
    if quick || !only.is_empty() {
        return;
    }
    // The two headline numbers.
    let five = one(seed_text(5 * mb));
    let (t, f) = best(&five);
    println!("5 MB article (seed text repeated): {:.0} ms, {} facts", t.as_secs_f64() * 1e3, f);
    let thousand = many(1000);
    let bytes: usize = thousand.iter().map(|a| a.text.len()).sum();
    let (t, f) = best(&thousand);
    println!(
        "1,000 articles ({:.1} MB in all): {:.0} ms, {} facts",
        bytes as f64 / mb as f64,
        t.as_secs_f64() * 1e3,
        f
    );
}
