package racetrace.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 64-bit fingerprints of TLA+-shaped values (Integer, Boolean, String, List, Set, Map), equal for
 * equal values whatever the iteration order of sets and maps. Exhaustive search keeps fingerprints
 * instead of states, as TLC does; two different states share one with probability about
 * n^2 / 2^64 for n states.
 */
public final class Fingerprint {

    private static final long SEED = 0x243F6A8885A308D3L;

    private Fingerprint() {
    }

    /** The fingerprint of a value built from the types {@link Model#variables} uses. */
    public static long of(Object value) {
        if (value instanceof Integer i) {
            return mix(0x11L, i);
        }
        if (value instanceof Boolean b) {
            return mix(0x22L, b ? 1 : 0);
        }
        if (value instanceof String s) {
            long h = 0x33L;
            for (int k = 0; k < s.length(); k++) {
                h = mix(h, s.charAt(k));
            }
            return mix(h, s.length());
        }
        if (value instanceof List<?> l) {
            long h = 0x44L;
            for (Object o : l) {
                h = mix(h, of(o));
            }
            return mix(h, l.size());
        }
        if (value instanceof Set<?> set) {
            long sum = 0;
            for (Object o : set) {
                sum += avalanche(of(o));
            }
            return mix(mix(0x55L, sum), set.size());
        }
        if (value instanceof Map<?, ?> map) {
            long sum = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sum += avalanche(mix(of(e.getKey()), of(e.getValue())));
            }
            return mix(mix(0x66L, sum), map.size());
        }
        if (value == null) {
            return 0x77L;
        }
        if (value instanceof Enum<?> e) {
            return of(e.name());
        }
        throw new IllegalArgumentException("no fingerprint for a " + value.getClass().getName()
                + "; variables are Integer, Boolean, String, List, Set or Map");
    }

    /** Folds {@code value} into the running hash {@code h}. */
    public static long mix(long h, long value) {
        return avalanche(h * 0x9E3779B97F4A7C15L + value + SEED);
    }

    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;

    /**
     * A fingerprint of an int array, for models whose state is one (the fast path of exhaustive
     * search): two ints per 64-bit word, four independent lanes of multiply-rotate-multiply rounds
     * (the rounds of xxHash64, so the multiplies overlap in the CPU), lanes merged, then the
     * SplitMix64 finaliser.
     */
    public static long ofInts(int[] a) {
        long h1 = SEED + P1 + P2;
        long h2 = SEED + P2;
        long h3 = SEED;
        long h4 = SEED - P1;
        int n = a.length;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            h1 = round(h1, word(a, i));
            h2 = round(h2, word(a, i + 2));
            h3 = round(h3, word(a, i + 4));
            h4 = round(h4, word(a, i + 6));
        }
        long h = Long.rotateLeft(h1, 1) + Long.rotateLeft(h2, 7) + Long.rotateLeft(h3, 12) + Long.rotateLeft(h4, 18)
                + n;
        for (; i + 1 < n; i += 2) {
            h = round(h, word(a, i));
        }
        if (i < n) {
            h = round(h, a[i] & 0xFFFFFFFFL);
        }
        return avalanche(h);
    }

    private static long word(int[] a, int i) {
        return ((long) a[i] << 32) | (a[i + 1] & 0xFFFFFFFFL);
    }

    private static long round(long h, long w) {
        return Long.rotateLeft(h + w * P2, 31) * P1;
    }

    /**
     * A fingerprint of an int array that a step can update in the time it takes to find what it
     * changed: the XOR over the slots of a hash of (index, value) (Zobrist hashing). Use it with
     * {@link #updateSlots} for models whose state is one array copied and changed by a step.
     */
    public static long ofSlots(int[] a) {
        long h = 0x5B2D1F0E3C4A9687L;
        for (int i = 0; i < a.length; i++) {
            h ^= slot(i, a[i]);
        }
        return h;
    }

    /** {@link #ofSlots} of {@code after}, given that of {@code before} (arrays of one length). */
    public static long updateSlots(long fingerprintBefore, int[] before, int[] after) {
        long h = fingerprintBefore;
        int from = 0;
        while (true) {
            // Arrays.mismatch compares many ints at a time: finding the few changed slots is cheap.
            int i = Arrays.mismatch(before, from, before.length, after, from, after.length);
            if (i < 0) {
                return h;
            }
            i += from;
            h ^= slot(i, before[i]) ^ slot(i, after[i]);
            from = i + 1;
        }
    }

    /** Slots and values whose hashes {@link #SLOTS} holds: a step changes a few slots of small values. */
    private static final int TABLE_SLOTS = 256;
    private static final int TABLE_VALUE_BITS = 7;
    /**
     * {@link #slotHash} of (index, value) at {@code index << TABLE_VALUE_BITS | value}: a load
     * instead of three multiplies, for the two hashes of each slot a step changes.
     */
    private static final long[] SLOTS = new long[TABLE_SLOTS << TABLE_VALUE_BITS];

    static {
        for (int i = 0; i < TABLE_SLOTS; i++) {
            for (int v = 0; v < 1 << TABLE_VALUE_BITS; v++) {
                SLOTS[i << TABLE_VALUE_BITS | v] = slotHash(i, v);
            }
        }
    }

    /** The hash of slot {@code index} holding {@code value}: {@link #slotHash}, from the table where it has it. */
    static long slot(int index, int value) {
        if (index < TABLE_SLOTS && (value >>> TABLE_VALUE_BITS) == 0) {
            return SLOTS[index << TABLE_VALUE_BITS | value];
        }
        return slotHash(index, value);
    }

    static long slotHash(int index, int value) {
        return avalanche(((long) index << 32 | (value & 0xFFFFFFFFL)) * P1 + P2);
    }

    /** The finaliser of SplitMix64: every input bit affects every output bit. */
    public static long avalanche(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
