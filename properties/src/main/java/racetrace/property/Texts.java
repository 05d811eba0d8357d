package racetrace.property;

import java.util.Map;
import racetrace.tla.Templates;

/** The FreeMarker templates under {@code racetrace/property/templates/}: what the entry point prints and writes. */
final class Texts {

    private Texts() {
    }

    static String render(String name, Map<String, ?> data) {
        return Templates.render(Texts.class, "/racetrace/property/templates", name, data);
    }
}
