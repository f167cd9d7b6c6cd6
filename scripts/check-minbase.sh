#!/usr/bin/env bash
# Runs the README's two commands as a new user would, on the smallest Debian 12 there is: a fresh
# `debootstrap --variant=minbase bookworm` root (what container images are made of), with the apt sources of the
# official debian:12 image (bookworm, bookworm-updates, bookworm-security) and nothing else installed. Check it
# before a release:
#   sudo scripts/check-minbase.sh [DIR]     DIR: where to make the root (default: a new directory in /var/tmp)
# The repository's HEAD goes in (git archive: uncommitted changes do not). Inside, as root: `scripts/setup.sh`
# until it serves the viewer (then one page is fetched from it and it is stopped), then `scripts/test.sh`. Prints
# the time each took and ends with test.sh's "galley tests: N passed, M failed"; exits with test.sh's status.
# Needs root (debootstrap, chroot, mounts), debootstrap (installed if missing) and Debian's archive; tens of
# minutes on 2 cores. The root is left in place for a look inside; the mounts are always undone.
set -euo pipefail

# All in one function, which bash reads whole before running: an edit to this file during a run cannot break it.
main() {
    cd "$(dirname "$0")/.."

    [ "$(id -u)" -eq 0 ] || { echo "check-minbase: needs root (debootstrap, chroot and mounts)" >&2; exit 2; }
    root="${1:-$(mktemp -d /var/tmp/galley-minbase.XXXXXX)}"
    [ -z "$(ls -A "$root" 2>/dev/null)" ] || { echo "check-minbase: $root is not empty" >&2; exit 2; }
    mkdir -p "$root"

    if ! command -v debootstrap >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap
    fi

    # The machine's own archive (deb822 or one-line sources), as scripts/fetch-imgui.sh reads it.
    mirror=""
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        mirror="$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)"
    fi
    mirror="${mirror:-http://deb.debian.org/debian}"
    security="${mirror%/debian}/debian-security"

    started=$(date +%s)
    echo "check-minbase: debootstrap --variant=minbase bookworm $root $mirror"
    debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.debootstrap.log" 2>&1 \
        || { echo "check-minbase: debootstrap failed, see $root.debootstrap.log" >&2; exit 1; }
    rm -f "$root/etc/apt/sources.list"
    cat > "$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    # This machine's way to the network, as a container would inherit it: its resolver and its local certificate
    # authorities (a TLS-inspecting egress proxy signs with one), which ca-certificates adds to the root's store when
    # setup.sh installs it. A machine without local CAs copies none.
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
        mkdir -p "$root/usr/local/share/ca-certificates"
        cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    fi
    mkdir -p "$root/root/galley"
    git archive HEAD | tar -x -C "$root/root/galley"
    echo "check-minbase: root ready in $(( $(date +%s) - started )) s; $(git rev-parse --short HEAD) in /root/galley"

    # What Chromium needs of the machine: processes, devices, shared memory, sysfs.
    mounted=()
    cleanup() {
        for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" || umount -l "${mounted[i]}"; done
    }
    trap cleanup EXIT
    for m in /proc /dev /dev/shm /sys; do
        mkdir -p "$root$m"
        mount --bind "$m" "$root$m"
        mounted+=("$root$m")
    done

    # A clean environment, as a login on the new machine would have (no PATH of this machine, no NODE_PATH).
    in_root() {
        chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -c "cd /root/galley && $1"
    }
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

    echo "== scripts/setup.sh (PORT=$port), until it serves"
    t0=$(date +%s)
    in_root "PORT=$port scripts/setup.sh" > "$root.setup.log" 2>&1 &
    setup_pid=$!
    served=0
    while kill -0 "$setup_pid" 2>/dev/null; do
        if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/index.html', timeout=2)" \
            2>/dev/null; then served=1; break; fi
        sleep 5
    done
    tail -n 5 "$root.setup.log"
    if [ "$served" -eq 1 ]; then
        echo "check-minbase: setup.sh serves http://127.0.0.1:$port/ after $(( $(date +%s) - t0 )) s"
        # setup.sh execs serve.py: stop the server inside the root (the chroot's bash, then its python3).
        pkill -P "$setup_pid" || true
        kill "$setup_pid" 2>/dev/null || true
        wait "$setup_pid" 2>/dev/null || true
    else
        wait "$setup_pid" || true
        echo "check-minbase: setup.sh ended without serving after $(( $(date +%s) - t0 )) s (log: $root.setup.log)"
    fi

    echo "== scripts/test.sh"
    t1=$(date +%s)
    status=0
    in_root "node --version; scripts/test.sh" > "$root.test.log" 2>&1 || status=$?
    grep -E '^v[0-9]+\.' "$root.test.log" | head -n 1 | sed 's/^/check-minbase: Node.js /'
    grep -E '^(ℹ (pass|fail)|not ok|# Subtest)' "$root.test.log" | tail -n 20 || true
    echo "check-minbase: test.sh took $(( $(date +%s) - t1 )) s, $(( $(date +%s) - started )) s in all (log: $root.test.log)"
    tail -n 1 "$root.test.log"
    exit "$status"
}

main "$@"
