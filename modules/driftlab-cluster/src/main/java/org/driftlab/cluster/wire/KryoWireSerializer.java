package org.driftlab.cluster.wire;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.JSerializer;

/**
 * Pekko serializer for {@link WireMessage}s (and the core records bound beside them in
 * {@code reference.conf}): Kryo with {@link WireRegistry}'s table, the class id written in the frame, so no
 * manifest. Thread-safe: Kryo instances come from a pool. A frame that names an unregistered id, is
 * truncated, or has trailing bytes is rejected with an {@link IllegalArgumentException} naming the problem;
 * Artery logs it and drops the message, and the node carries on.
 */
public final class KryoWireSerializer extends JSerializer {
    /** Pekko serializer id; ids 0–40 are Pekko's own. Never change it: it is written in every frame. */
    public static final int IDENTIFIER = 1_734_200;

    private static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    private final Pool<Kryo> pool;

    /** Built by Pekko's serialization extension through reflection. */
    public KryoWireSerializer(ExtendedActorSystem system) {
        this.pool = new Pool<>(true, false, 64) {
            @Override
            protected Kryo create() {
                return WireRegistry.newKryo(() -> ActorRefResolver.get(Adapter.toTyped(system)));
            }
        };
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public boolean includeManifest() {
        return false;
    }

    @Override
    public byte[] toBinary(Object o) {
        Kryo kryo = pool.obtain();
        byte[] bytes;
        try (Output out = new Output(256, MAX_FRAME_BYTES)) {
            kryo.writeClassAndObject(out, o);
            bytes = out.toBytes();
        } catch (RuntimeException e) {
            // this Kryo may be mid-graph: drop it rather than return it to the pool
            throw new IllegalArgumentException(
                    "cannot write " + o.getClass().getName() + " to the wire: " + e.getMessage(), e);
        }
        pool.free(kryo);
        return bytes;
    }

    @Override
    public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
        Kryo kryo = pool.obtain();
        Object o;
        int consumed;
        try (Input in = new Input(bytes)) {
            o = kryo.readClassAndObject(in);
            consumed = in.position();
        } catch (RuntimeException e) {
            // this Kryo may be mid-graph: drop it rather than return it to the pool
            throw new IllegalArgumentException(
                    "malformed driftlab frame of " + bytes.length + " bytes: " + e.getMessage(), e);
        }
        pool.free(kryo);
        if (consumed != bytes.length) {
            throw new IllegalArgumentException(
                    "malformed driftlab frame: " + (bytes.length - consumed) + " trailing bytes after a "
                            + (o == null ? "null" : o.getClass().getName()));
        }
        if (o == null) throw new IllegalArgumentException("malformed driftlab frame: a null message");
        return o;
    }
}
