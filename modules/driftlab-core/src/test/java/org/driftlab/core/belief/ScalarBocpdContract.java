package org.driftlab.core.belief;

import java.util.function.IntFunction;

/**
 * {@link BocpdContract} for the models of a scalar series (one number per step): a test gives the spec under test and
 * how to build its run model directly; the belief, the evidence and the unfit evidence follow.
 */
abstract class ScalarBocpdContract extends BocpdContract {
    private final ObservationModelSpec model;
    private final IntFunction<RunModel> runModel;

    /** {@code runModel} builds the model {@code model} must build, for a given r_max, with its constructor. */
    ScalarBocpdContract(ObservationModelSpec model, IntFunction<RunModel> runModel) {
        this.model = model;
        this.runModel = runModel;
    }

    /** A BOCPD belief with {@code model} over a scalar series. */
    static Bocpd scalar(ObservationModelSpec model, double pruneTolerance, int maxRunLength) {
        return TaskBeliefs.bocpd(new BocpdSpec(HAZARD, model, pruneTolerance, maxRunLength), EvidenceInfo.scalar());
    }

    @Override
    ObservationModelSpec modelSpec() {
        return model;
    }

    @Override
    RunModel newModel(int maxRunLength) {
        return runModel.apply(maxRunLength);
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
