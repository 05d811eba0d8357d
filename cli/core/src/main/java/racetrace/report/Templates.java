package racetrace.report;

import java.util.Map;

/**
 * Renders the user-facing texts (tables, verdicts, listings) from FreeMarker templates, with the
 * settings every generated text of racetrace has ({@link racetrace.tla.Templates}).
 */
public final class Templates {

    private static final String FOLDER = "/racetrace/templates";

    private Templates() {
    }

    /** Renders one of the command line's own templates ({@code racetrace/templates/<name>.ftl}). */
    public static String render(String name, Map<String, ?> model) {
        return render(Templates.class, FOLDER, name, model);
    }

    /**
     * Renders a plug-in's template, {@code <folder>/<name>.ftl} beside {@code owner}'s classes, with
     * the same settings as the command line's own.
     */
    public static String render(Class<?> owner, String folder, String name, Map<String, ?> model) {
        return racetrace.tla.Templates.render(owner, folder, name + ".ftl", model);
    }
}
