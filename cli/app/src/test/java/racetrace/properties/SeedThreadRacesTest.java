package racetrace.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racetrace.engine.Models;
import racetrace.search.hunt.Finding;
import racetrace.search.hunt.HuntOptions;
import racetrace.search.hunt.HuntResult;
import racetrace.search.hunt.Hunter;
import racetrace.search.hunt.Work;
import racetrace.tla.TlcConfirmation;
import racetrace.tlc.Confirmations;

/**
 * The two races of the Nov 2013 xen-devel reply to PATCHv5 2/2 (version b), under the callers of
 * 2013: the hunt must find a port linked to itself and a port linked twice, with two Xen CPUs, as
 * small as the thread's own CPU A / CPU B tables allow with callers that did overlap then; TLC
 * must confirm the first. What the hunt found is recorded here, not in
 * the model or the search.
 */
class SeedThreadRacesTest {

    private static HuntResult b;

    /**
     * The work of these hunts: the default scope (always explored) with fewer random runs and swarm
     * scenarios than a default hunt, which HistoryScopeTest runs (opt-in: minutes a version).
     */
    private static final HuntOptions WORK = HuntOptions.defaults().withWork(new Work(1500, 60_000, 300, 0));

    /** The hunt of version b, once for the tests that read it. */
    private static synchronized HuntResult huntB() {
        if (b == null) {
            b = Hunter.hunt(Models.create("xen-fifo", "b", Map.of()), WORK, null);
        }
        return b;
    }

    private static Finding finding(HuntResult r, String invariant) {
        return r.findings().stream().filter(f -> f.invariant().equals(invariant)).findFirst()
                .orElseThrow(() -> new AssertionError(invariant + " not found; found "
                        + r.findings().stream().map(Finding::invariant).toList()));
    }

    @Test
    void versionBLinksAPortToItselfWithTwoXenCpus(@TempDir Path dir) {
        HuntResult r = huntB();
        Finding selfLink = finding(r, "NoSelfLink");
        // Under the seed's callers (2013) two interdomain sends of one port do not overlap (the
        // sender's event_lock): the self link takes callers the era does not serialize, as in
        // the mail a send against the unmask hypercall, or two pirqs (no lock in 2013), the
        // smallest the hunt proves.
        assertThat(selfLink.measure().threads()).isEqualTo(2);
        assertThat(selfLink.measure().ops()).isEqualTo(2);
        assertThat(selfLink.shrunk().scenario().threads()).extracting(t -> t.ops().get(0).name())
                .isNotEqualTo(List.of("send", "send"));
        assertThat(selfLink.shrunk().scenario().threads()).allMatch(t -> t.actor().equals("xen-cpu"));
        TlcConfirmation c = Confirmations.confirm(selfLink.shrunk(), dir, Duration.ofMinutes(3));
        assertThat(c.isConfirmed()).as(c.describe()).isTrue();
    }

    @Test
    void versionBPutsOnePortOnTwoQueuesOrTwiceOnOne() {
        HuntResult r = huntB();
        Finding twice = finding(r, "UniqueOccurrence");
        assertThat(twice.measure().threads()).isLessThanOrEqualTo(2);
        assertThat(twice.measure().ops()).isLessThanOrEqualTo(3);
    }

    @Test
    void todaysCodeHoldsForTheSameBudget() {
        HuntResult r = Hunter.hunt(Models.create("xen-fifo", "e2", Map.of()), WORK, null);
        assertThat(r.findings()).isEmpty();
        assertThat(r.tries()).isEqualTo(1500);
        assertThat(r.evidence().exhaustive()).isTrue();
        assertThat(r.deadlocks()).isZero();
    }
}
