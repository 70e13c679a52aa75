#!/usr/bin/env bash
# Trains the document-type model and writes classifier/model/doctype.model (the next build embeds it).
#   tools/train-doctype.sh            # build dir: build/ (BUILD_DIR=... to change), jobs: JOBS=2, OUT=model file
# Training data: samplegen truth files for fixed seeds (11, 12 plain; 13, 14 with scan defects, which
# add handwritten notes on backs) plus classifier/training/examples except the held-out numbers
# 09..12, 90..93 (a second set, written later) and 60..67 (a third, 8 per type, written after both
# had been looked at and before any more training text): no training text or setting is chosen by them.
# Seeds 9001 (plain) and 9002 (--classify-mix: several documents per envelope, enclosed jobcenter
# letters) are never trained on: they and the held-out examples give the printed accuracy.
# Same inputs -> byte-identical model file. CROSS_VALIDATE=K also prints K-fold cross-validation
# over the training examples (K more trainings), the figure to compare training settings by.
#
# DESK_EXAMPLES=DIR adds the examples clerks labelled at the review desk (`mailroom review export
# --to DIR`), each page weighing DESK_WEIGHT (default 4) generated pages; they only train, never
# test. They are real mail, and so is what the model learns from them: such a model needs OUT set
# to a file in the scan center (use it with `mailroom process --doctype-model FILE`), it is written
# 0600 and never replaces the built-in model in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-2}
ENVELOPES=${ENVELOPES:-300}

desk=()
if [[ -n ${DESK_EXAMPLES:-} ]]; then
  if [[ -z ${OUT:-} || $(realpath -m "$OUT") == $(realpath -m classifier/model/doctype.model) ]]; then
    echo "train-doctype.sh: DESK_EXAMPLES holds social data: set OUT to a model file in the scan center (not the repository's classifier/model/doctype.model)" >&2
    exit 2
  fi
  if [[ ! -d $DESK_EXAMPLES ]]; then
    echo "train-doctype.sh: DESK_EXAMPLES=$DESK_EXAMPLES: no such folder" >&2
    exit 2
  fi
  desk=(--desk-examples "$DESK_EXAMPLES" --desk-weight "${DESK_WEIGHT:-4}")
fi
OUT=${OUT:-classifier/model/doctype.model}

# SKIP_BUILD=1: use the binaries already in BUILD_DIR (the test that checks the model is current).
if [[ -z ${SKIP_BUILD:-} ]]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$BUILD_DIR" --target mailroom-samplegen train-doctype -j"$JOBS"
fi

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
samplegen="$BUILD_DIR/tools/samplegen/mailroom-samplegen"
# --truth-only: the same truth as a rendered box, without the page images.
generate() {  # seed envelopes [extra samplegen options...]
  local seed=$1 envelopes=$2
  shift 2
  "$samplegen" --out "$data/seed$seed" --seed "$seed" --envelopes "$envelopes" --truth-only "$@" >/dev/null
}
generate 11 "$ENVELOPES"
generate 12 "$ENVELOPES"
generate 13 "$ENVELOPES" --scan-defects
generate 14 "$ENVELOPES" --scan-defects
generate 9001 200
generate 9002 200 --classify-mix
mix=(--test-truth "$data/seed9002/truth.json")
cv=()
if [[ -n ${CROSS_VALIDATE:-} ]]; then cv=(--cross-validate "$CROSS_VALIDATE"); fi

"$BUILD_DIR/tools/train-doctype/train-doctype" \
  --truth "$data/seed11/truth.json" --truth "$data/seed12/truth.json" \
  --truth "$data/seed13/truth.json" --truth "$data/seed14/truth.json" \
  --examples classifier/training/examples --holdout 9-12 --holdout 90-93 --holdout 60-67 --example-weight 8 \
  --test-truth "$data/seed9001/truth.json" "${mix[@]}" "${desk[@]}" "${cv[@]}" \
  --out "$OUT"
# The built-in model is part of the source; one trained on desk examples stays private (0600).
if [[ ${#desk[@]} -eq 0 ]]; then chmod 644 "$OUT"; fi
