package org.driftlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.TaskBelief;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.reset.BeliefSoftSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.L2InitSpec;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.OracleResetSpec;
import org.driftlab.core.reset.PeriodicResetSpec;
import org.driftlab.core.reset.RecallSpec;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.reset.ShrinkPerturbSpec;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.MarkovSwitchSpec;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final int[] CHUNKS = {1, 7, 64};

    private static RunSpec adamRun(ResetSpec reset, org.driftlab.core.belief.BeliefSpec belief, long steps) {
        return TestRuns.run(
                TestRuns.quadratic(3, true, 0.2, new HazardSwitchSpec(0.02)),
                new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0, false),
                belief,
                reset,
                steps);
    }

    /** The run the child JVM repeats: switching, noise, a rotated H, Adam, periodic fresh draws. */
    static RunSpec crossJvmSpec() {
        return adamRun(new PeriodicResetSpec(37, ResetTarget.FRESH_DRAW, true), new NoBeliefSpec(), 400);
    }

    @Test
    void sameSpecTwiceGivesEqualMetrics() {
        RunSpec spec = crossJvmSpec();
        RunResult a = Simulation.run(spec, 16);
        RunResult b = Simulation.run(spec, 16);
        assertThat(b.metrics()).isEqualTo(a.metrics());
        assertThat(a.metrics().switches()).isPositive();
        assertThat(a.runId()).isEqualTo("run");
        assertThat(a.node()).isEqualTo(Simulation.LOCAL_NODE);
    }

    @Test
    void anotherJvmComputesTheSameMetrics() throws Exception {
        String expected =
                RunMetricsDigest.digest(Simulation.run(crossJvmSpec(), 5).metrics());
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Xshare:auto",
                        "-XX:TieredStopAtLevel=1",
                        RunMetricsDigest.class.getName(),
                        "64")
                .redirectErrorStream(true)
                .start();
        String output;
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            boolean done = child.waitFor(60, TimeUnit.SECONDS);
            if (!done) child.destroyForcibly();
            assertThat(done).as("child JVM finished in time").isTrue();
            output = r.lines().reduce("", (x, y) -> x + y + "\n");
        }
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(line -> line.startsWith("digest=")).findFirst())
                .as(output)
                .hasValue("digest=" + expected);
    }

    @Test
    void chunkedEqualsLockstepForLearnerSidePolicies() {
        List<ResetSpec> policies = List.of(
                new NoResetSpec(),
                new PeriodicResetSpec(23, ResetTarget.FRESH_DRAW, true),
                new OracleResetSpec(ResetTarget.PRIOR_MEAN, false),
                new ShrinkPerturbSpec(0.9, 0.05, 5),
                new L2InitSpec(0.1));
        for (ResetSpec reset : policies) {
            RunSpec spec = adamRun(reset, new NoBeliefSpec(), 300);
            RunMetrics lockstep = Simulation.run(spec, 1).metrics();
            for (int k : CHUNKS)
                assertThat(Simulation.run(spec, k).metrics())
                        .as("%s, chunk %d", reset, k)
                        .isEqualTo(lockstep);
        }
    }

    @Test
    void chunkedEqualsLockstepWithManyBeliefOrderedResets() {
        BocpdSpec gaussian = new BocpdSpec(0.02, GaussianModelSpec.fromStream(), 0, 50);
        checkChunking(
                adamRun(
                        new BeliefThresholdSpec(new BeliefTrigger(0.5, 5, ResetTarget.FRESH_DRAW, true)),
                        gaussian,
                        400),
                spec -> new FakeBeliefs.Surprise(3, 1.0),
                20);
        checkChunking(
                adamRun(new BeliefSoftSpec(new BeliefTrigger(0.3, 5, ResetTarget.INIT, false)), gaussian, 400),
                spec -> new FakeBeliefs.Surprise(3, 1.0),
                20);
        RunSpec recall = TestRuns.run(
                TestRuns.quadratic(3, false, 0.3, new MarkovSwitchSpec(3, 0.05)),
                new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0, false),
                new HmmSpec(0.05),
                new RecallSpec(0.9, true),
                400);
        checkChunking(recall, FakeBeliefs.Nearest::forRun, 5);
    }

    private static void checkChunking(RunSpec spec, Function<RunSpec, TaskBelief> belief, int minResets) {
        RunMetrics lockstep = Simulation.run(spec, 1, null, FakeBeliefs.monitor(spec, belief.apply(spec)))
                .metrics();
        assertThat(lockstep.resets()).as("%s resets", spec.reset()).isGreaterThanOrEqualTo(minResets);
        for (int k : CHUNKS) {
            RunMetrics chunked = Simulation.run(spec, k, null, FakeBeliefs.monitor(spec, belief.apply(spec)))
                    .metrics();
            assertThat(chunked).as("%s, chunk %d", spec.reset(), k).isEqualTo(lockstep);
        }
    }

    @Test
    void traceWriterWritesOneRowPerStepAtFullPrecision() throws Exception {
        RunSpec spec = adamRun(new PeriodicResetSpec(10, ResetTarget.INIT, true), new NoBeliefSpec(), 30);
        StringWriter out = new StringWriter();
        RunResult traced;
        try (TraceWriter writer = new TraceWriter(out, 3, true)) {
            traced = Simulation.run(spec, writer);
        }
        assertThat(traced.metrics()).isEqualTo(Simulation.run(spec, 64).metrics());
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(out.toString()))
                .getRecords();
        assertThat(rows).hasSize(30);
        assertThat(rows.get(0).getParser().getHeaderNames())
                .containsExactly(
                        "step",
                        "time",
                        "task",
                        "loss",
                        "excess_loss",
                        "p_change",
                        "reset",
                        "theta_0",
                        "theta_1",
                        "theta_2");
        double lossSum = 0;
        for (int t = 0; t < 30; t++) {
            CSVRecord row = rows.get(t);
            assertThat(Long.parseLong(row.get("step"))).isEqualTo(t);
            assertThat(Double.parseDouble(row.get("time"))).isEqualTo(t * spec.dt());
            assertThat(row.get("reset")).isEqualTo(t % 10 == 9 ? "1" : "0");
            assertThat(row.get("p_change")).isEqualTo("NaN");
            lossSum += Double.parseDouble(row.get("loss"));
        }
        assertThat(lossSum / 30).isEqualTo(traced.metrics().meanLoss()); // full precision round trip
    }

    @Test
    void traceWriterCanOmitTheta() {
        StringWriter out = new StringWriter();
        TraceWriter writer = new TraceWriter(out, 2, false);
        writer.onStep(3, 0.3, 1, 0.1, 0.05, 0.5, true, new double[] {1, 2});
        writer.flush();
        assertThat(out.toString())
                .isEqualTo("step,time,task,loss,excess_loss,p_change,reset\r\n3,0.3,1,0.1,0.05,0.5,1\r\n");
    }
}
