package racetrace.search.explore;

import java.util.Arrays;

/**
 * Successors one worker made in phase 1, by owner: fingerprint, key, move, broken invariants
 * ({@code words} longs each), state.
 */
final class Outbox {
    final int words;
    long[] fp = new long[256];
    long[] key = new long[256];
    int[] mv = new int[256];
    long[] broken;
    Object[] st = new Object[256];
    int size;

    Outbox(int words) {
        this.words = words;
        this.broken = new long[256 * words];
    }

    void add(long f, long k, int m, long[] b, Object s) {
        if (size == fp.length) {
            int c = size * 2;
            fp = Arrays.copyOf(fp, c);
            key = Arrays.copyOf(key, c);
            mv = Arrays.copyOf(mv, c);
            broken = Arrays.copyOf(broken, c * words);
            st = Arrays.copyOf(st, c);
        }
        fp[size] = f;
        key[size] = k;
        mv[size] = m;
        if (words == 1) {
            broken[size] = b[0];
        } else {
            System.arraycopy(b, 0, broken, size * words, words);
        }
        st[size] = s;
        size++;
    }

    void clear() {
        Arrays.fill(st, 0, size, null);
        size = 0;
    }
}
