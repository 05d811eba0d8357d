package racetrace.flags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import racetrace.engine.BadInputException;
import racetrace.search.CommentedLine;

/**
 * Reads and writes the layout file format: one directive per line, {@code #} starts a comment.
 *
 * <pre>
 * model  vfio-pci                      which model's writers store these flags
 * layout pre-c                         the layout's name
 * about  7.2-rc1: plain sriov_active   one line (optional)
 * sizeof 744                           the struct's size in bytes where measured (optional)
 * run    rbar+28 2                     a run of adjacent bitfields (one C11 memory location), its bytes
 * field  has_dyn_msix 1 at 0.0         a bitfield of the open run: width in bits, at byte.bit of the run
 * plain  sriov_active 1                a member of its own (bool, u8): ends the open run
 * store  clang-x86-64 * computed location    a store-width rule of a compiler profile
 * </pre>
 *
 * Members appear in declaration order. A store rule names a profile ({@link Layout#PROFILES}), a
 * field or {@code *}, the stored value's kind ({@code constant}, {@code computed} or {@code *}) and
 * what the store loads and writes back: {@code byte} (the byte holding the bit), {@code location}
 * (the whole run) or {@code bytes LO-HI} of the run. Every error names the file and line and says
 * what would be right.
 */
public final class LayoutFile {

    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Pattern AT = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");
    private static final String DIRECTIVES = "model, layout, about, sizeof, run, field, plain, store (or a # comment)";

    private LayoutFile() {
    }

    /** Parses a layout file's text; {@code origin} (the file name) is quoted in every error. */
    public static Layout parse(String text, String origin) {
        return new Reader(origin).read(text);
    }

    private static final class Reader {
        final String origin;
        String model;
        String name;
        String about = "";
        int sizeof;
        final List<Layout.Run> runs = new ArrayList<>();
        final List<Layout.Field> fields = new ArrayList<>();
        final List<Layout.StoreRule> stores = new ArrayList<>();
        final List<Integer> storeLines = new ArrayList<>();
        String openRun;
        int openRunBytes;
        int openRunLine;
        /** Bits of the open run already taken by a field. */
        long usedBits;
        int line;

        Reader(String origin) {
            this.origin = origin;
        }

        BadInputException error(String what) {
            return new BadInputException(origin + ":" + line + ": " + what);
        }

        Layout read(String text) {
            for (CommentedLine cl : CommentedLine.of(text)) {
                line = cl.number();
                String l = cl.text();
                String[] w = l.split("\\s+");
                switch (w[0]) {
                    case "model" -> model = single(w, "model NAME, e.g. model vfio-pci", model);
                    case "layout" -> {
                        name = single(w, "layout NAME, e.g. layout pre-c", name);
                        if (!NAME.matcher(name).matches() || name.length() > 40) {
                            throw error("layout name '" + name + "' must be letters, digits and . _ + - (at most 40),"
                                    + " starting with a letter or digit");
                        }
                    }
                    case "about" -> about = l.substring(5).strip();
                    case "sizeof" -> sizeof = number(arity(w, 2, "sizeof BYTES")[1], "the struct's size", 1, 1 << 20);
                    case "run" -> run(w);
                    case "field" -> field(w);
                    case "plain" -> plain(w);
                    case "store" -> store(w);
                    default -> throw error("unknown directive '" + w[0] + "'; a line is one of " + DIRECTIVES);
                }
            }
            closeRun();
            if (model == null) {
                throw new BadInputException(origin + ": no 'model' line; add one naming the model whose writers store "
                        + "these flags, e.g. model vfio-pci");
            }
            if (name == null) {
                throw new BadInputException(origin + ": no 'layout' line; add one naming the layout, e.g. layout mine");
            }
            if (fields.isEmpty()) {
                throw new BadInputException(origin + ": no members; add 'run' with 'field' lines or 'plain' lines");
            }
            if (fields.size() > Layout.MAX_FIELDS) {
                throw new BadInputException(origin + ": " + fields.size() + " members; a layout holds at most "
                        + Layout.MAX_FIELDS + " (leave out members no modelled context writes)");
            }
            for (int i = 0; i < stores.size(); i++) {
                line = storeLines.get(i);
                checkReach(stores.get(i));
            }
            return new Layout(model, name, about, sizeof, runs, fields, stores, origin);
        }

        String single(String[] w, String form, String previous) {
            arity(w, 2, form);
            if (previous != null) {
                throw error("a second '" + w[0] + "' line; a layout file has one");
            }
            return w[1];
        }

        String[] arity(String[] w, int n, String form) {
            if (w.length != n) {
                throw error("'" + String.join(" ", w) + "' should read: " + form);
            }
            return w;
        }

        int number(String s, String what, int min, int max) {
            int v;
            try {
                v = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw error(what + " '" + s + "' is not a number; give a whole number " + min + ".." + max);
            }
            if (v < min || v > max) {
                throw error(what + " " + v + " is out of range; give " + min + ".." + max);
            }
            return v;
        }

        void member(String n) {
            if (!IDENT.matcher(n).matches()) {
                throw error("'" + n + "' is not a C member name (letters, digits, _; not starting with a digit)");
            }
            for (Layout.Field f : fields) {
                if (f.name().equals(n)) {
                    throw error("member " + n + " is declared twice; each member appears once");
                }
            }
        }

        void closeRun() {
            if (openRun != null && usedBits == 0) {
                int at = line;
                line = openRunLine;
                BadInputException e = error("run " + openRun + " has no field; follow it with 'field NAME WIDTH at BYTE.BIT'"
                        + " lines or remove it");
                line = at;
                throw e;
            }
            openRun = null;
        }

        void run(String[] w) {
            arity(w, 3, "run NAME BYTES, e.g. run rbar+28 2");
            closeRun();
            if (!NAME.matcher(w[1]).matches()) {
                throw error("run name '" + w[1] + "' must be letters, digits and . _ + -");
            }
            for (Layout.Run r : runs) {
                if (r.name().equals(w[1])) {
                    throw error("run " + w[1] + " is declared twice; give each run its own name");
                }
            }
            openRun = w[1];
            openRunBytes = number(w[2], "run size in bytes", 1, 8);
            openRunLine = line;
            usedBits = 0;
            runs.add(new Layout.Run(openRun, openRunBytes));
        }

        void field(String[] w) {
            if (w.length != 5 || !w[3].equals("at")) {
                throw error("'" + String.join(" ", w) + "' should read: field NAME WIDTH at BYTE.BIT, e.g. field bardirty 1"
                        + " at 0.5");
            }
            if (openRun == null) {
                throw error("field " + w[1] + " is not inside a run (a plain member or the file's start came before it); "
                        + "start one with 'run NAME BYTES'");
            }
            member(w[1]);
            int width = number(w[2], "width of " + w[1] + " in bits", 1, 64);
            var m = AT.matcher(w[4]);
            if (!m.matches()) {
                throw error("position '" + w[4] + "' of " + w[1] + " should be BYTE.BIT, e.g. 1.3");
            }
            int b = number(m.group(1), "byte of " + w[1], 0, openRunBytes - 1);
            int bit = number(m.group(2), "bit of " + w[1], 0, 7);
            int first = b * 8 + bit;
            if (first + width > openRunBytes * 8) {
                throw error(w[1] + " (" + width + " bits at " + w[4] + ") runs past the end of run " + openRun + " ("
                        + openRunBytes + " bytes); widen the run or fix the position");
            }
            long bits = (width == 64 ? -1L : (1L << width) - 1) << first;
            if ((usedBits & bits) != 0) {
                String other = fields.stream().filter(f -> openRun.equals(f.run()) && overlaps(f, first, width))
                        .map(Layout.Field::name).findFirst().orElse("another field");
                throw error(w[1] + " at " + w[4] + " overlaps " + other + " in run " + openRun
                        + "; each bit belongs to one field");
            }
            usedBits |= bits;
            fields.add(Layout.Field.bit(w[1], openRun, width, b, bit));
        }

        boolean overlaps(Layout.Field f, int first, int width) {
            int a = f.byteIndex() * 8 + f.bit();
            return a < first + width && first < a + f.width();
        }

        void plain(String[] w) {
            arity(w, 3, "plain NAME BYTES, e.g. plain sriov_active 1");
            closeRun();
            member(w[1]);
            fields.add(Layout.Field.plain(w[1], number(w[2], "size of " + w[1] + " in bytes", 1, 8)));
        }

        void store(String[] w) {
            if (w.length < 5) {
                throw error("'" + String.join(" ", w) + "' should read: store PROFILE FIELD|* constant|computed|* "
                        + "byte|location|bytes LO-HI");
            }
            if (!Layout.PROFILES.contains(w[1])) {
                throw error("unknown compiler profile '" + w[1] + "'; use one of " + Layout.PROFILES);
            }
            if (!w[3].equals("*") && !w[3].equals("constant") && !w[3].equals("computed")) {
                throw error("value kind '" + w[3] + "' should be constant, computed or *");
            }
            Layout.Reach reach;
            if (w.length == 5 && w[4].equals("byte")) {
                reach = new Layout.Reach.OwnByte();
            } else if (w.length == 5 && w[4].equals("location")) {
                reach = new Layout.Reach.WholeRun();
            } else if (w.length == 6 && w[4].equals("bytes") && RANGE.matcher(w[5]).matches()) {
                var m = RANGE.matcher(w[5]);
                m.matches();
                int lo = number(m.group(1), "first byte", 0, 7);
                int hi = number(m.group(2), "last byte", 0, 7);
                if (lo > hi) {
                    throw error("bytes " + w[5] + ": the first byte comes after the last");
                }
                reach = new Layout.Reach.Bytes(lo, hi);
            } else {
                throw error("store width '" + String.join(" ", Arrays.copyOfRange(w, 4, w.length))
                        + "' should be byte, location or bytes LO-HI");
            }
            for (Layout.StoreRule r : stores) {
                if (r.profile().equals(w[1]) && r.field().equals(w[2]) && r.kind().equals(w[3])) {
                    throw error("a second rule for " + w[1] + " " + w[2] + " " + w[3] + " (first on line " + r.line()
                            + "); keep one");
                }
            }
            stores.add(new Layout.StoreRule(w[1], w[2], w[3], reach, line));
            storeLines.add(line);
        }

        void checkReach(Layout.StoreRule r) {
            if (!r.field().equals("*")) {
                Layout.Field f = fields.stream().filter(x -> x.name().equals(r.field())).findFirst().orElse(null);
                if (f == null) {
                    throw error("store rule names " + r.field() + ", which is not a member of this layout");
                }
                if (!f.isBitfield()) {
                    throw error("store rule names " + r.field() + ", a plain member: only bitfield stores have a width "
                            + "to choose");
                }
            }
            if (r.reach() instanceof Layout.Reach.Bytes b) {
                for (Layout.Field f : fields) {
                    if (f.isBitfield() && (r.field().equals("*") || r.field().equals(f.name()))) {
                        int size = runs.stream().filter(x -> x.name().equals(f.run())).findFirst().orElseThrow().bytes();
                        if (b.hi() >= size || f.byteIndex() < b.lo() || f.byteIndex() > b.hi()) {
                            throw error("bytes " + b.lo() + "-" + b.hi() + " do not cover " + f.name() + " (byte "
                                    + f.byteIndex() + " of run " + f.run() + ", " + size + " bytes): a store of a field "
                                    + "covers its byte and stays inside its run");
                        }
                    }
                }
            }
        }
    }

    /** The layout as a file in the canonical form (fixed spacing, no comments). */
    public static String canonical(Layout l) {
        StringBuilder b = new StringBuilder();
        b.append("model ").append(l.model()).append('\n');
        b.append("layout ").append(l.name()).append('\n');
        if (!l.about().isEmpty()) {
            b.append("about ").append(l.about()).append('\n');
        }
        if (l.sizeof() > 0) {
            b.append("sizeof ").append(l.sizeof()).append('\n');
        }
        members(l, b);
        return b.toString();
    }

    /**
     * What the model uses of a layout, in the canonical form: the model whose writers store the
     * flags, the members (runs with their sizes, each field's width, byte and bit; plain members)
     * and the store rules. Not the name, the about line (a file name, a compiler's banner) or the
     * measured sizeof: {@link Layout#digest} hashes this, so a copy of a file under another name,
     * or the same struct compiled on another machine, is the same layout.
     */
    public static String content(Layout l) {
        StringBuilder b = new StringBuilder();
        b.append("model ").append(l.model()).append('\n');
        members(l, b);
        return b.toString();
    }

    private static void members(Layout l, StringBuilder b) {
        String open = null;
        Set<String> seen = new HashSet<>();
        for (Layout.Field f : l.fields()) {
            if (f.isBitfield()) {
                if (!f.run().equals(open)) {
                    open = f.run();
                    seen.add(open);
                    b.append("run ").append(open).append(' ').append(l.run(open).bytes()).append('\n');
                }
                b.append("field ").append(f.name()).append(' ').append(f.width()).append(" at ").append(f.byteIndex())
                        .append('.').append(f.bit()).append('\n');
            } else {
                open = null;
                b.append("plain ").append(f.name()).append(' ').append(f.width()).append('\n');
            }
        }
        for (Layout.StoreRule r : l.stores()) {
            b.append("store ").append(r.profile()).append(' ').append(r.field()).append(' ').append(r.kind()).append(' ')
                    .append(r.reach()).append('\n');
        }
    }
}
