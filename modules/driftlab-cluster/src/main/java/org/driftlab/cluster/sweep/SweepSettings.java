package org.driftlab.cluster.sweep;

import com.typesafe.config.Config;
import java.time.Duration;
import org.driftlab.core.input.BadInputException;

/**
 * Infrastructure settings of sweeps, read once from {@code driftlab.sweep} (STYLE C8; defaults and meaning in
 * {@code reference.conf}).
 *
 * @param inFlightPerNode  runs dispatched and not yet answered (computing), per worker node (≥ 1)
 * @param shards           number of shards of learner entities (≈ 10 × the largest node count)
 * @param workerRole       cluster role of the nodes that run learners and may host the coordinator
 * @param pullBatch        most run specs the coordinator asks the submitter for at once
 * @param startTimeout     a dispatched run not acknowledged as started within this is dispatched again
 *                         (a message lost with a node, or sent to a region that was just removed)
 * @param runTimeout       a started run not answered within this is re-dispatched
 * @param pollInterval     how often the coordinator refreshes the registered shard regions and checks deadlines
 * @param storeBatchSize   the submitter stores its pending results in one transaction once this many are pending
 *                         (≥ 1; 1 stores each on arrival)
 * @param storeBatchDelay  ... or once the first pending one has waited this long, whichever comes first (≥ 0;
 *                         zero stores each on arrival)
 */
public record SweepSettings(
        int inFlightPerNode,
        int shards,
        String workerRole,
        int pullBatch,
        Duration startTimeout,
        Duration runTimeout,
        Duration pollInterval,
        int storeBatchSize,
        Duration storeBatchDelay) {
    public SweepSettings {
        if (inFlightPerNode < 1)
            throw new BadInputException("driftlab.sweep.in-flight-per-node must be >= 1, got " + inFlightPerNode);
        if (shards < 1) throw new BadInputException("driftlab.sweep.shards must be >= 1, got " + shards);
        if (workerRole == null || workerRole.isBlank())
            throw new BadInputException("driftlab.sweep.worker-role must not be blank, got '" + workerRole + "'");
        if (pullBatch < 1) throw new BadInputException("driftlab.sweep.pull-batch must be >= 1, got " + pullBatch);
        positive("start-timeout", startTimeout);
        positive("run-timeout", runTimeout);
        positive("poll-interval", pollInterval);
        if (storeBatchSize < 1)
            throw new BadInputException("driftlab.sweep.store-batch-size must be >= 1, got " + storeBatchSize);
        if (storeBatchDelay == null || storeBatchDelay.isNegative()) {
            throw new BadInputException("driftlab.sweep.store-batch-delay must be >= 0, got " + storeBatchDelay);
        }
    }

    /**
     * Results a submitter may hold answered but not yet acknowledged before the coordinator stops pulling for
     * its sweep: one batch being committed plus one filling meanwhile, so the learners keep computing while
     * the store commits.
     */
    public int unackedLimit() {
        return 2 * storeBatchSize;
    }

    /** From the {@code driftlab.sweep} section. */
    public static SweepSettings fromConfig(Config sweep) {
        return new SweepSettings(
                sweep.getInt("in-flight-per-node"),
                sweep.getInt("shards"),
                sweep.getString("worker-role"),
                sweep.getInt("pull-batch"),
                sweep.getDuration("start-timeout"),
                sweep.getDuration("run-timeout"),
                sweep.getDuration("poll-interval"),
                sweep.getInt("store-batch-size"),
                sweep.getDuration("store-batch-delay"));
    }

    private static void positive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero())
            throw new BadInputException("driftlab.sweep." + key + " must be > 0, got " + d);
    }
}
