package racetrace.search.explore;

import java.util.Arrays;

/**
 * The states of one BFS level, in search order: where each one is (an outbox and its place in it:
 * the states are not copied out of the outboxes they were made in) and its fingerprint.
 */
final class Level {
    private Outbox[] box = new Outbox[16];
    private int[] at = new int[16];
    private long[] fp = new long[16];
    private long[] sleep = new long[16];
    private int size;

    void add(Outbox b, int place, long fingerprint) {
        add(b, place, fingerprint, 0);
    }

    void add(Outbox b, int place, long fingerprint, long z) {
        if (size == at.length) {
            int c = size * 2;
            box = Arrays.copyOf(box, c);
            at = Arrays.copyOf(at, c);
            fp = Arrays.copyOf(fp, c);
            sleep = Arrays.copyOf(sleep, c);
        }
        box[size] = b;
        at[size] = place;
        fp[size] = fingerprint;
        sleep[size] = z;
        size++;
    }

    /** Makes room for {@code more} states, to be written with {@link #set} at the next places. */
    void reserve(int more) {
        if (size + more > at.length) {
            int c = Math.max(size + more, at.length * 2);
            box = Arrays.copyOf(box, c);
            at = Arrays.copyOf(at, c);
            fp = Arrays.copyOf(fp, c);
            sleep = Arrays.copyOf(sleep, c);
        }
    }

    /** Adds a state where {@link #reserve} made room. */
    void set(Outbox b, int place, long fingerprint, long z) {
        box[size] = b;
        at[size] = place;
        fp[size] = fingerprint;
        sleep[size] = z;
        size++;
    }

    int size() {
        return size;
    }

    long fp(int i) {
        return fp[i];
    }

    /** The sleep set of state {@code i} (partial-order reduction): threads low, their op ends high. */
    long sleep(int i) {
        return sleep[i];
    }

    /** State {@code i}: a packed one copied into {@code into} (returned), an object as is. */
    Object state(int i, Object into) {
        return box[i].state(at[i], into);
    }

    /** Bytes of the arrays (the states themselves are the outboxes'). */
    long bytes() {
        return at.length * 28L;
    }

    void clear() {
        Arrays.fill(box, 0, size, null);
        size = 0;
    }
}
