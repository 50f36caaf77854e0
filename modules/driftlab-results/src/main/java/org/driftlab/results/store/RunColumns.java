package org.driftlab.results.store;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.driftlab.core.metrics.RunMetrics;

/**
 * The {@link RunMetrics} declaration as the store sees it: each scalar component is a {@code runs} column
 * (its name in snake case; long → BIGINT, int → INTEGER, double → DOUBLE with NaN as NULL, boolean →
 * BOOLEAN) and each array component a {@code curves} kind (the same snake-case name; a long[] is stored as
 * DOUBLE, exact below 2^53). DDL, inserts and reads all come from here, so adding a component to RunMetrics
 * adds its column (to existing stores too, NULL for the runs stored before it). Reflection over the record
 * is read once; reading values goes through method handles.
 */
final class RunColumns {
    /** A scalar component and its column. */
    record Scalar(String column, String sqlType, Class<?> type, MethodHandle getter) {
        /** The component's value in {@code m} as a JDBC array element (NaN as null). */
        Object valueOf(RunMetrics m) {
            Object v = invoke(getter, m);
            return v instanceof Double d && d.isNaN() ? null : v;
        }
    }

    /** An array component and its curve kind. */
    record Curve(String kind, boolean integral, MethodHandle getter) {
        /** The curve of {@code m} as doubles (a long[] converted; a double[] as it is, not copied). */
        double[] valuesOf(RunMetrics m) {
            Object v = invoke(getter, m);
            if (v instanceof double[] d) return d;
            long[] l = (long[]) v;
            double[] out = new double[l.length];
            for (int i = 0; i < l.length; i++) out[i] = l[i];
            return out;
        }
    }

    /** A {@code runs} column that is not a parameter: its name and SQL type. */
    record Column(String name, String sqlType) {}

    /** Columns of a run that are not metrics (its identity and where it ran), in table order. */
    static final List<Column> IDENTITY = List.of(
            new Column("run_id", "VARCHAR"),
            new Column("sweep", "VARCHAR"),
            new Column("condition_id", "VARCHAR"),
            new Column("seed", "INTEGER"),
            new Column("master_seed", "BIGINT"),
            new Column("node", "VARCHAR"),
            new Column("status", "VARCHAR"),
            new Column("wall_ms", "DOUBLE"));

    static final List<Scalar> SCALARS;
    static final List<Curve> CURVES;
    private static final Constructor<RunMetrics> CANONICAL;
    private static final Class<?>[] COMPONENT_TYPES;

    static {
        List<Scalar> scalars = new ArrayList<>();
        List<Curve> curves = new ArrayList<>();
        RecordComponent[] components = RunMetrics.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                String name = snakeCase(c.getName());
                MethodHandle getter = lookup.unreflect(c.getAccessor());
                if (c.getType().isArray()) curves.add(new Curve(name, c.getType() == long[].class, getter));
                else scalars.add(new Scalar(name, sqlType(c.getType()), c.getType(), getter));
            }
            CANONICAL = RunMetrics.class.getConstructor(types);
            COMPONENT_TYPES = types;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("RunMetrics is not a plain public record", e);
        }
        SCALARS = List.copyOf(scalars);
        CURVES = List.copyOf(curves);
    }

    private RunColumns() {}

    private static String sqlType(Class<?> type) {
        if (type == long.class) return "BIGINT";
        if (type == int.class) return "INTEGER";
        if (type == double.class) return "DOUBLE";
        if (type == boolean.class) return "BOOLEAN";
        throw new IllegalStateException("RunMetrics component of unsupported type " + type);
    }

    /** "meanExcessLoss" → "mean_excess_loss". */
    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) out.append('_').append(Character.toLowerCase(ch));
            else out.append(ch);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Every column of {@code runs} but the parameters: identity, then the metrics. */
    static List<Column> fixedColumns() {
        List<Column> out = new ArrayList<>(IDENTITY);
        for (Scalar s : SCALARS) out.add(new Column(s.column(), s.sqlType()));
        return out;
    }

    /**
     * A RunMetrics from its scalars (boxed, in {@link #SCALARS} order; null: NaN for a double, 0 or false for
     * others, i.e. a metric added after the run was stored) and its curves (in {@link #CURVES} order).
     */
    static RunMetrics construct(Object[] scalars, double[][] curves) {
        Object[] args = new Object[COMPONENT_TYPES.length];
        int s = 0;
        int c = 0;
        for (int i = 0; i < COMPONENT_TYPES.length; i++) {
            Class<?> t = COMPONENT_TYPES[i];
            if (t.isArray()) {
                double[] curve = curves[c++];
                if (t == long[].class) {
                    long[] l = new long[curve.length];
                    for (int j = 0; j < curve.length; j++) l[j] = (long) curve[j];
                    args[i] = l;
                } else {
                    args[i] = curve;
                }
            } else {
                args[i] = scalar(t, scalars[s++]);
            }
        }
        try {
            return CANONICAL.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a RunMetrics from stored values", e);
        }
    }

    private static Object scalar(Class<?> t, Object v) {
        if (t == double.class) return v == null ? Double.NaN : ((Number) v).doubleValue();
        if (t == long.class) return v == null ? 0L : ((Number) v).longValue();
        if (t == int.class) return v == null ? 0 : ((Number) v).intValue();
        return v != null && (Boolean) v;
    }

    private static Object invoke(MethodHandle getter, RunMetrics m) {
        try {
            return getter.invoke(m);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read a RunMetrics component", e);
        }
    }
}
