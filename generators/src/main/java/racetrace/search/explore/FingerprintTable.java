package racetrace.search.explore;

import java.util.Arrays;

/**
 * An open-addressing map from 64-bit fingerprints to state numbers: the visited set of an
 * exhaustive search. Fingerprint 0 is stored as 1 (0 marks an empty slot); the collision this
 * adds is as unlikely as any other.
 */
final class FingerprintTable {

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    FingerprintTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** The number stored for {@code fp}, or -1. */
    int get(long fp) {
        long k = fp == 0 ? 1 : fp;
        int i = (int) (k ^ (k >>> 32)) & mask;
        while (true) {
            long at = keys[i];
            if (at == 0) {
                return -1;
            }
            if (at == k) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }

    /** Whether {@code fp} is present (reads the keys only). */
    boolean contains(long fp) {
        long k = fp == 0 ? 1 : fp;
        long[] ks = keys;
        int m = mask;
        int i = (int) (k ^ (k >>> 32)) & m;
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

    /** Stores {@code value} for {@code fp} unless present; returns the stored number, or -1 if it was new. */
    int putIfAbsent(long fp, int value) {
        long k = fp == 0 ? 1 : fp;
        int i = (int) (k ^ (k >>> 32)) & mask;
        while (true) {
            long at = keys[i];
            if (at == 0) {
                keys[i] = k;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return -1;
            }
            if (at == k) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != 0) {
                int i = (int) (k ^ (k >>> 32)) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
    }

    /** Growable int array, for parent links. */
    static final class Ints {
        private int[] a = new int[64];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int get(int i) {
            return a[i];
        }

        /** Makes room for {@code more} values and counts them in, returning the array to write them to (from the old size). */
        int[] extend(int more) {
            if (n + more > a.length) {
                a = Arrays.copyOf(a, Math.max(n + more, a.length * 2));
            }
            n += more;
            return a;
        }

        int size() {
            return n;
        }

        long bytes() {
            return a.length * 4L;
        }
    }
}
