package racetrace.tla;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of one exported Java execution.
 *
 * @param module the trace module's name, {@code <Spec>Trace_<id>}
 * @param directory where everything was written
 * @param tla the trace module
 * @param cfg its TLC configuration
 * @param json the counterexample as JSON
 * @param specFiles the hand-written spec modules copied next to it
 * @param states number of recorded states (steps + 1)
 * @param labelsChecked whether the module checks {@code pc[t] = label} before each step
 * @param notes anything the export noticed (e.g. why labels are not checked)
 */
public record ExportedTrace(String module, Path directory, Path tla, Path cfg, Path json, List<Path> specFiles,
        int states, boolean labelsChecked, List<String> notes) {

    public ExportedTrace {
        specFiles = List.copyOf(specFiles);
        notes = List.copyOf(notes);
    }

    /**
     * How to run TLC on it by hand, from {@link #directory()}, with the jar of {@link
     * TlcRunner#MAVEN_COORDINATES} under its Maven file name in that directory.
     */
    public String tlcCommand() {
        return "java -cp " + TlcRunner.JAR_FILE + " tlc2.TLC -workers 1 -config " + cfg.getFileName() + " " + module;
    }
}
