package org.driftlab.core.spec;

import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.rule.IdealObserverSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.rule.SwitchAwareObserverSpec;
import org.driftlab.core.spec.ConfigProblem.Kind;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.MarkovSwitchSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.StreamSpec;

/**
 * What a belief or an observer rule (ideal, switch-aware) takes from the stream when its config leaves it out
 * (DESIGN §6): the hazard (the noise and prior of the gaussian model are taken at run time, see
 * {@code GaussianModelSpec}), and the ideal observer's run-length cap. Resolved at load, so the value used is in
 * the RunSpec and in the canonical config the ids are hashed from: a config that states the stream's hazard has
 * the same ids as one that leaves it out. {@link #mismatch} names the parameters set explicitly to something other
 * than the stream's.
 */
final class StreamDefaults {
    /** What an absent hazard means, as docs show it. */
    static final String FROM_STREAM = "the stream's (switching hazard or markov); required for other switching";
    /** The old fixed default of r-max, the floor of the ideal observer's. */
    static final int MIN_IDEAL_R_MAX = 256;
    /** The ideal observer's cap in mean task lengths: it binds on runs the prior gives (1 − ρ)^{10/ρ} ≤ e^{−10}. */
    static final double IDEAL_R_MAX_TASK_LENGTHS = 10;
    /** The ideal observer's r-max when absent, as docs show it. */
    static final String IDEAL_R_MAX_DEFAULT =
            "max(" + MIN_IDEAL_R_MAX + ", ⌈" + (int) IDEAL_R_MAX_TASK_LENGTHS + "/hazard⌉)";
    /**
     * Stands for the hazard when the stream block itself has problems: the condition is rejected for those, and a
     * valid placeholder keeps the belief from reporting a second, derived problem.
     */
    private static final double UNKNOWN_STREAM_HAZARD = 0.5;

    private StreamDefaults() {}

    /** ρ of hazard and markov switching; null for a stream without a constant hazard (none, periodic, drift). */
    static Double hazardOf(StreamSpec stream) {
        if (stream.switching() instanceof HazardSwitchSpec h) return h.hazard();
        if (stream.switching() instanceof MarkovSwitchSpec m) return m.hazard();
        return null;
    }

    /**
     * The {@code hazard} of node {@code n} (declared by {@code key}): the given value, else the stream's (recorded as
     * resolved); required when the stream has none. {@code stream} is null when the stream block has problems of its own.
     */
    static double hazard(ConfigNode n, Key key, StreamSpec stream) {
        Double own = stream == null ? Double.valueOf(UNKNOWN_STREAM_HAZARD) : hazardOf(stream);
        if (own != null) return n.real(key, own);
        if (!n.has(key.name())) {
            n.problems()
                    .add(
                            n.origin(),
                            n.key(key.name()),
                            Kind.MISSING,
                            "missing required value (switching " + switchingName(stream)
                                    + " has no hazard to take it from)");
            return Double.NaN;
        }
        return n.optionalReal(key);
    }

    private static String switchingName(StreamSpec stream) {
        return stream.switching()
                .getClass()
                .getSimpleName()
                .replace("SwitchSpec", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The ideal observer's {@code r-max} (declared by {@code key}): the given value, else max(256, ⌈10/ρ⌉) for its
     * hazard ρ, so that the cap does not bind (DESIGN §7); 256 when the hazard has a problem.
     */
    static int idealObserverMaxRunLength(ConfigNode n, Key key, double hazard) {
        long dflt = hazard > 0 && hazard < 1
                ? Math.max(MIN_IDEAL_R_MAX, (long) Math.ceil(IDEAL_R_MAX_TASK_LENGTHS / hazard))
                : MIN_IDEAL_R_MAX;
        return (int) n.integer(key, Math.min(dflt, key.max()));
    }

    /**
     * The belief parameters given explicitly with a value other than the stream's, as "key=value (stream value)"
     * joined by "; ", or "" when everything matches (or the stream has no value to compare with).
     */
    static String mismatch(StreamSpec stream, RuleSpec rule, BeliefSpec belief) {
        List<String> out = new ArrayList<>();
        Double rho = hazardOf(stream);
        if (rho != null) {
            if (belief instanceof BocpdSpec b) differs(out, "belief.hazard", b.hazard(), rho);
            if (belief instanceof HmmSpec h) differs(out, "belief.hazard", h.hazard(), rho);
            if (rule instanceof IdealObserverSpec io) differs(out, "rule.hazard", io.hazard(), rho);
            if (rule instanceof SwitchAwareObserverSpec sa) differs(out, "rule.hazard", sa.hazard(), rho);
        }
        if (belief instanceof BocpdSpec b
                && b.model() instanceof GaussianModelSpec g
                && stream instanceof QuadraticStreamSpec q) {
            if (g.priorMean() != null)
                differs(out, "belief.model.prior-mean", g.priorMean(), q.prior().mean());
            if (g.priorVar() != null)
                differs(
                        out,
                        "belief.model.prior-var",
                        g.priorVar(),
                        q.prior().std() * q.prior().std());
            if (g.noiseVar() != null) {
                double sigma2 = q.gradientNoise() * q.gradientNoise();
                for (double lambda : q.spectrum().eigenvalues(q.dim())) {
                    double expected = sigma2 / (lambda * lambda);
                    if (g.noiseVar() != expected) {
                        out.add("belief.model.noise-var=" + CanonicalJson.display(g.noiseVar())
                                + " (stream σ_g²/λ_i² includes " + CanonicalJson.display(expected) + ")");
                        break;
                    }
                }
            }
        }
        return String.join("; ", out);
    }

    private static void differs(List<String> out, String key, double given, double stream) {
        if (given != stream)
            out.add(key + "=" + CanonicalJson.display(given) + " (stream " + CanonicalJson.display(stream) + ")");
    }
}
