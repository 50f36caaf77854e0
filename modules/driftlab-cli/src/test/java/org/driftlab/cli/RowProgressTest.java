package org.driftlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RowProgressTest {
    @Test
    void passesEverythingThroughAndReportsRowsAtMostOncePerInterval() throws IOException {
        AtomicLong now = new AtomicLong();
        StringWriter target = new StringWriter();
        StringWriter err = new StringWriter();
        long second = 1_000_000_000L;
        try (RowProgress w =
                new RowProgress(target, new PrintWriter(err), "belief", "rows", 4095, 5 * second, now::get)) {
            w.write("t,x\n");
            for (int i = 1; i < 1024; i++) w.append(i + ",0.5\n");
            assertThat(err.toString()).as("quiet during the first interval").isEmpty();
            now.set(6 * second);
            for (int i = 1024; i < 2048; i++) w.append(i + ",0.5\n");
            assertThat(err.toString())
                    .isEqualTo("driftlab: belief: 2047/4095 rows (50%), ETA 0:06" + System.lineSeparator());
            for (int i = 2048; i < 3072; i++) w.append(i + ",0.5\n");
            assertThat(err.toString().lines())
                    .as("at most one line per interval")
                    .hasSize(1);
            now.set(12 * second);
            char[] row = "x,0.5\n".toCharArray();
            for (int i = 3072; i < 4096; i++) w.write(row, 0, row.length);
        }
        assertThat(target.toString().lines()).hasSize(4096).startsWith("t,x", "1,0.5");
        assertThat(err.toString().lines()).hasSize(2);
        assertThat(err.toString().lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("driftlab: belief: 4095/4095 rows (100%), ETA 0:00");
    }
}
