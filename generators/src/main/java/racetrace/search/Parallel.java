package racetrace.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Work spread over the machine's cores with results taken in a fixed order, so that the outcome
 * never depends on which core was faster. Units must be pure functions of their index or item:
 * models are shared between threads and must be immutable after construction.
 */
public final class Parallel {

    private Parallel() {
    }

    /** Every core the JVM may use. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@code f} over the items on {@code workers} threads; the results in item order. */
    public static <T, R> List<R> map(List<T> items, Function<T, R> f, int workers) {
        List<R> out = new ArrayList<>(items.size());
        ordered(i -> f.apply(items.get(i)), items.size(), workers, r -> {
            out.add(r);
            return true;
        });
        return out;
    }

    /**
     * Computes units 0, 1, 2, ... (fewer than {@code count}) on {@code workers} threads, a few
     * ahead of the consumer, and hands them to it in index order until it returns false. Units
     * computed ahead of a stop are dropped, so the consumer sees exactly what a single thread
     * would have given it.
     */
    public static <R> void ordered(IntFunction<R> unit, long count, int workers, Predicate<R> consumer) {
        int[] next = {0};
        run(() -> {
            if (next[0] >= count) {
                return null;
            }
            int index = next[0]++;
            return () -> unit.apply(index);
        }, workers, workers * 2, consumer);
    }

    /**
     * The same with tasks planned one by one on the calling thread, in order: {@code plan} gives
     * the next task, or null when there is none. Planning stays sequential (and so deterministic);
     * only the tasks run in parallel.
     */
    public static <R> void pipeline(Supplier<Supplier<R>> plan, int workers, Predicate<R> consumer) {
        // Far enough ahead that one slow unit does not leave the other cores idle.
        run(plan, workers, workers * 16, consumer);
    }

    /** Runs the planned tasks on {@code workers} threads, at most {@code ahead} of the consumer. */
    private static <R> void run(Supplier<Supplier<R>> plan, int workers, int ahead, Predicate<R> consumer) {
        if (workers <= 1) {
            for (Supplier<R> task = plan.get(); task != null; task = plan.get()) {
                if (!consumer.test(task.get())) {
                    return;
                }
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "racetrace-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<R>> pending = new ArrayDeque<>();
            boolean more = true;
            while (true) {
                while (more && pending.size() < ahead) {
                    Supplier<R> task = plan.get();
                    if (task == null) {
                        more = false;
                    } else {
                        pending.add(pool.submit(task::get));
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                if (!consumer.test(get(pending.poll()))) {
                    return;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R get(Future<R> f) {
        return get(f, "waiting for a search unit");
    }

    /**
     * The result of a task, with what it threw rethrown as it was (runtime exceptions and errors
     * unwrapped); an interruption of the waiting thread is kept and reported as "interrupted while
     * {@code what}".
     */
    public static <R> R get(Future<R> f, String what) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
