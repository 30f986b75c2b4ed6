#!/usr/bin/env bash
# factpanel — build, serve and test.
#
#   ./build.sh          release wasm + JS glue into www/pkg/, the npm package
#                       into target/npm/factpanel/, prints the sizes
#   ./build.sh serve    build, then serve www/ on http://127.0.0.1:8080/
#   ./build.sh test     install what is missing, then run every test suite
#   ./build.sh fuzz [s] run each fuzz target for s seconds (default 60), print exec counts
#   ./build.sh bench    run every benchmark (native, wasm in Chromium, size, peer), print the table
#   ./build.sh help     this text
#
# Each subcommand is a `cmd_*` function dispatched by the `case` at the end;
# add new subcommands (bench, fuzz, …) the same way.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

WASM_TARGET=wasm32-unknown-unknown
TARGET_DIR="$(realpath -m "${CARGO_TARGET_DIR:-$ROOT/target}")"
PKG_DIR=www/pkg
# The npm package (make_package): the element, its worker, the glue, the
# wasm and the types, as `npm pack` packs them.
NPM_DIR="$TARGET_DIR/npm/factpanel"
PAGE_DIR=tests/page
PORT="${PORT:-8080}"
# What a page downloads for the panel; the budget test
# (tests/page/size.test.mjs) reads the same lists. A page that shows a
# document (`src`, the demo's seed) loads the renderer-only module
# (VIEW_FILES, within TARGET_KB); a page that gives articles loads the
# analysing one (PANEL_FILES, within BUDGET_KB).
VIEW_FILES=("$PKG_DIR/factpanel_view_bg.wasm" "$PKG_DIR/factpanel_view.js" www/fact-panel.min.js)
PANEL_FILES=("$PKG_DIR/factpanel_bg.wasm" "$PKG_DIR/factpanel.js" www/fact-panel.min.js)
BUDGET_KB=200
TARGET_KB=150
# Panic locations in the module name the crates' source files: written
# from the registry's folder, not from this machine's path to it (−64 B of
# page gzip, docs/architecture.md). Of two matching prefixes rustc applies
# the last: crates.io's index folder, else any registry's.
REGISTRY_SRC="${CARGO_HOME:-$HOME/.cargo}/registry/src"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$REGISTRY_SRC/= --remap-path-prefix=$REGISTRY_SRC/index.crates.io-1949cf8c6b5b557f/="

if [ -t 2 ]; then BOLD=$'\033[1m' RED=$'\033[31m' GREEN=$'\033[32m' RESET=$'\033[0m'; else BOLD='' RED='' GREEN='' RESET=''; fi
log() { printf '%s==> %s%s\n' "$BOLD" "$*" "$RESET" >&2; }
die() { printf '%serror:%s %s\n' "$RED" "$RESET" "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "need root to run: $*"
    fi
}

# ---------------------------------------------------------------- tools

# The wasm-bindgen version the crate is locked to (the CLI must match it).
wasm_bindgen_version() {
    awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' Cargo.lock
}

ensure_wasm_target() {
    if ! rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
        log "installing the $WASM_TARGET target"
        rustup target add "$WASM_TARGET"
    fi
}

ensure_wasm_bindgen() {
    local want have
    want="$(wasm_bindgen_version)"
    [ -n "$want" ] || die "wasm-bindgen not found in Cargo.lock"
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
    if [ "$have" != "$want" ]; then
        # Without optimisation: it compiles in 65 s instead of 116 s here
        # (120 instead of 223 s of CPU), and runs on a module in 0.5 s
        # instead of 0.1 s.
        log "installing wasm-bindgen-cli $want (found: ${have:-none})"
        CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_DEBUG=false \
            CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 cargo install wasm-bindgen-cli --version "$want"
    fi
}

ensure_browser() {
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
        log "installing chromium and chromium-driver"
        as_root apt-get update
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
    fi
}

ensure_node() {
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        log "installing node and npm"
        as_root apt-get update
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
    fi
}

ensure_page_deps() {
    ensure_node
    if [ ! -d "$PAGE_DIR/node_modules/playwright-core" ] || [ ! -d "$PAGE_DIR/node_modules/terser" ] \
        || [ ! -d "$PAGE_DIR/node_modules/binaryen" ] || [ ! -d "$PAGE_DIR/node_modules/csso" ]; then
        log "installing the page-test dependencies (npm)"
        if [ -f "$PAGE_DIR/package-lock.json" ]; then
            (cd "$PAGE_DIR" && npm ci --no-audit --no-fund)
        else
            (cd "$PAGE_DIR" && npm install --no-audit --no-fund)
        fi
    fi
}

ensure_all() {
    ensure_wasm_target
    ensure_wasm_bindgen
    ensure_browser
    ensure_page_deps
}

# ---------------------------------------------------------------- build

build_wasm() {
    ensure_wasm_target
    ensure_wasm_bindgen
    ensure_page_deps
    # Two modules from the same crate. `factpanel` analyses and renders
    # (the wasm API, and the element when it is given articles);
    # `factpanel_view` (`--no-default-features`: no `analyze`, no rules)
    # only reads and renders documents, which is all a page that shows a
    # `src` document or the demo's seed needs. Each has its target dir, so
    # that neither rebuild undoes the other. They build side by side: each
    # build has long stretches on one core (the crate itself, wasm-opt),
    # and from cold the two take 83 s instead of 99 s here. The renderer's
    # log is printed once both are done.
    local view_log view_pid
    view_log="$(mktemp)"
    (build_module factpanel_view "$TARGET_DIR/view" --no-default-features) >"$view_log" 2>&1 &
    view_pid=$!
    build_module factpanel "$TARGET_DIR"
    local view_rc=0
    wait "$view_pid" || view_rc=$?
    cat "$view_log" >&2
    rm -f "$view_log"
    [ "$view_rc" = 0 ] || die "the renderer-only module did not build (exit $view_rc)"
    # The seed corpus and its document, from the analysing build's script
    # (not in the module, so that a page that embeds the panel for its own
    # articles downloads no seed text; the element fetches it without src).
    [ -f "$BUILT_OUT_DIR/seed.json" ] || die "the build script wrote no seed.json (out_dir: '$BUILT_OUT_DIR')"
    cp "$BUILT_OUT_DIR/seed.json" "$PKG_DIR/seed.json"
    # The element as pages load it, minified (www/fact-panel.js is its
    # source; the demo and the page tests load what ships).
    log "terser www/fact-panel.js → www/fact-panel.min.js"
    node "$PAGE_DIR/node_modules/terser/bin/terser" www/fact-panel.js --module --compress --mangle \
        -o www/fact-panel.min.js
    # Its stylesheet (the one String.raw`…` of the file), minified by csso.
    log "csso: the element's styles in www/fact-panel.min.js"
    node --input-type=module -e '
        import { readFileSync, writeFileSync } from "node:fs";
        import { createRequire } from "node:module";
        const { minify } = createRequire(process.argv[1] + "/")("csso");
        const file = process.argv[2];
        const js = readFileSync(file, "utf8");
        const raw = [...js.matchAll(/String\.raw`([^`$\\]*)`/g)];
        if (raw.length !== 1) throw new Error(`${file}: expected one String.raw stylesheet, found ${raw.length}`);
        const css = minify(raw[0][1]).css;
        if (!css || /[`$\\]/.test(css)) throw new Error(`${file}: the minified stylesheet is empty or not template-safe`);
        writeFileSync(file, js.replace(raw[0][0], () => `String.raw\`${css}\``));
    ' "$ROOT/$PAGE_DIR/node_modules" www/fact-panel.min.js
}

# build_module NAME TARGET_DIR [CARGO FLAGS…]: one wasm module and its
# minified glue, as $PKG_DIR/NAME_bg.wasm and $PKG_DIR/NAME.js; sets
# BUILT_OUT_DIR to its build script's output folder.
build_module() {
    local name="$1" target_dir="$2"
    shift 2
    # build.rs loads and compiles the language packs (data/lang/*/*.toml)
    # on the host and the module embeds them in binary form: the page does
    # not parse them.
    log "cargo build --profile wasm-release --target $WASM_TARGET --lib $* ($name)"
    local out_dir
    out_dir=$(cargo build --profile wasm-release --target "$WASM_TARGET" --lib --target-dir "$target_dir" "$@" \
        --message-format=json-render-diagnostics |
        grep '"reason":"build-script-executed"' | grep '#factpanel@' |
        sed -n 's/.*"out_dir":"\([^"]*\)".*/\1/p' | tail -1)
    [ -f "$out_dir/rules.bin" ] || die "the build script wrote no rules.bin (out_dir: '$out_dir')"
    BUILT_OUT_DIR="$out_dir"
    mkdir -p "$PKG_DIR"
    # wasm-bindgen first, then binaryen's wasm-opt on its output (binaryen
    # 132 from npm, with the page tests' JS tools: Debian's 108 had to run
    # before wasm-bindgen, as it rewrote the externref table as an anyref
    # one that browsers reject). -Os without inlining a function into its
    # only caller (-ocimfs 0: that inlining is what makes -Os, -Oz, -O2 and
    # -O3 larger), run to a fixed point (--converge); no name or producers
    # section. --low-memory-unused (-lmu) lets it fold a constant added to a
    # pointer into the load's or store's offset, which is sound for Rust,
    # whose pointer arithmetic never wraps around the address space;
    # --precompute-propagate then folds constants through locals. See
    # docs/architecture.md. The features are those rustc's wasm32 target
    # enables.
    log "wasm-bindgen --target web → $PKG_DIR/$name.js"
    wasm-bindgen --target web --remove-name-section --remove-producers-section \
        --out-dir "$PKG_DIR" --out-name "$name" "$target_dir/$WASM_TARGET/wasm-release/factpanel.wasm"
    log "wasm-opt -Os -ocimfs 0 --converge --low-memory-unused --precompute-propagate $PKG_DIR/${name}_bg.wasm"
    node "$PAGE_DIR/node_modules/binaryen/bin/wasm-opt" -Os -ocimfs 0 --converge --low-memory-unused --precompute-propagate \
        --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
        --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
        "$PKG_DIR/${name}_bg.wasm" -o "$PKG_DIR/${name}_bg.wasm"
    # The module's import and export names, one or two letters, and the
    # glue's references to them renamed to match (wasm-bindgen names an
    # import by its function and a hash, `__wbg_setAttribute_f75317b2…`,
    # in the module and in the glue; docs/architecture.md). wasm-opt
    # prints the renaming as JSON.
    log "wasm-opt --minify-imports-and-exports-and-modules $PKG_DIR/${name}_bg.wasm"
    node "$PAGE_DIR/node_modules/binaryen/bin/wasm-opt" --minify-imports-and-exports-and-modules \
        --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
        --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
        "$PKG_DIR/${name}_bg.wasm" -o "$PKG_DIR/${name}_bg.wasm" >"$PKG_DIR/names.json"
    node -e '
        const fs = require("fs");
        const [glue, names] = process.argv.slice(1);
        const map = JSON.parse(fs.readFileSync(names, "utf8"));
        let js = fs.readFileSync(glue, "utf8");
        const swap = (from, to, what) => {
            if (!js.includes(from)) throw new Error(`the glue has no ${what} ${from}`);
            js = js.split(from).join(to);
        };
        const modules = new Set(map.imports.map(([m]) => m));
        if (modules.size !== 1) throw new Error(`expected one import module, got ${[...modules]}`);
        swap(`"${[...modules][0]}": import0`, `"a": import0`, "import module");
        for (const [, from, to] of map.imports) swap(`${from}: function`, `${to}: function`, "import");
        // "wasm.analyze(", "wasm.memory": whole names only.
        for (const [from, to] of map.exports) js = js.replace(new RegExp(`\\bwasm\\.${from}\\b`, "g"), `wasm.${to}`);
        fs.writeFileSync(glue, js);
    ' "$PKG_DIR/$name.js" "$PKG_DIR/names.json"
    rm "$PKG_DIR/names.json"
    # The glue, minified (terser, from the JS tools in tests/page).
    log "terser $PKG_DIR/$name.js"
    node "$PAGE_DIR/node_modules/terser/bin/terser" "$PKG_DIR/$name.js" --module --compress --mangle \
        -o "$PKG_DIR/$name.min.js"
    mv "$PKG_DIR/$name.min.js" "$PKG_DIR/$name.js"
}

# gzip size in bytes at level 9, computed by node's zlib like the budget
# test (tests/page/size.test.mjs) so that both report the same figure.
gzip_size() {
    if command -v node >/dev/null; then
        node -e 'process.stdout.write(String(require("zlib").gzipSync(require("fs").readFileSync(process.argv[1]), { level: 9 }).length))' "$1"
    else
        gzip -9 -c "$1" | wc -c
    fi
}

# Prints raw and gzip sizes of what a page downloads for the panel: to
# show a document, then to analyse articles.
print_sizes() {
    print_size_table "show a document (src, seed)" "$TARGET_KB" "${VIEW_FILES[@]}"
    print_size_table "analyse articles" "$BUDGET_KB" "${PANEL_FILES[@]}"
}

# print_size_table TITLE LIMIT_KB FILE…
print_size_table() {
    local title="$1" limit="$2" f raw gz total_raw=0 total_gz=0
    shift 2
    printf '\n%-32s %10s %10s\n' "panel download: $title" "bytes" "gzip (9)"
    for f in "$@"; do
        [ -f "$f" ] || die "missing $f"
        raw=$(wc -c <"$f")
        gz=$(gzip_size "$f")
        total_raw=$((total_raw + raw))
        total_gz=$((total_gz + gz))
        printf '%-32s %10d %10d\n' "$f" "$raw" "$gz"
    done
    printf '%-32s %10d %10d\n' "total" "$total_raw" "$total_gz"
    local kb
    kb=$(awk -v b="$total_gz" 'BEGIN { printf "%.1f", b / 1024 }')
    if [ "$total_gz" -le $((limit * 1024)) ]; then
        printf '%spanel size to %s: %s KB gzip (at most %d KB)%s\n' "$GREEN" "$title" "$kb" "$limit" "$RESET"
    else
        printf '%spanel size to %s: %s KB gzip — OVER %d KB%s\n' "$RED" "$title" "$kb" "$limit" "$RESET"
    fi
}

# The npm package, the way web components ship: the minified element as
# fact-panel.js, its worker, the glue and the wasm under pkg/ (the paths the
# element loads them from), the .d.ts files. Not the seed corpus: a page
# feeds its own articles (`src`, `.articles`). tests/page/package.test.mjs
# packs it, installs the tarball and loads the element from node_modules.
make_package() {
    local version
    version="$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)"
    log "npm package factpanel@$version → $NPM_DIR/"
    rm -rf "$NPM_DIR"
    mkdir -p "$NPM_DIR/pkg"
    cp www/fact-panel.min.js "$NPM_DIR/fact-panel.js"
    cp www/fact-panel-worker.js www/fact-panel.d.ts "$NPM_DIR/"
    cp "$PKG_DIR/factpanel.js" "$PKG_DIR/factpanel.d.ts" "$PKG_DIR/factpanel_bg.wasm" \
        "$PKG_DIR/factpanel_view.js" "$PKG_DIR/factpanel_view.d.ts" "$PKG_DIR/factpanel_view_bg.wasm" "$NPM_DIR/pkg/"
    cp README.md "$NPM_DIR/README.md"
    VERSION="$version" node -e '
        const files = ["fact-panel.js", "fact-panel-worker.js", "fact-panel.d.ts",
                       "pkg/factpanel.js", "pkg/factpanel.d.ts", "pkg/factpanel_bg.wasm",
                       "pkg/factpanel_view.js", "pkg/factpanel_view.d.ts", "pkg/factpanel_view_bg.wasm"];
        const manifest = {
            name: "factpanel",
            version: process.env.VERSION,
            description: "The <fact-panel> web component: what several news articles about one event agree on, where they differ, with exact quotes (Rust, WebAssembly).",
            license: "MIT OR Apache-2.0",
            type: "module",
            main: "./fact-panel.js",
            types: "./fact-panel.d.ts",
            exports: {
                ".": { types: "./fact-panel.d.ts", default: "./fact-panel.js" },
                "./fact-panel.js": { types: "./fact-panel.d.ts", default: "./fact-panel.js" },
                "./fact-panel-worker.js": "./fact-panel-worker.js",
                "./pkg/factpanel.js": { types: "./pkg/factpanel.d.ts", default: "./pkg/factpanel.js" },
                "./pkg/factpanel_bg.wasm": "./pkg/factpanel_bg.wasm",
                "./pkg/factpanel_view.js": { types: "./pkg/factpanel_view.d.ts", default: "./pkg/factpanel_view.js" },
                "./pkg/factpanel_view_bg.wasm": "./pkg/factpanel_view_bg.wasm",
                "./package.json": "./package.json",
            },
            files,
            sideEffects: ["./fact-panel.js"],
            keywords: ["web-component", "custom-element", "news", "fact-checking", "webassembly"],
        };
        require("fs").writeFileSync(process.argv[1] + "/package.json", JSON.stringify(manifest, null, 2) + "\n");
    ' "$NPM_DIR"
}

cmd_build() {
    cmd_build_quiet
    print_sizes
}

cmd_serve() {
    cmd_build
    command -v python3 >/dev/null || die "python3 is needed to serve www/"
    echo "factpanel demo: http://127.0.0.1:$PORT/   (Ctrl-C to stop)"
    exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory www
}

# ---------------------------------------------------------------- test

SUITE_NAMES=()
SUITE_RESULTS=()
SUITE_TIMES=()

# run_suite NAME COMMAND...: runs one suite, records pass/fail, never exits.
run_suite() {
    local name="$1" start rc
    shift
    log "suite: $name"
    start=$SECONDS
    set +e
    ("$@")
    rc=$?
    set -e
    SUITE_NAMES+=("$name")
    SUITE_TIMES+=($((SECONDS - start)))
    if [ "$rc" = 0 ]; then SUITE_RESULTS+=(pass); else SUITE_RESULTS+=("FAIL (exit $rc)"); fi
}

suite_native() {
    cargo test
}

# In Chromium, with the packs build.rs bakes, as the page's module is built.
# Only tests/web.rs holds wasm-bindgen tests: building the other test
# files for wasm32 made ~20 test modules with nothing to run there.
suite_browser() {
    unset GECKODRIVER SAFARIDRIVER
    CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
        cargo test --target "$WASM_TARGET" --test web
}

suite_size() {
    print_sizes
    (cd "$PAGE_DIR" && node --test size.test.mjs)
}

# The CLI the page test runs is the one the native suite built (`cargo run`
# would build it again, for the dev profile).
suite_page() {
    local cli="$TARGET_DIR/debug/factpanel"
    if [ "${SUITE_RESULTS[0]:-}" != pass ] || [ ! -x "$cli" ]; then cli=""; fi
    (cd "$PAGE_DIR" && FACTPANEL_NPM_DIR="$NPM_DIR" FACTPANEL_CLI="$cli" node --test --test-concurrency=1 page.test.mjs package.test.mjs)
}

# The build as `./build.sh` makes it (the module and the npm package),
# without the size table (the size suite prints it).
cmd_build_quiet() {
    build_wasm && make_package
}

cmd_test() {
    local started=$SECONDS
    # The native suite needs none of the tools the others do: they install
    # meanwhile, the compile of wasm-bindgen beside the apt and npm
    # downloads (their logs are printed after the suite's).
    ensure_wasm_target
    local bindgen_log browser_log bindgen_pid browser_pid rc=0
    bindgen_log="$(mktemp)"
    browser_log="$(mktemp)"
    (ensure_wasm_bindgen && log "wasm-bindgen ready at ${SECONDS}s") >"$bindgen_log" 2>&1 &
    bindgen_pid=$!
    (ensure_browser && ensure_page_deps && log "Chromium and the page-test tools ready at ${SECONDS}s") >"$browser_log" 2>&1 &
    browser_pid=$!
    run_suite "native (cargo test)" suite_native
    wait "$bindgen_pid" || rc=$?
    cat "$bindgen_log" >&2
    [ "$rc" = 0 ] || die "installing wasm-bindgen-cli failed (exit $rc; its log is above)"
    wait "$browser_pid" || rc=$?
    cat "$browser_log" >&2
    [ "$rc" = 0 ] || die "installing Chromium or the page-test tools failed (exit $rc; the log is above)"
    rm -f "$bindgen_log" "$browser_log"
    log "native suite done and tools ready at ${SECONDS}s"
    run_suite "wasm release build" cmd_build_quiet
    run_suite "browser (wasm-bindgen-test, headless Chromium)" suite_browser
    if [ "${SUITE_RESULTS[1]}" = pass ]; then
        run_suite "size budget (${TARGET_KB} / ${BUDGET_KB} KB gzip)" suite_size
        run_suite "page (playwright-core, headless Chromium)" suite_page
    else
        SUITE_NAMES+=("size budget" "page"); SUITE_RESULTS+=("skipped: no wasm build" "skipped: no wasm build"); SUITE_TIMES+=(0 0)
    fi

    local i failed=0
    printf '\n%s%-52s %-24s %s%s\n' "$BOLD" "suite" "result" "time" "$RESET"
    for i in "${!SUITE_NAMES[@]}"; do
        local colour=$GREEN
        if [ "${SUITE_RESULTS[$i]}" != pass ]; then colour=$RED; failed=$((failed + 1)); fi
        printf '%-52s %s%-24s%s %ss\n' "${SUITE_NAMES[$i]}" "$colour" "${SUITE_RESULTS[$i]}" "$RESET" "${SUITE_TIMES[$i]}"
    done
    printf '\ntotal time: %ss\n' $((SECONDS - started))
    if [ "$failed" -gt 0 ]; then
        printf '%s%d suite(s) failed%s\n' "$RED" "$failed" "$RESET"
        return 1
    fi
    printf '%sall suites passed%s\n' "$GREEN" "$RESET"
}

cmd_help() {
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
}

# ---------------------------------------------------------------- fuzz

# ./build.sh fuzz [seconds] [target ...]: see fuzz/run.sh and docs/robustness.md.
cmd_fuzz() {
    "$ROOT/fuzz/run.sh" "${1:-60}" "${@:2}"
}

# ---------------------------------------------------------------- bench

# ./build.sh bench: see bench/run.sh (not a test; CI never runs it).
cmd_bench() {
    "$ROOT/bench/run.sh" "$@"
}

# ---------------------------------------------------------------- dispatch

cmd="${1:-build}"
[ $# -gt 0 ] && shift
case "$cmd" in
    build) cmd_build "$@" ;;
    serve) cmd_serve "$@" ;;
    test) cmd_test "$@" ;;
    bench) cmd_bench "$@" ;;
    fuzz) cmd_fuzz "$@" ;;
    help | -h | --help) cmd_help ;;
    *)
        echo "unknown subcommand: $cmd" >&2
        cmd_help >&2
        exit 2
        ;;
esac
