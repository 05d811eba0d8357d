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
 * that conflicts with an access {@code first} of that other thread Y at or before {@code last}:
 * X's two accesses were split by Y's, the order no serial run has. A cycle on one location whose
 * values show it mattered comes first, then one over two locations, then the latest direct
 * conflict between threads ({@link #findRace}); without any, the sentence says so. Nothing here knows a model: the accesses come from
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

    /**
     * The race the trace turns on, or null when no access of one thread conflicts with another's.
     * Four passes, the first that finds one wins, each taking the cycle whose two accesses of X are
     * closest together (the later on a tie): a cycle on
     * one memory location whose values show the race mattered (a read that returned another
     * value than the store it missed, a store replaced by another value), its first thread
     * preempted between its two accesses; the same without the preemption (a thread that blocked
     * on a lock after its stale read); a cycle over two locations, its first thread preempted; the
     * latest direct conflict.
     */
    static Race findRace(TraceAccesses acc) {
        List<At> all = acc.memory();
        List<Integer> order = closeOrder(all);
        for (int pass = 0; pass < 3; pass++) {
            Race best = null;
            for (int qi : order) {
                At q = all.get(qi);
                for (At p : dependencies(all, qi)) {
                    Race cycle = cycle(acc, all, p, q, pass);
                    // the tightest cycle: X's two accesses closest together; the later one on a tie
                    if (cycle != null && (best == null || window(cycle) < window(best))) {
                        best = cycle;
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        for (int qi : order) {
            List<At> deps = dependencies(all, qi);
            if (!deps.isEmpty()) {
                return new Race(Pattern.DIRECT, null, null, deps.get(0), all.get(qi));
            }
        }
        return null;
    }

    private static int window(Race r) {
        return r.close().step() - r.open().step();
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
     * first} of p's thread Y at or before p (latest first, p itself first), as the pass asks
     * (see {@link #findRace}); or null.
     */
    private static Race cycle(TraceAccesses acc, List<At> all, At p, At q, int pass) {
        int x = q.thread();
        int y = p.thread();
        int pi = all.indexOf(p);
        for (int ri = pi; ri >= 0; ri--) {
            At r = all.get(ri);
            if (r.thread() != y || pass < 2 && r != p) {
                continue;
            }
            for (int oi = ri - 1; oi >= 0; oi--) {
                At o = all.get(oi);
                if (o.thread() != x || o.step() == r.step() || !o.access().conflicts(r.access())) {
                    continue;
                }
                Pattern pattern = pattern(o, r, p, q);
                boolean oneLocation = pattern != Pattern.SPLIT;
                if (pass < 2 && (!oneLocation || !mattered(pattern, o, p, q))) {
                    continue;
                }
                if (pass == 2 && oneLocation) {
                    continue; // the passes before took every cycle on one location that mattered
                }
                if (pass == 1 || acc.preemptedBetween(x, o.step(), q.step())) {
                    return new Race(pattern, o, r, p, q);
                }
            }
        }
        return null;
    }

    /**
     * Whether the values show that the order mattered: a read that returned another value than the
     * store it came before; a store replaced by another value before it was read back. Values of
     * different locations (a word and one of its bits) are not compared.
     */
    private static boolean mattered(Pattern pattern, At o, At p, At q) {
        Access ao = o.access();
        Access ap = p.access();
        Access aq = q.access();
        boolean comparable = ao.location().equals(ap.location()) && ap.location().equals(aq.location());
        if (!comparable) {
            return true;
        }
        return switch (pattern) {
            case LOST_UPDATE, NON_REPEATABLE_READ -> !ao.value().equals(ap.value());
            case DIRTY_READ -> !ao.value().equals(aq.value());
            case OVERWRITTEN_BEFORE_READ, INTERLEAVED_STORES -> !ao.value().equals(ap.value());
            default -> true;
        };
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
