#!/usr/bin/env bash
# Fetch one Debian source package, pinned by version and suite, verified by apt (signatures and hashes), without
# touching the machine's apt configuration: a private sources.list with one deb-src line for the suite, private
# list and cache directories. Unpacks the upstream tarball into DEST_DIR and applies Debian's own patches
# (debian/patches/series), so DEST_DIR holds the tree Debian builds its binary packages from; debian/ is kept there.
# Usage: scripts/fetch-debian-source.sh PACKAGE VERSION SUITE DEST_DIR [--upstream-only]
#   e.g. scripts/fetch-debian-source.sh harfbuzz 6.0.0+dfsg-3 bookworm build/deps/harfbuzz
# --upstream-only: only the upstream tarball, checked against the SHA-256 of the suite's signed Sources index
#   (apt-helper download-file), no Debian patches: for a package whose .dsc and Debian tarball the archive does not
#   serve (seen here for libunibreak 6.1-3 in trixie: 404 on both, the .orig.tar.gz served).
# DEST_DIR/.debian-source reads "PACKAGE VERSION SUITE" afterwards; a second run with the same pin does nothing.
# Does not build anything, and does not fetch the package's build dependencies.
set -euo pipefail

package="${1:?usage: fetch-debian-source.sh PACKAGE VERSION SUITE DEST_DIR}"
deb_version="${2:?usage: fetch-debian-source.sh PACKAGE VERSION SUITE DEST_DIR}"
suite="${3:?usage: fetch-debian-source.sh PACKAGE VERSION SUITE DEST_DIR}"
dest="${4:?usage: fetch-debian-source.sh PACKAGE VERSION SUITE DEST_DIR}"
upstream_only=0
case "${5:-}" in
    "") ;;
    --upstream-only) upstream_only=1 ;;
    *) echo "fetch-debian-source: unknown option ${5}" >&2; exit 2 ;;
esac
pin="$package $deb_version $suite"
[ "$upstream_only" -eq 0 ] || pin="$pin upstream-only"

if [ -f "$dest/.debian-source" ] && [ "$(cat "$dest/.debian-source")" = "$pin" ]; then
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/src" "$work/unpack"

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

echo "deb-src [signed-by=$keyring] $uri $suite main" > "$work/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
          -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
          -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")
echo "fetch-debian-source: $package=$deb_version$([ "$upstream_only" -eq 0 ] || echo ', upstream tarball only,') from $uri ($suite)"
apt-get "${apt_opts[@]}" -q update >/dev/null
if [ "$upstream_only" -eq 0 ]; then
    (cd "$work/src" && apt-get "${apt_opts[@]}" -q source --download-only "$package=$deb_version" >/dev/null)
else
    # --print-uris lists each file of the source package as 'URI' NAME SIZE SHA256:HASH, from the signed index.
    read -r orig_uri orig_name _ orig_hash < <(apt-get "${apt_opts[@]}" -q source --print-uris "$package=$deb_version" \
        | awk '$2 ~ /\.orig\.tar\./ {gsub("\047", "", $1); print $1, $2, $3, $4; exit}')
    [ -n "${orig_hash:-}" ] || { echo "fetch-debian-source: no upstream tarball listed for $package=$deb_version" >&2; exit 1; }
    /usr/lib/apt/apt-helper "${apt_opts[@]}" -q download-file "$orig_uri" "$work/src/$orig_name" "$orig_hash" >/dev/null
fi

# Format 3.0 (quilt): the upstream tarball, then debian/ from the Debian tarball over it, then the patches.
upstream="${deb_version#*:}"
upstream="${upstream%-*}"
orig="$(ls "$work/src/${package}_${upstream}".orig.tar.* | head -n 1)"
tar -xf "$orig" -C "$work/unpack"
top="$(find "$work/unpack" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
[ -n "$top" ] || { echo "fetch-debian-source: $orig holds no directory" >&2; exit 1; }
debian_tar="$(ls "$work/src/${package}_${deb_version#*:}".debian.tar.* 2>/dev/null | head -n 1 || true)"
if [ -n "$debian_tar" ]; then
    rm -rf "$top/debian"
    tar -xf "$debian_tar" -C "$top"
fi
if [ -f "$top/debian/patches/series" ]; then
    while read -r patch_name _; do
        case "$patch_name" in ''|'#'*) continue ;; esac
        patch -d "$top" -p1 -s --no-backup-if-mismatch < "$top/debian/patches/$patch_name"
    done < "$top/debian/patches/series"
fi

rm -rf "$dest"
mkdir -p "$(dirname "$dest")"
mv "$top" "$dest"
echo "$pin" > "$dest/.debian-source"
echo "fetch-debian-source: $package $deb_version ($suite) in $dest"
