package racetrace.flags;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.BadInputException;
import racetrace.engine.Models;

/**
 * The layouts a flags family knows: its bundled ones (resources {@code
 * racetrace/flags/layouts/<model>/<variant>.layout}) and the ones a command line added from a file.
 * An added layout becomes a variant named {@code <layout name>@<digest>}, so a schedule string made
 * with one file is refused with a file whose content differs.
 */
public final class Layouts {

    private static final Map<String, Map<String, Layout>> ADDED = new LinkedHashMap<>();
    /** The writers a file added to an added variant ({@code --writers}), by model and variant. */
    private static final Map<String, Map<String, List<Writer>>> WRITERS = new LinkedHashMap<>();

    private Layouts() {
    }

    /** A bundled layout. */
    public static Layout bundled(String model, String variant) {
        String res = "/racetrace/flags/layouts/" + model + "/" + variant + ".layout";
        try (InputStream in = Layouts.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("no bundled layout " + res);
            }
            return LayoutFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled:" + model + "/"
                    + variant + ".layout");
        } catch (IOException e) {
            throw new UncheckedIOException(res, e);
        }
    }

    /**
     * The flags a model's writers store, as its bundled layouts name them: the plain members a
     * layout read from a C declaration keeps (every bitfield is kept, since it shares a run).
     */
    public static Set<String> flagNames(String model) {
        if (!(Models.family(model) instanceof FlagsFamily f)) {
            throw new BadInputException("model " + model + " takes no layout; the flags models are vfio-pci and mlx5");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : f.bundled()) {
            bundled(model, v).fields().forEach(x -> out.add(x.name()));
        }
        return out;
    }

    /** The bundled variants of a flags model, oldest first. */
    public static List<String> bundledVariants(String model) {
        if (!(Models.family(model) instanceof FlagsFamily f)) {
            throw new BadInputException("model " + model + " takes no layout; the flags models are vfio-pci and mlx5");
        }
        return f.bundled();
    }

    /** Reads a layout file; errors name the file and line. */
    public static Layout read(Path file) {
        return LayoutFile.parse(TextFiles.read(file, "layout file"), file.toString());
    }

    /**
     * Makes a layout a variant of its model and returns the variant's name: a bundled variant's name
     * when the layout is that variant, else {@code <name>@<digest>}.
     *
     * @param bundledVariants the family's bundled variant names
     */
    public static synchronized String add(Layout layout, List<String> bundledVariants) {
        String digest = layout.digest();
        for (String v : bundledVariants) {
            if (bundled(layout.model(), v).digest().equals(digest)) {
                return v;
            }
        }
        String variant = layout.name() + "@" + digest;
        ADDED.computeIfAbsent(layout.model(), k -> new LinkedHashMap<>()).put(variant, layout);
        return variant;
    }

    /**
     * Makes a layout a variant of the flags model it names (its {@code model} line); returns the
     * variant's name. Refused when that model is no flags model or the layout lacks a member its
     * writers store.
     */
    public static String register(Layout layout) {
        if (!(Models.family(layout.model()) instanceof FlagsFamily f)) {
            throw new BadInputException("layout " + layout.name() + " (" + layout.origin() + ") names model "
                    + layout.model() + ", which takes no layout; the flags models are vfio-pci and mlx5");
        }
        return f.add(layout);
    }

    /**
     * Makes a layout with writers added from a file a variant: {@code <name>@<digest>}, the digest
     * covering the layout's content and the rows, so a string made with them replays only with the
     * same layout and the same writers.
     */
    public static synchronized String addWithWriters(Layout layout, List<Writer> writers) {
        if (writers.isEmpty()) {
            throw new IllegalArgumentException("no writers to add");
        }
        String digest;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((LayoutFile.content(layout)
                    + "writers\n" + WritersFile.canonical(writers)).getBytes(StandardCharsets.UTF_8));
            digest = HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String variant = layout.name() + "@" + digest;
        ADDED.computeIfAbsent(layout.model(), k -> new LinkedHashMap<>()).put(variant, layout);
        WRITERS.computeIfAbsent(layout.model(), k -> new LinkedHashMap<>()).put(variant, List.copyOf(writers));
        return variant;
    }

    /** The writers a file added to a variant; none for a bundled variant or a plain layout file. */
    public static synchronized List<Writer> writers(String model, String variant) {
        return WRITERS.getOrDefault(model, Map.of()).getOrDefault(variant, List.of());
    }

    /** The variants added from files for a model, in the order they were added. */
    public static synchronized List<String> added(String model) {
        return new ArrayList<>(ADDED.getOrDefault(model, Map.of()).keySet());
    }

    /** The layout of a variant: bundled, or added from a file. */
    public static synchronized Layout of(String model, String variant, List<String> bundledVariants) {
        if (bundledVariants.contains(variant)) {
            return bundled(model, variant);
        }
        Layout l = ADDED.getOrDefault(model, Map.of()).get(variant);
        if (l == null) {
            throw new BadInputException("unknown variant '" + variant + "' of model " + model + "; its variants are "
                    + bundledVariants + (variant.contains("@") ? " (a layout from a file: give the same file with --layout)"
                    : ""));
        }
        return l;
    }
}
