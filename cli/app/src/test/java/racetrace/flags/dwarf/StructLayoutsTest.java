package racetrace.flags.dwarf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.BadInputException;
import racetrace.flags.Layout;
import racetrace.flags.Layouts;
import racetrace.flags.UnitMap;

/**
 * Layouts from the real compiler, compared with the facts of the research notes
 * docs/research/vfio-pci-bitfields.md (§2, §5.3): where GCC
 * puts each flag of a stand-in struct, and how wide each store it generates is, on x86-64 and on
 * arm64 (Debian's cross compiler; skipped with the reason when it is not installed).
 */
class StructLayoutsTest {

    static Path resource(String name) {
        try {
            return Path.of(StructLayoutsTest.class.getResource("/racetrace/fields/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void needs(Toolchain tc) {
        Assumptions.assumeTrue(tc.available(), tc.gcc() + " is not installed (Debian package "
                + (tc.arch().equals("arm64") ? "gcc-aarch64-linux-gnu" : "gcc") + "): the " + tc.arch()
                + " layout is not checked here");
    }

    /** The layout GCC for {@code arch} gives a bundled header's struct; skipped when that GCC is not installed. */
    private static Layout compiled(String header, String model, String struct, String arch) {
        needs(Toolchain.of(arch));
        return StructLayouts.fromC(resource(header), model, struct, arch);
    }

    /** Every member's position, without the run names (which name their own structs). */
    private static List<String> positions(Layout l) {
        return l.fields().stream().map(f -> f.name() + (f.isBitfield() ? ":" + f.width() + "@" + f.byteIndex() + "."
                + f.bit() + "/" + l.run(f.run()).bytes() : " plain " + f.width())).toList();
    }

    private static Layout.Reach reach(Layout l, String field, String kind) {
        return l.stores().stream().filter(r -> r.field().equals(field) && r.kind().equals(kind)).findFirst()
                .orElseThrow().reach();
    }

    /** Every bitfield's constant and computed stores reach {@code want}. */
    private static void assertEveryBitfieldStoreReaches(Layout l, Layout.Reach want) {
        for (Layout.Field f : l.fields()) {
            if (f.isBitfield()) {
                assertThat(reach(l, f.name(), UnitMap.CONSTANT)).as(f.name()).isEqualTo(want);
                assertThat(reach(l, f.name(), UnitMap.COMPUTED)).as(f.name()).isEqualTo(want);
            }
        }
    }

    @Test
    void gccOnX8664PutsVfioFlagsWhereTheNotesSayAndStoresBytes() {
        Layout l = compiled("vfio_pre_c.h", "vfio-pci", null, "x86-64");
        // Notes §2.1: 13 flags from rbar+28 bit 0, sriov_active a plain bool at rbar+30; sizeof 744.
        assertThat(positions(l)).isEqualTo(positions(Layouts.bundled("vfio-pci", "pre-c")));
        assertThat(l.runs()).containsExactly(new Layout.Run("vfio_pci_core_device+716", 2));
        assertThat(l.sizeof()).isEqualTo(744);
        // Notes §5.3, GCC x86-64: orb/andb or movzbl..movb on the byte of the bit, constant or computed.
        assertEveryBitfieldStoreReaches(l, new Layout.Reach.OwnByte());
        assertThat(l.profiles()).containsExactly("gcc-x86-64");
    }

    @Test
    void aCopyOfAHeaderUnderAnotherNameIsTheSameLayout(@TempDir Path dir) throws Exception {
        Layout a = compiled("vfio_pre_c.h", "vfio-pci", null, "x86-64");
        Path copy = dir.resolve("renamed_copy.h");
        Files.copy(resource("vfio_pre_c.h"), copy);
        Layout b = StructLayouts.fromC(copy, "vfio-pci", null, "x86-64");
        // Their about lines name different files (and on another machine another GCC): not the model's concern.
        assertThat(a.about()).isNotEqualTo(b.about());
        assertThat(b.digest()).isEqualTo(a.digest());
        assertThat(Layouts.register(b)).isEqualTo(Layouts.register(a));
    }

    @Test
    void gccOnArm64StoresTheHalfwordOverTheWholeRun() {
        Layout l = compiled("vfio_pre_c.h", "vfio-pci", null, "arm64");
        // AAPCS64 gives bool:1 the same byte packing (notes §5.1) ...
        assertThat(positions(l)).isEqualTo(positions(Layouts.bundled("vfio-pci", "pre-c")));
        // ... and GCC loads and stores the halfword at rbar+28 for every flag (notes §5.3: ldrh/strh).
        assertEveryBitfieldStoreReaches(l, new Layout.Reach.WholeRun());
        assertThat(l.profiles()).containsExactly("gcc-arm64");
    }

    @Test
    void mlx5FlagsOfTheEmbeddedTrackerAreARunOfTheirOwn() {
        Layout l = compiled("mlx5_pre.h", "mlx5", "mlx5vf_pci_core_device", "x86-64");
        // Notes §2.2: six device flags in the byte at vhca_id+2, the tracker's two in the byte at pdn+4.
        assertThat(positions(l)).isEqualTo(positions(Layouts.bundled("mlx5", "pre")));
        assertThat(l.runs()).extracting(Layout.Run::name).containsExactly("mlx5vf_pci_core_device+1030", "tracker+1072");
        assertThat(reach(l, "deferred_reset", UnitMap.CONSTANT)).isEqualTo(new Layout.Reach.OwnByte());
    }

    @Test
    void aStructThatDoesNotCompileIsOneLineNamingGccsError() {
        needs(Toolchain.of("x86-64"));
        assertThatThrownBy(() -> StructLayouts.fromC(resource("broken.h"), "vfio-pci", null, "x86-64"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("broken.h does not compile with gcc")
                .hasMessageContaining("incomplete type")
                .hasMessageContaining("replace them by stand-ins");
        assertThatThrownBy(() -> StructLayouts.fromC(resource("vfio_pre_c.h"), "vfio-pci", "nosuch", "x86-64"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("struct nosuch");
        assertThatThrownBy(() -> Toolchain.of("mips")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--arch mips is not one of [x86-64, arm64]");
    }

    @Test
    void zeroWidthBitfieldsSplitRunsThatDwarfShowsAsAdjacent() {
        String src = "struct s { bool a:1; bool b:1; bool :0; bool c:1; int x; bool d:1; };";
        assertThat(StructLayouts.zeroWidthSplits(src, "s")).containsExactly("c");
    }
}
