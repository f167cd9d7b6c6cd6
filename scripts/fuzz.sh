#!/usr/bin/env bash
# Build Galley's libFuzzer targets (clang, -fsanitize=fuzzer,address,undefined) and run each for a while.
#   scripts/fuzz.sh [SECONDS_PER_TARGET=60] [TARGET...]
# Corpora grow in build/fuzz/corpus/TARGET (seeded from tests/fuzz/corpus/TARGET and tests/data/bundles);
# crashes land in build/fuzz/crashes/TARGET: reduce them and keep each as tests/fuzz/regressions/TARGET/NAME, which
# the unit tests replay (tests/unit/fuzz_regression_test.cpp).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(bundle_loader layout importer)
out=build/fuzz
mkdir -p "$out"
core=(wasm/core/*/*.cpp wasm/import/*.cpp)
flags=(-std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -DJSON_NOEXCEPTION $(printf -- "-I%s " wasm/core/*/ wasm/import) -isystem build/native/system-include)
[ -d build/native/system-include ] || { echo "fuzz: run cmake --preset native first" >&2; exit 2; }
for t in "${targets[@]}"; do
    bin="$out/fuzz_$t"
    if [ ! -x "$bin" ] || [ -n "$(find wasm/core wasm/import tests/fuzz/fuzz_$t.cpp -newer "$bin" -name '*.*' | head -n 1)" ]; then
        echo "fuzz: building $bin"
        clang++ "${flags[@]}" "tests/fuzz/fuzz_$t.cpp" "${core[@]}" -o "$bin"
    fi
    mkdir -p "$out/corpus/$t" "$out/crashes/$t"
    seeds=("$out/corpus/$t")
    [ -d "tests/fuzz/corpus/$t" ] && seeds+=("tests/fuzz/corpus/$t")
    [ -d "tests/fuzz/regressions/$t" ] && seeds+=("tests/fuzz/regressions/$t")
    dict=(); [ "$t" = importer ] || dict=(-dict=tests/fuzz/json.dict)  # the importer reads text, not JSON
    echo "fuzz: $t for ${seconds}s"
    "$bin" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="$out/crashes/$t/" "${dict[@]}" "${seeds[@]}" 2>&1 | tail -n 12
done
