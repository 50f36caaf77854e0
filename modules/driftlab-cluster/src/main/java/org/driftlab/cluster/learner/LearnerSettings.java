package org.driftlab.cluster.learner;

import com.typesafe.config.Config;
import java.time.Duration;
import org.driftlab.core.input.BadInputException;

/**
 * Infrastructure settings of a learner entity, read once from {@code driftlab.learner} (STYLE C8).
 *
 * @param chunkSize K, the steps run optimistically before the belief is consulted (≥ 1); any K gives the
 *                  same results, larger K fewer messages and longer replays after a reset
 * @param progressInterval the least time between two reports of a run's steps done ({@link
 *                  LearnerEntity.Progressed}); positive
 */
public record LearnerSettings(int chunkSize, Duration progressInterval) {
    public LearnerSettings {
        if (chunkSize < 1) throw new BadInputException("driftlab.learner.chunk-size must be >= 1, got " + chunkSize);
        if (progressInterval.isNegative() || progressInterval.isZero())
            throw new BadInputException("driftlab.learner.progress-interval must be positive, got " + progressInterval);
    }

    /** From the {@code driftlab.learner} section. */
    public static LearnerSettings fromConfig(Config learner) {
        return new LearnerSettings(learner.getInt("chunk-size"), learner.getDuration("progress-interval"));
    }
}
