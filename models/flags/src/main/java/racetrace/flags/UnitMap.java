package racetrace.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.BadInputException;

/**
 * A layout's storage units and what each store reaches under one granularity. Every byte of a
 * bitfield run is a unit, and every plain member is one; a store of a bitfield loads and writes
 * back a set of units of its run (its own byte, the whole run, or the bytes a compiler profile
 * gives). A unit's content is kept as a bitmask over field indices (bit i = field i), which also
 * reads as "the set of fields that are set", as the TLA+ spec writes a unit.
 */
public final class UnitMap {

    /** The value kinds of a store (notes §5.3: compilers widen stores of computed values). */
    public static final String CONSTANT = "constant";
    public static final String COMPUTED = "computed";

    private final String[] fieldNames;
    private final int[] unitOf;
    private final boolean[] bitfield;
    private final String[] unitNames;
    private final int[] reachConstant;
    private final int[] reachComputed;
    /** Per unit, the fields whose bits lie in it, as a bitmask. */
    private final int[] fieldMask;

    private UnitMap(String[] fieldNames, int[] unitOf, boolean[] bitfield, String[] unitNames, int[] reachConstant,
            int[] reachComputed) {
        this.fieldNames = fieldNames;
        this.unitOf = unitOf;
        this.bitfield = bitfield;
        this.unitNames = unitNames;
        this.reachConstant = reachConstant;
        this.reachComputed = reachComputed;
        this.fieldMask = new int[unitNames.length];
        for (int u = 0; u < fieldMask.length; u++) {
            fieldMask[u] = fieldsIn(1 << u);
        }
    }

    /** Units numbered 0.. in declaration order; reaches resolved for the granularity. */
    public static UnitMap of(Layout layout, Granularity g) {
        int n = layout.fields().size();
        String[] names = new String[n];
        int[] unitOf = new int[n];
        boolean[] bit = new boolean[n];
        Map<String, Integer> firstUnit = new LinkedHashMap<>();
        List<String> unitNames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Layout.Field f = layout.fields().get(i);
            names[i] = f.name();
            bit[i] = f.isBitfield();
            if (!f.isBitfield()) {
                unitOf[i] = unitNames.size();
                unitNames.add(f.name());
                continue;
            }
            Integer first = firstUnit.get(f.run());
            if (first == null) {
                first = unitNames.size();
                firstUnit.put(f.run(), first);
                int bytes = layout.run(f.run()).bytes();
                for (int b = 0; b < bytes; b++) {
                    unitNames.add(b == 0 ? f.run() : f.run() + "+" + b);
                }
            }
            unitOf[i] = first + f.byteIndex();
        }
        int[] rc = new int[n];
        int[] rx = new int[n];
        for (int i = 0; i < n; i++) {
            Layout.Field f = layout.fields().get(i);
            if (!f.isBitfield()) {
                rc[i] = 1 << unitOf[i];
                rx[i] = rc[i];
                continue;
            }
            int first = firstUnit.get(f.run());
            int bytes = layout.run(f.run()).bytes();
            rc[i] = mask(reach(layout, f, CONSTANT, g), first, f.byteIndex(), bytes);
            rx[i] = mask(reach(layout, f, COMPUTED, g), first, f.byteIndex(), bytes);
        }
        if (unitNames.size() > 31) {
            throw new BadInputException(layout.origin() + ": " + unitNames.size()
                    + " storage units; a layout may have at most 31 (bytes of runs plus plain members)");
        }
        return new UnitMap(names, unitOf, bit, unitNames.toArray(new String[0]), rc, rx);
    }

    /** What a store of {@code f} with a value of {@code kind} reaches under {@code g}. */
    static Layout.Reach reach(Layout layout, Layout.Field f, String kind, Granularity g) {
        if (g.equals(Granularity.BYTE)) {
            return new Layout.Reach.OwnByte();
        }
        if (g.equals(Granularity.LOCATION)) {
            return new Layout.Reach.WholeRun();
        }
        Layout.StoreRule best = null;
        for (Layout.StoreRule r : layout.stores()) {
            if (r.profile().equals(g.option()) && r.matches(f.name(), kind)
                    && (best == null || r.specificity() > best.specificity())) {
                best = r;
            }
        }
        if (best == null && layout.stores().stream().noneMatch(r -> r.profile().equals(g.option()))) {
            throw new BadInputException("layout " + layout.name() + " (" + layout.origin()
                    + ") has no store rules for " + g.option() + "; its profiles are " + layout.profiles()
                    + ", or use granularity byte or location");
        }
        return best == null ? new Layout.Reach.OwnByte() : best.reach();
    }

    private static int mask(Layout.Reach reach, int first, int own, int bytes) {
        int lo = 0;
        int hi = bytes - 1;
        if (reach instanceof Layout.Reach.OwnByte) {
            lo = own;
            hi = own;
        } else if (reach instanceof Layout.Reach.Bytes b) {
            lo = b.lo();
            hi = b.hi();
        }
        int m = 0;
        for (int b = lo; b <= hi; b++) {
            m |= 1 << (first + b);
        }
        return m;
    }

    public int fieldCount() {
        return fieldNames.length;
    }

    public int unitCount() {
        return unitNames.length;
    }

    public String fieldName(int field) {
        return fieldNames[field];
    }

    /** The unit holding the field's bit (its byte, or the plain member itself). */
    public int unitOf(int field) {
        return unitOf[field];
    }

    public boolean isBitfield(int field) {
        return bitfield[field];
    }

    /** The units a store of the field loads and writes back, as a bitmask over units. */
    public int reach(int field, String kind) {
        return kind.equals(COMPUTED) ? reachComputed[field] : reachConstant[field];
    }

    /** A short name of the unit, e.g. {@code rbar+28+1} for the second byte of that run. */
    public String unitName(int unit) {
        return unitNames[unit];
    }

    public int fieldIndex(String name) {
        for (int i = 0; i < fieldNames.length; i++) {
            if (fieldNames[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(String name) {
        return fieldIndex(name) >= 0;
    }

    /** The fields whose bit is in one unit, in declaration order. */
    public List<String> fieldsOf(int unit) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < fieldNames.length; i++) {
            if (unitOf[i] == unit) {
                out.add(fieldNames[i]);
            }
        }
        return out;
    }

    /** The fields whose bits lie in one unit, as a bitmask: {@link #fieldsIn} of that unit alone. */
    public int fieldMask(int unit) {
        return fieldMask[unit];
    }

    /** The fields whose bits lie in any unit of a bitmask. */
    public int fieldsIn(int units) {
        int m = 0;
        for (int i = 0; i < fieldNames.length; i++) {
            if ((units & (1 << unitOf[i])) != 0) {
                m |= 1 << i;
            }
        }
        return m;
    }
}
