#!/bin/sh
cd /work/wt/bench/perf
while ! grep -q ALLDONE runs.txt; do sleep 5; done
./run.sh /tmp/bench-after.jar ab4-stream 'QuadraticStreamBench.observe$' -p rotated=true -p dim=32,128
./run.sh /tmp/bench-after8.jar ab8-stream 'QuadraticStreamBench.observe$' -p rotated=true -p dim=32,128
echo ABDONE >> runs.txt
