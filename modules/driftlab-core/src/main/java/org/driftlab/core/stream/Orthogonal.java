package org.driftlab.core.stream;

import org.driftlab.core.random.Rng;
import org.jblas.Decompose;
import org.jblas.DoubleMatrix;

/** Random orthogonal matrices (the rotation of a dense quadratic task's Hessian, DESIGN §4). */
public final class Orthogonal {
    private Orthogonal() {}

    /**
     * A d×d orthogonal matrix distributed by the Haar measure: the Q factor of the QR decomposition of a
     * matrix of independent N(0, 1) draws (filled column by column from {@code rng}), with the sign of
     * each column fixed so that R's diagonal is positive (without the fix Q is not Haar-distributed).
     * Allocates; meant to run once per run. {@code rng} advances by d² draws.
     */
    public static DoubleMatrix random(int d, Rng rng) {
        if (d <= 0) throw new IllegalArgumentException("dim must be > 0, got " + d);
        DoubleMatrix a = new DoubleMatrix(d, d);
        for (int i = 0; i < a.data.length; i++) a.data[i] = rng.nextGaussian();
        Decompose.QRDecomposition<DoubleMatrix> qr = Decompose.qr(a);
        DoubleMatrix q = qr.q;
        for (int j = 0; j < d; j++) {
            if (qr.r.get(j, j) < 0) {
                int col = j * d;
                for (int i = 0; i < d; i++) q.data[col + i] = -q.data[col + i];
            }
        }
        return q;
    }
}
