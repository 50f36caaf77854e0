#!/bin/bash
cd "$(dirname "$0")/../../.."
J=modules/driftlab-bench/target/driftlab-bench.jar
for b in GaussianFlopRateBench W1StepBench; do
  echo "== $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) $b" >> docs/perf/idle/runs.txt
  java -cp $J org.openjdk.jmh.Main $b -f 1 -wi 3 -i 5 -prof gc -prof org.driftlab.bench.CpuTimeProfiler -rf json -rff docs/perf/idle/$b.json > docs/perf/idle/$b.txt 2>&1
  echo "   $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) rc=$?" >> docs/perf/idle/runs.txt
done
echo ALLDONE >> docs/perf/idle/runs.txt
