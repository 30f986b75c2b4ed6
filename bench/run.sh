#!/usr/bin/env bash
# factpanel benchmarks: `./build.sh bench` runs this. Not a test; CI never runs it.
#
#   bench/run.sh            everything, then the table (also in $OUT/report.md)
#   BENCH_QUICK=1 bench/run.sh   smaller sizes and fewer runs, for trying it out
#
# 1. native: criterion (`cargo bench --bench pipeline`) on the seeds and the
#    synthetic corpora of 10 … 10,000 articles; the `scale` example (`bench/native/scale.rs`) under
#    /usr/bin/time -v for peak memory and the extract/reconcile split;
# 2. wasm: `./build.sh` (www/pkg/), then bench/web/run.mjs in headless Chromium;
# 3. size: gzip of what the page downloads, and twiggy on a build of the same
#    wasm that keeps its function names;
# 4. peer: Microsoft Recognizers-Text (bench/peer/, French) on the seed texts.
# Results (JSON, logs) go to $OUT (default: <cargo target dir>/factpanel-bench).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT="${OUT:-$TARGET_DIR/factpanel-bench}"
CORPUS="$OUT/corpus"
QUICK="${BENCH_QUICK:-}"
if [ -n "$QUICK" ]; then SIZES=(10 100 1000); else SIZES=(10 100 1000 10000); fi
MAX_SIZE="${SIZES[-1]}"

if [ -t 2 ]; then BOLD=$'\033[1m' RESET=$'\033[0m'; else BOLD='' RESET=''; fi
log() { printf '%s==> %s%s\n' "$BOLD" "$*" "$RESET" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

mkdir -p "$OUT" "$CORPUS"
rm -f "$OUT"/*.json "$OUT"/*.log "$OUT"/report.md

# ---------------------------------------------------------------- tools
command -v node >/dev/null && command -v npm >/dev/null || {
    log "installing node and npm"; as_root apt-get update; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm; }
[ -x /usr/bin/time ] || { log "installing GNU time"; as_root apt-get update; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y time; }
[ -x /usr/bin/chromium ] || { log "installing chromium"; as_root apt-get update; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }
command -v twiggy >/dev/null || { log "installing twiggy (cargo install)"; cargo install twiggy --locked; }
for dir in bench/web bench/peer; do
    # (Again when the lock file is newer than the install: a peer was added.)
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        log "npm install in $dir"
        if [ -f "$dir/package-lock.json" ]; then (cd "$dir" && npm ci --no-audit --no-fund) >&2; else (cd "$dir" && npm install --no-audit --no-fund) >&2; fi
    fi
done

# ---------------------------------------------------------------- machine
{
    printf '{"nproc":%s,' "$(nproc)"
    printf '"cpu":"%s",' "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo | sed 's/"/\\"/g')"
    printf '"mem_gib":%s,' "$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)"
    printf '"rustc":"%s",' "$(rustc --version)"
    printf '"node":"%s",' "$(node --version)"
    printf '"load_start":"%s",' "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf '"date":"%s"}\n' "$(date -u +%Y-%m-%dT%H:%MZ)"
} >"$OUT/machine.json"

# ---------------------------------------------------------------- native
log "building the native bench binaries (release profile, as shipped)"
cargo build --release --example scale --bin factpanel
cargo bench --bench pipeline --no-run
SCALE="$TARGET_DIR/release/examples/scale"
CLI="$TARGET_DIR/release/factpanel"

log "writing the corpora (seed ${BOLD}0x5eed_fac7_9a7e_1c0d${RESET})"
"$SCALE" 0 --dump "$CORPUS/seeds.json"
for n in "${SIZES[@]}"; do "$SCALE" "$n" --dump "$CORPUS/synth-$n.json"; done

log "criterion: cargo bench --bench pipeline"
rm -rf "$TARGET_DIR/criterion/pipeline"
FACTPANEL_BENCH_MAX="$MAX_SIZE" cargo bench --bench pipeline 2>&1 | tee "$OUT/criterion.log" | grep -E '^(pipeline/|\s+(time|thrpt):)' >&2

log "scaling and peak memory: the scale example under /usr/bin/time -v"
: >"$OUT/scale.jsonl"
for n in 0 "${SIZES[@]}"; do
    reps=5; [ "$n" -ge 10000 ] && reps=3
    /usr/bin/time -v -o "$OUT/time-$n.log" "$SCALE" "$n" --reps "$reps" >"$OUT/scale-$n.json"
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$OUT/time-$n.log")
    sed "s/}\$/,\"max_rss_kb\":$rss}/" "$OUT/scale-$n.json" >>"$OUT/scale.jsonl"
    printf '  %6s articles: %s\n' "$([ "$n" = 0 ] && echo seeds || echo "$n")" "$(cat "$OUT/scale-$n.json")" >&2
done

# ---------------------------------------------------------------- batch
# `factpanel --batch`: N events of the five seed articles (ids made unique
# per event), on one core and on every core, with the peak RSS; and N/10
# events on every core, to see that memory does not grow with the events.
BATCH_N=$([ -n "$QUICK" ] && echo 1000 || echo 10000)
log "batch: $BATCH_N events through factpanel --batch, 1 thread and $(nproc)"
node -e '
const [src, n, out] = process.argv.slice(1);
const seeds = JSON.parse(require("fs").readFileSync(src, "utf8"));
const fd = require("fs").openSync(out, "w");
for (let i = 0; i < Number(n); i++) {
  const articles = seeds.map((a) => ({ ...a, id: `${a.id}-${i}` }));
  require("fs").writeSync(fd, JSON.stringify({ id: `event-${i}`, articles }) + "\n");
}' "$CORPUS/seeds.json" "$BATCH_N" "$CORPUS/events.jsonl"
node -e '
const [src, n, out] = process.argv.slice(1);
const lines = require("fs").readFileSync(src, "utf8").split("\n").slice(0, Number(n));
require("fs").writeFileSync(out, lines.join("\n") + "\n");' "$CORPUS/events.jsonl" "$((BATCH_N / 10))" "$CORPUS/events-small.jsonl"
batch_run() { # THREADS FILE NAME → "seconds max-RSS-kB" (log in $OUT/batch-NAME.log)
    local start end
    start=$(date +%s.%N)
    RAYON_NUM_THREADS="$1" /usr/bin/time -v -o "$OUT/batch-$3.log" "$CLI" --batch "$2" >/dev/null
    end=$(date +%s.%N)
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }') $(awk -F': ' '/Maximum resident set size/ { print $2 }' "$OUT/batch-$3.log")"
}
# One thread and every thread, twice, alternating; each keeps its faster
# run: on a shared machine a single run of either can be slowed by other
# work, which makes the ratio swing (1.58× and 1.94× on the same build).
batch_best() { # "s rss" "s rss" → the pair with the smaller s
    awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); print (x[1] <= y[1] ? a : b) }'
}
one_a=$(batch_run 1 "$CORPUS/events.jsonl" one)
all_a=$(batch_run "$(nproc)" "$CORPUS/events.jsonl" all)
one_b=$(batch_run 1 "$CORPUS/events.jsonl" one)
all_b=$(batch_run "$(nproc)" "$CORPUS/events.jsonl" all)
small=$(batch_run "$(nproc)" "$CORPUS/events-small.jsonl" small)
batch_field() { # NAME "s rss"
    printf '"%s_s":%s,"%s_rss_kb":%s' "$1" "${2% *}" "$1" "${2#* }"
}
{
    printf '{"events":%s,"bytes":%s,"threads":%s,' "$BATCH_N" "$(stat -c %s "$CORPUS/events.jsonl")" "$(nproc)"
    batch_field one "$(batch_best "$one_a" "$one_b")"; printf ','
    batch_field all "$(batch_best "$all_a" "$all_b")"; printf ','
    batch_field small "$small"
    printf ',"runs_s":[%s,%s,%s,%s]}\n' "${one_a% *}" "${all_a% *}" "${one_b% *}" "${all_b% *}"
} >"$OUT/batch.json"
cat "$OUT/batch.json" >&2

# ---------------------------------------------------------------- wasm + size
log "wasm: ./build.sh (www/pkg/)"
./build.sh >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; die "./build.sh failed"; }
log "size: the same wasm with its function names, for twiggy"
cargo build --target wasm32-unknown-unknown --lib --profile bench-names \
    --config 'profile.bench-names.inherits="release"' --config 'profile.bench-names.strip=false' 2>&1 | tail -1 >&2
rm -rf "$OUT/names-pkg"
wasm-bindgen --target web --out-dir "$OUT/names-pkg" --out-name factpanel \
    "$TARGET_DIR/wasm32-unknown-unknown/bench-names/factpanel.wasm"
twiggy top -n 1000000 --format json "$OUT/names-pkg/factpanel_bg.wasm" >"$OUT/twiggy.json"

log "wasm in headless Chromium: bench/web/run.mjs"
web_corpora=(seeds); for n in "${SIZES[@]}"; do web_corpora+=("synth-$n"); done
BENCH_WEB_RUNS="${BENCH_WEB_RUNS:-$([ -n "$QUICK" ] && echo 3 || echo 9)}" \
    node bench/web/run.mjs "$CORPUS" "${web_corpora[@]}" >"$OUT/web.json"

# ---------------------------------------------------------------- peer
log "peer: Recognizers-Text (French) on the seed texts"
node bench/peer/peer.mjs durations "$CORPUS/seeds.json" >"$OUT/peer-durations.json"
node bench/peer/peer.mjs throughput "$CORPUS/seeds.json" "$([ -n "$QUICK" ] && echo 1 || echo 3)" >"$OUT/peer-throughput.json"
log "peer: chrono-node (French dates) on the same texts"
node bench/peer/chrono.mjs "$CORPUS/seeds.json" "$CORPUS/synth-$MAX_SIZE.json" >"$OUT/peer-chrono.json"
cat "$OUT/peer-chrono.json" >&2
"$CLI" --mentions --json >"$OUT/ours-mentions.json"
node -e '
const probes = ["une heure et demie", "près d'"'"'une heure et demie", "plus d'"'"'une heure", "environ une heure"];
console.log(JSON.stringify(probes.map((p, i) => ({ id: "probe-" + i, text: p, lang: "fr" }))));' >"$CORPUS/probes.json"
"$CLI" --mentions --json "$CORPUS/probes.json" >"$OUT/ours-probes.json"

# ---------------------------------------------------------------- table
cut -d' ' -f1-3 /proc/loadavg >"$OUT/load-end.txt"
node bench/report.mjs "$OUT" "$TARGET_DIR/criterion/pipeline" | tee "$OUT/report.md"
# docs/performance.md carries the latest report (its Targets section and
# the machine line), between its markers.
node -e '
const fs = require("fs");
const [doc, report] = process.argv.slice(1);
const text = fs.readFileSync(doc, "utf8");
const r = fs.readFileSync(report, "utf8");
const keep = r.split("\n### 1.")[0].replace(/^## /m, "### ").trim();
const start = "<!-- bench:start -->", end = "<!-- bench:end -->";
const i = text.indexOf(start), j = text.indexOf(end);
if (i < 0 || j < i) { console.error("bench: no markers in " + doc); process.exit(1); }
fs.writeFileSync(doc, text.slice(0, i + start.length) + "\n" + keep + "\n" + text.slice(j));
' docs/performance.md "$OUT/report.md"
log "docs/performance.md: the Targets of this run written between its markers"
