package org.driftlab.cluster.wire;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.List;

/**
 * Any {@link List} as its size and its elements (each with its class id); read back into an
 * {@link ArrayList} and frozen with {@link List#copyOf}. Our specs only hold immutable, null-free lists
 * ({@code List.copyOf} everywhere), whose JDK classes Kryo cannot instantiate; this keeps them immutable
 * and equal after the trip. A null element is rejected on write, where the mistake is.
 */
final class ImmutableListSerializer extends Serializer<List<?>> {
    ImmutableListSerializer() {
        super(false, true); // nulls are handled by writeClassAndObject; the result is immutable
    }

    @Override
    public void write(Kryo kryo, Output output, List<?> list) {
        output.writeVarInt(list.size(), true);
        for (Object element : list) {
            if (element == null) throw new IllegalArgumentException("lists on the wire must not hold null elements");
            kryo.writeClassAndObject(output, element);
        }
    }

    @Override
    public List<?> read(Kryo kryo, Input input, Class<? extends List<?>> type) {
        int size = input.readVarInt(true);
        if (size < 0 || size > input.limit()) {
            // every element takes at least one byte: a larger size is a corrupt frame, not an allocation
            throw new IllegalArgumentException("list size " + size + " exceeds the frame");
        }
        List<Object> elements = new ArrayList<>(size);
        for (int i = 0; i < size; i++) elements.add(kryo.readClassAndObject(input));
        return List.copyOf(elements);
    }
}
