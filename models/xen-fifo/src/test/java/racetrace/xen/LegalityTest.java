package racetrace.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import racetrace.engine.BadInputException;
import racetrace.engine.Config;
import racetrace.engine.Op;
import racetrace.engine.Scenario;
import racetrace.engine.ThreadScript;

/**
 * The legality table (what the real hypercalls accept per binding and era, read at the commits it
 * names) and its one use: the Xen CPUs' alphabet, from which scenario generation, scope enumeration
 * and validation all draw, offers only what a row accepts.
 */
class LegalityTest {

    @Test
    void bindVcpuRefusesIpiPortsAndPerVcpuVirqsInEveryEra() {
        for (Callers era : Callers.values()) {
            assertThat(Legality.accepts("bindVcpu", Legality.Binding.IPI, era)).as(era.id()).isFalse();
            assertThat(Legality.accepts("bindVcpu", Legality.Binding.VIRQ_VCPU, era)).as(era.id()).isFalse();
            for (Legality.Binding b : List.of(Legality.Binding.INTERDOMAIN, Legality.Binding.PIRQ,
                    Legality.Binding.VIRQ_GLOBAL, Legality.Binding.UNBOUND)) {
                assertThat(Legality.accepts("bindVcpu", b, era)).as(era.id() + " " + b).isTrue();
            }
            for (Legality.Binding b : Legality.Binding.values()) {
                assertThat(Legality.accepts("unmask", b, era)).isTrue();
                assertThat(Legality.accepts("setPriority", b, era)).isTrue();
            }
            // A port is raised only through its own binding's caller.
            assertThat(Legality.accepts("send", Legality.Binding.VIRQ_GLOBAL, era)).isFalse();
            assertThat(Legality.accepts("virq", Legality.Binding.VIRQ_VCPU, era)).isTrue();
        }
        assertThat(Legality.TABLE).allSatisfy(r -> assertThat(r.source()).contains("event_"));
    }

    private static Config config(XenFifoModel m, int source) {
        Map<String, Integer> c = new LinkedHashMap<>(XenTestSupport.config(m, 2, 2, 2, 0, 0, 0, 0).values());
        if (c.containsKey("source")) {
            c.put("source", source);
        }
        return new Config(c);
    }

    @Test
    void theXenCpusAlphabetOffersOnlyLegalOpsForEveryEraAndBinding() {
        for (Callers era : Callers.values()) {
            XenFifoModel m = new XenFifoModel(XenVersion.D, era);
            XenSpace space = (XenSpace) m.space();
            int sources = space.params().stream().filter(p -> p.name().equals("source")).mapToInt(p -> p.max() + 1)
                    .findFirst().orElse(1);
            for (int s = 0; s < sources; s++) {
                Config c = config(m, s);
                String raise = space.raise(c);
                Legality.Binding binding = Legality.bindingOf(raise);
                List<Op> ops = space.alphabet(c, XenSpace.XEN_CPU);
                assertThat(ops).as("%s source %d", era.id(), s)
                        .allMatch(o -> Legality.accepts(o.name(), binding, era))
                        .anyMatch(o -> o.name().equals(raise));
                boolean binds = ops.stream().anyMatch(o -> o.name().equals("bindVcpu"));
                assertThat(binds).as("%s %s", era.id(), raise).isEqualTo(!raise.equals("ipi"));
            }
        }
    }

    @Test
    void anIpiPortRebindIsRefusedAsInputNamingTheAlphabet() {
        XenFifoModel m = new XenFifoModel(XenVersion.D, Callers.E2013);
        Config ipi = config(m, 1);
        assertThat(((XenSpace) m.space()).raise(ipi)).isEqualTo("ipi");
        Scenario s = new Scenario(ipi, List.of(ThreadScript.of(XenSpace.XEN_CPU, Op.of("bindVcpu", 1, 1),
                Op.of("ipi", 1)), ThreadScript.of(XenSpace.XEN_CPU, Op.of("unmask", 1))));
        assertThat(Legality.refused(m, s)).contains("bindVcpu(1,1) on a port bound IPI in era 2013",
                "no ECS_IPI case, default: rc = -EINVAL");
        assertThatThrownBy(() -> m.space().validate(s)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("op bindVcpu(1,1) is not in the xen-cpu alphabet");
    }

    @Test
    void inTheEraWhereLocalBindingsShareALockPirqStandsForThem() {
        XenFifoModel m = new XenFifoModel(XenVersion.D1, Callers.E2020_09);
        assertThat(((XenSpace) m.space()).raise(config(m, 1))).isEqualTo("pirq");
        assertThat(m.space().alphabet(config(m, 1), XenSpace.XEN_CPU)).anyMatch(o -> o.name().equals("bindVcpu"));
    }
}
