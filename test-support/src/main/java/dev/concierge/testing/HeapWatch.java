package dev.concierge.testing;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap through its garbage collections while open: the most it held at once, seen just before a
 * collection, which is what had to fit under {@code -Xmx}. (The collector lets the heap fill before it collects, so
 * this follows the limit; what code really needs shows when it still runs with a smaller {@code -Xmx}.)
 */
public final class HeapWatch implements AutoCloseable {
    private static final long MIB = 1024 * 1024;

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final AtomicLong maxBeforeGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;

    private HeapWatch() {}

    /** Starts watching after a full collection, so that earlier garbage does not count. */
    public static HeapWatch start() {
        System.gc();
        HeapWatch watch = new HeapWatch();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(watch.listener, null, null);
                watch.emitters.add(emitter);
            }
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        watch.maxBeforeGc.set(used);
        return watch;
    }

    private void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        maxBeforeGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        collections.incrementAndGet();
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
    }

    /** The most the heap held at once, as seen before a collection, in MiB. */
    public long peakMiB() {
        return Math.max(
                        maxBeforeGc.get(),
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())
                / MIB;
    }

    public long collections() {
        return collections.get();
    }

    /** The heap limit ({@code -Xmx}), in MiB. */
    public static long maxMiB() {
        return Runtime.getRuntime().maxMemory() / MIB;
    }

    @Override
    public String toString() {
        return "peak heap " + peakMiB() + " MiB of " + maxMiB() + " MiB (" + collections() + " GCs)";
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
