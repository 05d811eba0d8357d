package racetrace.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Integer> given = new LinkedHashMap<>();
        List<String> known = m.space().params().stream().map(Param::name).toList();
        for (String kv : config) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--config " + abbreviate(kv) + " should be NAME=VALUE, e.g. --config "
                        + (known.isEmpty() ? "name=1" : known.get(0) + "=1") + "; " + m.instance() + " has " + known);
            }
            String name = kv.substring(0, eq);
            if (!known.contains(name)) {
                throw new BadInputException("unknown configuration parameter '" + abbreviate(name) + "' of "
                        + m.instance() + "; known: " + known);
            }
            int value;
            try {
                value = Integer.parseInt(kv.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new BadInputException("--config " + abbreviate(kv) + ": the value should be an integer");
            }
            if (given.put(name, value) != null) {
                throw new BadInputException("--config " + name + " is given twice; give it once");
            }
        }
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Param p : m.space().params()) {
            values.put(p.name(), given.getOrDefault(p.name(), p.min()));
        }
        if (threads.isEmpty()) {
            throw new BadInputException("the scenario needs threads: --thread actor/op+op (see racetrace list for "
                    + "actors and ops), or --from <schedule-string>");
        }
        List<ThreadScript> scripts = new ArrayList<>();
        for (String t : threads) {
            scripts.add(ScheduleString.parseThread(t));
        }
        Scenario s = new Scenario(new Config(values), scripts);
        m.space().validate(s);
        return s;
    }

    private static String abbreviate(String s) {
        String shown = s.replaceAll("[^\\x20-\\x7e]", "?");
        return shown.length() <= 40 ? shown : shown.substring(0, 37) + "...";
    }
}
