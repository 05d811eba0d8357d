package racetrace.search.explore;

import java.util.Arrays;

/**
 * What one worker owns: the fingerprints whose owner it is, its outboxes (two sets, by level
 * parity: one holds the level being expanded, the other the successors being made), and, during a
 * merge, the new states it keeps.
 */
final class Owner {
    final FingerprintSet seen = new FingerprintSet(64);
    /** out[parity][owner]: the successors this worker made for each owner. */
    final Outbox[][] out;
    // The level's new states this owner keeps, in key order: their keys, and where each is in the outboxes.
    long[] key = new long[16];
    int[] at = new int[16];
    byte[] fromWorker = new byte[16];
    /** Their sleep sets: those of the edges kept (of least key). */
    long[] sleep = new long[16];
    int size;
    long transitions;
    /** Invariant checks made since the last merge. */
    long checks;
    long deadlocks;
    long firstDeadlock = Long.MAX_VALUE;
    Failure failure;
    /** The outboxes' entries in key order (worker << 32 | place), filled by order(). */
    long[] seq = new long[16];
    /** Where the merge's cache warming adds what it read, so that the reads are not dropped. */
    long warm;

    Owner(int workers, int words, int width) {
        out = new Outbox[2][workers];
        for (int p = 0; p < 2; p++) {
            for (int w = 0; w < workers; w++) {
                out[p][w] = new Outbox(words, width);
            }
        }
    }

    void fail(Failure f) {
        if (failure == null || f.before(failure)) {
            failure = f;
        }
    }

    void keep(long k, int from, int index, long z) {
        if (size == key.length) {
            sleep = Arrays.copyOf(sleep, size * 2);
            key = Arrays.copyOf(key, size * 2);
            at = Arrays.copyOf(at, size * 2);
            fromWorker = Arrays.copyOf(fromWorker, size * 2);
        }
        key[size] = k;
        at[size] = index;
        fromWorker[size] = (byte) from;
        sleep[size] = z;
        size++;
    }

    /**
     * The entries of the outboxes addressed to this owner ({@code in[w]}: worker w's, each in key
     * order) merged in key order into {@link #seq}; how many.
     */
    int order(Outbox[] in) {
        int total = 0;
        for (Outbox b : in) {
            total += b.size;
        }
        if (seq.length < total) {
            seq = new long[Math.max(total, seq.length * 2)];
        }
        if (in.length == 1) {
            for (int k = 0; k < total; k++) {
                seq[k] = k;
            }
            return total;
        }
        int[] pos = new int[in.length];
        for (int j = 0; j < total; j++) {
            int from = -1;
            long best = Long.MAX_VALUE;
            for (int f = 0; f < in.length; f++) {
                if (pos[f] < in[f].size && in[f].key[pos[f]] < best) {
                    best = in[f].key[pos[f]];
                    from = f;
                }
            }
            seq[j] = (long) from << 32 | pos[from]++;
        }
        return total;
    }

    /** Bytes of this owner's arrays: its visited set, its outboxes, its merge lists. */
    long bytes() {
        long b = seen.bytes() + key.length * 21L + seq.length * 8L;
        for (Outbox[] set : out) {
            for (Outbox o : set) {
                b += o.bytes();
            }
        }
        return b;
    }
}
