#!/bin/sh
# usage: topframes.sh file.jfr [n]  -- self-time (top frame) histogram of JFR execution samples
jfr print --events jdk.ExecutionSample --stack-depth 1 "$1" | grep -A1 "stackTrace = \[" | grep -v "stackTrace\|^--" | sed 's/line:.*//; s/^ *//' | sort | uniq -c | sort -rn | head -${2:-25}
