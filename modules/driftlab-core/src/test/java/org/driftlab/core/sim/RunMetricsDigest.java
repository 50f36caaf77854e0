package org.driftlab.core.sim;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.driftlab.core.metrics.RunMetrics;

/**
 * Prints the SHA-256 of a canonical binary form of the metrics of {@link SimulationTest#crossJvmSpec()}:
 * the child-JVM side of the determinism test (one line {@code digest=<hex>}; jblas may log other lines).
 * Every double is taken by its raw bits.
 */
public final class RunMetricsDigest {
    private RunMetricsDigest() {}

    public static void main(String[] args) {
        System.out.println("digest="
                + digest(Simulation.run(SimulationTest.crossJvmSpec(), Integer.parseInt(args[0]))
                        .metrics()));
    }

    static String digest(RunMetrics m) {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        b.putLong(m.steps())
                .putDouble(m.meanLoss())
                .putDouble(m.meanExcessLoss())
                .putDouble(m.objective());
        b.putInt(m.switches()).putInt(m.resets()).putInt(m.detections()).putDouble(m.meanDetectionDelay());
        b.putInt(m.falseAlarms()).putInt(m.missedSwitches()).putDouble(m.finalDistance());
        b.put((byte) (m.diverged() ? 1 : 0)).putLong(m.divergedAtStep());
        for (double[] a : new double[][] {m.binnedLoss(), m.binnedExcessLoss(), m.alignedExcessLoss()}) {
            b.putInt(a.length);
            for (double v : a) b.putLong(Double.doubleToRawLongBits(v));
        }
        for (long[] a : new long[][] {m.switchSteps(), m.resetSteps()}) {
            b.putInt(a.length);
            for (long v : a) b.putLong(v);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(b.array(), 0, b.position());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
