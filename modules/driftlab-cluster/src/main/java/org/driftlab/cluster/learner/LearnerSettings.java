package org.driftlab.cluster.learner;

import com.typesafe.config.Config;
import org.driftlab.core.input.BadInputException;

/**
 * Infrastructure settings of a learner entity, read once from {@code driftlab.learner} (STYLE C8).
 *
 * @param chunkSize K, the steps run optimistically before the belief is consulted (≥ 1); any K gives the
 *                  same results, larger K fewer messages and longer replays after a reset
 */
public record LearnerSettings(int chunkSize) {
    public LearnerSettings {
        if (chunkSize < 1) throw new BadInputException("driftlab.learner.chunk-size must be >= 1, got " + chunkSize);
    }

    /** From the {@code driftlab.learner} section. */
    public static LearnerSettings fromConfig(Config learner) {
        return new LearnerSettings(learner.getInt("chunk-size"));
    }
}
