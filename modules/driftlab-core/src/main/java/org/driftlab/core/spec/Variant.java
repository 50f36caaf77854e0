package org.driftlab.core.spec;

import java.util.List;
import java.util.function.Function;
import org.driftlab.core.check.Require;

/**
 * One type of a typed config block (e.g. {@code adam} of {@code rule}) with the keys it reads besides {@code type},
 * in documentation order; an untyped block has one variant whose type is empty. {@code spec}, when not null, builds
 * the variant's spec from its keys' {@link Values} (every key a scalar or a list), so that the block's reader is
 * generic and a new type is this one declaration; null when the block's reader reads the variant by hand (sub-blocks,
 * keys that depend on each other).
 */
public record Variant(String type, String doc, List<Key> keys, Function<Values, ?> spec) {
    public Variant {
        Require.nonNull("type", type);
        Require.nonNull("doc", doc);
        keys = List.copyOf(Require.nonNull("keys", keys));
        if (keys.stream().map(Key::name).distinct().count() != keys.size()) {
            throw new IllegalArgumentException("variant " + type + " declares a key twice");
        }
    }

    static Variant of(String type, String doc, Key... keys) {
        return new Variant(type, doc, List.of(keys), null);
    }

    /** This variant with the function that builds its spec from its values. */
    Variant builds(Function<Values, ?> spec) {
        return new Variant(type, doc, keys, spec);
    }

    /** The key called {@code name}. */
    public Key key(String name) {
        return keys.stream()
                .filter(k -> k.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("variant '" + type + "' has no key " + name));
    }
}
