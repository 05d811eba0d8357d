package racetrace.cli;

import racetrace.engine.Leaves;

/** A TLA+ value read from a trace, as the CPU table prints values. */
final class ItfValueText {

    private ItfValueText() {
    }

    static String of(Object v) {
        Object plain = v instanceof racetrace.tla.TlaFunction f ? f.mapping() : v;
        return Leaves.text(plain);
    }
}
