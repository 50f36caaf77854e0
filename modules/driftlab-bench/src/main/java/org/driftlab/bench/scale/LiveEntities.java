package org.driftlab.bench.scale;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.sharding.ClusterSharding;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.pattern.Patterns;
import org.driftlab.cluster.learner.LearnerEntity;
import org.driftlab.cluster.sweep.DriftlabNode;

/**
 * Counts the learner entities alive in one node's shard region (started and not yet passivated), by asking
 * the region for its state. Blocks the calling thread for the answer.
 */
final class LiveEntities {
    private final ActorRef region;

    /** Waits up to 30 s for the node's guardian to have started the learner shard region (it does so asynchronously). */
    LiveEntities(DriftlabNode node) throws InterruptedException {
        ClusterSharding sharding = ClusterSharding.get(Adapter.toClassic(node.system()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ActorRef found = null;
        while (found == null) {
            try {
                found = sharding.shardRegion(LearnerEntity.TYPE_KEY.name());
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) throw notYet;
                Thread.sleep(20);
            }
        }
        this.region = found;
    }

    /** Learner entities alive on the node now. */
    int count() throws InterruptedException {
        Object state;
        try {
            state = Patterns.ask(region, ShardRegion.getShardRegionStateInstance(), Duration.ofSeconds(30))
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the shard region did not report its state: " + e, e);
        }
        int n = 0;
        for (ShardRegion.ShardState s : ((ShardRegion.CurrentShardRegionState) state).getShards())
            n += s.getEntityIds().size();
        return n;
    }
}
