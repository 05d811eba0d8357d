package racetrace.engine;

import java.util.List;
import java.util.stream.Collectors;

/** One operation of a thread's script, e.g. {@code send(2)} or {@code cfgWriteBar}. */
public record Op(String name, List<Integer> args) {

    public Op {
        args = List.copyOf(args);
    }

    public static Op of(String name, Integer... args) {
        return new Op(name, List.of(args));
    }

    public int arg(int i) {
        return args.get(i);
    }

    @Override
    public String toString() {
        return args.isEmpty() ? name
                : name + args.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    }
}
