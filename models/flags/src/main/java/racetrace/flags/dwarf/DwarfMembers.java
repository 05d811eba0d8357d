package racetrace.flags.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a struct's members from {@code readelf --debug-dump=info}: name, byte offset, and for a
 * bitfield its bit offset from the struct's start and width (DW_AT_data_bit_offset,
 * DW_AT_bit_size, as GCC emits them since DWARF 4), for a plain member its size in bytes.
 */
public final class DwarfMembers {

    private static final Pattern DIE = Pattern.compile("^\\s*<(\\d+)><([0-9a-f]+)>: Abbrev Number: \\d+ \\((\\w+)\\)");
    private static final Pattern ATTR = Pattern.compile("^\\s*<[0-9a-f]+>\\s+(DW_AT_\\w+)\\s*:\\s*(.*)$");

    private DwarfMembers() {
    }

    /**
     * A member of the struct.
     *
     * @param name its name
     * @param bitOffset offset of its lowest bit from the struct's start (a plain member: 8 * byte offset)
     * @param bitSize its width in bits for a bitfield, 0 for a plain member
     * @param byteSize a plain member's size in bytes (0 when unknown)
     * @param group "" for a member of the struct itself, else the embedded struct member it is in
     *     (its bitfields are a memory location of their own)
     */
    public record Member(String name, long bitOffset, int bitSize, long byteSize, String group) {
        public boolean isBitfield() {
            return bitSize > 0;
        }

        /** How C code reaches it from a pointer to the struct: {@code p->} then this. */
        public String path() {
            return group.isEmpty() ? name : group + "." + name;
        }

        /** A C identifier for generated functions about it. */
        public String ident() {
            return path().replace(".", "__");
        }
    }

    /** A struct: its size and members in declaration order. */
    public record Struct(String name, long byteSize, List<Member> members) {
    }

    private record Die(int depth, String tag, Map<String, String> attrs) {
    }

    /** The structs of a readelf dump, by name (the first definition of each). */
    public static Map<String, Struct> parse(String readelf) {
        Map<Long, Die> byOffset = new HashMap<>();
        List<Long> order = new ArrayList<>();
        Die current = null;
        for (String line : readelf.split("\n")) {
            Matcher d = DIE.matcher(line);
            if (d.find()) {
                long off = Long.parseLong(d.group(2), 16);
                current = new Die(Integer.parseInt(d.group(1)), d.group(3), new LinkedHashMap<>());
                byOffset.put(off, current);
                order.add(off);
                continue;
            }
            Matcher a = ATTR.matcher(line);
            if (a.find() && current != null) {
                current.attrs().put(a.group(1), value(a.group(2)));
            }
        }
        Map<String, Struct> out = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            Die s = byOffset.get(order.get(i));
            if (!s.tag().equals("DW_TAG_structure_type") || !s.attrs().containsKey("DW_AT_name")
                    || s.attrs().containsKey("DW_AT_declaration")) {
                continue;
            }
            List<Member> members = new ArrayList<>();
            collect(byOffset, order, i, 0, "", members, 0);
            out.putIfAbsent(s.attrs().get("DW_AT_name"),
                    new Struct(s.attrs().get("DW_AT_name"), number(s.attrs().get("DW_AT_byte_size"), 0), members));
        }
        return out;
    }

    /**
     * The members of the struct DIE at position {@code at} of {@code order}, with an embedded struct's
     * members in place (offsets from the outer struct's start, grouped by the member's name).
     */
    private static void collect(Map<Long, Die> dies, List<Long> order, int at, long base, String group,
            List<Member> out, int nesting) {
        Die s = dies.get(order.get(at));
        for (int j = at + 1; j < order.size(); j++) {
            Die m = dies.get(order.get(j));
            if (m.depth() <= s.depth()) {
                break;
            }
            if (m.depth() != s.depth() + 1 || !m.tag().equals("DW_TAG_member")) {
                continue;
            }
            String name = m.attrs().getOrDefault("DW_AT_name", "");
            int bits = (int) number(m.attrs().get("DW_AT_bit_size"), 0);
            long bitOffset;
            if (bits > 0) {
                bitOffset = number(m.attrs().get("DW_AT_data_bit_offset"), -1);
                if (bitOffset < 0) {
                    throw new IllegalStateException("bitfield " + name + " has no DW_AT_data_bit_offset (DWARF 2 bit "
                            + "offsets are not read)");
                }
            } else {
                bitOffset = 8 * number(m.attrs().get("DW_AT_data_member_location"), 0);
            }
            int inner = nesting < 4 ? structAt(dies, order, m.attrs().get("DW_AT_type")) : -1;
            if (bits == 0 && inner >= 0) {
                collect(dies, order, inner, base + bitOffset, group.isEmpty() ? name : group + "." + name, out, nesting + 1);
                continue;
            }
            long size = bits > 0 ? 0 : typeSize(dies, m.attrs().get("DW_AT_type"));
            out.add(new Member(name, base + bitOffset, bits, size, group));
        }
    }

    /** The position in {@code order} of the struct a type reference names (through typedefs), or -1. */
    private static int structAt(Map<Long, Die> dies, List<Long> order, String ref) {
        for (int hops = 0; ref != null && hops < 16; hops++) {
            Matcher m = Pattern.compile("<0x([0-9a-f]+)>").matcher(ref);
            if (!m.find()) {
                return -1;
            }
            long off = Long.parseLong(m.group(1), 16);
            Die t = dies.get(off);
            if (t == null) {
                return -1;
            }
            if (t.tag().equals("DW_TAG_structure_type")) {
                return order.indexOf(off);
            }
            if (!t.tag().equals("DW_TAG_typedef") && !t.tag().equals("DW_TAG_const_type")
                    && !t.tag().equals("DW_TAG_volatile_type")) {
                return -1;
            }
            ref = t.attrs().get("DW_AT_type");
        }
        return -1;
    }

    /** The value after readelf's form note, e.g. "(indirect string, offset: 0x37): demo" gives "demo". */
    private static String value(String raw) {
        String v = raw.strip();
        if (v.startsWith("(") && v.contains("): ")) {
            v = v.substring(v.indexOf("): ") + 3);
        }
        return v.strip();
    }

    private static long number(String s, long dflt) {
        if (s == null) {
            return dflt;
        }
        String t = s.strip().split("\\s+")[0];
        try {
            return t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** The byte size of a type, through typedefs and qualifiers. */
    private static long typeSize(Map<Long, Die> dies, String ref) {
        for (int hops = 0; ref != null && hops < 16; hops++) {
            Matcher m = Pattern.compile("<0x([0-9a-f]+)>").matcher(ref);
            if (!m.find()) {
                return 0;
            }
            Die t = dies.get(Long.parseLong(m.group(1), 16));
            if (t == null) {
                return 0;
            }
            if (t.attrs().containsKey("DW_AT_byte_size")) {
                return number(t.attrs().get("DW_AT_byte_size"), 0);
            }
            ref = t.attrs().get("DW_AT_type");
        }
        return 0;
    }
}
