#!/usr/bin/env bash
# A driftlab cluster of worker JVMs on this machine (127.0.0.1), for trying the cluster commands without
# containers. Uses the CLI jar (built with mvn when missing).
#
#   deploy/local/cluster.sh start N            start N worker nodes; returns once all are ready
#   deploy/local/cluster.sh submit CONFIG ...  driftlab submit CONFIG to them (extra args passed on; results
#                                              go to results/<name>.duckdb under the current directory)
#   deploy/local/cluster.sh status             each node: pid, running or not, /health/ready answer
#   deploy/local/cluster.sh stop               SIGTERM each node (it leaves the cluster), SIGKILL after a bound
#
# Environment: DRIFTLAB_RUN_DIR (default: <repo>/run/local-cluster: pid files, logs, node working
# directories), DRIFTLAB_BASE_PORT (25520: node i listens on BASE+i), DRIFTLAB_HEALTH_BASE_PORT (8558: node
# i's health endpoints on 127.0.0.1:HEALTH_BASE+i), DRIFTLAB_START_TIMEOUT and DRIFTLAB_STOP_TIMEOUT (seconds,
# 90 and 60), JAVA_OPTS; DRIFTLAB_CLASSPATH runs that class path instead of the jar (tests).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
run_dir=${DRIFTLAB_RUN_DIR:-$here/run/local-cluster}
base=${DRIFTLAB_BASE_PORT:-25520}
health_base=${DRIFTLAB_HEALTH_BASE_PORT:-8558}
start_timeout=${DRIFTLAB_START_TIMEOUT:-90}
stop_timeout=${DRIFTLAB_STOP_TIMEOUT:-60}
jar="$here/modules/driftlab-cli/target/driftlab.jar"

die() { echo "cluster.sh: $*" >&2; exit 2; }

driftlab_cmd() {
  if [ -n "${DRIFTLAB_CLASSPATH:-}" ]; then
    echo "java ${JAVA_OPTS:-} -cp $DRIFTLAB_CLASSPATH org.driftlab.cli.DriftlabCommand"
  else
    if [ ! -f "$jar" ]; then
      echo "cluster.sh: building the CLI jar..." >&2
      (cd "$here" && mvn -B -q -DskipTests -pl modules/driftlab-cli -am package) >&2 || die "build failed"
    fi
    echo "java ${JAVA_OPTS:-} -jar $jar"
  fi
}

# true when the pid file names a live process of ours (a reused pid of another program does not count)
alive() {
  local pid_file=$1 pid
  [ -f "$pid_file" ] || return 1
  pid=$(cat "$pid_file")
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'DriftlabCommand\|driftlab.jar'
}

# the body of GET http://127.0.0.1:PORT/health/ready (empty when nothing answers); curl or bash's /dev/tcp
ready_answer() {
  local port=$1
  if command -v curl >/dev/null 2>&1; then
    curl -s --max-time 2 "http://127.0.0.1:$port/health/ready" || true
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 \
      && timeout 2 cat <&3 | tail -n 1) 2>/dev/null || true
  fi
}

nodes() { [ -f "$run_dir/nodes" ] && cat "$run_dir/nodes" || echo 0; }

start() {
  local n=${1:-}
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "usage: $0 start N (N >= 1 worker nodes)"
  for pid_file in "$run_dir"/node-*/pid; do
    if alive "$pid_file"; then die "a node is already running ($pid_file); run '$0 stop' first"; fi
  done
  local cmd
  cmd=$(driftlab_cmd)
  mkdir -p "$run_dir"
  echo "$n" > "$run_dir/nodes"
  local seed="127.0.0.1:$base"
  for ((i = 0; i < n; i++)); do
    local dir="$run_dir/node-$i"
    mkdir -p "$dir"
    rm -f "$dir/pid"
    # each node in its own working directory: its logs/driftlab.log stays apart
    # shellcheck disable=SC2086
    (cd "$dir" && export DRIFTLAB_HEALTH_ENABLED=on DRIFTLAB_HEALTH_BIND=127.0.0.1 DRIFTLAB_HEALTH_PORT=$((health_base + i)) \
        && exec $cmd node --host 127.0.0.1 --port $((base + i)) --seed "$seed" < /dev/null > "$dir/node.out" 2>&1) &
    echo $! > "$dir/pid"
  done
  local deadline=$((SECONDS + start_timeout))
  for ((i = 0; i < n; i++)); do
    until [ "$(ready_answer $((health_base + i)))" = "ready" ]; do
      if ! alive "$run_dir/node-$i/pid"; then
        tail -n 20 "$run_dir/node-$i/node.out" >&2 || true
        die "node $i exited while starting (log: $run_dir/node-$i/node.out)"
      fi
      if [ $SECONDS -ge $deadline ]; then
        die "node $i not ready within ${start_timeout}s (log: $run_dir/node-$i/node.out); '$0 stop' cleans up"
      fi
      sleep 0.5
    done
  done
  echo "cluster of $n nodes ready: 127.0.0.1:$base..$((base + n - 1)) (run dir $run_dir)"
}

status() {
  local n running=0
  n=$(nodes)
  [ "$n" -gt 0 ] || { echo "no cluster started (run dir $run_dir)"; return 3; }
  for ((i = 0; i < n; i++)); do
    local pid_file="$run_dir/node-$i/pid" state answer
    if alive "$pid_file"; then
      running=$((running + 1))
      answer=$(ready_answer $((health_base + i)))
      state="running pid $(cat "$pid_file"), ${answer:-no health answer}"
    else
      state="not running"
    fi
    echo "node $i 127.0.0.1:$((base + i)): $state"
  done
  [ "$running" -eq "$n" ] || return 3
}

submit() {
  [ $# -ge 1 ] || die "usage: $0 submit CONFIG [driftlab submit options]"
  local n config=$1
  shift
  n=$(nodes)
  [ "$n" -gt 0 ] || die "no cluster started: run '$0 start N' first"
  [ -f "$config" ] || die "config not found: $config"
  local cmd
  cmd=$(driftlab_cmd)
  # shellcheck disable=SC2086
  exec $cmd submit "$config" --contact "127.0.0.1:$base" --workers "$n" "$@"
}

stop() {
  local n
  n=$(nodes)
  for ((i = 0; i < n; i++)); do
    if alive "$run_dir/node-$i/pid"; then kill -TERM "$(cat "$run_dir/node-$i/pid")"; fi
  done
  local deadline=$((SECONDS + stop_timeout))
  for ((i = 0; i < n; i++)); do
    local pid_file="$run_dir/node-$i/pid"
    while alive "$pid_file" && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    if alive "$pid_file"; then
      echo "cluster.sh: node $i did not stop within ${stop_timeout}s; killing it" >&2
      kill -KILL "$(cat "$pid_file")" 2>/dev/null || true
    fi
    rm -f "$pid_file"
  done
  rm -f "$run_dir/nodes"
  echo "stopped $n nodes"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  submit) shift; submit "$@" ;;
  status) status ;;
  stop) stop ;;
  *) die "usage: $0 start N | submit CONFIG [options] | status | stop" ;;
esac
