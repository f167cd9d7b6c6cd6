#!/usr/bin/env bash
# Fetch Dear ImGui's sources from Debian's source package (pinned), verified by apt, without touching the
# machine's apt configuration: a private sources.list with one deb-src line for trixie, private list/cache dirs.
# Usage: scripts/fetch-imgui.sh DEST_DIR      (DEST_DIR/imgui.h exists afterwards; a second run does nothing)
set -euo pipefail

IMGUI_DEB_VERSION="1.90.1+ds-1"
dest="${1:?usage: fetch-imgui.sh DEST_DIR}"

if [ -f "$dest/imgui.h" ] && [ -f "$dest/.debian-version" ] && [ "$(cat "$dest/.debian-version")" = "$IMGUI_DEB_VERSION" ]; then
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/src"

# Reuse the machine's own archive URL and keyring (deb822 or one-line format).
uri="" keyring=""
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri="$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)"
    keyring="$(awk '/^Signed-By:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)"
fi
if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri="$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) { print $i; exit } }' /etc/apt/sources.list)"
fi
uri="${uri:-http://deb.debian.org/debian}"
keyring="${keyring:-/usr/share/keyrings/debian-archive-keyring.gpg}"

echo "deb-src [signed-by=$keyring] $uri trixie main" > "$work/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
          -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
          -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")
echo "fetch-imgui: apt-get source imgui=$IMGUI_DEB_VERSION from $uri (trixie)"
apt-get "${apt_opts[@]}" -q update >/dev/null
(cd "$work/src" && apt-get "${apt_opts[@]}" -q source --download-only "imgui=$IMGUI_DEB_VERSION" >/dev/null)

orig="$(ls "$work"/src/imgui_*.orig.tar.* | head -n 1)"
mkdir -p "$work/unpack"
tar -xf "$orig" -C "$work/unpack"
top="$(find "$work/unpack" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
[ -f "$top/imgui.h" ] || { echo "fetch-imgui: imgui.h not found in $orig" >&2; exit 1; }

rm -rf "$dest"
mkdir -p "$dest"
cp "$top"/imgui*.h "$top"/imgui*.cpp "$top"/imconfig.h "$top"/imstb_*.h "$dest"/
# No backend: Galley draws ImGui's draw data itself (wasm/app/draw_list_renderer.h).
cp "$top"/LICENSE.txt "$dest"/ 2>/dev/null || true
echo "$IMGUI_DEB_VERSION" > "$dest/.debian-version"
echo "fetch-imgui: ImGui $IMGUI_DEB_VERSION sources in $dest"
