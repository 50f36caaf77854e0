package org.driftlab.core.spec;

import java.util.List;
import org.driftlab.core.check.Require;

/**
 * The declaration of one config block (STYLE C10.1): its dotted {@code path} ({@code ""} for the top level, e.g.
 * {@code stream.switching}), a title and documentation for docs and {@code driftlab help config}, and its variants.
 * A typed block has a {@code type = ...} discriminator and one {@link Variant} per type; an untyped block has one
 * variant of type {@code ""}. Whether a block may be absent, and its default type, belong to the {@link Key} that
 * holds it (a rule's metric defaults to hessian in one rule and to identity in another).
 */
public record Block(String path, String title, String doc, boolean typed, List<Variant> variants) {
    public Block {
        Require.nonNull("path", path);
        Require.nonNull("title", title);
        Require.nonNull("doc", doc);
        variants = List.copyOf(Require.nonNull("variants", variants));
        if (variants.isEmpty()) throw new IllegalArgumentException("block " + path + " has no variants");
        if (!typed && (variants.size() != 1 || !variants.get(0).type().isEmpty())) {
            throw new IllegalArgumentException("untyped block " + path + " has exactly one variant, of type \"\"");
        }
    }

    static Block typed(String path, String title, String doc, Variant... variants) {
        return new Block(path, title, doc, true, List.of(variants));
    }

    static Block untyped(String path, String title, String doc, Key... keys) {
        return new Block(path, title, doc, false, List.of(new Variant("", "", List.of(keys), null)));
    }

    /** The type names, in declaration order. */
    public List<String> types() {
        return variants.stream().map(Variant::type).toList();
    }

    /** The variant of type {@code type} ({@code ""} for an untyped block). */
    public Variant variant(String type) {
        return variants.stream()
                .filter(v -> v.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("block '" + path + "' has no type " + type));
    }

    /** The keys of an untyped block. */
    public List<Key> keys() {
        if (typed) throw new IllegalStateException("block " + path + " is typed: ask a variant for its keys");
        return variants.get(0).keys();
    }

    /** The key {@code name} of an untyped block. */
    public Key key(String name) {
        return variant("").key(name);
    }
}
