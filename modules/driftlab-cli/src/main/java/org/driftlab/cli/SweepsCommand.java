package org.driftlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.driftlab.results.export.TableFormat;
import org.driftlab.results.export.TableWriter;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoreException;
import org.driftlab.results.store.SweepRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code driftlab sweeps STORE}: the sweeps a results store holds (name, when begun, driftlab version, swept
 * keys, runs stored of planned, conditions), with {@code --configs} each one's config text; and the rule by
 * which {@code report} and {@code export} pick one ({@link #select}). Bad input is one line, exit code 2.
 */
@Command(
        name = "sweeps",
        mixinStandardHelpOptions = true,
        description = "List the sweeps in a results store: name, date, driftlab version, swept keys, runs stored "
                + "of planned and conditions (report and export take one with --sweep NAME).")
public final class SweepsCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "STORE",
            description = "The results store, e.g. results/reset-vs-hazard.duckdb.")
    Path store;

    @Option(names = "--configs", description = "Also print each sweep's config text, as it was when the sweep began.")
    boolean configs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ResultStore s = ResultStore.openReadOnly(store)) {
            List<SweepRecord> sweeps = s.sweeps();
            if (sweeps.isEmpty()) {
                out.println(store + ": no sweeps yet");
                out.flush();
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            for (SweepRecord r : sweeps) {
                rows.add(List.of(
                        r.name(),
                        WHEN.format(r.createdAt()),
                        r.version(),
                        String.join(", ", r.sweptKeys()),
                        Integer.toString(r.storedConditions()),
                        r.storedRuns() + "/" + r.plannedRuns(),
                        r.configSha256().substring(0, 12)));
            }
            out.print(TableWriter.render(
                    sweeps.size() + " sweep" + (sweeps.size() == 1 ? "" : "s") + " in " + store,
                    List.of("sweep", "begun", "version", "swept keys", "conditions", "runs", "config sha256"),
                    rows,
                    7,
                    TableFormat.TABLE));
            if (configs) {
                for (SweepRecord r : sweeps) {
                    out.println();
                    out.println("# ---- sweep " + r.name() + ", config sha256 " + r.configSha256());
                    out.print(r.configText().endsWith("\n") ? r.configText() : r.configText() + "\n");
                }
            }
            out.flush();
            return 0;
        } catch (StoreException e) {
            err.println("driftlab: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    /**
     * The sweep {@code report} and {@code export} work on: {@code requested} when the store holds a sweep of
     * that name, else the store's only sweep (null when it has none). IllegalArgumentException naming the
     * sweeps when {@code requested} names none of them, or when it is null and there are several.
     */
    static String select(ResultStore s, String requested) {
        List<String> names = new ArrayList<>();
        for (SweepRecord r : s.sweeps()) if (!names.contains(r.name())) names.add(r.name());
        if (requested != null) {
            if (names.contains(requested)) return requested;
            throw new IllegalArgumentException(
                    s.file() + ": no sweep '" + requested + "' (sweeps: " + String.join(", ", names) + ")");
        }
        if (names.size() > 1) {
            throw new IllegalArgumentException(s.file() + " holds " + names.size() + " sweeps ("
                    + String.join(", ", names) + "): choose one with --sweep NAME");
        }
        return names.isEmpty() ? null : names.get(0);
    }
}
