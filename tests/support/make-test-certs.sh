#!/usr/bin/env bash
# Throw-away certificates for the TLS tests: make-test-certs.sh DIR
#
# Writes into DIR (created if missing):
#   ca.pem                      the test CA, which signs the two certificates below
#   server.pem, server-key.pem  the broker, for 127.0.0.1 and localhost
#   client.pem, client-key.pem  a client (a worker), for brokers that demand a client certificate
#   other-ca.pem                a second CA that signed nothing here: trusting only it must fail
#
# Keys are unencrypted (the test broker and client read them without a passphrase) and 0600.
# Everything is valid for a day: long enough for a test run, useless if it leaks.
set -euo pipefail

[[ $# -eq 1 ]] || {
  echo "usage: $0 DIR" >&2
  exit 2
}
dir=$1
mkdir -p "${dir}"
cd "${dir}"
umask 077

# -quiet is not in every openssl; send the key-generation chatter to a log instead.
log=openssl.log
: >"${log}"

make_ca() {
  local name=$1 subject=$2
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 1 -subj "${subject}" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "${name}-key.pem" -out "${name}.pem" >>"${log}" 2>&1
}

# sign NAME SUBJECT EXTFILE: a key and a certificate signed by the test CA.
sign() {
  local name=$1 subject=$2 ext=$3
  openssl req -new -newkey rsa:2048 -nodes -subj "${subject}" -keyout "${name}-key.pem" -out "${name}.csr" \
    >>"${log}" 2>&1
  openssl x509 -req -in "${name}.csr" -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 1 -sha256 \
    -extfile "${ext}" -out "${name}.pem" >>"${log}" 2>&1
  rm -f "${name}.csr"
}

make_ca ca "/CN=mailroom test CA"
make_ca other-ca "/CN=mailroom unrelated CA"

# rabbitmq-c 0.11 matches the host only against DNS entries of subjectAltName (it ignores IP
# entries and, once a SAN is present, the CN), so 127.0.0.1 is listed as a DNS name as well.
cat >server.ext <<EOF
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,DNS:127.0.0.1,IP:127.0.0.1
EOF
cat >client.ext <<EOF
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth
EOF
sign server "/CN=127.0.0.1" server.ext
sign client "/CN=mailroom-test-worker" client.ext

# Nobody needs the CAs' keys after signing; the broker reads its own key as the same user.
rm -f ca-key.pem other-ca-key.pem ca.srl server.ext client.ext
