package org.driftlab.core.belief;

/**
 * A test's stand-in for a task belief: it reports {@link #steps} observations and p_change = {@link #p} for every
 * window, which marking a reset clears; it keeps no run lengths (both 0). As it stands it reads one number per step
 * and only counts it; a subclass that reads more overrides {@link #observe} (and counts the step itself).
 */
public abstract class FakeBelief implements TaskBelief {
    /** Observations since the last {@link #reset()}. */
    protected long steps;
    /** The p_change reported until the next observation or reset mark. */
    protected double p;

    @Override
    public int width() {
        return 1;
    }

    @Override
    public void observe(double[] x, int offset) {
        steps++;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public int mapRunLength() {
        return 0;
    }

    @Override
    public double meanRunLength() {
        return 0;
    }

    @Override
    public double pChange(int window) {
        return p;
    }

    @Override
    public void markReset() {
        p = 0;
    }

    @Override
    public void reset() {
        steps = 0;
        p = 0;
    }
}
