package racetrace.search.explore;

/**
 * The visited set of the breadth-first explorer: 64-bit fingerprints in one open-addressing
 * array of longs (linear probing, at most half full), nothing else per state. Fingerprint 0 is
 * stored as 1 (0 marks an empty slot); the collision this adds is as unlikely as any other.
 */
final class FingerprintSet {

    private long[] keys;
    private int size;
    private int mask;

    FingerprintSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** Bytes the set holds (its array). */
    long bytes() {
        return keys.length * 8L;
    }

    private static int home(long k, int mask) {
        return (int) (k ^ (k >>> 32)) & mask;
    }

    boolean contains(long fp) {
        long k = fp == 0 ? 1 : fp;
        long[] ks = keys;
        int m = mask;
        int i = home(k, m);
        while (true) {
            long at = ks[i];
            if (at == k) {
                return true;
            }
            if (at == 0) {
                return false;
            }
            i = (i + 1) & m;
        }
    }

    /**
     * The word at {@code fp}'s home slot: reading it for a run of fingerprints before adding them
     * lets the CPU fetch their cache lines in parallel (Java has no prefetch instruction).
     */
    long touch(long fp) {
        long k = fp == 0 ? 1 : fp;
        return keys[home(k, mask)];
    }

    /** Adds {@code fp}; whether it was new. */
    boolean add(long fp) {
        long k = fp == 0 ? 1 : fp;
        long[] ks = keys;
        int m = mask;
        int i = home(k, m);
        while (true) {
            long at = ks[i];
            if (at == 0) {
                ks[i] = k;
                if (++size * 2 > ks.length) {
                    grow();
                }
                return true;
            }
            if (at == k) {
                return false;
            }
            i = (i + 1) & m;
        }
    }

    /** Below this many slots the set grows fourfold: half the rehashing of small graphs, at most 8 MB more. */
    private static final int QUADRUPLE_BELOW = 1 << 20;

    private void grow() {
        long[] old = keys;
        long[] ks = new long[old.length < QUADRUPLE_BELOW ? old.length * 4 : old.length * 2];
        int m = ks.length - 1;
        for (long k : old) {
            if (k != 0) {
                int i = home(k, m);
                while (ks[i] != 0) {
                    i = (i + 1) & m;
                }
                ks[i] = k;
            }
        }
        keys = ks;
        mask = m;
    }
}
