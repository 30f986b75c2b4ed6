//! A deterministic synthetic corpus for the benchmarks: articles built by
//! recombining the sentences and paragraphs of the five seed articles, with
//! varied numbers, names, weekdays and hedged call durations.
//!
//! Shared by `bench/native/pipeline.rs` and `bench/native/scale.rs` (`#[path]`
//! include), so every benchmark reads the same texts. The generator uses a
//! fixed-seed xorshift64*: the same `(n, seed)` always gives the same
//! articles, on every machine. No dependency beyond the crate itself.
#![allow(dead_code)]

use factpanel::Article;

/// The seed every benchmark uses.
pub const SEED: u64 = 0x5eed_fac7_9a7e_1c0d;

/// xorshift64* (Vigna), enough for shuffling words.
pub struct XorShift(u64);

impl XorShift {
    /// A generator; a zero seed is replaced (xorshift must not start at 0).
    pub fn new(seed: u64) -> XorShift {
        XorShift(if seed == 0 { 0x9e37_79b9_7f4a_7c15 } else { seed })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// True with probability `p` percent.
    pub fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Pairs of names swapped as a whole in an article (full name, short name).
const PEOPLE: &[(&str, &str)] = &[
    ("Vladimir Poutine", "Poutine"),
    ("Volodymyr Zelensky", "Zelensky"),
    ("Emmanuel Macron", "Macron"),
    ("Joe Biden", "Biden"),
    ("Pete Hegseth", "Hegseth"),
];

const WEEKDAYS: &[&str] = &["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

const HEDGES: &[&str] =
    &["", "", "", "près d'", "environ ", "plus d'", "moins d'", "un peu plus d'", "au moins ", "presque "];

/// Duration figures that take the elided hedge form ("près d'une heure").
const VOWEL_FIGURES: &[&str] =
    &["une heure", "une heure et demie", "une demi-heure", "une heure trente", "une heure et quart"];

/// Other figures ("près de 90 minutes").
const FIGURES: &[&str] = &[
    "90 minutes",
    "1h30",
    "deux heures",
    "quarante-cinq minutes",
    "quatre-vingt-dix minutes",
    "trois quarts d'heure",
    "une bonne heure",
    "une petite heure",
    "deux heures et quart",
];

const CALL_TEMPLATES: &[&str] = &[
    "Donald Trump a eu un échange téléphonique de {d} avec {p}.",
    "Le président américain a déclaré avoir passé {d} au téléphone avec {p}.",
    "Selon le Kremlin, l'appel entre Donald Trump et {p} a duré {d}.",
    "Donald Trump et {p} se sont entretenus pendant {d}, a indiqué la Maison Blanche.",
    "{P} a parlé avec Donald Trump pendant {d} {w}, selon un communiqué.",
];

/// A hedged duration phrase: "près d'une heure et demie", "environ 90 minutes".
fn duration(rng: &mut XorShift) -> String {
    let hedge = *rng.pick(HEDGES);
    let vowel = rng.percent(50);
    let figure = if rng.percent(20) {
        format!("{} minutes", 20 + rng.below(130))
    } else if vowel {
        rng.pick(VOWEL_FIGURES).to_string()
    } else {
        rng.pick(FIGURES).to_string()
    };
    let starts_with_vowel = figure.starts_with("une");
    match hedge {
        "" => figure,
        h if h.ends_with('\'') && !starts_with_vowel => format!("{}e {figure}", &h[..h.len() - 1]),
        h => format!("{h}{figure}"),
    }
}

/// The sentences and paragraphs of the seeds.
struct Pool {
    titles: Vec<String>,
    paragraphs: Vec<String>,
    sentences: Vec<String>,
}

fn pool() -> Pool {
    let mut titles = Vec::new();
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    for (_, text) in factpanel::corpus::ARTICLES {
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if let Some(first) = lines.first() {
            titles.push(first.to_string());
        }
        for line in lines.iter().skip(1) {
            paragraphs.push(line.to_string());
            sentences.extend(split_sentences(line));
        }
    }
    Pool { titles, paragraphs, sentences }
}

/// Naive sentence split (". " before a capital): good enough to recombine.
fn split_sentences(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = line.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'?' | b'!')
            && b.get(i + 1) == Some(&b' ')
            && line[i + 2..].chars().next().is_some_and(char::is_uppercase)
        {
            out.push(line[start..=i].trim().to_string());
            start = i + 2;
        }
    }
    let rest = line[start..].trim();
    if rest.len() > 20 {
        out.push(rest.to_string());
    }
    out.retain(|s| s.len() > 20);
    out
}

/// Applies the article's variations: swapped names, other weekdays, other
/// figures.
fn vary(text: &str, swap: Option<(usize, usize)>, weekday: &str, rng: &mut XorShift) -> String {
    let mut s = text.to_string();
    if let Some((a, b)) = swap {
        let (fa, sa) = PEOPLE[a];
        let (fb, sb) = PEOPLE[b];
        s = s.replace(fa, "\u{1}").replace(fb, fa).replace('\u{1}', fb);
        s = s.replace(sa, "\u{1}").replace(sb, sa).replace('\u{1}', sb);
    }
    if s.contains("mercredi") {
        s = s.replace("mercredi", weekday);
    }
    // Numbers: each run of digits may become another of the same length.
    let mut out = String::with_capacity(s.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String, rng: &mut XorShift| {
        if !digits.is_empty() {
            if rng.percent(30) {
                let first = 1 + rng.below(9);
                out.push(char::from(b'0' + first as u8));
                for _ in 1..digits.len() {
                    out.push(char::from(b'0' + rng.below(10) as u8));
                }
            } else {
                out.push_str(digits);
            }
            digits.clear();
        }
    };
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out, rng);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out, rng);
    out
}

fn call_sentence(rng: &mut XorShift, partner: usize) -> String {
    let (full, short) = PEOPLE[partner];
    let p = if rng.percent(50) { full } else { short };
    let template = *rng.pick(CALL_TEMPLATES);
    let d = duration(rng);
    let w = *rng.pick(WEEKDAYS);
    template.replace("{d}", &d).replace("{p}", p).replace("{P}", full).replace("{w}", w)
}

/// `n` synthetic articles, ids `synth-000000`…; the same for the same
/// `(n, seed)`. Article `k` of a corpus does not depend on `n`.
pub fn articles(n: usize, seed: u64) -> Vec<Article> {
    let pool = pool();
    (0..n)
        .map(|k| {
            let mut rng = XorShift::new(seed ^ (k as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            for _ in 0..4 {
                rng.next_u64();
            }
            let swap = rng.percent(30).then(|| (0, 1 + rng.below(PEOPLE.len() - 1)));
            let weekday = *rng.pick(WEEKDAYS);
            let title = rng.pick(&pool.titles).clone();
            let mut text = vary(&title, swap, weekday, &mut rng);
            text.push('\n');
            let paragraphs = 4 + rng.below(8);
            let call_at = rng.below(paragraphs);
            for p in 0..paragraphs {
                let mut para = if rng.percent(40) {
                    rng.pick(&pool.paragraphs).to_string()
                } else {
                    let k = 1 + rng.below(4);
                    (0..k).map(|_| rng.pick(&pool.sentences).to_string()).collect::<Vec<_>>().join(" ")
                };
                if p == call_at {
                    let partner = if rng.percent(80) { 0 } else { rng.below(PEOPLE.len()) };
                    para = format!("{} {para}", call_sentence(&mut rng, partner));
                }
                text.push_str(&vary(&para, swap, weekday, &mut rng));
                text.push('\n');
            }
            if rng.percent(10) {
                text.push_str("Publicité\nLaisser un commentaire\n");
            }
            Article { lang: Some("fr".into()), ..Article::new(format!("synth-{k:06}"), text) }
        })
        .collect()
}

/// The seed corpus, as the CLI reads it.
pub fn seeds() -> Vec<Article> {
    factpanel::corpus::articles()
}

/// Total bytes of article text.
pub fn bytes(articles: &[Article]) -> usize {
    articles.iter().map(|a| a.text.len()).sum()
}
