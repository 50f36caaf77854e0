package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StoreFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input over every command, one table row each: a wrong flag, a missing, unreadable or mistyped file, a
 * malformed config, CSV or store. Every row must give exit code 2, a message on stderr that names what is
 * wrong (the file, key, row or option), no stack trace, and leave the working directory exactly as it was
 * (no output file, no partial store, no temporary file).
 *
 * <p>Rows whose fixture is an unreadable file (mode 000) are skipped when the file stays readable, which is
 * the case when the tests run as root (root ignores permission bits).
 */
class BadInputTest {
    /** Marks where the test's temporary directory goes in the arguments. */
    private static final String D = "@";

    private static final String GOOD_CONFIG =
            """
            steps = 50
            seeds = 2
            stream {
              type = quadratic
              dim = 2
              gradient-noise = 0.1
              switching { type = hazard, hazard = 0.05 }
            }
            rule { type = sgd, lr = 0.1 }
            belief { type = bocpd, hazard = 0.05 }
            reset = belief-threshold
            """;

    @TempDir
    Path dir;

    /** Creates the files a row needs in the test directory. */
    @FunctionalInterface
    interface Fixture {
        void make(Path dir) throws IOException;
    }

    /**
     * One row: {@code args} (with {@value #D} standing for the test directory), the fragments stderr must
     * contain, and how many lines stderr may have (usage errors add a "Try ... --help" hint line; a config
     * with several problems has a header line and one line per problem).
     */
    record Row(
            String name,
            Fixture fixture,
            List<String> args,
            List<String> expected,
            int maxLines,
            boolean needsUnreadable) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Row row(String name, Fixture fixture, String args, String... expected) {
        return new Row(name, fixture, List.of(args.split(" ")), List.of(expected), 1, false);
    }

    private static Row usage(String name, Fixture fixture, String args, String... expected) {
        return new Row(name, fixture, List.of(args.split(" ")), List.of(expected), 3, false);
    }

    private static Row unreadable(String name, Fixture fixture, String args, String... expected) {
        return new Row(name, fixture, List.of(args.split(" ")), List.of(expected), 1, true);
    }

    private static Row lines(int maxLines, String name, Fixture fixture, String args, String... expected) {
        return new Row(name, fixture, List.of(args.split(" ")), List.of(expected), maxLines, false);
    }

    private static Fixture nothing() {
        return d -> {};
    }

    private static Fixture file(String name, String text) {
        return d -> Files.writeString(d.resolve(name), text);
    }

    private static Fixture bytes(String name, byte[] content) {
        return d -> Files.write(d.resolve(name), content);
    }

    private static Fixture both(Fixture a, Fixture b) {
        return d -> {
            a.make(d);
            b.make(d);
        };
    }

    private static Fixture directory(String name) {
        return d -> Files.createDirectories(d.resolve(name));
    }

    private static Fixture config(String text) {
        return file("exp.conf", text);
    }

    private static Fixture csv(String text) {
        return file("s.csv", text);
    }

    private static Fixture store() {
        return d -> {
            try (ResultStore s = ResultStore.open(d.resolve("sweep.duckdb"))) {
                StoreFixtures.writeAll(s, StoreFixtures.hazardByReset("sweep", 2), -1);
            }
        };
    }

    private static Fixture emptyStore() {
        return d -> {
            try (ResultStore s = ResultStore.open(d.resolve("sweep.duckdb"))) {
                s.beginSweep(StoreFixtures.hazardByReset("sweep", 1));
            }
        };
    }

    /** A valid store cut to its first half: what a full disk or a copy interrupted midway leaves. */
    private static Fixture truncatedStore() {
        return d -> {
            store().make(d);
            Path f = d.resolve("sweep.duckdb");
            byte[] all = Files.readAllBytes(f);
            Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        };
    }

    private static Fixture symlink(String link, String target) {
        return d -> Files.createSymbolicLink(d.resolve(link), d.resolve(target));
    }

    private static Fixture hardLink(String link, String existing) {
        return d -> Files.createLink(d.resolve(link), d.resolve(existing));
    }

    private static Fixture copy(String from, String to) {
        return d -> Files.copy(d.resolve(from), d.resolve(to));
    }

    private static Fixture all(Fixture... fixtures) {
        return d -> {
            for (Fixture f : fixtures) f.make(d);
        };
    }

    private static Fixture unreadableFile(String name, String text) {
        return d -> {
            Path f = Files.writeString(d.resolve(name), text);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        };
    }

    private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28, 'a', '=', '1', '\n', (byte) 0xFF, (byte) 0xFE};

    static Stream<Row> rows() {
        String trace = "trace --config " + D + "/exp.conf --out " + D + "/trace.csv";
        String belief = "--model gaussian --hazard 0.01 --out " + D + "/b.csv";
        String beliefIn = "belief --input " + D + "/s.csv " + belief;
        String report = " --out " + D + "/plots";
        return Stream.of(
                // the top command
                usage("unknown top option", nothing(), "--bogus", "Unknown option: '--bogus'"),
                usage("unknown command", nothing(), "frobnicate", "'frobnicate'"),
                // trace: flags
                usage("trace without --config", nothing(), "trace --out " + D + "/trace.csv", "--config"),
                usage("trace --steps not a number", config(GOOD_CONFIG), trace + " --steps many", "--steps", "many"),
                usage("trace --steps 0", config(GOOD_CONFIG), trace + " --steps 0", "--steps must be >= 1, got 0"),
                usage("trace --run negative", config(GOOD_CONFIG), trace + " --run -1", "--run must be >= 0, got -1"),
                row(
                        "trace --steps beyond the config's",
                        config(GOOD_CONFIG),
                        trace + " --steps 51",
                        "--steps 51 is beyond the run's 50 steps",
                        "exp.conf"),
                row(
                        "trace --run out of range",
                        config(GOOD_CONFIG),
                        trace + " --run 2",
                        "--run 2 is out of range",
                        "exp.conf has 2 runs"),
                // trace: files
                row("trace missing config", nothing(), trace, "file not found", "exp.conf"),
                row(
                        "trace config is a directory",
                        directory("exp.conf"),
                        trace,
                        "cannot read config",
                        "exp.conf",
                        "directory"),
                unreadable(
                        "trace unreadable config",
                        unreadableFile("exp.conf", GOOD_CONFIG),
                        trace,
                        "permission denied",
                        "exp.conf"),
                row("trace config not UTF-8", bytes("exp.conf", NOT_UTF8), trace, "exp.conf: not UTF-8 text"),
                row(
                        "trace --out is a directory",
                        both(config(GOOD_CONFIG), directory("trace.csv")),
                        trace,
                        "trace.csv",
                        "directory"),
                row(
                        "trace --out under a file",
                        both(config(GOOD_CONFIG), file("plain", "x")),
                        "trace --config " + D + "/exp.conf --out " + D + "/plain/trace.csv",
                        "plain",
                        "not a directory"),
                // trace: an output never replaces an input or a store
                row(
                        "trace --out is the config",
                        config(GOOD_CONFIG),
                        "trace --config " + D + "/exp.conf --out " + D + "/exp.conf",
                        "--out " + D + "/exp.conf is the config"),
                row(
                        "trace --out is the config by another spelling",
                        both(config(GOOD_CONFIG), directory("sub")),
                        "trace --config " + D + "/exp.conf --out " + D + "/sub/../exp.conf",
                        "is the config"),
                row(
                        "trace --out is a symlink to the config",
                        both(config(GOOD_CONFIG), symlink("link.csv", "exp.conf")),
                        "trace --config " + D + "/exp.conf --out " + D + "/link.csv",
                        "link.csv is the config"),
                row(
                        "trace --out is a hard link to the config",
                        both(config(GOOD_CONFIG), hardLink("hard.csv", "exp.conf")),
                        "trace --config " + D + "/exp.conf --out " + D + "/hard.csv",
                        "hard.csv is the config"),
                row(
                        "trace --out is a file the config includes",
                        both(config("include \"base.conf\"\n"), file("base.conf", GOOD_CONFIG)),
                        "trace --config " + D + "/exp.conf --out " + D + "/base.conf",
                        "base.conf is a file the config includes"),
                row(
                        "run --results is a file the config includes",
                        both(config("include \"base.conf\"\n"), file("base.conf", GOOD_CONFIG)),
                        "run " + D + "/exp.conf --results " + D + "/base.conf",
                        "base.conf is a file the config includes"),
                row(
                        "trace --out is a results store",
                        both(config(GOOD_CONFIG), store()),
                        "trace --config " + D + "/exp.conf --out " + D + "/sweep.duckdb",
                        "sweep.duckdb is a results store"),
                // trace: config contents
                lines(4, "empty config", config(""), trace, "the config has", "exp.conf", "steps", "stream", "rule"),
                row(
                        "HOCON syntax error",
                        config(GOOD_CONFIG.replace("rule { type = sgd, lr = 0.1 }", "rule { type = sgd, lr = 0.1")),
                        trace,
                        "exp.conf:12:",
                        "close"),
                row(
                        "HOCON unbalanced bracket",
                        config(GOOD_CONFIG + "sweep { \"rule.lr\" = [0.1, 0.2 }\n"),
                        trace,
                        "exp.conf:12",
                        "List should have ended"),
                row(
                        "unknown key",
                        config(GOOD_CONFIG.replace("lr = 0.1", "lr = 0.1, lrr = 2")),
                        trace,
                        "exp.conf:9: rule.lrr"),
                row(
                        "number given as text",
                        config(GOOD_CONFIG.replace("lr = 0.1", "lr = fast")),
                        trace,
                        "exp.conf:9: rule.lr",
                        "fast"),
                row(
                        "negative step size",
                        config(GOOD_CONFIG.replace("lr = 0.1", "lr = -0.1")),
                        trace,
                        "exp.conf:9: rule.lr: must be > 0, got -0.1"),
                row(
                        "huge step count",
                        config(GOOD_CONFIG.replace("steps = 50", "steps = 1e300")),
                        trace,
                        "exp.conf:1: steps"),
                row(
                        "unknown rule type",
                        config(GOOD_CONFIG.replace("type = sgd", "type = sgdd")),
                        trace,
                        "exp.conf:9: rule.type",
                        "sgdd"),
                row(
                        "hazard out of range",
                        config(GOOD_CONFIG.replace("hazard = 0.05 }\n}", "hazard = 1.5 }\n}")),
                        trace,
                        "exp.conf:7: stream.switching.hazard",
                        "1.5"),
                row(
                        "sweep of an unknown key",
                        config(GOOD_CONFIG + "sweep { \"rule.lx\" = [1, 2] }\n"),
                        trace,
                        "exp.conf:12: sweep.\"rule.lx\"",
                        "no such config key"),
                row(
                        "unresolved substitution",
                        config(GOOD_CONFIG.replace("hazard = 0.05 }\n", "hazard = ${nowhere} }\n")),
                        trace,
                        "exp.conf:7",
                        "${nowhere}"),
                // trace: includes are required, relative, acyclic
                row(
                        "include of a missing file",
                        config(GOOD_CONFIG + "include \"bsae.conf\"\n"),
                        trace,
                        "exp.conf:12: include \"bsae.conf\": no such file"),
                row(
                        "include of an unparsable file",
                        both(config(GOOD_CONFIG + "include \"base.conf\"\n"), file("base.conf", "rule {\n")),
                        trace,
                        "exp.conf:12: include \"base.conf\"",
                        "base.conf: 2"),
                row(
                        "include of an absolute path",
                        config(GOOD_CONFIG + "include file(\"/etc/passwd\")\n"),
                        trace,
                        "exp.conf:12: include \"/etc/passwd\": an absolute path",
                        "--any-include"),
                row(
                        "include of a url",
                        config(GOOD_CONFIG + "include url(\"http://example.invalid/x.conf\")\n"),
                        trace,
                        "exp.conf:12",
                        "a URL"),
                row(
                        "include of a classpath resource",
                        config(GOOD_CONFIG + "include classpath(\"reference.conf\")\n"),
                        trace,
                        "exp.conf:12",
                        "a classpath resource"),
                row(
                        "self-include",
                        config(GOOD_CONFIG + "include \"exp.conf\"\n"),
                        trace,
                        "exp.conf:12",
                        "an include cycle (exp.conf -> exp.conf)"),
                row(
                        "run: include of a missing file",
                        config(GOOD_CONFIG + "include \"bsae.conf\"\n"),
                        "run " + D + "/exp.conf --results " + D + "/r.duckdb",
                        "exp.conf:12: include \"bsae.conf\": no such file"),
                // belief: flags
                usage(
                        "belief without --hazard",
                        csv("x\n1\n"),
                        "belief --input " + D + "/s.csv --model gaussian",
                        "--hazard"),
                usage(
                        "belief --hazard not a number",
                        csv("x\n1\n"),
                        "belief --input " + D + "/s.csv --model gaussian --hazard high",
                        "--hazard",
                        "high"),
                row(
                        "belief --hazard out of range",
                        csv("x\n1\n"),
                        "belief --input " + D + "/s.csv --model gaussian --hazard 1.5 --out " + D + "/b.csv",
                        "hazard",
                        "1.5"),
                row(
                        "belief unknown model",
                        csv("x\n1\n"),
                        "belief --input " + D + "/s.csv --model poisson --hazard 0.1 --out " + D + "/b.csv",
                        "poisson"),
                // belief: files
                row("belief missing csv", nothing(), beliefIn, "file not found", "s.csv"),
                row("belief csv is a directory", directory("s.csv"), beliefIn, "s.csv", "directory"),
                unreadable(
                        "belief unreadable csv",
                        unreadableFile("s.csv", "x\n1\n"),
                        beliefIn,
                        "permission denied",
                        "s.csv"),
                row("belief csv not UTF-8", bytes("s.csv", NOT_UTF8), beliefIn, "s.csv: not UTF-8 text"),
                row(
                        "belief --out is a directory",
                        both(csv("x\n1\n"), directory("b.csv")),
                        beliefIn,
                        "b.csv",
                        "directory"),
                row(
                        "belief --out is the input",
                        csv("x\n1\n"),
                        "belief --input " + D + "/s.csv " + belief.replace("/b.csv", "/s.csv"),
                        "--out " + D + "/s.csv is the input series"),
                row(
                        "belief --out is a hard link to the input",
                        both(csv("x\n1\n"), hardLink("b.csv", "s.csv")),
                        beliefIn,
                        "b.csv is the input series"),
                row(
                        "belief --out is a symlink to a store",
                        all(csv("x\n1\n"), store(), symlink("b.csv", "sweep.duckdb")),
                        beliefIn,
                        "b.csv is a results store"),
                // belief: CSV contents
                row("empty csv", csv(""), beliefIn, "s.csv: empty file"),
                row("header only", csv("a,b\n"), beliefIn, "s.csv: no data rows"),
                row("ragged row", csv("a,b\n1,2\n3\n"), beliefIn, "s.csv line 3 (data row 2)", "expected 2 cells"),
                row(
                        "non-numeric cell",
                        csv("a,b\n1,2\n3,x4\n"),
                        beliefIn,
                        "s.csv line 3 (data row 2), column 'b'",
                        "x4"),
                row("NaN cell", csv("a\n1\nNaN\n"), beliefIn, "s.csv line 3 (data row 2), column 'a'", "finite"),
                row("infinite cell", csv("a\n1e999\n"), beliefIn, "s.csv line 2 (data row 1), column 'a'", "finite"),
                row(
                        "missing cell",
                        csv("a,b\n1,\n"),
                        beliefIn,
                        "s.csv line 2 (data row 1), column 'b'",
                        "missing value"),
                row("no header row", csv("1.5\n2\n3\n"), beliefIn, "s.csv line 1", "no header row", "'1.5'"),
                row("no header row, several columns", csv("1,2e-3,-4\n"), beliefIn, "s.csv line 1", "no header row"),
                row("duplicate header", csv("a,a\n1,2\n"), beliefIn, "s.csv line 1", "duplicate column name 'a'"),
                row("unterminated quote", csv("a\n\"1\n2\n"), beliefIn, "s.csv: malformed CSV"),
                // report
                usage("report without a store", nothing(), "report", "STORE"),
                row(
                        "report missing store",
                        nothing(),
                        "report " + D + "/sweep.duckdb" + report,
                        "sweep.duckdb",
                        "no results store here"),
                row(
                        "report store is a directory",
                        directory("sweep.duckdb"),
                        "report " + D + "/sweep.duckdb" + report,
                        "sweep.duckdb",
                        "is a directory"),
                unreadable(
                        "report unreadable store",
                        unreadableFile("sweep.duckdb", "x"),
                        "report " + D + "/sweep.duckdb" + report,
                        "sweep.duckdb"),
                row(
                        "report text file as store",
                        file("sweep.duckdb", "not a database\n".repeat(400)),
                        "report " + D + "/sweep.duckdb" + report,
                        "sweep.duckdb",
                        "not a DuckDB database file"),
                row(
                        "report empty file as store",
                        file("sweep.duckdb", ""),
                        "report " + D + "/sweep.duckdb" + report,
                        "sweep.duckdb"),
                row(
                        "report truncated store",
                        truncatedStore(),
                        "report " + D + "/sweep.duckdb" + report,
                        "sweep.duckdb"),
                row(
                        "report store without runs",
                        emptyStore(),
                        "report " + D + "/sweep.duckdb" + report,
                        "sweep.duckdb",
                        "no runs"),
                row(
                        "report unknown metric",
                        store(),
                        "report " + D + "/sweep.duckdb" + report + " --metric accuracy",
                        "accuracy"),
                row(
                        "report --out is a file",
                        both(store(), file("plots", "x")),
                        "report " + D + "/sweep.duckdb" + report,
                        "plots",
                        "not a directory"),
                // export
                usage("export without a store", nothing(), "export --format csv", "STORE"),
                row(
                        "export missing store",
                        nothing(),
                        "export " + D + "/sweep.duckdb",
                        "sweep.duckdb",
                        "no results store here"),
                row(
                        "export text file as store",
                        file("sweep.duckdb", "garbage\n".repeat(1000)),
                        "export " + D + "/sweep.duckdb",
                        "sweep.duckdb",
                        "not a DuckDB database file"),
                row(
                        "export truncated store",
                        truncatedStore(),
                        "export " + D + "/sweep.duckdb --out " + D + "/runs.csv",
                        "sweep.duckdb"),
                row("export unknown format", store(), "export " + D + "/sweep.duckdb --format xlsx", "--format 'xlsx'"),
                row(
                        "export unknown table",
                        store(),
                        "export " + D + "/sweep.duckdb --table sweeps",
                        "--table 'sweeps'"),
                row(
                        "export --out under a file",
                        both(store(), file("plain", "x")),
                        "export " + D + "/sweep.duckdb --out " + D + "/plain/runs.csv",
                        "plain",
                        "not a directory"),
                row(
                        "export --out is the store",
                        store(),
                        "export " + D + "/sweep.duckdb --out " + D + "/sweep.duckdb",
                        "--out " + D + "/sweep.duckdb is the store being exported"),
                row(
                        "export --out is a symlink to the store",
                        both(store(), symlink("runs.csv", "sweep.duckdb")),
                        "export " + D + "/sweep.duckdb --out " + D + "/runs.csv",
                        "runs.csv is the store being exported"),
                row(
                        "export --out is a hard link to the store",
                        both(store(), hardLink("runs.csv", "sweep.duckdb")),
                        "export " + D + "/sweep.duckdb --out " + D + "/runs.csv",
                        "runs.csv is the store being exported"),
                row(
                        "export --out is another store",
                        both(store(), copy("sweep.duckdb", "other.duckdb")),
                        "export " + D + "/sweep.duckdb --out " + D + "/other.duckdb",
                        "other.duckdb is a results store"),
                row(
                        "report --out is the store",
                        store(),
                        "report " + D + "/sweep.duckdb --out " + D + "/sweep.duckdb",
                        "sweep.duckdb",
                        "not a directory"),
                row(
                        "export --out is a directory",
                        both(store(), directory("runs.csv")),
                        "export " + D + "/sweep.duckdb --out " + D + "/runs.csv",
                        "runs.csv",
                        "directory"),
                // run, node, submit: checked before any actor system starts
                usage("run without a config", nothing(), "run --results " + D + "/r.duckdb", "CONFIG"),
                row("run missing config", nothing(), "run " + D + "/exp.conf --results " + D + "/r.duckdb", "exp.conf"),
                row(
                        "run bad config",
                        config(GOOD_CONFIG.replace("lr = 0.1", "lr = -0.1")),
                        "run " + D + "/exp.conf --results " + D + "/r.duckdb",
                        "exp.conf:9: rule.lr: must be > 0, got -0.1"),
                row(
                        "run config is a directory",
                        directory("exp.conf"),
                        "run " + D + "/exp.conf --results " + D + "/r.duckdb",
                        "exp.conf",
                        "directory"),
                row(
                        "run into a store that is not DuckDB",
                        both(config(GOOD_CONFIG), file("r.duckdb", "text\n".repeat(500))),
                        "run " + D + "/exp.conf --results " + D + "/r.duckdb",
                        "r.duckdb",
                        "not a DuckDB database file"),
                row(
                        "run into a directory as store",
                        both(config(GOOD_CONFIG), directory("r.duckdb")),
                        "run " + D + "/exp.conf --results " + D + "/r.duckdb",
                        "r.duckdb",
                        "directory"),
                row(
                        "run --results is the config",
                        config(GOOD_CONFIG),
                        "run " + D + "/exp.conf --results " + D + "/exp.conf",
                        "--results " + D + "/exp.conf is the config"),
                row(
                        "run --results is a symlink to the config",
                        both(config(GOOD_CONFIG), symlink("r.duckdb", "exp.conf")),
                        "run " + D + "/exp.conf --results " + D + "/r.duckdb",
                        "r.duckdb is the config"),
                usage("node without --port", nothing(), "node --seed 127.0.0.1:25520", "--port"),
                usage(
                        "node --port out of range",
                        nothing(),
                        "node --port 70000 --seed 127.0.0.1:25520",
                        "--port",
                        "70000"),
                usage(
                        "node --port not a number",
                        nothing(),
                        "node --port high --seed 127.0.0.1:25520",
                        "--port",
                        "high"),
                row("node malformed seed", nothing(), "node --port 0 --seed nowhere", "nowhere"),
                usage("submit without --contact", config(GOOD_CONFIG), "submit " + D + "/exp.conf", "--contact"),
                row(
                        "submit malformed contact",
                        config(GOOD_CONFIG),
                        "submit " + D + "/exp.conf --contact nohost --results " + D + "/r.duckdb",
                        "nohost"),
                row(
                        "submit missing config",
                        nothing(),
                        "submit " + D + "/exp.conf --contact 127.0.0.1:1 --results " + D + "/r.duckdb",
                        "exp.conf"),
                row(
                        "submit bad config",
                        config(GOOD_CONFIG.replace("type = sgd", "type = sgdd")),
                        "submit " + D + "/exp.conf --contact 127.0.0.1:1 --results " + D + "/r.duckdb",
                        "exp.conf:9: rule.type",
                        "sgdd"),
                row(
                        "submit --results is the config",
                        config(GOOD_CONFIG),
                        "submit " + D + "/exp.conf --contact 127.0.0.1:1 --results " + D + "/exp.conf",
                        "--results " + D + "/exp.conf is the config"),
                row(
                        "submit to an unknown host",
                        config(GOOD_CONFIG),
                        "submit " + D + "/exp.conf --contact nohost.invalid:25520 " + "--results " + D + "/r.duckdb",
                        "--contact",
                        "host 'nohost.invalid'"),
                row(
                        "submit from an unknown --host",
                        config(GOOD_CONFIG),
                        "submit " + D + "/exp.conf --contact 127.0.0.1:1 " + "--host nohost.invalid --results " + D
                                + "/r.duckdb",
                        "--host",
                        "host 'nohost.invalid'"),
                row(
                        "node with an unknown seed host",
                        nothing(),
                        "node --port 0 --seed nohost.invalid:25520",
                        "--seed",
                        "host 'nohost.invalid'"),
                usage(
                        "node --join-timeout negative",
                        nothing(),
                        "node --port 0 --seed 127.0.0.1:1 --join-timeout -1",
                        "--join-timeout must be >= 0"),
                usage(
                        "submit --workers 0",
                        config(GOOD_CONFIG),
                        "submit " + D + "/exp.conf --contact 127.0.0.1:1 --workers 0",
                        "--workers must be >= 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void exitsTwoWithAMessageAndWritesNothing(Row row) throws IOException {
        String command = row.args().get(0);
        Assumptions.assumeTrue(
                command.startsWith("-")
                        || !command.matches("run|node|submit")
                        || DriftlabCommand.newCommandLine().getSubcommands().containsKey(command),
                "the CLI has no '" + command + "' command yet (cluster CLI not merged)");
        row.fixture().make(dir);
        if (row.needsUnreadable()) {
            Assumptions.assumeFalse(anyReadable(dir), "running as root: permission bits do not stop reading");
        }
        TreeMap<String, String> before = snapshot(dir);
        List<String> args = new ArrayList<>();
        for (String a : row.args()) args.add(a.replace(D, dir.toString()));

        CliHarness h = CliHarness.installed();
        int code = h.run(args.toArray(String[]::new));

        String err = h.err.toString();
        assertThat(code).as(err).isEqualTo(ExitCodes.USAGE);
        assertThat(err).startsWith("driftlab: ").doesNotContain("\tat ").doesNotContain("internal error");
        for (String fragment : row.expected()) assertThat(err).contains(fragment.replace(D, dir.toString()));
        assertThat(err.lines().count()).as(err).isBetween(1L, (long) row.maxLines());
        assertThat(h.out.toString()).isEmpty();
        assertThat(snapshot(dir)).as("files after the command").isEqualTo(before);
    }

    /** True when some file in {@code d} is readable despite mode 000 (root ignores permission bits). */
    private static boolean anyReadable(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.anyMatch(Files::isReadable);
        }
    }

    /** Every path under {@code root}, with the size and modification time of each file. */
    private static TreeMap<String, String> snapshot(Path root) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    // a directory's time changes when a temporary file comes and goes: only what stays counts
                    out.put(
                            root.relativize(p).toString(),
                            a.isDirectory() ? "dir" : a.size() + " bytes @" + a.lastModifiedTime());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out;
    }
}
