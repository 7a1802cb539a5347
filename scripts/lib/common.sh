# Shared by scripts/test and scripts/run: installs the Debian packages the project needs
# and configures + builds one CMake preset. Sourced, not executed.

# Everything a build, the tests and the app need on a fresh Debian 12 machine.
ENCORD_PACKAGES=(
    cmake ninja-build g++ pkg-config git
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-qpa-plugins
    qcoro-qt6-dev libqt6svg6
    libssl-dev libssh-dev libsqlite3-dev libcpp-httplib-dev libzip-dev libexpat1-dev
    openssh-client openssl
    xvfb xauth
    qt6-tools-dev qt6-l10n-tools
    dpkg-dev appstream desktop-file-utils
    libgdcm-dev libtesseract-dev libleptonica-dev tesseract-ocr-eng
    libgdcm-tools dcmtk fonts-dejavu-core
)

encord_say() { printf '==> %s\n' "$*"; }

encord_install_packages() {
    local missing=()
    local pkg
    for pkg in "${ENCORD_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi

    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "These Debian packages are missing and sudo is not available:" >&2
            echo "  ${missing[*]}" >&2
            echo "Install them as root (apt-get install ${missing[*]}) and run this again." >&2
            exit 1
        fi
        sudo=(sudo)
    fi
    encord_say "Installing missing Debian packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
}

# encord_build PRESET [extra cmake -D options...]
# Builds everything, or only the targets listed in ENCORD_BUILD_TARGETS.
encord_build() {
    local preset=$1
    shift
    local root
    root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
    cd "$root"
    encord_say "Configuring preset '$preset'"
    cmake --preset "$preset" "$@" >/dev/null
    encord_say "Building preset '$preset'"
    local targets=()
    if [ -n "${ENCORD_BUILD_TARGETS:-}" ]; then
        read -r -a names <<<"$ENCORD_BUILD_TARGETS"
        targets=(--target "${names[@]}")
    fi
    cmake --build --preset "$preset" "${targets[@]}" -- -j"$(nproc)"
}
