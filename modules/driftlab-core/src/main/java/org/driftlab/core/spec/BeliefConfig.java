package org.driftlab.core.spec;

import java.util.List;
import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.belief.ObservationModelSpec;

/** Reads the {@code belief} block (DESIGN §6) into a {@link BeliefSpec}; the schema is in docs/CONFIG.md. */
final class BeliefConfig {
    static final List<String> TYPES = List.of("none", "bocpd", "hmm");
    static final List<String> MODEL_TYPES = List.of("gaussian", "normal-gamma", "linear-regression");
    static final double DEFAULT_PRUNE = 1e-10;
    static final long DEFAULT_R_MAX = 256;

    private BeliefConfig() {}

    /** The belief spec, or null when {@code n} has problems (recorded). */
    static BeliefSpec read(ConfigNode n) {
        int mark = n.problems().count();
        String type = n.type(TYPES);
        if (type == null) return null;
        switch (type) {
            case "none" -> {
                n.finish();
                return n.build(mark, NoBeliefSpec::new);
            }
            case "hmm" -> {
                double hazard = n.requiredNumber("hazard", Range.OPEN_UNIT);
                n.finish();
                return n.build(mark, () -> new HmmSpec(hazard));
            }
            default -> { // bocpd
                double hazard = n.requiredNumber("hazard", Range.OPEN_UNIT);
                ConfigNode m = n.child("model", "gaussian");
                ObservationModelSpec model = m == null ? null : model(m);
                if (m != null) n.adopt("model", m);
                double prune = n.number("prune", DEFAULT_PRUNE, Range.UNIT_FROM_ZERO);
                int rMax = (int) n.integer("r-max", DEFAULT_R_MAX, 1, SizeLimits.MAX_R_MAX);
                n.finish();
                return n.build(mark, () -> new BocpdSpec(hazard, model, prune, rMax));
            }
        }
    }

    private static ObservationModelSpec model(ConfigNode m) {
        int mark = m.problems().count();
        String type = m.type(MODEL_TYPES);
        if (type == null) return null;
        switch (type) {
            case "gaussian" -> {
                Double priorMean = m.optionalNumber("prior-mean", Range.FINITE);
                Double priorVar = m.optionalNumber("prior-var", Range.POSITIVE);
                Double noiseVar = m.optionalNumber("noise-var", Range.POSITIVE);
                m.finish();
                return m.build(mark, () -> new GaussianModelSpec(priorMean, priorVar, noiseVar));
            }
            case "normal-gamma" -> {
                double mu0 = m.number("mu0", 0.0, Range.FINITE);
                double kappa0 = m.number("kappa0", 1.0, Range.POSITIVE);
                double alpha0 = m.number("alpha0", 1.0, Range.POSITIVE);
                double beta0 = m.number("beta0", 1.0, Range.POSITIVE);
                m.finish();
                return m.build(mark, () -> new NormalGammaModelSpec(mu0, kappa0, alpha0, beta0));
            }
            default -> { // linear-regression
                double priorVar = m.number("prior-var", 1.0, Range.POSITIVE);
                double alpha0 = m.number("alpha0", 1.0, Range.POSITIVE);
                double beta0 = m.number("beta0", 1.0, Range.POSITIVE);
                m.finish();
                return m.build(mark, () -> new LinearRegressionModelSpec(priorVar, alpha0, beta0));
            }
        }
    }
}
