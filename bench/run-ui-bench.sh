#!/usr/bin/env bash
# Builds the release preset and runs the browser benchmark (see bench/uibench.cpp).
# Arguments: [DATASETS [SUBFOLDERS [ITEMS]]], default 100000 10000 50000.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target encord-ui-bench
QT_QPA_PLATFORM=offscreen build/release/bench/encord-ui-bench "$@"
