//! Scaling probe for `./build.sh bench`: builds the synthetic corpus of N
//! articles (`bench/native/synth.rs`), runs the whole pipeline on it, and prints
//! one JSON line: bytes, median time, MB/s, peak heap and stage times.
//!
//! ```text
//! cargo run --release --example scale -- N [--reps R]   # N = 0: the seeds
//! cargo run --release --example scale -- N --dump FILE  # write the corpus as JSON
//! ```
//!
//! Peak heap comes from a counting global allocator (bytes live at the
//! high-water mark, the corpus itself included, measured from the start of
//! `analyze`); run it under `/usr/bin/time -v` for the process's peak RSS.

#[cfg(not(target_family = "wasm"))]
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

#[path = "synth.rs"]
mod synth;

/// Counts live bytes. Native only: the wasm module brings its own allocator
/// (src/wasm.rs), and `cargo test --target wasm32-unknown-unknown` builds
/// this example too.
#[cfg(not(target_family = "wasm"))]
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting bytes.
#[cfg(not(target_family = "wasm"))]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = System.alloc(l);
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        System.dealloc(p, l);
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = System.realloc(p, l, new);
        if !q.is_null() {
            if new > l.size() {
                let now = LIVE.fetch_add(new - l.size(), Relaxed) + new - l.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(l.size() - new, Relaxed);
            }
        }
        q
    }
}

#[cfg(not(target_family = "wasm"))]
#[global_allocator]
static A: Counting = Counting;

fn corpus(n: usize) -> Vec<factpanel::Article> {
    if n == 0 {
        synth::seeds()
    } else {
        synth::articles(n, synth::SEED)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or_else(|| {
        eprintln!("usage: scale N [--reps R] [--dump FILE]   (N = 0: the seed corpus)");
        std::process::exit(2)
    });
    let opt = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let articles = corpus(n);
    if let Some(path) = opt("--dump") {
        let json = serde_json::to_string(&articles).expect("articles serialize");
        std::fs::write(&path, json).unwrap_or_else(|e| panic!("writing {path}: {e}"));
        eprintln!("wrote {} articles, {} bytes of text, to {path}", articles.len(), synth::bytes(&articles));
        return;
    }
    let reps: usize = opt("--reps").and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let bytes = synth::bytes(&articles);
    let corpus_heap = LIVE.load(Relaxed);

    // Warm-up (parses the embedded rules once), then the peak of one run.
    let _ = factpanel::analyze(&articles[..1]).expect("valid");
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let base = LIVE.load(Relaxed);
    let doc = factpanel::analyze(&articles).expect("valid corpus");
    let peak_heap = PEAK.load(Relaxed) - base;
    let facts = doc.facts.len();
    let claims: usize = doc.facts.iter().map(|f| f.claims.len()).sum();
    drop(doc);

    let mut times = Vec::new();
    let mut extract_times = Vec::new();
    for _ in 0..reps {
        let t = Instant::now();
        let ex = factpanel::extract::extract_all(&articles);
        let te = t.elapsed().as_secs_f64();
        let doc = factpanel::reconcile::document(&ex);
        let total = t.elapsed().as_secs_f64();
        std::hint::black_box(&doc);
        times.push(total);
        extract_times.push(te);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let t = median(&mut times);
    let te = median(&mut extract_times);
    println!(
        "{{\"n\":{},\"articles\":{},\"bytes\":{},\"reps\":{},\"median_s\":{:.6},\"mb_s\":{:.3},\"extract_s\":{:.6},\"reconcile_s\":{:.6},\"peak_heap\":{},\"corpus_heap\":{},\"facts\":{},\"claims\":{}}}",
        n,
        articles.len(),
        bytes,
        reps,
        t,
        bytes as f64 / 1e6 / t,
        te,
        (t - te).max(0.0),
        peak_heap,
        corpus_heap,
        facts,
        claims
    );
}
