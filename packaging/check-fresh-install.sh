#!/usr/bin/env bash
# Installs a built .deb into a minimal Debian 12 made with debootstrap and runs it there: the
# check that the package's computed dependencies are enough on a machine that has none of the
# build's -dev packages. Needs root and network access to deb.debian.org; takes a few minutes,
# so it is not part of scripts/test (the `packaging` test checks the package's contents).
#
#   packaging/check-fresh-install.sh path/to/encord-desktop_*.deb [ROOT_DIR]
#
# ROOT_DIR (default: a temporary folder) is reused when it already holds a system, so a second
# run only installs the package again.
set -euo pipefail

deb=$(realpath "${1:?usage: $0 path/to/encord-desktop_*.deb [ROOT_DIR]}")
root=${2:-$(mktemp -d)}

if [ "$(id -u)" -ne 0 ]; then
    echo "Run this as root: it builds a chroot and mounts /proc in it." >&2
    exit 1
fi
if ! command -v debootstrap >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

if [ ! -x "$root/usr/bin/apt-get" ]; then
    echo "==> Making a minimal Debian 12 in $root"
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
    # A fresh install has its updates and security archives enabled too.
    cat >>"$root/etc/apt/sources.list" <<'EOF'
deb http://deb.debian.org/debian bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT

cp "$deb" "$root/tmp/encord-desktop.deb"
echo "==> apt-get install ./$(basename "$deb")"
chroot "$root" bash -c '
    set -euo pipefail
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq /tmp/encord-desktop.deb >/tmp/install.log 2>&1 ||
        { tail -20 /tmp/install.log; exit 1; }
'

echo "==> Running the installed programs"
chroot "$root" bash -c '
    set -euo pipefail
    encord-desktop --version
    encord-local-server --help >/dev/null
    test -x /usr/lib/encord-desktop/encord-deid-worker
    # A first start on the local workspace, without a display: the workspace and its key
    # must appear, then the app is stopped.
    export HOME=/tmp/first-start QT_QPA_PLATFORM=offscreen
    rm -rf "$HOME" && mkdir -p "$HOME"
    status=0
    timeout 10 encord-desktop >/tmp/first-start.log 2>&1 || status=$?
    if [ "$status" -ne 124 ]; then
        echo "encord-desktop stopped by itself (exit $status):" >&2
        tail -20 /tmp/first-start.log >&2
        exit 1
    fi
    key=$(find "$HOME" -name user-key -type f | head -1)
    [ -n "$key" ] || { echo "no workspace key was created" >&2; exit 1; }
    [ "$(stat -c %a "$key")" = 600 ] || { echo "the key is readable by others" >&2; exit 1; }
    grep -q "datasets" /tmp/first-start.log ||
        { echo "the app did not list datasets:" >&2; tail -20 /tmp/first-start.log >&2; exit 1; }
    echo "first start: workspace created at $(dirname "$key")"
'
echo "==> The package installs and runs on a fresh Debian 12"
