package org.driftlab.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.random.SeedStreams;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SwitchingProcess} keeps (STYLE C5), run through a quadratic stream that owns the
 * process's state; one subclass per switching spec adds its own cases.
 */
abstract class SwitchingProcessContract {
    static final int STEPS = 400;

    abstract SwitchSpec spec();

    QuadraticStream stream(long seed) {
        QuadraticStreamSpec q = new QuadraticStreamSpec(
                3, SpectrumSpec.logSpaced(0.5, 2.0), false, 0.1, new PriorSpec(0.5, 1.0), null, List.of(), spec());
        return new QuadraticStream(q, SeedStreams.of(7, seed));
    }

    /** Per step: whether the task switched, the task id and the optimum. */
    static List<Object> trace(TaskStream stream, int steps) {
        List<Object> out = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            out.add(stream.advance());
            out.add(stream.task());
            out.add(List.of(stream.optimum()[0], stream.optimum()[1], stream.optimum()[2]));
        }
        return out;
    }

    @Test
    void neverSwitchesBeforeStepZeroAndOnlyChangesTheTaskOnASwitch() {
        TaskStream s = stream(1);
        assertThat(s.advance()).isFalse();
        int task = s.task();
        double[] optimum = s.optimum().clone();
        for (int t = 1; t < STEPS; t++) {
            boolean switched = s.advance();
            if (!switched) {
                assertThat(s.task()).as("step %d", t).isEqualTo(task);
                if (!s.spec().switching().newProcess().movesOptimum())
                    assertThat(s.optimum()).as("step %d", t).containsExactly(optimum);
            } else {
                assertThat(s.task()).as("step %d", t).isNotEqualTo(task);
            }
            task = s.task();
            optimum = s.optimum().clone();
        }
    }

    @Test
    void theSameSeedsGiveTheSameSwitchesAndATwinContinuesExactly() {
        assertThat(trace(stream(3), STEPS)).isEqualTo(trace(stream(3), STEPS));
        TaskStream a = stream(4);
        trace(a, STEPS / 2);
        TaskStream twin = a.twin();
        assertThat(trace(twin, STEPS / 2)).isEqualTo(trace(a, STEPS / 2));
    }

    @Test
    void recurringTasksAreTheProcessesOwn() {
        assertThat(stream(1).recurringTasks()).isEqualTo(spec().newProcess().recurringTasks());
    }
}
