//! The embedded corpus: the five seed articles, compiled into the binary
//! (and the wasm) with `include_str!`. Each keeps its file name without the
//! extension as its source id.

use crate::model::Article;

/// `(source id, text)` of every embedded article, in file-name order.
pub const ARTICLES: &[(&str, &str)] = &[
    ("000_a36b81443388f293", include_str!("../data/articles/000_a36b81443388f293.txt")),
    ("001_8203fcc26b8d55c1", include_str!("../data/articles/001_8203fcc26b8d55c1.txt")),
    ("002_6dac9232fcc345fe", include_str!("../data/articles/002_6dac9232fcc345fe.txt")),
    ("003_4c2571a8f38eeca3", include_str!("../data/articles/003_4c2571a8f38eeca3.txt")),
    ("004_178b0b382189b7ab", include_str!("../data/articles/004_178b0b382189b7ab.txt")),
];

/// The embedded articles, as the CLI reads `.txt` files: no title given, so
/// the first non-empty line serves as the title; language French.
pub fn articles() -> Vec<Article> {
    ARTICLES.iter().map(|(id, text)| Article { lang: Some("fr".into()), ..Article::new(*id, *text) }).collect()
}
