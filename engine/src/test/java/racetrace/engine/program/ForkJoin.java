package racetrace.engine.program;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import racetrace.api.Actor;
import racetrace.api.Family;
import racetrace.api.Program;
import racetrace.api.ThreadStep;
import racetrace.api.View;
import racetrace.engine.Config;
import racetrace.engine.Invariant;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;

/**
 * A pthread program with threads that start and end during the run: {@code main} creates its
 * workers one by one, joins them one by one and reads the counter they increment under a
 * spinlock. Variant {@code joined} reads after the joins; {@code early} reads before them (the
 * missing join: the count it sees can be short); {@code forgotten} never creates its last worker
 * and then joins it (a deadlock). Spec: {@code tla/ForkJoin.tla} (PlusCal) in racetrace-app's
 * tests.
 */
public final class ForkJoin implements Program<ForkJoin.Memory, ForkJoin.Registers> {

    /** main's run and one worker per argument, each with that many increments. */
    public static Scenario scenario(int... workerOps) {
        List<ThreadScript> threads = new ArrayList<>();
        threads.add(ThreadScript.of("main", Op.of("run")));
        for (int n : workerOps) {
            threads.add(new ThreadScript("worker", Collections.nCopies(n, Op.of("inc"))));
        }
        return new Scenario(Config.empty(), threads);
    }

    /** The counter and the spinlock (its owner, 0 when free). */
    public static final class Memory {
        int counter;
        int lock;
    }

    /** main: the worker it is at ({@code i}, from 0) and the count it read; a worker: its loaded value. */
    public static final class Registers {
        int i;
        int seen;
        int reg;
    }

    @Override
    public Family family() {
        return Family.of("fork-join", "main creates workers that increment a counter under a lock, joins them, reads it")
                .variant("joined", "main reads the counter after joining every worker")
                .variant("early", "main reads the counter before it joins the workers")
                .variant("forgotten", "main never creates its last worker, and joins it")
                .actor(Actor.of("main", "m_create").alphabet("run"))
                .actor(Actor.of("worker", "w_lock").threads(1, 2).ops(1, 2).alphabet("inc").created(true));
    }

    @Override
    public void step(ThreadStep<Memory, Registers> t) {
        Memory m = t.memory();
        Registers r = t.registers();
        List<Integer> workers = t.threads("worker");
        int created = t.variant().equals("forgotten") ? workers.size() - 1 : workers.size();
        switch (t.pc()) {
            case "m_create" -> { // pthread_create of the next worker
                if (r.i < created) {
                    t.create(workers.get(r.i));
                }
                r.i++;
                boolean more = r.i < created;
                if (!more) {
                    r.i = 0;
                }
                t.go(more ? "m_create" : t.variant().equals("early") ? "m_read" : "m_join");
            }
            case "m_join" -> { // pthread_join of the next worker
                t.join(workers.get(r.i));
                r.i++;
                boolean more = r.i < workers.size();
                if (more) {
                    t.go("m_join");
                } else if (t.variant().equals("early")) {
                    t.end();
                } else {
                    t.go("m_read");
                }
            }
            case "m_read" -> { // one load of the counter
                r.seen = m.counter;
                r.i = 0;
                if (t.variant().equals("early")) {
                    t.go("m_join");
                } else {
                    t.end();
                }
            }
            case "w_lock" -> { // spin_lock
                t.await(m.lock == 0);
                m.lock = t.self();
                t.go("w_load");
            }
            case "w_load" -> { // one load of the counter
                r.reg = m.counter;
                t.go("w_store");
            }
            case "w_store" -> { // one store of the loaded value + 1
                m.counter = r.reg + 1;
                t.go("w_unlock");
            }
            case "w_unlock" -> { // spin_unlock
                m.lock = 0;
                t.end();
            }
            default -> throw new IllegalStateException("no step " + t.pc());
        }
    }

    @Override
    public List<Invariant<View<Memory, Registers>>> invariants() {
        return List.of(Invariant.of("SeenAll", "main, once done, has seen every increment of every worker",
                v -> v.threads("main").stream().allMatch(mn -> !v.done(mn)
                        || v.registers(mn).seen == v.threads("worker").stream().mapToInt(v::opi).sum())));
    }
}
