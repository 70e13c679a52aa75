#!/usr/bin/env bash
# The built-in document-type model is what tools/train-doctype.sh makes from the current generator
# and examples: a change to either without retraining fails here, so the model in the repository
# can always be reproduced by the command.
#   doctype_model_current.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1
build_dir=$2
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
cd "$source_dir"
BUILD_DIR=$build_dir SKIP_BUILD=1 OUT=$fresh bash tools/train-doctype.sh >/dev/null
if ! cmp -s "$fresh" classifier/model/doctype.model; then
  echo "classifier/model/doctype.model is not what tools/train-doctype.sh makes now: run it and commit the model" >&2
  exit 1
fi
