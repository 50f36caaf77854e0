package org.driftlab.core.spec;

import org.driftlab.core.check.Require;

/** One swept parameter of a condition: its config path and the value's canonical HOCON rendering. */
public record SweptValue(String key, String value) {
    public SweptValue {
        Require.nonNull("key", key);
        Require.nonNull("value", value);
    }
}
