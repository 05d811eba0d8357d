package racetrace.tla.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.Access;
import racetrace.engine.Execution;
import racetrace.engine.Leaves;
import racetrace.engine.Model;
import racetrace.engine.Outcome;
import racetrace.engine.Step;
import racetrace.tla.Templates;

/**
 * The CPU column table of an execution, as people paste it into mail: one column per thread, one
 * row per step with the action label in the acting thread's column, and the values each read
 * returned and each step changed. A marker column shows where the schedule preempted a thread
 * ({@code >}) and which steps race ({@code *}, the {@link Explanation}'s). Plain text, 80 columns
 * where the thread columns leave room: long headings and long change lists wrap.
 */
public final class CpuTable {

    /** The width the table keeps to when its thread columns leave room. */
    static final int WIDTH = 80;
    /** The last column wraps only when it starts at or before this column. */
    private static final int WRAP_FROM = 56;
    /** A thread heading this short never wraps. */
    private static final int SHORT_HEADING = 12;

    private CpuTable() {
    }

    public static String render(Execution<?> ex) {
        return render(ex, null, Explainer.explain(ex));
    }

    /**
     * The table of a run that checked one invariant alone (a shrunk counterexample), with a last
     * line when {@code everyInvariant}, the outcome of the same run with every invariant checked,
     * is another invariant failing first.
     */
    public static String render(Execution<?> focused, Outcome everyInvariant) {
        return render(focused, everyInvariant, Explainer.explain(focused));
    }

    /** As {@link #render(Execution, Outcome)}, with the explanation already computed for {@code focused}. */
    public static String render(Execution<?> focused, Outcome everyInvariant, Explanation why) {
        String note = null;
        if (focused.outcome() instanceof Outcome.Violated f && everyInvariant instanceof Outcome.Violated v
                && !v.invariant().equals(f.invariant())) {
            note = "checking " + f.invariant() + " alone; with every invariant checked, " + v.invariant()
                    + " fails first, after step " + v.steps();
        }
        return renderTyped(focused, note, why);
    }

    private static <S> String renderTyped(Execution<S> ex, String note, Explanation why) {
        Model<S> model = ex.model();
        int n = ex.scenario().threadCount();
        TraceAccesses acc = why.accesses();
        Set<Integer> racing = why.racingSteps();
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> changes = notes(ex, acc);
        boolean anyPreemption = false;
        for (Step<S> step : ex.steps()) {
            boolean pre = acc.preempts(step.index());
            anyPreemption |= pre;
            List<String> row = new ArrayList<>();
            row.add((pre ? ">" : " ") + (racing.contains(step.index()) ? "*" : " "));
            row.add(String.valueOf(step.index()));
            for (int t = 0; t < n; t++) {
                row.add(t == step.thread() ? step.label() : "");
            }
            rows.add(row);
        }
        int cols = n + 3; // marker, #, the threads, then the changes
        int[] width = new int[cols];
        width[0] = 2;
        width[1] = 1;
        for (List<String> r : rows) {
            width[1] = Math.max(width[1], r.get(1).length());
            for (int t = 0; t < n; t++) {
                width[t + 2] = Math.max(width[t + 2], r.get(t + 2).length());
            }
        }
        List<List<String>> headings = new ArrayList<>();
        int headLines = 1;
        for (int t = 0; t < n; t++) {
            String h = model.threadName(ex.scenario(), t);
            // a heading a little wider than its labels, or short anyway, stays on one line
            boolean oneLine = h.length() <= Math.max(width[t + 2] + 4, SHORT_HEADING);
            width[t + 2] = Math.max(width[t + 2], oneLine ? h.length() : longestWord(h));
            List<String> lines = oneLine ? List.of(h) : wrap(h, width[t + 2]);
            headings.add(lines);
            headLines = Math.max(headLines, lines.size());
        }
        String lastTitle = "reads and changes";
        List<String> head = new ArrayList<>();
        for (int l = 0; l < headLines; l++) {
            List<String> cells = new ArrayList<>();
            boolean bottom = l == headLines - 1;
            cells.add("");
            cells.add(bottom ? "#" : "");
            for (List<String> h : headings) {
                int at = l - (headLines - h.size());
                cells.add(at >= 0 ? h.get(at) : "");
            }
            cells.add(bottom ? lastTitle : "");
            head.add(String.join("  ", pad(cells, width)).stripTrailing());
        }
        int lastStart = 0;
        for (int c = 0; c < cols - 1; c++) {
            lastStart += width[c] + 2;
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> items = changes.get(i);
            List<String> parts = lastStart <= WRAP_FROM ? wrapItems(items, WIDTH - lastStart)
                    : List.of(String.join(" ", items));
            List<String> cells = new ArrayList<>(rows.get(i));
            cells.add(parts.isEmpty() ? "" : parts.get(0));
            lines.add(String.join("  ", pad(cells, width)).stripTrailing());
            for (int k = 1; k < parts.size(); k++) {
                lines.add(" ".repeat(lastStart) + parts.get(k));
            }
        }
        Map<String, Object> data = new HashMap<>();
        data.put("start", wrapWithIndent("start: ", startLine(model, ex)));
        data.put("head", head);
        data.put("rows", lines);
        data.put("end", endLine(ex.outcome()));
        data.put("note", note == null ? "" : note);
        data.put("racing", !racing.isEmpty());
        data.put("preemptions", anyPreemption);
        return Templates.render("cpu-table.ftl", data);
    }

    /**
     * What each step read and changed, step by step: {@code read <location>=<value>} for each
     * read the model says, {@code <leaf>=<value>} for each variable leaf the step changed (those
     * the table shows) and for each store the model says that left memory as it was, and a
     * designed give-up in brackets.
     */
    static <S> List<List<String>> notes(Execution<S> ex, TraceAccesses acc) {
        Model<S> model = ex.model();
        List<List<String>> out = new ArrayList<>();
        Map<String, String> before = Leaves.of(model.variables(ex.initial()), model.hiddenInTable());
        for (Step<S> step : ex.steps()) {
            Map<String, String> after = Leaves.of(model.variables(step.state()), model.hiddenInTable());
            List<String> changed = new ArrayList<>();
            for (Access a : acc.of(step.index())) {
                if (a.kind() == Access.Kind.READ) {
                    changed.add("read " + a.location() + "=" + a.value());
                }
            }
            Set<String> shown = new HashSet<>();
            after.forEach((k, v) -> {
                if (!v.equals(before.get(k))) {
                    changed.add(k + "=" + v);
                    shown.add(k);
                }
            });
            // a store of the value memory already held shows in no diff, and is often the race
            for (Access a : acc.of(step.index())) {
                if (a.kind() == Access.Kind.WRITE && shown.add(a.location())) {
                    changed.add(a.location() + "=" + a.value());
                }
            }
            if (step.notice() != null) {
                changed.add("[" + step.notice() + "]");
            }
            out.add(changed);
            before.clear();
            before.putAll(after);
        }
        return out;
    }

    private static <S> List<String> startLine(Model<S> model, Execution<S> ex) {
        Map<String, String> start = Leaves.of(model.variables(ex.initial()), model.hiddenInTable());
        List<String> parts = new ArrayList<>();
        start.forEach((k, v) -> parts.add(k + "=" + v));
        return parts;
    }

    /** {@code prefix} and the words, wrapped at {@link #WIDTH}, continuation lines indented under the first word. */
    static List<String> wrapWithIndent(String prefix, List<String> items) {
        List<String> parts = wrapItems(items, Math.max(20, WIDTH - prefix.length()));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add((i == 0 ? prefix : " ".repeat(prefix.length())) + parts.get(i));
        }
        if (out.isEmpty()) {
            out.add(prefix.stripTrailing());
        }
        return out;
    }

    /** The words in lines of at most {@code width} characters (a longer word gets a line of its own). */
    static List<String> wrap(String text, int width) {
        return wrapItems(List.of(text.strip().split(" +")), width);
    }

    /** The items, separated by a space, in lines of at most {@code width} characters (a longer item gets a line of its own). */
    static List<String> wrapItems(List<String> items, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : items) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    private static int longestWord(String s) {
        int max = 0;
        for (String w : s.split(" +")) {
            max = Math.max(max, w.length());
        }
        return max;
    }

    /** The verdict line under a table: which invariant failed after which step, a deadlock, or all held. */
    public static String endLine(Outcome o) {
        if (o instanceof Outcome.Violated v) {
            return v.steps() == 0 ? v.invariant() + " violated in the start state"
                    : v.invariant() + " violated after step " + v.steps();
        } else if (o instanceof Outcome.Deadlock d) {
            return "deadlock after step " + d.steps() + ": threads " + d.blocked() + " blocked";
        } else if (o instanceof Outcome.StepLimit l) {
            return "cut off at the step limit (" + l.steps() + " steps)";
        }
        return "all threads finished after " + o.steps() + " steps; every invariant held";
    }

    private static List<String> pad(List<String> cells, int[] width) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            String s = cells.get(c);
            out.add(c == cells.size() - 1 ? s : s + " ".repeat(Math.max(0, width[c] - s.length())));
        }
        return out;
    }
}
