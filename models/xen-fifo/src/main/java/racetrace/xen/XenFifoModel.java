package racetrace.xen;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import racetrace.engine.Config;
import racetrace.engine.Fingerprint;
import racetrace.engine.Instance;
import racetrace.engine.Invariant;
import racetrace.engine.Model;
import racetrace.engine.Op;
import racetrace.engine.OpChoice;
import racetrace.engine.OpPlan;
import racetrace.engine.Packed;
import racetrace.engine.Scenario;
import racetrace.engine.ScenarioSpace;
import racetrace.engine.Transition;

/**
 * Step-level model of Xen's FIFO event channels: {@code evtchn_fifo_set_pending} in the versions
 * of {@link XenVersion}, under the locks its callers hold in an era ({@link Callers}), Xen's unmask
 * / set_priority / bind_vcpu, the Linux upcall loop and the Linux guest unmask. Step names follow
 * {@code docs/research/xen-evtchn-fifo.md}: one step per read, write, atomic read-modify-write,
 * cmpxchg, lock or unlock; local computations are merged into the memory step before them.
 * {@code spec/xen-fifo/XenFifo.tla} states the same system, step for step.
 *
 * <h2>Where things are</h2>
 * {@link Pc} the step labels, {@link Reg} a thread's registers, {@link Layout} and
 * {@link XenState} the state; the steps by concern: {@link PortOps} (callers' locks and Xen's
 * port operations), {@link SetPendingSteps} (what every generation of set_pending shares),
 * {@link SetPending2013} (a0, a), {@link SetPendingLastQueue} (b to e1, and fix 1),
 * {@link SetPendingE2}, {@link SetLink}, {@link Guest}; {@link Invariants}; {@link TlaMapping}
 * the spec's variables and constants; {@link XenSpace} the scenarios; {@link Coverage} what
 * conformance must cover.
 *
 * <h2>Shape</h2>
 * Ports 1..ports, vCPUs 0..vcpus-1, priorities 0..prios-1 (0 = highest). Fresh ports: notify vCPU
 * 0, priority prios-1 (the stand-in for Xen's default 7), last queue (0,0) as zero-allocated Xen
 * leaves it, so with two priorities a fresh port's last queue differs from its queue as in real
 * Xen. Ports 1..masked start MASKED. With {@code oldTail=1}, port 1 starts as an already consumed
 * old tail of its queue (tail = HEAD = 1, not LINKED, last queue = that queue).
 *
 * <h2>Actors</h2>
 * <ul>
 * <li>{@code xen-cpu} (1..3 threads, 1..3 ops), each op named by its caller: a raise of port p by
 * its binding ({@code send(p)} an interdomain send, {@code ipi(p)}, {@code virq(p)} a global VIRQ,
 * {@code pirq(p)}; the parameter {@code source} says which, the same for every port, where the
 * era's callers differ by binding), {@code unmask(p)} (the EVTCHNOP_unmask hypercall),
 * {@code setPriority(p,k)}, {@code bindVcpu(p,v)}. An op first takes its caller's lock of the era
 * ({@code XL_lockCaller}) and releases it after its last step ({@code XL_unlockCaller}). A raise
 * and the unmask hypercall read the notify vCPU ({@code X0_readNv}); unmask then clears M and
 * tests P (1.8).
 * <li>{@code guest} (with {@code guest=1}: one thread per vCPU, thread i is vCPU i; 1..3 ops
 * {@code upcall}): one op is one run of the upcall loop G0..G9 until its local ready copy is
 * empty. An upcall can only start while READY(v) is non-empty (the kick). A consumer idle at G0
 * with READY(v) empty counts as finished, so waiting for events that never come is no deadlock.
 * <li>{@code guest-unmask} (0..1 thread, 1..2 ops): {@code unmask(p)} in the form chosen by
 * {@code unmaskForm} and {@code mask(p)}. The hypercall runs Xen's unmask steps on the same
 * thread, under the unmask hypercall's lock of the era.
 * <li>{@code guest-rogue} (0..1 thread, 1 op): {@code scribble(p)}, a misbehaving guest vCPU
 * writing the unused bits of p's event word five times, enough to fail every cmpxchg of one
 * set_link (S3 and four S6): the threat set_link's BUSY bit and bound answer.
 * </ul>
 *
 * <h2>Invariants, and decisions where the notes leave room</h2>
 * <ul>
 * <li>Start(v,k) is section 3.2 with one refinement: when the guest is between G5 and G8 on
 * (v,k) and its {@code nxt} is 0 (it just emptied its chain), rule 3 applies, so a HEAD published
 * while the guest finishes the old chain is counted. Queue(v,k) is the LINK chain from Start.
 * <li>InFlight(p): a thread between winning the LINKED claim on p and completing the link
 * (set_link success or HEAD write). Consuming(p): a guest at G5 with cur = p.
 * <li>Designed give-ups (lock_old_queue after 3 tries, e2's loop after 3 tries, set_link's S7)
 * put p into the ghost set {@code dropped} and report a notice; a later won LINKED claim on p
 * removes it. Reachable, TailIsLast, EmptyImpliesOldTail, LastQueueCorrect, Quiescent and
 * NoLostEvent skip the ports in {@code dropped} and, when a dropped port is LINKED on no queue
 * (S7), the chain later linked behind it: those events were lost on purpose and reported.
 * <li>The ghost {@code owed} holds the ports with an event raised (at X0 of a raise) and not
 * delivered (G7's ack) since: NoLostEvent sees an event lost with PENDING clear, which only e2's
 * give-up does (8aa0e9d2 sets no PENDING then).
 * <li>EmptyImpliesOldTail and TailIsLast also excuse a tail that is InFlight: in a0/a the
 * LINKED claim (A5) precedes the queue lock, and the claimant itself handles "p == tail".
 * <li>LastQueueCorrect (b onwards) is checked for ports no thread is inside a set_pending
 * critical section for (holding a queue lock, or between D8c/B10c and the lock of q).
 * <li>ReadyImpliesValidHead, in every version: k in READY(v) implies HEAD(v,k) is non-zero, LINKED
 * and the first of Queue(v,k). a0 sets READY on every link, so a stale HEAD breaks it (benign there,
 * race R0, fixed by 70ccddb1): its counterexample shows it.
 * <li>NoForeignDequeue, the harmful form of notes 3.3 (8): a guest about to dequeue (G5) a LINKED
 * port while walking queue (v,k) finds it on no other queue.
 * <li>Quiescent: when every actor has finished (consumers idle) and READY, lready and lhead are
 * all empty, no port outside {@code dropped} is LINKED or pending-and-unmasked.
 * </ul>
 */
public final class XenFifoModel implements Model<XenState> {

    public static final String XEN_CPU = XenSpace.XEN_CPU;
    public static final String GUEST = XenSpace.GUEST;
    public static final String GUEST_UNMASK = XenSpace.GUEST_UNMASK;

    /** The spec's variables, in its order. */
    public static final List<String> VARIABLES = TlaMapping.VARIABLES;

    /** Which step class takes each label. */
    private static final Consumer<Cpu>[] STEPS = steps();

    private final XenVersion version;
    private final Callers callers;
    private final XenSpace space;
    private final Invariants invariants;

    /** The version under the callers of the era it shipped in. */
    public XenFifoModel(XenVersion version) {
        this(version, version.shipped());
    }

    public XenFifoModel(XenVersion version, Callers callers) {
        this.version = version;
        this.callers = callers;
        this.space = new XenSpace(callers);
        this.invariants = new Invariants(version);
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Cpu>[] steps() {
        Consumer<Cpu>[] s = new Consumer[Pc.count()];
        register(s, PortOps.LABELS, PortOps::step);
        register(s, SetPendingSteps.LABELS, SetPendingSteps::step);
        register(s, SetPending2013.LABELS, SetPending2013::step);
        register(s, SetPendingLastQueue.LABELS, SetPendingLastQueue::step);
        register(s, SetPendingE2.LABELS, SetPendingE2::step);
        register(s, SetLink.LABELS, SetLink::step);
        register(s, Guest.LABELS, Guest::step);
        for (Pc pc : Pc.values()) {
            if (pc != Pc.Done && s[pc.ordinal()] == null) {
                throw new IllegalStateException("no step class takes " + pc);
            }
        }
        return s;
    }

    private static void register(Consumer<Cpu>[] s, Set<Pc> labels, Consumer<Cpu> step) {
        for (Pc pc : labels) {
            if (s[pc.ordinal()] != null) {
                throw new IllegalStateException(pc + " taken twice");
            }
            s[pc.ordinal()] = step;
        }
    }

    public XenVersion xenVersion() {
        return version;
    }

    public Callers callers() {
        return callers;
    }

    @Override
    public Instance instance() {
        return Instance.of(XenFifoFamily.NAME, version.id(), Map.of(XenFifoFamily.CALLERS, callers.id()));
    }

    /**
     * 3: legal ops only (an IPI port is never rebound), b sets LINKED after invalidating the old
     * tail as the seed diff does, ReadyImpliesValidHead in the notes' full form in every version.
     */
    @Override
    public int version() {
        return 3;
    }

    @Override
    public ScenarioSpace space() {
        return space;
    }

    @Override
    public Set<String> actions() {
        return Coverage.actions(version, callers);
    }

    @Override
    public List<Scenario> coverageScenarios() {
        return Coverage.scenarios(space);
    }

    @Override
    public List<Invariant<XenState>> invariants() {
        return invariants.list();
    }

    @Override
    public String tlaModule() {
        return "XenFifo";
    }

    /** The start state's array: ports fresh (1..masked MASKED), port 1 an old tail with oldTail, every thread done. */
    int[] startArray(Layout u) {
        int[] m = new int[u.size];
        for (int p = 1; p <= u.ports; p++) {
            m[u.word + p] = p <= u.masked ? Word.M : 0;
            m[u.prio + p] = u.prios - 1;
        }
        if (u.oldTail) {
            // Port 1 was linked on its queue and consumed: tail and HEAD still name it.
            int q = u.queue(0, u.prios - 1);
            m[u.tail + q] = 1;
            m[u.head + q] = 1;
            m[u.lastp + 1] = u.prios - 1;
        }
        return m;
    }

    private final Packed<XenState> packed = XenMachine.packed(this);

    /** States as int arrays, stepped without allocation: the explorers' fast path. */
    @Override
    public Packed<XenState> packed() {
        return packed;
    }

    Invariants invariantsOf() {
        return invariants;
    }

    List<String> invariantNames() {
        return invariants.names();
    }

    /** Threads take their ops from the engine: a scenario's scripts, or a scope's choices. */
    @Override
    public OpChoice<XenState> opChoice() {
        return ops;
    }

    private final OpChoice<XenState> ops = new OpChoice<>() {
        @Override
        public XenState start(Config c, List<String> actors) {
            Layout u = new Layout(c, actors, callers);
            return new XenState(u, startArray(u));
        }

        @Override
        public XenState begin(XenState s, int t, Op op) {
            int[] m = s.m.clone();
            Cpu.begin(s.u, m, t, Layout.opCode(s.u.kind[t], op), op.args().isEmpty() ? 0 : op.arg(0),
                    op.args().size() < 2 ? 0 : op.arg(1), callers);
            XenState next = new XenState(s.u, m);
            if (s.fingerprint != 0) {
                next.fingerprint = Fingerprint.updateSlots(s.fingerprint, s.m, m);
            }
            return next;
        }

        @Override
        public int opCount(XenState s, int t) {
            return s.reg(t, Reg.opi);
        }

        @Override
        public boolean done(XenState s, int t) {
            return s.reg(t, Reg.pc) == Pc.Done.ordinal();
        }
    };

    @Override
    public boolean finished(XenState s, int t) {
        return Invariants.finished(s, t);
    }

    @Override
    public boolean enabled(XenState s, int t) {
        return enabled(s.u, s.m, t);
    }

    /** Whether thread t can step in state m: not done, not waiting for a lock or (a guest) for READY. */
    static boolean enabled(Layout u, int[] m, int t) {
        Pc pc = Pc.of(m[u.reg(t, Reg.pc)]);
        return switch (pc) {
            case Done -> false;
            case A6_lockQ, B10d_lockQ, D8d_lockQ, E1c_lockQ -> free(u, m, queue(u, m, t, Reg.vc, Reg.kq));
            case B7_lockOldQ, L3_lockOldQ -> free(u, m, queue(u, m, t, Reg.lv, Reg.lp));
            case E1c_lockFirst -> free(u, m, Math.min(queue(u, m, t, Reg.vc, Reg.kq), queue(u, m, t, Reg.lv, Reg.lp)));
            case E1c_lockSecond -> free(u, m, Math.max(queue(u, m, t, Reg.vc, Reg.kq), queue(u, m, t, Reg.lv, Reg.lp)));
            case XL_lockCaller, F1_lockEvent -> PortOps.enabled(u, m, t, pc);
            default -> u.kind[t] == Layout.XEN || Guest.enabled(u, m, t, pc);
        };
    }

    private static int queue(Layout u, int[] m, int t, Reg v, Reg k) {
        return u.queue(m[u.reg(t, v)], m[u.reg(t, k)]);
    }

    private static boolean free(Layout u, int[] m, int q) {
        return m[u.owner + q] == 0;
    }

    @Override
    public Transition<XenState> step(XenState s, int t) {
        Cpu c = new Cpu(s.u, version, callers).on(s.m.clone(), t);
        Pc pc = c.pc();
        if (pc == Pc.Done) {
            throw new IllegalStateException("thread " + t + " has finished");
        }
        STEPS[pc.ordinal()].accept(c);
        XenState next = new XenState(s.u, c.m);
        if (s.fingerprint != 0) {
            // A step changes a few slots: the child's fingerprint follows from its parent's.
            next.fingerprint = Fingerprint.updateSlots(s.fingerprint, s.m, c.m);
        }
        return c.notice() == null ? Transition.of(next, pc.name()) : Transition.noticed(next, pc.name(), c.notice());
    }

    /** Thread t's step from state s into out (a copy of s changed): whether it took a designed give-up. */
    static boolean step(Cpu c, int[] s, int t, int[] out) {
        System.arraycopy(s, 0, out, 0, s.length);
        c.on(out, t);
        STEPS[out[c.u.reg(t, Reg.pc)]].accept(c);
        return c.notice() != null;
    }

    /** The reads each label makes and the stores the diff shows ({@link XenAccesses}). */
    @Override
    public List<racetrace.engine.Access> accesses(XenState before, Transition<XenState> step, int thread) {
        return XenAccesses.of(before, step.next(), thread);
    }

    @Override
    public String violationDetail(String invariant, XenState state) {
        return XenAccesses.violation(invariant, state);
    }

    @Override
    public Map<String, Object> variables(XenState s) {
        return TlaMapping.variables(s);
    }

    /**
     * The state array is a one-to-one image of {@link #variables} (every slot is a variable's
     * value, the unused port-0 slots stay 0), so hashing it agrees with them.
     */
    @Override
    public long fingerprint(XenState s) {
        return s.fingerprint();
    }

    private static final Set<String> HIDDEN;

    static {
        Set<String> h = new LinkedHashSet<>();
        for (Reg r : Reg.values()) {
            h.add(r.name());
        }
        HIDDEN = java.util.Collections.unmodifiableSet(h);
    }

    @Override
    public Set<String> hiddenInTable() {
        return HIDDEN;
    }

    @Override
    public String threadName(Scenario scenario, int thread) {
        String actor = scenario.threads().get(thread).actor();
        int index = 0;
        for (int i = 0; i < thread; i++) {
            if (scenario.threads().get(i).actor().equals(actor)) {
                index++;
            }
        }
        return switch (actor) {
            // the callers, so the table says who holds which lock
            case XEN_CPU -> "Xen CPU " + (char) ('A' + index) + ": " + scenario.threads().get(thread).ops().stream()
                    .map(Object::toString).collect(java.util.stream.Collectors.joining(" "));
            case GUEST -> "guest v" + index;
            case XenSpace.GUEST_ROGUE -> "rogue guest";
            default -> "guest unmask";
        };
    }

    @Override
    public Map<String, Object> tlaConstants(Scenario scenario) {
        return TlaMapping.constants(version, callers, space, OpPlan.of(scenario));
    }

    @Override
    public Map<String, Object> tlaConstants(OpPlan plan) {
        return TlaMapping.constants(version, callers, space, plan);
    }
}
