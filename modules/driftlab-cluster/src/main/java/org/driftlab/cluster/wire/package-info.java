/**
 * The wire format of the cluster (DESIGN §9, STYLE C9): Kryo 5 with class registration required and an
 * explicit, stable id table ({@link org.driftlab.cluster.wire.WireRegistry}); Java serialization is disabled.
 * Every actor message implements {@link org.driftlab.cluster.wire.WireMessage}, which {@code reference.conf}
 * binds to {@link org.driftlab.cluster.wire.KryoWireSerializer}.
 *
 * <p>Records go through Kryo's {@code RecordSerializer}, which rebuilds them with their canonical
 * constructor, so the compact-constructor checks of every spec also guard the wire. Two families of
 * classes cannot be registered by their concrete class and are mapped to one registration by their
 * interface ({@link org.driftlab.cluster.wire.WireClassResolver}): typed {@code ActorRef}s (written as
 * their {@code ActorRefResolver} string) and {@code java.util.List}s (the JDK's hidden immutable list
 * classes that {@code List.copyOf} returns; written as size + elements, read into an {@code ArrayList} and
 * frozen with {@code List.copyOf}, so a spec's lists stay immutable after the trip).
 */
package org.driftlab.cluster.wire;
