package org.driftlab.cluster.wire;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.driftlab.cluster.learner.TaskBeliefActor;
import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.LogNormalGammaModelSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.belief.VarianceChangeModelSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.reset.BeliefMlpSpec;
import org.driftlab.core.reset.BeliefSoftSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.ContinualBackpropSpec;
import org.driftlab.core.reset.L2InitSpec;
import org.driftlab.core.reset.MlpResetScope;
import org.driftlab.core.reset.NoResetSpec;
import org.driftlab.core.reset.OracleResetSpec;
import org.driftlab.core.reset.PeriodicResetSpec;
import org.driftlab.core.reset.RecallSpec;
import org.driftlab.core.reset.ResetOrder;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.reset.SelfNormalizedResetSpec;
import org.driftlab.core.reset.ShrinkPerturbSpec;
import org.driftlab.core.rule.AdamSpec;
import org.driftlab.core.rule.BallisticSpec;
import org.driftlab.core.rule.BeliefSource;
import org.driftlab.core.rule.IdealObserverSpec;
import org.driftlab.core.rule.KalmanFilterSpec;
import org.driftlab.core.rule.MetricSpec;
import org.driftlab.core.rule.MomentumSpec;
import org.driftlab.core.rule.NaturalGradientSpec;
import org.driftlab.core.rule.OptimalControlSpec;
import org.driftlab.core.rule.RmsPropSpec;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.rule.SgdSpec;
import org.driftlab.core.rule.SwitchAwareObserverSpec;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.Block;
import org.driftlab.core.spec.ConfigSchema;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepLoader;
import org.driftlab.core.spec.SweptValue;
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

/**
 * Sample values for wire tests: hand-made instances of every core spec variant (so a RunSpec tree with each
 * variant can be round-tripped), and a generic builder of any protocol record from its component types
 * (a component type it does not know fails the test, so a new message forces a new sample).
 */
final class WireSamples {
    private WireSamples() {}

    static List<SwitchSpec> switches() {
        return List.of(
                new NoSwitchSpec(),
                new HazardSwitchSpec(0.01),
                new PeriodicSwitchSpec(500),
                new MarkovSwitchSpec(3, 0.02),
                new DriftSwitchSpec(0.05, 0.1));
    }

    static List<StreamSpec> streams() {
        List<StreamSpec> out = new ArrayList<>();
        for (SwitchSpec s : switches()) {
            out.add(new QuadraticStreamSpec(
                    2,
                    SpectrumSpec.logSpaced(0.1, 10.0),
                    true,
                    0.5,
                    PriorSpec.standard(),
                    List.of(0.1, -0.2),
                    List.of(List.of(1.0, 2.0)),
                    s));
        }
        out.add(new QuadraticStreamSpec(
                3,
                SpectrumSpec.of(List.of(1.0, 2.0, 3.0)),
                false,
                0.0,
                new PriorSpec(0.5, 2.0),
                null,
                List.of(),
                new HazardSwitchSpec(0.3)));
        out.add(new LinearRegressionStreamSpec(
                3,
                8,
                0.1,
                new PriorSpec(0.5, 2.0),
                null,
                List.of(List.of(1.0, 2.0, 3.0), List.of(-1.0, 0.0, 1.0)),
                new MarkovSwitchSpec(3, 0.02)));
        for (Activation a : Activation.values()) out.add(SlowlyChangingRegressionStreamSpec.dohare2024(a));
        return out;
    }

    static List<RuleSpec> rules() {
        return List.of(
                new SgdSpec(0.1),
                new MomentumSpec(0.1, 0.9, true),
                new RmsPropSpec(0.01, 0.99, 1e-8),
                new AdamSpec(1e-3, 0.9, 0.999, 1e-8, 0.01, true),
                new BallisticSpec(0.01, 0.999, 1e-8),
                new NaturalGradientSpec(
                        0.1, new MetricSpec(MetricSpec.Kind.DIAGONAL, List.of(1.0, 2.0), Double.NaN), 1e-3),
                new NaturalGradientSpec(0.1, new MetricSpec(MetricSpec.Kind.GRADIENT_OUTER, null, 0.9), 1e-3),
                new OptimalControlSpec(
                        0.1,
                        1.0,
                        1.0,
                        MetricSpec.identity(),
                        0.0,
                        BeliefSource.FILTERED,
                        new KalmanFilterSpec(0.1, 1.0, 1.0, 0.999, 1e-8)),
                new OptimalControlSpec(
                        0.0,
                        2.0,
                        0.5,
                        new MetricSpec(MetricSpec.Kind.DENSE, List.of(2.0, 0.5, 0.5, 1.0), Double.NaN),
                        0.1,
                        BeliefSource.ORACLE,
                        null),
                new OptimalControlSpec(1.0, 1.0, 1.0, MetricSpec.identity(), 0.0, BeliefSource.BELIEF, null)
                        .withBelief(new BocpdSpec(0.01, new GaussianModelSpec(null, 2.0, null), 1e-10, 300)),
                new IdealObserverSpec(0.01, 1e-10, 500),
                new SwitchAwareObserverSpec(0.02));
    }

    static List<BeliefSpec> beliefs() {
        return List.of(
                new NoBeliefSpec(),
                new BocpdSpec(0.01, GaussianModelSpec.fromStream(), 1e-10, 1000),
                new BocpdSpec(0.02, new GaussianModelSpec(0.0, 1.0, null), 0.0, 200),
                new BocpdSpec(0.02, new NormalGammaModelSpec(0.0, 1.0, 1.0, 1.0), 1e-8, 300),
                new BocpdSpec(0.02, new LinearRegressionModelSpec(1.0, 2.0, 3.0), 1e-8, 300),
                new BocpdSpec(0.02, new VarianceChangeModelSpec(1.0, null, 20), 1e-10, 256),
                new BocpdSpec(0.02, new LogNormalGammaModelSpec(null, 1.0, 2.0, 0.5, 10), 1e-10, 256),
                new HmmSpec(0.05));
    }

    static List<ResetSpec> resets() {
        List<ResetSpec> out = new ArrayList<>(List.of(
                new NoResetSpec(),
                new PeriodicResetSpec(100, ResetTarget.INIT, true),
                new OracleResetSpec(ResetTarget.PRIOR_MEAN, false),
                new OracleResetSpec(ResetTarget.FRESH_DRAW, true, true),
                new BeliefThresholdSpec(new BeliefTrigger(0.5, 10, ResetTarget.FRESH_DRAW, true)),
                new BeliefSoftSpec(new BeliefTrigger(0.3, 5, ResetTarget.INIT, false)),
                new ShrinkPerturbSpec(0.9, 0.01, 50),
                new L2InitSpec(0.01),
                new RecallSpec(0.6, true),
                ContinualBackpropSpec.dohare2024(),
                new BeliefMlpSpec(0.9, 10, MlpResetScope.UNIT, 0.2, 0.99, true),
                new SelfNormalizedResetSpec(0.99)));
        // any other policy: the one its schema entry's minimal condition reads, so a new policy needs no line here
        Block reset = ConfigSchema.block("reset");
        for (String type : reset.types()) {
            String text = ConfigSchema.minimalCondition(reset, type);
            if (text == null) continue; // a type with a list or block parameter: listed above by hand
            ResetSpec read =
                    SweepLoader.parse(text, "minimal.conf").runs().get(0).reset();
            if (out.stream().noneMatch(r -> r.getClass() == read.getClass())) out.add(read);
        }
        return List.copyOf(out);
    }

    /** RunSpecs that together contain every variant above at least once. */
    static List<RunSpec> runSpecs() {
        List<StreamSpec> streams = streams();
        List<RuleSpec> rules = rules();
        List<BeliefSpec> beliefs = beliefs();
        List<ResetSpec> resets = resets();
        int n = Math.max(Math.max(streams.size(), rules.size()), Math.max(beliefs.size(), resets.size()));
        List<RunSpec> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new RunSpec(
                    "run-" + i,
                    "cond-" + (i % 3),
                    i,
                    1234L + i,
                    1000 + i,
                    0.5,
                    streams.get(i % streams.size()),
                    rules.get(i % rules.size()),
                    beliefs.get(i % beliefs.size()),
                    resets.get(i % resets.size()),
                    MetricsSpec.defaults(),
                    List.of(new SweptValue("reset.tau", "0.5"), new SweptValue("stream.switching.hazard", "0.01"))));
        }
        return out;
    }

    static RunResult runResult() {
        RunMetrics m = new RunMetrics(
                1000,
                0.5,
                0.25,
                12.5,
                13.0,
                3,
                2,
                1,
                4.0,
                1,
                2,
                0.125,
                false,
                -1,
                new double[] {1.0, 0.5, Double.NaN},
                new double[] {0.25, -0.0},
                new double[] {Double.NaN},
                new long[] {100, 400},
                new long[] {105});
        return new RunResult("run-0", "cond-0", 0, m, 123_456_789L, "127.0.0.1:2552");
    }

    /** An instance of {@code type} with sample values; records recursively, sealed interfaces by their first subclass. */
    static Object sample(Type type, ActorRef<?> ref) {
        Class<?> raw = raw(type);
        if (raw == String.class) return "run-7";
        if (raw == int.class) return 7;
        if (raw == long.class) return 42L;
        if (raw == double.class) return 0.25;
        if (raw == boolean.class) return true;
        if (raw == double[].class) return new double[] {1.0, Double.NaN, -0.0, 3.5};
        if (raw == RunSpec.class) return runSpecs().get(3);
        if (raw == RunResult.class) return runResult();
        if (raw == ResetOrder.class) return new ResetOrder(17, 0.75, -1, -1);
        if (ActorRef.class.isAssignableFrom(raw)) return ref;
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            if (raw(element) == RunSpec.class) return runSpecs().subList(0, 3);
            return List.of(sample(element, ref), sample(element, ref));
        }
        if (raw.isEnum()) return raw.getEnumConstants()[0];
        if (raw.isRecord()) return record(raw, ref);
        if (raw.isSealed()) return sample(raw.getPermittedSubclasses()[0], ref);
        throw new AssertionError("no sample for " + type + ": add one to WireSamples");
    }

    @SuppressWarnings("unchecked")
    static Object record(Class<?> recordClass, ActorRef<?> ref) {
        if (recordClass == TaskBeliefActor.Consume.class) {
            // its checks tie the components together (steps x width <= evidence.length): generic ints would not fit
            return new TaskBeliefActor.Consume(
                    42, 2, 2, new double[] {1.0, Double.NaN, -0.0, 3.5}, (ActorRef<TaskBeliefActor.Verdict>) ref);
        }
        RecordComponent[] components = recordClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = sample(components[i].getGenericType(), ref);
        }
        try {
            Constructor<?> c = recordClass.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build a sample " + recordClass.getName(), e);
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        throw new AssertionError("unsupported component type " + type);
    }

    /** Equality that looks into records and arrays (a record holding an array compares it by identity). */
    static boolean deepEquals(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) return false;
            for (int i = 0; i < la.size(); i++) if (!deepEquals(la.get(i), lb.get(i))) return false;
            return true;
        }
        if (a.getClass() != b.getClass()) return false;
        if (a.getClass().isArray()) {
            if (!a.getClass().getComponentType().isPrimitive()) {
                int n = Array.getLength(a);
                if (n != Array.getLength(b)) return false;
                for (int i = 0; i < n; i++) if (!deepEquals(Array.get(a, i), Array.get(b, i))) return false;
                return true;
            }
            return java.util.Objects.deepEquals(a, b); // primitive arrays: Arrays.equals, bitwise for doubles
        }
        if (a.getClass().isRecord()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                try {
                    var accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    if (!deepEquals(accessor.invoke(a), accessor.invoke(b))) return false;
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
