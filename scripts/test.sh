#!/usr/bin/env bash
# Galley's second command: every test. Installs and builds whatever is missing first (scripts/setup.sh --no-serve),
# then runs the core's unit tests natively (ctest), the same tests compiled to wasm under Node (ctest), the CLI
# tests, and the browser end-to-end tests in headless Chromium (node --test + playwright-core).
# Ends with one line "galley tests: N passed, M failed" and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --no-serve || { echo "galley tests: 0 passed, 1 failed (setup/build failed)"; exit 1; }
export NODE_PATH=/usr/share/nodejs

passed=0 failed=0
count_ctest() {  # "100% tests passed, 0 tests failed out of 3"
    local log="$1" line
    line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
    local f t
    f=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/')
    t=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/')
    if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
    passed=$((passed + t - f)); failed=$((failed + f))
}

log=$(mktemp -d)
echo "== native unit and CLI tests (ctest --preset native)"
ctest --preset native 2>&1 | tee "$log/native.txt"; count_ctest "$log/native.txt"
echo "== core tests compiled to wasm, under Node (ctest --preset wasm)"
ctest --preset wasm 2>&1 | tee "$log/wasm.txt"; count_ctest "$log/wasm.txt"

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
