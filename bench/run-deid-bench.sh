#!/bin/sh
# Builds encord-deid-bench and the worker in Release (build/bench, or $BUILD_DIR) and runs it
# once. Arguments are passed on, e.g. --copies 4 --parallel 2. See bench/README.md.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build/bench}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DENCORD_SHARED_DIR="${ENCORD_SHARED_DIR:-$root/../shared}" >/dev/null
cmake --build "$build" --target encord-deid-bench encord-deid-worker
ENCORD_DEID_WORKER="$build/formats/dicom/encord-deid-worker" \
    exec "$build/bench/encord-deid-bench" "$@"
