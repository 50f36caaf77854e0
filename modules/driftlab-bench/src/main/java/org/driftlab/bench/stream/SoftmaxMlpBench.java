package org.driftlab.bench.stream;

import java.util.concurrent.TimeUnit;
import org.driftlab.core.data.MnistDigits;
import org.driftlab.core.random.SeedStreams;
import org.driftlab.core.stream.Activation;
import org.driftlab.core.stream.SoftmaxMlp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One online SGD step of the MNIST learner at batch 1 (issue 17, Performance): {@link SoftmaxMlp#gradient} on a
 * real digit (784 inputs scaled to [0, 1]) and θ −= 0.03·g, for 784-{hidden}-10 ReLU with Kaiming-uniform θ.
 * Examples per second = 10⁹ / (ns per op). The digits cycle through the first 256 of the copy; the label is the
 * digit's own, so the net trains as it is measured, as it would in a run. {@code forward} is the prediction alone
 * (what held-out accuracy costs per example).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SoftmaxMlpBench {
    @Param({"100,100", "100"})
    String hidden;

    SoftmaxMlp net;
    double[] theta;
    double[] g;
    double[][] xs;
    int[] ys;
    int next;

    @Setup(Level.Trial)
    public void build() {
        String[] parts = hidden.split(",");
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) widths[i] = Integer.parseInt(parts[i]);
        net = new SoftmaxMlp(MnistDigits.PIXELS, widths, 10, Activation.RELU);
        theta = new double[net.dim()];
        g = new double[net.dim()];
        net.kaimingUniform(SeedStreams.of(1, 0).stream("INIT"), theta);
        MnistDigits d = MnistDigits.load();
        xs = new double[256][MnistDigits.PIXELS];
        ys = new int[256];
        for (int i = 0; i < xs.length; i++) {
            int digit = i * (d.size() / xs.length);
            d.copyScaled(digit, null, xs[i]);
            ys[i] = d.label(digit);
        }
    }

    @Benchmark
    public double sgdStep() {
        int k = next++ & 255;
        double loss = net.gradient(theta, xs[k], ys[k], g);
        for (int i = 0; i < theta.length; i++) theta[i] -= 0.03 * g[i];
        return loss;
    }

    @Benchmark
    public int forward() {
        int k = next++ & 255;
        return net.forward(theta, xs[k]);
    }
}
