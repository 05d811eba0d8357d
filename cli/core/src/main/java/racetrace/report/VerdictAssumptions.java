package racetrace.report;

import java.util.ArrayList;
import java.util.List;
import racetrace.search.Assumptions;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntResult;

/**
 * The assumptions a verdict rests on, for the comparison page: the one place the page takes them
 * from. A counterexample rests on the assumptions the hunt found it depends on ({@link
 * Finding#assumptions()}: the model options whose other values leave its scenario without the
 * violation); a held verdict on the option values of its instance, under which it was searched.
 */
public final class VerdictAssumptions {

    /** What the page says about where the assumptions come from. */
    public static final String NOTE = "a counterexample rests on the model options it was found to depend on, a "
            + "held verdict on the options of its instance";

    private VerdictAssumptions() {
    }

    /**
     * The assumptions of a verdict: of a finding's counterexample, or of the held verdict of the
     * instance ({@code finding} null). A counterexample that depends on none gets an empty list.
     */
    public static List<String> of(HuntResult r, Finding finding) {
        if (finding != null) {
            return finding.assumptions().stream().map(Assumptions.Dependence::describe).toList();
        }
        List<String> out = new ArrayList<>();
        r.model().instance().options().forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }
}
