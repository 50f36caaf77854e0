package org.driftlab.bench.scale;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap while open: the largest heap occupancy reported after any garbage collection (the
 * sum over heap pools of {@code GcInfo.getMemoryUsageAfterGc()}), and the number of collections. Thread-safe;
 * the listener runs on the JVM's notification thread. {@link #close} removes the listeners.
 */
public final class HeapWatch implements AutoCloseable {
    private final Set<String> heapPools = new HashSet<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final AtomicLong peakAfterGc = new AtomicLong(-1);
    private final AtomicLong collections = new AtomicLong();
    private final NotificationListener listener = this::onNotification;

    private HeapWatch() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) heapPools.add(pool.getName());
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    /** Starts watching. */
    public static HeapWatch start() {
        return new HeapWatch();
    }

    private void onNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e :
                info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
        }
        collections.incrementAndGet();
        peakAfterGc.accumulateAndGet(used, Math::max);
    }

    /** The largest heap occupancy in bytes after a collection since {@link #start}, or −1 before the first. */
    public long peakAfterGcBytes() {
        return peakAfterGc.get();
    }

    /** Collections notified since {@link #start}. */
    public long collections() {
        return collections.get();
    }

    /** Clears the peak (e.g. after a warm-up phase). */
    public void resetPeak() {
        peakAfterGc.set(-1);
    }

    /**
     * Bytes of heap in use right after a full collection ({@code System.gc()}, twice so that objects freed by
     * finalisation or reference processing of the first are gone): the reachable heap, as closely as the JVM
     * tells it without a heap dump. Blocks for the collections (seconds on a large heap).
     */
    public static long liveBytes() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The heap's limit in bytes (-Xmx), as {@link Runtime#maxMemory()}. */
    public static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already removed: nothing to undo
            }
        }
        emitters.clear();
    }
}
