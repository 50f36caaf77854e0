package org.driftlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.driftlab.core.input.BadInputException;
import org.driftlab.results.export.Exporter;
import org.driftlab.results.store.CopyFormat;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoreException;
import org.driftlab.results.store.StoreTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab export STORE --format csv|parquet --table runs|curves|stats [--sweep NAME] [--out FILE]}: one
 * table of one sweep's runs in a results store through DuckDB's COPY, written atomically (DESIGN §10). Wiring only ({@link Exporter}). Bad
 * input is one line on stderr, exit code 2, and nothing written.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export a table of a results store as CSV or Parquet (written atomically).")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "STORE",
            description = "The results store, e.g. results/reset-vs-hazard.duckdb.")
    Path store;

    @Option(
            names = "--format",
            paramLabel = "FMT",
            defaultValue = "csv",
            description = "csv or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--table",
            paramLabel = "TABLE",
            defaultValue = "runs",
            description = "runs (one row per run), curves (run_id, kind, idx, value) or stats (per condition and "
                    + "metric: n, mean, sd, se, 95%% CI, median) (default: ${DEFAULT-VALUE}).")
    String table;

    @Option(
            names = "--sweep",
            paramLabel = "NAME",
            description =
                    "The sweep whose runs to export (default: the store's only sweep; `driftlab sweeps STORE` lists them).")
    String sweep;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description =
                    "Output file (default: <store without .duckdb>-<table>.<csv|parquet> next to the store); missing "
                            + "directories are created; never the store itself or another store.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            CopyFormat f = parse(CopyFormat.class, format, "format", "csv, parquet");
            StoreTable t = parse(StoreTable.class, table, "table", "runs, curves, stats");
            try (ResultStore s = ResultStore.openReadOnly(store)) {
                String chosen = SweepsCommand.select(s, sweep);
                Path target = out != null ? out : Exporter.defaultTarget(store, t, f);
                OutputGuard.refuseClobbering(
                        "--out", target, List.of(new OutputGuard.Input("the store being exported", store)));
                AtomicOutput.createParents(target);
                Path written = Exporter.export(s, t, chosen, f, target);
                err.println("wrote " + written);
                err.flush();
                return 0;
            }
        } catch (StoreException | IllegalArgumentException | BadInputException | UncheckedIOException e) {
            err.println("driftlab: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            return ExitCodes.report(err, e, false);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String option, String known) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --" + option + " '" + value + "' (known: " + known + ")", e);
        }
    }
}
