package org.driftlab.core.spec;

import java.util.List;
import org.driftlab.core.check.Require;

/**
 * One type of a typed config block (e.g. {@code adam} of {@code rule}) with the keys it reads besides {@code type},
 * in documentation order; an untyped block has one variant whose type is empty.
 */
public record Variant(String type, String doc, List<Key> keys) {
    public Variant {
        Require.nonNull("type", type);
        Require.nonNull("doc", doc);
        keys = List.copyOf(Require.nonNull("keys", keys));
        if (keys.stream().map(Key::name).distinct().count() != keys.size()) {
            throw new IllegalArgumentException("variant " + type + " declares a key twice");
        }
    }

    static Variant of(String type, String doc, Key... keys) {
        return new Variant(type, doc, List.of(keys));
    }

    /** The key called {@code name}. */
    public Key key(String name) {
        return keys.stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("variant '" + type + "' has no key " + name));
    }
}
