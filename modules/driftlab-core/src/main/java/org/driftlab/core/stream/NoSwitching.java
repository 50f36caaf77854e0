package org.driftlab.core.stream;

/** One task for the whole stream: never switches. */
final class NoSwitching implements SwitchingProcess {
    @Override
    public boolean beforeStep(long step, TaskStream stream) {
        return false;
    }
}
