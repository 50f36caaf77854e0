package org.driftlab.core.random;

import org.apache.commons.rng.RandomProviderState;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One seeded random stream (xoshiro256++ from Commons RNG) with standard normal draws (ziggurat, which
 * keeps no state of its own, so the generator's state is the whole state). Its state can be copied, which
 * the chunked execution with rollback needs (DESIGN §9). Confined to one learner; not thread-safe.
 */
public final class Rng {
    private final RestorableUniformRandomProvider provider;
    private final ContinuousSampler gaussian;

    Rng(long[] seed) {
        this.provider = RandomSource.XO_SHI_RO_256_PP.create(seed);
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(provider);
    }

    /** A draw from N(0, 1). */
    public double nextGaussian() {
        return gaussian.sample();
    }

    /** A draw from U[0, 1). */
    public double nextDouble() {
        return provider.nextDouble();
    }

    /** A draw uniform over {0, …, bound − 1}; bound > 0. */
    public int nextInt(int bound) {
        return provider.nextInt(bound);
    }

    /** Fills {@code out} with independent N(0, 1) draws. */
    public void fillGaussian(double[] out) {
        for (int i = 0; i < out.length; i++) out[i] = gaussian.sample();
    }

    /** Makes this stream continue exactly as {@code other} would from now on. Allocates a state copy. */
    public void copyStateFrom(Rng other) {
        RandomProviderState state = other.provider.saveState();
        provider.restoreState(state);
    }
}
