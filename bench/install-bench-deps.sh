#!/usr/bin/env bash
# Installs the extra Debian packages that bench/ocr-throughput needs (the peers it measures
# mailroom against, GNU time for wall time and peak memory, and an edit-distance library for
# the character error rate); does nothing when all are there. Same pattern as
# deploy/install-deps.sh, which must have run first (Tesseract, tesseract-ocr-deu, pdftotext).
set -euo pipefail

packages=(
  # the peers: OCRmyPDF, and img2pdf to join the page images into its input PDF
  ocrmypdf img2pdf
  # GNU time (/usr/bin/time -v): wall time and maximum resident set size
  time
  # edit distance for the character error rate
  python3-levenshtein
  # pdftotext for the text layer of mailroom's PDFs (also in deploy/install-deps.sh)
  poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "ocr-throughput: installing missing Debian packages: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
