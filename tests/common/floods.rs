//! Floods of near-duplicate and of merely similar articles, for the time
//! bounds of the copy detection (`src/copies.rs`): shared by
//! `tests/time_bounds.rs` and `bench/native/timebounds.rs` (`#[path]`).

use factpanel::Article;

/// `n` edited copies of one seed article (one group of copies): each has
/// its own first line and drops one of the other paragraphs.
pub fn dispatch_flood(n: usize) -> Vec<Article> {
    let (_, text) = factpanel::corpus::ARTICLES[4];
    let paras: Vec<&str> = text.split('\n').filter(|p| !p.trim().is_empty()).collect();
    (0..n)
        .map(|i| {
            let mut p = paras.clone();
            p.remove(1 + i % (p.len() - 1));
            Article::new(format!("copy{i}"), format!("Édition numéro {i}\n{}", p.join("\n")))
        })
        .collect()
}

/// `n` articles of 300 words drawn at random from the seed texts, no two
/// alike, each ending with the same 80-word footer (similar, not copies).
pub fn shared_footer(n: usize) -> Vec<Article> {
    let words: Vec<&str> = factpanel::corpus::ARTICLES.iter().flat_map(|(_, t)| t.split_whitespace()).collect();
    let footer = words[..80].join(" ");
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..n)
        .map(|i| {
            let body: Vec<&str> = (0..300)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    words[(x % words.len() as u64) as usize]
                })
                .collect();
            Article::new(format!("a{i}"), format!("{}\n{footer}", body.join(" ")))
        })
        .collect()
}
