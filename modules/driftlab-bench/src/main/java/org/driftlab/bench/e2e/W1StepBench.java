package org.driftlab.bench.e2e;

import java.util.concurrent.TimeUnit;
import org.driftlab.bench.e2e.Workloads.Workload;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.reset.ResetOrder;
import org.driftlab.core.rule.LearningRule;
import org.driftlab.core.sim.BeliefMonitor;
import org.driftlab.core.sim.Learner;
import org.driftlab.core.sim.OptimisticLearner;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.EvidenceKind;
import org.driftlab.core.stream.TaskStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference step of each {@link Workloads} workload and its split. All figures are per learner-step.
 * <ul>
 * <li>{@code step}: learner step + belief step in lockstep, the reset applied when ordered (with K = 1 the
 *     checkpoint before each step is the one the step reruns from, DESIGN §7): {@code Learner.runChunk(1)} (stream switch, gradient
 *     observation, loss, evidence, Adam, metrics) then {@code BeliefMonitor.consume} (BOCPD observe,
 *     p_change(10), threshold).</li>
 * <li>{@code learner}: the learner's part alone (its evidence written but not consumed: no belief, no resets).</li>
 * <li>{@code rule}: Adam's step alone, on gradients recorded from the workload's stream.</li>
 * <li>{@code belief}: the belief monitor alone on evidence recorded from the workload's stream (one step's
 *     evidence copied into the monitor's input buffer, as the learner would have written it).</li>
 * <li>{@code chunked}: Simulation's driver with chunks of K = 50 steps ({@link OptimisticLearner}): runChunk with
 *     its checkpoints every {@link OptimisticLearner#checkpointInterval} steps, consume, and on an order the
 *     rollback to the nearest checkpoint and replay; exactly 50 steps per call (a chunk cut short by a reset is
 *     followed by one for the rest), reported per step.</li>
 * <li>{@code copyState}: one {@code Learner.copyStateFrom} (a checkpoint), per copy, not per step: the C of
 *     the checkpoint interval's cost model (see {@link OptimisticLearner}).</li>
 * </ul>
 * Learners run a spec of 2⁴⁰ steps so they never finish inside a benchmark (the per-run logs of switches and
 * resets still grow, rarely: a few bytes per step amortised). Recordings: 8,192 steps from the workload's own
 * stream and rule (no resets), replayed cyclically.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class W1StepBench {
    static final int RECORDED = 8192;
    static final int CHUNK = 50;
    static final long LONG_RUN = 1L << 40;

    @Param({"w1", "w1-dense", "w1-scalar"})
    String workload;

    RunSpec spec;
    OptimisticLearner lockstep;
    BeliefMonitor monitor;
    double[] evidence;

    Learner learnerOnly;
    double[] learnerEvidence;

    LearningRule rule;
    double[] theta;
    double[] theta0;
    double[][] gradients;

    BeliefMonitor beliefOnly;
    double[][] recordedEvidence;
    double[] beliefInput;
    long beliefStep;

    OptimisticLearner chunkRun;
    Learner chunkLearner;
    Learner copySource;
    Learner copyTarget;
    BeliefMonitor chunkMonitor;
    double[] chunkEvidence;

    int t;

    @Setup(Level.Trial)
    public void build() {
        spec = Workloads.spec(Workload.byId(workload), 1, LONG_RUN);
        lockstep = OptimisticLearner.start(spec, 1, true);
        monitor = BeliefMonitor.start(spec);
        evidence = new double[lockstep.learner().evidenceWidth()];
        learnerOnly = Learner.start(spec);
        learnerEvidence = new double[learnerOnly.evidenceWidth()];
        chunkRun = OptimisticLearner.start(spec, CHUNK, true);
        chunkLearner = chunkRun.learner();
        copySource = Learner.start(spec);
        copySource.runChunk(1000, new double[1000 * copySource.evidenceWidth()]); // a state with switches logged
        copyTarget = copySource.twin();
        chunkMonitor = BeliefMonitor.start(spec);
        chunkEvidence = new double[CHUNK * chunkLearner.evidenceWidth()];
        record();
        beliefOnly = BeliefMonitor.start(spec);
        beliefInput = new double[recordedEvidence[0].length];
    }

    // gradients and evidence of RECORDED steps of the workload's stream under its own rule, without resets
    private void record() {
        TaskStream stream = TaskStream.create(spec.stream(), SeedStreams.of(spec.masterSeed(), spec.seed()));
        int d = stream.dim();
        EvidenceKind kind = ((BocpdSpec) spec.belief()).model() instanceof NormalGammaModelSpec
                ? EvidenceKind.LOSS
                : EvidenceKind.OPTIMUM;
        int width = stream.evidenceWidth(kind);
        LearningRule recorder = spec.rule().newRule(d, spec.dt());
        theta0 = stream.initialWeights().clone();
        double[] th = theta0.clone();
        gradients = new double[RECORDED][d];
        recordedEvidence = new double[RECORDED][width];
        for (int k = 0; k < RECORDED; k++) {
            stream.advance();
            stream.observeGradient(th, gradients[k]);
            stream.writeEvidence(kind, th, gradients[k], recordedEvidence[k], 0);
            recorder.step(th, gradients[k], stream);
        }
        rule = spec.rule().newRule(d, spec.dt());
        theta = theta0.clone();
    }

    @Benchmark
    public double step() {
        long start = lockstep.learner().nextStep();
        int ran = lockstep.runChunk(evidence);
        ResetOrder order = monitor.consume(start, ran, evidence);
        if (order != null) lockstep.rollBack(order, evidence);
        return evidence[0];
    }

    @Benchmark
    public double learner() {
        learnerOnly.runChunk(1, learnerEvidence);
        return learnerEvidence[0];
    }

    @Benchmark
    public double[] rule() {
        if (t == 0) System.arraycopy(theta0, 0, theta, 0, theta.length); // keep θ near the recorded trajectory
        rule.step(theta, gradients[t], null);
        t = (t + 1) & (RECORDED - 1);
        return theta;
    }

    @Benchmark
    public ResetOrder belief() {
        double[] z = recordedEvidence[t];
        System.arraycopy(z, 0, beliefInput, 0, z.length);
        t = (t + 1) & (RECORDED - 1);
        return beliefOnly.consume(beliefStep++, 1, beliefInput);
    }

    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public long chunked() {
        // exactly CHUNK steps per call: a chunk cut short by a reset is followed by one for the rest
        long target = chunkLearner.nextStep() + CHUNK;
        while (chunkLearner.nextStep() < target) {
            long start = chunkLearner.nextStep();
            int ran = chunkRun.runChunk((int) (target - start), chunkEvidence);
            ResetOrder order = chunkMonitor.consume(start, ran, chunkEvidence);
            if (order != null) chunkRun.rollBack(order, chunkEvidence);
        }
        return chunkLearner.nextStep();
    }

    @Benchmark
    public Learner copyState() {
        copyTarget.copyStateFrom(copySource);
        return copyTarget;
    }
}
