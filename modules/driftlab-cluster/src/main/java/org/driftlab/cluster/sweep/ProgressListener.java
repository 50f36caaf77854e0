package org.driftlab.cluster.sweep;

/**
 * Told about a sweep's progress after each stored or failed run and each step report of a run under way, and
 * of cluster changes that affect it. Called from the submitter actor's thread, one call at a time; it must
 * return quickly and not block.
 */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(Progress progress);

    /** A membership change, a coordinator move or a re-dispatch (see {@link ClusterNotice}); ignored by default. */
    default void onNotice(ClusterNotice notice) {}

    /**
     * Run {@code runId} failed on {@code node} ({@code host:port#uid}) with {@code error}; told before the
     * {@link #onProgress} that counts it. Ignored by default.
     */
    default void onFailed(String runId, String node, String error) {}

    /** A listener that tells this one, then {@code next}, of everything (progress, notices and failures). */
    default ProgressListener andThen(ProgressListener next) {
        ProgressListener first = this;
        return new ProgressListener() {
            @Override
            public void onProgress(Progress progress) {
                first.onProgress(progress);
                next.onProgress(progress);
            }

            @Override
            public void onNotice(ClusterNotice notice) {
                first.onNotice(notice);
                next.onNotice(notice);
            }

            @Override
            public void onFailed(String runId, String node, String error) {
                first.onFailed(runId, node, error);
                next.onFailed(runId, node, error);
            }
        };
    }

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return p -> {};
    }
}
