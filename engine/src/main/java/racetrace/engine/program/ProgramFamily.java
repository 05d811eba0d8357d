package racetrace.engine.program;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.api.Family;
import racetrace.api.Program;
import racetrace.engine.Adapted;
import racetrace.engine.BadInputException;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;

/** A {@link Program}'s family as the registry ({@code Models}) and the command line see it. */
public final class ProgramFamily implements ModelFamily, Adapted {

    private final Program<?, ?> program;
    private final Family family;

    public ProgramFamily(Program<?, ?> program) {
        this.program = program;
        this.family = program.family();
        check(family, program);
    }

    private static void check(Family f, Program<?, ?> p) {
        String who = p.getClass().getName();
        if (f == null || f.name() == null || f.name().isBlank()) {
            throw new BadInputException(who + ".family() names no model");
        }
        if (f.variants().isEmpty()) {
            throw new BadInputException("model " + f.name() + " (" + who + ") has no variant; add one with"
                    + " Family.variant(name, description)");
        }
        if (f.actors().isEmpty()) {
            throw new BadInputException("model " + f.name() + " (" + who + ") has no actor kind; add one with"
                    + " Family.actor(Actor.of(name, entryLabel)...)");
        }
    }

    /** The program. */
    public Program<?, ?> program() {
        return program;
    }

    @Override
    public Class<?> adaptedClass() {
        return program.getClass();
    }

    /** The family as the program describes it. */
    public Family family() {
        return family;
    }

    @Override
    public String name() {
        return family.name();
    }

    @Override
    public String description() {
        return family.description();
    }

    @Override
    public List<String> variants() {
        return family.variants().stream().map(Family.Variant::name).toList();
    }

    @Override
    public String describeVariant(String variant) {
        return family.variants().stream().filter(v -> v.name().equals(variant)).map(Family.Variant::description)
                .findFirst().orElse(variant);
    }

    @Override
    public Map<String, List<String>> options() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Family.Option o : family.options()) {
            out.put(o.name(), o.values());
        }
        return out;
    }

    @Override
    public Model<?> create(String variant, Map<String, String> options) {
        return create(program, family, variant, options);
    }

    private static <M, R> Model<?> create(Program<M, R> program, Family family, String variant,
            Map<String, String> options) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Family.Option o : family.options()) {
            all.put(o.name(), options.getOrDefault(o.name(), o.values().get(0)));
        }
        return new ProgramModel<>(program, family, variant, all);
    }
}
