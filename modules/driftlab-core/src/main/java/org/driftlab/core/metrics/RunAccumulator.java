package org.driftlab.core.metrics;

/**
 * Accumulates the metrics of one run step by step (DESIGN §8) and produces its {@link RunMetrics}.
 *
 * <p>Conventions. Step t is the t-th update (0-based). A switch "at t" means step t is the first step of the
 * new task. A reset is recorded at its <em>effective step</em> e, the first step whose update starts from the
 * reset weights: e = s for a reset decided from step s's observation (belief-ordered; DESIGN §7's timing
 * contract) and for an oracle reset at the switch step s, e = s + 1 for a reset after step s (periodic,
 * shrink-perturb, continual backprop); {@code resetSteps} lists these e. Every weight-changing event counts as a
 * reset (full, partial, recall, shrink-perturb); l2-init has no events.
 *
 * <p>Detection (window D = {@code detectionWindow}; {@link Detections}): each reset, in order, is compared with the latest true
 * switch t ≤ e. If e − t ≤ D and that switch has not been detected yet, the reset detects it with delay
 * e − t (0 for the oracle). If no switch lies within D steps before e, the reset is a false alarm. A reset
 * within D steps of a switch already detected is neither (a repeated firing). Missed switches = switches −
 * detections (a switch fewer than D steps before the end with no reset yet counts as missed).
 *
 * <p>Discounted objective with G = I, f = 0: J = Σ_t e^{−γ t dt} [ (1/2η)|Δθ_t|²/dt + k L_t(θ_t) dt ], where
 * Δθ_t is the learning rule's move at step t (including an l2-init term; excluding resets and
 * shrink-perturb, discrete jumps whose control cost would be unbounded as dt → 0). J_total (the paper's
 * objective with every move paid for) adds each reset's jump J_e = θ_after − θ_before as a move made within
 * the step of its effective step e: J_total = J + Σ_resets e^{−γ e dt} (1/2η)|J_e|²/dt.
 *
 * <p>Plasticity (MLP learners only, {@link #recordHidden}): the hidden layer's effective rank and dead-unit
 * fraction at each bin end, see {@link PlasticityProbe}.
 *
 * <p>Allocation: the fixed-size sums (bins, lags) are allocated in the constructor; switch and reset steps
 * are kept in grow-only logs, which allocate when they grow (amortised, rare) — their counts are unknown in
 * advance. {@link #finish} allocates the result. Confined to one learner.
 */
public final class RunAccumulator {
    private final MetricsSpec spec;
    private final long plannedSteps;
    private final double dt;
    private final double[] binLoss;
    private final double[] binExcess;
    private final long[] binCount;
    private final double[] lagExcess;
    private final long[] lagCount;
    private final StepLog switches;
    private final StepLog resets;
    private final PlasticityProbe probe; // null without an MLP learner
    private long steps;
    private double lossSum;
    private double excessSum;
    private double objective;
    private double jumpCost;
    private long lastSwitch = -1;
    private long divergedAt = -1;

    /** For a run of {@code plannedSteps} steps of length {@code dt}, without plasticity metrics. */
    public RunAccumulator(MetricsSpec spec, long plannedSteps, double dt) {
        this(spec, plannedSteps, dt, 0, 0);
    }

    /**
     * As {@link #RunAccumulator(MetricsSpec, long, double)}, also keeping the plasticity metrics of a hidden
     * layer of {@code hiddenUnits} units over the last {@code activationWindow} examples ({@code hiddenUnits} =
     * 0: none).
     */
    public RunAccumulator(MetricsSpec spec, long plannedSteps, double dt, int hiddenUnits, int activationWindow) {
        if (plannedSteps <= 0) throw new IllegalArgumentException("steps must be > 0, got " + plannedSteps);
        if (!(dt > 0) || Double.isInfinite(dt))
            throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
        this.spec = spec;
        this.plannedSteps = plannedSteps;
        this.dt = dt;
        this.binLoss = new double[spec.curveBins()];
        this.binExcess = new double[spec.curveBins()];
        this.binCount = new long[spec.curveBins()];
        this.lagExcess = new double[spec.alignedLags() + 1];
        this.lagCount = new long[spec.alignedLags() + 1];
        this.switches = new StepLog(16);
        this.resets = new StepLog(16);
        this.probe = hiddenUnits == 0
                ? null
                : new PlasticityProbe(hiddenUnits, activationWindow, spec.curveBins(), plannedSteps);
    }

    /** Records that the task switched before step {@code step}. */
    public void recordSwitch(long step) {
        switches.add(step);
        lastSwitch = step;
    }

    /**
     * Records a reset whose effective step (see the class comment) is {@code effectiveStep} and whose jump
     * θ_after − θ_before has squared length {@code jumpSquared} (0 for a reset that left θ where it was).
     */
    public void recordReset(long effectiveStep, double jumpSquared) {
        resets.add(effectiveStep);
        jumpCost += discount(effectiveStep) * jumpSquared / (2 * spec.eta() * dt);
    }

    private double discount(long step) {
        return Math.exp(-spec.gamma() * step * dt);
    }

    /**
     * Records completed step {@code step} (the next one expected): L_t(θ_t), its excess, and |Δθ_t|² of the
     * rule's move.
     */
    public void recordStep(long step, double loss, double excessLoss, double moveSquared) {
        if (step != steps) throw new IllegalArgumentException("expected step " + steps + ", got " + step);
        steps++;
        lossSum += loss;
        excessSum += excessLoss;
        objective += discount(step) * (moveSquared / (2 * spec.eta() * dt) + spec.k() * loss * dt);
        int bin = (int) (step * (long) binLoss.length / plannedSteps);
        binLoss[bin] += loss;
        binExcess[bin] += excessLoss;
        binCount[bin]++;
        if (lastSwitch >= 0 && step - lastSwitch < lagExcess.length) {
            int lag = (int) (step - lastSwitch);
            lagExcess[lag] += excessLoss;
            lagCount[lag]++;
        }
    }

    /**
     * Records the hidden activations {@code h} (not modified) of the step just recorded by {@link #recordStep}
     * (which must come first). Only for an accumulator built with hidden units.
     */
    public void recordHidden(long step, double[] h) {
        if (probe == null) throw new IllegalStateException("this accumulator keeps no plasticity metrics");
        if (step != steps - 1)
            throw new IllegalArgumentException("expected the activations of step " + (steps - 1) + ", got " + step);
        probe.record(step, h);
    }

    /** Records that the weights became NaN/Inf at step {@code step}; the run stops there. */
    public void recordDivergence(long step) {
        divergedAt = step;
    }

    /** Steps recorded so far. */
    public long steps() {
        return steps;
    }

    /** The run's metrics; {@code finalDistance} = |θ − w*| at the end. Allocates the result. */
    public RunMetrics finish(double finalDistance) {
        long[] switchSteps = switches.toArray();
        long[] resetSteps = resets.toArray();
        Detections d = Detections.match(switchSteps, resetSteps, spec.detectionWindow());
        double[] binnedLoss = new double[binLoss.length];
        double[] binnedExcess = new double[binLoss.length];
        for (int b = 0; b < binLoss.length; b++) {
            binnedLoss[b] = binCount[b] == 0 ? Double.NaN : binLoss[b] / binCount[b];
            binnedExcess[b] = binCount[b] == 0 ? Double.NaN : binExcess[b] / binCount[b];
        }
        double[] aligned = new double[lagExcess.length];
        for (int l = 0; l < aligned.length; l++)
            aligned[l] = lagCount[l] == 0 ? Double.NaN : lagExcess[l] / lagCount[l];
        return new RunMetrics(
                steps,
                steps == 0 ? Double.NaN : lossSum / steps,
                steps == 0 ? Double.NaN : excessSum / steps,
                objective,
                objective + jumpCost,
                switchSteps.length,
                resetSteps.length,
                d.hits(),
                d.meanDelay(),
                d.falseAlarms(),
                switchSteps.length - d.hits(),
                finalDistance,
                divergedAt >= 0,
                divergedAt,
                binnedLoss,
                binnedExcess,
                aligned,
                switchSteps,
                resetSteps,
                probe == null ? new double[0] : probe.effectiveRankCurve(),
                probe == null ? new double[0] : probe.deadFractionCurve());
    }

    /** Makes this accumulator (same spec and plan) an exact twin of {@code other}. Allocates nothing. */
    public void copyStateFrom(RunAccumulator other) {
        if (!other.spec.equals(spec) || other.plannedSteps != plannedSteps || other.dt != dt) {
            throw new IllegalArgumentException("cannot copy the state of an accumulator of another spec");
        }
        System.arraycopy(other.binLoss, 0, binLoss, 0, binLoss.length);
        System.arraycopy(other.binExcess, 0, binExcess, 0, binExcess.length);
        System.arraycopy(other.binCount, 0, binCount, 0, binCount.length);
        System.arraycopy(other.lagExcess, 0, lagExcess, 0, lagExcess.length);
        System.arraycopy(other.lagCount, 0, lagCount, 0, lagCount.length);
        switches.copyFrom(other.switches);
        resets.copyFrom(other.resets);
        steps = other.steps;
        lossSum = other.lossSum;
        excessSum = other.excessSum;
        objective = other.objective;
        jumpCost = other.jumpCost;
        lastSwitch = other.lastSwitch;
        divergedAt = other.divergedAt;
        if ((probe == null) != (other.probe == null)) {
            throw new IllegalArgumentException(
                    "cannot copy the state of an accumulator with different plasticity metrics");
        }
        if (probe != null) probe.copyStateFrom(other.probe);
    }

    @Override
    public String toString() {
        return "RunAccumulator[steps=" + steps + ", switches=" + switches.size() + ", resets=" + resets.size() + "]";
    }
}
