package org.driftlab.cli;

import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.spec.ConditionLabels;
import org.driftlab.core.spec.SweptValue;
import org.driftlab.results.stats.ConditionStats;

/** How the plan and the live view name a condition. */
final class ConditionNames {
    private ConditionNames() {}

    /**
     * The condition's label when its config chose one ({@link ConditionLabels}), else its swept values as the
     * report renders them ({@code reset=oracle(target=prior-mean), lr=0.1}); an unswept config's single
     * condition is {@code (single condition)}.
     */
    static String of(List<SweptValue> params) {
        List<String> parts = new ArrayList<>();
        for (SweptValue v : params) {
            if (v.key().equals(ConditionLabels.KEY)) return v.value();
            parts.add(v.key() + "=" + ConditionStats.render(v.value()));
        }
        return parts.isEmpty() ? "(single condition)" : String.join(", ", parts);
    }
}
