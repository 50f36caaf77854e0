package org.driftlab.cluster.wire;

import com.esotericsoftware.kryo.Kryo;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.driftlab.cluster.learner.LearnerEntity;
import org.driftlab.cluster.learner.TaskBeliefActor;
import org.driftlab.cluster.sweep.ClusterNotice;
import org.driftlab.cluster.sweep.SweepCoordinator;
import org.driftlab.cluster.sweep.SweepSubmitter;
import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.BocpdSpec;
import org.driftlab.core.belief.GaussianModelSpec;
import org.driftlab.core.belief.HmmSpec;
import org.driftlab.core.belief.LinearRegressionModelSpec;
import org.driftlab.core.belief.LogNormalGammaModelSpec;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.core.belief.NormalGammaModelSpec;
import org.driftlab.core.belief.ObservationModelSpec;
import org.driftlab.core.belief.VarianceChangeModelSpec;
import org.driftlab.core.metrics.MetricsSpec;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.reset.BeliefMlpSpec;
import org.driftlab.core.reset.BeliefSoftSpec;
import org.driftlab.core.reset.BeliefThresholdSpec;
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
import org.driftlab.core.spec.RunSpec;
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
 * The Kryo registration table: every class that may appear on the wire, with an id that is stable across versions
 * (append new ids, never renumber or reuse one; a removed class keeps its id retired). Messages and the spec types
 * that were on the wire before derived ids are listed explicitly; any other type of the sealed spec hierarchies (a
 * new reset policy, its parameter records and enums) gets {@link #derivedId(Class) an id from its name}.
 * Kryo's own ids 0–9 (primitives, their wrappers, String) stay as Kryo assigns them. Private adapter
 * messages are listed by binary name: they never leave their node, but registering them lets
 * {@code pekko.actor.serialize-messages} verify them in tests and keeps the "every protocol message is in
 * the table" check exhaustive.
 */
public final class WireRegistry {
    private WireRegistry() {}

    /**
     * The sealed spec hierarchies a {@link RunSpec} holds: every type they permit may go on the wire. Declared before
     * TABLE, which reads it at class initialisation.
     */
    static final List<Class<?>> SPEC_ROOTS = List.of(
            StreamSpec.class,
            SwitchSpec.class,
            RuleSpec.class,
            BeliefSpec.class,
            ObservationModelSpec.class,
            ResetSpec.class);

    private static final Map<Integer, Class<?>> TABLE = buildTable();

    private static Map<Integer, Class<?>> buildTable() {
        Map<Integer, Class<?>> t = new LinkedHashMap<>();
        // 100–119: containers and references
        put(t, 100, List.class);
        put(t, 101, ActorRef.class);
        put(t, 102, double[].class);
        put(t, 103, long[].class);
        put(t, 104, int[].class);
        // 120–139: run description and outcome
        put(t, 120, RunSpec.class);
        put(t, 121, SweptValue.class);
        put(t, 122, MetricsSpec.class);
        put(t, 123, RunResult.class);
        put(t, 124, RunMetrics.class);
        put(t, 125, ResetOrder.class);
        // 140–159: task streams
        put(t, 140, QuadraticStreamSpec.class);
        put(t, 141, LinearRegressionStreamSpec.class);
        put(t, 142, SpectrumSpec.class);
        put(t, 143, PriorSpec.class);
        put(t, 144, NoSwitchSpec.class);
        put(t, 145, HazardSwitchSpec.class);
        put(t, 146, PeriodicSwitchSpec.class);
        put(t, 147, MarkovSwitchSpec.class);
        put(t, 148, DriftSwitchSpec.class);
        put(t, 149, SlowlyChangingRegressionStreamSpec.class);
        put(t, 150, Activation.class);
        // 160–179: learning rules
        put(t, 160, SgdSpec.class);
        put(t, 161, MomentumSpec.class);
        put(t, 162, RmsPropSpec.class);
        put(t, 163, AdamSpec.class);
        put(t, 164, BallisticSpec.class);
        put(t, 165, NaturalGradientSpec.class);
        put(t, 166, OptimalControlSpec.class);
        put(t, 167, IdealObserverSpec.class);
        put(t, 168, MetricSpec.class);
        put(t, 169, MetricSpec.Kind.class);
        put(t, 170, KalmanFilterSpec.class);
        put(t, 171, BeliefSource.class);
        put(t, 172, SwitchAwareObserverSpec.class);
        // 180–199: task belief
        put(t, 180, NoBeliefSpec.class);
        put(t, 181, BocpdSpec.class);
        put(t, 182, HmmSpec.class);
        put(t, 183, GaussianModelSpec.class);
        put(t, 184, NormalGammaModelSpec.class);
        put(t, 185, LinearRegressionModelSpec.class);
        put(t, 186, VarianceChangeModelSpec.class);
        put(t, 187, LogNormalGammaModelSpec.class);
        // 200–219: reset policies
        put(t, 200, NoResetSpec.class);
        put(t, 201, PeriodicResetSpec.class);
        put(t, 202, OracleResetSpec.class);
        put(t, 203, BeliefThresholdSpec.class);
        put(t, 204, BeliefSoftSpec.class);
        put(t, 205, ShrinkPerturbSpec.class);
        put(t, 206, L2InitSpec.class);
        put(t, 207, RecallSpec.class);
        put(t, 208, ResetTarget.class);
        put(t, 209, ContinualBackpropSpec.class);
        put(t, 210, BeliefMlpSpec.class);
        put(t, 211, MlpResetScope.class);
        put(t, 212, SelfNormalizedResetSpec.class);
        // 300–329: learner protocol
        put(t, 300, LearnerEntity.Run.class);
        put(t, 301, LearnerEntity.Stop.class);
        put(t, 302, named("org.driftlab.cluster.learner.LearnerEntity$BeliefAnswered"));
        put(t, 303, named("org.driftlab.cluster.learner.LearnerEntity$Advance"));
        put(t, 304, LearnerEntity.Finished.class);
        put(t, 305, LearnerEntity.Interrupted.class);
        put(t, 306, LearnerEntity.Failed.class);
        put(t, 307, LearnerEntity.Started.class);
        put(t, 308, LearnerEntity.Progressed.class);
        put(t, 320, TaskBeliefActor.Consume.class);
        put(t, 321, TaskBeliefActor.Verdict.class);
        // 340–379: sweep protocol
        // 340 retired: Submit without the entities' reply address; 344 retired: the coordinator's EntityReplied
        // (entities answer the submitter); 347 retired: MemberGone (now MemberChanged)
        put(t, 341, SweepCoordinator.Specs.class);
        put(t, 342, SweepCoordinator.Ack.class);
        put(t, 343, SweepCoordinator.Finish.class);
        put(t, 345, named("org.driftlab.cluster.sweep.SweepCoordinator$Tick"));
        put(t, 346, named("org.driftlab.cluster.sweep.SweepCoordinator$RegionsKnown"));
        // 348–350 retired: the coordinator's per-run timeout messages (deadlines are scanned on its Tick)
        put(t, 351, SweepCoordinator.Submit.class);
        put(t, 352, SweepCoordinator.RunReport.class);
        put(t, 353, SweepCoordinator.Phase.class);
        put(t, 354, named("org.driftlab.cluster.sweep.SweepCoordinator$MemberChanged"));
        put(t, 355, named("org.driftlab.cluster.sweep.SweepCoordinator$Change"));
        put(t, 356, named("org.driftlab.cluster.sweep.SweepCoordinator$SubmitterGone"));
        put(t, 357, named("org.driftlab.cluster.sweep.SweepCoordinator$SubmittersListed"));
        put(t, 360, SweepSubmitter.Pull.class);
        // 361–363 retired: Deliver and RunFailed (entities answer the submitter directly), Resubmit (the
        // receptionist finds submitters)
        put(t, 364, named("org.driftlab.cluster.sweep.SweepSubmitter$Flush"));
        put(t, 365, SweepSubmitter.Announce.class);
        put(t, 366, SweepSubmitter.Redispatching.class);
        put(t, 367, named("org.driftlab.cluster.sweep.SweepSubmitter$EntityReplied"));
        put(t, 368, named("org.driftlab.cluster.sweep.SweepSubmitter$CoordinatorGone"));
        put(t, 369, named("org.driftlab.cluster.sweep.SweepSubmitter$MemberEvent"));
        put(t, 370, ClusterNotice.class);
        put(t, 371, ClusterNotice.Kind.class);
        // 1000–15999: spec types not listed above, found in the sealed spec hierarchies, by the hash of their name
        for (Class<?> root : SPEC_ROOTS) derive(root, t);
        Map<Integer, Class<?>> byId = new LinkedHashMap<>();
        t.keySet().stream().sorted().forEach(id -> byId.put(id, t.get(id)));
        return Collections.unmodifiableMap(byId);
    }

    static final int DERIVED_FIRST = 1000;
    static final int DERIVED_SPAN = 15000;

    /**
     * The wire id of a spec type that the explicit table does not list: a function of its binary name alone, so it
     * is the same on every node and stays put when other types come or go (ids below 16384 keep Kryo's varint at
     * two bytes). Renaming the type changes its id; a collision fails at class initialisation ("used twice"), and
     * the fix is to list one of the two explicitly.
     */
    static int derivedId(Class<?> type) {
        CRC32 crc = new CRC32();
        crc.update(type.getName().getBytes(StandardCharsets.UTF_8));
        return DERIVED_FIRST + (int) (crc.getValue() % DERIVED_SPAN);
    }

    /**
     * Registers {@code type} (when not yet listed) and, through sealed interfaces and record components, the driftlab
     * types it holds: a new reset policy's record and the records and enums of its parameters are on the wire without
     * a line here.
     */
    private static void derive(Class<?> type, Map<Integer, Class<?>> t) {
        if (type.isInterface()) {
            if (type.isSealed()) for (Class<?> sub : type.getPermittedSubclasses()) derive(sub, t);
            return;
        }
        if (!t.containsValue(type)) put(t, derivedId(type), type);
        if (!type.isRecord()) return;
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> held = c.getType();
            if (held.getName().startsWith("org.driftlab.") && (held.isRecord() || held.isEnum() || held.isSealed()))
                derive(held, t);
        }
    }

    /** The id table (id → class), in id order. */
    public static Map<Integer, Class<?>> table() {
        return TABLE;
    }

    /**
     * A Kryo with registration required, references off (our messages are trees) and every class of the
     * table registered under its id. Not thread-safe: one per thread (see {@link KryoWireSerializer}).
     *
     * @param resolver supplies the system's resolver when an {@code ActorRef} is first written or read
     */
    public static Kryo newKryo(Supplier<ActorRefResolver> resolver) {
        Kryo kryo = new Kryo(new WireClassResolver(), null);
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        for (Map.Entry<Integer, Class<?>> e : TABLE.entrySet()) {
            Class<?> type = e.getValue();
            if (type == List.class) kryo.register(type, new ImmutableListSerializer(), e.getKey());
            else if (type == ActorRef.class) kryo.register(type, new ActorRefSerializer(resolver), e.getKey());
            else kryo.register(type, e.getKey());
        }
        return kryo;
    }

    private static void put(Map<Integer, Class<?>> t, int id, Class<?> type) {
        if (t.containsKey(id)) throw new IllegalStateException("wire id " + id + " used twice");
        if (t.containsValue(type)) throw new IllegalStateException(type.getName() + " registered twice");
        t.put(id, type);
    }

    private static Class<?> named(String binaryName) {
        try {
            return Class.forName(binaryName, false, WireRegistry.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("wire table names a missing class " + binaryName, e);
        }
    }
}
