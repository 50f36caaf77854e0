package org.driftlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.BeliefSource;
import org.driftlab.core.rule.IdealObserverSpec;
import org.driftlab.core.rule.MetricSpec;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.rule.SwitchAwareObserverSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.junit.jupiter.api.Test;

/**
 * The rules that hold a posterior of the optimum (their state is a BOCPD or conjugate sums) give bit-identical
 * runs for every chunk size, belief-ordered resets (rollback and replay of the rule's state) included (DESIGN §3).
 */
class ObserverRulesChunkTest {
    @Test
    void everyChunkSizeGivesTheLockstepRun() {
        QuadraticStreamSpec stream = TestRuns.quadratic(4, true, 0.5, new HazardSwitchSpec(0.02));
        BocpdSpec belief = new BocpdSpec(0.02, GaussianModelSpec.fromStream(), 1e-10, 256);
        List<RuleSpec> rules = List.of(
                new SwitchAwareObserverSpec(0.02),
                new IdealObserverSpec(0.02, 1e-10, 500),
                new OptimalControlSpec(1.0, 1.0, 1.0, MetricSpec.identity(), 0.0, BeliefSource.BELIEF, null)
                        .withBelief(belief));
        for (RuleSpec rule : rules) {
            RunSpec spec = TestRuns.run(
                    stream,
                    rule,
                    belief,
                    new BeliefThresholdSpec(new BeliefTrigger(0.5, 10, ResetTarget.PRIOR_MEAN, true)),
                    600);
            RunMetrics lockstep = Simulation.run(spec, 1).metrics();
            assertThat(lockstep.resets())
                    .as("%s: belief-ordered resets happen", rule)
                    .isPositive();
            for (int chunk : new int[] {7, 64, 1000}) {
                assertThat(Simulation.run(spec, chunk).metrics())
                        .as("%s, chunk %d", rule, chunk)
                        .isEqualTo(lockstep);
            }
        }
    }
}
