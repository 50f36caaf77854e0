package org.driftlab.cluster.sweep;

/**
 * Told about a sweep's progress after each stored or failed run, and of cluster changes that affect it. Called
 * from the submitter actor's thread, one call at a time; it must return quickly and not block.
 */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(Progress progress);

    /** A membership change, a coordinator move or a re-dispatch (see {@link ClusterNotice}); ignored by default. */
    default void onNotice(ClusterNotice notice) {}

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return p -> {};
    }
}
