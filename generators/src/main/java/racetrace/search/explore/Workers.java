package racetrace.search.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import racetrace.search.Parallel;

/**
 * The threads of one search: a piece of work runs once per worker, on a pool of daemon threads, or
 * (one worker, or a level too small to share) as each worker in turn on the calling thread.
 */
final class Workers implements AutoCloseable {

    interface Work {
        void run(int worker);
    }

    private final int count;
    private final ExecutorService pool;

    Workers(int count) {
        this.count = count;
        this.pool = count > 1 ? Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "racetrace-explorer");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Whether there is more than one thread to run on. */
    boolean parallel() {
        return pool != null;
    }

    /** Runs {@code work} on every worker: on the pool when {@code parallel}, else in turn on this thread. */
    void run(boolean parallel, Work work) {
        if (pool == null || !parallel) {
            for (int w = 0; w < count; w++) {
                work.run(w);
            }
            return;
        }
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            int me = w;
            fs.add(pool.submit(() -> work.run(me)));
        }
        // An interrupt of this thread (the heap guard's, or a caller's that no longer needs the
        // search) asks the search to stop: the workers see it between chunks and return, and the
        // explorer then says why it stopped ("interrupted"; the guard's callers name the heap), as
        // it does with one worker. So wait for them, with the interrupt kept where they look for
        // it, instead of leaving them running and reporting the stop as a failure.
        for (Future<?> f : fs) {
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    // A wait would end at once: yield until the worker has seen the interrupt.
                    while (!f.isDone()) {
                        Thread.yield();
                    }
                }
                try {
                    Parallel.get(f, "exploring");
                    break;
                } catch (IllegalStateException e) {
                    // Interrupted while waiting (Parallel.get keeps the interrupt): wait on as above.
                    if (!(e.getCause() instanceof InterruptedException)) {
                        throw e;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
