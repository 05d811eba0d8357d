package racetrace.cli;

import picocli.CommandLine.Option;

/** Machine-readable output: one JSON object per line, each valid against the command's JSON Schema. */
public final class JsonOutput {

    @Option(names = "--json", description = "one JSON object per line instead of text; schemas in "
            + "racetrace/schema/ of the jar and the repository (default: text)")
    boolean json;

    /** Whether --json was given. */
    public boolean json() {
        return json;
    }
}
