package org.driftlab.core.stream;

import java.util.ArrayList;
import java.util.List;
import org.driftlab.core.check.Require;

/** Shared checks of the fields every {@link StreamSpec} has. */
final class StreamSpecs {
    private StreamSpecs() {}

    static List<List<Double>> checkedOptima(int dim, List<List<Double>> optima, SwitchSpec switching) {
        if (optima == null) return List.of();
        List<List<Double>> copy = new ArrayList<>(optima.size());
        for (int k = 0; k < optima.size(); k++) {
            List<Double> w =
                    Require.finiteListOrNull("optima[" + k + "]", Require.nonNull("optima[" + k + "]", optima.get(k)));
            Require.lengthIfPresent("optima[" + k + "]", w, dim);
            copy.add(w);
        }
        if (switching instanceof MarkovSwitchSpec markov && copy.size() > markov.tasks()) {
            throw new IllegalArgumentException(
                    "optima lists " + copy.size() + " tasks but switching.tasks is " + markov.tasks());
        }
        return List.copyOf(copy);
    }

    static List<Double> checkedInit(int dim, List<Double> init) {
        List<Double> copy = Require.finiteListOrNull("init", init);
        Require.lengthIfPresent("init", copy, dim);
        return copy;
    }
}
