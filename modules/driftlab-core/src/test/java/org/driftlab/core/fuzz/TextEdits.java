package org.driftlab.core.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The format-independent random edits the fuzz tests of the config loader and the CSV reader share. Each
 * returns the edited text and adds a description of the edit to {@code edits}, so a failing case can be
 * reproduced by reading the list.
 */
public final class TextEdits {
    private TextEdits() {}

    /** Deletes the character at {@code at} (0 ≤ at < length). */
    public static String deleteChar(String text, int at, List<String> edits) {
        edits.add("delete char " + at);
        return text.substring(0, at) + text.substring(at + 1);
    }

    /** Doubles the character at {@code at}. */
    public static String duplicateChar(String text, int at, List<String> edits) {
        edits.add("duplicate char " + at);
        return text.substring(0, at + 1) + text.substring(at);
    }

    /** Swaps the characters at {@code at} and {@code at + 1}; unchanged (and unrecorded) at the last character. */
    public static String swapChars(String text, int at, List<String> edits) {
        if (at + 1 >= text.length()) return text;
        edits.add("swap chars " + at);
        return text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2);
    }

    /** Drops or repeats one random line, keeping every other line and the text's line structure. */
    public static String dropOrRepeatLine(String text, SplittableRandom rnd, List<String> edits) {
        String[] lines = text.split("\n", -1);
        int line = rnd.nextInt(lines.length);
        boolean drop = rnd.nextBoolean();
        edits.add((drop ? "drop" : "repeat") + " line " + (line + 1));
        StringBuilder b = new StringBuilder();
        for (int l = 0; l < lines.length; l++) {
            if (l == line && drop) continue;
            b.append(lines[l]).append(l < lines.length - 1 ? "\n" : "");
            if (l == line) b.append('\n').append(lines[l]);
        }
        return b.toString();
    }
}
