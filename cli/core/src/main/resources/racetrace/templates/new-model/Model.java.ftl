package ${package};

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
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
 * Written by racetrace new-model as a start: CPUs increment one shared counter, each op "inc" a
 * load of the counter into a register (step "load") and a store of register + 1 (step "store").
 * Variant "buggy" stores plainly, so two CPUs can lose an update; "fixed" stores with a
 * compare-and-exchange, which fails and sends the CPU back to "load" when the counter moved since
 * its load. Replace it with the code under review, keeping the rules: one step = one atomic memory
 * access or lock operation, its label the PlusCal label of the same step in the spec
 * src/main/tla/${module}.tla. racetrace finds this class through
 * META-INF/services/racetrace.api.Program and derives the rest (instances, scenarios, the spec's
 * variables and constants) from {@link #family()}, the memory and the registers.
 */
public final class ${prefix}Model implements Program<${prefix}Model.Memory, ${prefix}Model.Registers>, Covered {

    /** The shared memory: the spec's global variables, in this order. */
    public static final class Memory {
        int counter;
    }

    /** A CPU's registers: each field a variable of the spec, a function of the thread. */
    public static final class Registers {
        int reg;
    }

    /** The model's name, its variants (oldest first) and its threads: 1 to 3 CPUs, each running 1 or 2 increments. */
    @Override
    public Family family() {
        return Family.of("${name}", "CPUs increment one shared counter (replace with what your code does)")
                .variant("buggy", "load, then a plain store")
                .variant("fixed", "load, then a compare-and-exchange that retries from the load")
                .actor(Actor.of("cpu", "load").threads(1, 3).ops(1, 2).alphabet("inc"));
    }

    @Override
    public Memory memory(Config config) {
        return new Memory();
    }

    @Override
    public Registers registers(Config config, String actor) {
        return new Registers();
    }

    /** One step of CPU t.self() at label t.pc(), changing this step's copies of the memory and registers. */
    @Override
    public void step(ThreadStep<Memory, Registers> t) {
        Memory m = t.memory();
        Registers r = t.registers();
        switch (t.pc()) {
            case "load" -> { // one load of the counter
                r.reg = m.counter;
                t.go("store");
            }
            case "store" -> { // buggy: a store of register + 1; fixed: cmpxchg(&counter, reg, reg + 1)
                if (t.variant().equals("fixed") && m.counter != r.reg) {
                    t.go("load"); // the exchange failed: another CPU stored since the load
                } else {
                    m.counter = r.reg + 1;
                    t.end();
                }
            }
            default -> throw new IllegalStateException("no step at " + t.pc());
        }
    }

    /** Names are the TLA+ operators that state the same thing. */
    @Override
    public List<Invariant<View<Memory, Registers>>> invariants() {
        return List.of(Invariant.of("NoLostUpdate", "when every CPU is done, the counter counts every increment",
                v -> IntStream.rangeClosed(1, v.threadCount()).anyMatch(t -> !v.done(t))
                        || v.memory().counter == IntStream.rangeClosed(1, v.threadCount()).map(v::opi).sum()));
    }

    /**
     * The labels this variant's steps can have: the spec's actions it takes, written from the code
     * (not found by running the model). conform reports which of them TLC checked ("actions 2 of 2")
     * and runs the coverage scenarios below for any that random runs missed.
     */
    @Override
    public Set<String> actions(String variant) {
        return Set.of("load", "store");
    }

    /**
     * Small scenarios that take every action, for conform: it runs them when random runs miss an
     * action, and conform --states compares their whole state spaces with TLC's, state by state
     * (without them --states has nothing to compare). Add one for every rare path your code has.
     */
    @Override
    public List<Scenario> coverageScenarios(String variant) {
        ThreadScript one = ThreadScript.of("cpu", Op.of("inc"));
        ThreadScript two = ThreadScript.of("cpu", Op.of("inc"), Op.of("inc"));
        return List.of(new Scenario(Config.empty(), List.of(one, one)), new Scenario(Config.empty(), List.of(two, one)));
    }
}
