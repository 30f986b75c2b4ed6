#![cfg(not(target_arch = "wasm32"))]
//! Growth bounds of `analyze`: the time for 4× the input must stay well
//! under 16× (quadratic) the time for 1×.
//!
//! Absolute times depend on the build (debug is ~20× slower than release)
//! and on the machine, so the tests bound a *ratio* measured in the same
//! process: each size is timed as the best of several runs (the least
//! disturbed one), the two sizes interleaved, the timed runs never overlap
//! (one lock), and the bound is generous: linear work gives a ratio near 4,
//! quadratic near 16, and the bound is 9. A ratio over the bound is
//! measured again, up to three times, before the test fails: load on a
//! shared machine comes and goes, a super-linear stage does not. The inputs are large enough (tens of milliseconds in a
//! debug build) that timer resolution does not matter. The absolute
//! numbers, in release, are in docs/robustness.md
//! (`cargo run --release --example timebounds`).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use factpanel::copies;
use factpanel::{analyze, Article};

static TIMING: Mutex<()> = Mutex::new(());

const RUNS: usize = 5;
const ATTEMPTS: usize = 3;
const MAX_RATIO: f64 = 9.0;

fn repeat(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len() + 1);
    let mut n = bytes;
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    s.truncate(n);
    s
}

fn seed_text(bytes: usize) -> String {
    let all: String = factpanel::corpus::ARTICLES.iter().map(|(_, t)| format!("{t}\n")).collect();
    repeat(&all, bytes)
}

fn run(articles: &[Article]) -> Duration {
    let t = Instant::now();
    let doc = analyze(articles).expect("valid input");
    let e = t.elapsed();
    std::hint::black_box(doc);
    e
}

/// Best of `RUNS` timings of each input, the two interleaved so that a
/// stretch of load on the machine falls on both.
fn best_pair(small: &[Article], large: &[Article], run: &impl Fn(&[Article]) -> Duration) -> (Duration, Duration) {
    let (mut s, mut l) = (Duration::MAX, Duration::MAX);
    for _ in 0..RUNS {
        s = s.min(run(small));
        l = l.min(run(large));
    }
    (s, l)
}

/// Times `make(n)` and `make(4n)`; fails when the ratio reaches `MAX_RATIO`
/// in `ATTEMPTS` measurements running (a super-linear input exceeds it
/// every time; a burst of load on a shared machine does not last).
fn check_growth(name: &str, n: usize, make: impl Fn(usize) -> Vec<Article>) {
    check_growth_of(name, n, make, run)
}

/// [`check_growth`] of another stage than `analyze`: `run` times it.
fn check_growth_of(name: &str, n: usize, make: impl Fn(usize) -> Vec<Article>, run: impl Fn(&[Article]) -> Duration) {
    let _guard = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    let _ = analyze(&[Article::new("warm", "Une heure.")]);
    let small = make(n);
    let large = make(4 * n);
    let mut ratios = Vec::new();
    for _ in 0..ATTEMPTS {
        let (t1, t4) = best_pair(&small, &large, &run);
        let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-6);
        eprintln!("{name}: {n} → {t1:?}, {} → {t4:?}, ratio {ratio:.2}", 4 * n);
        if ratio < MAX_RATIO {
            return;
        }
        ratios.push(format!("{ratio:.1}"));
    }
    panic!("{name}: 4× the input took {}× the time: super-linear", ratios.join("×, "));
}

fn one(text: String) -> Vec<Article> {
    vec![Article::new("x", text)]
}

#[test]
fn seed_text_grows_linearly() {
    check_growth("seed text", 24 << 10, |n| one(seed_text(n)));
}

#[test]
fn article_count_grows_linearly() {
    check_growth("articles", 10, |n| {
        (0..n)
            .map(|i| {
                let (id, t) = factpanel::corpus::ARTICLES[i % factpanel::corpus::ARTICLES.len()];
                Article::new(format!("{id}_{i}"), t)
            })
            .collect()
    });
}

#[test]
fn words_without_sentence_breaks_grow_linearly() {
    check_growth("words, no sentence break", 32 << 10, |n| {
        one(repeat("le chat de la voisine mange une souris grise et ", n))
    });
}

#[test]
fn quote_characters_grow_linearly() {
    check_growth("quote characters", 64 << 10, |n| one(repeat("«»\"“”’' « » \" ’ ", n)));
    // One quotation of many sentences: each full stop parts a clause.
    check_growth("full stops in one quotation", 64 << 10, |n| {
        one(format!("« {} »", repeat("L'appel avec le président Kaba a duré une heure. Le président parle. ", n)))
    });
}

#[test]
fn repeated_intensifiers_grow_linearly() {
    check_growth("très très très", 64 << 10, |n| one(repeat("très très très ", n)));
}

#[test]
fn digits_grow_linearly() {
    check_growth("digits, one line", 64 << 10, |n| one(repeat("1234567890", n)));
    check_growth("digits and spaces", 64 << 10, |n| one(repeat("123 456 ", n)));
}

#[test]
fn repeated_hedges_grow_linearly() {
    check_growth("près de près de", 64 << 10, |n| one(repeat("près de ", n)));
}

#[test]
fn short_sentences_grow_linearly() {
    check_growth("short sentences", 32 << 10, |n| one(repeat("Il a dit. ", n)));
}

// Inputs that were super-linear (docs/robustness.md, "Pathological
// inputs"): one sentence holding many names or durations. Fixed by indexed
// lookups per sentence and a cap on sentence length.

#[test]
fn names_without_sentence_breaks_grow_linearly() {
    check_growth("names, no verbs", 16 << 10, |n| one(repeat("Trump Poutine Zelensky il ils Kremlin, ", n)));
}

#[test]
fn call_sentence_without_breaks_grows_linearly() {
    check_growth("no sentence break", 32 << 10, |n| {
        one(repeat("Donald Trump a parlé avec Vladimir Poutine pendant une heure et ", n))
    });
}

#[test]
fn durations_without_sentence_breaks_grow_linearly() {
    check_growth("près d'une heure, repeated", 64 << 10, |n| one(repeat("près d'une heure et demie ", n)));
}

// Dates and the vetoes on call lengths: a flood of dates with weekdays
// (each checked against its date, each weekday before a day folded into
// it), call cues each with a date, lengths each held back by a veto,
// datelines.

#[test]
fn dates_and_weekdays_grow_linearly() {
    check_growth("dates and weekdays", 64 << 10, |n| {
        one(repeat("mercredi 1er juillet 2025, jeudi 2/07, vendredi ", n))
    });
    check_growth("call dates, one line", 32 << 10, |n| {
        one(repeat("Macron a appelé Xi mercredi 1er juillet 2025 et ", n))
    });
    // Each date after another event's noun, in a call sentence by phone
    // (each looks back a few tokens, and the sentence for a phone word).
    check_growth("dates of other events, one line", 32 << 10, |n| {
        one(repeat("Macron a parlé au téléphone avec Xi après sa rencontre du 3 mars et ", n))
    });
    // A call date in every sentence: the article's call day is chosen among
    // them (it was quadratic in their number).
    check_growth("call dates, a sentence each", 64 << 10, |n| one(repeat("Macron a appelé Xi le 3 mars. ", n)));
    // Days in brackets after weekdays, and many articles each with a date
    // of a month that rivals the others for the event's day.
    check_growth("days in brackets", 64 << 10, |n| {
        one(repeat("Macron a appelé Xi ce samedi (2) et dimanche (3). ", n))
    });
    check_growth("rival dates of a month, many articles", 64, |n| {
        (0..n)
            .map(|i| {
                let text = format!("Macron a appelé Xi samedi {} octobre.", 1 + i % 28);
                Article::new(format!("a{i}"), text)
            })
            .collect()
    });
}

#[test]
fn vetoed_lengths_grow_linearly() {
    check_growth("vetoed lengths, one line", 32 << 10, |n| {
        one(repeat("Macron et Xi ont discuté deux heures plus tard et ", n))
    });
}

#[test]
fn vetoed_calls_and_releases_grow_linearly() {
    // Two weekdays per call cue: the one nearest a cue is looked for.
    check_growth("bare weekdays, one line", 32 << 10, |n| {
        one(repeat("après l'annonce de lundi, Macron a eu un entretien téléphonique samedi avec Xi et ", n))
    });
    // A denial before every call.
    check_growth("denied calls, one line", 32 << 10, |n| {
        one(repeat("Paris a démenti un entretien téléphonique de deux heures entre Macron et Xi et ", n))
    });
    // A relative clause after every pair.
    check_growth("relative clauses, one line", 32 << 10, |n| {
        one(repeat("Macron et Xi, qui se sont parlé deux heures après que Trump a appelé Poutine, ", n))
    });
    // A release by a titled agent, a wish and a negotiated exchange.
    check_growth("releases, one line", 32 << 10, |n| {
        one(repeat(
            "a statement released by presidential spokeswoman Ines Carvalho, Quist wants Minsk to release Ivo Lenk, negotiations on prisoner exchanges, ",
            n,
        ))
    });
}

#[test]
fn datelines_grow_linearly() {
    check_growth("datelines", 32 << 10, |n| one(repeat("PARIS, 1er juillet 2025 (AFP) – Macron a appelé Xi.\n", n)));
}

// People found by title (`extract::people`): a flood of titled names, all
// different or all one, in one sentence or across many articles.

/// A different capitalised name for each `k`: "Quispe Bac".
fn person(mut k: usize) -> String {
    let mut w = String::from("B");
    loop {
        w.push(char::from(b'a' + (k % 26) as u8));
        k /= 26;
        if k == 0 {
            return format!("Quispe {w}");
        }
    }
}

/// `bytes` of `unit(k)` for k = 0, 1, 2…: a new name each time.
fn titled_names(bytes: usize, unit: impl Fn(usize) -> String) -> String {
    let mut s = String::new();
    let mut k = 0;
    while s.len() < bytes {
        s.push_str(&unit(k));
        k += 1;
    }
    s
}

#[test]
fn titled_names_grow_linearly() {
    check_growth("titled names, all different", 16 << 10, |n| {
        one(titled_names(n, |k| format!("le président péruvien {} et ", person(k))))
    });
    check_growth("titled names, all one", 16 << 10, |n| one(repeat("le président péruvien Tomás Quispe et ", n)));
    // Found leaders of a country a listed leader's roles name, and the
    // counterpart phrase they may not take; titles in capitals.
    check_growth("French leaders found beside a listed one", 16 << 10, |n| {
        one(titled_names(n, |k| format!("la Première ministre française {} et son homologue français ", person(k))))
    });
    check_growth("titles in capitals", 32 << 10, |n| one(repeat("LE PRÉSIDENT QUISPE A REÇU, HIER, UN APPEL. ", n)));
    // Offices apposed to other names, each a new one, then the office
    // alone; urged speakers, places as subjects, photo captions.
    check_growth("offices apposed to other names", 16 << 10, |n| {
        one(titled_names(n, |k| {
            format!("le président américain, {}, a parlé ; le président américain a dit. ", person(k))
        }))
    });
    check_growth("offices apposed, many articles", 64, |n| {
        (0..n)
            .map(|i| {
                let text = format!("Le président américain, {}, a appelé mercredi Donald Trump. Le président américain a parlé une heure.", person(i));
                Article::new(format!("a{i}"), text)
            })
            .collect()
    });
    check_growth("hyphenated names, and pairs with titles between", 16 << 10, |n| {
        one(titled_names(n, |k| {
            format!(
                "le président gabonais Jean-{} et son homologue Ana-{} ont parlé. ",
                person(2 * k),
                person(2 * k + 1)
            )
        }))
    });
    // Names that differ in their vowels, each pair a new person, and many
    // persons who share a transliterated given name.
    check_growth("names written with other vowels", 16 << 10, |n| {
        one(titled_names(n, |k| {
            format!("le président péruvien Mohammad {} et son homologue Muhammed {} ", person(k), person(k))
        }))
    });
    // One person written with ever other vowels ("Bakarabo", "Bakiraba"…).
    check_growth("one name, ever other vowels", 16 << 10, |n| {
        one(titled_names(n, |k| {
            let vowels: String = (0..12).map(|b| if k >> b & 1 == 1 { "ka" } else { "ko" }).collect();
            format!("le président péruvien Tomás B{vowels} et ")
        }))
    });
    check_growth("urges, places as subjects and captions", 32 << 10, |n| {
        one(repeat("Pékin a exhorté Poutine à accepter un cessez-le-feu, proche de la Russie. Photo: AFP\n", n))
    });
    check_growth("titled names, many articles", 64, |n| {
        (0..n)
            .map(|i| {
                let text = format!(
                    "Le président péruvien {} s'est entretenu mardi avec la Première ministre islandaise {} pendant une heure.",
                    person(i),
                    person(i + n)
                );
                Article::new(format!("a{i}"), text)
            })
            .collect()
    });
}

// English (the second pack): its grammar and recognisers under floods —
// durations with "and a half", titles with the country first, possessive
// clitics, month-first dates, byline date lines, postposed speakers — and
// many articles in both languages, each told apart by its words.

#[test]
fn english_floods_grow_linearly() {
    let en = |text: String| vec![Article { lang: Some("en".into()), ..Article::new("x", text) }];
    check_growth("English lengths, one line", 32 << 10, |n| {
        en(repeat("Trump and Putin spoke for nearly one and a half hours and ", n))
    });
    check_growth("English titled names", 16 << 10, |n| {
        en(titled_names(n, |k| {
            format!("Peruvian President {} and Peru's President {} and ", person(2 * k), person(2 * k + 1))
        }))
    });
    check_growth("English tag lines", 16 << 10, |n| {
        en(titled_names(n, |k| format!("Tags: Trade Prime Minister {} Ukraine Russia India ", person(k))))
    });
    check_growth("English earlier calls and active releases", 32 << 10, |n| {
        en(repeat(
            "Meloni and Merz, who last spoke on March 4, talked on Tuesday; the office released a statement. ",
            n,
        ))
    });
    check_growth("English clitics", 32 << 10, |n| en(repeat("Russia's leader didn't say it's Putin's call, ", n)));
    // Days a call was told, before and after their speech verbs, beside
    // the day it was held.
    check_growth("English days of telling", 32 << 10, |n| {
        en(repeat(
            "Meloni said on Friday that she and Merz had talked by phone; on Friday Merz said he had spoken with \
             Meloni, who spoke with him late on Thursday. ",
            n,
        ))
    });
    check_growth("English dates", 32 << 10, |n| en(repeat("Wednesday, February 12th, 2025, and Feb. 13 ", n)));
    check_growth("English date lines", 32 << 10, |n| en(repeat("Posted Tue 14 Jan 2025 at 6:48pm\n", n)));
    check_growth("English postposed speakers", 32 << 10, |n| {
        en(repeat("\"The call was good,\" the Kremlin said in a statement. ", n))
    });
    check_growth("English speakers before a comma and a quote", 32 << 10, |n| {
        en(repeat("Foreign Secretary Ivo Marinov said, \"It went well.\" ", n))
    });
    check_growth("English titled speakers after the words", 32 << 10, |n| {
        en(titled_names(n, |k| format!("\"It went well,\" Bulgarian presidential aide {} said. ", person(k))))
    });
    check_growth("English pairs named by office, and the call's tone", 32 << 10, |n| {
        en(repeat(
            "President Rumen Kostov spoke with President Ilir Dervishi in a cordial tone. The two presidents agreed to meet. ",
            n,
        ))
    });
    check_growth("English meeting plans of delegations, and calls with one leader named", 32 << 10, |n| {
        en(repeat(
            "President Rumen Kostov spoke with President Ilir Dervishi after calling President Ana Ruiz. Their trade officials and negotiators will meet in Vienna. The call with President Ruiz lasted an hour on Tuesday, March 4. ",
            n,
        ))
    });
    // Meetings held and meetings the call was about; a relative day with
    // its date beside it; a third person between the call and its date.
    check_growth("English meetings held, days beside today, third persons", 32 << 10, |n| {
        let mut a = Article {
            lang: Some("en".into()),
            ..Article::new(
                "x",
                repeat(
                    "President Rumen Kostov spoke with President Ilir Dervishi today, Thursday. Kostov shared the outcomes of his recent meeting in Moscow with special envoy Ana Ruiz on Wednesday, and the meeting he had in Vienna. ",
                    n,
                ),
            )
        };
        a.published = Some("2026-08-07".into());
        vec![a]
    });
    check_growth("one call sentence naming many people before its date", 32 << 10, |n| {
        en(titled_names(n, |k| format!("President Rumen Kostov spoke with special envoy {} and ", person(k)))
            + " on Wednesday.")
    });
    check_growth("an address of many dated segments", 32 << 10, |n| {
        let mut a = Article::new("x", repeat("Meloni et Merz se sont parlé le 4 mars. ", n));
        a.url = Some(format!("https://example.org/{}", repeat("2025/13/", n)));
        vec![a]
    });
    // Detection reads a bounded prefix: a long article costs one pass.
    check_growth("undetected language, long text", 64 << 10, |n| one(repeat("the le of de and et ", n)));
    check_growth("mixed French and English articles", 20, |n| {
        (0..n)
            .map(|i| {
                let text = if i % 2 == 0 {
                    format!("Trump and Putin spoke for about an hour and a half on Wednesday, the Kremlin said. Edition {i}.")
                } else {
                    format!("Trump et Poutine se sont parlé environ une heure et demie mercredi, selon le Kremlin. Édition {i}.")
                };
                Article::new(format!("a{i}"), text)
            })
            .collect()
    });
}

// Near-duplicates (src/copies.rs): a flood of copies of one
// dispatch, and many distinct articles that share a footer, timed through
// `analyze` and through the copy detection alone (whose share of
// `analyze` is too small for a super-linear stage to show there).

#[path = "common/floods.rs"]
mod floods;
use floods::{dispatch_flood, shared_footer};

/// The copy detection alone, on the words the extraction would give.
fn copies_only(articles: &[Article]) -> Duration {
    let words: Vec<Vec<u32>> = articles.iter().map(|a| copies::words(&a.text)).collect();
    let refs: Vec<&[u32]> = words.iter().map(Vec::as_slice).collect();
    let t = Instant::now();
    let groups = copies::copy_of(&refs);
    let e = t.elapsed();
    std::hint::black_box(groups);
    e
}

fn groups(articles: &[Article]) -> Vec<Option<usize>> {
    let words: Vec<Vec<u32>> = articles.iter().map(|a| copies::words(&a.text)).collect();
    copies::copy_of(&words.iter().map(Vec::as_slice).collect::<Vec<_>>())
}

#[test]
fn a_flood_of_copies_grows_linearly() {
    let g = groups(&dispatch_flood(40));
    assert!(g[1..].iter().all(|g| *g == Some(0)), "the flood is one group: {g:?}");
    check_growth("copies of one dispatch", 10, dispatch_flood);
    check_growth_of("copies of one dispatch, detection only", 100, dispatch_flood, copies_only);
}

#[test]
fn distinct_articles_with_one_footer_grow_linearly() {
    assert!(groups(&shared_footer(40)).iter().all(Option::is_none), "no copies");
    check_growth("distinct articles, one footer", 25, shared_footer);
    check_growth_of("distinct articles, one footer, detection only", 250, shared_footer, copies_only);
}

// Sources a day off the event's (`event_membership`'s next-day rule): each
// is held against one length of the event's day, not against the others.
#[test]
fn sources_a_day_off_grow_linearly() {
    check_growth("sources a day off", 150, |n| {
        (0..n)
            .map(|i| {
                let (day, len) = if i % 2 == 0 { ("Tuesday", 25) } else { ("Wednesday", 25 + i % 7) };
                Article::new(
                    format!("s{i}"),
                    format!("Giorgia Meloni and Friedrich Merz held a {len}-minute phone call on {day}, Rome said."),
                )
            })
            .collect()
    });
}
