package racetrace.cli;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import racetrace.engine.BadInputException;
import racetrace.engine.Instance;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.tla.SpecLibrary;
import racetrace.tla.TlaNames;

/**
 * The names new-model derives from a model's name, checked before any file is written: the
 * project must compile and its spec parse for every name accepted. A model name gives the Java
 * package (without its dashes), the class-name prefix and the TLA+ module ({@code lost-wakeup}:
 * {@code lostwakeup}, {@code LostWakeup}). Refused: a package segment that is a Java keyword or
 * literal, a package of Java's or racetrace's own; a class that takes the name of a type the
 * sources import; a module named as a TLA+ standard module, a reserved word or a bundled spec; a
 * model name racetrace already has.
 *
 * @param name the model's name on the command line
 * @param javaPackage the package the sources go in
 * @param prefix the prefix of the class names and the spec's module name
 */
record ScaffoldNames(String name, String javaPackage, String prefix) {

    /** The classes new-model writes, by the suffix after the prefix. */
    static final List<String> CLASS_SUFFIXES = List.of("Model", "Properties", "SpecTest");

    /** Longer names make unreadable classes and paths; no model needs more. */
    static final int MAX_NAME = 60;

    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)\\.(\\w+)\\s*;");

    /** Checks the model's name and the package (given, or null for the one made from the name). */
    static ScaffoldNames check(String name, String givenPackage) {
        if (!name.matches("[a-z][a-z0-9-]*") || name.endsWith("-") || name.contains("--")) {
            throw new BadInputException("model name '" + name + "' is not valid: use lower case letters, digits and "
                    + "single '-' between them, starting with a letter (e.g. seqlock, lost-wakeup)");
        }
        if (name.length() > MAX_NAME) {
            throw new BadInputException("model name '" + name.substring(0, 20) + "...' has " + name.length()
                    + " characters; give at most " + MAX_NAME);
        }
        for (ModelFamily f : Models.families()) {
            if (f.name().equals(name)) {
                throw new BadInputException("model name '" + name + "' is taken: racetrace already has a model of "
                        + "that name (racetrace list); two models of one name cannot be told apart, give another");
            }
        }
        String pkg = givenPackage != null ? givenPackage : name.replace("-", "");
        String what = givenPackage != null ? "--package " + pkg : "the package '" + pkg + "' made from the name";
        String hint = givenPackage != null ? "" : " (give another name, or --package)";
        if (!pkg.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
            throw new BadInputException(what + " is not a Java package name in lower case (e.g. com.example.seqlock)"
                    + hint);
        }
        for (String segment : pkg.split("\\.")) {
            if (SourceVersion.isKeyword(segment, SourceVersion.RELEASE_17) || segment.equals("_")) {
                throw new BadInputException(what + " is not a Java package name: '" + segment + "' is a Java "
                        + (segment.equals("true") || segment.equals("false") || segment.equals("null") ? "literal"
                                : "keyword") + hint);
            }
        }
        String first = pkg.split("\\.")[0];
        if (first.equals("java") || first.equals("javax") || first.equals("jdk") || first.equals("sun")) {
            throw new BadInputException(what + " is in Java's own namespace (" + first + "), where no class of "
                    + "yours may live" + hint);
        }
        if (first.equals("racetrace")) {
            throw new BadInputException(what + " is in racetrace's own namespace; a model of your own needs a "
                    + "package of its own (e.g. com.example." + pkg.replace(".", "") + ")" + hint);
        }
        String prefix = Instance.camelCase(name);
        if (SpecLibrary.STANDARD_MODULES.contains(prefix) || prefix.equals("TLAPS")) {
            throw new BadInputException("model name '" + name + "' gives the TLA+ module " + prefix + ", the name of "
                    + "a TLA+ standard module that the spec extends or TLC provides; give another name");
        }
        if (TlaNames.RESERVED.contains(prefix) || prefix.startsWith("WF_") || prefix.startsWith("SF_")) {
            throw new BadInputException("model name '" + name + "' gives the TLA+ module " + prefix + ", a TLA+ "
                    + "reserved word; give another name");
        }
        Set<String> bundled = bundledModules();
        if (bundled.contains(prefix)) {
            throw new BadInputException("model name '" + name + "' gives the TLA+ module " + prefix + ", the name of "
                    + "racetrace's own spec, which would be found instead of yours; give another name");
        }
        return new ScaffoldNames(name, pkg, prefix);
    }

    /**
     * Refuses the project when a class it declares takes the simple name of a type one of its
     * sources imports (that source would not compile).
     *
     * @param sources the project's files by path, with their text
     */
    void checkAgainst(Map<String, String> sources) {
        Map<String, String> imported = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            if (e.getKey().endsWith(".java")) {
                Matcher m = IMPORT.matcher(e.getValue());
                while (m.find()) {
                    imported.putIfAbsent(m.group(2), m.group(1) + "." + m.group(2));
                }
            }
        }
        for (String suffix : CLASS_SUFFIXES) {
            String cls = prefix + suffix;
            if (imported.containsKey(cls)) {
                throw new BadInputException("model name '" + name + "' gives the class " + cls + ", which clashes with "
                        + imported.get(cls) + " that the project's sources import; give another name");
            }
        }
    }

    /** The TLA+ modules of the models racetrace bundles (their specs come first on the class path). */
    private static Set<String> bundledModules() {
        Set<String> out = new LinkedHashSet<>();
        for (ModelFamily f : Models.families()) {
            try {
                List<String> variants = InstanceSelection.bundled(f);
                if (!variants.isEmpty()) {
                    Model<?> m = Models.create(f.name(), variants.get(0), Map.of());
                    if (m.tlaModule() != null) {
                        out.add(m.tlaModule());
                    }
                }
            } catch (RuntimeException e) {
                // a family that cannot make an instance has no module to clash with
            }
        }
        return out;
    }
}
