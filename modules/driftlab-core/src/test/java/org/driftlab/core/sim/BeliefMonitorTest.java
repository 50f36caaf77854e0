package org.driftlab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.reset.BeliefSoftSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.ResetOrder;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.junit.jupiter.api.Test;

class BeliefMonitorTest {
    private static RunSpec spec(ResetSpec reset) {
        return TestRuns.run(
                TestRuns.quadratic(2, false, 0.1, new HazardSwitchSpec(0.1)),
                new SgdSpec(0.1),
                new BocpdSpec(0.1, new NormalGammaModelSpec(0, 1, 1, 1), 0, 10),
                reset,
                100);
    }

    @Test
    void thresholdOrdersAFullResetAtTheFirstStepAboveTauAndStops() {
        FakeBeliefs.Scripted belief = new FakeBeliefs.Scripted();
        BeliefMonitor m = FakeBeliefs.monitor(
                spec(new BeliefThresholdSpec(new BeliefTrigger(0.5, 5, ResetTarget.INIT, true))), belief);
        ResetOrder order = m.consume(0, 5, new double[] {0.1, 0.5, 0.7, 0.9, 0.2});
        assertThat(order).isEqualTo(ResetOrder.full(2));
        assertThat(belief.steps()).isEqualTo(3); // nothing consumed after the order
        assertThat(belief.markResets).isEqualTo(1);
        assertThat(m.nextStep()).isEqualTo(3);
        assertThatThrownBy(() -> m.consume(5, 1, new double[1])).hasMessageContaining("expected evidence from step 3");
        assertThat(m.consume(3, 2, new double[] {0.9, 0.2})).isEqualTo(ResetOrder.full(3));
    }

    @Test
    void softOrdersTheFractionWhenPChangeCrossesTauUpward() {
        FakeBeliefs.Scripted belief = new FakeBeliefs.Scripted();
        BeliefMonitor m = FakeBeliefs.monitor(
                spec(new BeliefSoftSpec(new BeliefTrigger(0.3, 5, ResetTarget.PRIOR_MEAN, false))), belief);
        assertThat(m.consume(0, 2, new double[] {0.1, 0.2})).isNull();
        assertThat(m.consume(2, 3, new double[] {0.35, 0.9, 0.1})).isEqualTo(new ResetOrder(2, 0.35, -1, -1));
        // p_change restarts from 0 at a reset (DESIGN §6), so the first value above τ after it is a new crossing
        assertThat(m.consume(3, 2, new double[] {0.8, 0.9})).isEqualTo(new ResetOrder(3, 0.8, -1, -1));
        // below τ, then above: fires at the crossing
        assertThat(m.consume(4, 4, new double[] {0.1, 0.2, 0.6, 0.7})).isEqualTo(new ResetOrder(6, 0.6, -1, -1));
    }

    /** The evidence names the likely task: P(x) = 0.95, the others share the rest. */
    private static final class NamedTask extends FakeBeliefs.Scripted implements org.driftlab.core.belief.TaskFilter {
        private int likely;

        @Override
        public void observe(double[] x, int offset) {
            super.observe(x, offset);
            likely = (int) x[offset];
        }

        @Override
        public int tasks() {
            return 3;
        }

        @Override
        public double taskProbability(int k) {
            return k == likely ? 0.95 : 0.025;
        }

        @Override
        public int mapTask() {
            return likely;
        }
    }

    @Test
    void recallOrdersAWeightSwapWhenAnotherTaskBecomesLikely() {
        RunSpec spec = TestRuns.run(
                TestRuns.quadratic(2, false, 0.1, new org.driftlab.core.stream.MarkovSwitchSpec(3, 0.1)),
                new SgdSpec(0.1),
                new org.driftlab.core.belief.HmmSpec(0.1),
                new org.driftlab.core.reset.RecallSpec(0.9, true),
                100);
        NamedTask filter = new NamedTask();
        BeliefMonitor m = FakeBeliefs.monitor(spec, filter);
        assertThat(m.consume(0, 3, new double[] {0, 0, 2})).isEqualTo(new ResetOrder(2, 1.0, 0, 2));
        assertThat(m.consume(3, 3, new double[] {2, 2, 1})).isEqualTo(new ResetOrder(5, 1.0, 2, 1));
        assertThat(m.consume(6, 2, new double[] {1, 1})).isNull();
        assertThat(filter.markResets).isEqualTo(2);
    }

    @Test
    void policiesWithoutBeliefDecisionsNeverOrderButReport() {
        FakeBeliefs.Scripted belief = new FakeBeliefs.Scripted();
        BeliefMonitor m = FakeBeliefs.monitor(spec(new NoResetSpec()), belief);
        List<double[]> reports = new ArrayList<>();
        m.setObserver((step, map, mean, p) -> reports.add(new double[] {step, p}));
        assertThat(m.consume(0, 3, new double[] {0.99, 0.99, 0.99})).isNull();
        assertThat(reports).hasSize(3);
        assertThat(reports.get(2)).containsExactly(2, 0.99);
        assertThat(m.lastPChange()).isEqualTo(0.99);
    }

    @Test
    void withoutBeliefNothingIsConsumed() {
        BeliefMonitor m = BeliefMonitor.start(TestRuns.simple(10));
        assertThat(m.consume(0, 10, new double[0])).isNull();
        assertThat(m.nextStep()).isEqualTo(10);
        assertThat(m.lastPChange()).isNaN();
    }
}
