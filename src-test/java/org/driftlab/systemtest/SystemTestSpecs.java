package org.driftlab.systemtest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.reset.BeliefSoftSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.L2InitSpec;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.OracleResetSpec;
import org.driftlab.core.reset.PeriodicResetSpec;
import org.driftlab.core.reset.RecallSpec;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.reset.ShrinkPerturbSpec;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;
import org.driftlab.core.spec.SweptValue;
import org.driftlab.core.stream.HazardSwitchSpec;
import org.driftlab.core.stream.LinearRegressionStreamSpec;
import org.driftlab.core.stream.MarkovSwitchSpec;
import org.driftlab.core.stream.PriorSpec;
import org.driftlab.core.stream.QuadraticStreamSpec;
import org.driftlab.core.stream.SpectrumSpec;
import org.driftlab.core.stream.StreamSpec;

/** Sweeps for system tests: every reset policy (with the belief it needs), each with fresh run ids. */
final class SystemTestSpecs {
    private SystemTestSpecs() {}

    private record Condition(String name, StreamSpec stream, BeliefSpec belief, ResetSpec reset) {}

    private static List<Condition> conditions() {
        var quadratic = new QuadraticStreamSpec(
                4,
                SpectrumSpec.logSpaced(0.5, 4.0),
                false,
                0.5,
                PriorSpec.standard(),
                null,
                List.of(),
                new HazardSwitchSpec(0.01));
        var rotated = new QuadraticStreamSpec(
                3,
                SpectrumSpec.logSpaced(0.5, 2.0),
                true,
                0.3,
                PriorSpec.standard(),
                null,
                List.of(),
                new HazardSwitchSpec(0.05));
        var markov = new QuadraticStreamSpec(
                2,
                SpectrumSpec.logSpaced(1.0, 2.0),
                false,
                0.3,
                new PriorSpec(0.0, 3.0),
                null,
                List.of(),
                new MarkovSwitchSpec(3, 0.02));
        var regression = new LinearRegressionStreamSpec(
                3, 4, 0.1, PriorSpec.standard(), null, List.of(), new HazardSwitchSpec(0.01));
        var bocpd = new BocpdSpec(0.01, GaussianModelSpec.fromStream(), 1e-10, 400);
        var jumpy = new BocpdSpec(0.2, GaussianModelSpec.fromStream(), 1e-10, 400);
        var none = new NoBeliefSpec();
        return List.of(
                new Condition("none", quadratic, none, new NoResetSpec()),
                new Condition("periodic", quadratic, none, new PeriodicResetSpec(150, ResetTarget.INIT, true)),
                new Condition("oracle", quadratic, none, new OracleResetSpec(ResetTarget.PRIOR_MEAN, true)),
                new Condition(
                        "threshold",
                        quadratic,
                        bocpd,
                        new BeliefThresholdSpec(new BeliefTrigger(0.5, 10, ResetTarget.INIT, true))),
                // a low threshold on a jumpy belief: many resets, so many rollbacks and replays
                new Condition(
                        "threshold-many",
                        rotated,
                        jumpy,
                        new BeliefThresholdSpec(new BeliefTrigger(0.05, 30, ResetTarget.FRESH_DRAW, false))),
                new Condition(
                        "soft",
                        quadratic,
                        bocpd,
                        new BeliefSoftSpec(new BeliefTrigger(0.3, 10, ResetTarget.INIT, false))),
                new Condition("shrink-perturb", quadratic, none, new ShrinkPerturbSpec(0.9, 0.01, 50)),
                new Condition("l2-init", quadratic, none, new L2InitSpec(0.01)),
                new Condition("recall", markov, new HmmSpec(0.02), new RecallSpec(0.6, true)),
                new Condition(
                        "threshold-loss",
                        regression,
                        new BocpdSpec(0.01, new NormalGammaModelSpec(0.0, 1.0, 1.0, 1.0), 1e-10, 400),
                        new BeliefThresholdSpec(new BeliefTrigger(0.5, 10, ResetTarget.PRIOR_MEAN, true))));
    }

    /** Every condition × {@code seeds} seeds, {@code steps} steps each, with fresh run ids. */
    static SweepSpec sweep(String name, int seeds, long steps) {
        return sweep(name, UUID.randomUUID().toString().substring(0, 8), seeds, steps);
    }

    /**
     * As {@link #sweep(String, int, long)} with run ids starting with {@code prefix}: the same arguments give
     * the same sweep, also in another JVM.
     */
    static SweepSpec sweep(String name, String prefix, int seeds, long steps) {
        List<RunSpec> runs = new ArrayList<>();
        for (Condition c : conditions()) {
            for (int seed = 0; seed < seeds; seed++) {
                RuleSpec rule = seed % 2 == 0 ? new AdamSpec(0.05, 0.9, 0.999, 1e-8, 0.0, false) : new SgdSpec(0.05);
                runs.add(new RunSpec(
                        prefix + "-" + c.name() + "-" + seed,
                        prefix + "-" + c.name(),
                        seed,
                        20261128L,
                        steps,
                        1.0,
                        c.stream(),
                        rule,
                        c.belief(),
                        c.reset(),
                        MetricsSpec.defaults(),
                        List.of(new SweptValue("reset", c.name()))));
            }
        }
        return new SweepSpec(name, "# system test " + name, List.of("reset"), runs);
    }

    /** The lockstep reference of every run of {@code sweep}: Simulation.run(spec, 1)'s metrics by run id. */
    static java.util.Map<String, org.driftlab.core.metrics.RunMetrics> lockstep(SweepSpec sweep) {
        java.util.Map<String, org.driftlab.core.metrics.RunMetrics> ref = new java.util.HashMap<>();
        for (org.driftlab.core.spec.RunSpec spec : sweep.runs()) {
            ref.put(spec.runId(), org.driftlab.core.sim.Simulation.run(spec, 1).metrics());
        }
        return ref;
    }
}
