package racetrace.engine.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.Model;
import racetrace.engine.ModelFamily;
import racetrace.engine.Models;

/** A program registered in META-INF/services/racetrace.api.Program is a family of the registry. */
class RegistryTest {

    @Test
    void theRegistryFindsAProgram(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("racetrace.api.Program"), ForkJoin.class.getName() + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                RegistryTest.class.getClassLoader())) {
            ModelFamily f = Models.families(loader).stream().filter(x -> x.name().equals("fork-join")).findFirst()
                    .orElseThrow();
            assertThat(f).isInstanceOf(ProgramFamily.class);
            assertThat(f.describeVariant("early")).isEqualTo("main reads the counter before it joins the workers");
            Model<?> m = f.create("forgotten", Map.of());
            assertThat(m.instance().toString()).isEqualTo("fork-join/forgotten");
        }
    }
}
