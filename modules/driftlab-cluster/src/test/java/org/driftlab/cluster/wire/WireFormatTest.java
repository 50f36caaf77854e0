package org.driftlab.cluster.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.esotericsoftware.kryo.io.Output;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.driftlab.core.belief.BeliefSpec;
import org.driftlab.core.belief.ObservationModelSpec;
import org.driftlab.core.reset.BeliefTrigger;
import org.driftlab.core.reset.ResetSpec;
import org.driftlab.core.reset.ResetTarget;
import org.driftlab.core.rule.RuleSpec;
import org.driftlab.core.sim.RunResult;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.stream.StreamSpec;
import org.driftlab.core.stream.SwitchSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kryo wire format: every protocol message and every spec variant round-trips; bad frames are rejected. */
class WireFormatTest {
    private static ActorTestKit testKit;
    private static Serialization serialization;
    private static KryoWireSerializer serializer;
    private static TestProbe<Object> probe;

    /** A message that claims to be on the wire but is missing from the table. */
    record Unregistered(String text) implements WireMessage {}

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create(
                "wire",
                ConfigFactory.parseString("pekko.remote.artery.canonical.port = 0")
                        .withFallback(ConfigFactory.load()));
        ExtendedActorSystem classic = (ExtendedActorSystem) Adapter.toClassic(testKit.system());
        serialization = SerializationExtension.get(classic);
        serializer = new KryoWireSerializer(classic);
        probe = testKit.createTestProbe();
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    @Test
    void everyProtocolMessageIsRegisteredAndRoundTrips() throws Exception {
        List<Class<?>> messages = wireMessageClasses();
        assertThat(messages).as("protocol classes found on the class path").hasSizeGreaterThan(10);
        Set<Class<?>> registered = Set.copyOf(WireRegistry.table().values());
        for (Class<?> type : messages) {
            assertThat(registered)
                    .as("%s must be in WireRegistry's table", type.getName())
                    .contains(type);
            List<Object> instances = type.isEnum()
                    ? Arrays.asList(type.getEnumConstants())
                    : List.of(WireSamples.record(type, probe.ref()));
            for (Object message : instances) {
                Object back = roundTrip(message);
                assertThat(WireSamples.deepEquals(message, back))
                        .as("round trip of %s", message)
                        .isTrue();
            }
        }
    }

    @Test
    void everyPermittedSubclassOfEveryProtocolIsRegistered() throws Exception {
        Set<Class<?>> registered = Set.copyOf(WireRegistry.table().values());
        int sealedProtocols = 0;
        for (Class<?> type : wireMessageClasses()) {
            for (Class<?> protocol : type.getInterfaces()) {
                if (!protocol.isSealed() || !WireMessage.class.isAssignableFrom(protocol)) continue;
                sealedProtocols++;
                for (Class<?> message : protocol.getPermittedSubclasses()) {
                    assertThat(registered)
                            .as("%s (permitted by %s)", message.getName(), protocol.getName())
                            .contains(message);
                }
            }
        }
        assertThat(sealedProtocols).isGreaterThan(0);
    }

    @Test
    void everySpecVariantIsRegisteredAndRunSpecsRoundTripEqual() {
        Set<Class<?>> registered = Set.copyOf(WireRegistry.table().values());
        for (Class<?> sealed : List.of(
                StreamSpec.class,
                SwitchSpec.class,
                RuleSpec.class,
                BeliefSpec.class,
                ObservationModelSpec.class,
                ResetSpec.class)) {
            for (Class<?> variant : variants(sealed)) {
                assertThat(registered)
                        .as("%s must be in WireRegistry's table", variant.getName())
                        .contains(variant);
            }
        }
        Set<Class<?>> seen = new java.util.HashSet<>();
        for (RunSpec spec : WireSamples.runSpecs()) {
            Object back = roundTrip(spec);
            assertThat(back).isEqualTo(spec);
            RunSpec r = (RunSpec) back;
            seen.addAll(List.of(
                    r.stream().getClass(),
                    r.stream().switching().getClass(),
                    r.rule().getClass(),
                    r.belief().getClass(),
                    r.reset().getClass()));
            assertThatThrownBy(() -> r.params().add(null))
                    .as("lists stay immutable")
                    .isInstanceOf(UnsupportedOperationException.class);
        }
        for (Class<?> sealed :
                List.of(StreamSpec.class, SwitchSpec.class, RuleSpec.class, BeliefSpec.class, ResetSpec.class)) {
            assertThat(seen)
                    .as("samples cover every %s", sealed.getSimpleName())
                    .containsAll(variants(sealed));
        }
    }

    /** The concrete types a sealed spec type permits, through sealed sub-interfaces (e.g. BeliefTriggeredSpec). */
    private static List<Class<?>> variants(Class<?> sealed) {
        List<Class<?>> out = new java.util.ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isInterface() && c.isSealed()) out.addAll(variants(c));
            else out.add(c);
        }
        return out;
    }

    @Test
    void runResultsRoundTripBitwise() {
        RunResult result = WireSamples.runResult();
        assertThat(serialization.findSerializerFor(result)).isInstanceOf(KryoWireSerializer.class);
        assertThat(roundTrip(result)).isEqualTo(result);
    }

    @Test
    void garbageIsRejectedNotThrownAsSomethingElse() {
        byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 1, 2, 3};
        assertThatThrownBy(() -> serializer.fromBinary(garbage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
        assertThat(serialization
                        .deserialize(garbage, KryoWireSerializer.IDENTIFIER, "")
                        .isFailure())
                .isTrue();
    }

    @Test
    void unknownClassIdIsRejected() {
        Output out = new Output(16);
        out.writeVarInt(9999 + 2, true); // Kryo writes a class id as id + 2
        assertThatThrownBy(() -> serializer.fromBinary(out.toBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void truncatedAndPaddedFramesAreRejected() {
        byte[] frame = serializer.toBinary(WireSamples.runSpecs().get(2));
        assertThatThrownBy(() -> serializer.fromBinary(Arrays.copyOf(frame, frame.length - 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> serializer.fromBinary(Arrays.copyOf(frame, frame.length + 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing");
        assertThat(serializer.fromBinary(frame))
                .isEqualTo(WireSamples.runSpecs().get(2)); // the pool still works
    }

    @Test
    void unregisteredMessageIsRefusedOnWrite() {
        assertThatThrownBy(() -> serializer.toBinary(new Unregistered("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unregistered");
        assertThat(serialization.serialize(new Unregistered("x")).isFailure()).isTrue();
    }

    @Test
    void tableIdsAreUniqueAndOutsideKryosOwn() {
        assertThat(WireRegistry.table().keySet())
                .allSatisfy(id -> assertThat(id).isGreaterThanOrEqualTo(100));
        assertThat(new TreeSet<>(WireRegistry.table().values().stream()
                        .map(Class::getName)
                        .toList()))
                .hasSize(WireRegistry.table().size());
    }

    @Test
    void typesWithoutAnExplicitIdHaveTheIdOfTheirNameAndTheSpecRecordsTheyHoldAreRegistered() {
        Map<Integer, Class<?>> table = WireRegistry.table();
        table.forEach((id, type) -> {
            if (id >= WireRegistry.DERIVED_FIRST)
                assertThat(id).as(type.getName()).isEqualTo(WireRegistry.derivedId(type));
        });
        // a record component added after the explicit table (BeliefTriggeredSpec's trigger) is found by the walk
        assertThat(table.values()).contains(BeliefTrigger.class, ResetTarget.class);
        assertThat(table.keySet().stream().toList()).as("id order").isSorted();
        assertThat(table.keySet()).allSatisfy(id -> assertThat(id).isLessThan(16384)); // two varint bytes
    }

    private static Object roundTrip(Object message) {
        Serializer s = serialization.findSerializerFor(message);
        assertThat(s).as("serializer of %s", message.getClass().getName()).isInstanceOf(KryoWireSerializer.class);
        return s.fromBinary(s.toBinary(message));
    }

    /** Every concrete WireMessage class of the main code (this module's classes directory). */
    private static List<Class<?>> wireMessageClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Paths.get(WireMessage.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, WireMessage.class.getClassLoader());
                if (WireMessage.class.isAssignableFrom(c) && !c.isInterface()) found.add(c);
            }
        }
        return found;
    }
}
