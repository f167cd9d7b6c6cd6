#!/usr/bin/env bash
# Fetch Dear ImGui's sources from Debian's source package (pinned: trixie's imgui 1.90.1+ds-1), verified by apt,
# through scripts/fetch-debian-source.sh (private sources.list, the machine's apt configuration untouched). Only the
# upstream tarball, as Galley always took it: it compiles imgui*.cpp itself and uses no backend.
# Usage: scripts/fetch-imgui.sh DEST_DIR      (DEST_DIR/imgui.h exists afterwards; a second run does nothing)
set -euo pipefail

IMGUI_DEB_VERSION="1.90.1+ds-1"
dest="${1:?usage: fetch-imgui.sh DEST_DIR}"

"$(dirname "$0")/fetch-debian-source.sh" imgui "$IMGUI_DEB_VERSION" trixie "$dest" --upstream-only
[ -f "$dest/imgui.h" ] || { echo "fetch-imgui: imgui.h not found in $dest" >&2; exit 1; }
# scripts/make-notices.py names the version from this file.
echo "$IMGUI_DEB_VERSION" > "$dest/.debian-version"
