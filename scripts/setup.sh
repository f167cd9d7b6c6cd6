#!/usr/bin/env bash
# Galley's first command: install what is missing (Debian packages, ImGui's Debian sources, the npm packages of the
# browser tests and benchmarks), build both presets, then serve the viewer at http://localhost:8080/ with the sample
# article. Works from a bare Debian 12 (debootstrap --variant=minbase: scripts/check-minbase.sh checks it).
#   scripts/setup.sh            install, build, serve
#   scripts/setup.sh --no-serve install and build only (the test command uses this)
# A second run downloads nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

# xz-utils and bzip2 unpack the source packages (ImGui's .tar.xz, fribidi's .tar.bz2: a minimal Debian has neither);
# ca-certificates lets Debian's npm (system CA store) reach the registry.
PACKAGES=(cmake make g++ python3 emscripten nodejs npm chromium fonts-noto-core nlohmann-json3-dev libstb-dev
          googletest python3-fonttools brotli clang libclang-rt-14-dev xz-utils bzip2 ca-certificates
          # HarfBuzz, fribidi, libthai (with its dictionary, libthai-data) natively; hb-shape, the colour emoji font
          # and Unicode's test files (the tests' references); patch applies Debian's patches to the source packages
          # the wasm build compiles (scripts/fetch-debian-source.sh). Noto CJK's collections, cut by frequency from
          # Unihan (unicode-data) with hb-subset (libharfbuzz-bin): scripts/cjk-slices.py.
          libharfbuzz-dev libharfbuzz-bin libfribidi-dev libthai-dev libthai-data unicode-data pkg-config
          fonts-noto-color-emoji patch fonts-noto-cjk fonts-noto-mono
          # md4c parses Markdown for the importer (wasm/import/markdown_events.cpp).
          libmd4c-dev
          # pdftotext and pdfinfo read back what the print tests' PDFs say (tests/e2e/pdf-text.mjs).
          poppler-utils
          # gumbo, the HTML5 parser of `galley import page.html`, natively (wasm builds compile its source: cmake/third_party.cmake).
          libgumbo-dev
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

# The npm packages are pinned to versions that run on Debian 12's own Node.js (18) as well as on newer ones.
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 18 ]; then
    echo "setup: Node.js $(node --version) is too old: the browser tests need 18 or newer (Debian 12's nodejs)" >&2
    exit 1
fi
for dir in tests/e2e tests/bench; do
    # Installed again when the lock changed since the last install (npm ci writes node_modules/.package-lock.json).
    if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
done

[ -f build/native/CMakeCache.txt ] || cmake --preset native
cmake --build --preset native
[ -f build/wasm/CMakeCache.txt ] || cmake --preset wasm
cmake --build --preset wasm

echo "setup: built build/native/galley and the site in build/wasm/dist/"
if [ "${1:-}" != "--no-serve" ]; then
    exec python3 scripts/serve.py build/wasm/dist --port "${PORT:-8080}"
fi
