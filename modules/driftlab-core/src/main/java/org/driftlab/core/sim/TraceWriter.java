package org.driftlab.core.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a run's per-step trace as CSV (RFC 4180, header first): columns
 * {@code step,time,task,loss,excess_loss,p_change,reset} and, when asked, {@code theta_0 … theta_{d−1}}
 * (θ after the step, see {@link StepObserver}). Numbers are written with {@link Double#toString}, the
 * shortest decimal that reads back to the same double (full precision); NaN as {@code NaN}; reset as
 * 0/1. I/O failures surface as {@link UncheckedIOException}. Does not close the target unless
 * {@link #close} is called.
 */
public final class TraceWriter implements StepObserver, AutoCloseable {
    private final CSVPrinter printer;
    private final int dim;
    private final boolean withTheta;
    private final Object[] row;

    /**
     * @param out       where the CSV goes
     * @param dim       d, the length of θ
     * @param withTheta whether to add the columns theta_0 … theta_{d−1}
     */
    public TraceWriter(Appendable out, int dim, boolean withTheta) {
        if (dim <= 0) throw new IllegalArgumentException("dim must be > 0, got " + dim);
        this.dim = dim;
        this.withTheta = withTheta;
        String[] header = new String[7 + (withTheta ? dim : 0)];
        String[] fixed = {"step", "time", "task", "loss", "excess_loss", "p_change", "reset"};
        System.arraycopy(fixed, 0, header, 0, fixed.length);
        for (int i = 0; withTheta && i < dim; i++) header[7 + i] = "theta_" + i;
        this.row = new Object[header.length];
        try {
            this.printer = new CSVPrinter(
                    out, CSVFormat.RFC4180.builder().setHeader(header).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onStep(
            long step,
            double time,
            int task,
            double loss,
            double excessLoss,
            double pChange,
            boolean reset,
            double[] theta) {
        if (withTheta && theta.length != dim)
            throw new IllegalArgumentException("theta must have length " + dim + ", got " + theta.length);
        row[0] = Long.toString(step);
        row[1] = Double.toString(time);
        row[2] = Integer.toString(task);
        row[3] = Double.toString(loss);
        row[4] = Double.toString(excessLoss);
        row[5] = Double.toString(pChange);
        row[6] = reset ? "1" : "0";
        for (int i = 0; withTheta && i < dim; i++) row[7 + i] = Double.toString(theta[i]);
        try {
            printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes the CSV to its target. */
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes and closes the target (when it is {@link java.io.Closeable}). */
    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
