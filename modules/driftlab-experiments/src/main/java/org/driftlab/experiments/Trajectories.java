package org.driftlab.experiments;

import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.sim.Simulation;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;

/**
 * θ(t) of runs executed in lockstep (the same numbers {@code driftlab trace --weights} writes), for the
 * noise-free experiments 1 and 2, whose streams pin the initial weights and the optimum.
 */
public final class Trajectories {
    private Trajectories() {}

    /** One run's path: time[t] = t·dt and theta[t] = θ(t) for t = 0..steps (θ(0) the pinned initial weights). */
    public record Trajectory(RunSpec spec, RunResult result, double[] time, double[][] theta) {
        /** θ_i(t) − target_i for every t. */
        public double[] error(int i, double target) {
            double[] e = new double[theta.length];
            for (int t = 0; t < e.length; t++) e[t] = theta[t][i] - target;
            return e;
        }
    }

    /** Runs {@code spec} in lockstep and keeps θ after every step. Needs a quadratic stream with pinned init. */
    public static Trajectory trace(RunSpec spec) {
        QuadraticStreamSpec stream = (QuadraticStreamSpec) spec.stream();
        if (stream.init() == null || stream.init().isEmpty())
            throw new IllegalArgumentException("run " + spec.runId() + " has no pinned init");
        int n = (int) spec.steps();
        double[][] theta = new double[n + 1][];
        double[] time = new double[n + 1];
        theta[0] = stream.init().stream().mapToDouble(Double::doubleValue).toArray();
        RunResult r = Simulation.run(spec, (step, t, task, loss, excess, pChange, reset, th) -> {
            theta[(int) step + 1] = th.clone();
        });
        for (int t = 0; t <= n; t++) time[t] = t * spec.dt();
        return new Trajectory(spec, r, time, theta);
    }

    public static List<Trajectory> traceAll(List<RunSpec> specs) {
        List<Trajectory> out = new ArrayList<>();
        for (RunSpec s : specs) out.add(trace(s));
        return out;
    }

    /**
     * The per-step decay rate −ln(e(t+1)/e(t))/dt of an error series, or NaN once |e(t)| has fallen to
     * {@code floor} (where rounding, not the rule, sets the ratio) or the error changed sign.
     */
    public static double stepRate(double[] e, int t, double dt, double floor) {
        if (Math.abs(e[t]) <= floor || Math.abs(e[t + 1]) <= floor || Math.signum(e[t]) != Math.signum(e[t + 1]))
            return Double.NaN;
        return -Math.log(e[t + 1] / e[t]) / dt;
    }

    /**
     * The average convergence rate per unit time: −ln(|e(t*)| / |e(0)|) / t*, with t* the first time |e| has
     * shrunk by {@code factor} (e.g. 1e-6), or the end of the run if it never does. For an exponential decay
     * e^{−λt} it is λ whatever the factor; for other rules it is the rate averaged over the approach.
     */
    public static double averageRate(double[] e, double[] time, double factor) {
        double e0 = Math.abs(e[0]);
        int end = e.length - 1;
        for (int t = 1; t < e.length; t++) {
            if (Math.abs(e[t]) <= factor * e0) {
                end = t;
                break;
            }
        }
        return -Math.log(Math.abs(e[end]) / e0) / time[end];
    }
}
