package org.driftlab.core.stream;

import java.util.Arrays;
import org.driftlab.core.check.Require;
import org.driftlab.core.random.Rng;

/**
 * The loss and gradient of a fully connected classifier on one example (batch 1): inputs → hidden layers with
 * nonlinearity σ → K logits → softmax cross-entropy. The building block of the MNIST streams' learner (issue 17
 * item 4, e.g. 784-100-100-10 ReLU). θ is flat; layer l (l = 0 is the first hidden layer, the last is the output)
 * maps a_l of length n_l to n_{l+1} units, and unit j's incoming weights and then its bias are one contiguous
 * row, as in {@link MlpLayout}:
 * <pre>
 *   θ[off_l + j·(n_l + 1) + i] = W^l_ji,   θ[off_l + j·(n_l + 1) + n_l] = b^l_j,   off_{l+1} = off_l + n_{l+1}·(n_l + 1)
 *   loss = −log softmax(z^L)_y
 * </pre>
 * Holds its work arrays (activations per layer), so one instance per learner; not thread-safe; allocates
 * nothing per example.
 */
public final class SoftmaxMlp {
    private final int[] sizes; // n_0 = inputs, hidden…, K
    private final int[] offsets;
    private final Activation activation;
    private final double[][] z; // pre-activations of layers 1..L (index l+1 = output of weight layer l)
    private final double[][] a; // a[0] = x (a copy), a[l] = σ(z[l]) for hidden, a[L] = softmax(z[L])
    private final double[][] delta;
    private final int dim;

    /** A classifier with {@code inputs} inputs, the given hidden layer widths (possibly none) and {@code classes} outputs. */
    public SoftmaxMlp(int inputs, int[] hidden, int classes, Activation activation) {
        Require.positive("inputs", inputs);
        Require.positive("classes", classes);
        this.sizes = new int[hidden.length + 2];
        sizes[0] = inputs;
        for (int l = 0; l < hidden.length; l++) {
            Require.positive("hidden[" + l + "]", hidden[l]);
            sizes[l + 1] = hidden[l];
        }
        sizes[sizes.length - 1] = classes;
        this.activation = activation;
        this.offsets = new int[sizes.length];
        for (int l = 0; l + 1 < sizes.length; l++) offsets[l + 1] = offsets[l] + sizes[l + 1] * (sizes[l] + 1);
        this.dim = offsets[sizes.length - 1];
        this.z = new double[sizes.length][];
        this.a = new double[sizes.length][];
        this.delta = new double[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            z[l] = new double[sizes[l]];
            a[l] = new double[sizes[l]];
            delta[l] = new double[sizes[l]];
        }
    }

    /** Length of θ. */
    public int dim() {
        return dim;
    }

    /** Number of weight layers (hidden layers + 1). */
    public int layers() {
        return sizes.length - 1;
    }

    /** First index in θ of weight layer l's block (l = 0 … {@link #layers()}; layers() gives dim). */
    public int offset(int l) {
        return offsets[l];
    }

    /** Width n_l of layer l (0 = input, {@link #layers()} = the K outputs). */
    public int width(int l) {
        return sizes[l];
    }

    /**
     * Runs x forward at θ; returns the predicted class (argmax of the logits, the lowest index on ties).
     * Afterwards {@link #activations(int)} holds each layer's output.
     */
    public int forward(double[] theta, double[] x) {
        System.arraycopy(x, 0, a[0], 0, sizes[0]);
        int last = sizes.length - 1;
        for (int l = 0; l < last; l++) {
            int in = sizes[l];
            int stride = in + 1;
            double[] ain = a[l];
            double[] zout = z[l + 1];
            double[] aout = a[l + 1];
            boolean hidden = l + 1 < last;
            int units = sizes[l + 1];
            int j = 0;
            int row = offsets[l];
            // four rows interleaved, each still summed in order (bias first, then i = 0, 1, …): the same values as
            // one row at a time, but four independent add chains hide the FP add latency (see GemvCrossoverBench)
            for (; j + 4 <= units; j += 4, row += 4 * stride) {
                int r1 = row + stride, r2 = r1 + stride, r3 = r2 + stride;
                double s0 = theta[row + in], s1 = theta[r1 + in], s2 = theta[r2 + in], s3 = theta[r3 + in];
                for (int i = 0; i < in; i++) {
                    double xi = ain[i];
                    s0 += theta[row + i] * xi;
                    s1 += theta[r1 + i] * xi;
                    s2 += theta[r2 + i] * xi;
                    s3 += theta[r3 + i] * xi;
                }
                zout[j] = s0;
                zout[j + 1] = s1;
                zout[j + 2] = s2;
                zout[j + 3] = s3;
            }
            for (; j < units; j++, row += stride) {
                double s = theta[row + in];
                for (int i = 0; i < in; i++) s += theta[row + i] * ain[i];
                zout[j] = s;
            }
            for (int k = 0; k < units; k++) aout[k] = hidden ? activation.apply(zout[k]) : zout[k];
        }
        double[] logits = z[last];
        int best = 0;
        for (int k = 1; k < logits.length; k++) if (logits[k] > logits[best]) best = k;
        return best;
    }

    /**
     * Writes ∇_θ loss into {@code g[0..dim)} (every entry overwritten) for example (x, y) at θ and returns the
     * loss −log p_y (natural log). Afterwards {@link #probabilities()} holds the softmax output.
     */
    public double gradient(double[] theta, double[] x, int y, double[] g) {
        forward(theta, x);
        int last = sizes.length - 1;
        double[] logits = z[last];
        double[] p = a[last];
        double max = logits[0];
        for (double v : logits) max = Math.max(max, v);
        double sum = 0;
        for (int k = 0; k < logits.length; k++) sum += p[k] = Math.exp(logits[k] - max);
        for (int k = 0; k < logits.length; k++) p[k] /= sum;
        double loss = Math.log(sum) - (logits[y] - max);
        double[] d = delta[last];
        for (int k = 0; k < d.length; k++) d[k] = p[k] - (k == y ? 1.0 : 0.0);
        for (int l = last - 1; l >= 0; l--) {
            int in = sizes[l];
            int stride = in + 1;
            double[] ain = a[l];
            double[] dout = delta[l + 1];
            double[] din = delta[l];
            if (l > 0) Arrays.fill(din, 0.0);
            for (int j = 0, row = offsets[l]; j < sizes[l + 1]; j++, row += stride) {
                double dj = dout[j];
                for (int i = 0; i < in; i++) g[row + i] = dj * ain[i];
                g[row + in] = dj;
                if (l > 0 && dj != 0.0) for (int i = 0; i < in; i++) din[i] += theta[row + i] * dj;
            }
            if (l > 0) {
                double[] zin = z[l];
                for (int i = 0; i < in; i++) din[i] *= activation.derivative(zin[i], ain[i]);
            }
        }
        return loss;
    }

    /**
     * Fills θ with the Kaiming-uniform initialisation used by {@link MlpLayout#kaimingUniform}: weights of layer l
     * ~ U(−b, b), b = gain·√(3/n_l) with σ's gain for hidden layers and 1 for the output layer, one {@code
     * nextDouble} each in θ order; biases 0 (no draw).
     */
    public void kaimingUniform(Rng rng, double[] theta) {
        int last = sizes.length - 1;
        for (int l = 0; l < last; l++) {
            int in = sizes[l];
            double b = (l + 1 < last ? activation.kaimingGain() : 1.0) * Math.sqrt(3.0 / in);
            for (int j = 0, row = offsets[l]; j < sizes[l + 1]; j++, row += in + 1) {
                for (int i = 0; i < in; i++) theta[row + i] = -b + 2 * b * rng.nextDouble();
                theta[row + in] = 0.0;
            }
        }
    }

    /** Output of layer l after the latest forward pass (hidden: σ(z); do not modify). */
    public double[] activations(int l) {
        return a[l];
    }

    /** The softmax output of the latest {@link #gradient} call (do not modify). */
    public double[] probabilities() {
        return a[sizes.length - 1];
    }
}
