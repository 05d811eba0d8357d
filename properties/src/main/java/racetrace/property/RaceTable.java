package racetrace.property;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import racetrace.engine.Model;
import racetrace.engine.Models;
import racetrace.search.Case;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.Work;

/**
 * A property suite as data: one row per instance, each with what it is expected to do. A method
 * annotated {@link RaceSuite} returns one; {@code mvn test} runs each row as a test of its own,
 * named after the row. A row hunts its instance as {@code racetrace hunt} does (the same portfolio and
 * seed; by default fewer random runs and swarm scenarios than the hunt, {@link #HUNT_BUDGET} for the
 * hunt's own) and compares what it finds with its expectation:
 *
 * <ul>
 * <li>{@code holds}: the hunt finds nothing and its exhaustive search completes a scope (a row whose
 * search cannot back "holds" fails: it would assert what nothing checked);</li>
 * <li>{@code violates(...)}: the first counterexample found violates one of the listed invariants;
 * shrunk to the minimal case the hunt proves, it is no smaller than recorded (the whole hunt
 * minimises this case too, among the smallest cases of all its work, and records the smallest
 * result; {@code -Dracetrace.suite.full=true} hunts with the whole budget and compares every
 * measure exactly) and rests on the recorded assumptions. Its bundle (report, JSON, TLA+ trace and TLC's verdict, regression test)
 * is written under {@code target/racetrace/}.</li>
 * </ul>
 *
 * <pre>
 * class SeqlockProperties {
 *     &#64;RaceSuite
 *     RaceTable variants() {
 *         return RaceTable.of("seqlock")
 *                 .violates("buggy", "NoTornRead 2/2/1/7")
 *                 .holds("fixed");
 *     }
 * }
 * </pre>
 *
 * The expectations of several suites (and of tests that run the hunt itself) can live in one
 * verdicts file, read with {@link #fromVerdicts}.
 */
public final class RaceTable {

    /**
     * One row: a name (the test's), how to build the instance, what it is expected to do.
     *
     * @param name the test's name: by default the instance, e.g. {@code xen-fifo/d1[callers=2020-09]}
     * @param model builds the instance (called when the row runs)
     * @param expectation what the row expects
     */
    public record Row(String name, Supplier<Model<?>> model, Expectation expectation) {
    }

    private final String model;
    private final List<Row> rows = new ArrayList<>();
    private HuntOptions budget = DEFAULT_BUDGET;
    private Function<Case, String> check = c -> null;

    /**
     * The hunt's default work (random runs, ladder states, swarm scenarios, seed), so a row finds
     * what {@code racetrace hunt} finds: the budget of a table that records what the hunt reports
     * (racetrace's own suites, read from the hunt's verdicts). Like the hunt's, it has no time cap:
     * the work alone ends it, so a loaded machine gets the same verdicts, later.
     */
    public static final HuntOptions HUNT_BUDGET = HuntOptions.defaults();

    /**
     * A table's default: the hunt's portfolio, seed and ladder budget (so a scope is explored to the
     * end where the hunt's is), with fewer random runs (2,000) and swarm scenarios (500), so that a
     * row takes seconds on a small model rather than the minute a full hunt may spend.
     */
    public static final HuntOptions DEFAULT_BUDGET = HuntOptions.defaults().withWork(
            new Work(2_000, Work.DEFAULT_STATES, 500, 0));

    private RaceTable(String model) {
        this.model = model;
    }

    /** An empty table of rows over one registered model family (by its name). */
    public static RaceTable of(String model) {
        return new RaceTable(model);
    }

    /** A table with no default family: each row names its instance in full. */
    public static RaceTable empty() {
        return new RaceTable(null);
    }

    /** Every row of a verdicts file on the classpath (see {@link Verdicts} for its format). */
    public static RaceTable fromVerdicts(String resource) {
        RaceTable t = empty();
        for (Verdicts.Line line : Verdicts.parse(resource, read(resource))) {
            t.rows.add(new Row(line.instance(), () -> {
                Model<?> m = Models.create(line.model(), line.variant(), line.options());
                if (!m.instance().toString().equals(line.instance())) {
                    throw new IllegalArgumentException(resource + ":" + line.number() + " names " + line.instance()
                            + ", but that instance is " + m.instance() + "; write it as racetrace hunt names it");
                }
                return m;
            }, line.expectation()));
        }
        return t;
    }

    /** {@code variant} of the table's family, default options, holds. */
    public RaceTable holds(String variant) {
        return row(variant, Map.of(), Expectation.holds());
    }

    /** {@code variant} with options, holds. */
    public RaceTable holds(String variant, Map<String, String> options) {
        return row(variant, options, Expectation.holds());
    }

    /**
     * {@code variant} of the table's family, default options, violates each invariant given as
     * {@code Name} or {@code Name t/o/p/s} (the measure the hunt proved minimal), optionally followed
     * by {@code if option=value,...} (the assumptions it rests on).
     */
    public RaceTable violates(String variant, String... invariants) {
        return violates(variant, Map.of(), invariants);
    }

    /** As {@link #violates(String, String...)}, with options. */
    public RaceTable violates(String variant, Map<String, String> options, String... invariants) {
        Map<String, Expectation.Recorded> m = new LinkedHashMap<>();
        for (String i : invariants) {
            Verdicts.invariant(i, m, "violates(\"" + variant + "\", ...)");
        }
        return row(variant, options, new Expectation.Violates(m));
    }

    /** A row of the table's family. */
    public RaceTable row(String variant, Map<String, String> options, Expectation expectation) {
        if (model == null) {
            throw new IllegalStateException("this table has no family (RaceTable.of(model)); use row(name, model, expectation)");
        }
        Map<String, String> opts = Map.copyOf(options);
        Model<?> m = Models.create(model, variant, opts);
        rows.add(new Row(unique(m.instance().toString()), () -> Models.create(model, variant, opts), expectation));
        return this;
    }

    /** A row of any model, e.g. one built by hand rather than from the registry. */
    public RaceTable row(String name, Supplier<Model<?>> instance, Expectation expectation) {
        rows.add(new Row(unique(name), instance, expectation));
        return this;
    }

    /** Row names are test names: a second row of one instance gets " (2)". */
    private String unique(String name) {
        Set<String> taken = new HashSet<>();
        rows.forEach(r -> taken.add(r.name()));
        if (!taken.contains(name)) {
            return name;
        }
        int i = 2;
        while (taken.contains(name + " (" + i + ")")) {
            i++;
        }
        return name + " (" + i + ")";
    }

    /**
     * The work each row's hunt may do (default {@link #DEFAULT_BUDGET}; {@link #HUNT_BUDGET} is the
     * hunt's own). The time cap is only a cap: a row it cuts short fails as inconclusive.
     */
    public RaceTable budget(HuntOptions options) {
        this.budget = options;
        return this;
    }

    public HuntOptions budget() {
        return budget;
    }

    /**
     * A check every counterexample a row reports must pass (the minimal case, and in the whole-hunt
     * mode every finding): for example that it uses only operations the real code accepts. It
     * returns what is wrong with the case, or null; a row whose counterexample fails it fails.
     */
    public RaceTable eachCounterexample(Function<Case, String> check) {
        this.check = check;
        return this;
    }

    /** The check of {@link #eachCounterexample}; by default none. */
    public Function<Case, String> counterexampleCheck() {
        return check;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    private static String read(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader == null ? RaceTable.class.getClassLoader() : loader).getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no verdicts file " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
