#!/usr/bin/env bash
# Installs what bench/ocr-throughput needs on top of mailroom's own packages: the peers it
# measures mailroom against, GNU time for wall time and peak memory, and an edit-distance library
# for the character error rate. Does nothing when all are there.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/install-deps.sh \
  ocrmypdf img2pdf `# the peers: OCRmyPDF, and img2pdf to join the page images into its input PDF` \
  time `# GNU time (/usr/bin/time -v): wall time and maximum resident set size` \
  python3-levenshtein `# edit distance for the character error rate`
