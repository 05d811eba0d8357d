package racetrace.engine;

import java.util.ArrayList;
import java.util.List;

/** Object states: the model's own, stepped by {@link Model#step}. */
final class ObjectCore<S> implements StepCore<S> {
    private final Model<S> model;
    private final OpChoice<S> ops;
    private final Scenario scenario;
    private final int threads;
    private String label;
    private String notice;

    ObjectCore(Model<S> model, Scenario scenario, int threads) {
        this.model = model;
        this.ops = model.opChoice();
        this.scenario = scenario;
        this.threads = threads;
    }

    @Override
    public boolean choosing() {
        return ops != null;
    }

    /** A script-carrying model's start: the deprecated form, run for this release. */
    @Override
    @SuppressWarnings("removal")
    public S initial() {
        return model.initial(scenario);
    }

    @Override
    public S start(OpPlan plan) {
        return ops.start(plan.config(), plan.actors());
    }

    @Override
    public boolean enabled(S s, int t) {
        return model.enabled(s, t);
    }

    @Override
    public boolean finished(S s, int t) {
        return model.finished(s, t);
    }

    @Override
    public S step(S s, int t) {
        Transition<S> tr = model.step(s, t);
        label = tr.label();
        notice = tr.notice();
        return tr.next();
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String notice() {
        return notice;
    }

    @Override
    public boolean noticed() {
        return notice != null;
    }

    @Override
    public S begin(S s, int t, Op op, int begun, int index) {
        return ops.begin(s, t, op);
    }

    @Override
    public S beginFresh(S s, int t, Op op) {
        return ops.begin(s, t, op);
    }

    @Override
    public S keep(S s) {
        return s;
    }

    @Override
    public int opCount(S s, int t) {
        return ops.opCount(s, t);
    }

    @Override
    public boolean done(S s, int t) {
        return ops.done(s, t);
    }

    @Override
    public long fingerprint(S s) {
        return model.fingerprint(s);
    }

    @Override
    public long fingerprint(S parent, long parentFingerprint, S s) {
        return model.fingerprint(s);
    }

    @Override
    public S buffer() {
        return null;
    }

    @Override
    public S copy(S s, S into) {
        return s;
    }

    @Override
    public Object object(S s) {
        return s;
    }

    @Override
    public S canonical(S s) {
        return s;
    }

    @Override
    public boolean symmetric() {
        return false;
    }

    @Override
    public int[] perm(S s) {
        return null;
    }

    @Override
    public Stepper.Check<S> check(List<String> names) {
        List<Invariant<S>> list = new ArrayList<>();
        for (String name : names) {
            Invariant<S> found = null;
            for (Invariant<S> i : model.invariants()) {
                if (i.name().equals(name)) {
                    found = i;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException(model.instance() + " has no invariant " + name);
            }
            list.add(found);
        }
        @SuppressWarnings("unchecked")
        Invariant<S>[] all = list.toArray(new Invariant[0]);
        return (s, word, open) -> {
            long bits = 0;
            int from = word << 6;
            int to = Math.min(all.length, from + 64);
            for (int k = from; k < to; k++) {
                if ((open & (1L << (k - from))) != 0 && !all[k].holds(model, s, threads)) {
                    bits |= 1L << (k - from);
                }
            }
            return bits;
        };
    }
}
