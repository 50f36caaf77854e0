package org.driftlab.core.belief;

/**
 * {@link BocpdContract} for the models of a scalar series (one number per step): a test names the spec under test
 * ({@link #modelSpec()}) and builds its run model directly ({@link #newModel(int)}); the belief, the evidence and the
 * unfit evidence follow.
 */
abstract class ScalarBocpdContract extends BocpdContract {
    /** A BOCPD belief with {@code model} over a scalar series. */
    static Bocpd scalar(ObservationModelSpec model, double pruneTolerance, int maxRunLength) {
        return TaskBeliefs.bocpd(new BocpdSpec(HAZARD, model, pruneTolerance, maxRunLength), EvidenceInfo.scalar());
    }

    @Override
    Bocpd newBocpd(double pruneTolerance, int maxRunLength) {
        return scalar(modelSpec(), pruneTolerance, maxRunLength);
    }

    @Override
    EvidenceInfo evidence() {
        return EvidenceInfo.scalar();
    }

    @Override
    RunModel expectedModel(int maxRunLength) {
        return newModel(maxRunLength);
    }

    @Override
    EvidenceInfo unfitEvidence() {
        return EvidenceInfo.regression(2, 2);
    }
}
