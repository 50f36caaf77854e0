/**
 * Read-only HTTP health endpoints of a node (DESIGN §9, deploy/): {@code GET /health/alive} answers 200 while
 * the node's actor system runs; {@code GET /health/ready} answers 200 once the node is an Up cluster member
 * and, on a worker, its learner shard region is registered (503 otherwise). Served by the JDK's
 * {@code com.sun.net.httpserver} on {@code driftlab.health.bind-address:port} (127.0.0.1 unless configured),
 * so orchestrators (Kubernetes probes, compose health checks) see a node's state without a cluster client.
 */
package org.driftlab.cluster.health;
