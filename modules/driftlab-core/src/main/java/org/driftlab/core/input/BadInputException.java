package org.driftlab.core.input;

/**
 * The user's input is wrong: a file, a table cell, a flag or a value the user gave. The message is one line that
 * names what is wrong and where (file, line, column, key or flag) and what was found, so the CLI prints it as is
 * and exits with code 2 (bad input), without a stack trace. Everything else a component throws (an {@link
 * IllegalArgumentException} among them) is a broken internal invariant, a bug: the CLI exits with code 1 and
 * logs the stack trace. Thrown only where a user's value is checked; a leaf package, so every package may.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
