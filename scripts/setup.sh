#!/usr/bin/env bash
# Galley's first command: install what is missing (Debian packages, ImGui's Debian sources, the browser-test npm
# package), build both presets, then serve the viewer at http://localhost:8080/ with the sample article.
#   scripts/setup.sh            install, build, serve
#   scripts/setup.sh --no-serve install and build only (the test command uses this)
# A second run downloads nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(cmake make g++ python3 emscripten nodejs npm chromium fonts-noto-core nlohmann-json3-dev libstb-dev
          googletest python3-fonttools brotli clang libclang-rt-14-dev
          # Hyphenation patterns for the languages the fonts cover (GALLEY_PATTERN_FILES in CMakeLists.txt).
          hyphen-bg hyphen-ca hyphen-cs hyphen-da hyphen-de hyphen-el hyphen-en-gb hyphen-en-us hyphen-es hyphen-fr
          hyphen-hr hyphen-hu hyphen-it hyphen-nl hyphen-no hyphen-pl hyphen-pt-br hyphen-pt-pt hyphen-ro hyphen-ru
          hyphen-sk hyphen-sl hyphen-sr hyphen-sv hyphen-uk)

missing=()
for p in "${PACKAGES[@]}"; do
    # A package counts as present when dpkg has it installed, or (node, npm) when the command exists already.
    case "$p" in
        nodejs) command -v node >/dev/null 2>&1 && continue ;;
        npm) command -v npm >/dev/null 2>&1 && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Emscripten 3.1.6 under a non-Debian Node needs Debian's acorn (../shared/TOOLCHAIN.md).
export NODE_PATH=/usr/share/nodejs

scripts/fetch-imgui.sh build/deps/imgui

if [ ! -d tests/e2e/node_modules/playwright-core ]; then
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

[ -f build/native/CMakeCache.txt ] || cmake --preset native
cmake --build --preset native
[ -f build/wasm/CMakeCache.txt ] || cmake --preset wasm
cmake --build --preset wasm

echo "setup: built build/native/galley and the site in build/wasm/dist/"
if [ "${1:-}" != "--no-serve" ]; then
    exec python3 scripts/serve.py build/wasm/dist --port "${PORT:-8080}"
fi
