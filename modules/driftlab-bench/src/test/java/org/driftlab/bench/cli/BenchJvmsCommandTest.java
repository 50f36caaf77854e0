package org.driftlab.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.driftlab.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchJvmsCommandTest {
    @Test
    void twoWorkerJvmsRunTheSweepAgreeWithTheCoreLoopAndAreGoneAfterwards(@TempDir Path logs) {
        BenchCli h = new BenchCli();
        int code = h.run(
                "jvms",
                "--workers",
                "2",
                "--learners",
                "4",
                "--steps",
                "200",
                "--warmup",
                "0",
                "--rounds",
                "1",
                "--worker-java-opts",
                "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
                "--log-dir",
                logs.toString());
        String out = h.out.toString();
        assertThat(code).as(h.err + out).isZero();
        int share = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        assertThat(out)
                .contains("cores each worker JVM sizes its thread pools for: 2 worker JVMs: " + share + " (its share");
        assertThat(out)
                .contains("child logs: " + logs.toAbsolutePath())
                .contains("this machine has ")
                .contains("not a speed-up")
                .contains("equal the in-process core loop's");
        Matcher runs = Pattern.compile("2 worker JVMs\\s+[0-9,]+ learner-steps/s .*runs per JVM: (\\d+),(\\d+);")
                .matcher(out);
        assertThat(runs.find()).as(out).isTrue();
        assertThat(Integer.parseInt(runs.group(1)) + Integer.parseInt(runs.group(2)))
                .isEqualTo(4);
        assertThat(logs.resolve("2-jvms").resolve("worker-2").resolve("node.out"))
                .exists();
        for (long pid : pids(out)) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("worker JVM %d alive", pid)
                    .isFalse();
        }
        assertThat(pids(out)).hasSize(2);
    }

    @Test
    void eachWorkerJvmGetsItsShareOfTheCoresUnlessTheUserSetsOneOrOptsOut() {
        List<String> user = List.of("-Xmx1g");
        assertThat(BenchJvmsCommand.workerOptions(user, 2, 1, true))
                .containsExactly("-Xmx1g", "-XX:ActiveProcessorCount=2");
        assertThat(BenchJvmsCommand.workerOptions(user, 2, 3, true))
                .containsExactly("-Xmx1g", "-XX:ActiveProcessorCount=1");
        assertThat(BenchJvmsCommand.workerOptions(user, 8, 3, true))
                .containsExactly("-Xmx1g", "-XX:ActiveProcessorCount=2");
        assertThat(BenchJvmsCommand.workerOptions(user, 2, 3, false)).containsExactly("-Xmx1g");
        List<String> own = List.of("-XX:ActiveProcessorCount=4", "-Xmx1g");
        assertThat(BenchJvmsCommand.workerOptions(own, 2, 3, true)).isEqualTo(own);
    }

    @Test
    void badArgumentsAreUsageErrorsNamingTheFlag() {
        assertUsage("--workers", "--workers", "0");
        assertUsage("--workers", "--workers", "17");
        assertUsage("--compare", "--compare", "3");
        assertUsage("--compare", "--compare", "3,3");
        assertUsage("--compare", "--compare", "0,3");
        assertUsage("exclude each other", "--compare", "1,3", "--workers", "3");
        assertUsage("--learners", "--learners", "0");
        assertUsage("--steps", "--steps", "0");
        assertUsage("--warmup", "--warmup", "-1");
        assertUsage("--rounds", "--rounds", "0");
        assertUsage("--start-timeout", "--start-timeout", "0");
        assertUsage("--workload", "--workload", "w9");
        assertUsage("--worker-java-opts", "--worker-java-opts", "Xmx1g");
        assertUsage("--worker-java-opts", "--worker-java-opts", "-Xmx1g -cp /tmp");
    }

    private static void assertUsage(String expected, String... args) {
        BenchCli h = new BenchCli();
        List<String> all = new ArrayList<>(List.of("jvms"));
        all.addAll(List.of(args));
        assertThat(h.run(all.toArray(String[]::new))).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
        assertThat(h.err.toString()).as(String.join(" ", args)).contains(expected);
        assertThat(h.out.toString())
                .as("nothing started for " + String.join(" ", args))
                .doesNotContain("child logs");
    }

    private static List<Long> pids(String out) {
        List<Long> pids = new ArrayList<>();
        Matcher m = Pattern.compile("\\(pids \\[([0-9, ]+)]\\)").matcher(out);
        while (m.find()) for (String p : m.group(1).split(",\\s*")) pids.add(Long.parseLong(p));
        return pids;
    }
}
