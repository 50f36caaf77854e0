package org.driftlab.core.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic identifiers (DESIGN §2–3): a condition's id is the first 16 hex digits of SHA-256 of its
 * canonical resolved config (UTF-8); a run's id is the first 16 hex digits of SHA-256 of
 * {@code canonical + "|seed=" + seed}. The same config text always gives the same ids, on any machine.
 */
public final class ConditionIds {
    private ConditionIds() {}

    /** The id of the condition whose canonical resolved config is {@code canonical}. */
    public static String conditionId(String canonical) {
        return sha256Prefix(canonical);
    }

    /** The id of the run of that condition with seed index {@code seed}. */
    public static String runId(String canonical, int seed) {
        return sha256Prefix(canonical + "|seed=" + seed);
    }

    private static String sha256Prefix(String text) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        StringBuilder hex = new StringBuilder(16);
        for (int i = 0; i < 8; i++) hex.append(String.format("%02x", digest[i]));
        return hex.toString();
    }
}
