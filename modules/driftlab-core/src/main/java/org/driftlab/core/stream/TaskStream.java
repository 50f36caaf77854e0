package org.driftlab.core.stream;

import java.util.List;
import org.driftlab.core.random.Purpose;
import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;

/**
 * A task stream at run time (DESIGN §4): the current task's optimum w*, the switching process, noisy
 * observations, the losses and the evidence for the belief. Also the {@link TaskView} rules consult.
 *
 * <p>Cursor: {@link #advance()} moves to the next step (the first call to step 0) and performs the switch,
 * if any, that happens before it (never before step 0). Within a step call {@link #observeGradient} once,
 * then any of {@link #loss}, {@link #excessLoss}, {@link #writeEvidence}.
 *
 * <p>Random streams (all from the run's {@link SeedStreams}): {@code TASKS/switch} decides switch times
 * and Markov moves, {@code TASKS/optima} draws task optima (in task order; pinned optima draw nothing),
 * {@code TASKS/drift} drives the Ornstein–Uhlenbeck drift, {@code TASKS/rotation} the rotation of a dense
 * Hessian, NOISE the gradient noise or the regression data, INIT the initial weights when not pinned.
 * Separate sub-purposes keep one draw from shifting another (e.g. pinning an optimum leaves switch
 * times unchanged).
 *
 * <p>Task ids ({@link #task()}): for {@code markov} the index of the recurring task (0 first); otherwise
 * the number of switches so far. Drift never switches: its optimum moves continuously under task 0.
 *
 * <p>Confined to one learner. After construction, {@link #advance}, {@link #observeGradient},
 * {@link #loss}, {@link #excessLoss}, {@link #writeEvidence} and the {@link TaskView} methods allocate
 * nothing; so does {@link #copyStateFrom} (unless a generator drew 32-bit ints, see {@code Rng#copyStateFrom}).
 */
public abstract sealed class TaskStream implements TaskView
        permits QuadraticStream, LinearRegressionStream, SlowlyChangingRegressionStream {
    /** Dimension d of θ. */
    protected final int dim;
    /** The current task's optimum w*; modified only by the switching process. */
    protected final double[] optimum;
    /** Gradient noise or regression data. */
    protected final Rng noise;

    private final StreamSpec spec;
    private final SeedStreams seeds;
    private final Rng switchRng;
    private final Rng optimaRng;
    private final Rng driftRng;
    private final InitDistribution initDistribution;
    private final double[] initialWeights;
    private final double[][] recurring; // markov: the K optima (drawn once), else null
    private final SwitchingProcess switching;
    private long step = -1;
    private int task;
    private long taskStart;
    private long optimumVersion;

    TaskStream(StreamSpec spec, SeedStreams seeds) {
        this.spec = spec;
        this.seeds = seeds;
        this.dim = spec.dim();
        this.optimum = new double[dim];
        this.noise = seeds.stream(Purpose.NOISE);
        this.switchRng = seeds.stream("TASKS/switch");
        this.optimaRng = seeds.stream("TASKS/optima");
        this.driftRng = seeds.stream("TASKS/drift");
        this.switching = spec.switching().newProcess();
        this.initDistribution = initDistributionOf(spec);
        this.initialWeights = new double[dim];
        if (spec.init() != null) {
            for (int i = 0; i < dim; i++) initialWeights[i] = spec.init().get(i);
        } else {
            Rng init = seeds.stream(Purpose.INIT);
            for (int i = 0; i < dim; i++) initialWeights[i] = initDistribution.draw(i, init);
        }
        if (spec instanceof SlowlyChangingRegressionStreamSpec) {
            recurring = null; // no optimum in θ-space: the subclass draws its task (the flipping bits)
        } else if (switching.recurringTasks() > 0) {
            recurring = new double[switching.recurringTasks()][dim];
            for (int k = 0; k < recurring.length; k++) taskOptimum(k, recurring[k]);
            System.arraycopy(recurring[0], 0, optimum, 0, dim);
        } else {
            recurring = null;
            taskOptimum(0, optimum);
        }
    }

    /** A twin of {@code other} sharing its immutable parts (θ₀, the recurring optima); see {@link #twin()}. */
    TaskStream(TaskStream other) {
        this.spec = other.spec;
        this.seeds = other.seeds;
        this.dim = other.dim;
        this.optimum = new double[dim];
        this.noise = seeds.stream(Purpose.NOISE);
        this.switchRng = seeds.stream("TASKS/switch");
        this.optimaRng = seeds.stream("TASKS/optima");
        this.driftRng = seeds.stream("TASKS/drift");
        this.switching = other.switching;
        this.initDistribution = other.initDistribution;
        this.initialWeights = other.initialWeights;
        this.recurring = other.recurring;
    }

    private static InitDistribution initDistributionOf(StreamSpec spec) {
        if (spec instanceof SlowlyChangingRegressionStreamSpec scr)
            return scr.layout().kaimingUniform(scr.activation());
        return InitDistribution.isotropic(spec.prior(), spec.dim());
    }

    /**
     * A stream of the same spec and seeds in exactly this stream's state, sharing the immutable parts
     * (θ₀, the recurring optima, H and its basis) instead of drawing and decomposing them again: the cheap
     * way to build a snapshot. Allocates its own buffers and generators.
     */
    public TaskStream twin() {
        TaskStream copy;
        if (this instanceof QuadraticStream) copy = new QuadraticStream((QuadraticStream) this, false);
        else if (this instanceof LinearRegressionStream)
            copy = new LinearRegressionStream((LinearRegressionStream) this);
        else copy = new SlowlyChangingRegressionStream((SlowlyChangingRegressionStream) this);
        copy.copyStateFrom(this);
        return copy;
    }

    /**
     * As {@link #twin()}, for a copy that only holds state (a rollback checkpoint): it may share this stream's
     * scratch and observation caches, so it must never observe, compute a loss or write evidence; use it only
     * with {@link #copyStateFrom} in either direction. A quadratic stream's state twin holds its optimum and
     * generators alone; other streams return a full twin.
     */
    public TaskStream stateTwin() {
        if (!(this instanceof QuadraticStream quadratic)) return twin();
        TaskStream copy = new QuadraticStream(quadratic, true);
        copy.copyStateFrom(this);
        return copy;
    }

    /** The runtime stream for {@code spec}, its draws keyed by {@code seeds}. Allocates. */
    public static TaskStream create(StreamSpec spec, SeedStreams seeds) {
        if (spec instanceof QuadraticStreamSpec quadratic) return new QuadraticStream(quadratic, seeds);
        if (spec instanceof LinearRegressionStreamSpec regression) return new LinearRegressionStream(regression, seeds);
        if (spec instanceof SlowlyChangingRegressionStreamSpec scr)
            return new SlowlyChangingRegressionStream(scr, seeds);
        throw new IllegalArgumentException("unknown stream " + spec);
    }

    public StreamSpec spec() {
        return spec;
    }

    /** The run's random streams (for a subclass's own sub-purposes). */
    protected SeedStreams seeds() {
        return seeds;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public PriorSpec prior() {
        return spec.prior();
    }

    /**
     * The distribution θ₀ is drawn from (when not pinned) and fresh-draw resets sample: the prior's isotropic
     * Gaussian, or Kaiming-uniform for an MLP learner.
     */
    public InitDistribution initDistribution() {
        return initDistribution;
    }

    /** The learner's hidden layer when it is an MLP (slowly-changing regression), else null. */
    public HiddenLayer hiddenLayer() {
        return null;
    }

    /** The run's initial weights θ₀ (pinned or drawn from {@link #initDistribution()} with INIT). Do not modify. */
    public double[] initialWeights() {
        return initialWeights;
    }

    /** The current step (−1 before the first {@link #advance}). */
    public long step() {
        return step;
    }

    /** The current task id (see the class comment). */
    public int task() {
        return task;
    }

    @Override
    public long taskStart() {
        return taskStart;
    }

    /**
     * Increases whenever the optimum changes (a switch or a drift move) and when the state is copied, so a
     * subclass can cache quantities derived from w*.
     */
    protected long optimumVersion() {
        return optimumVersion;
    }

    /** The current optimum w*. Do not modify. */
    public double[] optimum() {
        return optimum;
    }

    /** K for a {@code markov} stream, else 0. */
    public int recurringTasks() {
        return recurring == null ? 0 : recurring.length;
    }

    /** The optimum of recurring task k of a {@code markov} stream. Do not modify. */
    public double[] recurringOptimum(int k) {
        if (recurring == null)
            throw new IllegalStateException("the stream has no recurring tasks (switching is not markov)");
        return recurring[k];
    }

    /**
     * Moves to the next step and performs the switch (or drift move) before it. Returns true when the
     * task switched before this step (never for step 0, never for drift). Allocates nothing.
     */
    public boolean advance() {
        step++;
        if (step == 0) return false;
        boolean switched = switching.beforeStep(step, this);
        if (switched) taskStart = step;
        if (switched || switching.movesOptimum()) optimumVersion++;
        return switched;
    }

    /** The generator of switch times and Markov moves (for the switching process). */
    Rng switchRng() {
        return switchRng;
    }

    /** The generator of the drift's moves (for the switching process). */
    Rng driftRng() {
        return driftRng;
    }

    /** A hazard or periodic switch: the next task begins (see {@link #beginTask}). */
    void beginNextTask() {
        task++;
        beginTask(task);
    }

    /** A markov switch: recurring task k (≠ the current one) begins, its optimum drawn once at construction. */
    void beginRecurringTask(int k) {
        task = k;
        System.arraycopy(recurring[k], 0, optimum, 0, dim);
    }

    /**
     * Draws this step's observation and writes the observed (noisy) gradient at θ into {@code g}.
     * {@code theta} not modified. Call once per step, before the evidence. Allocates nothing.
     */
    public abstract void observeGradient(double[] theta, double[] g);

    /**
     * Re-evaluates this step's observation at {@code theta} after a reset moved the weights away from
     * {@code observedTheta}, the θ of {@link #observeGradient} (the timing contract, DESIGN §7): {@code g}, the
     * gradient observed there, becomes the gradient of the same sample with the same noise draw at
     * {@code theta}. Draws nothing; {@code observedTheta} and {@code theta} not modified. Allocates nothing.
     */
    public abstract void reobserveGradient(double[] observedTheta, double[] theta, double[] g);

    /** The current task's expected loss L_t(θ) (no noise). Allocates nothing. */
    public abstract double loss(double[] theta);

    /** L_t(w*_t), the current task's smallest expected loss (0 where it is measured from 0 by convention). */
    public abstract double minLoss();

    /** L_t(θ) − L_t(w*_t) ≥ 0. Allocates nothing. A caller that has L_t(θ) already subtracts {@link #minLoss()}. */
    public final double excessLoss(double[] theta) {
        return loss(theta) - minLoss();
    }

    /** Doubles of evidence per step for {@code kind}; throws when this stream cannot provide it. */
    public abstract int evidenceWidth(EvidenceKind kind);

    /**
     * Writes this step's evidence of {@code kind} at {@code out[offset …]} (after {@link #observeGradient}
     * with the same θ and g). {@code theta}, {@code g} not modified. Allocates nothing.
     */
    public abstract void writeEvidence(EvidenceKind kind, double[] theta, double[] g, double[] out, int offset);

    /**
     * Per-coordinate noise variance of the {@link EvidenceKind#OPTIMUM} evidence (σ_g²/λ_i²), a fresh
     * array; only quadratic streams have that evidence (IllegalStateException otherwise).
     */
    public double[] optimumEvidenceNoiseVariance() {
        throw noOptimumEvidence();
    }

    /** The prior mean of each {@link EvidenceKind#OPTIMUM} coordinate (μ0, or 0 when centred). */
    public double optimumEvidencePriorMean() {
        throw noOptimumEvidence();
    }

    /** {@code w} expressed in the coordinates of the {@link EvidenceKind#OPTIMUM} evidence; fresh array. */
    public double[] toOptimumEvidenceCoordinates(double[] w) {
        throw noOptimumEvidence();
    }

    /**
     * out ← the point whose {@link EvidenceKind#OPTIMUM} coordinates are {@code e} (the inverse of
     * {@link #toOptimumEvidenceCoordinates}); {@code e} not modified. Allocates nothing.
     */
    public void fromOptimumEvidenceCoordinates(double[] e, double[] out) {
        throw noOptimumEvidence();
    }

    private IllegalStateException noOptimumEvidence() {
        return new IllegalStateException(
                "a " + getClass().getSimpleName() + " has no optimum evidence (quadratic streams only)");
    }

    /** |θ − w*| (NaN for a stream without an optimum in θ-space). */
    public double distanceToOptimum(double[] theta) {
        double s = 0;
        for (int i = 0; i < dim; i++) {
            double d = theta[i] - optimum[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /**
     * Makes this stream continue exactly as {@code other} (of an equal spec, built from the same seeds)
     * would: cursor, task, optimum and every random generator. Allocates nothing (see {@code Rng#copyStateFrom}).
     */
    public void copyStateFrom(TaskStream other) {
        if (other.getClass() != getClass() || !other.spec.equals(spec)) {
            throw new IllegalArgumentException("cannot copy the state of a stream of another spec");
        }
        step = other.step;
        task = other.task;
        taskStart = other.taskStart;
        System.arraycopy(other.optimum, 0, optimum, 0, dim);
        noise.copyStateFrom(other.noise);
        switchRng.copyStateFrom(other.switchRng);
        optimaRng.copyStateFrom(other.optimaRng);
        driftRng.copyStateFrom(other.driftRng);
        optimumVersion =
                Math.max(optimumVersion, other.optimumVersion) + 1; // a fresh key: caches of this stream are stale
    }

    /**
     * Starts task k after a hazard or periodic switch: by default w* ← the k-th optimum (pinned when listed,
     * else a draw from the prior with TASKS/optima). Streams whose tasks are not optima override it.
     */
    protected void beginTask(int k) {
        taskOptimum(k, optimum);
    }

    /** out ← the optimum of the k-th task begun (pinned when listed, else a draw from the prior). */
    private void taskOptimum(int k, double[] out) {
        List<List<Double>> pinned = spec.optima();
        if (k < pinned.size()) {
            List<Double> w = pinned.get(k);
            for (int i = 0; i < dim; i++) out[i] = w.get(i);
        } else {
            drawFromPrior(optimaRng, out);
        }
    }

    private void drawFromPrior(Rng rng, double[] out) {
        double mean = spec.prior().mean();
        double std = spec.prior().std();
        for (int i = 0; i < out.length; i++) out[i] = mean + std * rng.nextGaussian();
    }
}
