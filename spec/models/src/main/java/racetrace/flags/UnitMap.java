package racetrace.flags;

import java.util.List;

/**
 * A layout under one granularity: which storage unit each field is in. A unit's content is kept
 * as a bitmask over field indices (bit i = field i), so the same value also reads as "the set of
 * fields that are set", which is how the TLA+ spec writes a unit.
 */
public final class UnitMap {

    private final String[] fieldNames;
    private final int[] unitOf;
    private final boolean[] bitfield;
    private final String[] unitNames;

    UnitMap(String[] fieldNames, int[] unitOf, boolean[] bitfield, String[] unitNames) {
        this.fieldNames = fieldNames;
        this.unitOf = unitOf;
        this.bitfield = bitfield;
        this.unitNames = unitNames;
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

    public int unitOf(int field) {
        return unitOf[field];
    }

    public boolean isBitfield(int field) {
        return bitfield[field];
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

    /** The fields of one unit, in struct order. */
    public List<String> fieldsOf(int unit) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < fieldNames.length; i++) {
            if (unitOf[i] == unit) {
                out.add(fieldNames[i]);
            }
        }
        return out;
    }
}
