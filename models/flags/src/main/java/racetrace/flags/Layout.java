package racetrace.flags;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Where the flags of one struct version live, as a layout file states it ({@link LayoutFile}):
 * each flag is a bit of a run of adjacent bitfields (a C11 memory location) or a plain {@code
 * bool}/{@code u8} member of its own, and per compiler profile, how wide each bitfield store is.
 * Members are listed in declaration order.
 *
 * @param model the model family whose writers store these flags ({@code vfio-pci}, {@code mlx5})
 * @param name the layout's name; a bundled layout's name is its variant
 * @param about one line: which commit or patch it is
 * @param sizeof the struct's size in bytes where it was measured (pahole, DWARF), or 0
 * @param runs the bitfield runs
 * @param fields the members in declaration order
 * @param stores the store-width rules of the compiler profiles (notes §5.3)
 * @param origin where it came from, for messages: a file name or {@code bundled:<name>}
 */
public record Layout(String model, String name, String about, int sizeof, List<Run> runs, List<Field> fields,
        List<StoreRule> stores, String origin) {

    /** The most fields a layout may hold: the model keeps field sets as int bitmasks. */
    public static final int MAX_FIELDS = 30;

    /** The compiler profiles a store rule may name; byte and location are the shorthands. */
    public static final List<String> PROFILES = List.of("gcc-x86-64", "gcc-arm64", "clang-x86-64", "clang-arm64");

    /**
     * A C11 memory location: a maximal run of adjacent non-zero-width bitfields.
     *
     * @param name a name for messages and tables, e.g. {@code rbar+28} (its offset from a member)
     * @param bytes the run's size in bytes: the widest store a compiler may make over it
     */
    public record Run(String name, int bytes) {
    }

    /**
     * One member.
     *
     * @param name the C member name
     * @param run the run it belongs to, or null for a plain member
     * @param width its width in bits (bitfield) or bytes (plain member)
     * @param byteIndex the byte of the run holding its lowest bit (0-based)
     * @param bit that bit within the byte, LSB first as both psABIs allocate
     */
    public record Field(String name, String run, int width, int byteIndex, int bit) {

        public boolean isBitfield() {
            return run != null;
        }

        public static Field bit(String name, String run, int width, int byteIndex, int bit) {
            return new Field(name, run, width, byteIndex, bit);
        }

        public static Field plain(String name, int bytes) {
            return new Field(name, null, bytes, 0, 0);
        }
    }

    /** Which bytes of a run a store loads and stores back. */
    public sealed interface Reach {
        /** The byte holding the field's bit. */
        record OwnByte() implements Reach {
            @Override
            public String toString() {
                return "byte";
            }
        }

        /** The whole run. */
        record WholeRun() implements Reach {
            @Override
            public String toString() {
                return "location";
            }
        }

        /** Bytes {@code lo..hi} of the run, as a measured store instruction covers them. */
        record Bytes(int lo, int hi) implements Reach {
            @Override
            public String toString() {
                return "bytes " + lo + "-" + hi;
            }
        }
    }

    /**
     * A store-width rule of a compiler profile: stores of {@code field} ({@code *}: any) whose value is
     * of {@code kind} ({@code constant}, {@code computed}, {@code *}) reach {@code reach}. The most
     * specific rule wins (field before kind); a store no rule matches reaches its own byte.
     */
    public record StoreRule(String profile, String field, String kind, Reach reach, int line) {

        int specificity() {
            return (field.equals("*") ? 0 : 2) + (kind.equals("*") ? 0 : 1);
        }

        boolean matches(String f, String k) {
            return (field.equals("*") || field.equals(f)) && (kind.equals("*") || kind.equals(k));
        }
    }

    public Layout {
        runs = List.copyOf(runs);
        fields = List.copyOf(fields);
        stores = List.copyOf(stores);
    }

    public int indexOf(String field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return i;
            }
        }
        return -1;
    }

    public Field field(String name) {
        int i = indexOf(name);
        return i < 0 ? null : fields.get(i);
    }

    public Run run(String name) {
        for (Run r : runs) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** The compiler profiles this layout has store rules for, in {@link #PROFILES} order. */
    public List<String> profiles() {
        List<String> out = new ArrayList<>();
        for (String p : PROFILES) {
            if (stores.stream().anyMatch(r -> r.profile().equals(p))) {
                out.add(p);
            }
        }
        return out;
    }

    /** The bytes the flags take: every run plus every plain member (padding and holes not counted). */
    public int flagBytes() {
        int n = 0;
        for (Run r : runs) {
            n += r.bytes();
        }
        for (Field f : fields) {
            if (!f.isBitfield()) {
                n += f.width();
            }
        }
        return n;
    }

    /**
     * Eight hex digits of what the model uses ({@link LayoutFile#content}: members, runs, offsets,
     * widths, store rules): two layouts with the same digest are the same layout to the model,
     * whatever their file, name or the compiler banner they were read with.
     */
    public String digest() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(LayoutFile.content(this).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same layout under another name (and origin): a derived or registered copy. */
    public Layout renamed(String newName, String newAbout, String newOrigin) {
        return new Layout(model, newName, newAbout, sizeof, runs, fields, stores, newOrigin);
    }
}
