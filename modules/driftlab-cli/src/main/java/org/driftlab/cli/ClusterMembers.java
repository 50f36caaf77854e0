package org.driftlab.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;

/** The members of the cluster as one node sees them, for the live view. */
final class ClusterMembers {
    private ClusterMembers() {}

    /** "127.0.0.1:25520 Up [worker]" per member, in address order; the cluster's current state, read without blocking. */
    static List<String> of(ActorSystem<?> system) {
        List<String> out = new ArrayList<>();
        for (Member m : Cluster.get(system).state().getMembers()) {
            List<String> roles = new ArrayList<>(m.getRoles());
            roles.removeIf(r -> r.startsWith("dc-")); // Pekko's data-centre role, the same on every member
            roles.sort(null);
            String at = m.address().getHost().isPresent()
                            && m.address().getPort().isPresent()
                    ? m.address().getHost().get() + ":" + m.address().getPort().get()
                    : m.address().hostPort();
            out.add(at + " " + m.status() + " " + roles);
        }
        return out;
    }
}
