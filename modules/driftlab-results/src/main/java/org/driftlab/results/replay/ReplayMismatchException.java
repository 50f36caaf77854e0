package org.driftlab.results.replay;

/**
 * A stored run that cannot be re-simulated as stored: its sweep's config no longer parses or no longer lists
 * it, or the re-run's metrics differ from the stored ones (another driftlab version, or an edited store).
 * The message names the run and the first differences.
 */
public final class ReplayMismatchException extends RuntimeException {
    public ReplayMismatchException(String message) {
        super(message);
    }
}
