package org.driftlab.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.driftlab.core.rule.BallisticSpec;
import org.driftlab.core.rule.MetricSpec;
import org.driftlab.core.rule.MomentumSpec;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.experiments.Trajectories.Trajectory;
import org.driftlab.results.plot.ChartFiles;
import org.driftlab.results.plot.Charts;
import org.driftlab.results.stats.ConditionStats;
import org.driftlab.results.stats.ConditionTable;
import org.driftlab.results.stats.Summary;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoredRun;
import org.knowm.xchart.XYChart;

/**
 * The tables and plots of docs/RESULTS.md, computed from the committed configs' traces (experiments 1, 2) and
 * from the results stores their sweeps wrote (experiments 3, 4, 5). Writes {@code docs/results/<experiment>.md}
 * and PNGs under {@code docs/img/}; run from the repository root (the command is in docs/RESULTS.md):
 * {@code java -cp modules/driftlab-cli/target/driftlab.jar:modules/driftlab-experiments/target/driftlab-experiments.jar
 * org.driftlab.experiments.Experiments horizon|geometry|hazard|threshold|recurring|plasticity}.
 */
public final class Experiments {
    private static final Path IMG = Path.of("docs", "img");
    private static final Path TABLES = Path.of("docs", "results");
    private static final String HAZARD = "stream.switching.hazard";
    private static final String NOISE = "stream.gradient-noise";
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z0-9-]+)\"");

    private Experiments() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println(
                    "usage: Experiments horizon|geometry|hazard|threshold|recurring|plasticity ... (from the repository root)");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(IMG);
        Files.createDirectories(TABLES);
        for (String a : args) {
            String md;
            switch (a) {
                case "horizon":
                    md = horizon();
                    break;
                case "geometry":
                    md = geometry();
                    break;
                case "hazard":
                    md = hazard();
                    break;
                case "threshold":
                    md = threshold();
                    break;
                case "recurring":
                    md = recurring();
                    break;
                case "plasticity":
                    md = plasticity();
                    break;
                default:
                    throw new IllegalArgumentException("unknown experiment " + a);
            }
            Files.writeString(TABLES.resolve(a + ".md"), md);
            System.out.println(md);
        }
    }

    // ------------------------------------------------------------------ experiment 1

    static String horizon() {
        List<Trajectory> runs =
                Trajectories.traceAll(Configs.load("horizon.conf").runs());
        StringBuilder md = new StringBuilder();
        md.append(
                "Convergence rate per unit time, −ln(|θ(t*) − μ| / |θ(0) − μ|)/t*, t* = the first time the error has shrunk 10⁶-fold "
                        + "(or the end, t = 300); closed form λ = √(γ²/4 + ηkh) − γ/2 for the optimal-control rule.\n\n");
        md.append(
                "| rule | 1-D, h = 1: rate | closed form | 2-D: rate along h = 1/9 | along h = 1 | ratio | closed-form ratio |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        Map<String, double[]> rows = new LinkedHashMap<>();
        Map<String, java.util.TreeMap<Double, Double>> byKappa = new LinkedHashMap<>();
        List<Charts.Line> oneD = new ArrayList<>();
        List<Charts.Line> slow = new ArrayList<>();
        List<Charts.Line> fast = new ArrayList<>();
        for (Trajectory tr : runs) {
            String rule = describe(tr.spec());
            QuadraticStreamSpec s = (QuadraticStreamSpec) tr.spec().stream();
            double[] row = rows.computeIfAbsent(
                    rule, k -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN});
            if (s.dim() == 2) {
                double kappa =
                        s.spectrum().values().get(1) / s.spectrum().values().get(0);
                double ratio = Trajectories.averageRate(tr.error(1, 0), tr.time(), 1e-6)
                        / Trajectories.averageRate(tr.error(0, 0), tr.time(), 1e-6);
                byKappa.computeIfAbsent(rule, k -> new java.util.TreeMap<>()).put(kappa, ratio);
                if (Math.abs(kappa - 9) > 1e-9) continue; // the table and θ(t) plots: κ = 9 (h = (1/9, 1))
            }
            for (int i = 0; i < s.dim(); i++) {
                double[] e = tr.error(i, s.optima().get(0).get(i));
                double rate = Trajectories.averageRate(e, tr.time(), 1e-6);
                double h = s.spectrum().values().get(i);
                double closed = tr.spec().rule() instanceof OptimalControlSpec oc
                        ? ClosedForms.rate(oc.gamma(), oc.eta() * oc.k(), h, 0)
                        : Double.NaN;
                if (s.dim() == 1) {
                    row[0] = rate;
                    row[1] = closed;
                    oneD.add(new Charts.Line(rule, tr.time(), abs(e), null));
                } else {
                    row[2 + i] = rate;
                    row[4 + i] = closed;
                    (i == 0 ? slow : fast).add(new Charts.Line(rule, tr.time(), abs(e), null));
                }
            }
        }
        rows.forEach((rule, r) -> md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s |%n",
                rule,
                num(r[0]),
                num(r[1]),
                num(r[2]),
                num(r[3]),
                num(r[3] / r[2]),
                num(r[5] / r[4]))));
        // the direction-rate ratio against the curvature ratio κ
        List<Double> kappas = new ArrayList<>(byKappa.values().iterator().next().keySet());
        md.append(
                "\nRatio of the two directions' rates against the curvature ratio κ = h2/h1 (2-D, h = (1/κ, 1)); closed forms for "
                        + "the optimal-control rule in brackets; √κ and κ for reference.\n\n| rule |");
        for (double k : kappas) md.append(" κ = ").append(num(k)).append(" |");
        md.append("\n|---|").append("---|".repeat(kappas.size())).append('\n');
        List<Charts.Line> ratioLines = new ArrayList<>();
        for (Trajectory tr : runs) {
            if (tr.spec().stream().dim() != 2) continue;
            String rule = describe(tr.spec());
            if (!byKappa.containsKey(rule)
                    || ratioLines.stream().anyMatch(l -> l.label().equals(rule))) continue;
            md.append("| ").append(rule).append(" |");
            double[] x = new double[kappas.size()];
            double[] y = new double[kappas.size()];
            for (int k = 0; k < x.length; k++) {
                double kappa = kappas.get(k);
                x[k] = kappa;
                y[k] = byKappa.get(rule).get(kappa);
                String closed = "";
                if (tr.spec().rule() instanceof OptimalControlSpec oc) {
                    closed = " ("
                            + num(ClosedForms.rate(oc.gamma(), oc.eta() * oc.k(), 1, 0)
                                    / ClosedForms.rate(oc.gamma(), oc.eta() * oc.k(), 1 / kappa, 0))
                            + ")";
                }
                md.append(' ').append(num(y[k])).append(closed).append(" |");
            }
            md.append('\n');
            ratioLines.add(new Charts.Line(rule, x, y, null));
        }
        double[] kx = kappas.stream().mapToDouble(Double::doubleValue).toArray();
        md.append("| √κ |");
        for (double k : kx) md.append(' ').append(num(Math.sqrt(k))).append(" |");
        md.append("\n| κ |");
        for (double k : kx) md.append(' ').append(num(k)).append(" |");
        md.append('\n');
        ratioLines.add(new Charts.Line(
                "√κ (reference)",
                kx,
                java.util.Arrays.stream(kx).map(Math::sqrt).toArray(),
                null));
        ratioLines.add(new Charts.Line("κ (reference)", kx, kx.clone(), null));
        write(
                Charts.lines(
                        "Experiment 1: ratio of the directions' convergence rates against the curvature ratio κ",
                        "curvature ratio κ = h2/h1",
                        "rate along h2 / rate along h1",
                        true,
                        true,
                        ratioLines),
                "horizon-ratio");
        write(
                Charts.lines(
                        "Experiment 1: 1-D quadratic h = 1, |θ(t) − μ| (start 0, μ = 1)",
                        "time t",
                        "|θ − μ|",
                        false,
                        true,
                        thin(oneD, 1200)),
                "horizon-1d");
        write(
                Charts.lines(
                        "Experiment 1: 2-D quadratic, slow direction h = 1/9, |θ1(t) − μ1| (start −3)",
                        "time t",
                        "|θ1 − μ1|",
                        false,
                        true,
                        thin(slow, 1200)),
                "horizon-2d-slow");
        write(
                Charts.lines(
                        "Experiment 1: 2-D quadratic, fast direction h = 1, |θ2(t) − μ2| (start −3)",
                        "time t",
                        "|θ2 − μ2|",
                        false,
                        true,
                        thin(fast, 1200)),
                "horizon-2d-fast");
        return md.toString();
    }

    // ------------------------------------------------------------------ experiment 2

    static String geometry() {
        List<Trajectory> runs =
                Trajectories.traceAll(Configs.load("geometry.conf").runs());
        StringBuilder md = new StringBuilder();
        md.append(
                "θ(10) (end of the run), the closed-form settling point Bμ, and the measured rate per coordinate (first step) "
                        + "against λ of its mode of G^{−1/2}HG^{−1/2}.\n\n");
        md.append(
                "| setting | θ(10) | Bμ | rate θ1 (closed form) | rate θ2 (closed form) | time to within 1% of Bμ |\n|---|---|---|---|---|---|\n");
        List<Charts.Line> paths = new ArrayList<>();
        for (Trajectory tr : runs) {
            OptimalControlSpec oc = (OptimalControlSpec) tr.spec().rule();
            QuadraticStreamSpec s = (QuadraticStreamSpec) tr.spec().stream();
            String name = oc.decay() > 0
                    ? "G = I, decay j = " + num(oc.decay())
                    : oc.metric().kind() == MetricSpec.Kind.DIAGONAL
                            ? "G = diag(" + num(oc.metric().values().get(0)) + ", "
                                    + num(oc.metric().values().get(1)) + ")"
                            : "G = I";
            double[] target = new double[2];
            double[] rate = new double[2];
            double[] closed = new double[2];
            for (int i = 0; i < 2; i++) {
                double h = s.spectrum().values().get(i);
                double g = oc.metric().kind() == MetricSpec.Kind.DIAGONAL
                        ? oc.metric().values().get(i)
                        : 1.0;
                target[i] = ClosedForms.settlingFactor(oc.gamma(), oc.eta() * oc.k(), h / g, oc.decay())
                        * s.optima().get(0).get(i);
                closed[i] = ClosedForms.rate(oc.gamma(), oc.eta() * oc.k(), h / g, oc.decay());
                rate[i] = Trajectories.stepRate(
                        tr.error(i, target[i]), 0, tr.spec().dt(), 0);
            }
            double[] end = tr.theta()[tr.theta().length - 1];
            double start = dist(tr.theta()[0], target);
            double settle = Double.NaN;
            for (int t = 0; t < tr.theta().length; t++) {
                if (dist(tr.theta()[t], target) <= 0.01 * start) {
                    settle = tr.time()[t];
                    break;
                }
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | (%s, %s) | (%s, %s) | %s (%s) | %s (%s) | %s |%n",
                    name,
                    num(end[0]),
                    num(end[1]),
                    num(target[0]),
                    num(target[1]),
                    num(rate[0]),
                    num(closed[0]),
                    num(rate[1]),
                    num(closed[1]),
                    num(settle)));
            double[] x = new double[tr.theta().length];
            double[] y = new double[tr.theta().length];
            for (int t = 0; t < x.length; t++) {
                x[t] = tr.theta()[t][0];
                y[t] = tr.theta()[t][1];
            }
            paths.add(new Charts.Line(name, x, y, null));
        }
        paths.add(new Charts.Line("optimum μ = (0, −0.5)", new double[] {0}, new double[] {-0.5}, null));
        write(
                Charts.lines(
                        "Experiment 2: paths θ(t) from (1.5, 1.5), h = (4, 4), γ = 0", "θ1", "θ2", false, false, paths),
                "geometry-paths");
        return md.toString();
    }

    // ------------------------------------------------------------------ experiment 3

    static String hazard() {
        ConditionTable table = table("reset-vs-hazard");
        List<Double> hazards = numbers(table, HAZARD);
        List<Double> noises = numbers(table, NOISE);
        List<String> rules = new ArrayList<>();
        for (Object r : table.distinctValues("rule")) if (!type(r).equals("ideal-observer")) rules.add(r.toString());
        List<String> policies = policies(table);
        Predicate<ConditionStats> ideal = c -> type(c.params().get("rule")).equals("ideal-observer");
        StringBuilder md = new StringBuilder();
        md.append(
                "Mean excess loss per step (mean over seeds ± 95% CI half-width; n = seeds per condition). Columns: hazard ρ.\n");
        for (double noise : noises) {
            md.append(String.format(Locale.ROOT, "%n**σ_g = %s**%n%n| rule | policy | n |", num(noise)));
            for (double h : hazards) md.append(" ρ = ").append(num(h)).append(" |");
            md.append("\n|---|---|---|").append("---|".repeat(hazards.size())).append('\n');
            for (String rule : rules) {
                for (String p : policies) {
                    row(
                            md,
                            table,
                            type(rule),
                            p,
                            hazards,
                            c -> eq(c, "rule", rule) && p.equals(policyKey(c)) && eqNum(c, NOISE, noise));
                }
            }
            row(md, table, "ideal observer", "—", hazards, c -> ideal.test(c) && eqNum(c, NOISE, noise));
        }
        // plots: one per rule and noise level, one line per policy plus the ideal observer
        for (String rule : rules) {
            for (double noise : noises) {
                List<Charts.Line> lines = new ArrayList<>();
                for (String p : policies) {
                    lines.add(vsHazard(
                            table,
                            p,
                            hazards,
                            c -> eq(c, "rule", rule) && p.equals(policyKey(c)) && eqNum(c, NOISE, noise)));
                }
                lines.add(vsHazard(table, "ideal observer", hazards, c -> ideal.test(c) && eqNum(c, NOISE, noise)));
                write(
                        Charts.lines(
                                "Experiment 3: " + type(rule) + ", σ_g = " + num(noise)
                                        + ": mean excess loss against hazard (95% CI)",
                                "hazard ρ",
                                "mean excess loss [loss]",
                                true,
                                true,
                                lines),
                        "reset-vs-hazard-" + type(rule) + "-sigma-" + num(noise));
            }
        }
        // detection by the belief policies (the evidence z = θ − H⁻¹g does not depend on the rule)
        md.append(
                "\nDetection by the belief policies with adam: mean detection delay in steps / false alarms per run / "
                        + "fraction of switches detected within 50 steps (the evidence does not depend on θ, so the belief sees the same "
                        + "data under every rule; resets change only where p_change restarts).\n");
        String adam =
                rules.stream().filter(r -> type(r).equals("adam")).findFirst().orElseThrow();
        for (String p : policies) {
            if (!p.startsWith("belief")) continue;
            md.append(String.format(Locale.ROOT, "%n**%s**%n%n| σ_g |", p));
            for (double h : hazards) md.append(" ρ = ").append(num(h)).append(" |");
            md.append("\n|---|").append("---|".repeat(hazards.size())).append('\n');
            for (double noise : noises) {
                md.append("| ").append(num(noise)).append(" |");
                for (double h : hazards) {
                    ConditionStats c = one(
                            table,
                            x -> eq(x, "rule", adam)
                                    && p.equals(policyKey(x))
                                    && eqNum(x, NOISE, noise)
                                    && eqNum(x, HAZARD, h));
                    double det = c.of(Metric.DETECTIONS).mean();
                    double sw = c.of(Metric.SWITCHES).mean();
                    md.append(String.format(
                            Locale.ROOT,
                            " %s / %s / %s |",
                            num(c.of(Metric.MEAN_DETECTION_DELAY).mean()),
                            num(c.of(Metric.FALSE_ALARMS).mean()),
                            num(det / sw)));
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    /** A condition's policy for experiment 3's tables: the reset's short name, every periodic T = 1/ρ as one policy. */
    private static String policyKey(ConditionStats c) {
        Object r = c.params().get("reset");
        if (r == null) return null;
        String p = policy(r.toString());
        return p.startsWith("periodic") ? "periodic (T = 1/ρ)" : p;
    }

    private static List<String> policies(ConditionTable table) {
        List<String> out = new ArrayList<>();
        for (ConditionStats c : table.conditions()) {
            String p = policyKey(c);
            if (p != null && !type(c.params().get("rule")).equals("ideal-observer") && !out.contains(p)) out.add(p);
        }
        out.sort((a, b) -> Integer.compare(order(a), order(b)));
        return out;
    }

    static String threshold() {
        ConditionTable table = table("reset-threshold");
        List<Double> hazards = numbers(table, HAZARD);
        List<Double> noises = numbers(table, NOISE);
        List<Double> taus = numbers(table, "reset.tau");
        StringBuilder md = new StringBuilder();
        md.append("τ* = the threshold with the lowest mean excess loss per condition, of τ ∈ " + taus
                + " (in brackets: that loss, and the "
                + "worst τ's); \"every τ\" when all thresholds give bit-identical runs.\n\n");
        md.append("| rule | σ_g |");
        for (double h : hazards) md.append(" ρ = ").append(num(h)).append(" |");
        md.append("\n|---|---|").append("---|".repeat(hazards.size())).append('\n');
        for (Object rule : table.distinctValues("rule")) {
            for (double noise : noises) {
                md.append("| ")
                        .append(type(rule))
                        .append(" | ")
                        .append(num(noise))
                        .append(" |");
                for (double h : hazards) {
                    double best = Double.POSITIVE_INFINITY;
                    double bestTau = Double.NaN;
                    double worst = Double.NEGATIVE_INFINITY;
                    double worstTau = Double.NaN;
                    for (double tau : taus) {
                        ConditionStats c = one(
                                table,
                                x -> eq(x, "rule", rule.toString())
                                        && eqNum(x, NOISE, noise)
                                        && eqNum(x, HAZARD, h)
                                        && eqNum(x, "reset.tau", tau));
                        double m = c.of(Metric.MEAN_EXCESS_LOSS).mean();
                        if (m < best) {
                            best = m;
                            bestTau = tau;
                        }
                        if (m > worst) {
                            worst = m;
                            worstTau = tau;
                        }
                    }
                    md.append(
                            best == worst
                                    ? String.format(Locale.ROOT, " every τ: %s |", num(best))
                                    : String.format(
                                            Locale.ROOT,
                                            " %s (%s; worst %s at %s) |",
                                            num(bestTau),
                                            num(best),
                                            num(worst),
                                            num(worstTau)));
                }
                md.append('\n');
            }
        }
        for (Object rule : table.distinctValues("rule")) {
            List<Charts.Line> lines = new ArrayList<>();
            for (double h : hazards) {
                double[] x = new double[taus.size()];
                double[] y = new double[taus.size()];
                double[] err = new double[taus.size()];
                for (int k = 0; k < taus.size(); k++) {
                    double tau = taus.get(k);
                    Summary s = one(
                                    table,
                                    c -> eq(c, "rule", rule.toString())
                                            && eqNum(c, NOISE, 2.0)
                                            && eqNum(c, HAZARD, h)
                                            && eqNum(c, "reset.tau", tau))
                            .of(Metric.MEAN_EXCESS_LOSS);
                    x[k] = 1 - tau;
                    y[k] = s.mean();
                    err[k] = s.ciHalfWidth();
                }
                lines.add(new Charts.Line("ρ = " + num(h), x, y, err));
            }
            write(
                    Charts.lines(
                            "Experiment 3b: " + type(rule) + ", σ_g = 2: mean excess loss against 1 − τ (95% CI)",
                            "1 − τ",
                            "mean excess loss [loss]",
                            true,
                            true,
                            lines),
                    "reset-threshold-" + type(rule));
        }
        return md.toString();
    }

    // ------------------------------------------------------------------ experiment 5

    static String recurring() {
        ConditionTable table = table("recurring");
        List<Double> hazards = numbers(table, HAZARD);
        List<Double> stds = numbers(table, "stream.prior.std");
        List<String> resets = resets(table, c -> true);
        StringBuilder md = new StringBuilder();
        md.append(
                "Mean excess loss per step (± 95% CI half-width) for K = 5 recurring tasks; s = prior std of the optima.\n\n| ρ | s |");
        for (String r : resets) md.append(' ').append(policy(r)).append(" |");
        md.append("\n|---|---|").append("---|".repeat(resets.size())).append('\n');
        for (double h : hazards) {
            for (double s : stds) {
                md.append("| ").append(num(h)).append(" | ").append(num(s)).append(" |");
                for (String r : resets) {
                    Summary m = one(
                                    table,
                                    c -> eqNum(c, HAZARD, h) && eqNum(c, "stream.prior.std", s) && eq(c, "reset", r))
                            .of(Metric.MEAN_EXCESS_LOSS);
                    md.append(' ').append(pm(m)).append(" |");
                }
                md.append('\n');
            }
        }
        md.append(recurringPaired(hazards, stds));
        md.append(alignedTable(
                table,
                resets,
                c -> eqNum(c, HAZARD, hazards.get(hazards.size() - 1))
                        && eqNum(c, "stream.prior.std", stds.get(stds.size() - 1)),
                "ρ = " + num(hazards.get(hazards.size() - 1)) + ", s = " + num(stds.get(stds.size() - 1))));
        for (double h : hazards) {
            List<Charts.Line> lines = new ArrayList<>();
            for (String r : resets) {
                double[] x = new double[stds.size()];
                double[] y = new double[stds.size()];
                double[] err = new double[stds.size()];
                for (int k = 0; k < stds.size(); k++) {
                    double s = stds.get(k);
                    Summary m = one(
                                    table,
                                    c -> eqNum(c, HAZARD, h) && eqNum(c, "stream.prior.std", s) && eq(c, "reset", r))
                            .of(Metric.MEAN_EXCESS_LOSS);
                    x[k] = s;
                    y[k] = m.mean();
                    err[k] = m.ciHalfWidth();
                }
                lines.add(new Charts.Line(policy(r), x, y, err));
            }
            write(
                    Charts.lines(
                            "Experiment 5: K = 5 recurring tasks, ρ = " + num(h)
                                    + ": mean excess loss against task separation (95% CI)",
                            "prior std of the optima s",
                            "mean excess loss [loss]",
                            true,
                            true,
                            lines),
                    "recurring-rho-" + num(h));
        }
        return md.toString();
    }

    /** Switch-aligned mean excess loss at a few lags per policy, for the one condition per policy {@code f} selects. */
    private static String alignedTable(
            ConditionTable table, List<String> resets, Predicate<ConditionStats> f, String what) {
        int[] lags = {0, 1, 2, 3, 5, 10, 20, 50, 100};
        StringBuilder md = new StringBuilder(String.format(
                Locale.ROOT,
                "%nSwitch-aligned mean excess loss at lag l steps after a true switch (%s):%n%n| policy |",
                what));
        for (int l : lags) md.append(" l = ").append(l).append(" |");
        md.append("\n|---|").append("---|".repeat(lags.length)).append('\n');
        for (String r : resets) {
            ConditionStats c = one(table, x -> f.test(x) && eq(x, "reset", r));
            md.append("| ").append(policy(r)).append(" |");
            for (int l : lags)
                md.append(' ')
                        .append(
                                l < c.alignedExcess().length()
                                        ? num(c.alignedExcess().mean()[l])
                                        : "—")
                        .append(" |");
            md.append('\n');
        }
        return md.toString();
    }

    /** The paired differences of experiment 5's second table: (minuend, subtrahend) reset types. */
    private static final String[][] RECURRING_PAIRS = {
        {"recall", "belief-threshold"},
        {"recall", "oracle"},
        {"recall", "none"},
        {"belief-threshold", "none"},
        {"oracle", "none"},
        {"oracle", "oracle-prescient"}
    };

    /**
     * Per (ρ, s): the mean and 95% CI of the per-seed differences of mean excess loss between the policies of
     * {@link #RECURRING_PAIRS} (seeds are paired across policies: the same tasks, switches and noise).
     */
    private static String recurringPaired(List<Double> hazards, List<Double> stds) {
        List<StoredRun> runs;
        try (ResultStore store = ResultStore.openReadOnly(Path.of("results", "recurring.duckdb"))) {
            runs = legacy(store.runs(), store.sweptKeys(null));
        }
        StringBuilder md = new StringBuilder(
                "\nPaired differences of the mean excess loss per step (mean over seeds of the per-seed difference, ± 95% CI"
                        + " half-width; negative: the first policy is better; * the CI excludes 0):\n\n| ρ | s |");
        for (String[] pair : RECURRING_PAIRS)
            md.append(' ').append(pair[0]).append(" − ").append(pair[1]).append(" |");
        md.append("\n|---|---|").append("---|".repeat(RECURRING_PAIRS.length)).append('\n');
        for (double h : hazards) {
            for (double s : stds) {
                Map<String, Map<Integer, Double>> byType = new LinkedHashMap<>();
                for (StoredRun run : runs) {
                    Map<String, Object> p = run.params();
                    if (!(((Double) p.get(HAZARD)) == h && ((Double) p.get("stream.prior.std")) == s)) continue;
                    byType.computeIfAbsent(type(p.get("reset")), k -> new LinkedHashMap<>())
                            .put(run.result().seed(), run.result().metrics().meanExcessLoss());
                }
                md.append("| ").append(num(h)).append(" | ").append(num(s)).append(" |");
                for (String[] pair : RECURRING_PAIRS)
                    md.append(' ')
                            .append(pairedCell(byType.get(pair[0]), byType.get(pair[1])))
                            .append(" |");
                md.append('\n');
            }
        }
        return md.toString();
    }

    /**
     * Mean and 95% CI (Student t) of a[seed] − b[seed] over the seeds both hold, as "mean ± half", starred when
     * the CI excludes 0; "—" when either side is missing.
     */
    private static String pairedCell(Map<Integer, Double> a, Map<Integer, Double> b) {
        double[] d = pairedCi(a, b);
        if (d == null) return "—";
        return num(d[0]) + " ± " + num(d[1]) + (Math.abs(d[0]) > d[1] ? " *" : "");
    }

    /** {mean, 95% CI half-width, n} of a[seed] − b[seed] over the shared seeds; null when fewer than 2. */
    private static double[] pairedCi(Map<Integer, Double> a, Map<Integer, Double> b) {
        if (a == null || b == null) return null;
        List<Double> diffs = new ArrayList<>();
        for (var e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) diffs.add(e.getValue() - other);
        }
        if (diffs.size() < 2) return null;
        double[] m = meanCi(diffs.stream().mapToDouble(Double::doubleValue).toArray());
        return new double[] {m[0], m[1], diffs.size()};
    }

    // ------------------------------------------------------------------ experiment 4

    /** Experiment 4 of the reduced store (configs/plasticity.conf); see {@link #plasticity(String)}. */
    static String plasticity() {
        return plasticity("plasticity");
    }

    /**
     * Loss of plasticity on slowly-changing regression, from {@code results/<name>.duckdb}: per rule and policy the
     * online error (the stream's loss ½(ŷ − y)², binned every steps/bins examples), the effective rank and the dead
     * fraction of the hidden layer at each bin's end, all as means over the seeds with 95% CIs; plots per rule.
     */
    static String plasticity(String name) {
        List<StoredRun> runs;
        try (ResultStore store = ResultStore.openReadOnly(Path.of("results", name + ".duckdb"))) {
            runs = legacy(store.runs(), store.sweptKeys(null));
        }
        // rule → policy → the runs of that condition, in the sweep's order of rules and the usual order of policies
        Map<String, Map<String, List<StoredRun>>> found = new LinkedHashMap<>();
        for (StoredRun r : runs) {
            found.computeIfAbsent(ruleName(r.params().get("rule")), k -> new LinkedHashMap<>())
                    .computeIfAbsent(policy(String.valueOf(r.params().get("reset"))), k -> new ArrayList<>())
                    .add(r);
        }
        // the sweep's rule order (sgd, then adam), whatever order the store returns the runs in
        Map<String, Map<String, List<StoredRun>>> byRule = new LinkedHashMap<>();
        found.keySet().stream()
                .sorted((a, b) -> Boolean.compare(!a.startsWith("sgd"), !b.startsWith("sgd")))
                .forEach(k -> byRule.put(k, found.get(k)));
        long steps = runs.get(0).result().metrics().steps();
        int bins = runs.get(0).result().metrics().binnedLoss().length;
        double perBin = (double) steps / bins;
        double[] x = new double[bins];
        for (int b = 0; b < bins; b++) x[b] = (b + 1) * perBin;
        String binSize = String.format(Locale.ROOT, "%,d", Math.round(perBin));
        StringBuilder md = new StringBuilder(String.format(
                Locale.ROOT,
                "Online error = the stream's loss ½(ŷ − y)² per example, averaged over the run and per bin of %s examples (mean over seeds ± 95%% CI "
                        + "half-width); effective rank (of 5 hidden units) and dead fraction of the hidden layer over the last 1,000 examples "
                        + "of a bin; resets = replacements (continual-backprop), perturbations (shrink-perturb) or re-initialisations "
                        + "(belief-threshold) per run. %,d steps, %d bins.%n%n",
                binSize,
                steps,
                bins));
        md.append(
                "| rule | policy | n | diverged | mean error | error, first bin | error, last bin | eff. rank, first bin | eff. rank, last bin | dead fraction, first bin | dead fraction, last bin | resets per run |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder ranking = new StringBuilder(
                String.format(
                        Locale.ROOT,
                        "%nRanking by mean online error per rule, with paired differences over the seeds (mean of the per-seed"
                                + " difference ± 95%% CI half-width; * the CI excludes 0, so the difference is resolved):%n%n"
                                + "| rule | rank | policy | mean error | − next better policy | − none |%n|---|---|---|---|---|---|%n"));
        StringBuilder curves = new StringBuilder(
                String.format(Locale.ROOT, "%nOnline error per bin (mean over seeds):%n%n| rule | policy |"));
        for (int b = 0; b < bins; b++)
            curves.append(' ').append(num(x[b] / 1000)).append("k |");
        curves.append("\n|---|---|").append("---|".repeat(bins)).append('\n');
        for (var rule : byRule.entrySet()) {
            List<Charts.Line> err = new ArrayList<>();
            List<Charts.Line> rank = new ArrayList<>();
            List<Charts.Line> dead = new ArrayList<>();
            List<String> policies = new ArrayList<>(rule.getValue().keySet());
            policies.sort((a, b) -> Integer.compare(order(a), order(b)));
            for (String pol : policies) {
                List<StoredRun> rs = rule.getValue().get(pol);
                double[][] loss = perBin(rs, m -> m.binnedLoss());
                double[][] er = perBin(rs, m -> m.effectiveRank());
                double[][] df = perBin(rs, m -> m.deadFraction());
                long diverged =
                        rs.stream().filter(r -> r.result().metrics().diverged()).count();
                double[] meanErr = rs.stream()
                        .mapToDouble(r -> r.result().metrics().meanLoss())
                        .toArray();
                double[] resets = rs.stream()
                        .mapToDouble(r -> r.result().metrics().resets())
                        .toArray();
                double[] mean = meanCi(meanErr);
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %d | %d | %s ± %s | %s ± %s | %s ± %s | %s | %s | %s | %s | %s |%n",
                        rule.getKey(),
                        pol,
                        rs.size(),
                        diverged,
                        num(mean[0]),
                        num(mean[1]),
                        num(loss[0][0]),
                        num(loss[1][0]),
                        num(loss[0][bins - 1]),
                        num(loss[1][bins - 1]),
                        num(er[0][0]),
                        num(er[0][bins - 1]),
                        num(df[0][0]),
                        num(df[0][bins - 1]),
                        num(meanCi(resets)[0])));
                curves.append("| ")
                        .append(rule.getKey())
                        .append(" | ")
                        .append(pol)
                        .append(" |");
                for (int b = 0; b < bins; b++)
                    curves.append(' ').append(num(loss[0][b])).append(" |");
                curves.append('\n');
                err.add(new Charts.Line(pol, x, loss[0], loss[1]));
                rank.add(new Charts.Line(pol, x, er[0], er[1]));
                dead.add(new Charts.Line(pol, x, df[0], df[1]));
            }
            ranking.append(plasticityRanking(rule.getKey(), rule.getValue()));
            String r = rule.getKey().replaceFirst(" .*", "");
            String what = "Exp. 4, " + rule.getKey() + ": ";
            write(
                    Charts.lines(
                            what + "online error per " + binSize + " examples (95% CI)",
                            "examples",
                            "mean ½(ŷ − y)²",
                            false,
                            false,
                            err),
                    name + "-error-" + r);
            write(
                    Charts.lines(
                            what + "effective rank of the 5 hidden units (95% CI)",
                            "examples",
                            "effective rank",
                            false,
                            false,
                            rank),
                    name + "-rank-" + r);
            write(
                    Charts.lines(
                            what + "dead fraction of the 5 relu units (95% CI)",
                            "examples",
                            "fraction of dead units",
                            false,
                            false,
                            dead),
                    name + "-dead-" + r);
        }
        return md.append(ranking).append(curves).toString();
    }

    /** One rule's rows of the ranking table: policies by mean error, each against the one ranked above it and none. */
    private static String plasticityRanking(String rule, Map<String, List<StoredRun>> byPolicy) {
        Map<String, Map<Integer, Double>> err = new LinkedHashMap<>();
        for (var e : byPolicy.entrySet()) {
            Map<Integer, Double> bySeed = new LinkedHashMap<>();
            for (StoredRun r : e.getValue())
                bySeed.put(r.result().seed(), r.result().metrics().meanLoss());
            err.put(e.getKey(), bySeed);
        }
        List<String> ranked = new ArrayList<>(err.keySet());
        java.util.function.ToDoubleFunction<String> mean = p -> err.get(p).values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(Double.NaN);
        ranked.sort(java.util.Comparator.comparingDouble(mean));
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < ranked.size(); i++) {
            String p = ranked.get(i);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s | %s |%n",
                    rule,
                    i + 1,
                    p,
                    num(mean.applyAsDouble(p)),
                    i == 0 ? "—" : pairedCell(err.get(p), err.get(ranked.get(i - 1))),
                    p.equals("none") ? "—" : pairedCell(err.get(p), err.get("none"))));
        }
        return md.toString();
    }

    /** Per bin, the mean over the runs (row 0) and the 95% CI half-width (row 1), skipping NaN bins. */
    private static double[][] perBin(
            List<StoredRun> runs, java.util.function.Function<org.driftlab.core.metrics.RunMetrics, double[]> curve) {
        int bins = curve.apply(runs.get(0).result().metrics()).length;
        double[][] out = new double[2][bins];
        for (int b = 0; b < bins; b++) {
            final int bb = b;
            double[] v = runs.stream()
                    .mapToDouble(r -> curve.apply(r.result().metrics())[bb])
                    .filter(Double::isFinite)
                    .toArray();
            double[] m = meanCi(v);
            out[0][b] = m[0];
            out[1][b] = m[1];
        }
        return out;
    }

    /** Mean and 95% CI half-width (Student t) of {@code v}; NaN when empty (half-width NaN for one value). */
    private static double[] meanCi(double[] v) {
        int n = v.length;
        if (n == 0) return new double[] {Double.NaN, Double.NaN};
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        if (n == 1) return new double[] {mean, Double.NaN};
        double sq = 0;
        for (double a : v) sq += (a - mean) * (a - mean);
        return new double[] {mean, Summary.tQuantile975(n - 1) * Math.sqrt(sq / (n - 1)) / Math.sqrt(n)};
    }

    /** "sgd lr = 0.01" from a swept rule value. */
    private static String ruleName(Object swept) {
        String s = String.valueOf(swept);
        Matcher m = Pattern.compile("\"lr\":([0-9.eE-]+)").matcher(s);
        return type(s) + (m.find() ? " lr = " + num(Double.parseDouble(m.group(1))) : "");
    }

    // ------------------------------------------------------------------ helpers

    private static ConditionTable table(String name) {
        try (ResultStore store = ResultStore.openReadOnly(Path.of("results", name + ".duckdb"))) {
            List<String> keys = store.sweptKeys(null);
            return ConditionTable.of(legacy(store.runs(), keys), keys);
        }
    }

    private static List<Double> numbers(ConditionTable table, String key) {
        TreeSet<Double> out = new TreeSet<>();
        for (Object v : table.distinctValues(key)) if (v instanceof Double d) out.add(d);
        return new ArrayList<>(out);
    }

    /** The reset values in first-seen order among the conditions matching {@code filter}. */
    private static List<String> resets(ConditionTable table, Predicate<ConditionStats> filter) {
        List<String> out = new ArrayList<>();
        for (ConditionStats c : table.conditions()) {
            Object r = c.params().get("reset");
            if (r != null && filter.test(c) && !out.contains(r.toString())) out.add(r.toString());
        }
        out.sort((a, b) -> Integer.compare(order(policy(a)), order(policy(b))));
        return out;
    }

    private static int order(String policy) {
        List<String> known = List.of(
                "none",
                "periodic",
                "oracle",
                "oracle-prescient",
                "belief-threshold",
                "belief-soft",
                "shrink-perturb",
                "l2-init",
                "recall");
        int i = known.indexOf(policy.replaceFirst(" .*", ""));
        return i < 0 ? known.size() : i;
    }

    private static void row(
            StringBuilder md,
            ConditionTable table,
            String rule,
            String policy,
            List<Double> hazards,
            Predicate<ConditionStats> f) {
        long n = 0;
        StringBuilder cells = new StringBuilder();
        for (double h : hazards) {
            ConditionStats c = find(table, x -> f.test(x) && eqNum(x, HAZARD, h));
            if (c == null) {
                cells.append(" — |");
                continue;
            }
            n = Math.max(n, c.of(Metric.MEAN_EXCESS_LOSS).n());
            cells.append(' ').append(pm(c.of(Metric.MEAN_EXCESS_LOSS))).append(" |");
        }
        md.append("| ")
                .append(rule)
                .append(" | ")
                .append(policy)
                .append(" | ")
                .append(n)
                .append(" |")
                .append(cells)
                .append('\n');
    }

    private static Charts.Line vsHazard(
            ConditionTable table, String label, List<Double> hazards, Predicate<ConditionStats> f) {
        double[] x = new double[hazards.size()];
        double[] y = new double[hazards.size()];
        double[] err = new double[hazards.size()];
        for (int k = 0; k < x.length; k++) {
            double h = hazards.get(k);
            ConditionStats c = find(table, x2 -> f.test(x2) && eqNum(x2, HAZARD, h));
            x[k] = h;
            y[k] = c == null ? Double.NaN : c.of(Metric.MEAN_EXCESS_LOSS).mean();
            err[k] = c == null ? Double.NaN : c.of(Metric.MEAN_EXCESS_LOSS).ciHalfWidth();
        }
        return new Charts.Line(label, x, y, err);
    }

    private static ConditionStats one(ConditionTable table, Predicate<ConditionStats> f) {
        ConditionStats found = find(table, f);
        if (found == null) throw new IllegalStateException("no condition matches");
        return found;
    }

    /** The one condition {@code f} selects, or null when none does (IllegalStateException when several do). */
    private static ConditionStats find(ConditionTable table, Predicate<ConditionStats> f) {
        ConditionStats found = null;
        for (ConditionStats c : table.conditions()) {
            if (!f.test(c)) continue;
            if (found != null)
                throw new IllegalStateException("two conditions match: " + found.label() + " and " + c.label());
            found = c;
        }
        return found;
    }

    /**
     * The runs with their swept values as this generator reads them (as schema-1 stores held them): numbers as
     * Double, a swept block as JSON text of its fields (the store keeps each field as a typed column).
     */
    private static List<StoredRun> legacy(List<StoredRun> runs, List<String> keys) {
        List<StoredRun> out = new ArrayList<>();
        for (StoredRun r : runs) {
            Map<String, Object> p = new LinkedHashMap<>(r.params());
            for (String k : keys) {
                if (p.containsKey(k)) continue;
                Map<String, Object> block = new java.util.TreeMap<>();
                for (Map.Entry<String, Object> e : r.params().entrySet()) {
                    if (e.getKey().startsWith(k + ".")) block.put(e.getKey().substring(k.length() + 1), e.getValue());
                }
                if (!block.isEmpty()) p.put(k, json(block));
            }
            p.replaceAll((k, v) -> v instanceof Long l ? (Object) l.doubleValue() : v);
            out.add(new StoredRun(r.sweep(), r.result(), p));
        }
        return out;
    }

    /** Sorted flat leaves ("model.type" → …) as nested JSON: {"model":{"type":"gaussian"},"tau":0.5}. */
    private static String json(Map<String, Object> leaves) {
        Map<String, Map<String, Object>> nested = new java.util.TreeMap<>();
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : leaves.entrySet()) {
            int dot = e.getKey().indexOf('.');
            if (dot > 0) {
                nested.computeIfAbsent(e.getKey().substring(0, dot), x -> new java.util.TreeMap<>())
                        .put(e.getKey().substring(dot + 1), e.getValue());
                continue;
            }
            Object v = e.getValue();
            sb.append(sb.length() == 1 ? "" : ",")
                    .append('"')
                    .append(e.getKey())
                    .append("\":")
                    .append(v instanceof String t ? "\"" + t + "\"" : ConditionStats.render(v));
        }
        for (Map.Entry<String, Map<String, Object>> n : nested.entrySet()) {
            sb.append(sb.length() == 1 ? "" : ",")
                    .append('"')
                    .append(n.getKey())
                    .append("\":")
                    .append(json(n.getValue()));
        }
        return sb.append('}').toString();
    }

    private static boolean eq(ConditionStats c, String key, String value) {
        Object v = c.params().get(key);
        return v != null && v.toString().equals(value);
    }

    private static boolean eqNum(ConditionStats c, String key, double value) {
        return c.params().get(key) instanceof Double d && d == value;
    }

    private static String type(Object swept) {
        String s = String.valueOf(swept);
        Matcher m = TYPE.matcher(s);
        return m.find() ? m.group(1) : ConditionStats.render(swept);
    }

    /** A short name of a swept reset value: its type and its distinguishing numbers. */
    private static String policy(String reset) {
        String t = type(reset);
        Matcher m =
                Pattern.compile("\"(period|tau|lambda|sigma)\":([0-9.eE-]+)").matcher(reset);
        StringBuilder s = new StringBuilder(t);
        List<String> parts = new ArrayList<>();
        while (m.find())
            parts.add(m.group(1)
                            .replace("lambda", "λ")
                            .replace("sigma", "σ")
                            .replace("tau", "τ")
                            .replace("period", "T") + " = " + m.group(2));
        if (!parts.isEmpty()) s.append(" (").append(String.join(", ", parts)).append(')');
        return s.toString();
    }

    private static String describe(RunSpec spec) {
        if (spec.rule() instanceof OptimalControlSpec oc) return "optimal control γ = " + num(oc.gamma());
        if (spec.rule() instanceof SgdSpec s) return "sgd lr = " + num(s.lr());
        if (spec.rule() instanceof MomentumSpec m) return "momentum lr = " + num(m.lr()) + ", μ = " + num(m.momentum());
        if (spec.rule() instanceof BallisticSpec b) return "ballistic lr = " + num(b.lr()) + ", β2 = " + num(b.beta2());
        return spec.rule().toString();
    }

    private static String pm(Summary s) {
        return num(s.mean()) + " ± " + num(s.ciHalfWidth());
    }

    static String num(double v) {
        if (Double.isNaN(v)) return "—";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-3) return String.format(Locale.ROOT, "%.3g", v);
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static double[] abs(double[] e) {
        double[] out = new double[e.length];
        for (int i = 0; i < e.length; i++) out[i] = Math.abs(e[i]);
        return out;
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    /**
     * Every k-th point so a PNG line has at most about {@code max} points (the curves are smooth), and none
     * below 1e-10, where rounding rather than the rule sets |θ − μ|.
     */
    private static List<Charts.Line> thin(List<Charts.Line> lines, int max) {
        List<Charts.Line> out = new ArrayList<>();
        for (Charts.Line l : lines) {
            int k = Math.max(1, l.x().length / max);
            int n = (l.x().length + k - 1) / k;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = l.x()[i * k];
                y[i] = l.y()[i * k] < 1e-10 ? Double.NaN : l.y()[i * k];
            }
            out.add(new Charts.Line(l.label(), x, y, null));
        }
        return out;
    }

    private static void write(XYChart chart, String name) {
        Path dir;
        try {
            dir = Files.createTempDirectory("driftlab-plot");
            ChartFiles.write(chart, dir, name);
            Files.move(
                    dir.resolve(name + ".png"),
                    IMG.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(dir.resolve(name + ".svg"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
