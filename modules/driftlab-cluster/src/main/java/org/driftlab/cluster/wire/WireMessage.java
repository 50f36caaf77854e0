package org.driftlab.cluster.wire;

/**
 * Marker of every message that may cross a node boundary; {@code reference.conf} binds it to
 * {@link KryoWireSerializer}. A class implementing it must also appear in {@link WireRegistry}'s id table,
 * else serialising it fails (and the message is dropped with a logged error).
 */
public interface WireMessage {}
