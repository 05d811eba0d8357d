package racetrace.tla;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FreeMarker templates under {@code racetrace/tla/templates/}: every generated text (TLA+
 * modules, .cfg files, reports) is rendered here. Values reach the templates already written as
 * TLA+ by {@link TlaValueWriter}; the templates only lay them out.
 */
public final class Templates {

    private static final Configuration CONFIG = configure(Templates.class, "/racetrace/tla/templates");

    /** The configurations of other modules' templates, by class loader and folder. */
    private static final Map<List<Object>, Configuration> OTHERS = new ConcurrentHashMap<>();

    private Templates() {
    }

    private static Configuration configure(Class<?> owner, String folder) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(owner, folder);
        c.setDefaultEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        return c;
    }

    /** Renders template {@code name} (e.g. {@code trace.tla.ftl}) with the given data. */
    public static String render(String name, Map<String, ?> data) {
        return render(CONFIG, name, data);
    }

    /**
     * Renders template {@code name} of another module, from {@code folder} beside {@code owner}'s
     * classes (e.g. the jqwik entry point's failure texts), with the same settings.
     */
    public static String render(Class<?> owner, String folder, String name, Map<String, ?> data) {
        return render(OTHERS.computeIfAbsent(List.of(owner.getClassLoader(), folder), k -> configure(owner, folder)),
                name, data);
    }

    private static String render(Configuration config, String name, Map<String, ?> data) {
        try {
            Template t = config.getTemplate(name);
            StringWriter out = new StringWriter();
            t.process(data, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
        }
    }
}
