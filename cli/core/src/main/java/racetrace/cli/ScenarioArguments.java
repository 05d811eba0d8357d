package racetrace.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.ActorKind;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Model;
import racetrace.engine.Param;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;
import racetrace.search.ScheduleString;

/** A scenario given on the command line: {@code --config NAME=VALUE} and {@code --thread actor/op+op}. */
public final class ScenarioArguments {

    private ScenarioArguments() {
    }

    /**
     * The scenario, validated against the model's bounds; parameters not given take their minimum.
     *
     * @throws BadInputException naming the argument that is wrong
     */
    public static Scenario scenario(Model<?> m, List<String> config, List<String> threads) {
        return scenario(m, "--config", config, "--thread", threads);
    }

    /**
     * The same with the options named as a command calls them (bench: {@code --states-config},
     * {@code --states-thread}), so that an error names the option the user gave.
     */
    public static Scenario scenario(Model<?> m, String configOption, List<String> config, String threadOption,
            List<String> threads) {
        Map<String, Integer> given = new LinkedHashMap<>();
        List<String> known = m.space().params().stream().map(Param::name).toList();
        for (String kv : config) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException(configOption + " " + abbreviate(kv) + " should be NAME=VALUE, e.g. "
                        + configOption + " " + (known.isEmpty() ? "name=1" : known.get(0) + "=1") + "; " + m.instance()
                        + " has " + known);
            }
            String name = kv.substring(0, eq);
            if (!known.contains(name)) {
                throw new BadInputException(configOption + " " + abbreviate(kv) + ": unknown configuration parameter '"
                        + abbreviate(name) + "' of " + m.instance() + "; known: " + known);
            }
            int value;
            try {
                value = Integer.parseInt(kv.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new BadInputException(configOption + " " + abbreviate(kv) + ": the value should be an integer");
            }
            Param param = m.space().params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
            if (value < param.min() || value > param.max()) {
                throw new BadInputException(configOption + " " + abbreviate(kv) + ": " + name + "=" + value + " is outside "
                        + param.min() + ".." + param.max());
            }
            if (given.put(name, value) != null) {
                throw new BadInputException(configOption + " " + name + " is given twice; give it once");
            }
        }
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Param p : m.space().params()) {
            values.put(p.name(), given.getOrDefault(p.name(), p.min()));
        }
        if (threads.isEmpty()) {
            throw new BadInputException("the scenario needs threads: " + threadOption + " actor/op+op (see racetrace "
                    + "list for actors and ops)" + (threadOption.equals("--thread") ? ", or --from <schedule-string>" : ""));
        }
        Config c = new Config(values);
        List<String> actors = m.space().actors(c).stream().map(ActorKind::name).toList();
        List<ThreadScript> scripts = new ArrayList<>();
        for (String t : threads) {
            ThreadScript script;
            try {
                script = ScheduleString.parseThread(t);
            } catch (BadInputException e) {
                throw new BadInputException(threadOption + " " + abbreviate(t) + ": " + e.getMessage());
            }
            if (!actors.contains(script.actor())) {
                throw new BadInputException(threadOption + " " + abbreviate(t) + ": unknown actor '"
                        + abbreviate(script.actor()) + "' of " + m.instance() + "; with " + c.values() + " its actors are "
                        + actors + " (racetrace list " + m.instance().model() + " shows their ops)");
            }
            scripts.add(script);
        }
        Scenario s = new Scenario(c, scripts);
        try {
            m.space().validate(s);
        } catch (BadInputException e) {
            throw new BadInputException("the scenario of " + threadOption + (config.isEmpty() ? "" : " and " + configOption)
                    + ": " + e.getMessage());
        }
        return s;
    }

    private static String abbreviate(String s) {
        String shown = s.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() <= 40 ? shown : shown.substring(0, 37) + "...";
    }
}
