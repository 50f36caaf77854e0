package org.driftlab.core.spec;

import com.typesafe.config.ConfigValueType;
import java.util.List;
import org.driftlab.core.stream.Activation;
import org.driftlab.core.stream.DriftSwitchSpec;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.MarkovSwitchSpec;
import org.driftlab.core.stream.NoSwitchSpec;
import org.driftlab.core.stream.PeriodicSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SlowlyChangingRegressionStreamSpec;
import org.driftlab.core.stream.SpectrumSpec;
import org.driftlab.core.stream.StreamSpec;
import org.driftlab.core.stream.SwitchSpec;

/** Reads the {@code stream} block (DESIGN §4) into a {@link StreamSpec}; the schema is in docs/CONFIG.md. */
final class StreamConfig {
    static final List<String> TYPES = List.of("quadratic", "linear-regression", "slowly-changing-regression");
    static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid", "leaky-relu");
    static final List<String> SWITCH_TYPES = List.of("none", "hazard", "periodic", "markov", "drift");

    static final double DEFAULT_EIGENVALUE = 1.0;
    static final double DEFAULT_GRADIENT_NOISE = 0.1;
    static final double DEFAULT_TARGET_NOISE = 0.1;

    private StreamConfig() {}

    /** The stream spec, or null when {@code n} has problems (recorded). */
    static StreamSpec read(ConfigNode n) {
        int mark = n.problems().count();
        String type = n.type(TYPES);
        if (type == null) return null; // every other key would look unknown: report the type alone
        if (type.equals("slowly-changing-regression")) return slowlyChangingRegression(n, mark);
        int dim = (int) n.requiredInteger("dim", 1, SizeLimits.MAX_DIM);

        ConfigNode priorNode = n.object("prior");
        double priorMean = Double.NaN;
        double priorStd = Double.NaN;
        if (priorNode != null) {
            priorMean = priorNode.number("mean", 0.0, Range.FINITE);
            priorStd = priorNode.number("std", 1.0, Range.POSITIVE);
            priorNode.finish();
            n.adopt("prior", priorNode);
        }
        List<Double> init = n.numbers("init", Range.FINITE);
        List<List<Double>> optima = n.matrix("optima");

        ConfigNode switchNode = n.child("switching", "none");
        SwitchSpec switching = switchNode == null ? null : readSwitching(switchNode);
        if (switchNode != null) n.adopt("switching", switchNode);

        double mean = priorMean;
        double std = priorStd;
        if (type.equals("quadratic")) {
            List<Double> eigenvalueList = null;
            double min = Double.NaN;
            double max = Double.NaN;
            ConfigValueType given = n.typeOf("eigenvalues");
            if (given == ConfigValueType.LIST) {
                eigenvalueList = n.numbers("eigenvalues", Range.POSITIVE);
            } else if (given != null && given != ConfigValueType.OBJECT) {
                n.wrongType(n.key("eigenvalues"), n.originObject().get("eigenvalues"), "a list of numbers or { min, max }");
            } else {
                ConfigNode e = n.object("eigenvalues");
                if (e != null) {
                    min = e.number("min", DEFAULT_EIGENVALUE, Range.POSITIVE);
                    max = e.number("max", DEFAULT_EIGENVALUE, Range.POSITIVE);
                    e.finish();
                    n.adopt("eigenvalues", e);
                }
            }
            boolean rotated = n.bool("rotated", false);
            double noise = n.number("gradient-noise", DEFAULT_GRADIENT_NOISE, Range.NON_NEGATIVE);
            n.finish();
            List<Double> values = eigenvalueList;
            double lo = min;
            double hi = max;
            return n.build(mark, () -> new QuadraticStreamSpec(dim,
                    values != null ? SpectrumSpec.of(values) : SpectrumSpec.logSpaced(lo, hi),
                    rotated, noise, new PriorSpec(mean, std), init, optima, switching));
        }
        int batch = (int) n.integer("batch", 1, 1, Integer.MAX_VALUE);
        double targetNoise = n.number("target-noise", DEFAULT_TARGET_NOISE, Range.NON_NEGATIVE);
        n.finish();
        return n.build(mark, () -> new LinearRegressionStreamSpec(dim, batch, targetNoise, new PriorSpec(mean, std),
                init, optima, switching));
    }

    /**
     * Dohare et al.'s setting by default (bits 20, flipping-bits 15, target-units 100, beta 0.7, hidden 5,
     * relu); switching is required (the paper: periodic 10000); dim, prior and optima do not apply.
     */
    private static StreamSpec slowlyChangingRegression(ConfigNode n, int mark) {
        int bits = (int) n.integer("bits", 20, 1, Integer.MAX_VALUE);
        int flipping = (int) n.integer("flipping-bits", 15, 1, Integer.MAX_VALUE);
        boolean flipOne = n.bool("flip-one", false);
        int targetUnits = (int) n.integer("target-units", 100, 1, Integer.MAX_VALUE);
        double beta = n.number("beta", 0.7, Range.CLOSED_UNIT);
        int hidden = (int) n.integer("hidden", 5, 1, Integer.MAX_VALUE);
        String activation = n.choice("activation", "relu", ACTIVATIONS);
        int window = (int) n.integer("activation-window", 1000, 1, Integer.MAX_VALUE);
        List<Double> init = n.numbers("init", Range.FINITE);
        n.notApplicable("dim", "the MLP's dim follows from bits and hidden");
        n.notApplicable("prior", "the initial weights are Kaiming-uniform");
        n.notApplicable("optima", "the target network is not a weight vector");
        ConfigNode switchNode = n.child("switching", null);
        SwitchSpec switching = switchNode == null ? null : readSwitching(switchNode);
        if (switchNode != null) n.adopt("switching", switchNode);
        n.finish();
        return n.build(mark, () -> new SlowlyChangingRegressionStreamSpec(bits, flipping, flipOne, targetUnits, beta,
                hidden, Activation.ofConfigName(activation), window, init, switching));
    }

    private static SwitchSpec readSwitching(ConfigNode s) {
        int mark = s.problems().count();
        String type = s.type(SWITCH_TYPES);
        if (type == null) return null;
        SwitchSpec spec;
        switch (type) {
            case "none" -> {
                s.finish();
                spec = s.build(mark, NoSwitchSpec::new);
            }
            case "hazard" -> {
                double hazard = s.requiredNumber("hazard", Range.OPEN_UNIT);
                s.finish();
                spec = s.build(mark, () -> new HazardSwitchSpec(hazard));
            }
            case "periodic" -> {
                long period = s.requiredInteger("period", 1, Long.MAX_VALUE);
                s.finish();
                spec = s.build(mark, () -> new PeriodicSwitchSpec(period));
            }
            case "markov" -> {
                int tasks = (int) s.requiredInteger("tasks", 2, Integer.MAX_VALUE);
                double hazard = s.requiredNumber("hazard", Range.OPEN_UNIT);
                s.finish();
                spec = s.build(mark, () -> new MarkovSwitchSpec(tasks, hazard));
            }
            default -> { // drift
                double rate = s.requiredNumber("rate", Range.UNIT_FROM_ZERO);
                double sigma = s.requiredNumber("sigma", Range.NON_NEGATIVE);
                s.finish();
                spec = s.build(mark, () -> new DriftSwitchSpec(rate, sigma));
            }
        }
        return spec;
    }
}
