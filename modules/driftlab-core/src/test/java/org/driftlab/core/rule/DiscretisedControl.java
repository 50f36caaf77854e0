package org.driftlab.core.rule;

import org.jblas.DoubleMatrix;
import org.jblas.Solve;

/**
 * Test reference: the direct numerical minimiser of the discretised optimal-control objective
 * <pre>
 *   J = Σ_{n=0}^{N−1} e^{−γ t_n} [ (1/2η) |(θ_{n+1} − θ_n)/h + jθ_n|²_G + k L(θ_n) ] h,   t_n = n h,
 *   L(θ) = ½ (θ − μ)ᵀ V (θ − μ),   θ_0 given,  θ_1..θ_N free,
 * </pre>
 * a linear least-squares problem in the path. Its normal equations are block tridiagonal (d×d blocks), solved by
 * block elimination with jblas {@link Solve} on the blocks, so that N can be large enough (tens of thousands) for
 * an O(h) discretisation error well below the tolerances; {@link #solveDense} assembles the same system densely
 * (for small N) to check the elimination. Test-only; allocates freely.
 */
final class DiscretisedControl {
    final DoubleMatrix g;
    final DoubleMatrix v;
    final double gamma;
    final double eta;
    final double k;
    final double j;

    DiscretisedControl(DoubleMatrix g, DoubleMatrix v, double gamma, double eta, double k, double j) {
        this.g = g;
        this.v = v;
        this.gamma = gamma;
        this.eta = eta;
        this.k = k;
        this.j = j;
    }

    private int d() {
        return v.rows;
    }

    /** Diagonal blocks D[n], upper blocks E[n] = M[n][n+1] (= M[n+1][n]), right-hand sides b[n], n = 1..N. */
    private void assemble(
            DoubleMatrix theta0,
            DoubleMatrix mu,
            double h,
            int steps,
            DoubleMatrix[] diag,
            DoubleMatrix[] upper,
            DoubleMatrix[] rhs) {
        int d = d();
        double a = 1 - j * h; // (θ_{n+1} − θ_n)/h + jθ_n = (θ_{n+1} − aθ_n)/h
        for (int n = 1; n <= steps; n++) {
            diag[n] = DoubleMatrix.zeros(d, d);
            upper[n] = DoubleMatrix.zeros(d, d);
            rhs[n] = DoubleMatrix.zeros(d);
        }
        for (int n = 0; n < steps; n++) {
            double w = Math.exp(-gamma * n * h);
            DoubleMatrix kin = g.mul(w / (eta * h)); // ½ (θ_{n+1} − aθ_n)ᵀ kin (θ_{n+1} − aθ_n)
            diag[n + 1].addi(kin);
            if (n == 0) {
                rhs[1].addi(kin.mmul(theta0).mul(a));
            } else {
                diag[n].addi(kin.mul(a * a));
                upper[n].addi(kin.mul(-a));
                DoubleMatrix pot = v.mul(w * h * k); // ½ (θ_n − μ)ᵀ pot (θ_n − μ)
                diag[n].addi(pot);
                rhs[n].addi(pot.mmul(mu));
            }
        }
    }

    /** The optimal path's first-step velocity (θ_1 − θ_0)/h, by block elimination. */
    double[] firstVelocity(double[] theta0, double[] mu, double h, int steps) {
        DoubleMatrix t0 = new DoubleMatrix(theta0);
        DoubleMatrix[] diag = new DoubleMatrix[steps + 1];
        DoubleMatrix[] upper = new DoubleMatrix[steps + 1];
        DoubleMatrix[] rhs = new DoubleMatrix[steps + 1];
        assemble(t0, new DoubleMatrix(mu), h, steps, diag, upper, rhs);
        for (int n = 2; n <= steps; n++) { // eliminate block n−1 from row n (M symmetric: lower block = upperᵀ = upper)
            DoubleMatrix lower = upper[n - 1].transpose();
            diag[n].subi(lower.mmul(Solve.solve(diag[n - 1], upper[n - 1])));
            rhs[n].subi(lower.mmul(Solve.solve(diag[n - 1], rhs[n - 1])));
        }
        DoubleMatrix x = Solve.solve(diag[steps], rhs[steps]);
        for (int n = steps - 1; n >= 1; n--) x = Solve.solve(diag[n], rhs[n].sub(upper[n].mmul(x)));
        return x.sub(t0).div(h).toArray();
    }

    /** The same, assembling the whole (N·d)² normal matrix and solving it with Solve.solvePositive. */
    double[] solveDense(double[] theta0, double[] mu, double h, int steps) {
        int d = d();
        DoubleMatrix[] diag = new DoubleMatrix[steps + 1];
        DoubleMatrix[] upper = new DoubleMatrix[steps + 1];
        DoubleMatrix[] rhs = new DoubleMatrix[steps + 1];
        DoubleMatrix t0 = new DoubleMatrix(theta0);
        assemble(t0, new DoubleMatrix(mu), h, steps, diag, upper, rhs);
        DoubleMatrix m = DoubleMatrix.zeros(steps * d, steps * d);
        DoubleMatrix b = DoubleMatrix.zeros(steps * d);
        for (int n = 1; n <= steps; n++) {
            int o = (n - 1) * d;
            for (int r = 0; r < d; r++) {
                b.put(o + r, rhs[n].get(r));
                for (int c = 0; c < d; c++) {
                    m.put(o + r, o + c, diag[n].get(r, c));
                    if (n < steps) {
                        m.put(o + r, o + d + c, upper[n].get(r, c));
                        m.put(o + d + c, o + r, upper[n].get(r, c));
                    }
                }
            }
        }
        DoubleMatrix x = Solve.solvePositive(m, b);
        return x.getRange(0, d).sub(t0).div(h).toArray();
    }
}
