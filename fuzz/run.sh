#!/usr/bin/env bash
# Runs every fuzz target for the given number of seconds each (default 60)
# and prints how many inputs each executed.
#
#   fuzz/run.sh [seconds] [target ...]    e.g. fuzz/run.sh 600, fuzz/run.sh 60 duration
#
# Needs a nightly toolchain and cargo-fuzz (installed if missing). Inputs
# are at most MAX_LEN bytes (default 4096). No sanitizer: the crate forbids
# unsafe code, and without ASan the targets run several times faster. A
# crash stops its target, leaves the input in fuzz/artifacts/<target>/ and
# makes this script exit non-zero after the other targets have run; turn
# each one into a test in tests/regressions.rs.
set -euo pipefail

SECONDS_EACH="${1:-60}"
[ $# -gt 0 ] && shift
MAX_LEN="${MAX_LEN:-4096}"
TARGETS=(pipeline duration)
[ $# -gt 0 ] && TARGETS=("$@")
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$DIR"

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz: installing the nightly toolchain" >&2
    rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz" >&2
    cargo install cargo-fuzz
fi

# Seed corpora (only the first time; libFuzzer adds to them): for the
# pipeline, each paragraph of the seed articles as one article (shape byte
# 0), pairs of paragraphs as two articles (shape byte 1, cut at 0xFF), one
# whole article, and one article as three edited copies (shape byte 8); for
# the duration scanner, each paragraph. Small seeds
# keep the executions fast.
mkdir -p corpus/pipeline corpus/duration
if [ -z "$(ls -A corpus/pipeline)" ]; then
    i=0
    prev=''
    while IFS= read -r line; do
        i=$((i + 1))
        line="${line:0:1500}"
        printf '\000%s' "$line" >"corpus/pipeline/p$i"
        [ -n "$prev" ] && printf '\001%s\377%s' "$prev" "$line" >"corpus/pipeline/q$i"
        prev="$line"
    done < <(grep -h -v '^[[:space:]]*$' ../data/articles/*.txt)
    { printf '\004'; head -c $((MAX_LEN - 1)) ../data/articles/004_178b0b382189b7ab.txt; } >corpus/pipeline/whole
fi
# Edited copies of one article (shape bit 3, then the byte that places the
# cut): the copy detection on a real text.
[ -e corpus/pipeline/copies ] ||
    { printf '\010\200'; head -c $((MAX_LEN - 2)) ../data/articles/000_a36b81443388f293.txt; } >corpus/pipeline/copies
# An English article with a publication date (shape bits 2 and 4): the
# open-world date and meeting rules (a relative day with its date beside
# it, a meeting held, an inauguration's day, a third person before a date).
[ -e corpus/pipeline/english-open ] ||
    printf '\024%s' "President Rumen Kostov spoke by phone with President Ilir Dervishi today, Thursday, weeks after his inauguration on May 6. Kostov told Dervishi about his recent meeting in Moscow with special envoy Ana Ruiz on Wednesday, and the meeting he had in Vienna." >corpus/pipeline/english-open
if [ -z "$(ls -A corpus/duration)" ]; then
    i=0
    while IFS= read -r line; do
        i=$((i + 1))
        printf '%s' "${line:0:400}" >"corpus/duration/line$i"
    done < <(grep -h -v '^[[:space:]]*$' ../data/articles/*.txt)
fi

status=0
results=()
for t in "${TARGETS[@]}"; do
    echo "==> fuzz $t for ${SECONDS_EACH}s (max_len $MAX_LEN)" >&2
    log="$(mktemp)"
    set +e
    cargo +nightly fuzz run --sanitizer none "$t" -- \
        -max_total_time="$SECONDS_EACH" -max_len="$MAX_LEN" -print_final_stats=1 2>&1 | tee "$log" >&2
    rc=${PIPESTATUS[0]}
    set -e
    execs="$(awk '/stat::number_of_executed_units:/ { print $2 }' "$log" | tail -n 1)"
    if [ -z "$execs" ]; then
        execs="$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#' || true)"
    fi
    rm -f "$log"
    if [ "$rc" = 0 ]; then verdict=ok; else verdict="CRASH (exit $rc, see fuzz/artifacts/$t/)"; status=1; fi
    results+=("$(printf '%-10s %14s executions in %ss  %s' "$t" "${execs:-?}" "$SECONDS_EACH" "$verdict")")
done

printf '\n%s\n' "fuzz results"
printf '%s\n' "${results[@]}"
exit "$status"
