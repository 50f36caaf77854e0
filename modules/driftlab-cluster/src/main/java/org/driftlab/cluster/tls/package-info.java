/**
 * Transport security of the cluster wire (DESIGN §9: "Artery TCP, TLS optional"). {@link
 * org.driftlab.cluster.tls.TlsSettings} reads {@code driftlab.tls} and, when enabled, switches Artery to
 * {@code tls-tcp} with Pekko's {@code ConfigSSLEngineProvider}: TLS 1.3, mutual authentication (each side
 * presents a certificate the other's trust store accepts), PKCS#12 key and trust stores. deploy/tls/make-certs.sh
 * makes a test CA and node certificates signed by it.
 */
package org.driftlab.cluster.tls;
