package org.driftlab.cluster.wire;

import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Kryo's class resolver, except that every typed {@link ActorRef} implementation and every {@link List}
 * implementation share the registration of their interface (see the package doc). All other classes must
 * be registered exactly, so an unknown class is still rejected.
 */
final class WireClassResolver extends DefaultClassResolver {
    @Override
    @SuppressWarnings("rawtypes") // the overridden signature is raw
    public Registration getRegistration(Class type) {
        Registration exact = super.getRegistration(type);
        if (exact != null) return exact;
        if (ActorRef.class.isAssignableFrom(type)) return super.getRegistration(ActorRef.class);
        if (List.class.isAssignableFrom(type)) return super.getRegistration(List.class);
        return null;
    }
}
