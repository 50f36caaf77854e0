package org.driftlab.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.driftlab.bench.e2e.Workloads.Workload;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.sim.Simulation;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
    @Test
    void theExactModeChangesOnlyThePruneToleranceNotTheRunIdOrSeeds() {
        RunSpec pruned = Workloads.spec(Workload.W1, 7, 100);
        RunSpec exact = Workloads.spec(Workload.W1, 7, 100, 0.0);
        assertThat(((BocpdSpec) exact.belief()).pruneTolerance()).isZero();
        assertThat(((BocpdSpec) pruned.belief()).pruneTolerance()).isEqualTo(Workloads.PRUNE);
        assertThat(exact.runId()).isEqualTo(pruned.runId());
        assertThat(exact.seed()).isEqualTo(pruned.seed());
        assertThat(exact.stream()).isEqualTo(pruned.stream());
        assertThatThrownBy(() -> Workloads.spec(Workload.W1, 7, 100, 1.0)).hasMessageContaining("prune");
        assertThatThrownBy(() -> Workloads.spec(Workload.W1, 7, 100, -1e-3)).hasMessageContaining("prune");
    }

    @Test
    void w1MatchesTheIssue() {
        RunSpec spec = Workloads.spec(Workload.W1, 7);
        assertThat(spec.runId()).isEqualTo("w1-s7");
        assertThat(spec.conditionId()).isEqualTo("w1");
        assertThat(spec.seed()).isEqualTo(7);
        assertThat(spec.steps()).isEqualTo(5_000);
        QuadraticStreamSpec stream = (QuadraticStreamSpec) spec.stream();
        assertThat(stream.dim()).isEqualTo(32);
        assertThat(stream.rotated()).isFalse();
        assertThat(stream.spectrum().eigenvalues(32)[0]).isEqualTo(0.1);
        assertThat(stream.spectrum().eigenvalues(32)[31]).isEqualTo(10.0);
        assertThat(stream.gradientNoise()).isEqualTo(0.5);
        assertThat(stream.prior().mean()).isEqualTo(0.0);
        assertThat(stream.prior().std()).isEqualTo(1.0);
        assertThat(stream.init()).isNull();
        assertThat(((HazardSwitchSpec) stream.switching()).hazard()).isEqualTo(1.0 / 500);
        assertThat(spec.rule()).isEqualTo(new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0.0, false));
        BocpdSpec belief = (BocpdSpec) spec.belief();
        assertThat(belief.hazard()).isEqualTo(1.0 / 500);
        assertThat(belief.pruneTolerance()).isEqualTo(1e-10);
        assertThat(belief.maxRunLength()).isEqualTo(256);
        assertThat(belief.model()).isEqualTo(new GaussianModelSpec(0.0, 1.0, null));
        BeliefThresholdSpec reset = (BeliefThresholdSpec) spec.reset();
        assertThat(reset.tau()).isEqualTo(0.5);
        assertThat(reset.window()).isEqualTo(10);
        assertThat(reset.target()).isEqualTo(ResetTarget.PRIOR_MEAN);
    }

    @Test
    void variantsDifferOnlyWhereTheIssueSays() {
        RunSpec w1 = Workloads.spec(Workload.W1, 3);
        RunSpec dense = Workloads.spec(Workload.W1_DENSE, 3);
        RunSpec scalar = Workloads.spec(Workload.W1_SCALAR, 3);
        QuadraticStreamSpec denseStream = (QuadraticStreamSpec) dense.stream();
        assertThat(denseStream.dim()).isEqualTo(128);
        assertThat(denseStream.rotated()).isTrue();
        assertThat(dense.belief()).isEqualTo(w1.belief());
        assertThat(scalar.stream()).isEqualTo(w1.stream());
        assertThat(((BocpdSpec) scalar.belief()).model()).isInstanceOf(NormalGammaModelSpec.class);
        assertThat(scalar.rule()).isEqualTo(w1.rule());
        assertThat(scalar.reset()).isEqualTo(w1.reset());
    }

    @Test
    void byIdRoundTripsAndRejectsUnknownNames() {
        for (Workload w : Workload.values()) assertThat(Workload.byId(w.id())).isSameAs(w);
        assertThatThrownBy(() -> Workload.byId("w2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w2");
    }

    @Test
    void everyWorkloadRunsAndResetsOnSwitches() {
        for (Workload w : Workload.values()) {
            RunResult r = Simulation.run(Workloads.spec(w, 1, 1_500), 50);
            assertThat(r.metrics().diverged()).as(w.id()).isFalse();
            assertThat(r.metrics().steps()).as(w.id()).isEqualTo(1_500);
            if (w != Workload.W1_SCALAR) {
                // z-evidence beliefs detect the switches of a 1,500-step stream (hazard 1/500)
                assertThat(r.metrics().switches()).as(w.id()).isPositive();
                assertThat(r.metrics().resets()).as(w.id()).isPositive();
            }
        }
    }
}
