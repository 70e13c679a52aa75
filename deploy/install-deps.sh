#!/usr/bin/env bash
# Installs the Debian packages mailroom needs to build, test and run; does nothing when all are
# there. Used by tools/build.sh (so by tools/demo.sh and tools/test.sh): a fresh Debian 12 machine
# needs nothing else. Packages named as arguments are installed too (the benchmarks name their
# peers this way). --main leaves out what only the tests use (the broker server, the browser,
# promtool, Node.js): the demo needs none of it.
#   deploy/install-deps.sh [--main] [EXTRA_PACKAGE ...]
set -euo pipefail
main_only=0
if [[ "${1:-}" == --main ]]; then
  main_only=1
  shift
fi

packages=(
  # build, and the style check among the tests
  cmake g++ make pkg-config python3 clang-format
  # OCR: Tesseract with the German and orientation models, Leptonica for images, libtiff
  tesseract-ocr tesseract-ocr-deu tesseract-ocr-osd libtesseract-dev libleptonica-dev libtiff-dev
  # barcodes (read and, for the sample generator, write)
  libzxing-dev
  # messages and their JSON form
  libprotobuf-dev protobuf-compiler
  # small well-kept C++ libraries
  libfmt-dev libexpected-dev libcli11-dev nlohmann-json3-dev catch2
  # PDF: joining page PDFs (qpdf), drawing sample pages and notice pages (Cairo), checking text
  # (pdftotext), the sRGB profile that makes our PDFs PDF/A-2b
  libqpdf-dev libcairo2-dev poppler-utils icc-profiles-free
  # reading PDFs back for the review desk (pdf/): a page's text layer and the page as an image
  libpoppler-cpp-dev
  # fonts for the sample generator
  fonts-dejavu-core fonts-liberation2 fonts-freefont-ttf fonts-urw-base35
  # transport and scanning (distributed mode, SANE ingest)
  librabbitmq-dev libsane-dev sane-utils
  # SHA-256 for the content store's refs (OpenSSL; rabbitmq-c links it already)
  libssl-dev
  # HTTP for RabbitMQ's management API (the jobcenters' broker users); the OpenSSL flavour, the
  # TLS library we link already
  libcurl4-openssl-dev
  # the box ledger (chain of custody, receipts): Debian's SQLite, found by CMake's FindSQLite3
  libsqlite3-dev
  # the box ledger on a PostgreSQL server shared by a scan center's hosts: libpq, PostgreSQL's
  # own C client (ledger/src/postgres_db.cpp)
  libpq-dev
  # HTTP server for /metrics and the operations dashboard (header API, Debian's compiled library)
  libcpp-httplib-dev
  # the web pages' logins (review desk, dashboard): argon2id password hashes, random session
  # tokens and their hashes (ledger/src/secrets.cpp)
  libsodium-dev
  # yaml-cpp: the checks of deploy/ parse the manifests (found when the build is configured)
  libyaml-cpp-dev
  "$@"
)
test_only=(
  # the broker tests' private RabbitMQ node
  rabbitmq-server
  # the ledger tests' private PostgreSQL server (tests/support/postgres-node.sh: initdb, pg_ctl)
  postgresql
  # the openssl command: the TLS tests make their own CA and certificates (tests/support)
  openssl
  # the dashboard's browser test: Debian's Chromium driven by playwright-core (from npm)
  chromium
  # promtool, from Debian's prometheus package (only its tool is used; `systemctl disable
  # prometheus` if the server is not wanted), checks and unit-tests the alert rules
  prometheus
  # the PDF/A checker of the documents we write (tests/pdfa/check_pdfa.py): pikepdf for Debian's
  # python3, and qpdf's own command-line check (poppler-utils reads them a second way)
  python3-pikepdf qpdf
)
if [[ $main_only == 0 ]]; then
  packages+=("${test_only[@]}")
  # Node.js and npm for the browser test, unless a Node.js of another origin is there already (its
  # npm comes with it, and Debian's npm package would conflict with it).
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "mailroom: installing missing Debian packages: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# rabbitmq-server must not start the system-wide node: tests run their own private node.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  $sudo sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
  trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
fi
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
