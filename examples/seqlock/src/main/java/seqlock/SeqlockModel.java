package seqlock;

import java.util.List;
import java.util.Set;
import racetrace.api.Actor;
import racetrace.api.Covered;
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
 * A sequence lock over a pair of words. A writer takes a spinlock, makes the count odd, stores both
 * words, makes the count even, unlocks. A reader loads the count, both words, the count again, and
 * retries if the counts differ. "fixed" waits for an even count first (read_seqbegin); "buggy" does
 * not, so a reader inside a write can return one new and one old word. Steps are single loads and
 * stores, sequentially consistent (no barriers modelled); seq++ is one step, as only the lock holder
 * writes the count. A write stores the odd count it made. Spec: src/main/tla/Seqlock.tla (PlusCal,
 * the same labels).
 */
public final class SeqlockModel implements Program<SeqlockModel.Memory, SeqlockModel.Registers>, Covered {

    /** Shared: the count, the two words, the writers' spinlock (its owner, 0 when free). */
    public static final class Memory {
        int seq, d1, d2, lock;
    }

    /** A thread's registers: the value a writer stores; the count and words a reader loaded, the pair it returned. */
    public static final class Registers {
        int val, s, r1, r2, got1, got2;
    }

    @Override
    public Family family() {
        return Family.of("seqlock", "a sequence lock over two words: writers under a spinlock, lock-free readers that retry")
                .variant("buggy", "the reader starts on any count, odd ones too")
                .variant("fixed", "the reader waits for an even count before it reads (read_seqbegin)")
                .actor(Actor.of("writer", "w_lock").threads(1, 2).ops(1, 2).alphabet("write"))
                .actor(Actor.of("reader", "r_begin").threads(1, 2).ops(1, 2).alphabet("read"));
    }

    @Override
    public void step(ThreadStep<Memory, Registers> t) {
        Memory m = t.memory();
        Registers r = t.registers();
        switch (t.pc()) {
            case "w_lock" -> { t.await(m.lock == 0); m.lock = t.self(); t.go("w_begin"); } // spin_lock
            case "w_begin" -> { r.val = ++m.seq; t.go("w_d1"); }      // count odd: a write begins
            case "w_d1" -> { m.d1 = r.val; t.go("w_d2"); }            // store word 1
            case "w_d2" -> { m.d2 = r.val; t.go("w_end"); }           // store word 2
            case "w_end" -> { m.seq++; t.go("w_unlock"); }            // count even: the write ends
            case "w_unlock" -> { m.lock = 0; t.end(); }               // spin_unlock
            case "r_begin" -> {                                       // load the count (fixed: an even one)
                t.await(t.variant().equals("buggy") || m.seq % 2 == 0);
                r.s = m.seq;
                t.go("r_d1");
            }
            case "r_d1" -> { r.r1 = m.d1; t.go("r_d2"); }             // load word 1
            case "r_d2" -> { r.r2 = m.d2; t.go("r_retry"); }          // load word 2
            case "r_retry" -> {                                       // load the count again
                if (m.seq != r.s) {
                    t.go("r_begin");
                } else {
                    r.got1 = r.r1;
                    r.got2 = r.r2;
                    t.end();
                }
            }
            default -> throw new IllegalStateException("no step at " + t.pc());
        }
    }

    @Override
    public List<Invariant<View<Memory, Registers>>> invariants() {
        return List.of(Invariant.of("NoTornRead", "every pair a reader returned was written by one write",
                v -> v.allRegisters().stream().allMatch(r -> r.got1 == r.got2)));
    }

    /** Every label a step can have, in both variants: conform reports which of them TLC checked. */
    @Override
    public Set<String> actions(String variant) {
        return Set.of("w_lock", "w_begin", "w_d1", "w_d2", "w_end", "w_unlock", "r_begin", "r_d1", "r_d2", "r_retry");
    }

    /** Small scenarios that take every action, a reader's retry included (conform --states compares them with TLC). */
    @Override
    public List<Scenario> coverageScenarios(String variant) {
        ThreadScript reader = ThreadScript.of("reader", Op.of("read"));
        return List.of(new Scenario(Config.empty(), List.of(ThreadScript.of("writer", Op.of("write")), reader)),
                new Scenario(Config.empty(), List.of(ThreadScript.of("writer", Op.of("write"), Op.of("write")), reader)));
    }
}
