package racetrace.search.scope;

import java.util.ArrayList;
import java.util.List;
import racetrace.engine.ActorKind;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Model;
import racetrace.engine.OpPlan;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.Shape;

/**
 * The exhaustive part of a hunt: scopes searched one after the other, each a rung. The first
 * rung is the model's default scope ({@link ScenarioSpace#defaultScope}), when it names one;
 * then the ladder {@code threads<=s,ops<=s} from the model's own smallest scenario up, a level
 * with nothing new skipped, until a level holds every scenario of the model or grows too large.
 * Searching the rungs in order searches every scope up to the last one done.
 *
 * <p>A rung's work is a list of items: for a model that chooses ops, one state graph per
 * configuration of the rung's scope ({@link ScopePlans}; a ladder level's graphs hold the smaller
 * levels' scenarios too); for a model whose states carry their scripts, the level's new scenarios.
 */
public final class Rungs {

    /** One piece of a rung's work. */
    public sealed interface Item {
    }

    /** A state graph: one configuration of a scope, threads choosing their ops. */
    public record Graph(OpPlan plan) implements Item {
    }

    /** One scenario, explored on its own. */
    public record OneScenario(Scenario scenario) implements Item {
    }

    private final Model<?> model;
    private final ScenarioSpace space;
    private final boolean graphs;
    private final int maxLevel;
    private final int maxItems;
    private final List<List<Item>> rungs = new ArrayList<>();
    private final List<Scope> scopes = new ArrayList<>();
    /** The ladder level of each rung (0 for the default scope's). */
    private final List<Integer> levels = new ArrayList<>();
    private final List<Shape> defaults;
    private final int[] largest;
    private int level;
    private boolean ended;
    private boolean coversModel;
    private String endReason;

    /**
     * @param maxLevel the ladder's last level (0: as far as the item cap lets it)
     * @param maxItems a rung of more items than this ends the rungs (its search would not end)
     */
    public Rungs(Model<?> model, int maxLevel, int maxItems) {
        this.model = model;
        this.space = model.space();
        this.graphs = ScopeSearch.graphs(model);
        this.maxLevel = maxLevel;
        this.maxItems = maxItems;
        this.defaults = space.defaultScope();
        this.largest = largest(space);
    }

    /** The work of rung {@code r} (1-based), or null past the last rung. */
    public List<Item> rung(int r) {
        while (rungs.size() < r && !ended) {
            build();
        }
        return r >= 1 && r <= rungs.size() ? rungs.get(r - 1) : null;
    }

    /** The scope rungs 1..r cover together (null for r = 0). */
    public Scope scope(int r) {
        rung(r);
        return r == 0 || r > scopes.size() ? null : scopes.get(r - 1);
    }

    /**
     * The ladder level of rung {@code r}: {@code threads<=level,ops<=level} is in the scope of
     * rungs 1..r; 0 for the default scope's rung (and for r = 0).
     */
    public int level(int r) {
        rung(r);
        return r == 0 || r > levels.size() ? 0 : levels.get(r - 1);
    }

    /** Whether the model names a default scope (then rung 1 is it). */
    public boolean hasDefault() {
        return !defaults.isEmpty();
    }

    /** The model's default scope, or null when it names none. */
    public Scope defaultScope() {
        if (defaults.isEmpty()) {
            return null;
        }
        return Scope.of(defaults).named(defaultName());
    }

    /** How verdicts name the default scope: {@code the default scope (6 shapes)}. */
    private String defaultName() {
        return "the default scope (" + defaults.size() + (defaults.size() == 1 ? " shape)" : " shapes)");
    }

    /** Whether the last rung holds every scenario of the model. */
    public boolean coversModel() {
        return coversModel;
    }

    /** Why there are no more rungs, once there are none. */
    public String endReason() {
        return endReason;
    }

    private void build() {
        if (rungs.isEmpty() && !defaults.isEmpty()) {
            Scope s = defaultScope();
            List<Item> items = items(s, null);
            if (items == null) {
                end("the default scope " + s + " has more than " + maxItems + (graphs ? " state graphs" : " scenarios"));
                return;
            }
            add(items, s, 0);
            return;
        }
        while (true) {
            level++;
            if (maxLevel > 0 && level > maxLevel) {
                end("the requested scope " + Ladder.scopeOf(maxLevel) + " is done");
                return;
            }
            Scope ladder = Ladder.scopeOf(level);
            Scope before = level == 1 ? null : Ladder.scopeOf(level - 1);
            List<Item> items = items(ladder, before);
            if (items == null) {
                end("scope " + ladder + " has more than " + maxItems + (graphs ? " state graphs" : " new scenarios"));
                return;
            }
            boolean whole = level >= largest[0] && level >= largest[1];
            if (!items.isEmpty()) {
                List<Shape> union = new ArrayList<>(defaults);
                union.add(Shape.all().totals(level, level));
                add(items, defaults.isEmpty() ? ladder : Scope.of(union).named(defaultName() + " and "
                        + ladder), level);
                if (whole) {
                    coversModel = true;
                    end("scope " + ladder + " holds every scenario of the model");
                }
                return;
            }
            if (whole) {
                coversModel = !rungs.isEmpty();
                end("scope " + Ladder.scopeOf(level - 1) + " already holds every scenario of the model");
                return;
            }
        }
    }

    private void add(List<Item> items, Scope scope, int ladderLevel) {
        rungs.add(List.copyOf(items));
        scopes.add(scope);
        levels.add(ladderLevel);
    }

    private void end(String why) {
        ended = true;
        endReason = why;
    }

    /** The items of a scope (the scenarios {@code before} lacks, scenario by scenario), or null past the cap. */
    private List<Item> items(Scope scope, Scope before) {
        List<Item> out = new ArrayList<>();
        if (graphs) {
            for (OpPlan p : ScopePlans.of(space, scope)) {
                out.add(new Graph(p));
                if (out.size() > maxItems) {
                    return null;
                }
            }
            return out;
        }
        List<Scenario> all;
        try {
            all = ScenarioEnumeration.of(space, scope, maxItems + (before == null ? 0
                    : (int) Math.min(Integer.MAX_VALUE - maxItems, ScenarioEnumeration.count(space, before,
                            ScenarioEnumeration.MAX_SCENARIOS))));
        } catch (BadInputException tooMany) {
            return null;
        }
        for (Scenario sc : all) {
            if (before == null || sc.threadCount() > before.maxThreads() || sc.opCount() > before.maxOps()) {
                out.add(new OneScenario(sc));
            }
        }
        return out.size() > maxItems ? null : out;
    }

    /** The most threads and the most ops in all any scenario of the space has. */
    private static int[] largest(ScenarioSpace space) {
        int threads = 0;
        int ops = 0;
        for (Config c : ScenarioEnumeration.configs(space.params())) {
            int t = 0;
            int o = 0;
            for (ActorKind k : space.actors(c)) {
                t += k.maxThreads();
                o += k.maxThreads() * k.maxOps();
            }
            threads = Math.max(threads, t);
            ops = Math.max(ops, o);
        }
        return new int[] {threads, ops};
    }
}
