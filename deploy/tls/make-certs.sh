#!/usr/bin/env bash
# Makes a test certificate authority and node certificates signed by it, for TLS on the cluster wire
# (driftlab.tls in modules/driftlab-cluster/src/main/resources/reference.conf). Only the JDK's keytool is used.
#
#   DRIFTLAB_TLS_PASSWORD=... deploy/tls/make-certs.sh OUT_DIR NODE_NAME [NODE_NAME ...]
#   DRIFTLAB_TLS_PASSWORD=... deploy/tls/make-certs.sh --k8s-secret NAMESPACE OUT_DIR
#
# Writes into OUT_DIR (created if needed; existing files are never overwritten):
#   ca.p12          the CA's private key: keep it off the nodes (it signs new node certificates)
#   ca.pem          the CA certificate
#   truststore.p12  the CA certificate only: every node's driftlab.tls.trust-store
#   NODE_NAME.p12   that node's key and certificate chain (CN and DNS name NODE_NAME): its driftlab.tls.key-store
# Every store is PKCS#12 with the password DRIFTLAB_TLS_PASSWORD (at least 6 characters). A NODE_NAME may be a
# wildcard DNS name such as '*.driftlab-workers.default.svc.cluster.local' (file name: wildcard.<rest>.p12).
# With --k8s-secret it makes one key store for every pod of deploy/k8s/ (NODE_NAME
# '*.driftlab-workers.NAMESPACE.svc.cluster.local'; peers are authenticated by the CA, not by host name) and
# writes OUT_DIR/driftlab-tls-secret.yaml: the Secret driftlab-tls (keys node.p12, truststore.p12, password)
# that the manifests mount at /etc/driftlab/tls. Apply it with: kubectl apply -n NAMESPACE -f that file.
# Certificates are valid for DRIFTLAB_TLS_DAYS days (default 365). This is a test CA, for a private cluster
# network; use your organisation's CA for anything else.
set -euo pipefail

usage() {
  echo "usage: DRIFTLAB_TLS_PASSWORD=... $0 OUT_DIR NODE_NAME [NODE_NAME ...]" >&2
  echo "       DRIFTLAB_TLS_PASSWORD=... $0 --k8s-secret NAMESPACE OUT_DIR" >&2
  exit 2
}
[ $# -ge 2 ] || usage
namespace=""
if [ "$1" = "--k8s-secret" ]; then
  [ $# -eq 3 ] || usage
  namespace=$2
  [[ $namespace =~ ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ ]] || { echo "make-certs: '$namespace' is not a Kubernetes namespace name" >&2; exit 2; }
  out=$3
  set -- "*.driftlab-workers.$namespace.svc.cluster.local"
else
  out=$1; shift
fi
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

if [ -n "$namespace" ]; then
  secret="$out/driftlab-tls-secret.yaml"
  fresh "$secret"
  b64() { base64 -w0 "$@"; }
  {
    echo "# the cluster port's TLS keys for deploy/k8s/ in namespace $namespace (made by deploy/tls/make-certs.sh)"
    echo "apiVersion: v1"
    echo "kind: Secret"
    echo "metadata:"
    echo "  name: driftlab-tls"
    echo "  labels:"
    echo "    app.kubernetes.io/name: driftlab"
    echo "type: Opaque"
    echo "data:"
    echo "  node.p12: $(b64 "$out/${1//\*/wildcard}.p12")"
    echo "  truststore.p12: $(b64 "$out/truststore.p12")"
    echo "  password: $(printf %s "$pw" | b64)"
  } > "$secret"
  chmod 600 "$secret"
  echo "$secret"
fi
