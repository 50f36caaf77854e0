package org.driftlab.results.store;

import java.nio.file.Path;
import org.driftlab.core.spec.RunSpec;
import org.driftlab.core.spec.SweepSpec;

/**
 * Child-JVM main for the crash test: writes the fixture sweep {@code hazardByReset("crash", seeds)} to the
 * store at args[0], skipping stored runs, printing "stored" after each acknowledged result, until killed.
 */
public final class CrashingWriter {
    private CrashingWriter() {}

    public static void main(String[] args) {
        SweepSpec sweep = StoreFixtures.hazardByReset("crash", Integer.parseInt(args[1]));
        try (ResultStore store = ResultStore.open(Path.of(args[0]))) {
            store.beginSweep(sweep);
            var done = store.storedRunIds(sweep);
            for (RunSpec r : sweep.runs()) {
                if (done.contains(r.runId())) continue;
                store.accept(r, StoreFixtures.resultFor(r));
                System.out.println("stored " + r.runId());
                System.out.flush();
            }
        }
        System.out.println("finished");
    }
}
