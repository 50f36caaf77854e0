package org.driftlab.core.rule;

import org.driftlab.core.random.Purpose;
import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.stream.Hessian;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.TaskView;
import org.jblas.DoubleMatrix;

/** Test fixture: the quadratic task L(θ) = ½ (θ − w*)ᵀ H (θ − w*) with a diagonal or rotated Hessian. */
final class QuadraticTask implements TaskView {
    final Hessian hessian;
    final double[] optimum;
    private final double[] diff;

    QuadraticTask(Hessian hessian, double[] optimum) {
        this.hessian = hessian;
        this.optimum = optimum.clone();
        this.diff = new double[optimum.length];
    }

    static QuadraticTask diagonal(double[] h, double[] optimum) {
        return new QuadraticTask(Hessian.diagonal(h), optimum);
    }

    /** H = Q diag(lambda) Qᵀ with Q a seeded random orthogonal matrix. */
    static QuadraticTask rotated(double[] lambda, double[] optimum, long seed) {
        return new QuadraticTask(Hessian.rotated(lambda, randomOrthogonal(lambda.length, seed)), optimum);
    }

    /** Gram–Schmidt on a seeded Gaussian matrix. */
    static DoubleMatrix randomOrthogonal(int n, long seed) {
        Rng rng = SeedStreams.of(seed, 0).stream(Purpose.TASKS);
        DoubleMatrix q = new DoubleMatrix(n, n);
        for (int j = 0; j < n; j++) {
            DoubleMatrix col = new DoubleMatrix(n);
            for (int i = 0; i < n; i++) col.put(i, rng.nextGaussian());
            for (int k = 0; k < j; k++) {
                DoubleMatrix qk = q.getColumn(k);
                col.subi(qk.mul(qk.dot(col)));
            }
            q.putColumn(j, col.div(col.norm2()));
        }
        return q;
    }

    @Override
    public int dim() {
        return optimum.length;
    }

    @Override
    public void trueGradient(double[] theta, double[] out) {
        for (int i = 0; i < diff.length; i++) diff[i] = theta[i] - optimum[i];
        hessian.multiply(diff, out);
    }

    @Override
    public Hessian hessian() {
        return hessian;
    }

    @Override
    public double gradientNoiseVariance() {
        return 0.09;
    }

    @Override
    public PriorSpec prior() {
        return PriorSpec.standard();
    }
}
