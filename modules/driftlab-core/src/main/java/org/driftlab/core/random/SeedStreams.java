package org.driftlab.core.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one owner of a run's random streams (STYLE C11). A stream is keyed by (master seed, seed, purpose):
 * SHA-256 of the key gives the 256-bit xoshiro state, so streams of different purposes are independent and
 * a stream does not depend on where or in what chunks the run executes (DESIGN §3).
 *
 * <p>The key holds the seed index rather than the full run id on purpose: conditions that share a seed see
 * the same switch times, optima, noise and initial weights (common random numbers), so comparisons of
 * policies or rules across conditions are paired. Runs of one condition still differ by seed.
 */
public final class SeedStreams {
    private final long masterSeed;
    private final long seed;

    private SeedStreams(long masterSeed, long seed) {
        this.masterSeed = masterSeed;
        this.seed = seed;
    }

    public static SeedStreams of(long masterSeed, long seed) {
        return new SeedStreams(masterSeed, seed);
    }

    /** A fresh stream for {@code purpose}; two calls give two streams in the same state. */
    public Rng stream(Purpose purpose) {
        return stream(purpose.name());
    }

    /** A fresh stream for a named sub-purpose, e.g. {@code "TASKS/rotation"}. */
    public Rng stream(String purpose) {
        byte[] digest = sha256(masterSeed + "|" + seed + "|" + purpose);
        ByteBuffer buffer = ByteBuffer.wrap(digest);
        long[] state = {buffer.getLong(), buffer.getLong(), buffer.getLong(), buffer.getLong()};
        return new Rng(state);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
