#!/usr/bin/env bash
# PDF/A checked on what mailroom really writes: a small generated box (3 envelopes at 150 dpi, one
# unreadable page file added, so a notice page is drawn) registered and run through `mailroom
# process`, a review document split at the desk (`mailroom review split`, pages written anew), and
# every PDF of the output, Postkorb and review, validated by check_pdfa.py. Leaves the output in
# WORK_DIR/out for pdfa_broken_documents.
#
# Usage: tests/pdfa/written_documents_test.sh MAILROOM_BIN SAMPLEGEN_BIN PYTHON WORK_DIR
set -euo pipefail
export OMP_THREAD_LIMIT=1 # Tesseract in `mailroom process`: our threads, not OpenMP's (STYLE.md 6)
here=$(cd "$(dirname "$0")" && pwd)
bin=$1 samplegen=$2 python=$3 work=$4
fail() {
  echo "pdfa_written_documents: $*" >&2
  exit 1
}

rm -rf "$work"
mkdir -p "$work"
"$samplegen" --out "$work/sample" --seed 1 --envelopes 3 --dpi 150 >/dev/null
echo "not an image" >"$work/sample/box/9999.png"
box_field() { "$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$work/sample/box/box.json" "$1"; }
ledger=$work/ledger.sqlite
"$bin" register --ledger "$ledger" --box "$(box_field box_id)" --seal "$(box_field seal)" \
  --origin "$(box_field origin)" --operator pdfa-test >/dev/null
"$bin" process "$work/sample/box" --registry "$work/sample/registry" --out "$work/out" --ledger "$ledger" \
  --operator pdfa-test --quiet >"$work/process.log" 2>&1 || fail "mailroom process: $(cat "$work/process.log")"

postkorb=$(find "$work/out/postkorb" -name '*.pdf' | wc -l)
review=$(find "$work/out/review" -maxdepth 1 -name '*.pdf' | wc -l)
[ "$postkorb" -ge 1 ] || fail "no Postkorb document was written"
[ "$review" -ge 1 ] || fail "no review document was written"

# The review document of the most pages, split at the desk after its first page.
longest="" longest_pages=0
for pdf in "$work"/out/review/*.pdf; do
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  if [ "$pages" -gt "$longest_pages" ]; then longest=$pdf longest_pages=$pages; fi
done
[ "$longest_pages" -ge 2 ] || fail "no review document of two pages or more to split"
"$bin" review split "$(basename "$longest" .pdf)" --before-page 2 --out "$work/out" --ledger "$ledger" \
  --registry "$work/sample/registry" --operator pdfa-test >"$work/split.log" 2>&1 ||
  fail "mailroom review split: $(cat "$work/split.log")"

mapfile -t pdfs < <(find "$work/out/postkorb" "$work/out/review" -name '*.pdf' -not -path '*/.*' | sort)
echo "checking ${#pdfs[@]} documents ($postkorb Postkorb, $review review, then a split)"
"$python" "$here/check_pdfa.py" --part 2 --conformance B "${pdfs[@]}"
