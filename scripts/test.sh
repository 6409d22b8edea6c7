#!/usr/bin/env bash
# Installs missing dependencies, then runs the whole test suite (unit, property, parity,
# end-to-end). Idempotent; this is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --deps
swift build --build-tests 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\]' || true; }
swift test --skip-build 2>&1
