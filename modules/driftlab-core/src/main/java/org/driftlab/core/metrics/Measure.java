package org.driftlab.core.metrics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a scalar {@link RunMetrics} component as a metric summarised across the seeds of a condition (report,
 * plots, statistics): its human label and its unit, e.g. {@code @Measure(label = "mean loss", unit = "loss")}.
 * Components without it are stored but not summarised. The component's name in snake case is its column in
 * the results store and its name on the command line.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Measure {
    /** What the metric is, in a few words ("mean excess loss"). */
    String label();

    /** Its unit for axis labels ("loss", "count", "steps"). */
    String unit();
}
