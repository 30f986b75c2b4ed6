//! Native throughput of the whole pipeline (clean → extract → reconcile:
//! `factpanel::analyze`), in bytes of article text per second, on the seed
//! corpus and on synthetic corpora of 10, 100, 1,000 and 10,000 articles
//! (`bench/native/synth.rs`, fixed seed).
//!
//! ```text
//! cargo bench --bench pipeline                     # every size
//! cargo bench --bench pipeline -- 'pipeline/seeds' # one
//! FACTPANEL_BENCH_MAX=1000 cargo bench --bench pipeline   # skip the larger sizes
//! ```
//!
//! `./build.sh bench` (bench/run.sh) runs it and reads the medians from
//! criterion's `estimates.json`. Peak memory per size is measured by
//! `bench/native/scale.rs` under `/usr/bin/time -v`.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput};
use std::time::Duration;

mod synth;

/// The synthetic sizes.
const SIZES: &[usize] = &[10, 100, 1_000, 10_000];

fn pipeline(c: &mut Criterion) {
    let max: usize = std::env::var("FACTPANEL_BENCH_MAX").ok().and_then(|v| v.parse().ok()).unwrap_or(usize::MAX);
    let mut g = c.benchmark_group("pipeline");
    g.sampling_mode(SamplingMode::Flat);

    let seeds = synth::seeds();
    g.throughput(Throughput::Bytes(synth::bytes(&seeds) as u64));
    g.sample_size(50).measurement_time(Duration::from_secs(5));
    g.bench_function("seeds", |b| b.iter(|| factpanel::analyze(black_box(&seeds)).expect("valid")));

    for &n in SIZES.iter().filter(|&&n| n <= max) {
        let articles = synth::articles(n, synth::SEED);
        let bytes = synth::bytes(&articles);
        g.throughput(Throughput::Bytes(bytes as u64));
        // Fewer samples for the large corpora: each iteration is long.
        let (samples, secs) = match n {
            0..=100 => (30, 5),
            101..=1_000 => (10, 10),
            _ => (10, 30),
        };
        g.sample_size(samples).measurement_time(Duration::from_secs(secs));
        g.bench_with_input(BenchmarkId::new("synth", n), &articles, |b, a| {
            b.iter(|| factpanel::analyze(black_box(a)).expect("valid"))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1));
    targets = pipeline
}
criterion_main!(benches);
