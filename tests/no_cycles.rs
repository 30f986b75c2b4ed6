//! The layout shows the pipeline: no module of `src/` imports a module that
//! imports it back (directly or through others), and no file of `src/` is
//! over 800 lines. Modules are counted two levels deep (`extract::sentence`,
//! `rules`, `panel`); a file's `crate::…` paths outside its unit tests and
//! comments are its imports.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// `src/extract/duration/scanner.rs` → `extract::duration`.
fn module_of(rel: &str) -> String {
    let path = rel.trim_end_matches(".rs").trim_end_matches("/mod");
    path.split('/').take(2).collect::<Vec<_>>().join("::")
}

/// The code of a file without comments and without its inline unit tests.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or("");
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// The paths a file names after `crate::`, with a group `crate::{a, b::c}`
/// read as each of its members.
fn crate_paths(code: &str) -> Vec<String> {
    let path_of = |s: &str| -> String {
        s.trim_start().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':').collect()
    };
    let mut paths = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            paths.push(path_of(rest));
            continue;
        };
        // The members at depth 0 of the group.
        let (mut depth, mut start) = (0, 0);
        for (j, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    paths.push(path_of(&group[start..j]));
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    paths.push(path_of(&group[start..j]));
                    start = j + 1;
                }
                _ => {}
            }
        }
    }
    paths
}

#[test]
fn a_group_import_names_each_member() {
    assert_eq!(crate_paths("use crate::{codec, model::{self, A}, rules};"), ["codec", "model::", "rules"]);
    assert_eq!(crate_paths("crate::text::utf16::len(x)"), ["text::utf16::len"]);
}

fn graph() -> (BTreeMap<String, BTreeSet<String>>, Vec<(String, usize)>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let paths = common::rust_files(&src);
    let rels: Vec<String> =
        paths.iter().map(|p| p.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/")).collect();
    let known: BTreeSet<String> = rels.iter().map(|r| module_of(r)).collect();
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut long = Vec::new();
    for (p, rel) in paths.iter().zip(&rels) {
        let text = std::fs::read_to_string(p).unwrap();
        let lines = text.lines().count();
        if lines > 800 {
            long.push((rel.clone(), lines));
        }
        if rel.starts_with("bin/") || rel.ends_with("tests.rs") {
            continue;
        }
        let from = module_of(rel);
        let code = code(&text);
        for path in crate_paths(&code) {
            let parts: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            // The longest known module the path names.
            let to = [2, 1]
                .iter()
                .map(|&n| parts.iter().take(n).copied().collect::<Vec<_>>().join("::"))
                .find(|m| known.contains(m));
            if let Some(to) = to.filter(|t| *t != from && !from.starts_with(&format!("{t}::"))) {
                g.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    (g, long)
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let (g, _) = graph();
    assert!(g.get("extract").is_some_and(|d| d.contains("rules")), "the graph is read: {g:?}");
    // A module's dependencies, transitively.
    let reach = |start: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start.to_string()];
        while let Some(m) = stack.pop() {
            for d in g.get(&m).into_iter().flatten() {
                if seen.insert(d.clone()) {
                    stack.push(d.clone());
                }
            }
        }
        seen
    };
    let cycles: Vec<String> = g.keys().filter(|m| reach(m).contains(*m)).cloned().collect();
    assert!(cycles.is_empty(), "modules in an import cycle: {cycles:?}\n{g:#?}");
}

#[test]
fn no_file_of_src_is_over_800_lines() {
    let (_, long) = graph();
    assert!(long.is_empty(), "{long:?}");
}
