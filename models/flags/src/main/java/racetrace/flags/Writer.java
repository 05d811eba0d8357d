package racetrace.flags;

import java.util.List;

/**
 * One row of the writers table (research notes §3, §4): a store site of a field, the context it
 * runs in, and what serializes it. The model's programs store through these sites (the step label
 * is the site plus {@code _load}/{@code _modify}/{@code _store}); a test checks that the locks a
 * thread holds at each store are the ones the row names.
 *
 * @param field the flag stored
 * @param site the store site: the label prefix of its steps, or {@code *_suffix} for a site every op
 *     with that step has (the resume callback run by whoever takes a reference), or null for a
 *     writer no modelled thread runs (it cannot run concurrently with anything modelled)
 * @param context where it runs
 * @param function the kernel function that stores
 * @param value the value stored, in words
 * @param kind {@link UnitMap#CONSTANT} or {@link UnitMap#COMPUTED}: compilers widen computed stores
 * @param locks the model's locks held at the store ({@code +} in front: the row names the least)
 * @param pm the runtime-PM state at the store, in words
 * @param assumption the assumption the row rests on, or null
 */
public record Writer(String field, String site, Context context, String function, String value, String kind,
        List<String> locks, String pm, String assumption) {

    public Writer {
        locks = List.copyOf(locks);
    }

    /** Whether a store site (a label prefix) is this row's. */
    public boolean covers(String storeSite) {
        if (site == null) {
            return false;
        }
        return site.startsWith("*") ? storeSite.endsWith(site.substring(1)) : site.equals(storeSite);
    }

    /** Whether a thread runs the store in some scenario of the model. */
    public boolean modelled() {
        return site != null;
    }
}
