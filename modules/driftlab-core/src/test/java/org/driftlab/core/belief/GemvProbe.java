package org.driftlab.core.belief;

import java.util.SplittableRandom;
import org.jblas.NativeBlas;

/**
 * A quick warmed timing loop (not a test, not a JMH benchmark) behind the kernel choice documented in
 * {@link GaussianRunModel}: jblas dgemv of the (rMax + 1)×d row-major sum matrix S times x, the same product
 * as a plain Java loop, and the model's fused predict-and-grow sweep, at d = 32, rMax = 256.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.driftlab.core.belief.GemvProbe}.
 */
final class GemvProbe {
    private GemvProbe() {}

    public static void main(String[] args) {
        int d = 32, rMax = 256, rows = rMax + 1;
        SplittableRandom rnd = new SplittableRandom(42);
        double[] s = new double[rows * d];
        double[] x = new double[d];
        double[] y = new double[rows];
        for (int i = 0; i < s.length; i++) s[i] = rnd.nextGaussian();
        for (int i = 0; i < d; i++) x[i] = rnd.nextGaussian();
        double[] noise = new double[d];
        double[] mean = new double[d];
        for (int i = 0; i < d; i++) noise[i] = 0.5 + i * 0.1;
        GaussianRunModel model = new GaussianRunModel(d, rMax, mean, 1.0, noise);
        int[] runLength = new int[rMax + 2];
        for (int j = 0; j <= rMax; j++) runLength[j] = j;
        model.ensureSlots(rows + 1);
        System.arraycopy(s, 0, model.stats, 0, s.length);
        double[] logPi = new double[rMax + 2];
        for (int round = 0; round < 10; round++) {
            long t0 = System.nanoTime();
            int reps = 20000;
            double sink = 0;
            for (int k = 0; k < reps; k++) {
                // row-major S (rows×d) is column-major Sᵀ (d×rows): y = (Sᵀ)ᵀ x
                NativeBlas.dgemv('T', d, rows, 1.0, s, 0, d, x, 0, 1, 0.0, y, 0, 1);
                sink += y[k % rows];
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < reps; k++) {
                for (int j = 0; j < rows; j++) {
                    double acc = 0;
                    int row = j * d;
                    for (int i = 0; i < d; i++) acc += s[row + i] * x[i];
                    y[j] = acc;
                }
                sink += y[k % rows];
            }
            long t2 = System.nanoTime();
            for (int k = 0; k < reps; k++) {
                model.predictAndGrow(x, 0, rows, runLength, logPi);
                sink += logPi[k % rows];
            }
            long t3 = System.nanoTime();
            double[] grown = new double[(rows + 1) * d];
            for (int k = 0; k < reps; k++) {
                // the isotropic-noise formulation: one gemv S·x, then the growth pass S_{r+1} = S_r + x
                NativeBlas.dgemv('T', d, rows, 1.0, s, 0, d, x, 0, 1, 0.0, y, 0, 1);
                for (int j = rows - 1; j >= 0; j--) {
                    int row = j * d;
                    for (int i = 0; i < d; i++) grown[row + d + i] = s[row + i] + x[i];
                }
                sink += y[k % rows] + grown[k % rows];
            }
            long t4 = System.nanoTime();
            System.out.printf(
                    "jblas dgemv %.2f us, plain gemv %.2f us, fused predict+grow %.2f us, jblas gemv + grow %.2f us (sink %s)%n",
                    (t1 - t0) / 1e3 / reps,
                    (t2 - t1) / 1e3 / reps,
                    (t3 - t2) / 1e3 / reps,
                    (t4 - t3) / 1e3 / reps,
                    sink);
        }
    }
}
