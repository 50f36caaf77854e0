package org.driftlab.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.rule.MetricSpec.Kind;
import org.jblas.DoubleMatrix;
import org.jblas.Eigen;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The optimal-control rule against closed forms computed here by hand (jblas eigendecompositions, not the rule's
 * Jacobi kernel), its limits, and a direct numerical minimisation of the discretised objective.
 */
final class OptimalControlTest extends LearningRuleContract {
    private static final List<Double> DENSE3 = List.of(1.5, 0.2, 0.1, 0.2, 1.0, -0.1, 0.1, -0.1, 0.8);
    private static final KalmanFilterSpec FILTER = new KalmanFilterSpec(0.05, 1.0, 0.5, 0.9, 1e-3);

    /** Contract on the most stateful configuration: filtered belief, dense metric (per-step Jacobi), decay. */
    @Override
    RuleSpec spec() {
        return new OptimalControlSpec(
                0.5, 1.0, 1.0, new MetricSpec(Kind.DENSE, DENSE3, Double.NaN), 0.1, BeliefSource.FILTERED, FILTER);
    }

    @Override
    RuleSpec otherSpec() {
        return new OptimalControlSpec(
                0.5, 1.0, 1.0, new MetricSpec(Kind.DENSE, DENSE3, Double.NaN), 0.2, BeliefSource.FILTERED, FILTER);
    }

    @Nested
    final class OracleDiagonalMetricContract extends LearningRuleContract {
        @Override
        RuleSpec spec() {
            return oc(1.0, 1.0, 2.0, diag(1.0, 2.0, 0.5), 0.0, BeliefSource.ORACLE);
        }

        @Override
        RuleSpec otherSpec() {
            return oc(1.0, 1.0, 2.0, diag(1.0, 2.0, 0.5), 0.3, BeliefSource.ORACLE);
        }
    }

    @Nested
    final class ObservedIdentityContract extends LearningRuleContract {
        @Override
        RuleSpec spec() {
            return oc(0.2, 1.0, 1.0, MetricSpec.identity(), 0.0, BeliefSource.OBSERVED);
        }

        @Override
        RuleSpec otherSpec() {
            return oc(0.3, 1.0, 1.0, MetricSpec.identity(), 0.0, BeliefSource.OBSERVED);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static OptimalControlSpec oc(
            double gamma, double eta, double k, MetricSpec metric, double decay, BeliefSource source) {
        return new OptimalControlSpec(
                gamma, eta, k, metric, decay, source, source == BeliefSource.FILTERED ? FILTER : null);
    }

    private static MetricSpec diag(double... values) {
        List<Double> list = new ArrayList<>();
        for (double x : values) list.add(x);
        return new MetricSpec(Kind.DIAGONAL, list, Double.NaN);
    }

    private static MetricSpec dense(DoubleMatrix g) {
        List<Double> list = new ArrayList<>();
        for (int i = 0; i < g.rows; i++) for (int j = 0; j < g.columns; j++) list.add(g.get(i, j));
        return new MetricSpec(Kind.DENSE, list, Double.NaN);
    }

    private static DoubleMatrix power(DoubleMatrix sym, double exponent) {
        DoubleMatrix[] wd = Eigen.symmetricEigenvectors(sym);
        DoubleMatrix w = wd[0];
        DoubleMatrix d = wd[1].diag();
        for (int i = 0; i < d.length; i++) d.put(i, Math.pow(d.get(i), exponent));
        return w.mmul(DoubleMatrix.diag(d)).mmul(w.transpose());
    }

    /**
     * The exact flow with G = I by hand: V = W diag(h) Wᵀ, z = Wᵀθ, per mode μ = z − (Wᵀm)/h, c = ηk h + j(j + γ),
     * λ = √(γ²/4 + c) − γ/2, B = ηk h / c, z' = Bμ + (z − Bμ) e^{−λΔt}; returns W z'. With {@code velocity} it
     * returns W(−λ(z − Bμ)) instead.
     */
    private static double[] flow(
            DoubleMatrix v,
            double[] theta,
            double[] m,
            double gamma,
            double etaK,
            double j,
            double dt,
            boolean velocity) {
        DoubleMatrix[] wd = Eigen.symmetricEigenvectors(v);
        DoubleMatrix w = wd[0];
        DoubleMatrix z = w.transpose().mmul(new DoubleMatrix(theta));
        DoubleMatrix mz = w.transpose().mmul(new DoubleMatrix(m));
        DoubleMatrix out = new DoubleMatrix(theta.length);
        for (int i = 0; i < theta.length; i++) {
            double h = wd[1].get(i, i);
            double mu = z.get(i) - mz.get(i) / h;
            double c = etaK * h + j * (j + gamma);
            double lambda = Math.sqrt(gamma * gamma / 4 + c) - gamma / 2;
            double bmu = etaK * h / c * mu;
            out.put(i, velocity ? -lambda * (z.get(i) - bmu) : bmu + (z.get(i) - bmu) * Math.exp(-lambda * dt));
        }
        return w.mmul(out).toArray();
    }

    /** The flow with a constant metric G by the φ = G^{1/2}θ transform, done by hand. */
    private static double[] flowWithMetric(
            DoubleMatrix g,
            DoubleMatrix v,
            double[] theta,
            double[] m,
            double gamma,
            double etaK,
            double j,
            double dt,
            boolean velocity) {
        DoubleMatrix half = power(g, 0.5);
        DoubleMatrix invHalf = power(g, -0.5);
        DoubleMatrix vt = invHalf.mmul(v).mmul(invHalf);
        vt = vt.add(vt.transpose()).div(2);
        double[] phi = half.mmul(new DoubleMatrix(theta)).toArray();
        double[] mt = invHalf.mmul(new DoubleMatrix(m)).toArray();
        return invHalf.mmul(new DoubleMatrix(flow(vt, phi, mt, gamma, etaK, j, dt, velocity)))
                .toArray();
    }

    private static void assertClose(double[] actual, double[] expected, double tol) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i])
                    .as("coordinate %d", i)
                    .isCloseTo(expected[i], within(tol * (1 + Math.abs(expected[i]))));
        }
    }

    private static double[] gradient(QuadraticTask task, double[] theta) {
        double[] g = new double[theta.length];
        task.trueGradient(theta, g);
        return g;
    }

    // ---------------------------------------------------------------- closed forms

    @Test
    void oneDimensionalQuadraticThreeStepsMatchClosedForm() {
        // L = ½ h (θ − w)², h = 2, w = 1; γ = 0.7, η = 0.5, k = 2 → R = √(0.1225 + 2) − 0.35; θ − w shrinks by e^{−RΔt}
        double r = Math.sqrt(0.7 * 0.7 / 4 + 0.5 * 2 * 2) - 0.35;
        QuadraticTask task = QuadraticTask.diagonal(new double[] {2.0}, new double[] {1.0});
        LearningRule rule = oc(0.7, 0.5, 2.0, MetricSpec.identity(), 0.0, BeliefSource.ORACLE)
                .newRule(1, 0.25);
        double[] theta = {3.0};
        double expected = 3.0;
        for (int t = 0; t < 3; t++) {
            rule.step(theta, new double[] {Double.NaN}, task); // the oracle ignores g
            expected = 1.0 + (expected - 1.0) * Math.exp(-r * 0.25);
            assertThat(theta[0]).isCloseTo(expected, within(1e-14));
        }
        // written out (Python: 1 + 2·exp(−0.75·(√2.1225 − 0.35))): R = 1.1068802284333468
        assertThat(theta[0]).isCloseTo(1.8719588986453348, within(1e-13));
    }

    @Test
    void diagonalHessianRatesPerCoordinate() {
        double[] h = {0.1, 1.0, 10.0};
        double[] w = {0.5, -0.5, 2.0};
        double gamma = 0.4;
        double etaK = 1.5;
        double dt = 0.3;
        QuadraticTask task = QuadraticTask.diagonal(h, w);
        LearningRule rule = oc(gamma, 1.5, 1.0, MetricSpec.identity(), 0.0, BeliefSource.ORACLE)
                .newRule(3, dt);
        double[] theta = {1.0, 1.0, 1.0};
        double[] expected = theta.clone();
        for (int t = 0; t < 3; t++) {
            rule.step(theta, new double[3], task);
            for (int i = 0; i < 3; i++) {
                double rate = Math.sqrt(gamma * gamma / 4 + etaK * h[i]) - gamma / 2;
                expected[i] = w[i] + (expected[i] - w[i]) * Math.exp(-rate * dt);
            }
            assertClose(theta, expected, 1e-14);
        }
    }

    @Test
    void rotatedHessianOracleAndObservedMatchTheMatrixFormula() {
        QuadraticTask task = QuadraticTask.rotated(new double[] {0.2, 1.0, 4.0}, new double[] {1.0, 0.0, -1.0}, 9);
        DoubleMatrix v = task.hessian.dense();
        LearningRule oracle = oc(0.6, 0.8, 1.5, MetricSpec.identity(), 0.0, BeliefSource.ORACLE)
                .newRule(3, 0.4);
        LearningRule observed = oc(0.6, 0.8, 1.5, MetricSpec.identity(), 0.0, BeliefSource.OBSERVED)
                .newRule(3, 0.4);
        double[] theta = {2.0, -1.0, 0.5};
        double[] thetaObs = theta.clone();
        double[][] noisyGs = {{0.3, -0.2, 1.0}, {2.0, 0.1, -0.4}, {-1.0, 0.5, 0.5}};
        for (int t = 0; t < 3; t++) {
            double[] expected = flow(v, theta, gradient(task, theta), 0.6, 1.2, 0.0, 0.4, false);
            oracle.step(theta, noisyGs[t], task);
            assertClose(theta, expected, 1e-12);
            double[] expectedObs = flow(v, thetaObs, noisyGs[t], 0.6, 1.2, 0.0, 0.4, false);
            observed.step(thetaObs, noisyGs[t], task);
            assertClose(thetaObs, expectedObs, 1e-12);
        }
    }

    @Test
    void largeGammaIsGradientDescentWithStepEtaKDtOverGamma() {
        QuadraticTask task = QuadraticTask.rotated(new double[] {0.5, 1.0, 3.0}, new double[] {1.0, 0.0, -1.0}, 4);
        double gamma = 1e4;
        double dt = 0.5;
        LearningRule rule = oc(gamma, 2.0, 1.5, MetricSpec.identity(), 0.0, BeliefSource.ORACLE)
                .newRule(3, dt);
        double[] theta = {2.0, -1.0, 0.5};
        double[] m = gradient(task, theta);
        double[] start = theta.clone();
        rule.step(theta, m, task);
        // R ≈ ηk h/γ (1 − ηk h/γ² …), 1 − e^{−RΔt} ≈ RΔt (1 − RΔt/2): relative error ≲ RΔt ≈ 5e-4 here
        for (int i = 0; i < 3; i++) {
            double gd = -3.0 * dt / gamma * m[i];
            assertThat(theta[i] - start[i]).isCloseTo(gd, within(1e-3 * Math.abs(gd) + 1e-12));
        }
    }

    @Test
    void zeroGammaIsBallisticWithRateSqrtEtaKTimesRootV() {
        QuadraticTask task = QuadraticTask.rotated(new double[] {0.25, 1.0, 4.0}, new double[] {1.0, 0.0, -1.0}, 5);
        DoubleMatrix v = task.hessian.dense();
        double etaK = 2.0;
        double[] theta = {2.0, -1.0, 0.5};
        double[] m = gradient(task, theta);
        // exact: Δθ = −(I − e^{−RΔt}) V⁻¹ m with R = √(ηk) V^{1/2}, written with V's own spectral functions
        double dt = 0.7;
        DoubleMatrix[] wd = Eigen.symmetricEigenvectors(v);
        DoubleMatrix shrink = new DoubleMatrix(3);
        for (int i = 0; i < 3; i++) {
            double h = wd[1].get(i, i);
            shrink.put(i, (1 - Math.exp(-Math.sqrt(etaK) * Math.sqrt(h) * dt)) / h);
        }
        DoubleMatrix expected = wd[0].mmul(DoubleMatrix.diag(shrink))
                .mmul(wd[0].transpose())
                .mmul(new DoubleMatrix(m))
                .neg();
        LearningRule rule = oc(0.0, 1.0, 2.0, MetricSpec.identity(), 0.0, BeliefSource.ORACLE)
                .newRule(3, dt);
        double[] t = theta.clone();
        rule.step(t, m, task);
        for (int i = 0; i < 3; i++) assertThat(t[i] - theta[i]).isCloseTo(expected.get(i), within(1e-12));
        // small Δt: velocity −R V⁻¹m = −√(ηk) V^{−1/2} m, the ballistic rule
        double small = 1e-7;
        LearningRule fine = oc(0.0, 1.0, 2.0, MetricSpec.identity(), 0.0, BeliefSource.ORACLE)
                .newRule(3, small);
        double[] u = theta.clone();
        fine.step(u, m, task);
        DoubleMatrix ballistic = power(v, -0.5).mmul(new DoubleMatrix(m)).mul(-Math.sqrt(etaK));
        for (int i = 0; i < 3; i++) {
            assertThat((u[i] - theta[i]) / small)
                    .isCloseTo(ballistic.get(i), within(1e-5 * (1 + Math.abs(ballistic.get(i)))));
        }
    }

    @Test
    void longStepIsNewton() {
        QuadraticTask task = QuadraticTask.rotated(new double[] {0.3, 1.0, 5.0}, new double[] {1.0, 0.5, -1.0}, 6);
        LearningRule rule = oc(0.8, 1.0, 1.0, MetricSpec.identity(), 0.0, BeliefSource.ORACLE)
                .newRule(3, 1e6);
        double[] theta = {-2.0, 3.0, 0.5};
        rule.step(theta, new double[3], task);
        assertClose(theta, task.optimum, 1e-12); // Δθ = −V⁻¹m lands on the minimum in one step
        // and with a metric G ≠ I as well: Newton does not depend on G
        LearningRule withMetric =
                oc(0.8, 1.0, 1.0, diag(2.0, 0.5, 1.5), 0.0, BeliefSource.ORACLE).newRule(3, 1e6);
        double[] t = {-2.0, 3.0, 0.5};
        withMetric.step(t, new double[3], task);
        assertClose(t, task.optimum, 1e-12);
    }

    @Test
    void decaySettlesAtBMuWithRateLambda() {
        // 1-D: h = 2, μ = w = 1.5, γ = 0.6, ηk = 1, j = 0.5: c = 2 + 0.5·1.1 = 2.55, λ = √(0.09 + 2.55) − 0.3, B =
        // 2/2.55
        double lambda = Math.sqrt(0.09 + 2.55) - 0.3;
        double bmu = 2.0 / 2.55 * 1.5;
        QuadraticTask task = QuadraticTask.diagonal(new double[] {2.0}, new double[] {1.5});
        LearningRule rule = oc(0.6, 1.0, 1.0, MetricSpec.identity(), 0.5, BeliefSource.ORACLE)
                .newRule(1, 0.2);
        double[] theta = {-1.0};
        double expected = -1.0;
        for (int t = 0; t < 3; t++) {
            rule.step(theta, new double[1], task);
            expected = bmu + (expected - bmu) * Math.exp(-lambda * 0.2);
            assertThat(theta[0]).isCloseTo(expected, within(1e-14));
        }
        LearningRule longStep = oc(0.6, 1.0, 1.0, MetricSpec.identity(), 0.5, BeliefSource.ORACLE)
                .newRule(1, 1e6);
        double[] t = {-1.0};
        longStep.step(t, new double[1], task);
        assertThat(t[0]).isCloseTo(bmu, within(1e-14)).isLessThan(1.5); // short of the minimum
    }

    @Test
    void constantMetricsMatchThePhiTransformDoneByHand() {
        QuadraticTask rotated = QuadraticTask.rotated(new double[] {0.3, 1.2, 2.5}, new double[] {1.0, -0.5, 0.0}, 12);
        QuadraticTask diagonal = QuadraticTask.diagonal(new double[] {0.3, 1.2, 2.5}, new double[] {1.0, -0.5, 0.0});
        DoubleMatrix gDiag = DoubleMatrix.diag(new DoubleMatrix(new double[] {2.0, 0.5, 1.5}));
        DoubleMatrix gDense = new DoubleMatrix(new double[][] {{1.5, 0.2, 0.1}, {0.2, 1.0, -0.1}, {0.1, -0.1, 0.8}});
        for (QuadraticTask task : new QuadraticTask[] {rotated, diagonal}) {
            for (DoubleMatrix g : new DoubleMatrix[] {DoubleMatrix.eye(3), gDiag, gDense}) {
                for (double decay : new double[] {0.0, 0.4}) {
                    MetricSpec metric =
                            g == gDense ? dense(g) : g == gDiag ? diag(2.0, 0.5, 1.5) : MetricSpec.identity();
                    LearningRule rule = oc(0.7, 1.2, 0.9, metric, decay, BeliefSource.ORACLE)
                            .newRule(3, 0.35);
                    double[] theta = {2.0, -1.0, 0.5};
                    for (int t = 0; t < 3; t++) {
                        double[] expected = flowWithMetric(
                                g, task.hessian.dense(), theta, gradient(task, theta), 0.7, 1.08, decay, 0.35, false);
                        rule.step(theta, new double[3], task);
                        assertClose(theta, expected, 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void denseMetricCacheFollowsTheHessianObject() {
        QuadraticTask a = QuadraticTask.rotated(new double[] {0.3, 1.2, 2.5}, new double[] {1.0, -0.5, 0.0}, 21);
        QuadraticTask b = QuadraticTask.rotated(new double[] {2.0, 0.7, 0.1}, new double[] {-1.0, 0.5, 2.0}, 22);
        DoubleMatrix g = new DoubleMatrix(new double[][] {{1.5, 0.2, 0.1}, {0.2, 1.0, -0.1}, {0.1, -0.1, 0.8}});
        LearningRule rule =
                oc(0.7, 1.0, 1.0, dense(g), 0.2, BeliefSource.ORACLE).newRule(3, 0.3);
        double[] theta = {2.0, -1.0, 0.5};
        for (QuadraticTask task : new QuadraticTask[] {a, a, b, b, a}) {
            double[] expected =
                    flowWithMetric(g, task.hessian.dense(), theta, gradient(task, theta), 0.7, 1.0, 0.2, 0.3, false);
            rule.step(theta, new double[3], task);
            assertClose(theta, expected, 1e-12);
        }
    }

    @Test
    void filteredBeliefByHand() {
        // per coordinate: predict m ← (1 − a)m, P ← (1 − a)²P + (1 − (1 − a)²)q; K = P/(P + r); m ← m + K(g − m);
        // P ← (1 − K)P; v ← β2 v + (1 − β2) g²; then the 1-D flow with h = max(v, eps); starts m = 0, P = q, v = 0
        KalmanFilterSpec f = new KalmanFilterSpec(0.1, 2.0, 0.5, 0.8, 0.05);
        double gamma = 0.3;
        double etaK = 1.5;
        double dt = 0.5;
        double decay = 0.2;
        LearningRule rule = new OptimalControlSpec(
                        gamma, 1.5, 1.0, MetricSpec.identity(), decay, BeliefSource.FILTERED, f)
                .newRule(2, dt);
        double[][] gs = {{1.0, 0.0}, {0.5, -0.1}, {-2.0, 0.05}, {0.3, 0.0}};
        double[] theta = {0.4, -0.3};
        double[] expected = theta.clone();
        double[] m = {0, 0};
        double[] p = {2.0, 2.0};
        double[] v = {0, 0};
        for (double[] g : gs) {
            rule.step(theta, g, null);
            for (int i = 0; i < 2; i++) {
                m[i] = 0.9 * m[i];
                p[i] = 0.81 * p[i] + 0.19 * 2.0;
                double gain = p[i] / (p[i] + 0.5);
                m[i] = m[i] + gain * (g[i] - m[i]);
                p[i] = (1 - gain) * p[i];
                v[i] = 0.8 * v[i] + 0.2 * g[i] * g[i];
                double h = Math.max(v[i], 0.05);
                double mu = expected[i] - m[i] / h;
                double c = etaK * h + decay * (decay + gamma);
                double lambda = Math.sqrt(gamma * gamma / 4 + c) - gamma / 2;
                double bmu = etaK * h / c * mu;
                expected[i] = bmu + (expected[i] - bmu) * Math.exp(-lambda * dt);
            }
            assertClose(theta, expected, 1e-13);
        }
    }

    @Test
    void filteredBeliefWithDenseMetricMatchesThePhiTransform() {
        KalmanFilterSpec f = new KalmanFilterSpec(0.1, 2.0, 0.5, 0.8, 0.05);
        DoubleMatrix g = new DoubleMatrix(new double[][] {{1.5, 0.3}, {0.3, 0.8}});
        LearningRule rule =
                new OptimalControlSpec(0.3, 1.5, 1.0, dense(g), 0.2, BeliefSource.FILTERED, f).newRule(2, 0.5);
        double[][] gs = {{1.0, 0.0}, {0.5, -0.1}, {-2.0, 0.05}};
        double[] theta = {0.4, -0.3};
        double[] m = {0, 0};
        double[] p = {2.0, 2.0};
        double[] v = {0, 0};
        for (double[] gt : gs) {
            for (int i = 0; i < 2; i++) {
                m[i] = 0.9 * m[i];
                p[i] = 0.81 * p[i] + 0.19 * 2.0;
                double gain = p[i] / (p[i] + 0.5);
                m[i] = m[i] + gain * (gt[i] - m[i]);
                p[i] = (1 - gain) * p[i];
                v[i] = 0.8 * v[i] + 0.2 * gt[i] * gt[i];
            }
            DoubleMatrix vDiag =
                    DoubleMatrix.diag(new DoubleMatrix(new double[] {Math.max(v[0], 0.05), Math.max(v[1], 0.05)}));
            double[] expected = flowWithMetric(g, vDiag, theta, m.clone(), 0.3, 1.5, 0.2, 0.5, false);
            rule.step(theta, gt, null);
            assertClose(theta, expected, 1e-12);
        }
    }

    @Test
    void badArgumentsAreRejectedInNewRule() {
        OptimalControlSpec ok = oc(0.5, 1.0, 1.0, MetricSpec.identity(), 0.0, BeliefSource.ORACLE);
        assertThatThrownBy(() -> ok.newRule(2, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dt");
        assertThatThrownBy(() -> ok.newRule(2, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dt");
        assertThatThrownBy(() -> oc(
                                0.5,
                                1.0,
                                1.0,
                                new MetricSpec(Kind.DENSE, List.of(1.0, 2.0, 2.0, 1.0), Double.NaN),
                                0.0,
                                BeliefSource.ORACLE)
                        .newRule(2, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive-definite");
        assertThatThrownBy(() -> oc(0.5, 1.0, 1.0, diag(1.0, 2.0), 0.0, BeliefSource.ORACLE)
                        .newRule(3, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metric.values");
    }

    // ---------------------------------------------------------------- direct minimisation of the discretised J

    @Test
    void blockEliminationAgreesWithTheDenseLeastSquaresSolve() {
        DoubleMatrix g = new DoubleMatrix(new double[][] {{1.5, 0.3}, {0.3, 0.8}});
        DoubleMatrix v = QuadraticTask.rotated(new double[] {0.5, 2.0}, new double[] {0, 0}, 31)
                .hessian
                .dense();
        DiscretisedControl dc = new DiscretisedControl(g, v, 0.5, 1.0, 1.0, 0.2);
        double[] block = dc.firstVelocity(new double[] {-0.5, 1.0}, new double[] {1.0, -0.5}, 0.05, 300);
        double[] dense = dc.solveDense(new double[] {-0.5, 1.0}, new double[] {1.0, -0.5}, 0.05, 300);
        assertClose(block, dense, 1e-10);
    }

    /**
     * The numerical optimum's first-step velocity (θ_1 − θ_0)/h against the closed-form velocity, at h and h/2.
     * The discretisation is first order: the forward difference alone is off by ≈ λh/2 · |θ̇| and the left-point
     * sum for J adds another O(λh), so we require |error| ≤ 2 λ_max h |θ̇| (observed ≈ 0.9 λh). That the error
     * also halves with h (ratio within [0.45, 0.55]) shows it is discretisation error converging to the closed
     * form, and Richardson extrapolation 2v(h/2) − v(h) must then agree to 10 (λ_max h)². The horizon T makes
     * the free end's influence ∝ e^{−2λ_min T} negligible.
     */
    private static void checkAgainstNumericalOptimum(
            DoubleMatrix g,
            DoubleMatrix v,
            double[] theta0,
            double[] mu,
            double gamma,
            double eta,
            double k,
            double j,
            double h,
            double horizon) {
        double[] m = v.mmul(new DoubleMatrix(theta0).sub(new DoubleMatrix(mu))).toArray();
        DoubleMatrix closed = new DoubleMatrix(flowWithMetric(g, v, theta0, m, gamma, eta * k, j, 0.0, true));
        DoubleMatrix invHalf = power(g, -0.5);
        double[] h2 = Eigen.symmetricEigenvalues(invHalf.mmul(v).mmul(invHalf)).toArray();
        double lambdaMax = 0;
        for (double hi : h2) {
            double c = eta * k * hi + j * (j + gamma);
            lambdaMax = Math.max(lambdaMax, Math.sqrt(gamma * gamma / 4 + c) - gamma / 2);
        }
        DiscretisedControl dc = new DiscretisedControl(g, v, gamma, eta, k, j);
        DoubleMatrix coarse = new DoubleMatrix(dc.firstVelocity(theta0, mu, h, (int) Math.round(horizon / h)));
        DoubleMatrix fine = new DoubleMatrix(dc.firstVelocity(theta0, mu, h / 2, (int) Math.round(2 * horizon / h)));
        double speed = closed.norm2();
        double errCoarse = coarse.sub(closed).norm2();
        double errFine = fine.sub(closed).norm2();
        assertThat(errCoarse).isLessThanOrEqualTo(2 * lambdaMax * h * speed);
        assertThat(errFine).isLessThanOrEqualTo(2 * lambdaMax * h / 2 * speed);
        assertThat(errFine / errCoarse).isBetween(0.45, 0.55);
        assertThat(fine.mul(2).sub(coarse).sub(closed).norm2())
                .isLessThanOrEqualTo(10 * Math.pow(lambdaMax * h, 2) * speed);

        // and the rule itself: over a tiny Δt its step is that velocity times Δt (the flow is exact, so to O(λΔt))
        QuadraticTask task = v.rows == 1
                ? QuadraticTask.diagonal(new double[] {v.get(0, 0)}, mu)
                : new QuadraticTask(
                        org.driftlab.core.stream.Hessian.rotated(
                                Eigen.symmetricEigenvectors(v)[1].diag().toArray(), Eigen.symmetricEigenvectors(v)[0]),
                        mu);
        double tiny = 1e-7;
        LearningRule rule = oc(
                        gamma,
                        eta,
                        k,
                        g.rows == 1 || g.equals(DoubleMatrix.eye(g.rows)) ? MetricSpec.identity() : dense(g),
                        j,
                        BeliefSource.ORACLE)
                .newRule(theta0.length, tiny);
        double[] theta = theta0.clone();
        rule.step(theta, new double[theta.length], task);
        for (int i = 0; i < theta.length; i++) {
            assertThat((theta[i] - theta0[i]) / tiny)
                    .isCloseTo(closed.get(i), within(1e-5 * (1 + Math.abs(closed.get(i)))));
        }
    }

    @Test
    void oneDimensionalNumericalOptimumMatchesTheClosedFormVelocity() {
        DoubleMatrix v = new DoubleMatrix(new double[][] {{1.5}});
        for (double j : new double[] {0.0, 0.3}) { // −R V⁻¹m, then −λ(θ − Bμ)
            checkAgainstNumericalOptimum(
                    DoubleMatrix.eye(1), v, new double[] {2.0}, new double[] {0.4}, 1.0, 0.5, 2.0, j, 4e-3, 15);
        }
    }

    @Test
    void twoDimensionalNumericalOptimumMatchesTheClosedFormVelocity() {
        DoubleMatrix v = QuadraticTask.rotated(new double[] {0.5, 2.0}, new double[] {0, 0}, 31)
                .hessian
                .dense();
        DoubleMatrix g = new DoubleMatrix(new double[][] {{1.5, 0.3}, {0.3, 0.8}});
        double[] theta0 = {-0.5, 1.0};
        double[] mu = {1.0, -0.5};
        checkAgainstNumericalOptimum(DoubleMatrix.eye(2), v, theta0, mu, 0.5, 1.0, 1.0, 0.0, 4e-3, 20);
        checkAgainstNumericalOptimum(g, v, theta0, mu, 0.5, 1.0, 1.0, 0.2, 4e-3, 20);
    }
}
