package racetrace.xen;

import java.util.Arrays;

/**
 * An immutable state of the model: the scenario's {@link Layout} plus one array holding every
 * variable of the spec (never changed after the step that made it).
 */
public final class XenState {

    final Layout u;
    final int[] m;
    /** The derived definitions, computed on first use; not part of the value. */
    Object derived;
    /** The fingerprint ({@link racetrace.engine.Fingerprint#ofSlots} of m), 0 until known. */
    long fingerprint;

    XenState(Layout u, int[] m) {
        this.u = u;
        this.m = m;
    }

    long fingerprint() {
        if (fingerprint == 0) {
            fingerprint = racetrace.engine.Fingerprint.ofSlots(m);
        }
        return fingerprint;
    }

    int reg(int t, Reg r) {
        return m[u.reg(t, r)];
    }

    /** The label of thread t's next step, or Done. */
    public String pc(int t) {
        return Pc.of(reg(t, Reg.pc)).name();
    }

    public int word(int port) {
        return m[u.word + port];
    }

    public boolean pending(int port) {
        return Word.has(word(port), Word.P);
    }

    public boolean masked(int port) {
        return Word.has(word(port), Word.M);
    }

    public boolean linked(int port) {
        return Word.has(word(port), Word.L);
    }

    public int link(int port) {
        return Word.link(word(port));
    }

    public int tail(int v, int k) {
        return m[u.tail + u.queue(v, k)];
    }

    public int head(int v, int k) {
        return m[u.head + u.queue(v, k)];
    }

    /** The thread (1-based, as in the spec) holding queue (v, k)'s lock, or 0. */
    public int lockOwner(int v, int k) {
        return m[u.owner + u.queue(v, k)];
    }

    /** READY(v) as a bit set over priorities. */
    public int ready(int v) {
        return m[u.ready + v];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XenState s && Arrays.equals(m, s.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        return Arrays.toString(m);
    }
}
