package racetrace.search.hunt;

import java.util.ArrayList;
import java.util.List;
import racetrace.engine.Config;
import racetrace.engine.Measure;
import racetrace.search.Case;

/**
 * The smallest counterexamples in hand for one invariant, by {@link Measure}'s order, at most one
 * per configuration and at most {@link #CONFIGS} in all. The minimiser proves minimality within a
 * case's configuration when its whole scope is too large to search (min/cfg), so the case that
 * happened to be found first, often in another configuration, must not decide the result: the
 * hunt minimises from each of these few (and from the first found as well, see {@code
 * Hunter}).
 *
 * <p>Offers are taken in a fixed order (a unit's own order, units in commit order), and a tie
 * keeps the earlier case: the candidates are a function of that order, not of timing.
 */
final class InHand<F extends InHand.Ranked> {

    /** What the candidates compare: a case and its measure (focused on the invariant). */
    interface Ranked {
        Case c();

        Measure measure();
    }

    /**
     * Configurations whose smallest case is kept. Each kept case is minimised at the hunt's end;
     * three bound that work while giving the minimiser's per-configuration proofs a few
     * configurations to start from.
     */
    static final int CONFIGS = 3;

    /** Smallest first; a later case goes after earlier ones of equal measure. */
    private final List<F> kept = new ArrayList<>(CONFIGS);

    /**
     * Whether a case of {@code config} no smaller than {@code bound} could be kept: lets a caller
     * skip measuring a case (a replay) that cannot get in.
     */
    boolean wants(Config config, Measure bound) {
        for (F f : kept) {
            if (f.c().scenario().config().equals(config)) {
                return bound.compareTo(f.measure()) < 0;
            }
        }
        return kept.size() < CONFIGS || bound.compareTo(kept.get(kept.size() - 1).measure()) < 0;
    }

    /** Keeps {@code f} if it is among the smallest (strictly smaller than what it would displace). */
    void offer(F f) {
        Config config = f.c().scenario().config();
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).c().scenario().config().equals(config)) {
                if (f.measure().compareTo(kept.get(i).measure()) >= 0) {
                    return;
                }
                kept.remove(i);
                break;
            }
        }
        int at = 0;
        while (at < kept.size() && kept.get(at).measure().compareTo(f.measure()) <= 0) {
            at++;
        }
        if (at < CONFIGS) {
            kept.add(at, f);
            if (kept.size() > CONFIGS) {
                kept.remove(CONFIGS);
            }
        }
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** The smallest case in hand. */
    F best() {
        return kept.get(0);
    }

    /** The kept cases, smallest first. */
    List<F> all() {
        return List.copyOf(kept);
    }
}
