#!/bin/sh
cd /work/wt/bench/perf
B=/tmp/bench-before.jar; A=/tmp/bench-after.jar
./run.sh $B before-stream 'QuadraticStreamBench' -p rotated=true
./run.sh $A after-stream 'QuadraticStreamBench'
./run.sh $B before-w1 'W1StepBench'
./run.sh $A after-w1 'W1StepBench'
./run.sh $B before-ng 'NormalGammaBocpdBench'
./run.sh $A after-ng 'NormalGammaBocpdBench'
./run.sh $B before-reg 'RegressionBocpdBench' -p rMax=256
./run.sh $A after-reg 'RegressionBocpdBench'
./run.sh $B before-rule-rot 'RuleStepBench' -p rule=ng-hessian-rot
./run.sh $A after-rule 'RuleStepBench'
./run.sh $A after-gauss 'GaussianBocpdBench'
./run.sh $A after-flops 'GaussianFlopRateBench'
./run.sh $A after-gemv 'GemvCrossoverBench'
echo ALLDONE >> runs.txt
