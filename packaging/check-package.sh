#!/usr/bin/env bash
# The `packaging` test: builds the Debian package of a build tree with CPack and checks what a
# user installs: the programs and that they start, the desktop entry, the AppStream metainfo,
# the icon, the dependencies dpkg-shlibdeps computed and those named by hand, and that apt
# could install it on this system (simulated: nothing is installed).
#
# Usage: check-package.sh BUILD_DIR, with CPACK_COMMAND, ENCORD_APP_ID, ENCORD_PROGRAMS,
# ENCORD_HELPERS and ENCORD_SANITIZE in the environment (packaging/CMakeLists.txt passes them).
set -euo pipefail

build_dir=$1
app_id=${ENCORD_APP_ID:?}
read -r -a programs <<<"${ENCORD_PROGRAMS//;/ }"
read -r -a helpers <<<"${ENCORD_HELPERS//;/ }"

failures=0
fail() {
    printf 'FAIL: %s\n' "$*" >&2
    failures=$((failures + 1))
}

for tool in dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli readelf; do
    command -v "$tool" >/dev/null || {
        echo "FAIL: $tool is missing (scripts/test installs it: see scripts/lib/common.sh)" >&2
        exit 1
    }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# CPack installs the build tree into its own staging folder under -B, not into the build tree.
# Uncompressed: what is checked does not depend on it, and the debug binaries are large.
if ! "${CPACK_COMMAND:?}" --config "$build_dir/CPackConfig.cmake" -B "$work/out" \
    -D CPACK_DEBIAN_COMPRESSION_TYPE=none >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    echo "FAIL: cpack could not build the package" >&2
    exit 1
fi
mapfile -t debs < <(find "$work/out" -maxdepth 1 -name '*.deb')
if [ ${#debs[@]} -ne 1 ]; then
    echo "FAIL: expected one .deb, found ${#debs[@]}" >&2
    exit 1
fi
deb=${debs[0]}
echo "package: $(basename "$deb")"

# Metadata.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = encord-desktop ] || fail "Package is '$(field Package)'"
[ -n "$(field Version)" ] || fail "Version is empty"
[ -n "$(field Maintainer)" ] || fail "Maintainer is empty"
[ -n "$(field Description)" ] || fail "Description is empty"
depends=$(field Depends)
echo "Depends: $depends"
# Computed by dpkg-shlibdeps from the binaries, so the libraries they link must be there.
for needed in libc6 libqt6core6 libqt6widgets6 libqt6network6 libssl3 libssh-4 libsqlite3-0 \
    libqt6svg6; do
    grep -Eq "(^|, )$needed( |,|$)" <<<"$depends" || fail "Depends lacks $needed"
done
# Read at run time, so named by hand: burned-in text redaction needs the English OCR data.
grep -Eq "(^|, )tesseract-ocr-eng( |,|$)" <<<"$depends" || fail "Depends lacks tesseract-ocr-eng"
# A sanitizer build needs the sanitizer runtimes; a package for users must not.
if [ "${ENCORD_SANITIZE:-OFF}" = OFF ] && grep -Eq 'libasan|libubsan' <<<"$depends"; then
    fail "a build without sanitizers depends on their runtimes"
fi

# Contents: every file under /usr, the programs, the desktop files, nothing of the build.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
expected=(
    "/usr/share/applications/$app_id.desktop"
    "/usr/share/metainfo/$app_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
)
for program in "${programs[@]}"; do
    expected+=("/usr/bin/$program")
done
for helper in "${helpers[@]}"; do
    [ -n "$helper" ] && expected+=("/usr/lib/encord-desktop/$helper")
done
for path in "${expected[@]}"; do
    grep -qx -- "$path" "$work/contents" || fail "the package lacks $path"
done
if grep -v '^/usr/' "$work/contents" | grep -qv '^/$'; then
    fail "files outside /usr: $(grep -v '^/usr/' "$work/contents" | grep -v '^/$' | tr '\n' ' ')"
fi
if grep -Eq '\.(a|h|cmake)$|/tst_|/bench' "$work/contents"; then
    fail "build leftovers in the package: $(grep -E '\.(a|h|cmake)$|/tst_|/bench' \
        "$work/contents" | tr '\n' ' ')"
fi

# The installed files themselves.
root=$work/root
dpkg-deb -x "$deb" "$root"
desktop=$root/usr/share/applications/$app_id.desktop
metainfo=$root/usr/share/metainfo/$app_id.metainfo.xml
icon=$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg

desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $app_id.desktop"
grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry does not name the icon $app_id"
grep -qx "Exec=encord-desktop" "$desktop" || fail "the desktop entry does not run encord-desktop"
if grep -q 'inode/directory' "$desktop"; then
    fail "the desktop entry claims inode/directory"
fi
appstreamcli validate --no-net --pedantic "$metainfo" || fail "appstreamcli rejects the metainfo"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $app_id.desktop"
grep -q "<release version=\"$(field Version | sed 's/-.*//')\"" "$metainfo" ||
    fail "the metainfo has no release entry for version $(field Version)"
head -c 400 "$icon" | grep -q '<svg' || fail "the icon is not an SVG document"

for program in "${programs[@]}" "${helpers[@]}"; do
    [ -n "$program" ] || continue
    file=$(find "$root/usr" -name "$program" -type f)
    if [[ $program == *.so ]]; then
        [ -f "$file" ] || fail "$program is missing" # a loadable module: 0644, as Debian wants
    else
        [ -x "$file" ] || fail "$program is not executable"
    fi
    if readelf -d "$file" | grep -Eq 'RPATH|RUNPATH'; then
        fail "$program carries a library search path"
    fi
done

# The packaged programs start (with the system's Qt, as an installed copy would), and
# --version needs no display.
version=$(env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY \
    "$root/usr/bin/encord-desktop" --version 2>&1) ||
    fail "encord-desktop --version failed: $version"
grep -q "$(field Version | sed 's/-.*//')" <<<"$version" ||
    fail "encord-desktop --version says '$version'"
"$root/usr/bin/encord-local-server" --help >/dev/null 2>&1 ||
    fail "encord-local-server --help failed"

# apt can install it here: every dependency resolves against this system's packages and
# archives. --simulate changes nothing (apt prints what it would do).
if command -v apt-get >/dev/null; then
    if apt-get install --simulate --no-install-recommends "$deb" >"$work/apt.log" 2>&1; then
        grep -Eq '^Inst encord-desktop |encord-desktop is already the newest' "$work/apt.log" ||
            fail "apt-get would not install encord-desktop: $(tail -n 5 "$work/apt.log")"
    else
        cat "$work/apt.log" >&2
        fail "apt-get cannot install the package (see above)"
    fi
else
    echo "note: apt-get is not available; the installation was not simulated"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "package checks passed"
