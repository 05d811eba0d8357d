package racetrace.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * A command over the instances the line selects whose TLA+ side TLC checks: the selection
 * ({@code MODEL}, {@code --variant}, {@code --option}...) and TLC's options ({@code --out},
 * {@code --tlc-timeout}) in one place for bench, conform, tlc and the plug-ins' commands (fields).
 */
public abstract class TlcInstancesCommand implements Callable<Integer> {

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    @Mixin
    protected InstanceSelection selection;

    @Mixin
    protected TlcOptions tlcOptions;
}
