package racetrace.search.explore;

import java.util.Arrays;
import racetrace.engine.Stepper;

/** One worker's successors of a chunk, in buffers it reuses chunk after chunk. */
final class Batch<S> {
    long[] fp = new long[1024];
    long[] key = new long[1024];
    int[] mv = new int[1024];
    boolean[] known = new boolean[1024];
    Object[] buffers = new Object[1024];
    @SuppressWarnings("unchecked")
    S[] st = (S[]) new Object[1024];
    int size;

    @SuppressWarnings("unchecked")
    void add(Stepper<S> stepper, long f, long k, int m, S s) {
        if (size == fp.length) {
            int c = size * 2;
            fp = Arrays.copyOf(fp, c);
            key = Arrays.copyOf(key, c);
            mv = Arrays.copyOf(mv, c);
            known = Arrays.copyOf(known, c);
            buffers = Arrays.copyOf(buffers, c);
            st = Arrays.copyOf(st, c);
        }
        if (buffers[size] == null) {
            buffers[size] = stepper.buffer();
        }
        fp[size] = f;
        key[size] = k;
        mv[size] = m;
        st[size] = stepper.copy(s, (S) buffers[size]);
        size++;
    }
}
