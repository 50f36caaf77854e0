package org.driftlab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The configs under configs/ keep their run ids, conditions and run order (pinned before the declared schema in
 * pinned-run-ids.tsv), so the stores of docs/ still resume. A config that was removed must have been replaced by one
 * whose runs are shown equal elsewhere ({@link ResetVsHazardZipTest}).
 */
class PinnedRunIdsTest {
    record Pin(String path, int runs, String digest) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Map<String, Pin> pins() throws IOException {
        return pins("pinned-run-ids.tsv");
    }

    /** The pins of a resource beside this class in the format of pinned-run-ids.tsv, by config path. */
    static Map<String, Pin> pins(String resource) throws IOException {
        Map<String, Pin> pins = new LinkedHashMap<>();
        try (InputStream in = PinnedRunIdsTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                pins.put(f[0], new Pin(f[0], Integer.parseInt(f[1]), f[2]));
            }
        }
        return pins;
    }

    static Stream<Pin> present() throws IOException {
        return pins().values().stream().filter(p -> Files.exists(ExampleConfigsTest.CONFIGS.resolve(p.path())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("present")
    void runIdsAndOrderAreAsPinned(Pin pin) {
        SweepSpec sweep = SweepLoader.load(ExampleConfigsTest.CONFIGS.resolve(pin.path()));
        assertThat(sweep.runs()).hasSize(pin.runs());
        assertThat(digest(sweep)).as("run ids of configs/" + pin.path()).isEqualTo(pin.digest());
    }

    @org.junit.jupiter.api.Test
    void onlyReplacedConfigsAreGone() throws IOException {
        assertThat(pins().values().stream()
                        .map(Pin::path)
                        .filter(p -> !Files.exists(ExampleConfigsTest.CONFIGS.resolve(p))))
                .containsExactlyInAnyOrderElementsOf(ResetVsHazardZipTest.REPLACED);
    }

    /** SHA-256 of the sweep's runs in order, one {@code runId conditionId seed} line each. */
    static String digest(SweepSpec sweep) {
        return digest(sweep.runs().stream().map(r -> r.runId() + " " + r.conditionId() + " " + r.seed()));
    }

    /** SHA-256 of {@code lines}, each followed by a newline. */
    static String digest(Stream<String> lines) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        lines.forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }
}
