package racetrace.flags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Param;

/** What one family adds to the generic flags interpreter: locks, actors, programs, writers, start. */
abstract class FlagsDefinition {

    /**
     * The start state's scalars.
     *
     * @param trueFields the flags set at the start
     * @param usage the runtime-PM usage count
     * @param open the device's open count
     * @param wake whether a low-power wake eventfd is armed
     * @param nb whether the tracker's event notifier is registered
     */
    record Start(Set<String> trueFields, int usage, int open, boolean wake, boolean nb) {
    }

    private final FlagsFamily family;
    final String variant;
    final Granularity granularity;
    final Layout layout;
    final UnitMap units;
    final Map<String, String> assumed;
    private List<Writer> writers;

    FlagsDefinition(FlagsFamily family, String variant, Layout layout, Granularity granularity,
            Map<String, String> assumed) {
        this.family = family;
        this.variant = variant;
        this.granularity = granularity;
        this.layout = layout;
        this.units = UnitMap.of(layout, granularity);
        Map<String, String> a = new LinkedHashMap<>();
        for (Assumption x : assumptions()) {
            a.put(x.option(), assumed.getOrDefault(x.option(), x.assumed()));
        }
        this.assumed = a;
    }

    final String family() {
        return family.name();
    }

    /** The modelling choices the notes leave open, each an option of the family. */
    final List<Assumption> assumptions() {
        return family.assumptions();
    }

    /** Lock names; "memory" is the one rwsem. Their order is the order of the {@code owner} record. */
    abstract List<String> locks();

    /** How the writers table writes a lock of {@link #locks()}. */
    abstract String lockName(String lock);

    abstract List<Param> params();

    abstract List<ActorKind> actors(Config config);

    abstract List<Op> alphabet(Config config, String actor);

    abstract Start start(Config config);

    /** Op name to program, for every op any alphabet of this instance holds. */
    abstract Map<String, Instr[]> programs();

    /** The writers table of this instance: every store site of the programs, and the writers no thread runs. */
    abstract List<Writer> buildWriters();

    /** The newest layout before the fix: the base the thread's two policies are applied to. */
    abstract String policyBase();

    /** Whether the instance checks {@code ResetCleanupRuns} (mlx5 only). */
    abstract boolean checksResetCleanup();

    /** Variables the CPU table leaves out for this family. */
    abstract Set<String> hiddenInTable();

    /**
     * The pm-get sites (label prefixes) whose resume block cannot run its resume: the op never
     * finds the device suspended with its wake eventfd armed. Their blocks are left out of the
     * instance's actions; the steps of them a run takes are checked all the same.
     */
    Set<String> resumesWithoutWake() {
        return Set.of();
    }

    /** Rows a writers file added ({@link WritersFile}): each is an op of its own, named by its site. */
    private List<Writer> extra = List.of();

    /** Adds a writers file's rows; called once, before the instance is used. */
    final void addWriters(List<Writer> rows) {
        for (Writer w : rows) {
            if (frame(w.context()) == null) {
                throw new IllegalStateException("no frame for " + w.context());
            }
        }
        this.extra = List.copyOf(rows);
        this.writers = null;
    }

    final List<Writer> extraWriters() {
        return extra;
    }

    final List<Writer> writers() {
        if (writers == null) {
            List<Writer> all = new ArrayList<>(buildWriters());
            all.addAll(extra);
            writers = all.stream().filter(w -> units.has(w.field())).toList();
        }
        return writers;
    }

    /**
     * How a writers file's row in this context runs (its thread's actor and the steps around its
     * store), or null when rows in that context are not supported: the contexts whose framing the
     * model has (a syscall on the open fd, sysfs; in mlx5 an EQ/CQ event).
     */
    abstract Frame frame(Context context);

    /**
     * The framing of an added writer.
     *
     * @param actor the actor whose alphabet gets the op
     * @param kind {@code syscall-pm} (a syscall that takes a runtime-PM reference when the row
     *     says so), {@code syscall} (no runtime PM in the model), {@code event} (a notifier callback,
     *     entered and left like the EQ events)
     */
    record Frame(String actor, String kind) {
    }

    /** The contexts a writers file's row may name for this family. */
    final List<Context> supportedContexts() {
        return Arrays.stream(Context.values()).filter(c -> frame(c) != null).toList();
    }

    /** Every program: the family's and one per added writer. */
    final Map<String, Instr[]> allPrograms() {
        Map<String, Instr[]> m = new LinkedHashMap<>(programs());
        for (Writer w : extra) {
            m.put(w.site(), extraProgram(w));
        }
        return m;
    }

    /** An actor's ops: the family's and the added writers of its context (computed ones take 0 and 1). */
    final List<Op> allAlphabet(Config config, String actor) {
        List<Op> ops = new ArrayList<>(alphabet(config, actor));
        if (actors(config).stream().anyMatch(k -> k.name().equals(actor))) {
            for (Writer w : extra) {
                if (frame(w.context()).actor().equals(actor)) {
                    if (w.kind().equals(UnitMap.COMPUTED)) {
                        ops.add(Op.of(w.site(), 0));
                        ops.add(Op.of(w.site(), 1));
                    } else {
                        ops.add(Op.of(w.site()));
                    }
                }
            }
        }
        return ops;
    }

    /**
     * The program of an added writer {@code op}: the frame's entry (a runtime-PM reference for a
     * syscall that holds one, the notifier's entry for an event), the row's locks in order (the
     * memory rwsem for writing), the store (1 for a constant row unless its value says false or 0,
     * the op's argument for a computed one), the locks released in reverse order, the frame's exit.
     */
    final Instr[] extraProgram(Writer w) {
        String op = w.site();
        Frame f = frame(w.context());
        boolean pm = f.kind().equals("syscall-pm") && WritersFile.holdsReference(w.pm());
        Prog p = prog();
        if (pm) {
            p.pmGet(op);
        }
        if (f.kind().equals("event")) {
            p.step(op + "_enter", Instr.NB_ENTER);
        }
        for (String l : w.locks()) {
            p.lock(op + "_lock_" + l, l.equals("memory") ? Instr.WRITE_LOCK : Instr.LOCK, l);
        }
        int val = w.kind().equals(UnitMap.COMPUTED) ? Instr.ARG
                : w.value().equals("false") || w.value().equals("0") ? 0 : 1;
        p.write(op, w.field(), val);
        for (int i = w.locks().size() - 1; i >= 0; i--) {
            unlock(p, op, w.locks().get(i));
        }
        if (f.kind().equals("event")) {
            p.step(op + "_exit", Instr.NB_EXIT);
        }
        if (pm) {
            p.step(op + "_pmPut", Instr.PM_PUT);
        }
        return p.build();
    }

    /** Releases a lock an added writer took; a family whose lock has an unlock path of its own overrides it. */
    void unlock(Prog p, String op, String lock) {
        p.lock(op + "_unlock_" + lock, lock.equals("memory") ? Instr.WRITE_UNLOCK : Instr.UNLOCK, lock);
    }

    /** The value kind of a store site, from its writers-table row. */
    final String kindOf(String site) {
        for (Writer w : writers()) {
            if (w.covers(site)) {
                return w.kind();
            }
        }
        throw new IllegalStateException("store site " + site + " has no row in the " + family() + " writers table");
    }

    final String assumed(String option) {
        return assumed.get(option);
    }

    /** Whether this instance takes the probe window open ({@link Assumption#probeWindow}). */
    final boolean probeWindowOpen() {
        return assumed(Assumption.PROBE_WINDOW).equals("open");
    }

    Prog prog() {
        return new Prog(this);
    }
}
