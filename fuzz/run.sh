#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each, one after another, at the lowest priority and on one
# thread, starting from the hand-made seeds in fuzz/seeds/TARGET (committed) and the corpus that
# earlier runs on this machine grew in fuzz/corpus/TARGET (not committed), then minimises that
# corpus.
#
#   fuzz/run.sh SECONDS [TARGET...]      (targets: record tree render stored import workbook; default: all six)
#
# A crash is written to fuzz/artifacts/TARGET and stops the run of that target; once fixed, the
# input belongs in fuzz/seeds/TARGET, where `cargo test` replays it. Needs cargo-fuzz (`cargo install cargo-fuzz`); runs on the
# stable toolchain.
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(record tree render stored import workbook)
fi

export RUSTC_BOOTSTRAP=1 RAYON_NUM_THREADS=1
status=0
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "seeds/$target" work
    echo "== $target: ${seconds}s"
    start=$(date +%s)
    if ! nice -n 19 cargo fuzz run --sanitizer none "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -dict=dict/toml.dict -print_final_stats=1 2>&1 | tee "work/$target.log"; then
        status=1
    fi
    echo "== $target: $(( $(date +%s) - start ))s; $(grep -o 'stat::number_of_executed_units: *[0-9]*' "work/$target.log" | tail -1)"
    if ! nice -n 19 cargo fuzz cmin --sanitizer none "$target" "corpus/$target" -- \
        -rss_limit_mb=2048 -max_len=8192 >"work/$target.cmin.log" 2>&1; then
        echo "== $target: minimising failed, see fuzz/work/$target.cmin.log"
        status=1
    fi
    echo "== $target: corpus of $(ls "corpus/$target" | wc -l) inputs"
    rm -rf /dev/shm/huitoukan-fuzz-"$target"-*
done
exit $status
