package racetrace.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the flags of one struct version live: each field is a bit of a bitfield run (a C11 memory
 * location) or a plain {@code bool}/{@code u8} of its own. Fields are listed in struct order.
 *
 * @param name the variant it belongs to
 * @param fields the flags in struct order
 */
public record Layout(String name, List<Field> fields) {

    /**
     * One flag.
     *
     * @param name the C member name
     * @param location the bitfield run it belongs to (e.g. {@code "rbar+28"}), or null for a plain
     *     field
     * @param byteIndex the byte of the run holding the bit (0-based)
     * @param bit the bit in that byte (LSB first, as the psABI allocates)
     */
    public record Field(String name, String location, int byteIndex, int bit) {

        public boolean isBitfield() {
            return location != null;
        }

        static Field bit(String name, String location, int byteIndex, int bit) {
            return new Field(name, location, byteIndex, bit);
        }

        static Field plain(String name) {
            return new Field(name, null, 0, 0);
        }
    }

    public Layout {
        fields = List.copyOf(fields);
        if (fields.size() > 30) {
            throw new IllegalArgumentException("a layout holds at most 30 fields (bitmask state)");
        }
    }

    /** Builds a bitfield run of consecutive {@code :1} fields starting at byte 0, bit 0. */
    static List<Field> run(String location, String... names) {
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(Field.bit(names[i], location, i / 8, i % 8));
        }
        return out;
    }

    public int indexOf(String field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return i;
            }
        }
        return -1;
    }

    /** The storage units a granularity gives, numbered 0.. in struct order. */
    public UnitMap units(Granularity g) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        int[] unitOf = new int[fields.size()];
        boolean[] bitfield = new boolean[fields.size()];
        String[] names = new String[fields.size()];
        List<String> unitNames = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            names[i] = f.name();
            bitfield[i] = f.isBitfield();
            String key;
            String unitName;
            if (!f.isBitfield()) {
                key = "plain:" + f.name();
                unitName = f.name();
            } else if (g == Granularity.BYTE) {
                key = f.location() + "#" + f.byteIndex();
                unitName = f.location() + (f.byteIndex() == 0 ? "" : "+" + f.byteIndex());
            } else {
                key = f.location();
                unitName = f.location();
            }
            Integer u = keys.get(key);
            if (u == null) {
                u = keys.size();
                keys.put(key, u);
                unitNames.add(unitName);
            }
            unitOf[i] = u;
        }
        return new UnitMap(names, unitOf, bitfield, unitNames.toArray(new String[0]));
    }
}
