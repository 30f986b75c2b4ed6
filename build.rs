//! Bakes the language packs for the wasm module.
//!
//! The module does not parse TOML: for a `wasm32` target this script
//! compiles the crate's own modules on the host, loads every pack of
//! `data/lang/` as the CLI does, and writes to `OUT_DIR`:
//! - `rules.bin`, the compiled packs in the binary form of `src/codec.rs`
//!   (embedded by the `prebuilt` cfg it sets: see `src/rules/mod.rs`); for
//!   the renderer-only module (without the `analyze` feature), only the
//!   sections it reads: languages, labels and date names;
//! - `seed.json` (with `analyze` only), the seed corpus and its document,
//!   which `./build.sh` copies to `www/pkg/` for the element to fetch when
//!   it has no `src`.
//!
//! A native build reads the packs' TOML at first use instead, so that the
//! CLI and the tests say which rule is wrong; `cargo test` checks that the
//! binary form decodes to the same rules.

// The modules are compiled here for the host, without the `prebuilt` cfg.
#![allow(dead_code, unused_imports, unused_macros, unexpected_cfgs)]

#[path = "src/case.rs"]
mod case;
#[path = "src/codec.rs"]
mod codec;
#[path = "src/collect.rs"]
mod collect;
#[path = "src/copies.rs"]
mod copies;
#[path = "src/corpus.rs"]
mod corpus;
#[path = "src/error.rs"]
mod error;
#[path = "src/extract/mod.rs"]
mod extract;
#[path = "src/format/mod.rs"]
mod format;
#[path = "src/model/mod.rs"]
mod model;
#[path = "src/panel/mod.rs"]
mod panel;
#[path = "src/pipeline.rs"]
mod pipeline;
#[path = "src/reconcile/mod.rs"]
mod reconcile;
#[path = "src/rules/mod.rs"]
mod rules;
#[path = "src/text/mod.rs"]
mod text;
#[path = "src/token.rs"]
mod token;

use collect::{join, push_new, sort_by, tally};
use error::Error;
use model::{Article, Document, MentionsDocument};
use pipeline::*;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(prebuilt)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src");
    println!("cargo::rerun-if-changed=data");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return;
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // The renderer-only module (`--no-default-features`) carries no rules.
    let analyze = std::env::var_os("CARGO_FEATURE_ANALYZE").is_some();
    let blob = prebuilt_rules(analyze).unwrap_or_else(|e| panic!("the language packs do not load: {e}"));
    std::fs::write(out.join("rules.bin"), blob).expect("OUT_DIR is writable");
    if analyze {
        std::fs::write(out.join("seed.json"), seed_json()).expect("OUT_DIR is writable");
    }
    println!("cargo::rustc-cfg=prebuilt");
}
