package racetrace.search;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Stops the searches of guarded threads when the heap runs short, before Java runs out of it.
 * After a full garbage collection that leaves more than {@link #LIMIT} of the largest heap live,
 * every thread inside {@link #enter()} is interrupted, and its exploration stops there as not
 * explored to the end (the explorer checks its caller's interruption between chunks of states, so
 * a level far past the state cap cannot fill the heap first). The heap is then a cap like the
 * clock: what it cuts backs no held verdict, and no finding already taken is lost to an
 * out-of-memory error.
 *
 * <p>Only a full collection says how much is live: after a young one the old generation still
 * holds whatever died since it was last collected, so a JVM that ran other work first (a test
 * suite, earlier instances of {@code hunt --all}) looks full when it is not. A young collection
 * past the limit therefore asks for a full one, on a thread of the guard's own, and only the full
 * collection's result stops searches.
 *
 * <p>A state cap bounds memory only between the levels of a breadth-first search (one level of a
 * 100-thread scenario can hold a hundred times the states of the last), so the heap itself is
 * watched. The searches running when the heap runs short share it, and all of them stop: which one
 * holds most of it is not known.
 */
public final class HeapGuard {

    /** The share of the largest heap live after a collection past which guarded searches stop. */
    public static final double LIMIT = 0.7;

    private static final Map<Thread, Entry> GUARDED = new ConcurrentHashMap<>();
    private static boolean installed;
    private static Set<String> heapPools = Set.of();
    /** A full collection asked for and not done yet: young collections past the limit ask once. */
    private static final AtomicBoolean FULL_REQUESTED = new AtomicBoolean();

    private HeapGuard() {
    }

    /** One guarded stretch of a thread's work; closing it clears the interruption the guard made. */
    public static final class Entry implements AutoCloseable {
        private final Thread thread;
        private volatile boolean stopped;
        private boolean closed;

        private Entry(Thread thread) {
            this.thread = thread;
        }

        /** Whether the guard interrupted the thread because the heap ran short. */
        public boolean stopped() {
            return stopped;
        }

        /** Interrupts the thread unless the entry is closed (so no interruption outlives it). */
        private synchronized void stop() {
            if (!closed) {
                stopped = true;
                thread.interrupt();
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            GUARDED.remove(thread, this);
            if (stopped) {
                Thread.interrupted();
            }
        }
    }

    /** Guards the calling thread's work until the entry is closed (try-with-resources). */
    public static Entry enter() {
        install();
        Entry e = new Entry(Thread.currentThread());
        GUARDED.put(e.thread, e);
        return e;
    }

    /** What a search the guard stopped says of itself. */
    public static String reason() {
        return "the heap ran short (more than " + Math.round(LIMIT * 100) + "% of the Java heap of "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB in use after a collection); give Java "
                + "more heap, e.g. RACETRACE_JAVA_OPTS=-Xmx8g";
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(HeapGuard::collected, null, null);
            }
        }
    }

    private static void collected(Notification n, Object handback) {
        if (GUARDED.isEmpty() || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        if (used <= LIMIT * Runtime.getRuntime().maxMemory()) {
            return;
        }
        if (info.getGcAction().contains("major")) {
            GUARDED.values().forEach(Entry::stop);
        } else if (FULL_REQUESTED.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    System.gc();
                } finally {
                    FULL_REQUESTED.set(false);
                }
            }, "racetrace-heap-guard");
            t.setDaemon(true);
            t.start();
        }
    }
}
