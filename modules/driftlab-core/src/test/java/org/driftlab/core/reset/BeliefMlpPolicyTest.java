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

/** The policy contract for the unit scope (the one with state), and hand-worked resets of each scope. */
class BeliefMlpPolicyTest extends ResetPolicyContract {
    /** bits = 2 (+ bias): rows of 3; H = 3; θ = [W (9) | v (3) | c]. */
    private static final MlpLayout LAYOUT = MlpFixtures.LAYOUT;

    private static final InitDistribution INIT = LAYOUT.kaimingUniform(Activation.RELU);

    @Override
    ResetSpec spec() {
        return new BeliefMlpSpec(0.5, 10, MlpResetScope.UNIT, 0.34, 0.9, true);
    }

    @Override
    ResetContext context() {
        MlpFixtures.FixedLayer layer = new MlpFixtures.FixedLayer();
        for (int j = 0; j < layer.h.length; j++) layer.h[j] = 0.5 + j;
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
        t[LAYOUT.outputWeight(0)] = 1.0;
        t[LAYOUT.outputWeight(1)] = -0.125;
        t[LAYOUT.outputWeight(2)] = 3.0;
        return t;
    }

    /** θ after one step of utilities (h = (1, 2, 0.5)) and an order, for {@code scope}; the POLICY seed is (9, 9). */
    private static double[] resetOnce(MlpResetScope scope, BeliefMlpPolicy[] policyOut) {
        MlpFixtures.FixedLayer layer = new MlpFixtures.FixedLayer();
        layer.h[0] = 1;
        layer.h[1] = 2;
        layer.h[2] = 0.5;
        BeliefMlpPolicy p = (BeliefMlpPolicy)
                new BeliefMlpSpec(0.5, 10, scope, 0.34, 0.5, true).newPolicy(context(layer, SeedStreams.of(9, 9)));
        double[] theta = theta();
        assertThat(p.afterStep(0, theta, new PlainRule(theta.length)))
                .as("keeping utilities changes no weight")
                .isFalse();
        ResetOrder order = p.onBelief(0, 0.7, new ScriptedFilter());
        assertThat(order).isNotNull();
        assertThat(p.onBelief(0, 0.5, new ScriptedFilter()))
                .as("p_change must exceed τ")
                .isNull();
        p.apply(order, theta);
        if (policyOut != null) policyOut[0] = p;
        return theta;
    }

    @Test
    void theUnitScopeRedrawsTheLowestUtilityUnits() {
        // η = 0.5, h = (1, 2, 0.5), v = (1, −0.125, 3): u = 0.5·|h||v| = (0.5, 0.125, 0.75); ⌈0.34·3⌉ = 2 units:
        // unit 1 (0.125) and unit 0 (0.5) get fresh input weights and v_j = 0; unit 2 and c are kept
        BeliefMlpPolicy[] p = new BeliefMlpPolicy[1];
        double[] start = theta();
        double[] theta = resetOnce(MlpResetScope.UNIT, p);
        Rng replay = SeedStreams.of(9, 9).stream("POLICY");
        for (int i = 0; i < 6; i++) assertThat(theta[i]).as("θ[%d] redrawn", i).isEqualTo(INIT.draw(i, replay));
        for (int i = 6; i < 9; i++)
            assertThat(theta[i]).as("unit 2's input weights kept").isEqualTo(start[i]);
        assertThat(theta[LAYOUT.outputWeight(0)]).isZero();
        assertThat(theta[LAYOUT.outputWeight(1)]).isZero();
        assertThat(theta[LAYOUT.outputWeight(2)]).isEqualTo(3.0);
        assertThat(theta[LAYOUT.outputBias()]).isEqualTo(start[LAYOUT.outputBias()]);
        assertThat(p[0].utility(0)).isZero();
        assertThat(p[0].utility(1)).isZero();
        assertThat(p[0].utility(2)).isEqualTo(0.75);
    }

    @Test
    void theLayerScopeRedrawsTheOutputLayerOnly() {
        double[] start = theta();
        double[] theta = resetOnce(MlpResetScope.LAYER, null);
        Rng replay = SeedStreams.of(9, 9).stream("POLICY");
        for (int i = 0; i < 9; i++)
            assertThat(theta[i]).as("hidden θ[%d] kept", i).isEqualTo(start[i]);
        for (int i = 9; i < LAYOUT.dim(); i++)
            assertThat(theta[i]).as("θ[%d] redrawn", i).isEqualTo(INIT.draw(i, replay));
    }

    @Test
    void theNetworkScopeRedrawsEveryWeight() {
        double[] theta = resetOnce(MlpResetScope.NETWORK, null);
        Rng replay = SeedStreams.of(9, 9).stream("POLICY");
        for (int i = 0; i < LAYOUT.dim(); i++)
            assertThat(theta[i]).as("θ[%d]", i).isEqualTo(INIT.draw(i, replay));
    }

    @Test
    void needsAnMlpAndValidValues() {
        assertThatThrownBy(() ->
                        spec().newPolicy(ResetContext.of(new double[3], PriorSpec.standard(), 0, SeedStreams.of(1, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MLP");
        MlpResetScope unit = MlpResetScope.UNIT;
        assertThatThrownBy(() -> new BeliefMlpSpec(1.0, 10, unit, 0.2, 0.9, true))
                .hasMessageContaining("tau");
        assertThatThrownBy(() -> new BeliefMlpSpec(0.5, 0, unit, 0.2, 0.9, true))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new BeliefMlpSpec(0.5, 10, unit, 1.5, 0.9, true))
                .hasMessageContaining("fraction");
        assertThatThrownBy(() -> new BeliefMlpSpec(0.5, 10, unit, 0.2, 1.0, true))
                .hasMessageContaining("decay");
        assertThatThrownBy(() -> new BeliefMlpSpec(0.5, 10, null, 0.2, 0.9, true))
                .hasMessageContaining("scope");
        assertThat(spec().needsBelief()).isTrue();
        assertThat(spec().target()).isEqualTo(ResetTarget.FRESH_DRAW);
    }
}
