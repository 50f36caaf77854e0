package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.driftlab.core.reset.ContinualBackpropSpec;
import org.driftlab.core.stream.Activation;
import org.driftlab.core.stream.PeriodicSwitchSpec;
import org.driftlab.core.stream.SlowlyChangingRegressionStreamSpec;
import org.junit.jupiter.api.Test;

/** The slowly-changing-regression stream and continual backprop read from HOCON. */
class PlasticityConfigTest {
    @Test
    void defaultsAreDohareEtAlsSetting() {
        SweepSpec sweep = SweepLoader.load(ExampleConfigsTest.CONFIGS.resolve("resets/continual-backprop.conf"));
        RunSpec run = sweep.runs().get(0);
        assertThat(run.stream()).isEqualTo(SlowlyChangingRegressionStreamSpec.dohare2024(Activation.RELU));
        assertThat(sweep.runs()).extracting(RunSpec::reset).contains(ContinualBackpropSpec.dohare2024());
        assertThat(sweep.runs())
                .extracting(r -> ((ContinualBackpropSpec) r.reset()).replacementRate())
                .containsOnly(1e-5, 1e-4, 1e-3);
    }

    @Test
    void everyKeyIsRead() {
        SweepSpec sweep =
                SweepLoader.load(ExampleConfigsTest.CONFIGS.resolve("streams/slowly-changing-regression.conf"));
        assertThat(sweep.runs())
                .extracting(r -> ((SlowlyChangingRegressionStreamSpec) r.stream()).activation())
                .containsOnly(Activation.values());
        SlowlyChangingRegressionStreamSpec s = (SlowlyChangingRegressionStreamSpec) sweep.runs().get(0).stream();
        assertThat(s.switching()).isEqualTo(new PeriodicSwitchSpec(10000));
        assertThat(s.dim()).isEqualTo(111);
    }
}
