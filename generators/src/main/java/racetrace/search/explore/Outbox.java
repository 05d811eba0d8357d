package racetrace.search.explore;

import java.util.Arrays;

/**
 * Successors one worker made in phase 1 for one owner, in the order the worker made them (so by
 * key): fingerprint, key, move, broken invariants ({@code words} longs each, written by the
 * owner's merge for the states it keeps), state. Packed states ({@code width} ints each) sit side
 * by side in one int array, the model's objects in an object array. The states stay here while
 * they are the level being expanded: a level's states are never copied into objects of their own.
 */
final class Outbox {
    final int words;
    final int width;
    // Small at first: a hunt explores thousands of graphs of a few states each.
    long[] fp = new long[16];
    long[] key = new long[16];
    int[] mv = new int[16];
    /** Per entry, its sleep set (partial-order reduction; see Explorer): threads low, their op ends high. */
    long[] sleep = new long[16];
    long[] broken;
    Object[] st;
    int[] ints;
    int size;

    Outbox(int words, int width) {
        this.words = words;
        this.width = width;
        this.broken = new long[16 * words];
        if (width > 0) {
            ints = new int[16 * width];
        } else {
            st = new Object[16];
        }
    }

    /** Adds a successor; a packed state is copied in, an object state kept. */
    void add(long f, long k, int m, long[] b, Object s) {
        add(f, k, m, 0, b, s);
    }

    void add(long f, long k, int m, long z, long[] b, Object s) {
        if (size == fp.length) {
            int c = size * 2;
            fp = Arrays.copyOf(fp, c);
            key = Arrays.copyOf(key, c);
            mv = Arrays.copyOf(mv, c);
            sleep = Arrays.copyOf(sleep, c);
            broken = Arrays.copyOf(broken, c * words);
            if (width > 0) {
                ints = Arrays.copyOf(ints, c * width);
            } else {
                st = Arrays.copyOf(st, c);
            }
        }
        fp[size] = f;
        key[size] = k;
        mv[size] = m;
        sleep[size] = z;
        if (words == 1) {
            broken[size] = b[0];
        } else {
            System.arraycopy(b, 0, broken, size * words, words);
        }
        if (width > 0) {
            System.arraycopy((int[]) s, 0, ints, size * width, width);
        } else {
            st[size] = s;
        }
        size++;
    }

    /** The state at {@code at}: a packed one copied into {@code into} (returned), an object as is. */
    Object state(int at, Object into) {
        if (width == 0) {
            return st[at];
        }
        System.arraycopy(ints, at * width, (int[]) into, 0, width);
        return into;
    }

    /** Bytes of the arrays (the states' included). */
    long bytes() {
        return fp.length * 28L + broken.length * 8L + (ints != null ? ints.length * 4L : st.length * 8L);
    }

    void clear() {
        if (st != null) {
            Arrays.fill(st, 0, size, null);
        }
        size = 0;
    }
}
