#!/bin/sh
# Builds encord-server-bench in Release (build/bench, or $BUILD_DIR) and runs it once.
# Arguments are passed on, e.g. --datasets 20000 --seconds 3. See bench/README.md.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build/bench}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DENCORD_SHARED_DIR="${ENCORD_SHARED_DIR:-$root/../shared}" >/dev/null
cmake --build "$build" --target encord-server-bench
exec "$build/bench/encord-server-bench" "$@"
