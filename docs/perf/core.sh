#!/bin/sh
cd /work/wt/bench/perf
while ! grep -q ABDONE runs.txt; do sleep 5; done
./run.sh /tmp/bench-after8b.jar after-rule128 'RuleStepBench' -p dim=128
for jar in before after8b; do
  for w in "w1 16" "w1-dense 4" "w1-scalar 8"; do
    set -- $w
    { echo "## core-$jar $1 learners=$2"; echo "start $(date -u +%FT%TZ) $(uptime)"; } >> runs.txt
    java -cp /tmp/bench-$jar.jar org.driftlab.bench.e2e.CoreLoopHarness $1 $2 5000 50 2 5 >> core-$jar.txt 2>&1
    echo "end   $(date -u +%FT%TZ) $(uptime)" >> runs.txt
  done
done
echo COREDONE >> runs.txt
