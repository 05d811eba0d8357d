package racetrace.tla.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import racetrace.engine.Access;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.Step;
import racetrace.engine.Transition;

/**
 * What every step of a kept trace touched ({@link Model#accesses}) and where the schedule
 * preempted a thread: the facts the explanation, the CPU table's markers and the swimlane picture
 * are drawn from.
 */
public final class TraceAccesses {

    /** One access of one step. */
    public record At(int step, int thread, Access access) {
    }

    private final List<List<Access>> perStep;
    private final boolean[] preemption;
    private final int[] threadOf;

    private TraceAccesses(List<List<Access>> perStep, boolean[] preemption, int[] threadOf) {
        this.perStep = perStep;
        this.preemption = preemption;
        this.threadOf = threadOf;
    }

    public static <S> TraceAccesses of(Execution<S> ex) {
        Model<S> model = ex.model();
        List<Step<S>> steps = ex.steps();
        List<List<Access>> per = new ArrayList<>();
        boolean[] pre = new boolean[steps.size() + 1];
        int[] threads = new int[steps.size() + 1];
        for (Step<S> s : steps) {
            S before = ex.stateAt(s.index() - 1);
            per.add(List.copyOf(model.accesses(before, new Transition<>(s.state(), s.label(), s.notice()), s.thread())));
            threads[s.index()] = s.thread();
            if (s.index() > 1) {
                int prev = steps.get(s.index() - 2).thread();
                // the measure's preemption: a switch away from a thread that could have gone on
                pre[s.index()] = prev != s.thread() && model.enabled(before, prev);
            }
        }
        return new TraceAccesses(List.copyOf(per), pre, threads);
    }

    /**
     * Accesses given step by step, for tests of the explanation without a model.
     *
     * @param threads the thread of each step, step 1 first
     * @param preempts the steps (1-based) that preempted the thread before them
     */
    static TraceAccesses of(List<List<Access>> perStep, int[] threads, Set<Integer> preempts) {
        boolean[] pre = new boolean[perStep.size() + 1];
        int[] threadOf = new int[perStep.size() + 1];
        for (int i = 1; i <= perStep.size(); i++) {
            pre[i] = preempts.contains(i);
            threadOf[i] = threads[i - 1];
        }
        return new TraceAccesses(List.copyOf(perStep), pre, threadOf);
    }

    /** Steps in the trace. */
    public int steps() {
        return perStep.size();
    }

    /** The accesses of step {@code i} (1-based). */
    public List<Access> of(int step) {
        return perStep.get(step - 1);
    }

    /** The thread of step {@code i} (1-based). */
    public int thread(int step) {
        return threadOf[step];
    }

    /** Whether step {@code i} preempted the thread of step {@code i - 1}. */
    public boolean preempts(int step) {
        return step >= 1 && step < preemption.length && preemption[step];
    }

    /** Whether {@code thread} was preempted after step {@code from} and before or at step {@code to}. */
    public boolean preemptedBetween(int thread, int from, int to) {
        for (int i = from + 1; i <= to && i < preemption.length; i++) {
            if (preemption[i] && threadOf[i - 1] == thread) {
                return true;
            }
        }
        return false;
    }

    /** Every read and store (not synchronisation), step by step, in order. */
    List<At> memory() {
        List<At> out = new ArrayList<>();
        for (int i = 1; i <= perStep.size(); i++) {
            for (Access a : perStep.get(i - 1)) {
                if (a.kind() != Access.Kind.SYNC) {
                    out.add(new At(i, threadOf[i], a));
                }
            }
        }
        return out;
    }
}
