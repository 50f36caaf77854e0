#!/usr/bin/env bash
# Makes a test certificate authority and node certificates signed by it, for TLS on the cluster wire
# (driftlab.tls in modules/driftlab-cluster/src/main/resources/reference.conf). Only the JDK's keytool is used.
#
#   DRIFTLAB_TLS_PASSWORD=... deploy/tls/make-certs.sh OUT_DIR NODE_NAME [NODE_NAME ...]
#
# Writes into OUT_DIR (created if needed; existing files are never overwritten):
#   ca.p12          the CA's private key: keep it off the nodes (it signs new node certificates)
#   ca.pem          the CA certificate
#   truststore.p12  the CA certificate only: every node's driftlab.tls.trust-store
#   NODE_NAME.p12   that node's key and certificate chain (CN and DNS name NODE_NAME): its driftlab.tls.key-store
# Every store is PKCS#12 with the password DRIFTLAB_TLS_PASSWORD (at least 6 characters). A NODE_NAME may be a
# wildcard DNS name such as '*.driftlab-workers.default.svc.cluster.local' (file name: wildcard.<rest>.p12).
# Certificates are valid for DRIFTLAB_TLS_DAYS days (default 365). This is a test CA, for a private cluster
# network; use your organisation's CA for anything else.
set -euo pipefail

usage() { echo "usage: DRIFTLAB_TLS_PASSWORD=... $0 OUT_DIR NODE_NAME [NODE_NAME ...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
out=$1; shift
pw=${DRIFTLAB_TLS_PASSWORD:-}
[ ${#pw} -ge 6 ] || { echo "make-certs: set DRIFTLAB_TLS_PASSWORD (at least 6 characters)" >&2; exit 2; }
days=${DRIFTLAB_TLS_DAYS:-365}
keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool
command -v "$keytool" >/dev/null || { echo "make-certs: keytool not found (set JAVA_HOME or PATH)" >&2; exit 2; }

mkdir -p "$out"
# keytool is a short-lived JVM per call: the client compiler and serial GC start it fastest
kt() { "$keytool" -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC -J-Xshare:auto -noprompt "$@" >/dev/null 2>"$out/.keytool.err" || { cat "$out/.keytool.err" >&2; exit 1; }; }
fresh() { [ ! -e "$1" ] || { echo "make-certs: $1 exists; not overwriting" >&2; exit 1; }; }

# the CA: a self-signed certificate that may sign others (basic constraints CA:true)
if [ ! -e "$out/ca.p12" ]; then
  fresh "$out/truststore.p12"
  kt -genkeypair -alias ca -dname "CN=driftlab test CA" -keyalg EC -groupname secp256r1 -validity "$days" \
     -ext bc:c -ext ku:c=keyCertSign,cRLSign -storetype PKCS12 -keystore "$out/ca.p12" -storepass "$pw"
  kt -exportcert -rfc -alias ca -keystore "$out/ca.p12" -storepass "$pw" -file "$out/ca.pem"
  kt -importcert -alias driftlab-ca -file "$out/ca.pem" -storetype PKCS12 -keystore "$out/truststore.p12" -storepass "$pw"
fi

for node in "$@"; do
  file="$out/${node//\*/wildcard}.p12"
  fresh "$file"
  # a key pair, a signing request, the CA's signature (for TLS servers and clients alike: mutual auth),
  # then the chain CA -> node imported over the self-signed placeholder
  kt -genkeypair -alias node -dname "CN=$node" -keyalg EC -groupname secp256r1 -validity "$days" \
     -storetype PKCS12 -keystore "$file" -storepass "$pw"
  kt -certreq -alias node -keystore "$file" -storepass "$pw" -file "$out/.node.csr"
  kt -gencert -alias ca -keystore "$out/ca.p12" -storepass "$pw" -infile "$out/.node.csr" -outfile "$out/.node.pem" \
     -rfc -validity "$days" -ext "san=dns:$node" -ext ku:c=digitalSignature -ext eku=serverAuth,clientAuth
  kt -importcert -alias ca -file "$out/ca.pem" -keystore "$file" -storepass "$pw"
  kt -importcert -alias node -file "$out/.node.pem" -keystore "$file" -storepass "$pw"
  rm -f "$out/.node.csr" "$out/.node.pem"
  echo "$file"
done
rm -f "$out/.keytool.err"
