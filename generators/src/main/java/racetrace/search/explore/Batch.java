package racetrace.search.explore;

import java.util.Arrays;
import racetrace.engine.Stepper;

/** One worker's successors of a chunk, in buffers it reuses chunk after chunk. */
final class Batch<S> {
    long[] fp = new long[64];
    long[] key = new long[64];
    int[] mv = new int[64];
    long[] sleep = new long[64];
    boolean[] known = new boolean[64];
    Object[] buffers = new Object[64];
    @SuppressWarnings("unchecked")
    S[] st = (S[]) new Object[64];
    int size;
    /** Bytes of the state buffers allocated so far. */
    long bufferBytes;

    @SuppressWarnings("unchecked")
    void add(Stepper<S> stepper, long f, long k, int m, long z, S s) {
        if (size == fp.length) {
            int c = size * 2;
            fp = Arrays.copyOf(fp, c);
            key = Arrays.copyOf(key, c);
            mv = Arrays.copyOf(mv, c);
            sleep = Arrays.copyOf(sleep, c);
            known = Arrays.copyOf(known, c);
            buffers = Arrays.copyOf(buffers, c);
            st = Arrays.copyOf(st, c);
        }
        if (buffers[size] == null) {
            buffers[size] = stepper.buffer();
            if (buffers[size] instanceof int[] a) {
                bufferBytes += 16 + a.length * 4L;
            }
        }
        fp[size] = f;
        key[size] = k;
        mv[size] = m;
        sleep[size] = z;
        st[size] = stepper.copy(s, (S) buffers[size]);
        size++;
    }

    /** Bytes of the arrays and state buffers. */
    long bytes() {
        return fp.length * 45L + bufferBytes;
    }
}
