package racetrace.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;
import racetrace.engine.Op;
import racetrace.engine.Param;
import racetrace.report.Templates;
import racetrace.search.scope.ScenarioEnumeration;

/** Lists what can be hunted: models, variants, options, invariants, bounds and actors. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists models, variants, options, invariants, configuration bounds and actors: every model, or "
                + "the one named.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ListCommand.L0, ExitCode.L2, ExitCode.L70})
final class ListCommand implements Callable<Integer> {

    static final String L0 = "0:the models were listed";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "<model>",
            description = "list this model only (default: every model, a model path's too)")
    String model;

    @CommandLine.Mixin
    ModelPathOption modelPath;

    @Override
    public Integer call() {
        List<Map<String, Object>> families = new ArrayList<>();
        for (ModelFamily f : model == null ? Models.families() : List.of(Models.family(model))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("description", f.description());
            // Layouts added from files (name@digest) belong to the command that read them, not to the list.
            List<String> bundled = InstanceSelection.bundled(f);
            List<String> variants = new ArrayList<>();
            for (String v : bundled) {
                variants.add(v + ": " + f.describeVariant(v));
            }
            m.put("variants", variants);
            List<String> options = new ArrayList<>();
            f.options().forEach((k, vs) -> {
                // A default can depend on the variant (xen-fifo's callers: each version's own era).
                Set<String> defaults = new LinkedHashSet<>();
                f.variants().forEach(v -> defaults.add(f.defaultOption(v, k)));
                options.add(k + " in " + String.join("|", vs) + " (default " + (defaults.size() == 1
                        ? defaults.iterator().next() : "per variant: " + f.variants().stream()
                                .map(v -> v + "=" + f.defaultOption(v, k))
                                .collect(Collectors.joining(", "))) + ")");
            });
            m.put("options", options);
            Model<?> sample = Models.create(f.name(), bundled.get(bundled.size() - 1), Map.of());
            // An invariant may read differently in some variants: say in which.
            Map<String, List<String>> variantsOf = new LinkedHashMap<>();
            for (String v : bundled) {
                Model<?> mv = Models.create(f.name(), v, Map.of());
                for (Invariant<?> i : mv.invariants()) {
                    variantsOf.computeIfAbsent(i.name() + ": " + i.description(), k -> new ArrayList<>()).add(v);
                }
            }
            List<String> invariants = new ArrayList<>();
            variantsOf.forEach((line, vs) -> invariants.add(vs.size() == bundled.size() ? line
                    : line + " [" + String.join(", ", vs) + "]"));
            m.put("invariants", invariants);
            List<String> params = new ArrayList<>();
            for (Param p : sample.space().params()) {
                params.add(p.name() + " " + p.min() + ".." + p.max() + (p.description().isEmpty() ? "" : " (" + p.description() + ")"));
            }
            m.put("params", params);
            // Actors can depend on the configuration: list each with its widest alphabet.
            Map<String, ActorKind> kinds = new LinkedHashMap<>();
            Map<String, List<Op>> alphabets = new LinkedHashMap<>();
            for (Config c : configs(sample.space().params())) {
                for (ActorKind k : sample.space().actors(c)) {
                    List<Op> a = sample.space().alphabet(c, k.name());
                    ActorKind seen = kinds.get(k.name());
                    if (seen == null || k.maxThreads() > seen.maxThreads()) {
                        kinds.put(k.name(), k);
                    }
                    if (!alphabets.containsKey(k.name()) || a.size() > alphabets.get(k.name()).size()) {
                        alphabets.put(k.name(), a);
                    }
                }
            }
            List<String> actors = new ArrayList<>();
            for (ActorKind k : kinds.values()) {
                actors.add(k.name() + ": " + k.minThreads() + ".." + k.maxThreads() + " threads, scripts of "
                        + k.minOps() + ".." + k.maxOps() + " ops from " + alphabets.get(k.name()));
            }
            m.put("actors", actors);
            families.add(m);
        }
        spec.commandLine().getOut().print(Templates.render("list", Map.of("families", families)));
        return 0;
    }

    /** Every configuration of the parameters, or only the extremes when there are too many. */
    static List<Config> configs(List<Param> params) {
        long count = 1;
        for (Param p : params) {
            count = Math.min(Long.MAX_VALUE / 2, count * (p.max() - p.min() + 1L));
        }
        if (count <= 5000) {
            return ScenarioEnumeration.configs(params);
        }
        Map<String, Integer> min = new LinkedHashMap<>();
        Map<String, Integer> max = new LinkedHashMap<>();
        params.forEach(q -> {
            min.put(q.name(), q.min());
            max.put(q.name(), q.max());
        });
        return List.of(new Config(min), new Config(max));
    }
}
