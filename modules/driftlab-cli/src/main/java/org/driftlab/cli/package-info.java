/**
 * The {@code driftlab} command line (DESIGN §1–2): picocli subcommands, one class each, wiring the core,
 * cluster and results modules together and holding no logic of their own (STYLE C16). {@link
 * org.driftlab.cli.ExitCodes} maps exceptions to exit codes (2: the user's input, with one clear message;
 * 1: a bug or an internal error, its stack trace logged; 3: a sweep with failed runs; 130: a sweep stopped by Ctrl-C). {@code run} and
 * {@code submit} share {@link org.driftlab.cli.SweepSession} (config check, store, resume rules, progress,
 * Ctrl-C hook, summary); {@code report} and they share {@link org.driftlab.cli.ConditionReport}. Logs go
 * to {@code logs/driftlab.log} under the working directory, never to the terminal.
 */
package org.driftlab.cli;
