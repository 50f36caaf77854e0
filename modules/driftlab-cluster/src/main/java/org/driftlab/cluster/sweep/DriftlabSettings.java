package org.driftlab.cluster.sweep;

import com.typesafe.config.Config;
import org.driftlab.cluster.learner.LearnerSettings;

/** All of the {@code driftlab} section this module reads, built once per node (STYLE C8). */
public record DriftlabSettings(LearnerSettings learner, SweepSettings sweep) {
    public DriftlabSettings {
        if (learner == null) throw new IllegalArgumentException("learner settings must not be null");
        if (sweep == null) throw new IllegalArgumentException("sweep settings must not be null");
    }

    /** From a full config (its {@code driftlab} section). */
    public static DriftlabSettings fromConfig(Config root) {
        Config d = root.getConfig("driftlab");
        return new DriftlabSettings(
                LearnerSettings.fromConfig(d.getConfig("learner")), SweepSettings.fromConfig(d.getConfig("sweep")));
    }
}
