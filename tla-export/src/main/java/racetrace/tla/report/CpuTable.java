package racetrace.tla.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.Outcome;
import racetrace.engine.Step;
import racetrace.tla.Templates;

/**
 * The CPU column table of an execution, as people paste it into mail: one column per thread, one
 * row per step with the action label in the acting thread's column, and the values the step
 * changed.
 */
public final class CpuTable {

    private CpuTable() {
    }

    public static String render(Execution<?> ex) {
        return renderTyped(ex, null);
    }

    /**
     * The table of a run that checked one invariant alone (a shrunk counterexample), with a last
     * line when {@code everyInvariant}, the outcome of the same run with every invariant checked,
     * is another invariant failing first.
     */
    public static String render(Execution<?> focused, Outcome everyInvariant) {
        String note = null;
        if (focused.outcome() instanceof Outcome.Violated f && everyInvariant instanceof Outcome.Violated v
                && !v.invariant().equals(f.invariant())) {
            note = "checking " + f.invariant() + " alone; with every invariant checked, " + v.invariant()
                    + " fails first, after step " + v.steps();
        }
        return renderTyped(focused, note);
    }

    private static <S> String renderTyped(Execution<S> ex, String note) {
        Model<S> model = ex.model();
        int n = ex.scenario().threadCount();
        List<String> headings = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            headings.add(model.threadName(ex.scenario(), t));
        }
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> before = Leaves.of(model.variables(ex.initial()), model.hiddenInTable());
        for (Step<S> step : ex.steps()) {
            Map<String, String> after = Leaves.of(model.variables(step.state()), model.hiddenInTable());
            List<String> changed = new ArrayList<>();
            after.forEach((k, v) -> {
                if (!v.equals(before.get(k))) {
                    changed.add(k + "=" + v);
                }
            });
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(step.index()));
            for (int t = 0; t < n; t++) {
                row.add(t == step.thread() ? step.label() : "");
            }
            String change = String.join(" ", changed);
            if (step.notice() != null) {
                change = (change + " [" + step.notice() + "]").strip();
            }
            row.add(change);
            rows.add(row);
            before.clear();
            before.putAll(after);
        }
        List<String> head = new ArrayList<>();
        head.add("#");
        head.addAll(headings);
        head.add("changed");
        int[] width = new int[head.size()];
        for (int c = 0; c < head.size(); c++) {
            width[c] = head.get(c).length();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        Map<String, Object> data = new HashMap<>();
        data.put("head", pad(head, width));
        List<List<String>> padded = new ArrayList<>();
        for (List<String> r : rows) {
            padded.add(pad(r, width));
        }
        data.put("rows", padded);
        data.put("start", startLine(model, ex));
        data.put("end", endLine(ex.outcome()));
        data.put("note", note == null ? "" : note);
        return Templates.render("cpu-table.ftl", data);
    }

    private static <S> String startLine(Model<S> model, Execution<S> ex) {
        Map<String, String> start = Leaves.of(model.variables(ex.initial()), model.hiddenInTable());
        List<String> parts = new ArrayList<>();
        start.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts);
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
            out.add(c == cells.size() - 1 ? s : s + " ".repeat(width[c] - s.length()));
        }
        return out;
    }
}
