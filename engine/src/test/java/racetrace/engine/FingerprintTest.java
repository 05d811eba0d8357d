package racetrace.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The slot fingerprint's table and its incremental update give the hashes computed in full. */
class FingerprintTest {

    @Test
    void theTableHoldsTheComputedHashOfEverySlotAndValue() {
        int[] values = {Integer.MIN_VALUE, -129, -128, -2, -1, 0, 1, 31, 63, 126, 127, 128, 129, 255, 256, 1 << 20,
            Integer.MAX_VALUE};
        for (int i = 0; i < 300; i++) {
            for (int v = -3; v < 300; v++) {
                assertThat(Fingerprint.slot(i, v)).as("slot %d value %d", i, v).isEqualTo(Fingerprint.slotHash(i, v));
            }
            for (int v : values) {
                assertThat(Fingerprint.slot(i, v)).as("slot %d value %d", i, v).isEqualTo(Fingerprint.slotHash(i, v));
            }
        }
    }

    @Test
    void anUpdateEqualsTheFingerprintOfTheWholeArray() {
        Random r = new Random(7);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + r.nextInt(400);
            int[] before = new int[n];
            for (int i = 0; i < n; i++) {
                before[i] = r.nextInt(4) == 0 ? r.nextInt() : r.nextInt(140) - 6;
            }
            int[] after = before.clone();
            for (int k = r.nextInt(6); k > 0; k--) {
                int i = r.nextInt(n);
                after[i] = r.nextBoolean() ? r.nextInt(200) : r.nextInt();
            }
            assertThat(Fingerprint.updateSlots(Fingerprint.ofSlots(before), before, after))
                    .isEqualTo(Fingerprint.ofSlots(after));
            long full = 0x5B2D1F0E3C4A9687L;
            for (int i = 0; i < n; i++) {
                full ^= Fingerprint.slotHash(i, after[i]);
            }
            assertThat(Fingerprint.ofSlots(after)).isEqualTo(full);
        }
    }
}
