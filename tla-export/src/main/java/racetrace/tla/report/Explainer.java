package racetrace.tla.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Access;
import racetrace.engine.Execution;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Outcome;
import racetrace.tla.Templates;
import racetrace.tla.report.Race.Pattern;
import racetrace.tla.report.TraceAccesses.At;

/**
 * Finds the race a counterexample turns on and says it in one sentence ({@code explanation.ftl}).
 *
 * <p>From the last access backwards, it takes each access {@code close} of a thread X and the
 * accesses of other threads it directly depends on ({@code last}: the store a read returned, the
 * store or reads a store replaced). For each, it looks for an earlier access {@code open} of X
 * that conflicts with an access {@code first} of that other thread Y at or before {@code last},
 * X having been preempted between {@code open} and {@code close}: X's two accesses were split by
 * Y's, the order no serial run has. The latest such cycle wins; the same memory throughout is
 * preferred by the search order. Without a cycle the latest direct conflict between threads is
 * named; without any, the sentence says so. Nothing here knows a model: the accesses come from
 * {@link Model#accesses}, the failure's words from {@link Model#violationDetail}.
 */
public final class Explainer {

    private Explainer() {
    }

    public static <S> Explanation explain(Execution<S> ex) {
        TraceAccesses acc = TraceAccesses.of(ex);
        Race race = findRace(acc);
        String failure = failure(ex);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("failure", failure);
        data.put("pattern", race == null ? "NONE" : race.pattern().name());
        if (race != null) {
            put(data, "o", race.open(), ex);
            put(data, "r", race.first(), ex);
            put(data, "p", race.last(), ex);
            put(data, "q", race.close(), ex);
            data.put("sameYStep", race.first() == null || race.first().step() == race.last().step());
        }
        String sentence = Templates.render("explanation.ftl", data).strip();
        return new Explanation(sentence, race, failure, acc);
    }

    private static void put(Map<String, Object> data, String key, At at, Execution<?> ex) {
        if (at == null) {
            return;
        }
        Access a = at.access();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", at.step());
        m.put("who", shortName(ex.model().threadName(ex.scenario(), at.thread())));
        m.put("kind", a.kind() == Access.Kind.READ ? "read" : "store");
        m.put("name", a.name());
        m.put("meant", a.intent() == null ? a.name() : a.intent());
        m.put("value", a.value());
        data.put(key, m);
    }

    /** {@code CPU A (user)} and {@code Xen CPU A: send(1)} as a sentence calls them: CPU A, Xen CPU A. */
    static String shortName(String heading) {
        int cut = heading.length();
        for (String stop : new String[] {": ", " ("}) {
            int i = heading.indexOf(stop);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        return heading.substring(0, cut);
    }

    /** The sentence's last clause: which invariant failed after which step, and how it shows. */
    static <S> String failure(Execution<S> ex) {
        Model<S> model = ex.model();
        Outcome o = ex.outcome();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("steps", o.steps());
        if (o instanceof Outcome.Violated v) {
            data.put("kind", "violated");
            data.put("invariant", v.invariant());
            String detail = model.violationDetail(v.invariant(), ex.stateAt(v.steps()));
            data.put("detail", detail == null ? "" : detail);
            data.put("description", model.invariants().stream().filter(i -> i.name().equals(v.invariant()))
                    .map(Invariant::description).findFirst().orElse(""));
        } else if (o instanceof Outcome.Deadlock d) {
            data.put("kind", "deadlock");
            data.put("blocked", d.blocked().stream().map(t -> shortName(model.threadName(ex.scenario(), t))).toList());
        } else if (o instanceof Outcome.StepLimit) {
            data.put("kind", "stepLimit");
        } else {
            data.put("kind", "completed");
        }
        return Templates.render("failure.ftl", data).strip();
    }

    /** The race the trace turns on, or null when no access of one thread conflicts with another's. */
    static Race findRace(TraceAccesses acc) {
        List<At> all = acc.memory();
        At directClose = null;
        At directLast = null;
        for (int qi : closeOrder(all)) {
            At q = all.get(qi);
            for (At p : dependencies(all, qi)) {
                if (directClose == null) {
                    directClose = q;
                    directLast = p;
                }
                Race cycle = cycle(acc, all, p, q);
                if (cycle != null) {
                    return cycle;
                }
            }
        }
        return directClose == null ? null : new Race(Pattern.DIRECT, null, null, directLast, directClose);
    }

    /**
     * The indices of the accesses, last step first; within a step, the stores that changed what
     * memory held first (a store over a whole run changes only some of its bytes), then the
     * other stores, then the reads.
     */
    private static List<Integer> closeOrder(List<At> all) {
        List<Integer> out = new ArrayList<>();
        int end = all.size();
        while (end > 0) {
            int step = all.get(end - 1).step();
            int start = end;
            while (start > 0 && all.get(start - 1).step() == step) {
                start--;
            }
            for (int rank = 0; rank < 3; rank++) {
                for (int i = start; i < end; i++) {
                    Access a = all.get(i).access();
                    int r = a.kind() != Access.Kind.WRITE ? 2 : changes(all, i) ? 0 : 1;
                    if (r == rank) {
                        out.add(i);
                    }
                }
            }
            end = start;
        }
        return out;
    }

    /** Whether the store {@code all[i]} leaves its location with another value than the last access before it saw. */
    private static boolean changes(List<At> all, int i) {
        Access a = all.get(i).access();
        for (int j = i - 1; j >= 0; j--) {
            Access b = all.get(j).access();
            if (all.get(j).step() != all.get(i).step() && b.location().equals(a.location())) {
                return !b.value().equals(a.value());
            }
        }
        return true;
    }

    /**
     * The accesses of other threads that {@code all[qi]} directly depends on, latest first: for a
     * read, the store it returned; for a store, the store it replaced and the reads of that value
     * since. An earlier access of the same thread in between cuts the dependency.
     */
    private static List<At> dependencies(List<At> all, int qi) {
        At q = all.get(qi);
        List<At> out = new ArrayList<>();
        for (int i = qi - 1; i >= 0; i--) {
            At a = all.get(i);
            if (a.step() == q.step() || !a.access().overlaps(q.access())) {
                continue;
            }
            boolean store = a.access().kind() == Access.Kind.WRITE;
            if (a.thread() == q.thread()) {
                if (store || q.access().kind() == Access.Kind.WRITE) {
                    return out; // the thread's own access in between: that one is what q follows
                }
                continue;
            }
            if (store || q.access().kind() == Access.Kind.WRITE) {
                out.add(a);
            }
            if (store) {
                return out; // the store q depends on; nothing before it reaches q
            }
        }
        return out;
    }

    /**
     * An access {@code open} of q's thread X before {@code p}, conflicting with an access {@code
     * first} of p's thread Y at or before p (latest first, p itself first), with X preempted
     * between {@code open} and q; or null.
     */
    private static Race cycle(TraceAccesses acc, List<At> all, At p, At q) {
        int x = q.thread();
        int y = p.thread();
        int pi = all.indexOf(p);
        for (int ri = pi; ri >= 0; ri--) {
            At r = all.get(ri);
            if (r.thread() != y) {
                continue;
            }
            for (int oi = ri - 1; oi >= 0; oi--) {
                At o = all.get(oi);
                if (o.thread() != x || o.step() == r.step() || !o.access().conflicts(r.access())) {
                    continue;
                }
                if (acc.preemptedBetween(x, o.step(), q.step())) {
                    return new Race(pattern(o, r, p, q), o, r, p, q);
                }
            }
        }
        return null;
    }

    private static Pattern pattern(At o, At r, At p, At q) {
        boolean same = r == p && o.access().overlaps(p.access()) && p.access().overlaps(q.access())
                && o.access().overlaps(q.access());
        if (!same) {
            return Pattern.SPLIT;
        }
        boolean oStore = o.access().kind() == Access.Kind.WRITE;
        boolean pStore = p.access().kind() == Access.Kind.WRITE;
        boolean qStore = q.access().kind() == Access.Kind.WRITE;
        if (!oStore && pStore && qStore) {
            return Pattern.LOST_UPDATE;
        } else if (!oStore && pStore) {
            return Pattern.NON_REPEATABLE_READ;
        } else if (oStore && !pStore && qStore) {
            return Pattern.DIRTY_READ;
        } else if (oStore && pStore && !qStore) {
            return Pattern.OVERWRITTEN_BEFORE_READ;
        } else if (oStore && pStore) {
            return Pattern.INTERLEAVED_STORES;
        }
        return Pattern.SPLIT;
    }
}
