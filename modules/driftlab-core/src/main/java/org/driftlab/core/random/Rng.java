package org.driftlab.core.random;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One seeded random stream (xoshiro256++ from Commons RNG) with standard normal draws (ziggurat, which
 * keeps no state of its own, so the generator's state is the whole state). Its state can be copied, which
 * the chunked execution with rollback needs (DESIGN §9). Confined to one learner; not thread-safe.
 */
public final class Rng {
    private final CopyableXoShiRo256PlusPlus provider;
    private final ContinuousSampler gaussian;

    Rng(long[] seed) {
        // seeded through RandomSource exactly as before (its seed conversion is part of every stream's values),
        // then moved into a generator whose state can be copied without allocating
        this.provider = new CopyableXoShiRo256PlusPlus(RandomSource.XO_SHI_RO_256_PP.create(seed));
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

    /**
     * Makes this stream continue exactly as {@code other} would from now on. Allocates nothing unless either
     * stream ever drew a 32-bit int (then a state copy is allocated, see {@link CopyableXoShiRo256PlusPlus}).
     */
    public void copyStateFrom(Rng other) {
        provider.copyStateFrom(other.provider);
    }

    /**
     * xoshiro256++ whose four state words are copied directly (the rollback snapshots of DESIGN §9 copy every
     * generator of a learner, many times per chunk; saveState/restoreState allocate several arrays each time).
     * Commons RNG's LongProvider also caches the unused half of a 64-bit output after {@code nextInt()} (which
     * {@code nextInt(bound)} uses) and bits after {@code nextBoolean()}, in private fields: once either was
     * called on this generator or the source, the copy falls back to the allocating saveState/restoreState,
     * so it is exact in every case. nextLong, nextDouble and the ziggurat use no cache.
     */
    private static final class CopyableXoShiRo256PlusPlus extends XoShiRo256PlusPlus {
        private boolean cacheUsed;

        CopyableXoShiRo256PlusPlus(RestorableUniformRandomProvider seeded) {
            super(new long[] {0, 0, 0, 1}); // placeholder state, replaced at once
            restoreState(seeded.saveState());
        }

        @Override
        public int nextInt() {
            cacheUsed = true;
            return super.nextInt();
        }

        @Override
        public boolean nextBoolean() {
            cacheUsed = true;
            return super.nextBoolean();
        }

        void copyStateFrom(CopyableXoShiRo256PlusPlus other) {
            if (cacheUsed || other.cacheUsed) {
                restoreState(other.saveState());
                cacheUsed = other.cacheUsed;
                return;
            }
            state0 = other.state0;
            state1 = other.state1;
            state2 = other.state2;
            state3 = other.state3;
        }
    }
}
