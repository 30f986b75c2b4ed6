//! Writes the embedded rules (`data/lang/fr/*.toml`, loaded and compiled as
//! the CLI does) in the binary form of `src/codec.rs`, for the wasm build's
//! `prebuilt-rules` feature; and, given a second path, the seed corpus as
//! the element fetches it without `src` (`pkg/seed.json`: its articles and
//! the document `factpanel --json` prints for them). `./build.sh` runs it
//! before building the module.
//!
//! ```text
//! cargo run --example prebuild -- RULES_FILE [SEED_JSON]
//! ```

use std::process::ExitCode;

/// Writes `bytes` to `path` unless it holds them already (so that cargo
/// does not rebuild the module).
fn write(path: &std::ffi::OsStr, bytes: &[u8]) -> Result<(), String> {
    if std::fs::read(path).ok().as_deref() == Some(bytes) {
        return Ok(());
    }
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", std::path::Path::new(path).display()))
}

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(rules) = args.next() else {
        eprintln!("usage: prebuild RULES_FILE [SEED_JSON]");
        return ExitCode::from(2);
    };
    let done = factpanel::prebuilt_rules().and_then(|blob| write(&rules, &blob)).and_then(|()| match args.next() {
        Some(seed) => write(&seed, factpanel::seed_json().as_bytes()),
        None => Ok(()),
    });
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prebuild: {e}");
            ExitCode::FAILURE
        }
    }
}
