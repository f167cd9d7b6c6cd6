#!/usr/bin/env bash
# Galley's second command: every test. Installs and builds whatever is missing first (scripts/setup.sh --no-serve),
# then runs the core's unit tests natively (ctest), the same tests compiled to wasm under Node (ctest), the CLI
# tests, the unit and CLI tests again under ASan+UBSan, and the browser end-to-end tests in headless Chromium (node --test + playwright-core).
# Ends with one line "galley tests: N passed, M failed" and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --no-serve || { echo "galley tests: 0 passed, 1 failed (setup/build failed)"; exit 1; }
export NODE_PATH=/usr/share/nodejs

passed=0 failed=0
# Counts individual test cases, not ctest entries: GoogleTest's "[  PASSED  ] N tests." / "[  FAILED  ] N tests,"
# and the CLI script's "cli: N passed, M failed", from ctest's full log of the run.
count_ctest() {
    local status="$1" build="$2" log p f
    log="$build/Testing/Temporary/LastTest.log"
    if [ ! -f "$log" ]; then failed=$((failed + 1)); return; fi
    p=$(grep -hoE '^\[  PASSED  \] [0-9]+ test' "$log" | awk '{s += $4} END {print s + 0}')
    f=$(grep -hoE '^\[  FAILED  \] [0-9]+ test' "$log" | awk '{s += $4} END {print s + 0}')
    p=$((p + $(grep -hoE '^cli: [0-9]+ passed' "$log" | awk '{s += $2} END {print s + 0}')))
    f=$((f + $(grep -hoE '^cli: [0-9]+ passed, [0-9]+ failed' "$log" | awk '{s += $4} END {print s + 0}')))
    # A crash or a failing ctest entry that printed no count still fails the run.
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    passed=$((passed + p)); failed=$((failed + f))
}

log=$(mktemp -d)
echo "== native unit and CLI tests (ctest --preset native)"
ctest --preset native; count_ctest $? build/native
echo "== core tests compiled to wasm, under Node (ctest --preset wasm)"
ctest --preset wasm; count_ctest $? build/wasm

echo "== core tests and CLI under AddressSanitizer + UndefinedBehaviorSanitizer (ctest --preset asan)"
if { [ -f build/asan/CMakeCache.txt ] || cmake --preset asan >/dev/null; } && cmake --build --preset asan; then
    ctest --preset asan; count_ctest $? build/asan
else
    echo "asan build failed"; failed=$((failed + 1))
fi

echo "== browser end-to-end tests (headless Chromium)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 scripts/serve.py build/wasm/dist --port "$port" --quiet > "$log/server.txt" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
python3 - "$port" <<'PY'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/index.html", timeout=1); break
    except Exception:
        time.sleep(0.1)
PY
GALLEY_URL="http://127.0.0.1:$port/" node --test --test-reporter=spec tests/e2e/ 2>&1 | tee "$log/e2e.txt"
e2e_pass=$(grep -E '^ℹ pass [0-9]+' "$log/e2e.txt" | tail -n 1 | awk '{print $3}')
e2e_fail=$(grep -E '^ℹ fail [0-9]+' "$log/e2e.txt" | tail -n 1 | awk '{print $3}')
if [ -z "$e2e_pass" ]; then failed=$((failed + 1)); else passed=$((passed + e2e_pass)); failed=$((failed + e2e_fail)); fi

echo "galley tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
