package org.driftlab.core.stream;

/** One task for the whole stream. */
public record NoSwitchSpec() implements SwitchSpec {
    @Override
    public SwitchingProcess newProcess() {
        return new NoSwitching();
    }
}
