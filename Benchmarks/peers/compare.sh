#!/usr/bin/env bash
# JobFit side by side with scikit-learn, numpy, FAISS and plain C on the same generated corpus,
# in one run, with the same thread count. Writes Benchmarks/results/latest.{json,md}.
#
#   Benchmarks/peers/compare.sh [--large] [--with-encoder] [--repeat R] [--sizes "NxM …"]
#                               [--scratch-path DIR]
#
#   --large         also (50000, 5000), the size the targets in issue 5 are stated for
#   --with-encoder  also times JobFit's SentenceEncoder and sentence-transformers (installed
#                   unless importable) on the same 1,000 sentences; the model must be on disk:
#                   JOBFIT_ENCODER_MODEL (default ~/.cache/jobfit/models/all-MiniLM-L6-v2);
#                   nothing is downloaded at run time. PyPI's torch wheel is the CUDA build;
#                   JOBFIT_TORCH_SITE=/path/to/site-packages (of a venv with torch+cpu and
#                   sentence-transformers) adds that folder to the peer venv with a .pth instead
#   --repeat R      repetitions per stage (median reported), default 3
#   --sizes "…"     replace the default sizes, e.g. --sizes "2000x500"
#   --scratch-path  SwiftPM scratch folder for jobfit-stages (default Benchmarks/.build)
#
# Each stage runs in its own process under /usr/bin/time -v, so its peak memory is its own.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
BENCH="$(dirname "$HERE")"
ROOT="$(dirname "$BENCH")"
THREADS=2
REPEAT=3
SIZES="1000x1000 10000x2000"
LARGE=0
ENCODER=0
SCRATCH=""
while [ $# -gt 0 ]; do
  case "$1" in
    --large) LARGE=1 ;;
    --with-encoder) ENCODER=1 ;;
    --repeat) REPEAT="$2"; shift ;;
    --sizes) SIZES="$2"; shift ;;
    --scratch-path) SCRATCH="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown option $1" >&2; exit 64 ;;
  esac
  shift
done
[ "$LARGE" = 1 ] && SIZES="$SIZES 50000x5000"

# Same thread count everywhere: BLAS pools, OpenMP (FAISS) and JobFit's own workers.
export OMP_NUM_THREADS=$THREADS OPENBLAS_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS
export JOBFIT_THREADS=$THREADS
export JOBFIT_ENCODER_MODEL="${JOBFIT_ENCODER_MODEL:-$HOME/.cache/jobfit/models/all-MiniLM-L6-v2}"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

# MARK: - Tools
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (for peak memory)…" >&2
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi

VENV="$HERE/.venv"
PACKAGES="numpy scipy scikit-learn faiss-cpu threadpoolctl"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
if [ -n "${JOBFIT_TORCH_SITE:-}" ]; then
  echo "$JOBFIT_TORCH_SITE" > "$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/zz-jobfit-torch-site.pth"
fi
if [ "$ENCODER" = 1 ] && ! "$VENV/bin/python" -c "import torch, sentence_transformers" 2>/dev/null; then
  PACKAGES="$PACKAGES sentence-transformers"
fi
if [ "$(cat "$VENV/.jobfit-packages" 2>/dev/null)" != "$PACKAGES" ]; then
  echo "installing $PACKAGES into $VENV…" >&2
  "$VENV/bin/pip" install -q --upgrade pip >/dev/null
  # shellcheck disable=SC2086
  "$VENV/bin/pip" install -q $PACKAGES
  echo "$PACKAGES" > "$VENV/.jobfit-packages"
fi
PY="$VENV/bin/python"
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set on this machine for old OpenBLAS builds; they
# slow numpy's bundled OpenBLAS, so they are unset for the peer commands only (see report).
PEER_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)

echo "building jobfit-stages (release)…" >&2
SCRATCH_ARGS=()
[ -n "$SCRATCH" ] && SCRATCH_ARGS=(--scratch-path "$SCRATCH")
(cd "$BENCH" && swift build -c release --product jobfit-stages "${SCRATCH_ARGS[@]}" >/dev/null)
STAGES="$(cd "$BENCH" && swift build -c release "${SCRATCH_ARGS[@]}" --show-bin-path)/jobfit-stages"
mkdir -p "$HERE/build"
gcc -O3 -march=native -o "$HERE/build/dense_ref" "$HERE/dense_ref.c" -lblas

RAW="$BENCH/results/raw"
mkdir -p "$RAW"
RUN="$RAW/run-$(date +%Y%m%d-%H%M%S).jsonl"
: > "$RUN"

# MARK: - Machine
{
  echo "{\"kind\": \"machine\", \"cpu\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')\", \"cores\": $(nproc), \"threads\": $THREADS, \"load_start\": \"$LOAD_START\", \"os\": \"$(. /etc/os-release && echo "$PRETTY_NAME")\", \"openblas_coretype\": \"${OPENBLAS_CORETYPE:-}\", \"swift\": \"$(swift --version 2>&1 | head -1 | sed 's/"/\\"/g')\"}"
  echo "{\"kind\": \"jobfit-blas\", \"report\": $("$STAGES" --blas)}"
  echo "{\"kind\": \"peer-threads\", \"report\": $("${PEER_ENV[@]}" "$PY" "$HERE/peers.py" --threads)}"
} >> "$RUN"

# measure SIZE SIDE COMMAND…: one JSON line with peak RSS appended.
measure() {
  local size="$1" side="$2"; shift 2
  local timing out
  timing="$(mktemp)"; out="$(mktemp)"
  if /usr/bin/time -v -o "$timing" "$@" > "$out"; then
    local rss
    rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$timing")"
    sed "s/}\$/, \"peak_rss_kb\": ${rss:-0}, \"corpus\": \"$size\", \"side\": \"$side\"}/" "$out" | tail -1 | tee -a "$RUN" >&2
  else
    echo "{\"kind\": \"failure\", \"corpus\": \"$size\", \"command\": \"$*\"}" | tee -a "$RUN" >&2
  fi
  rm -f "$timing" "$out"
}

# MARK: - Runs
for size in $SIZES; do
  n="${size%x*}"; m="${size#*x}"
  corpus="$HERE/corpus/$size"
  if [ ! -f "$corpus/meta.json" ]; then
    echo "generating corpus $size…" >&2
    python3 "$HERE/make_corpus.py" --resumes "$n" --postings "$m" --seed 42 --out "$corpus"
  fi
  echo "== corpus $size ==" >&2
  for stage in tfidf-sklearn tfidf-standard sparse lsa dense e2e; do
    measure "$size" jobfit "$STAGES" --corpus "$corpus" --stage "$stage" --repeat "$REPEAT"
  done
  for stage in sklearn-tfidf sklearn-sparse sklearn-lsa numpy-dense faiss-dense sklearn-e2e; do
    measure "$size" peer "${PEER_ENV[@]}" "$PY" "$HERE/peers.py" --corpus "$corpus" --stage "$stage" --repeat "$REPEAT"
  done
  measure "$size" peer "$HERE/build/dense_ref" "$corpus" "$REPEAT"
  if [ "$ENCODER" = 1 ]; then
    measure "$size" jobfit "$STAGES" --corpus "$corpus" --stage encoder --repeat "$REPEAT"
    measure "$size" peer "${PEER_ENV[@]}" "$PY" "$HERE/peers.py" --corpus "$corpus" --stage st-encoder --repeat "$REPEAT"
  fi
done

echo "{\"kind\": \"load\", \"load_end\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" >> "$RUN"
"$PY" "$HERE/report.py" "$RUN" --json "$BENCH/results/latest.json" --markdown "$BENCH/results/latest.md"
