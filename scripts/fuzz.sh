#!/usr/bin/env bash
# Runs gilpy's libFuzzer targets (fuzz/) for a while each:
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      default: 1800 s, both targets
#   FT=1 scripts/fuzz.sh ...                   the free-threaded build
#
#   compile       source text through the lexer, parser and compiler
#   run_programs  generated small programs run with a tick budget
#
# Needs nightly Rust and cargo-fuzz; both are installed here if missing.
# Findings go to fuzz/artifacts/TARGET/; reproduce one with
#   cargo +nightly fuzz run -O TARGET fuzz/artifacts/TARGET/crash-...
# The bounded passes of the same targets run with `cargo test` on stable
# Rust (tests/fuzz_syntax.rs, tests/fuzz_programs.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-1800}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(compile run_programs)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
cargo +nightly fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked

features=()
[ "${FT:-0}" = 1 ] && features=(--features free-threading)
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
    seeds=()
    # The compiler starts from the project's own test scripts.
    [ "$t" = compile ] && seeds=(tests/scripts)
    echo "== $t for $seconds s"
    # -detect_leaks=0: the interpreter keeps code objects and interned
    # strings for the life of the process; leak scans of that heap after
    # every new input would make the run crawl.
    cargo +nightly fuzz run -O "${features[@]}" "$t" "fuzz/corpus/$t" "${seeds[@]}" -- \
        -max_total_time="$seconds" -timeout=30 -detect_leaks=0 -close_fd_mask=2 -len_control=0 \
        -max_len=$([ "$t" = compile ] && echo 4096 || echo 512)
done
