package racetrace.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A shape reads back from the notation verdicts print it in. */
class ShapeTest {

    @Test
    void aShapeReadsBackFromWhatItPrints() {
        List<Shape> shapes = List.of(
                Shape.all(),
                Shape.all().with("vcpus", 2, 2).with("prios", 1, 2),
                Shape.all().actor("xen-cpu", 2, 3).actor("guest", 0, 0),
                Shape.all().totals(3, 3),
                Shape.all().totals(3, Shape.UNBOUNDED),
                Shape.all().actor("guest-rogue", 0, 0).actor("xen-cpu", 2, 3).with("masked", 0, 0)
                        .with("ports", 1, 3).totals(3, 5));
        for (Shape s : shapes) {
            assertThat(Shape.parse(s.toString())).as(s.toString()).isEqualTo(s);
            assertThat(Shape.parse(s.toString()).toString()).isEqualTo(s.toString());
        }
        assertThat(Shape.parse("threads<=3,ops<=5 of xen-cpu<=2x3 with vcpus=1,prios=1..2"))
                .isEqualTo(Shape.all().actor("xen-cpu", 2, 3).with("vcpus", 1, 1).with("prios", 1, 2).totals(3, 5));
    }

    @Test
    void aShapeNotInTheNotationIsRefusedByName() {
        for (String bad : List.of("xen-cpu<=2", "xen-cpu<=2xq", "xen-cpu 2x1", "threads<=x of cpu<=1x1",
                "cpu<=1x1 with vcpus", "cpu<=1x1 with vcpus=2..", "cpu<=1x1 with vcpus=3..1", "lanes<=2 of cpu<=1x1")) {
            assertThatThrownBy(() -> Shape.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("shape '" + bad + "'");
        }
    }
}
