package org.driftlab.bench.e2e;

import java.util.List;
import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweptValue;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SpectrumSpec;

/**
 * The reference workloads of the performance issue, as {@link RunSpec}s built directly from spec records (no
 * config file), one per seed.
 *
 * <p>W1: quadratic tasks, d = 32, diagonal H with eigenvalues log-spaced in [0.1, 10], optimum and initial
 * weights from N(0, I), gradient noise σ_g = 0.5, hazard 1/500; Adam (lr 0.05, β1 0.9, β2 0.999, ε 1e-8);
 * BOCPD with the Gaussian known-noise model on the evidence z (prior N(0, 1) and noise σ_g²/λ_i² from the
 * stream), hazard 1/500, pruning 1e-10, r_max 256; belief-threshold reset τ = 0.5, w = 10, to the prior mean;
 * 5,000 steps. W1-dense: the same with a randomly rotated H and d = 128. W1-scalar: W1 with the belief on the
 * scalar observed loss ½gᵀH⁻¹g, Normal–Gamma model. Its prior is our choice, the issue names none:
 * μ0 = 0, κ0 = 0.01 (a vague mean: the loss level is learnt from the first observations), α0 = 1, β0 = 1.
 *
 * <p>runId is {@code <workload name>-s<seed>}, conditionId the workload name, master seed {@link #MASTER_SEED},
 * dt = 1 (Adam ignores it), default metrics. Pure functions; allocate only the returned records.
 */
public final class Workloads {
    /** The master seed of every benchmark run (the per-run seed varies). */
    public static final long MASTER_SEED = 20_261_128L;

    /** Steps per learner in the reference workloads. */
    public static final long STEPS = 5_000;

    /** The reference workloads. */
    public enum Workload {
        /** d = 32, diagonal H, Gaussian BOCPD on z. */
        W1("w1", 32, false, false),
        /** d = 128, rotated H, Gaussian BOCPD on Qᵀz. */
        W1_DENSE("w1-dense", 128, true, false),
        /** d = 32, diagonal H, Normal–Gamma BOCPD on the observed loss. */
        W1_SCALAR("w1-scalar", 32, false, true);

        private final String id;
        private final int dim;
        private final boolean rotated;
        private final boolean scalarBelief;

        Workload(String id, int dim, boolean rotated, boolean scalarBelief) {
            this.id = id;
            this.dim = dim;
            this.rotated = rotated;
            this.scalarBelief = scalarBelief;
        }

        /** The name used in run ids and on the command line: w1, w1-dense, w1-scalar. */
        public String id() {
            return id;
        }

        /** Dimension d of θ. */
        public int dim() {
            return dim;
        }

        /** The workload named {@code id} (as {@link #id()}); IllegalArgumentException naming the choices otherwise. */
        public static Workload byId(String id) {
            for (Workload w : values()) if (w.id.equals(id)) return w;
            throw new IllegalArgumentException("workload must be one of w1, w1-dense, w1-scalar, got " + id);
        }
    }

    /** The belief's default prune tolerance in every workload; 0 runs the exact recursion. */
    public static final double PRUNE = 1e-10;

    static final double HAZARD = 1.0 / 500;
    static final double SIGMA_G = 0.5;

    private Workloads() {}

    /** The run of {@code workload} for {@code seed} ≥ 0 with the reference {@link #STEPS} steps. */
    public static RunSpec spec(Workload workload, int seed) {
        return spec(workload, seed, STEPS);
    }

    /** The run of {@code workload} for {@code seed} ≥ 0 with {@code steps} > 0 steps (shorter runs for tests). */
    public static RunSpec spec(Workload workload, int seed, long steps) {
        return spec(workload, seed, steps, PRUNE);
    }

    /**
     * The same run with the belief's prune tolerance {@code prune} in [0, 1) (0 = exact: every run length up to
     * r_max kept). The run id and seeds do not depend on it, so the exact and pruned runs see the same streams.
     */
    public static RunSpec spec(Workload workload, int seed, long steps, double prune) {
        if (!(prune >= 0 && prune < 1)) throw new IllegalArgumentException("prune must be in [0, 1), got " + prune);
        if (workload == null) throw new IllegalArgumentException("workload must be given");
        QuadraticStreamSpec stream = new QuadraticStreamSpec(
                workload.dim,
                SpectrumSpec.logSpaced(0.1, 10.0),
                workload.rotated,
                SIGMA_G,
                PriorSpec.standard(),
                null,
                List.of(),
                new HazardSwitchSpec(HAZARD));
        AdamSpec adam = new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0.0, false);
        BeliefSpec belief = workload.scalarBelief
                ? new BocpdSpec(HAZARD, new NormalGammaModelSpec(0.0, 0.01, 1.0, 1.0), prune, 256)
                : new BocpdSpec(HAZARD, new GaussianModelSpec(0.0, 1.0, null), prune, 256);
        BeliefThresholdSpec reset = new BeliefThresholdSpec(new BeliefTrigger(0.5, 10, ResetTarget.PRIOR_MEAN, true));
        return new RunSpec(
                workload.id + "-s" + seed,
                workload.id,
                seed,
                MASTER_SEED,
                steps,
                1.0,
                stream,
                adam,
                belief,
                reset,
                MetricsSpec.defaults(),
                List.of(new SweptValue("workload", workload.id)));
    }
}
