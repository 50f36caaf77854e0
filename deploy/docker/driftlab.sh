#!/bin/sh
# The `driftlab` command inside the image: runs the CLI jar. For `driftlab node` (the image's entrypoint) the
# node's address and seeds come from the environment, so one image serves every node:
#   DRIFTLAB_HOSTNAME  this node's address as the others reach it (default: the container's first IP address)
#   DRIFTLAB_PORT      cluster (Artery) port (default 25520)
#   DRIFTLAB_SEEDS     seed nodes, HOST:PORT[,HOST:PORT...] (default: this node itself, founding a new cluster)
#   DRIFTLAB_ROLES     extra cluster roles, comma-separated (the worker role is always there)
# Read by the node itself (modules/driftlab-cluster reference.conf): DRIFTLAB_HEALTH_ENABLED, DRIFTLAB_HEALTH_BIND,
# DRIFTLAB_HEALTH_PORT, DRIFTLAB_TLS_*, DRIFTLAB_MAX_FRAME_SIZE. JVM flags: JAVA_OPTS. Arguments after
# `driftlab node` are passed on (e.g. --debug). Any other command (submit, report, ...) runs unchanged.
set -eu
jar=${DRIFTLAB_JAR:-/opt/driftlab/driftlab.jar}
if [ "${1:-}" = node ]; then
  shift
  host=${DRIFTLAB_HOSTNAME:-$(hostname -i | awk '{print $1}')}
  port=${DRIFTLAB_PORT:-25520}
  extra=""
  for seed in $(echo "${DRIFTLAB_SEEDS:-$host:$port}" | tr ',' ' '); do extra="$extra --seed $seed"; done
  for role in $(echo "${DRIFTLAB_ROLES:-}" | tr ',' ' '); do extra="$extra --role $role"; done
  # $extra is split on spaces on purpose: seeds and roles contain none
  # shellcheck disable=SC2086
  set -- node --host "$host" --port "$port" $extra "$@"
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
