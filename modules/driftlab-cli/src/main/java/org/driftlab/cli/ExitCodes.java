package org.driftlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.Callable;
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
 * stderr and exit code {@link #USAGE}: {@link ConfigProblems} (every problem, one per line), an
 * {@link IllegalArgumentException} or {@link BadInputException} (a bad CSV or argument value, thrown by readers with a message naming the
 * field and value), a missing or unreadable file, a results store that cannot be opened or written ({@link
 * StoreException}). Anything else is an internal error, exit code
 * {@link #FAILURE}. The stack trace goes to stderr only with {@code --debug}, and always to the log file.
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

    private static final Logger LOG = LoggerFactory.getLogger(ExitCodes.class);

    private ExitCodes() {}

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
            message = n == 1 ? problems.getMessage()
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
            boolean wrapperSaysMore = cause != e && e.getMessage() != null && !e.getMessage().equals(cause.toString());
            message = "cannot read or write a file: " + (wrapperSaysMore ? e.getMessage() : io.getMessage());
        } else if (cause instanceof StoreException store) {
            code = USAGE; // names the file and what is wrong with it (locked, corrupt, newer schema, ...)
            message = store.getMessage();
        } else if (cause instanceof IllegalArgumentException || cause instanceof BadInputException) {
            code = USAGE;
            message = String.valueOf(cause.getMessage());
        } else {
            code = FAILURE;
            message = "internal error: " + cause + " (details in logs/driftlab.log"
                    + (debug ? ")" : "; rerun with --debug to see the stack trace)");
        }
        LOG.error("command failed with exit code {}: {}", code, message, e);
        err.println("driftlab: " + message);
        if (debug) e.printStackTrace(err);
        err.flush();
        return code;
    }

    private static boolean debugRequested(CommandLine cl) {
        Object top = cl.getCommandSpec().root().userObject();
        return top instanceof DriftlabCommand d && d.debug != null && d.debug.enabled();
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
