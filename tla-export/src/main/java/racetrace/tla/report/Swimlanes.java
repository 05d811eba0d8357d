package racetrace.tla.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import racetrace.engine.Execution;
import racetrace.engine.Model;
import racetrace.engine.Step;
import racetrace.tla.Templates;

/**
 * The swimlane picture of a counterexample ({@code trace.svg}, from {@code trace.svg.ftlx}): one
 * lane per thread, the steps in order top to bottom, each with what it read and changed beside
 * it; the racing steps in red with arrows in the race's order, each preemption a dashed line, the
 * invariant's failure at the end, the sentence on top. Self-contained: no script, no font or
 * style from elsewhere, so it reads the same in a browser, an image viewer or a mail.
 */
public final class Swimlanes {

    /** The advance of one character of the monospace font at 12 px, a little generous. */
    static final double CHAR = 7.4;
    static final int ROW = 26;
    static final int BOX = 20;
    static final int NUMBERS = 44;
    static final int PAD = 12;
    static final int TEXT_CHARS = 100;

    private Swimlanes() {
    }

    /** The picture of a kept run and its explanation. */
    public static String render(Execution<?> ex, Explanation why, String title) {
        return renderTyped(ex, why, title);
    }

    private static int px(int chars) {
        return (int) Math.ceil(chars * CHAR);
    }

    private static <S> String renderTyped(Execution<S> ex, Explanation why, String title) {
        Model<S> model = ex.model();
        int n = ex.scenario().threadCount();
        TraceAccesses acc = why.accesses();
        Set<Integer> racing = why.racingSteps();
        List<Step<S>> steps = ex.steps();
        // lane widths from the longest label and heading word
        int[] laneWidth = new int[n];
        List<List<String>> headings = new ArrayList<>();
        int headLines = 1;
        for (int t = 0; t < n; t++) {
            String h = model.threadName(ex.scenario(), t);
            int chars = 12;
            for (Step<S> s : steps) {
                if (s.thread() == t) {
                    chars = Math.max(chars, s.label().length());
                }
            }
            for (String w : h.split(" +")) {
                chars = Math.max(chars, w.length());
            }
            laneWidth[t] = px(chars) + 2 * PAD;
            List<String> lines = CpuTable.wrap(h, chars);
            headings.add(lines);
            headLines = Math.max(headLines, lines.size());
        }
        List<String> header = new ArrayList<>();
        header.add(title);
        header.addAll(CpuTable.wrap(why.sentence(), TEXT_CHARS));
        int y = PAD + header.size() * 18 + 10;
        int laneTop = y;
        int headHeight = headLines * 16 + 10;
        int firstRow = laneTop + headHeight + 8;
        List<Map<String, Object>> lanes = new ArrayList<>();
        int[] laneX = new int[n];
        int x = PAD + NUMBERS;
        for (int t = 0; t < n; t++) {
            laneX[t] = x;
            Map<String, Object> lane = new LinkedHashMap<>();
            lane.put("thread", t + 1);
            lane.put("x", x);
            lane.put("w", laneWidth[t]);
            lane.put("cx", x + laneWidth[t] / 2);
            lane.put("title", headings.get(t));
            lane.put("titleY", laneTop + 16);
            lanes.add(lane);
            x += laneWidth[t] + 6;
        }
        int notesX = x + 8;
        int longestNote = 0;
        List<Map<String, Object>> boxes = new ArrayList<>();
        List<Map<String, Object>> preemptions = new ArrayList<>();
        List<List<String>> notes = CpuTable.notes(ex, acc);
        int[] centerY = new int[steps.size() + 1];
        int[] centerX = new int[steps.size() + 1];
        for (Step<S> s : steps) {
            int i = s.index();
            int top = firstRow + (i - 1) * ROW;
            int t = s.thread();
            if (acc.preempts(i)) {
                int prev = steps.get(i - 2).thread();
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("y", top - 3);
                p.put("x1", PAD);
                p.put("step", i);
                p.put("text", "preempts " + Explainer.shortName(model.threadName(ex.scenario(), prev)));
                preemptions.add(p);
            }
            String note = String.join(" ", notes.get(i - 1));
            longestNote = Math.max(longestNote, note.length());
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("step", i);
            b.put("thread", t + 1);
            b.put("x", laneX[t] + 4);
            b.put("y", top);
            b.put("w", laneWidth[t] - 8);
            b.put("h", BOX);
            b.put("textX", laneX[t] + PAD);
            b.put("textY", top + 14);
            b.put("numberY", top + 14);
            b.put("label", s.label());
            b.put("racing", racing.contains(i));
            b.put("note", note);
            boxes.add(b);
            centerY[i] = top + BOX / 2;
            centerX[i] = laneX[t] + laneWidth[t] / 2;
        }
        List<Map<String, Object>> arrows = new ArrayList<>();
        if (why.race() != null) {
            List<Integer> order = new ArrayList<>(why.race().steps());
            for (int k = 0; k + 1 < order.size(); k++) {
                int a = order.get(k);
                int b = order.get(k + 1);
                int ta = acc.thread(a);
                int tb = acc.thread(b);
                if (ta == tb) {
                    continue; // the race's arrows cross between threads
                }
                // from the side of one box to the facing side of the other, bending outwards
                boolean right = laneX[tb] > laneX[ta];
                int x1 = right ? laneX[ta] + laneWidth[ta] - 4 : laneX[ta] + 4;
                int x2 = right ? laneX[tb] + 4 : laneX[tb] + laneWidth[tb] - 4;
                int bend = right ? 40 : -40;
                Map<String, Object> arrow = new LinkedHashMap<>();
                arrow.put("d", "M" + x1 + "," + centerY[a] + " C" + (x1 + bend) + "," + centerY[a] + " "
                        + (x2 - bend) + "," + centerY[b] + " " + x2 + "," + centerY[b]);
                arrow.put("from", a);
                arrow.put("to", b);
                arrows.add(arrow);
            }
        }
        int lanesBottom = firstRow + steps.size() * ROW + 4;
        int failureTop = lanesBottom + 10;
        List<String> failure = CpuTable.wrap(why.failure(), TEXT_CHARS);
        int failureHeight = failure.size() * 16 + 12;
        List<String> legend = List.of("red: the racing steps the sentence names, the arrows in their order;",
                "dashed: a preemption (the thread of the step above could have gone on)");
        int legendY = failureTop + failureHeight + 20;
        int textWidth = 0;
        for (String line : header) {
            textWidth = Math.max(textWidth, px(line.length() + 2));
        }
        for (String line : failure) {
            textWidth = Math.max(textWidth, px(line.length() + 4));
        }
        for (String line : legend) {
            textWidth = Math.max(textWidth, px(line.length()));
        }
        int width = Math.max(Math.max(notesX + px(longestNote) + PAD, x + PAD), 2 * PAD + textWidth);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("width", width);
        data.put("height", legendY + 16 * (legend.size() - 1) + PAD + 6);
        data.put("header", header);
        data.put("headerX", PAD);
        data.put("lanes", lanes);
        data.put("laneTop", laneTop);
        data.put("laneHeight", lanesBottom - laneTop);
        data.put("numbersX", PAD + NUMBERS - 8);
        data.put("notesX", notesX);
        data.put("steps", boxes);
        data.put("preemptions", preemptions);
        data.put("preemptionX2", notesX - 4);
        data.put("arrows", arrows);
        data.put("failureX", PAD);
        data.put("failureY", failureTop);
        data.put("failureW", width - 2 * PAD);
        data.put("failureH", failureHeight);
        data.put("failure", failure);
        data.put("legendY", legendY);
        data.put("legend", legend);
        return Templates.render("trace.svg.ftlx", data);
    }
}
