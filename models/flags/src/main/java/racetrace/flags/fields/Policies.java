package racetrace.flags.fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import racetrace.engine.BadInputException;
import racetrace.flags.FlagsModel;
import racetrace.flags.Layout;
import racetrace.flags.Writer;

/**
 * The two policies of the vfio thread (seed message of 12 May 2026), each turned into a layout
 * derived from a base layout:
 * <ul>
 * <li><b>setup-only</b>: "limit bitfield use to anything serialized by probe/open/close": a field
 * stays a bitfield only when every writer of it runs in the device's own init, probe, open or
 * close; every other field becomes a plain member.</li>
 * <li><b>point-fix</b>: "only [the racing fields] are pulled out": the smallest set of fields that
 * holds a field of every pair the pair report finds racing becomes plain (among sets of that size,
 * the one with the fewest fields written only at setup/release, then the earliest declared); the
 * report runs again on the result, until no pair races.</li>
 * </ul>
 * A field taken out of a run becomes a one-byte plain member declared right after the run; the
 * bitfields left are packed again in declaration order from bit 0, a byte each eight, as the
 * psABIs allocate {@code :1} fields (docs/research/vfio-pci-bitfields.md §5.1), so only layouts of one-bit fields are derived.
 */
public final class Policies {

    private Policies() {
    }

    public static final String SETUP_ONLY = "setup-only";
    public static final String POINT_FIX = "point-fix";

    /** The setup-only layout of a base: which fields move out follows from the writers table. */
    public static Layout setupOnly(FlagsModel base) {
        Set<String> out = new LinkedHashSet<>();
        for (Layout.Field f : base.layout().fields()) {
            if (!f.isBitfield()) {
                continue;
            }
            List<Writer> rows = FieldPairs.rows(base, f.name());
            if (rows.stream().anyMatch(w -> !w.context().setupOrRelease())) {
                out.add(f.name());
            }
        }
        return moveOut(base.layout(), out, SETUP_ONLY, "bitfields only for fields written at init/probe/open/close: "
                + "plain " + String.join(", ", out));
    }

    /**
     * The point-fix layout of a base: the fields of racing pairs move out, round after round.
     *
     * @param report the pair report of an instance of a layout (same granularity and assumptions)
     * @param instance makes the instance of a derived layout
     */
    public static Layout pointFix(FlagsModel base, Function<FlagsModel, List<PairVerdict>> report,
            Function<Layout, FlagsModel> instance) {
        Set<String> out = new LinkedHashSet<>();
        FlagsModel current = base;
        Layout layout = base.layout();
        for (int round = 0; round < Layout.MAX_FIELDS; round++) {
            List<FieldPairs.Pair> racing = new ArrayList<>();
            for (PairVerdict v : report.apply(current)) {
                if (v.races()) {
                    racing.add(v.pair());
                }
            }
            if (racing.isEmpty()) {
                return layout;
            }
            Set<String> cover = smallestCover(current, racing);
            out.addAll(cover);
            layout = moveOut(base.layout(), out, POINT_FIX, "a field of every racing pair plain: "
                    + String.join(", ", out));
            current = instance.apply(layout);
        }
        throw new IllegalStateException("point fixes did not converge");
    }

    /**
     * The smallest set of bitfields holding one field of every pair; ties go to the set with the
     * fewest fields written only at setup/release, then to the earliest declared fields.
     */
    static Set<String> smallestCover(FlagsModel m, List<FieldPairs.Pair> pairs) {
        List<String> candidates = new ArrayList<>();
        for (Layout.Field f : m.layout().fields()) {
            boolean inPair = pairs.stream().anyMatch(p -> p.a().equals(f.name()) || p.b().equals(f.name()));
            if (inPair && f.isBitfield()) {
                candidates.add(f.name());
            }
        }
        if (candidates.size() > 20) {
            throw new IllegalStateException("too many racing fields to choose a point fix from: " + candidates);
        }
        List<String> best = null;
        long bestKey = Long.MAX_VALUE;
        for (int mask = 1; mask < 1 << candidates.size(); mask++) {
            List<String> set = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    set.add(candidates.get(i));
                }
            }
            boolean covers = pairs.stream().allMatch(p -> set.contains(p.a()) || set.contains(p.b())
                    || !m.layout().field(p.a()).isBitfield() || !m.layout().field(p.b()).isBitfield());
            if (!covers) {
                continue;
            }
            long setupOnly = set.stream().filter(f -> FieldPairs.rows(m, f).stream()
                    .allMatch(w -> w.context().setupOrRelease())).count();
            // size, then setup-only fields, then declaration order (a smaller mask of earlier fields).
            long key = ((long) set.size() << 40) | (setupOnly << 32) | (0x7FFFFFFFL - (Integer.reverse(mask) >>> 1));
            if (key < bestKey) {
                bestKey = key;
                best = set;
            }
        }
        return new LinkedHashSet<>(best == null ? List.of() : best);
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
