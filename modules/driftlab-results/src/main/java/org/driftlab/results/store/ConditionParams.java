package org.driftlab.results.store;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.driftlab.core.spec.SweptValue;

/**
 * A condition's parameters as typed leaves: every leaf of its resolved config by dotted path, sorted, each a
 * {@link Long} (integral number), {@link Double}, {@link Boolean} or {@link String} (strings, and lists as
 * JSON). The config is the condition's canonical resolved config (every default filled in) when the sweep
 * gives one, else its swept values, each read as HOCON (a hand-built sweep). Values keep the type the
 * config parser gives them: nothing is guessed from text.
 */
public final class ConditionParams {
    private ConditionParams() {}

    /** The leaves of a canonical resolved config (JSON). IllegalArgumentException when it does not parse. */
    public static Map<String, Object> ofConfig(String canonicalJson) {
        try {
            Map<String, Object> out = new TreeMap<>();
            flatten("", ConfigFactory.parseString(canonicalJson).root(), out);
            return out;
        } catch (ConfigException e) {
            throw new IllegalArgumentException("not a resolved config: " + e.getMessage(), e);
        }
    }

    /** The leaves of the swept values alone (in sweep order; a value that is not HOCON is kept as text). */
    public static Map<String, Object> ofSwept(List<SweptValue> swept) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SweptValue v : swept) {
            ConfigValue value;
            try {
                value = ConfigFactory.parseString("v = " + v.value()).root().get("v");
            } catch (ConfigException e) {
                out.put(v.key(), v.value());
                continue;
            }
            if (value instanceof ConfigObject o) flatten(v.key() + ".", o, out);
            else out.put(v.key(), leaf(value));
        }
        return out;
    }

    private static void flatten(String prefix, ConfigObject object, Map<String, Object> out) {
        for (Map.Entry<String, ConfigValue> e : new TreeMap<>(object).entrySet()) {
            String path = prefix + e.getKey();
            if (e.getValue() instanceof ConfigObject o) flatten(path + ".", o, out);
            else out.put(path, leaf(e.getValue()));
        }
    }

    private static Object leaf(ConfigValue value) {
        Object v = value.unwrapped();
        if (value.valueType() == ConfigValueType.NUMBER) {
            Number n = (Number) v;
            return n instanceof Integer || n instanceof Long ? (Object) n.longValue() : (Object) n.doubleValue();
        }
        if (value.valueType() == ConfigValueType.LIST) return value.render(ConfigRenderOptions.concise());
        if (value.valueType() == ConfigValueType.NULL) return null;
        return v;
    }

    /** A number as text without a needless ".0" or exponent (0.001, 1, 2.5e-7 as 2.5E-7). */
    public static String render(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toString();
    }
}
