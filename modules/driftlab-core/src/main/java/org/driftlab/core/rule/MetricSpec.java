package org.driftlab.core.rule;

import java.util.List;
import org.driftlab.core.check.Require;

/**
 * A metric G on parameter space. {@code kind}: identity; diagonal ({@code values} = the diagonal, length d);
 * dense ({@code values} = G row-major, d×d, symmetric positive-definite); hessian (the current task's
 * Hessian, needs task knowledge); gradient-outer (an exponential average of g gᵀ with factor {@code beta}).
 * Constant metrics (identity, diagonal, dense) are checked against the dimension in {@code newRule}.
 */
public record MetricSpec(Kind kind, List<Double> values, double beta) {
    public enum Kind {
        IDENTITY,
        DIAGONAL,
        DENSE,
        HESSIAN,
        GRADIENT_OUTER
    }

    public MetricSpec {
        Require.nonNull("metric.type", kind);
        values = Require.finiteListOrNull("metric.values", values);
        if ((kind == Kind.DIAGONAL || kind == Kind.DENSE) && (values == null || values.isEmpty())) {
            throw new IllegalArgumentException(
                    "metric.values must be given for a " + kind.name().toLowerCase() + " metric");
        }
        if (kind == Kind.DIAGONAL) {
            for (int i = 0; i < values.size(); i++) Require.positive("metric.values[" + i + "]", values.get(i));
        }
        if (kind == Kind.GRADIENT_OUTER) Require.openUnit("metric.beta", beta);
    }

    public static MetricSpec identity() {
        return new MetricSpec(Kind.IDENTITY, null, Double.NaN);
    }

    public boolean isConstant() {
        return kind == Kind.IDENTITY || kind == Kind.DIAGONAL || kind == Kind.DENSE;
    }
}
