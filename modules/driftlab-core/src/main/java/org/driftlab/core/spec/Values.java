package org.driftlab.core.spec;

import java.util.List;
import java.util.Map;

/**
 * The values of one variant's keys as read from a config (given or defaulted), by key name, for the function that
 * builds the variant's spec ({@link Variant#spec()}). Only keys the variant declares are present; an absent optional
 * key is null.
 */
public final class Values {
    private final String type;
    private final Map<String, Object> values;

    Values(String type, Map<String, Object> values) {
        this.type = type;
        this.values = values;
    }

    public double real(String key) {
        return (Double) get(key);
    }

    /** An optional real: null when absent. */
    public Double optionalReal(String key) {
        return (Double) get(key);
    }

    public long integer(String key) {
        return (Long) get(key);
    }

    public boolean bool(String key) {
        return (Boolean) get(key);
    }

    /** A choice or string. */
    public String text(String key) {
        return (String) get(key);
    }

    /** A list of reals: null when absent. */
    @SuppressWarnings("unchecked")
    public List<Double> reals(String key) {
        return (List<Double>) get(key);
    }

    private Object get(String key) {
        if (!values.containsKey(key)) throw new IllegalArgumentException("type " + type + " declares no key " + key);
        return values.get(key);
    }
}
