package org.driftlab.core.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.stream.Activation;
import org.driftlab.core.stream.HiddenLayer;
import org.driftlab.core.stream.InitDistribution;
import org.driftlab.core.stream.MlpLayout;
import org.driftlab.core.stream.PriorSpec;
import org.junit.jupiter.api.Test;

class SelfNormalizedResetTest extends ResetPolicyContract {
    /** bits = 2 (+ bias): rows of 3; H = 3; θ = [W (9) | v (3) | c]. */
    private static final MlpLayout LAYOUT = MlpFixtures.LAYOUT;

    private static final InitDistribution INIT = LAYOUT.kaimingUniform(Activation.RELU);

    @Override
    ResetSpec spec() {
        return new SelfNormalizedResetSpec(0.9);
    }

    /** Units 0 and 2 always fire; unit 1 never does, so it is reset every few steps (p̂ = 1/2: after 4 idle steps). */
    @Override
    ResetContext context() {
        MlpFixtures.FixedLayer layer = new MlpFixtures.FixedLayer();
        layer.h[0] = 0.5;
        layer.h[2] = 1.5;
        return context(layer, SeedStreams.of(1, 2));
    }

    private static ResetContext context(HiddenLayer layer, SeedStreams seeds) {
        return new ResetContext(theta(), INIT, 0, layer, seeds.stream("POLICY"), (e, t) -> {
            throw new IllegalStateException("no evidence");
        });
    }

    private static double[] theta() {
        double[] t = new double[LAYOUT.dim()];
        for (int i = 0; i < t.length; i++) t[i] = 0.1 * (i + 1);
        return t;
    }

    @Test
    void resetsTheUnitsWhoseIdleTimeFailsTheirOwnTest() {
        // percentile 0.75: reset when a·ln(1 − p̂) < ln 0.25 = −1.386
        MlpFixtures.FixedLayer layer = new MlpFixtures.FixedLayer();
        SelfNormalizedResetPolicy p = (SelfNormalizedResetPolicy)
                new SelfNormalizedResetSpec(0.75).newPolicy(context(layer, SeedStreams.of(9, 9)));
        MlpFixtures.RecordingRule rule = new MlpFixtures.RecordingRule();
        double[] theta = theta();
        double[] start = theta.clone();
        // step 1: units 0 and 1 fire, unit 2 does not (a = 1, p̂ = 1/2: ln 0.5 = −0.69, kept)
        layer.h[0] = 1;
        layer.h[1] = 1;
        layer.h[2] = 0;
        assertThat(p.afterStep(0, theta, rule)).isFalse();
        assertThat(p.rate(2)).isEqualTo(0.5);
        // step 2: unit 1 idle (a = 1, p̂ = 2/3: ln(1/3) = −1.10, kept); unit 2 a = 2: 2·ln 0.5 = −1.386, not below
        layer.h[1] = 0;
        assertThat(p.afterStep(1, theta, rule)).isFalse();
        assertThat(p.rate(1)).isEqualTo(2.0 / 3.0);
        assertThat(theta).containsExactly(start);
        assertThat(rule.resets).isEmpty();
        // step 3: unit 1 a = 2: 2·ln(1/3) = −2.20; unit 2 a = 3: −2.08: both reset, in index order; unit 0 kept
        assertThat(p.afterStep(2, theta, rule)).isTrue();
        Rng replay = SeedStreams.of(9, 9).stream("POLICY");
        for (int i = 3; i < 9; i++) assertThat(theta[i]).as("θ[%d] redrawn", i).isEqualTo(INIT.draw(i, replay));
        for (int i = 0; i < 3; i++) assertThat(theta[i]).as("unit 0 kept").isEqualTo(start[i]);
        assertThat(theta[LAYOUT.outputWeight(0)]).isEqualTo(start[LAYOUT.outputWeight(0)]);
        assertThat(theta[LAYOUT.outputWeight(1)]).isZero();
        assertThat(theta[LAYOUT.outputWeight(2)]).isZero();
        assertThat(theta[LAYOUT.outputBias()]).isEqualTo(start[LAYOUT.outputBias()]);
        assertThat(rule.resets)
                .containsExactly(new int[] {3, 6}, new int[] {10, 11}, new int[] {6, 9}, new int[] {11, 12});
        assertThat(p.idle(1)).isZero();
        assertThat(p.rate(1)).isEqualTo(0.5);
    }

    @Test
    void aUnitThatKeepsFiringIsNeverReset() {
        MlpFixtures.FixedLayer layer = new MlpFixtures.FixedLayer();
        java.util.Arrays.fill(layer.h, 0.3);
        ResetPolicy p = new SelfNormalizedResetSpec(0.5).newPolicy(context(layer, SeedStreams.of(9, 9)));
        double[] theta = theta();
        for (int t = 0; t < 1000; t++)
            assertThat(p.afterStep(t, theta, new MlpFixtures.RecordingRule())).isFalse();
        assertThat(theta).containsExactly(theta());
    }

    @Test
    void needsAnMlpAndAPercentileInTheOpenUnitInterval() {
        assertThatThrownBy(() ->
                        spec().newPolicy(ResetContext.of(new double[3], PriorSpec.standard(), 0, SeedStreams.of(1, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MLP");
        assertThatThrownBy(() -> new SelfNormalizedResetSpec(1.0)).hasMessageContaining("percentile");
        assertThatThrownBy(() -> new SelfNormalizedResetSpec(0.0)).hasMessageContaining("percentile");
        assertThat(spec().needsBelief()).isFalse();
    }
}
