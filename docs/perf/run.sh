#!/bin/sh
# run.sh JAR TAG REGEX [extra jmh args...]: one JMH invocation with the load recorded before and after
jar=$1; tag=$2; re=$3; shift 3
{ echo "## $tag $re $*"; echo "start $(date -u +%FT%TZ) $(uptime)"; } >> runs.txt
java -jar $jar "$re" -f 1 -wi 3 -i 5 -prof gc -prof org.driftlab.bench.CpuTimeProfiler -rf json -rff $tag.json "$@" > $tag.txt 2>&1
echo "end   $(date -u +%FT%TZ) $(uptime)" >> runs.txt
