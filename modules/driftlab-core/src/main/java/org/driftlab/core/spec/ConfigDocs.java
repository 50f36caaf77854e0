package org.driftlab.core.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Renders the declared {@link ConfigSchema}: docs/CONFIG.md ({@link #markdown()}: the prose of CONFIG.template.md
 * beside this class with the schema's tables and the compatibility rules filled in) and the plain text of
 * {@code driftlab help config} ({@link #text(Block)}, {@link #rulesText()}).
 */
public final class ConfigDocs {
    /** How to regenerate docs/CONFIG.md; the test that keeps it current names this. */
    public static final String REGENERATE = "./driftlab help config --markdown > docs/CONFIG.md";

    private static final String TEMPLATE = "CONFIG.template.md";

    private ConfigDocs() {}

    /** The whole of docs/CONFIG.md. */
    public static String markdown() {
        StringBuilder tables = new StringBuilder();
        for (Block b : ConfigSchema.blocks()) tables.append(markdown(b));
        StringBuilder rules = new StringBuilder();
        for (CompatibilityRule r : ConfigSchema.rules())
            rules.append("- `").append(r.key()).append("`: ").append(r.doc()).append('\n');
        String generated = "<!-- Generated from the declared config schema (ConfigSchema in driftlab-core) and "
                + TEMPLATE + ":\n     do not edit; regenerate with " + REGENERATE + " -->\n";
        return generated
                + template()
                        .replace("<!-- schema -->\n", tables.toString().stripTrailing() + "\n")
                        .replace("<!-- rules -->\n", rules.toString());
    }

    /** One block as a markdown section: a heading and a table of its keys (per type for a typed block). */
    static String markdown(Block b) {
        StringBuilder s = new StringBuilder("### ")
                .append(b.path().isEmpty() ? "Top level" : "`" + b.path() + "`")
                .append("\n\n")
                .append(b.title())
                .append(b.doc().isEmpty() ? "" : ": " + b.doc())
                .append(".\n\n");
        if (b.typed()) {
            s.append("| type | key | meaning | unit | default | range |\n|---|---|---|---|---|---|\n");
            for (Variant v : b.variants()) {
                s.append("| `")
                        .append(v.type())
                        .append("` | | ")
                        .append(cell(v.doc()))
                        .append(" | | | |\n");
                for (Key k : v.keys()) s.append("| ").append(row(k)).append('\n');
            }
        } else {
            s.append("| key | meaning | unit | default | range |\n|---|---|---|---|---|\n");
            for (Key k : b.keys()) s.append(row(k)).append('\n');
        }
        return s.append('\n').toString();
    }

    private static String row(Key k) {
        return "| `" + k.name() + "` | " + cell(k.doc()) + " | " + k.unit() + " | " + cell(dfltText(k)) + " | "
                + cell(rangeText(k)) + " |";
    }

    /** One block as plain text for a terminal: per type, one aligned row per key (name, default, range, unit, doc). */
    public static String text(Block b) {
        StringBuilder s = new StringBuilder(b.path().isEmpty() ? "(top level)" : b.path())
                .append(" — ")
                .append(b.title())
                .append(b.doc().isEmpty() ? "" : ": " + b.doc())
                .append('\n');
        int[] width = new int[4];
        for (Variant v : b.variants()) {
            for (Key k : v.keys()) {
                String[] r = textRow(k);
                for (int i = 0; i < 4; i++) width[i] = Math.max(width[i], r[i].length());
            }
        }
        String indent = b.typed() ? "    " : "  ";
        for (Variant v : b.variants()) {
            if (b.typed())
                s.append("  type = ")
                        .append(v.type())
                        .append(": ")
                        .append(v.doc().replace("`", ""))
                        .append('\n');
            for (Key k : v.keys()) {
                String[] r = textRow(k);
                s.append(indent);
                for (int i = 0; i < 4; i++) s.append(r[i]).append(" ".repeat(width[i] + 2 - r[i].length()));
                s.append(r[4]).append('\n');
            }
        }
        return s.toString();
    }

    private static String[] textRow(Key k) {
        return new String[] {
            k.name(),
            dfltText(k).replace("`", ""),
            rangeText(k).replace("`", ""),
            k.unit(),
            k.doc().replace("`", "")
        };
    }

    /** The compatibility rules as plain text, one per line. */
    public static String rulesText() {
        StringBuilder s = new StringBuilder("blocks that must fit together (checked once per condition, at load):\n");
        for (CompatibilityRule r : ConfigSchema.rules())
            s.append("  ").append(r.key()).append(": ").append(r.doc()).append('\n');
        return s.toString();
    }

    private static String dfltText(Key k) {
        String text =
                switch (k.presence()) {
                    case REQUIRED -> "required";
                    case OPTIONAL -> k.note().isEmpty() ? "absent" : k.note();
                    case DEFAULT ->
                        k.type() == Key.Type.BLOCK && "".equals(k.dflt())
                                ? "see `" + k.block().path() + "`"
                                : "`" + value(k.dflt()) + "`" + (k.note().isEmpty() ? "" : " (" + k.note() + ")");
                };
        return text;
    }

    private static String rangeText(Key k) {
        return k.type() == Key.Type.BLOCK ? "see `" + k.block().path() + "`" : k.rangeText();
    }

    private static String value(Object v) {
        return v instanceof Double d ? CanonicalJson.number(d).replace('E', 'e') : String.valueOf(v);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String template() {
        try (InputStream in = ConfigDocs.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) throw new IllegalStateException(TEMPLATE + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
