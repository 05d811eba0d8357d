package racetrace.flags.fields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import racetrace.engine.BadInputException;
import racetrace.flags.Context;
import racetrace.flags.FlagsModel;
import racetrace.flags.Layout;
import racetrace.flags.Writer;

/**
 * The two policies of the vfio thread (seed message of 12 May 2026), each turned into layouts
 * derived from a base layout:
 * <ul>
 * <li><b>setup-only</b>: "limit bitfield use to anything serialized by probe/open/close": a field
 * stays a bitfield only when every writer of it runs at setup or release; every other field becomes
 * a plain member. Two readings of "setup" ({@link Reading}): the merged commit's rule, the device's
 * own init, probe, open and close (a reset reaching across from a peer device is not setup), and the
 * thread's words taken literally, anything serialized by some device's probe, open or close (a peer
 * device's close-time reset is).</li>
 * <li><b>point-fix</b>: "only [the racing fields] are pulled out": the smallest sets of fields whose
 * moving out leaves no pair racing; every set of that size that does so is one (ties are listed,
 * not broken).</li>
 * </ul>
 * A field taken out of a run becomes a one-byte plain member declared right after the run; the
 * bitfields left are packed again in declaration order from bit 0, a byte each eight, as the
 * psABIs allocate {@code :1} fields (docs/research/vfio-pci-bitfields.md §5.1), so only layouts of one-bit fields are derived.
 */
public final class Policies {

    private Policies() {
    }

    public static final String SETUP_ONLY = "setup-only";
    public static final String SETUP_LITERAL = "setup-literal";
    public static final String POINT_FIX = "point-fix";

    /** What counts as setup for the setup-only policy. */
    public enum Reading {
        /**
         * The merged commit's rule (v3 3/6, e73638e55f86: "flags modified from user action, including
         * actions that reach across to another device (ex. reset) use dedicated storage units"): the
         * device's own init, probe, open and close.
         */
        MERGED_RULE(SETUP_ONLY, "the device's own init, probe, open and close (the merged commit's rule: a reset "
                + "reaching across from a peer device is not setup)"),
        /**
         * The seed message's words: "anything serialized by probe/open/close". A peer device's
         * close-time reset (vfio_pci_dev_set_try_reset) runs in that device's close under
         * dev_set->lock, so it counts.
         */
        LITERAL(SETUP_LITERAL, "anything serialized by some device's probe, open or close (the thread's words "
                + "literally: a peer device's close-time reset counts)");

        private final String policy;
        private final String description;

        Reading(String policy, String description) {
            this.policy = policy;
            this.description = description;
        }

        public String policy() {
            return policy;
        }

        public String description() {
            return description;
        }

        /** Whether a writer in this context is setup under this reading. */
        public boolean setup(Context c) {
            return c.setupOrRelease() || this == LITERAL && c == Context.PEER_RESET;
        }
    }

    /** The setup-only layout of a base under the merged commit's rule. */
    public static Layout setupOnly(FlagsModel base) {
        return setupOnly(base, Reading.MERGED_RULE);
    }

    /** The setup-only layout of a base: which fields move out follows from the writers table and the reading. */
    public static Layout setupOnly(FlagsModel base, Reading reading) {
        Set<String> out = setupOnlyPlain(base, reading);
        return moveOut(base.layout(), out, reading.policy(), "bitfields only for fields written at "
                + (reading == Reading.LITERAL ? "probe/open/close, a peer's reset included" : "init/probe/open/close")
                + ": plain " + String.join(", ", out));
    }

    /** The bitfields of a base the setup-only policy makes plain under a reading. */
    public static Set<String> setupOnlyPlain(FlagsModel base, Reading reading) {
        Set<String> out = new LinkedHashSet<>();
        for (Layout.Field f : base.layout().fields()) {
            if (!f.isBitfield()) {
                continue;
            }
            List<Writer> rows = FieldPairs.rows(base, f.name());
            // A field no row stores is not known to be setup-only: it becomes plain.
            if (rows.isEmpty() || rows.stream().anyMatch(w -> !reading.setup(w.context()))) {
                out.add(f.name());
            }
        }
        return out;
    }

    /** The layout of one point fix of a base. */
    public static Layout pointFixLayout(FlagsModel base, Set<String> fields) {
        return moveOut(base.layout(), fields, POINT_FIX, "a field of every racing pair plain: " + String.join(", ", fields));
    }

    /**
     * Every smallest set of bitfields whose moving out leaves no pair racing (ties all listed, in
     * declaration order), empty when nothing races in the base. Sets are tried by size, among the
     * bitfields of pairs that race in the base or in a layout tried on the way (moving fields out
     * repacks the rest, which may make new pairs share a byte), each set covering the base's racing
     * pairs; each tried layout's report decides.
     *
     * @param report the pair report of an instance of a layout (same granularity and assumptions)
     * @param instance makes the instance of a derived layout
     */
    public static List<Set<String>> pointFixes(FlagsModel base, Function<FlagsModel, List<PairVerdict>> report,
            Function<Layout, FlagsModel> instance) {
        List<FieldPairs.Pair> racing = racing(report.apply(base));
        if (racing.isEmpty()) {
            return List.of();
        }
        Set<String> pool = new LinkedHashSet<>();
        racing.forEach(p -> {
            pool.add(p.first());
            pool.add(p.second());
        });
        Map<Set<String>, Boolean> tried = new HashMap<>();
        for (int size = 1; size <= Layout.MAX_FIELDS; size++) {
            int before;
            List<Set<String>> found;
            do {
                before = pool.size();
                found = new ArrayList<>();
                for (Set<String> set : subsets(bitfieldsIn(base, pool), size)) {
                    if (!covers(set, racing)) {
                        continue;
                    }
                    Boolean ok = tried.get(set);
                    if (ok == null) {
                        List<FieldPairs.Pair> left = racing(report.apply(instance.apply(pointFixLayout(base, set))));
                        ok = left.isEmpty();
                        tried.put(set, ok);
                        left.forEach(p -> {
                            pool.add(p.first());
                            pool.add(p.second());
                        });
                    }
                    if (ok) {
                        found.add(set);
                    }
                }
                // New racing fields enlarge the pool: sets of this size that use them are tried too.
            } while (found.isEmpty() && pool.size() > before);
            if (!found.isEmpty()) {
                return found;
            }
            if (size >= bitfieldsIn(base, pool).size()) {
                break;
            }
        }
        throw new IllegalStateException("no point fix: moving every racing bitfield out still leaves a race");
    }

    private static List<FieldPairs.Pair> racing(List<PairVerdict> verdicts) {
        List<FieldPairs.Pair> out = new ArrayList<>();
        for (PairVerdict v : verdicts) {
            if (v.races()) {
                out.add(v.pair());
            }
        }
        return out;
    }

    /** The bitfields of a base among names, in declaration order. */
    private static List<String> bitfieldsIn(FlagsModel base, Set<String> names) {
        List<String> out = new ArrayList<>();
        for (Layout.Field f : base.layout().fields()) {
            if (f.isBitfield() && names.contains(f.name())) {
                out.add(f.name());
            }
        }
        return out;
    }

    private static boolean covers(Set<String> set, List<FieldPairs.Pair> pairs) {
        return pairs.stream().allMatch(p -> set.contains(p.first()) || set.contains(p.second()));
    }

    /** Every subset of the given size, in lexicographic order of positions (declaration order first). */
    static List<Set<String>> subsets(List<String> items, int size) {
        List<Set<String>> out = new ArrayList<>();
        if (size > items.size()) {
            return out;
        }
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        while (true) {
            Set<String> s = new LinkedHashSet<>();
            for (int i : idx) {
                s.add(items.get(i));
            }
            out.add(s);
            int i = size - 1;
            while (i >= 0 && idx[i] == items.size() - size + i) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            idx[i]++;
            for (int j = i + 1; j < size; j++) {
                idx[j] = idx[j - 1] + 1;
            }
        }
    }

    /** The base with the named bitfields moved out of their runs into plain one-byte members. */
    static Layout moveOut(Layout base, Set<String> names, String name, String about) {
        List<Layout.Field> fields = new ArrayList<>();
        Map<String, Integer> runBits = new LinkedHashMap<>();
        List<Layout.Field> movedAfterRun = new ArrayList<>();
        String open = null;
        for (Layout.Field f : base.fields()) {
            if (f.isBitfield() && f.width() != 1) {
                throw new BadInputException("layout " + base.name() + " has " + f.name() + ":" + f.width()
                        + "; policies are derived only for layouts of one-bit fields");
            }
            if (open != null && !open.equals(f.run())) {
                fields.addAll(movedAfterRun);
                movedAfterRun.clear();
            }
            open = f.run();
            if (!f.isBitfield()) {
                fields.add(f);
            } else if (names.contains(f.name())) {
                movedAfterRun.add(Layout.Field.plain(f.name(), 1));
            } else {
                int bit = runBits.merge(f.run(), 1, Integer::sum) - 1;
                fields.add(Layout.Field.bit(f.name(), f.run(), 1, bit / 8, bit % 8));
            }
        }
        fields.addAll(movedAfterRun);
        List<Layout.Run> runs = new ArrayList<>();
        for (Layout.Run r : base.runs()) {
            Integer bits = runBits.get(r.name());
            if (bits != null) {
                runs.add(new Layout.Run(r.name(), (bits + 7) / 8));
            }
        }
        List<Layout.StoreRule> stores = new ArrayList<>();
        for (Layout.StoreRule r : base.stores()) {
            boolean keep = r.field().equals("*") || fields.stream().anyMatch(f -> f.isBitfield() && f.name().equals(r.field()));
            if (keep && !(r.reach() instanceof Layout.Reach.Bytes)) {
                stores.add(r);
            }
        }
        return new Layout(base.model(), base.name() + "." + name, about, 0, runs, fields, stores,
                "derived from " + base.name() + " (" + name + ")");
    }
}
