package org.driftlab.core.stream;

import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;

/**
 * Slowly-changing regression at run time (see {@link SlowlyChangingRegressionStreamSpec}): the learner is the
 * MLP of {@link MlpLayout}; this stream draws each step's example, computes the target, the loss ½(ŷ − y)² and
 * its backprop gradient with respect to θ, so any {@link org.driftlab.core.rule.LearningRule} trains the MLP.
 *
 * <p>Gradient (r = ŷ − y): ∂/∂c = r; ∂/∂v_j = r·h_j; ∂/∂W_ji = r·v_j·σ'(z_j)·x_i, all at the θ observed.
 *
 * <p>Random streams: {@code TASKS/target} draws the target network once (per unit k: V_k0 … V_km, each
 * 2·nextInt(2) − 1; then u_0 … u_{K−1} likewise); {@code TASKS/flips} draws the flipping bits (f × nextInt(2) at
 * the start and at each redraw; one nextInt(f) per flip-one event); NOISE draws the m − f random bits of each
 * example (nextInt(2) each, in order); INIT the initial weights ({@link MlpLayout#kaimingUniform}, in index
 * order). The switch times come from the base class ({@code TASKS/switch}).
 *
 * <p>The recorded loss L_t(θ_t) is the online loss of step t's example at θ_t (before the update), as in the
 * paper's online error; the excess loss equals it (the minimum over the MLP's class is unknown and &gt; 0, so it
 * is measured from 0). The evidence LOSS is the same scalar. There is no Hessian, true gradient or optimum:
 * those {@link TaskView} methods throw, and rules that need them are rejected before a run starts.
 *
 * <p>Confined to one learner; after construction every per-step method allocates nothing.
 */
final class SlowlyChangingRegressionStream extends TaskStream implements HiddenLayer {
    private final MlpLayout layout;
    private final Activation activation;
    private final int bits;
    private final int flipping;
    private final boolean flipOne;
    private final int inputs;
    private final int hidden;
    // the target network, immutable and shared with twins
    private final int targetUnits;
    private final int[] targetIn; // K × (m + 1), row-major, ±1
    private final int[] targetOut; // K, ±1
    private final double[] threshold; // K: (m + 1)β − S_k
    private final Rng flipRng;
    // task state
    private final int[] flipBits; // f
    private final int[] taskSum; // K: Σ_{i<f} V_ki x_i + V_km (the flipping bits' and the bias's part)
    // the current example and the forward pass at the observed θ
    private final double[] x; // m + 1, x_m = 1
    private double y;
    private final double[] z; // H
    private final double[] h; // H
    private double lastLoss = Double.NaN;

    SlowlyChangingRegressionStream(SlowlyChangingRegressionStreamSpec spec, SeedStreams seeds) {
        super(spec, seeds);
        this.layout = spec.layout();
        this.activation = spec.activation();
        this.bits = spec.bits();
        this.flipping = spec.flippingBits();
        this.flipOne = spec.flipOne();
        this.inputs = bits + 1;
        this.hidden = spec.hidden();
        this.targetUnits = spec.targetUnits();
        this.targetIn = new int[targetUnits * inputs];
        this.targetOut = new int[targetUnits];
        Rng targetRng = seeds.stream("TASKS/target");
        for (int i = 0; i < targetIn.length; i++) targetIn[i] = 2 * targetRng.nextInt(2) - 1;
        for (int k = 0; k < targetUnits; k++) targetOut[k] = 2 * targetRng.nextInt(2) - 1;
        this.threshold = thresholds(targetIn, targetUnits, inputs, spec.beta());
        this.flipRng = seeds.stream("TASKS/flips");
        this.flipBits = new int[flipping];
        this.taskSum = new int[targetUnits];
        this.x = new double[inputs];
        this.z = new double[hidden];
        this.h = new double[hidden];
        x[bits] = 1.0;
        for (int i = 0; i < flipping; i++) flipBits[i] = flipRng.nextInt(2);
        updateTaskSums();
    }

    /** A twin sharing the target network (see {@link TaskStream#twin()}); its state is set by the caller. */
    SlowlyChangingRegressionStream(SlowlyChangingRegressionStream other) {
        super(other);
        this.layout = other.layout;
        this.activation = other.activation;
        this.bits = other.bits;
        this.flipping = other.flipping;
        this.flipOne = other.flipOne;
        this.inputs = other.inputs;
        this.hidden = other.hidden;
        this.targetUnits = other.targetUnits;
        this.targetIn = other.targetIn;
        this.targetOut = other.targetOut;
        this.threshold = other.threshold;
        this.flipRng = seeds().stream("TASKS/flips");
        this.flipBits = new int[flipping];
        this.taskSum = new int[targetUnits];
        this.x = new double[inputs];
        this.z = new double[hidden];
        this.h = new double[hidden];
        x[bits] = 1.0;
    }

    /**
     * θ_k = (m + 1)·β − S_k for each of the K target units, S_k the number of −1 among unit k's n = m + 1 input
     * weights ({@code v}: K × n row-major). A fresh array.
     */
    static double[] thresholds(int[] v, int units, int n, double beta) {
        double[] t = new double[units];
        for (int k = 0; k < units; k++) {
            int negatives = 0;
            for (int i = 0; i < n; i++) if (v[k * n + i] < 0) negatives++;
            t[k] = n * beta - negatives;
        }
        return t;
    }

    /**
     * y = Σ_k u_k·1[Σ_i V_ki x_i &gt; θ_k] for the target network ({@code v}: K × n row-major, x of length n with the
     * bias input last). Allocates nothing.
     */
    static double targetOutput(int[] v, int[] u, double[] theta, int n, double[] x) {
        double out = 0;
        for (int k = 0; k < u.length; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += v[k * n + i] * x[i];
            if (s > theta[k]) out += u[k];
        }
        return out;
    }

    private void updateTaskSums() {
        for (int k = 0; k < targetUnits; k++) {
            int row = k * inputs;
            int s = targetIn[row + bits]; // bias input
            for (int i = 0; i < flipping; i++) s += targetIn[row + i] * flipBits[i];
            taskSum[k] = s;
        }
    }

    @Override
    protected void beginTask(int k) {
        if (flipOne) {
            int i = flipRng.nextInt(flipping);
            flipBits[i] = 1 - flipBits[i];
        } else {
            for (int i = 0; i < flipping; i++) flipBits[i] = flipRng.nextInt(2);
        }
        updateTaskSums();
    }

    @Override
    public void observeGradient(double[] theta, double[] g) {
        for (int i = 0; i < flipping; i++) x[i] = flipBits[i];
        for (int i = flipping; i < bits; i++) x[i] = noise.nextInt(2);
        double target = 0;
        for (int k = 0; k < targetUnits; k++) {
            int row = k * inputs;
            int s = taskSum[k];
            for (int i = flipping; i < bits; i++) if (x[i] != 0) s += targetIn[row + i];
            if (s > threshold[k]) target += targetOut[k];
        }
        y = target;
        backpropagate(theta, g);
    }

    /** The same example (x, y) at θ; the hidden activations become those at θ. */
    @Override
    public void reobserveGradient(double[] observedTheta, double[] theta, double[] g) {
        backpropagate(theta, g);
    }

    /** g ← ∇ of the current example's squared error at θ, keeping the forward pass (z, h) and the loss. */
    private void backpropagate(double[] theta, double[] g) {
        double r = forward(theta, true) - y;
        lastLoss = 0.5 * r * r;
        int out = layout.outputWeight(0);
        for (int j = 0; j < hidden; j++) {
            double delta = r * theta[out + j] * activation.derivative(z[j], h[j]);
            int row = j * inputs;
            for (int i = 0; i < inputs; i++) g[row + i] = delta * x[i];
            g[out + j] = r * h[j];
        }
        g[layout.outputBias()] = r;
    }

    /** ŷ at θ for the current x; when {@code keep}, z and h are stored (the observation's forward pass). */
    private double forward(double[] theta, boolean keep) {
        int out = layout.outputWeight(0);
        double prediction = theta[layout.outputBias()];
        for (int j = 0; j < hidden; j++) {
            int row = j * inputs;
            double zj = 0;
            for (int i = 0; i < inputs; i++) zj += theta[row + i] * x[i];
            double hj = activation.apply(zj);
            if (keep) {
                z[j] = zj;
                h[j] = hj;
            }
            prediction += theta[out + j] * hj;
        }
        return prediction;
    }

    @Override
    public double loss(double[] theta) {
        double r = forward(theta, false) - y;
        return 0.5 * r * r;
    }

    @Override
    public double minLoss() {
        return 0; // measured from 0: the best loss over the MLP's class is unknown
    }

    @Override
    public double distanceToOptimum(double[] theta) {
        return Double.NaN;
    }

    @Override
    public HiddenLayer hiddenLayer() {
        return this;
    }

    @Override
    public MlpLayout layout() {
        return layout;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public double[] activations() {
        return h;
    }

    /** The current example's input (length m + 1, bias last). Do not modify. */
    double[] input() {
        return x;
    }

    /** The current example's target y. */
    double target() {
        return y;
    }

    /** The current flipping bits (a copy). */
    int[] flippingBits() {
        return flipBits.clone();
    }

    /** The target network's input weights (K × (m + 1)), output weights and thresholds; do not modify. */
    int[] targetInputWeights() {
        return targetIn;
    }

    int[] targetOutputWeights() {
        return targetOut;
    }

    double[] targetThresholds() {
        return threshold;
    }

    @Override
    public void trueGradient(double[] theta, double[] out) {
        throw new UnsupportedOperationException("a slowly-changing-regression stream has no noise-free gradient");
    }

    @Override
    public Hessian hessian() {
        throw new UnsupportedOperationException("a slowly-changing-regression stream has no Hessian");
    }

    @Override
    public double gradientNoiseVariance() {
        throw new UnsupportedOperationException("a slowly-changing-regression stream has no gradient noise variance");
    }

    @Override
    public int evidenceWidth(EvidenceKind kind) {
        switch (kind) {
            case NONE:
                return 0;
            case LOSS:
                return 1;
            case SNAPSHOT_RESIDUAL:
                return 1;
            default:
                throw new IllegalArgumentException("a slowly-changing-regression stream has no " + kind
                        + " evidence (use the variance-change or log-normal-gamma model on the snapshot residual)");
        }
    }

    @Override
    public void writeEvidence(EvidenceKind kind, double[] theta, double[] g, double[] out, int offset) {
        switch (kind) {
            case NONE:
                return;
            case LOSS:
                out[offset] = lastLoss;
                return;
            case SNAPSHOT_RESIDUAL:
                out[offset] = forward(theta, false) - y;
                return;
            default:
                throw new IllegalArgumentException("a slowly-changing-regression stream has no " + kind + " evidence");
        }
    }

    @Override
    public void copyStateFrom(TaskStream other) {
        super.copyStateFrom(other);
        SlowlyChangingRegressionStream o = (SlowlyChangingRegressionStream) other;
        flipRng.copyStateFrom(o.flipRng);
        System.arraycopy(o.flipBits, 0, flipBits, 0, flipping);
        System.arraycopy(o.taskSum, 0, taskSum, 0, targetUnits);
        System.arraycopy(o.x, 0, x, 0, inputs);
        System.arraycopy(o.z, 0, z, 0, hidden);
        System.arraycopy(o.h, 0, h, 0, hidden);
        y = o.y;
        lastLoss = o.lastLoss;
    }
}
