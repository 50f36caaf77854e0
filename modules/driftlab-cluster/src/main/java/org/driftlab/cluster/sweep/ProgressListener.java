package org.driftlab.cluster.sweep;

/**
 * Told about a sweep's progress after each stored or failed run. Called from the submitter actor's thread,
 * one call at a time; it must return quickly and not block.
 */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(Progress progress);

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return p -> {};
    }
}
