package org.driftlab.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildJvmTest {
    /** The child of the tests: prints its -Xmx in MiB and its arguments, or runs out of heap when asked. */
    public static final class Child {
        public static void main(String[] args) {
            if (args.length > 0 && args[0].equals("exhaust")) {
                List<long[]> hog = new ArrayList<>();
                while (true) hog.add(new long[1 << 20]);
            }
            System.out.println("max " + Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.out.println(String.join(",", args));
            System.exit(7);
        }
    }

    @Test
    void heapSizesUseXmxSyntax() {
        assertThat(ChildJvm.checkHeap("--heap", "2g")).isEqualTo("2g");
        assertThat(ChildJvm.checkHeap("--heap", "1536m")).isEqualTo("1536m");
        for (String bad : new String[] {"", "0g", "2x", "g", "-1g", "2 g"}) {
            assertThatThrownBy(() -> ChildJvm.checkHeap("--heap", bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--heap").hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> ChildJvm.checkHeap("--heap", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCommandRunsThisClassPathWithTheHeap() {
        List<String> cmd = ChildJvm.command("2g", "a.Main", List.of("x", "y"));
        assertThat(cmd).contains("-Xmx2g", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"));
        assertThat(cmd.subList(cmd.size() - 3, cmd.size())).containsExactly("a.Main", "x", "y");
    }

    @Test
    void aChildGetsItsHeapAndItsOutputAndExitCodeComeBack() throws Exception {
        List<String> lines = new ArrayList<>();
        int code = ChildJvm.run("96m", Child.class.getName(), List.of("a", "b"), Duration.ofMinutes(1), lines::add);
        assertThat(code).isEqualTo(7);
        assertThat(lines).hasSize(2);
        assertThat(Long.parseLong(lines.get(0).substring(4))).isBetween(80L, 96L);
        assertThat(lines.get(1)).isEqualTo("a,b");
    }

    @Test
    void aChildThatRunsOutOfHeapExitsWithTheOutOfMemoryCode() throws Exception {
        int code = ChildJvm.run("32m", Child.class.getName(), List.of("exhaust"), Duration.ofMinutes(1), line -> { });
        assertThat(code).isEqualTo(ChildJvm.OUT_OF_MEMORY_EXIT);
    }
}
