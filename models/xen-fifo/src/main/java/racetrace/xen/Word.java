package racetrace.xen;

/**
 * The 32-bit event word of a port (notes 1.1) as the model holds it: the PENDING, MASKED, LINKED
 * and BUSY bits, the LINK field, and R, standing for the unused bits 27..17, which only a
 * misbehaving guest writes. The spec's word record has the same six fields.
 */
final class Word {

    static final int P = 1;
    static final int M = 2;
    static final int L = 4;
    static final int B = 8;
    static final int R = 16;
    static final int LINK_SHIFT = 5;
    static final int LINK_MASK = ~0x1F;

    private Word() {
    }

    static int link(int w) {
        return w >>> LINK_SHIFT;
    }

    static boolean has(int w, int bit) {
        return (w & bit) != 0;
    }

    /** set_link's successful cmpxchg: LINK := port, BUSY cleared. */
    static int linkedTo(int w, int port) {
        return (w & ~(B | LINK_MASK)) | (port << LINK_SHIFT);
    }

    /** The original set_link's cmpxchg (a0): LINK := port, nothing else. */
    static int withLink(int w, int port) {
        return (w & ~LINK_MASK) | (port << LINK_SHIFT);
    }
}
