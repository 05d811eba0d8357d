package racetrace.report;

import java.util.ArrayList;
import java.util.List;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntResult;

/**
 * The assumptions a verdict rests on, for the comparison page: the one place the page takes them
 * from.
 *
 * <p>SLOT: the assumptions each finding names (issue 15, the realism work: the legal ops per
 * binding and era, the modelling choices a counterexample depends on) are not on findings yet;
 * until they are, this lists the instance's options, which are the assumptions the instance was
 * built with (the granularity of a bitfield store, the callers' locks of an era). When findings
 * carry their own, return those here and nothing else on the page changes.
 */
public final class VerdictAssumptions {

    /** What the page says about where the assumptions come from. */
    public static final String NOTE = "taken from the instance's options until findings record their own";

    private VerdictAssumptions() {
    }

    /**
     * The assumptions of a verdict: of a finding's counterexample, or of the held verdict of the
     * instance ({@code finding} null).
     */
    public static List<String> of(HuntResult r, Finding finding) {
        List<String> out = new ArrayList<>();
        r.model().instance().options().forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }
}
