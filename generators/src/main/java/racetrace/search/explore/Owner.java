package racetrace.search.explore;

import java.util.Arrays;

/** What one worker owns: its fingerprints, its outboxes, and the new states of the level it owns. */
final class Owner {
    final FingerprintTable seen = new FingerprintTable(1 << 12);
    final Outbox[] out;
    // The level's new states this owner keeps: where each is in the outboxes, and its smallest key.
    long[] key = new long[256];
    int[] at = new int[256];
    int size;
    long transitions;
    long deadlocks;
    long firstDeadlock = Long.MAX_VALUE;
    Failure failure;

    void fail(Failure f) {
        if (failure == null || f.order() < failure.order()) {
            failure = f;
        }
    }

    Owner(int workers, int words) {
        out = new Outbox[workers];
        for (int w = 0; w < workers; w++) {
            out[w] = new Outbox(words);
        }
    }

    void keep(long k, int from, int index) {
        if (size == key.length) {
            key = Arrays.copyOf(key, size * 2);
            at = Arrays.copyOf(at, size * 2);
        }
        key[size] = k;
        // which outbox (by the worker that made it) and where in it
        at[size] = index;
        from(size, from);
        size++;
    }

    byte[] fromWorker = new byte[256];

    private void from(int i, int w) {
        if (i >= fromWorker.length) {
            fromWorker = Arrays.copyOf(fromWorker, Math.max(i + 1, fromWorker.length * 2));
        }
        fromWorker[i] = (byte) w;
    }
}
