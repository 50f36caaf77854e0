package org.driftlab.core.reset;

import org.driftlab.core.check.Require;

/**
 * Self-normalized resets (Farias &amp; Jozefiak, ICLR 2025) for MLP learners: a hidden unit is re-initialised when
 * the time since it last fired (h_j &gt; 0) is implausibly long for its own firing rate. Per unit, since its last
 * reset: n_j steps, f_j firings, a_j steps since the last firing; p̂_j = (f_j + 1)/(n_j − a_j + 2), the rate up
 * to the last firing (a unit that never fired has p̂ = 1/2 and is reset after a few idle steps). Under the null
 * "the unit still fires at rate p̂_j" the idle time is geometric, P(a ≥ k) = (1 − p̂_j)^k; the unit is reset
 * when (1 − p̂_j)^{a_j} &lt; 1 − {@code percentile}, i.e. its idle time passes the {@code percentile} quantile
 * of its own inter-firing time. The one parameter is that rejection percentile, in (0, 1).
 */
public record SelfNormalizedResetSpec(double percentile) implements ResetSpec {
    public SelfNormalizedResetSpec {
        Require.openUnit("percentile", percentile);
    }

    @Override
    public ResetPolicy newPolicy(ResetContext context) {
        return new SelfNormalizedResetPolicy(this, context);
    }
}
