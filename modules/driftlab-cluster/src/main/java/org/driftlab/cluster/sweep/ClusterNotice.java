package org.driftlab.cluster.sweep;

/**
 * Something an operator watching a sweep should see as it happens: a membership change seen from the
 * submitter's node, the sweep coordinator moving to another node, or runs being dispatched again.
 *
 * @param kind   what happened
 * @param member the member concerned ({@code host:port#uid}), the new coordinator's incarnation for
 *               {@link Kind#COORDINATOR_MOVED}, or the cause for {@link Kind#REDISPATCHING}
 * @param runs   the runs being dispatched again ({@link Kind#REDISPATCHING}; 0 otherwise)
 * @param node   for {@link Kind#REDISPATCHING}, the node ({@code host:port#uid}) those runs had started on;
 *               null when they had not been reported started anywhere (e.g. a start timeout), and for other kinds
 */
public record ClusterNotice(Kind kind, String member, int runs, String node) {

    /** A notice not tied to the node a run started on. */
    public ClusterNotice(Kind kind, String member, int runs) {
        this(kind, member, runs, null);
    }

    /** The kinds of notice. */
    public enum Kind {
        JOINED,
        UNREACHABLE,
        REACHABLE,
        DOWNED,
        REMOVED,
        COORDINATOR_MOVED,
        REDISPATCHING
    }

    /** One line for a log or a terminal. */
    public String describe() {
        return switch (kind) {
            case JOINED -> "member " + member + " joined";
            case UNREACHABLE -> "member " + member + " is unreachable";
            case REACHABLE -> "member " + member + " is reachable again";
            case DOWNED -> "member " + member + " was downed";
            case REMOVED -> "member " + member + " was removed";
            case COORDINATOR_MOVED -> "the sweep coordinator moved (now " + member + ")";
            case REDISPATCHING -> "re-dispatching " + runs + (runs == 1 ? " run: " : " runs: ") + member;
        };
    }
}
