package racetrace.search.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.ActorKind;
import racetrace.engine.Config;
import racetrace.engine.Fingerprint;
import racetrace.engine.Invariant;
import racetrace.engine.Machine;
import racetrace.engine.Op;
import racetrace.engine.OpChoice;
import racetrace.engine.Packed;
import racetrace.engine.ToyModel;
import racetrace.engine.Transition;

/**
 * A toy model with packed states and footprints, for partial-order reduction tests: thread t runs
 * program {@code t % programs} (its one op, {@code run}, up to twice), one instruction a step, over
 * shared variables x0..x(V-1) and one lock. Instructions: {READ v} reg := x[v]; {WRITE v c} x[v] :=
 * c; {INC v} x[v] := reg + 1; {WAIT v c} blocks until x[v] = c; {LOCK}, {UNLOCK}; {JNE c to} jumps
 * to instruction {@code to} when reg != c (a spin loop: a cycle of the state graph); {CAS v e c}
 * x[v] := c and reg := 1 when x[v] = e, else reg := 0. Invariants: x(V-1) stays 0 ("Flag"), x0
 * never reaches 2 ("Two"). The footprint of each instruction is read off the list above.
 */
final class ProgramsModel extends ToyModel<int[]> {

    static final int READ = 0;
    static final int WRITE = 1;
    static final int INC = 2;
    static final int WAIT = 3;
    static final int LOCK = 4;
    static final int UNLOCK = 5;
    static final int JNE = 6;
    static final int CAS = 7;

    private final int[][][] programs;
    private final int vars;
    private final boolean wrongFootprints;

    /** Programs of instructions {code, a, b, c}; {@code wrongFootprints}: declare every step independent. */
    ProgramsModel(String name, int vars, int[][][] programs, boolean wrongFootprints) {
        super("programs", name, List.of(), List.of(new ActorKind("cpu", 1, 3, 1, 2, false)),
                actor -> List.of(Op.of("run")));
        this.programs = programs;
        this.vars = vars;
        this.wrongFootprints = wrongFootprints;
    }

    /** 2 or 3 threads over 2 or 3 variables, each with a random program (drawn in that order). */
    static ProgramsModel draw(java.util.Random r, String name) {
        int threads = 2 + r.nextInt(2);
        int vars = 2 + r.nextInt(2);
        return new ProgramsModel(name, vars, random(r, threads, vars), false);
    }

    int threads() {
        return programs.length;
    }

    int vars() {
        return vars;
    }

    private int lock() {
        return vars;
    }

    private int pc(int t) {
        return vars + 1 + 3 * t;
    }

    private int[][] code(int t) {
        return programs[t % programs.length];
    }

    private final OpChoice<int[]> ops = new OpChoice<>() {
        @Override
        public int[] start(Config config, List<String> actors) {
            return new int[vars + 1 + 3 * actors.size()];
        }

        @Override
        public int[] begin(int[] s, int t, Op op) {
            int[] out = s.clone();
            ProgramsModel.this.begin(out, t);
            return out;
        }

        @Override
        public int opCount(int[] s, int t) {
            return s[pc(t) + 2];
        }

        @Override
        public boolean done(int[] s, int t) {
            return s[pc(t)] == 0;
        }
    };

    void begin(int[] s, int t) {
        s[pc(t)] = 1;
        s[pc(t) + 1] = 0;
        s[pc(t) + 2]++;
    }

    @Override
    public OpChoice<int[]> opChoice() {
        return ops;
    }

    @Override
    public boolean enabled(int[] s, int t) {
        int pc = s[pc(t)];
        if (pc == 0) {
            return false;
        }
        int[] i = code(t)[pc - 1];
        return switch (i[0]) {
            case WAIT -> s[i[1]] == i[2];
            case LOCK -> s[lock()] == 0;
            default -> true;
        };
    }

    @Override
    public boolean finished(int[] s, int t) {
        return s[pc(t)] == 0;
    }

    @Override
    public Transition<int[]> step(int[] s, int t) {
        int[] out = s.clone();
        execute(out, t);
        return Transition.of(out, "i" + (s[pc(t)] - 1));
    }

    /** Thread t's instruction, in place. */
    private void execute(int[] m, int t) {
        int at = pc(t);
        int[][] code = code(t);
        int[] i = code[m[at] - 1];
        int next = m[at] + 1;
        switch (i[0]) {
            case READ -> m[at + 1] = m[i[1]];
            case WRITE -> m[i[1]] = i[2];
            case INC -> m[i[1]] = m[at + 1] + 1;
            case LOCK -> m[lock()] = t + 1;
            case UNLOCK -> m[lock()] = 0;
            case JNE -> next = m[at + 1] != i[1] ? i[2] + 1 : next;
            case CAS -> {
                boolean won = m[i[1]] == i[2];
                if (won) {
                    m[i[1]] = i[3];
                }
                m[at + 1] = won ? 1 : 0;
            }
            default -> {
                // WAIT: enabled means it passes
            }
        }
        if (next > code.length) {
            m[at] = 0;
            m[at + 1] = 0;
        } else {
            m[at] = next;
        }
    }

    private void footprint(int[] m, int t, long[] out) {
        int[] i = code(t)[m[pc(t)] - 1];
        long r = 0;
        long w = 0;
        switch (i[0]) {
            case READ, WAIT -> r = 1L << i[1];
            case WRITE, INC -> w = 1L << i[1];
            case LOCK -> {
                r = 1L << lock();
                w = r;
            }
            case UNLOCK -> w = 1L << lock();
            case CAS -> {
                r = 1L << i[1];
                w = r;
            }
            default -> {
                // JNE: registers only
            }
        }
        out[0] = wrongFootprints ? 0 : r;
        out[1] = wrongFootprints ? 0 : w;
    }

    private long broken(int[] m, long check) {
        long out = 0;
        if ((check & 1) != 0 && m[vars - 1] != 0) {
            out |= 1;
        }
        if ((check & 2) != 0 && m[0] == 2) {
            out |= 2;
        }
        return out;
    }

    @Override
    public List<Invariant<int[]>> invariants() {
        return List.of(Invariant.of("Flag", "the last variable stays 0", m -> broken(m, 1) == 0),
                Invariant.of("Two", "x0 never reaches 2", m -> broken(m, 2) == 0));
    }

    @Override
    public Map<String, Object> variables(int[] s) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (int k = 0; k < s.length; k++) {
            v.put("m" + k, s[k]);
        }
        return v;
    }

    @Override
    public long fingerprint(int[] s) {
        return Fingerprint.ofSlots(s);
    }

    @Override
    public Packed<int[]> packed() {
        ProgramsModel model = this;
        return new Packed<>() {
            @Override
            public Machine machine(Config config, List<String> actors) {
                return new Machine() {
                    @Override
                    public int width() {
                        return vars + 1 + 3 * actors.size();
                    }

                    @Override
                    public void start(int[] s) {
                        java.util.Arrays.fill(s, 0);
                    }

                    @Override
                    public boolean enabled(int[] s, int t) {
                        return model.enabled(s, t);
                    }

                    @Override
                    public boolean finished(int[] s, int t) {
                        return model.finished(s, t);
                    }

                    @Override
                    public int step(int[] s, int t, int[] out) {
                        System.arraycopy(s, 0, out, 0, s.length);
                        execute(out, t);
                        return 0;
                    }

                    @Override
                    public int code(int t, Op op) {
                        return 1;
                    }

                    @Override
                    public void begin(int[] s, int t, int code) {
                        model.begin(s, t);
                    }

                    @Override
                    public int opCount(int[] s, int t) {
                        return s[pc(t) + 2];
                    }

                    @Override
                    public boolean done(int[] s, int t) {
                        return s[pc(t)] == 0;
                    }

                    @Override
                    public long fingerprint(int[] s) {
                        return Fingerprint.ofSlots(s);
                    }

                    @Override
                    public long broken(int[] s, long check) {
                        return model.broken(s, check);
                    }

                    @Override
                    public boolean declaresFootprints() {
                        return true;
                    }

                    @Override
                    public void footprint(int[] s, int t, long[] out) {
                        model.footprint(s, t, out);
                    }
                };
            }

            @Override
            public List<String> invariants() {
                return List.of("Flag", "Two");
            }

            @Override
            public int[] pack(int[] state) {
                return state;
            }

            @Override
            public int[] unpack(Machine machine, int[] packed) {
                return packed;
            }
        };
    }

    /** Random programs of 1 to 4 instructions over {@code vars} variables, one per thread. */
    static int[][][] random(java.util.Random r, int threads, int vars) {
        int[][][] out = new int[threads][][];
        for (int t = 0; t < threads; t++) {
            int len = 1 + r.nextInt(4);
            List<int[]> code = new ArrayList<>();
            boolean locked = false;
            for (int k = 0; k < len; k++) {
                int v = r.nextInt(vars);
                int c = r.nextInt(3);
                int[] i = switch (r.nextInt(8)) {
                    case 0 -> new int[] {READ, v};
                    case 1 -> new int[] {WRITE, v, 1 + r.nextInt(2)};
                    case 2 -> new int[] {INC, v};
                    case 3 -> new int[] {WAIT, v, c};
                    case 4 -> locked ? new int[] {UNLOCK} : new int[] {LOCK};
                    case 5 -> new int[] {JNE, c, r.nextInt(k + 1)};
                    case 6 -> new int[] {CAS, v, c, 1 + r.nextInt(2)};
                    default -> new int[] {READ, v};
                };
                if (i[0] == LOCK) {
                    locked = true;
                } else if (i[0] == UNLOCK) {
                    locked = false;
                }
                code.add(i);
            }
            if (locked) {
                code.add(new int[] {UNLOCK});
            }
            out[t] = code.toArray(new int[0][]);
        }
        return out;
    }
}
