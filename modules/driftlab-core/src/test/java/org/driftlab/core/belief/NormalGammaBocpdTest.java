package org.driftlab.core.belief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NormalGammaBocpdTest extends ScalarBocpdContract {
    static final NormalGammaModelSpec MODEL = new NormalGammaModelSpec(1.0, 0.5, 2.0, 1.5);

    NormalGammaBocpdTest() {
        super(MODEL, r -> new NormalGammaRunModel(MODEL, r));
    }

    /** Mean and noise scale both switch. */
    @Override
    double[][] series(long seed, int steps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] xs = new double[steps][1];
        double mu = 0, sd = 1;
        int next = 0;
        for (int t = 0; t < steps; t++) {
            if (t == next) {
                mu = 3 * rnd.nextGaussian();
                sd = 0.3 + rnd.nextDouble();
                next = t + (steps > 100 ? 150 + rnd.nextInt(100) : 4 + rnd.nextInt(5));
            }
            xs[t][0] = mu + sd * rnd.nextGaussian();
        }
        return xs;
    }

    @Override
    BruteForce.SegmentLogLikelihood segments(double[][] xs) {
        double[] v = new double[xs.length];
        for (int t = 0; t < xs.length; t++) v[t] = xs[t][0];
        return BruteForce.normalGamma(v, MODEL);
    }

    @Test
    void firstPredictiveIsTheStudentTOfThePrior() {
        Bocpd b = newBocpd(0, 4);
        double x = 2.2;
        b.observe(new double[] {x}, 0);
        // ν = 2α0, scale² = β0(κ0 + 1)/(α0 κ0)
        double nu = 2 * MODEL.alpha0();
        double scale2 = MODEL.beta0() * (MODEL.kappa0() + 1) / (MODEL.alpha0() * MODEL.kappa0());
        double z = (x - MODEL.mu0()) * (x - MODEL.mu0()) / (nu * scale2);
        double expected = LogSpace.logGamma((nu + 1) / 2)
                - LogSpace.logGamma(nu / 2)
                - 0.5 * Math.log(nu * Math.PI * scale2)
                - (nu + 1) / 2 * Math.log1p(z);
        assertThat(b.lastLogEvidence()).isCloseTo(expected, within(1e-13));
    }

    @Test
    void needsScalarEvidence() {
        assertThatThrownBy(() ->
                        TaskBeliefs.create(new BocpdSpec(HAZARD, MODEL, 0, 10), new EvidenceInfo(2, null, 0, 1, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width 2");
    }
}
