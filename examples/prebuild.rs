//! Writes the embedded rules (`data/rules/*.toml`, loaded and compiled as
//! the CLI does) and the embedded corpus's document (analysed with them, as
//! `factpanel --json` prints it) in the binary form of `src/codec.rs`, for
//! the wasm build's `prebuilt-rules` feature. `./build.sh` runs it before
//! building the module.
//!
//! ```text
//! cargo run --example prebuild -- FILE
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: prebuild FILE");
        return ExitCode::from(2);
    };
    let blob = match factpanel::prebuilt_rules() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("prebuild: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Rewrite only on change, so that cargo does not rebuild the module.
    if std::fs::read(&path).ok().as_deref() == Some(&blob[..]) {
        return ExitCode::SUCCESS;
    }
    if let Err(e) = std::fs::write(&path, &blob) {
        eprintln!("prebuild: {}: {e}", std::path::Path::new(&path).display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
