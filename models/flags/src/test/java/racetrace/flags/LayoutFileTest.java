package racetrace.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racetrace.engine.BadInputException;

class LayoutFileTest {

    private static final String GOOD = """
            # a comment line
            model  vfio-pci
            layout mine        # trailing comment
            about  two runs and a plain member
            sizeof 744
            run    rbar+28 2
            field  a 1 at 0.0
            field  b 1 at 0.5
            field  c 2 at 1.2
            plain  p 1
            run    other 1
            field  d 1 at 0.0
            store  clang-x86-64 * computed location
            store  clang-x86-64 c constant bytes 1-1
            """;

    private static Layout parse(String text) {
        return LayoutFile.parse(text, "mine.layout");
    }

    private static void refused(String text, String... parts) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(BadInputException.class).message()
                .contains(parts).doesNotContain("\n");
    }

    @Test
    void readsMembersRunsAndStoreRulesInDeclarationOrder() {
        Layout l = parse(GOOD);
        assertThat(l.model()).isEqualTo("vfio-pci");
        assertThat(l.name()).isEqualTo("mine");
        assertThat(l.about()).isEqualTo("two runs and a plain member");
        assertThat(l.sizeof()).isEqualTo(744);
        assertThat(l.fields()).extracting(Layout.Field::name).containsExactly("a", "b", "c", "p", "d");
        assertThat(l.field("c")).isEqualTo(Layout.Field.bit("c", "rbar+28", 2, 1, 2));
        assertThat(l.field("p").isBitfield()).isFalse();
        assertThat(l.runs()).containsExactly(new Layout.Run("rbar+28", 2), new Layout.Run("other", 1));
        assertThat(l.stores()).hasSize(2);
        assertThat(l.profiles()).containsExactly("clang-x86-64");
        assertThat(l.flagBytes()).isEqualTo(4);
    }

    @Test
    void theCanonicalTextReadsBackToTheSameLayout() {
        Layout l = parse(GOOD);
        Layout again = LayoutFile.parse(LayoutFile.canonical(l), "mine.layout");
        assertThat(again.fields()).isEqualTo(l.fields());
        assertThat(again.runs()).isEqualTo(l.runs());
        assertThat(again.digest()).isEqualTo(l.digest());
        assertThat(parse(GOOD.replace("1 at 0.5", "1 at 0.6")).digest()).isNotEqualTo(l.digest());
    }

    @Test
    void storeRulesGiveEachStoreItsReachMostSpecificFirst() {
        UnitMap u = UnitMap.of(parse(GOOD), Granularity.ofOption("clang-x86-64"));
        int a = u.fieldIndex("a");
        int c = u.fieldIndex("c");
        int byte0 = 1 << u.unitOf(a);
        int byte1 = 1 << u.unitOf(c);
        assertThat(u.reach(a, UnitMap.CONSTANT)).isEqualTo(byte0);
        assertThat(u.reach(a, UnitMap.COMPUTED)).isEqualTo(byte0 | byte1);
        // c's own rule for constants beats the * rule; for computed values the * rule applies.
        assertThat(u.reach(c, UnitMap.CONSTANT)).isEqualTo(byte1);
        assertThat(u.reach(c, UnitMap.COMPUTED)).isEqualTo(byte0 | byte1);
        UnitMap loc = UnitMap.of(parse(GOOD), Granularity.LOCATION);
        assertThat(loc.reach(a, UnitMap.CONSTANT)).isEqualTo(byte0 | byte1);
        assertThat(loc.unitCount()).isEqualTo(4);
        assertThatThrownBy(() -> UnitMap.of(parse(GOOD), Granularity.ofOption("gcc-arm64")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no store rules for gcc-arm64");
    }

    @Test
    void badFilesAreRefusedWithTheFileLineAndWhatWouldBeRight() {
        refused(GOOD.replace("field  b 1 at 0.5", "feild  b 1 at 0.5"), "mine.layout:8:", "unknown directive 'feild'",
                "a line is one of model, layout");
        refused(GOOD.replace("field  b 1 at 0.5", "field  b 1 at 0.2").replace("field  a 1 at 0.0",
                "field  a 4 at 0.0"), "mine.layout:8:", "b at 0.2 overlaps a");
        refused(GOOD.replace("1 at 0.5", "1 at 0.9"), "mine.layout:8:", "bit of b 9 is out of range; give 0..7");
        refused(GOOD.replace("1 at 0.5", "1 at 2.0"), "mine.layout:8:", "byte of b 2 is out of range; give 0..1");
        refused(GOOD.replace("1 at 0.5", "one at 0.5"), "mine.layout:8:", "width of b in bits 'one' is not a number");
        refused(GOOD.replace("1 at 0.5", "1 0.5"), "mine.layout:8:", "should read: field NAME WIDTH at BYTE.BIT");
        refused(GOOD.replace("field  c 2 at 1.2", "field  c 8 at 1.2"), "mine.layout:9:", "runs past the end of run");
        refused(GOOD.replace("field  d 1 at 0.0", "field  a 1 at 0.1"), "mine.layout:12:", "member a is declared twice");
        refused(GOOD.replace("run    other 1\n", ""), "mine.layout:11:", "field d is not inside a run");
        refused(GOOD.replace("store  clang-x86-64 * computed", "store  icc-x86 * computed"), "mine.layout:13:",
                "unknown compiler profile 'icc-x86'");
        refused(GOOD.replace("c constant bytes 1-1", "c constant bytes 0-0"), "mine.layout:14:",
                "bytes 0-0 do not cover c");
        refused(GOOD.replace("c constant bytes 1-1", "p constant byte"), "mine.layout:14:", "a plain member");
        refused(GOOD.replace("c constant bytes 1-1", "c constant word"), "mine.layout:14:",
                "should be byte, location or bytes LO-HI");
        refused(GOOD + "model mlx5\n", "mine.layout:15:", "a second 'model' line");
        refused(GOOD.replace("model  vfio-pci\n", ""), "mine.layout: no 'model' line");
        refused(GOOD.replace("layout mine", "layout my:layout"), "mine.layout:3:", "layout name 'my:layout'");
        refused(GOOD.replace("run    other 1\nfield  d 1 at 0.0\n", "run    other 1\n"), "mine.layout:11:",
                "run other has no field");
    }

    @Test
    void everyBundledLayoutReadsAndMatchesItsVariant() {
        for (String v : VfioPci.VARIANTS) {
            Layout l = Layouts.bundled("vfio-pci", v);
            assertThat(l.name()).isEqualTo(v);
            assertThat(l.profiles()).containsExactlyElementsOf(Layout.PROFILES);
        }
        assertThat(Layouts.bundled("vfio-pci", "pre-c").field("pm_runtime_engaged"))
                .isEqualTo(Layout.Field.bit("pm_runtime_engaged", "rbar+28", 1, 1, 3));
        assertThat(Layouts.bundled("mlx5", "pre").field("deferred_reset"))
                .isEqualTo(Layout.Field.bit("deferred_reset", "vhca_id+2", 1, 0, 1));
    }

    @Test
    void theDigestIsWhatTheModelUses() {
        Layout l = Layouts.bundled("vfio-pci", "pre-c");
        String text = LayoutFile.canonical(l);
        // Another about line (a file name, a compiler banner), another measured size, another origin: the same layout.
        Layout other = LayoutFile.parse(text.replaceFirst("about .*\n", "about struct x of copy.h, gcc 99.1 (x86-64)\n")
                .replaceFirst("sizeof \\d+", "sizeof 800"), "copy.layout");
        assertThat(other.about()).isNotEqualTo(l.about());
        assertThat(other.digest()).isEqualTo(l.digest());
        // A width, an offset or a store rule is what the model runs on.
        assertThat(LayoutFile.parse(text.replace("field nointx 1 at 1.0", "field nointx 1 at 1.7"), "x.layout").digest())
                .isNotEqualTo(l.digest());
        assertThat(LayoutFile.parse(text.replace("run rbar+28 2", "run rbar+28 4"), "x.layout").digest())
                .isNotEqualTo(l.digest());
    }

    @Test
    void aLayoutFromAFileBecomesAVariantNamedByItsDigest() {
        String text = LayoutFile.canonical(Layouts.bundled("vfio-pci", "pre-a")).replace("layout pre-a",
                "layout moved").replace("field virq_disabled 1 at 0.2\n", "").replace("run rbar+28 2",
                "plain virq_disabled 1\nrun rbar+28 2");
        Layout mine = LayoutFile.parse(text, "moved.layout");
        String variant = VfioPciFamily.addLayout(mine);
        assertThat(variant).isEqualTo("moved@" + mine.digest());
        assertThat(new VfioPciFamily().variants()).contains(variant);
        FlagsModel m = VfioPciFamily.model(variant, Map.of("granularity", "byte"));
        assertThat(m.units().isBitfield(m.units().fieldIndex("virq_disabled"))).isFalse();
        // The bundled layout itself is its bundled variant.
        assertThat(VfioPciFamily.addLayout(Layouts.bundled("vfio-pci", "pre-a"))).isEqualTo("pre-a");
    }

    @Test
    void aLayoutThatLacksAFieldTheWritersStoreIsRefusedByName() {
        String text = LayoutFile.canonical(Layouts.bundled("vfio-pci", "pre-a")).replace("field bardirty 1 at 0.5\n", "");
        Layout l = LayoutFile.parse(text, "nobar.layout");
        assertThatThrownBy(() -> VfioPciFamily.addLayout(l)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("nobar.layout").hasMessageContaining("has no member bardirty");
        Layout wrongModel = LayoutFile.parse(text.replace("model vfio-pci", "model mlx5"), "x.layout");
        assertThatThrownBy(() -> VfioPciFamily.addLayout(wrongModel)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is for model mlx5, not vfio-pci");
    }

    @Test
    void granularityTakesTheShorthandsAndTheCompilerProfiles() {
        assertThat(Granularity.options()).containsExactly("byte", "location", "gcc-x86-64", "gcc-arm64",
                "clang-x86-64", "clang-arm64");
        assertThatThrownBy(() -> Granularity.ofOption("word")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("use one of");
        assertThat(List.of(Granularity.BYTE, Granularity.LOCATION)).allMatch(Granularity::isShorthand);
    }
}
