package racetrace.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders the user-facing texts (tables, verdicts, listings) from FreeMarker templates. */
public final class Templates {

    private static final Configuration CONFIG = configure(Templates.class, "/racetrace/templates");

    /** The configurations of plug-ins' templates, by class loader and folder. */
    private static final Map<List<Object>, Configuration> OTHERS = new ConcurrentHashMap<>();

    private Templates() {
    }

    private static Configuration configure(Class<?> owner, String folder) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(owner, folder);
        c.setDefaultEncoding("UTF-8");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setNumberFormat("computer");
        return c;
    }

    /** Renders one of the command line's own templates ({@code racetrace/templates/<name>.ftl}). */
    public static String render(String name, Map<String, ?> model) {
        return render(CONFIG, name, model);
    }

    /**
     * Renders a plug-in's template, {@code <folder>/<name>.ftl} beside {@code owner}'s classes, with
     * the same settings as the command line's own.
     */
    public static String render(Class<?> owner, String folder, String name, Map<String, ?> model) {
        Configuration c = OTHERS.computeIfAbsent(List.of(owner.getClassLoader(), folder), k -> configure(owner, folder));
        return render(c, name, model);
    }

    private static String render(Configuration config, String name, Map<String, ?> model) {
        try {
            Template t = config.getTemplate(name + ".ftl");
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("template " + name, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + name + ": " + e.getMessage(), e);
        }
    }
}
