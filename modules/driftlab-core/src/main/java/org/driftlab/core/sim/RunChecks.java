package org.driftlab.core.sim;

import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.LogNormalGammaModelSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.belief.ObservationModelSpec;
import org.driftlab.core.belief.VarianceChangeModelSpec;
import org.driftlab.core.stream.EvidenceKind;

/**
 * The evidence a run's belief consumes (DESIGN §6). Whether the run's blocks fit together is checked once, when its
 * config loads (core.spec's CompatibilityRules), not here: a run spec reaching a learner has passed those rules.
 */
final class RunChecks {
    private RunChecks() {}

    /** The evidence the run's belief model consumes. */
    static EvidenceKind evidenceKind(BeliefSpec belief) {
        if (belief instanceof NoBeliefSpec) return EvidenceKind.NONE;
        if (belief instanceof HmmSpec) return EvidenceKind.OPTIMUM;
        ObservationModelSpec model = ((BocpdSpec) belief).model();
        if (model instanceof GaussianModelSpec) return EvidenceKind.OPTIMUM;
        if (model instanceof NormalGammaModelSpec) return EvidenceKind.LOSS;
        if (model instanceof LinearRegressionModelSpec) return EvidenceKind.SAMPLES;
        if (model instanceof VarianceChangeModelSpec || model instanceof LogNormalGammaModelSpec)
            return EvidenceKind.SNAPSHOT_RESIDUAL;
        throw new IllegalArgumentException("unknown observation model " + model);
    }
}
