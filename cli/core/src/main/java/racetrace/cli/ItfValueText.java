package racetrace.cli;

import racetrace.engine.Leaves;
import racetrace.tla.TlaFunction;

/** A TLA+ value read from a trace, as the CPU table prints values. */
final class ItfValueText {

    private ItfValueText() {
    }

    static String of(Object v) {
        Object plain = v instanceof TlaFunction f ? f.mapping() : v;
        return Leaves.text(plain);
    }
}
