#!/usr/bin/env bash
# Builds the release preset and runs the CVAT import benchmark (see bench/cvatbench.cpp).
# Arguments are passed on, e.g. --images 500 --shapes 25000 --parallel 8. See bench/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target encord-cvat-bench
build/release/bench/encord-cvat-bench "$@"
