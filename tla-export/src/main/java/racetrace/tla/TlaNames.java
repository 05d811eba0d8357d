package racetrace.tla;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which names may be written into a TLA+ module: identifiers that are not reserved words.
 *
 * <p>Generated modules reserve the prefixes {@code RT_} and {@code rt_} for their own
 * definitions and variables, and import Integers, Sequences and TLC, so spec variables and
 * constants must not use those prefixes or the operator names of these modules.
 */
public final class TlaNames {

    private TlaNames() {
    }

    /** Letters, digits and underscores, starting with a letter or underscore and holding a letter. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[A-Za-z].*");

    /** The reserved words of TLA+ (including the proof language), which are never identifiers. */
    public static final Set<String> RESERVED = Set.of(
            "ACTION", "ASSUME", "ASSUMPTION", "AXIOM", "BOOLEAN", "BY", "CASE", "CHOOSE", "CONSTANT",
            "CONSTANTS", "COROLLARY", "DEF", "DEFINE", "DEFS", "DOMAIN", "ELSE", "ENABLED", "EXCEPT",
            "EXTENDS", "FALSE", "HAVE", "HIDE", "IF", "IN", "INSTANCE", "LAMBDA", "LEMMA", "LET",
            "LOCAL", "MODULE", "NEW", "OBVIOUS", "OMITTED", "ONLY", "OTHER", "PICK", "PROOF",
            "PROPOSITION", "PROVE", "QED", "RECURSIVE", "SF_", "STATE", "STRING", "SUBSET",
            "SUFFICES", "TAKE", "TEMPORAL", "THEN", "THEOREM", "TRUE", "UNCHANGED", "UNION", "USE",
            "VARIABLE", "VARIABLES", "WF_", "WITH", "WITNESS");

    /**
     * Operator names of the standard modules every generated module extends (Naturals, Integers,
     * Sequences, TLC, FiniteSets via TLC): a spec variable or constant with one of these names
     * would clash in the generated module.
     */
    public static final Set<String> STANDARD_OPERATORS = Set.of(
            "Nat", "Int", "Len", "Head", "Tail", "Append", "Seq", "SubSeq", "SelectSeq", "Print",
            "PrintT", "Assert", "JavaTime", "TLCGet", "TLCSet", "Permutations", "SortSeq",
            "RandomElement", "Any", "ToString", "TLCEval", "IsFiniteSet", "Cardinality");

    /** Whether {@code name} can stand as an identifier (record field, operator, variable). */
    public static boolean isIdentifier(String name) {
        return name != null && IDENTIFIER.matcher(name).matches() && HAS_LETTER.matcher(name).matches()
                && !RESERVED.contains(name) && !name.startsWith("WF_") && !name.startsWith("SF_");
    }

    /**
     * Refuses a name that is not a TLA+ identifier.
     *
     * @param kind what the name names ("variable", "record field", "module", "constant")
     * @param where where it was found, for the message
     */
    public static String requireIdentifier(String name, String kind, String where) {
        if (name == null) {
            throw new TlaExportException("a " + kind + " name at " + where + " is null");
        }
        if (RESERVED.contains(name)) {
            throw new TlaExportException(kind + " name '" + name + "' at " + where
                    + " is a TLA+ reserved word; rename it");
        }
        if (!isIdentifier(name)) {
            throw new TlaExportException(kind + " name '" + name + "' at " + where
                    + " is not a TLA+ identifier (letters, digits and _, starting with a letter or _,"
                    + " not WF_/SF_...)");
        }
        return name;
    }

    /**
     * Refuses a spec-level name (variable, constant) that would clash with a definition of the
     * generated modules: the {@code RT_}/{@code rt_} prefixes and standard operator names.
     */
    public static String requireSpecName(String name, String kind, String where) {
        requireIdentifier(name, kind, where);
        if (name.startsWith("RT_") || name.startsWith("rt_")) {
            throw new TlaExportException(kind + " name '" + name + "' at " + where
                    + " uses the prefix RT_/rt_, which generated trace modules reserve for themselves");
        }
        if (STANDARD_OPERATORS.contains(name)) {
            throw new TlaExportException(kind + " name '" + name + "' at " + where
                    + " clashes with an operator of the standard modules (Integers, Sequences, TLC)"
                    + " that generated modules extend");
        }
        return name;
    }

    /** A module name must be an identifier and is also a file name. */
    public static String requireModuleName(String name, String where) {
        return requireIdentifier(name, "module", where);
    }
}
