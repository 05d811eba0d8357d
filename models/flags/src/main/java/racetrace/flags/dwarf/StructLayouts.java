package racetrace.flags.dwarf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import racetrace.engine.BadInputException;
import racetrace.flags.Layout;
import racetrace.flags.LayoutFile;
import racetrace.flags.Layouts;
import racetrace.flags.TextFiles;
import racetrace.flags.UnitMap;

/**
 * A layout from the real compiler: the C declaration is compiled with GCC ({@code -g}); each
 * bitfield's byte and bit come from the DWARF (readelf), each store's width from the code GCC
 * generates for one store of a constant and one of a computed value per bitfield. Nothing of the
 * ABI's rules is computed here: runs are the members GCC reports as adjacent bitfields (split at
 * a non-bitfield member, or at an unnamed {@code :0} in the source, which DWARF does not show).
 */
public final class StructLayouts {

    /** Kernel scalar types, so that a struct pasted from a patch compiles when its members are scalars. */
    static final String PRELUDE = String.join("\n",
            "#include <stdbool.h>",
            "#include <stdint.h>",
            "typedef uint8_t u8; typedef uint16_t u16; typedef uint32_t u32; typedef uint64_t u64;",
            "typedef int8_t s8; typedef int16_t s16; typedef int32_t s32; typedef int64_t s64;",
            "");
    static final List<String> FLAGS = List.of("-std=gnu11", "-fno-strict-aliasing", "-fno-common",
            "-fno-allow-store-data-races");

    private static final Pattern STRUCT = Pattern.compile("\\bstruct\\s+(\\w+)\\s*\\{");

    private StructLayouts() {
    }

    /**
     * The layout of a struct of a C file, for a model.
     *
     * @param struct the struct's name, or null for the last struct the file defines
     * @param arch {@code x86-64} or {@code arm64}
     */
    public static Layout fromC(Path file, String model, String struct, String arch) {
        Toolchain tc = Toolchain.of(arch);
        String source = TextFiles.read(file, "C file");
        String name = struct != null ? struct : lastStruct(file, source);
        Path dir;
        try {
            dir = Files.createTempDirectory("racetrace-layout");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            String include = PRELUDE + "#include \"" + file.toAbsolutePath() + "\"\n";
            DwarfMembers.Struct s = members(tc, dir, include, name, file);
            Map<String, List<StoreInstructions.Store>> stores = stores(tc, dir, include, s, file);
            return build(file, model, s, zeroWidthSplits(source, name), stores, tc);
        } finally {
            deleteTree(dir);
        }
    }

    private static String lastStruct(Path file, String source) {
        Matcher m = STRUCT.matcher(source);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            throw new BadInputException(file + " defines no struct (struct NAME { ... };); give the declaration, or --struct");
        }
        return last;
    }

    private static DwarfMembers.Struct members(Toolchain tc, Path dir, String include, String name, Path file) {
        String probe = include + "struct " + name + " *rt_probe;\n";
        Path obj = compile(tc, dir, "probe.c", probe, List.of("-g", "-O2", "-c", "-o", "probe.o"), file);
        Toolchain.Result r = Toolchain.run(List.of("readelf", "--debug-dump=info", obj.getFileName().toString()), dir,
                file);
        if (r.code() != 0) {
            throw new BadInputException("readelf failed on the object of " + file + ": " + firstLine(r.err()));
        }
        DwarfMembers.Struct s = DwarfMembers.parse(r.out()).get(name);
        if (s == null || s.members().isEmpty()) {
            throw new BadInputException(file + ": GCC's DWARF has no definition of struct " + name
                    + "; is it declared in the file (give its name with --struct)?");
        }
        return s;
    }

    private static Map<String, List<StoreInstructions.Store>> stores(Toolchain tc, Path dir, String include,
            DwarfMembers.Struct s, Path file) {
        StringBuilder src = new StringBuilder(include);
        for (DwarfMembers.Member m : s.members()) {
            if (m.isBitfield() && !m.name().isEmpty()) {
                // One store of a constant and one of a value known only at run time
                // (docs/research/vfio-pci-bitfields.md §5.3). The pointer passed in is the member's own
                // byte: the store's displacement is then a few bytes whatever the member's offset in the
                // struct (an offset past 2 GiB, or past an arm64 store's immediate, would need an address
                // computed first).
                long own = m.bitOffset() / 8;
                String p = "((struct " + s.name() + " *)(b - " + own + "L))";
                src.append("void rt_c_").append(m.ident()).append("(char *b) { ").append(p).append("->")
                        .append(m.path()).append(" = 1; }\n");
                src.append("void rt_x_").append(m.ident()).append("(char *b, int v) { ").append(p).append("->")
                        .append(m.path()).append(" = v; }\n");
            }
        }
        Path asm = compile(tc, dir, "stores.c", src.toString(), List.of("-O2", "-S", "-o", "stores.s"), file);
        try {
            return StoreInstructions.parse(Files.readString(asm, StandardCharsets.ISO_8859_1), "rt_");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path compile(Toolchain tc, Path dir, String name, String text, List<String> flags, Path file) {
        try {
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(tc.gcc());
        cmd.addAll(FLAGS);
        cmd.addAll(flags);
        cmd.add(name);
        Toolchain.Result r = Toolchain.run(cmd, dir, file);
        if (r.code() != 0) {
            String err = r.err().lines().filter(l -> l.contains("error")).findFirst().orElse(firstLine(r.err()));
            throw new BadInputException(file + " does not compile with " + tc.gcc() + ": " + err.strip()
                    + " (declare the types the struct uses, or replace them by stand-ins of the same size)");
        }
        return dir.resolve(flags.get(flags.indexOf("-o") + 1));
    }

    /** Named bitfields that follow an unnamed zero-width bitfield in the struct's source. */
    static Set<String> zeroWidthSplits(String source, String struct) {
        Matcher m = Pattern.compile("\\bstruct\\s+" + Pattern.quote(struct) + "\\s*\\{").matcher(source);
        Set<String> out = new LinkedHashSet<>();
        if (!m.find()) {
            return out;
        }
        int depth = 1;
        int i = m.end();
        StringBuilder body = new StringBuilder();
        for (; i < source.length() && depth > 0; i++) {
            char ch = source.charAt(i);
            depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
            if (depth > 0) {
                body.append(depth == 1 ? ch : ' ');
            }
        }
        String text = body.toString().replaceAll("/\\*.*?\\*/|//[^\\n]*", " ");
        boolean split = false;
        for (String decl : text.split(";")) {
            String d = decl.strip();
            if (d.matches("[\\w\\s]+:\\s*0")) {
                split = true;
                continue;
            }
            Matcher bf = Pattern.compile("(\\w+)\\s*:\\s*\\d+$").matcher(d);
            if (bf.find()) {
                if (split) {
                    out.add(bf.group(1));
                }
            }
            split = false;
        }
        return out;
    }

    private static Layout build(Path file, String model, DwarfMembers.Struct s, Set<String> splitBefore,
            Map<String, List<StoreInstructions.Store>> stores, Toolchain tc) {
        Set<String> flags = Layouts.flagNames(model);
        // Group adjacent bitfields into runs.
        List<List<DwarfMembers.Member>> runs = new ArrayList<>();
        List<Object> order = new ArrayList<>();
        List<DwarfMembers.Member> open = null;
        String group = "";
        for (DwarfMembers.Member m : s.members()) {
            boolean newGroup = !m.group().equals(group);
            group = m.group();
            if (m.isBitfield() && !m.name().isEmpty()) {
                if (open == null || newGroup || splitBefore.contains(m.name())) {
                    open = new ArrayList<>();
                    runs.add(open);
                    order.add(open);
                }
                open.add(m);
            } else {
                open = null;
                if (flags.contains(m.name())) {
                    order.add(m);
                }
            }
        }
        List<Layout.Run> layoutRuns = new ArrayList<>();
        List<Layout.Field> fields = new ArrayList<>();
        List<Layout.StoreRule> rules = new ArrayList<>();
        Map<List<DwarfMembers.Member>, long[]> extent = new LinkedHashMap<>();
        for (Object o : order) {
            if (o instanceof DwarfMembers.Member m) {
                fields.add(Layout.Field.plain(m.name(), (int) Math.max(1, m.byteSize())));
                continue;
            }
            @SuppressWarnings("unchecked")
            List<DwarfMembers.Member> run = (List<DwarfMembers.Member>) o;
            long first = run.stream().mapToLong(x -> x.bitOffset() / 8).min().orElseThrow();
            long last = run.stream().mapToLong(x -> (x.bitOffset() + x.bitSize() - 1) / 8).max().orElseThrow();
            String runName = (run.get(0).group().isEmpty() ? s.name() : run.get(0).group()) + "+" + first;
            int bytes = (int) (last - first + 1);
            if (bytes > 8) {
                throw new BadInputException(file + ": the bitfield run of struct " + s.name() + " at byte " + first
                        + " spans " + bytes + " bytes; racetrace models runs of up to 8");
            }
            layoutRuns.add(new Layout.Run(runName, bytes));
            extent.put(run, new long[] {first, bytes});
            for (DwarfMembers.Member m : run) {
                fields.add(Layout.Field.bit(m.name(), runName, m.bitSize(), (int) (m.bitOffset() / 8 - first),
                        (int) (m.bitOffset() % 8)));
                for (String kind : List.of(UnitMap.CONSTANT, UnitMap.COMPUTED)) {
                    String fn = "rt_" + (kind.equals(UnitMap.CONSTANT) ? "c_" : "x_") + m.ident();
                    rules.add(rule(file, tc, s, m, kind, fn, stores.get(fn), first, bytes));
                }
            }
        }
        String about = "struct " + s.name() + " of " + file.getFileName() + ", " + tc.version() + " (" + tc.arch()
                + "), DWARF and generated stores";
        // A struct past 2 GiB (a huge array member) has bitfields racetrace reads all the same; its
        // size is then not recorded (0: not measured), as no layout compares sizes that large.
        int sizeof = s.byteSize() > Integer.MAX_VALUE ? 0 : (int) s.byteSize();
        Layout l = new Layout(model, s.name(), about, sizeof, layoutRuns, fields, rules, file.toString());
        // The file reader's checks (overlaps, widths, at most 30 members) apply to it too.
        return LayoutFile.parse(LayoutFile.canonical(l), file.toString()).renamed(s.name(), about, file.toString());
    }

    /** Bytes past which an arm64 store's immediate offset no longer reaches (strb: 0..4095). */
    static final long ARM_REACH = 4096;

    private static Layout.StoreRule rule(Path file, Toolchain tc, DwarfMembers.Struct s, DwarfMembers.Member m,
            String kind, String fn, List<StoreInstructions.Store> found, long first, int bytes) {
        if ((found == null || found.isEmpty()) && m.bitOffset() / 8 >= ARM_REACH) {
            // The input's problem, not racetrace's: GCC computes so far an address in a register first.
            // The member before it that spans the most bytes (its offset to the next member's).
            String largest = null;
            long span = 0;
            List<DwarfMembers.Member> ms = s.members();
            for (int i = 0; i + 1 < ms.size(); i++) {
                long size = ms.get(i + 1).bitOffset() / 8 - ms.get(i).bitOffset() / 8;
                if (ms.get(i).bitOffset() < m.bitOffset() && size > span) {
                    span = size;
                    largest = ms.get(i).name().isEmpty() ? "(unnamed)" : ms.get(i).name();
                }
            }
            throw new BadInputException(file + ": the bitfield " + m.name() + " lies at byte " + m.bitOffset() / 8
                    + " of struct " + s.name() + ", farther than one " + tc.arch() + " store instruction reaches, so "
                    + tc.gcc() + " computes its address first and racetrace cannot read how wide it stores it"
                    + (largest == null ? "" : "; the member " + largest + " before it spans " + span
                            + " bytes: is that the size you meant?"));
        }
        if (found == null || found.size() != 1) {
            throw new BadInputException(file + ": racetrace cannot tell how wide " + tc.gcc() + " stores the bitfield "
                    + m.name() + " (a " + kind + " value): the code GCC makes for "
                    + "'p->" + m.path() + " = " + (kind.equals(UnitMap.CONSTANT) ? "1" : "v") + "' has "
                    + (found == null || found.isEmpty() ? "no store at a fixed offset" : found.size() + " stores "
                            + found.stream().map(StoreInstructions.Store::instruction).toList())
                    + ", and racetrace reads the width of exactly one (is the member volatile, or of an unusual "
                    + "type?)");
        }
        StoreInstructions.Store st = found.get(0);
        long own = m.bitOffset() / 8 - first;
        // The store's displacement is from the member's own byte (see stores()).
        long lo = own + st.offset();
        long hi = lo + st.bytes() - 1;
        if (lo < 0 || hi >= bytes || own < lo || own > hi) {
            throw new BadInputException(file + ": " + tc.gcc() + " stores the bitfield " + m.name() + " with '"
                    + st.instruction() + "', which covers bytes " + (first + lo) + ".." + (first + hi) + " of the "
                    + "struct, outside its run of bitfields (bytes " + first + ".." + (first + bytes - 1) + ")");
        }
        Layout.Reach reach = lo == own && hi == own ? new Layout.Reach.OwnByte()
                : lo == 0 && hi == bytes - 1 ? new Layout.Reach.WholeRun() : new Layout.Reach.Bytes((int) lo, (int) hi);
        return new Layout.StoreRule(tc.profile(), m.name(), kind, reach, 0);
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("").strip();
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
