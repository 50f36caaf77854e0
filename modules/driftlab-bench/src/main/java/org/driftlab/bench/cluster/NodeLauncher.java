package org.driftlab.bench.cluster;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start one worker node in a new JVM: {@code javaBinary jvmOptions -cp classPath mainClass leadingArgs
 * --port P --seed HOST:PORT}, where {@code mainClass leadingArgs} is a command that accepts the {@code --port}
 * and {@code --seed} flags of {@code driftlab node} (e.g. {@code org.driftlab.cli.DriftlabCommand node}),
 * prints to stdout and blocks until SIGTERM makes it leave the cluster. Immutable; the lists are copied.
 *
 * @param javaBinary  the {@code java} executable (an absolute path: children must run the same JVM)
 * @param jvmOptions  options before {@code -cp} (heap, GC, {@code -D} settings of the worker nodes)
 * @param classPath   class path entries, absolute (the children run in their own working directories)
 * @param mainClass   fully qualified main class
 * @param leadingArgs arguments before {@code --port} (e.g. the subcommand {@code node})
 */
public record NodeLauncher(String javaBinary, List<String> jvmOptions, List<String> classPath, String mainClass,
                           List<String> leadingArgs) {
    public NodeLauncher {
        if (javaBinary == null || javaBinary.isBlank()) throw new IllegalArgumentException("javaBinary must be given, got '" + javaBinary + "'");
        if (classPath == null || classPath.isEmpty()) throw new IllegalArgumentException("classPath must name at least one entry");
        if (mainClass == null || mainClass.isBlank()) throw new IllegalArgumentException("mainClass must be given, got '" + mainClass + "'");
        jvmOptions = List.copyOf(jvmOptions);
        classPath = List.copyOf(classPath);
        leadingArgs = List.copyOf(leadingArgs);
        for (String o : jvmOptions) {
            if (o.isBlank()) throw new IllegalArgumentException("jvmOptions must not hold blank entries, got " + jvmOptions);
        }
    }

    /**
     * A launcher for the JVM running this code: its java binary ({@code ProcessHandle.current().info().command()},
     * else {@code java.home/bin/java}) and its class path ({@code java.class.path}, each entry made absolute).
     */
    public static NodeLauncher ofThisJvm(String mainClass, List<String> leadingArgs, List<String> jvmOptions) {
        String javaBinary = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) cp.add(Path.of(entry).toAbsolutePath().toString());
        }
        return new NodeLauncher(javaBinary, jvmOptions, cp, mainClass, leadingArgs);
    }

    /** The command line of a node on 127.0.0.1:{@code port} joining through {@code seed} ("host:port"). A fresh list. */
    public List<String> command(int port, String seed) {
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be in [1, 65535], got " + port);
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classPath));
        cmd.add(mainClass);
        cmd.addAll(leadingArgs);
        cmd.addAll(List.of("--port", String.valueOf(port), "--host", "127.0.0.1", "--seed", seed));
        return cmd;
    }
}
