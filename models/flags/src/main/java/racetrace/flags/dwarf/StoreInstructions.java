package racetrace.flags.dwarf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the stores of each function from GCC's assembler output ({@code gcc -S}): for x86-64 (AT&T
 * syntax) an instruction whose last operand is memory and whose suffix gives the width
 * ({@code orb $4, 716(%rdi)}, {@code movw %cx, 716(%rdi)}); for arm64 {@code strb}, {@code strh},
 * {@code str} (and the unscaled {@code stur*}) with their register width.
 */
public final class StoreInstructions {

    private static final Pattern LABEL = Pattern.compile("^([A-Za-z_][\\w.]*):");
    private static final Pattern X86 = Pattern.compile(
            "^\\s*(mov|or|and|xor|add|sub|bts|btr|btc)([bwlq])\\s+[^,]+,\\s*(-?\\d*)\\((%\\w+)\\)\\s*$");
    private static final Pattern ARM = Pattern.compile(
            "^\\s*(st(?:u)?r(b|h)?)\\s+([wx])\\d+,\\s*\\[(x\\d+|sp)(?:,\\s*#?(-?\\d+))?\\]\\s*$");

    private StoreInstructions() {
    }

    /** One store: its offset from the base register and its width in bytes. */
    public record Store(String instruction, long offset, int bytes) {
    }

    /** Stores per function, for the functions whose names start with {@code prefix}. */
    public static Map<String, List<Store>> parse(String asm, String prefix) {
        Map<String, List<Store>> out = new LinkedHashMap<>();
        String fn = null;
        for (String line : asm.split("\n")) {
            Matcher l = LABEL.matcher(line);
            if (l.find()) {
                fn = l.group(1).startsWith(prefix) ? l.group(1) : null;
                if (fn != null) {
                    out.put(fn, new ArrayList<>());
                }
                continue;
            }
            if (fn == null) {
                continue;
            }
            String insn = line.replaceAll("\\s*(#|//).*$", "");
            Matcher x = X86.matcher(insn);
            if (x.matches()) {
                int bytes = switch (x.group(2)) {
                    case "b" -> 1;
                    case "w" -> 2;
                    case "l" -> 4;
                    default -> 8;
                };
                out.get(fn).add(new Store(insn.strip(), x.group(3).isEmpty() ? 0 : Long.parseLong(x.group(3)), bytes));
                continue;
            }
            Matcher a = ARM.matcher(insn);
            if (a.matches()) {
                int bytes = a.group(2) == null ? (a.group(3).equals("w") ? 4 : 8) : a.group(2).equals("b") ? 1 : 2;
                out.get(fn).add(new Store(insn.strip(), a.group(5) == null ? 0 : Long.parseLong(a.group(5)), bytes));
            }
        }
        return out;
    }
}
