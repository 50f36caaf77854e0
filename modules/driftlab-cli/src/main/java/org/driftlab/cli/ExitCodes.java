package org.driftlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.driftlab.core.input.BadInputException;
import org.driftlab.core.spec.ConfigProblems;
import org.driftlab.results.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The exception-to-exit-code mapper (STYLE C10.4, C16). A user's mistake is reported as one clear message on
 * stderr and exit code {@link #USAGE}: {@link ConfigProblems} (every problem, one per line), a {@link
 * BadInputException} (a bad CSV cell, flag or value, thrown where the user's input is checked, with a message
 * naming the file, field and value), a picocli {@link ParameterException} a command throws for its flags, a
 * missing or unreadable file, a results store that cannot be opened or written ({@link StoreException}).
 * Anything else is exit code {@link #FAILURE}: an unchecked exception ({@link IllegalArgumentException} and
 * {@link IllegalStateException} included: a broken internal invariant) is reported as a bug, a checked one as an
 * internal error. The stack trace always goes to the log file ({@value #LOG_FILE}), and to stderr with
 * {@code --debug}.
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** An internal error: a bug or an environment failure, not the user's input. */
    public static final int FAILURE = 1;
    /** A usage error or bad input: the message says what to fix. */
    public static final int USAGE = 2;
    /** A sweep ended with some runs failed (the others are stored; rerunning retries the failed ones). */
    public static final int RUNS_FAILED = 3;
    /**
     * A sweep stopped by Ctrl-C (128 + SIGINT, as shells report it); what was stored stays, a rerun resumes.
     * SIGTERM stops it the same way with 143 (128 + SIGTERM), the JVM's own exit status for that signal.
     */
    public static final int INTERRUPTED = 130;

    /** Where the CLI logs (logback.xml), relative to the working directory. */
    static final String LOG_FILE = "logs/driftlab.log";

    private static final Logger LOG = LoggerFactory.getLogger(ExitCodes.class);

    private ExitCodes() {}

    /**
     * What {@code build} returns: a record built from values the user gave (flags), whose constructor checks exactly
     * those values. What it rejects with an IllegalArgumentException is then the user's input, rethrown as a {@link
     * BadInputException} with the same message (exit code {@link #USAGE}). Use it only where every value checked
     * comes from the user; elsewhere an IllegalArgumentException is a bug.
     */
    public static <T> T fromUserValues(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** Installs the short usage-error handler and the execution-exception mapping on {@code cl}; returns it. */
    public static CommandLine install(CommandLine cl) {
        cl.setParameterExceptionHandler(USAGE_ERRORS);
        cl.setExecutionExceptionHandler(EXECUTION_ERRORS);
        return cl;
    }

    /**
     * Runs a command's body and maps what it throws to an exit code, so the mapping holds however the
     * {@link CommandLine} was built (also a bare {@code new CommandLine(new DriftlabCommand())}).
     */
    public static int run(CommandSpec spec, DebugOption debug, Callable<Integer> body) {
        try {
            return body.call();
        } catch (Exception e) {
            return report(spec.commandLine().getErr(), e, debug != null && debug.enabled());
        }
    }

    /** Prints the message for {@code e} to {@code err} (with its stack trace when {@code debug}); the exit code. */
    public static int report(PrintWriter err, Throwable e, boolean debug) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        int code;
        String message;
        if (cause instanceof ConfigProblems problems) {
            code = USAGE;
            int n = problems.problems().size();
            // one problem is one line (it names file, line and key); several get a count, then one line each
            message = n == 1
                    ? problems.getMessage()
                    : "the config has " + n + " problems:" + System.lineSeparator() + problems.getMessage();
        } else if (cause instanceof NoSuchFileException missing) {
            code = USAGE;
            message = "file not found: " + missing.getFile();
        } else if (cause instanceof AccessDeniedException denied) {
            code = USAGE;
            message = "permission denied: " + denied.getFile();
        } else if (cause instanceof FileAlreadyExistsException exists) {
            code = USAGE;
            message = "file already exists: " + exists.getFile();
        } else if (cause instanceof NotDirectoryException notDir) {
            code = USAGE;
            message = "not a directory: " + notDir.getFile();
        } else if (cause instanceof IOException io) {
            code = USAGE;
            // the wrapper names the file ("cannot read config x.conf: Is a directory"); a bare cause often does not
            boolean wrapperSaysMore =
                    cause != e && e.getMessage() != null && !e.getMessage().equals(cause.toString());
            message = "cannot read or write a file: " + (wrapperSaysMore ? e.getMessage() : io.getMessage());
        } else if (cause instanceof StoreException store) {
            code = USAGE; // names the file and what is wrong with it (locked, corrupt, newer schema, ...)
            message = store.getMessage();
        } else if (cause instanceof BadInputException bad) {
            code = USAGE;
            message = bad.getMessage();
        } else if (cause instanceof ParameterException bad) {
            code = USAGE; // a command's own check of its flags, made once it runs
            message = bad.getMessage();
        } else {
            code = FAILURE;
            // not the user's input: an unchecked exception is a broken invariant of driftlab's own code
            String what = cause instanceof RuntimeException || cause instanceof Error
                    ? "a bug in driftlab (please report it with the log): "
                    : "internal error: ";
            message = what + cause + " (stack trace in " + LOG_FILE + (debug ? ")" : "; --debug prints it here too)");
        }
        LOG.error("command failed with exit code {}: {}", code, message, e);
        err.println("driftlab: " + message);
        if (debug) e.printStackTrace(err);
        err.flush();
        return code;
    }

    private static boolean debugRequested(CommandLine cl) {
        // the top command's --debug mixin: DriftlabCommand's, or the bench tool's top command's
        CommandSpec top = cl.getCommandSpec().root().mixins().get("debug");
        return top != null && top.userObject() instanceof DebugOption d && d.enabled();
    }

    private static final IExecutionExceptionHandler EXECUTION_ERRORS =
            (Exception e, CommandLine cl, ParseResult parsed) -> report(cl.getErr(), e, debugRequested(cl));

    /** picocli's usage errors: the error, any "did you mean", and a hint instead of the whole usage text. */
    private static final IParameterExceptionHandler USAGE_ERRORS = (ParameterException e, String[] args) -> {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("driftlab: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    };
}
