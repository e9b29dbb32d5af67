package org.mosaic.datapath.fec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The table syndromes of a parity difference against their definition, S_j = Σ_l d_l·α^(j·(r−1−l)), evaluated with the
 * field's shift-and-add multiply and the power computed by repeated multiplication (an independent implementation),
 * on every field size from 3 to 12 bits and parity counts up to the packed register's five words. Deterministic: every
 * sample must agree exactly.
 */
class PackedSyndromesTest {

    private static int[] naive(GaloisField f, int[] d) {
        int r = d.length;
        int[] s = new int[r];
        for (int j = 0; j < r; j++) {
            int root = 1;
            for (int i = 0; i < j; i++) {
                root = f.mulNaive(root, 2); // α^j, α = x
            }
            int acc = 0;
            for (int l = 0; l < r; l++) { // Horner, highest power (l = 0) first
                acc = f.mulNaive(acc, root) ^ d[l];
            }
            s[j] = acc;
        }
        return s;
    }

    @Test
    void syndromesEqualTheirDefinitionForEveryAcceptedShape() {
        SplittableRandom rnd = new SplittableRandom(20261208L);
        int checked = 0;
        for (int m = GaloisField.MIN_M; m <= 12; m++) {
            GaloisField f = GaloisField.standard(m);
            int perWord = 64 / m;
            int maxParity = Math.min(PackedSyndromes.WORDS * perWord, f.order() - 1);
            for (int r : new int[] {1, 2, perWord, perWord + 1, maxParity - 1, maxParity}) {
                if (r < 1 || r > maxParity) {
                    continue;
                }
                PackedSyndromes table = PackedSyndromes.of(f, r);
                assertThat(table).as("syndrome table for m = %d, n − k = %d", m, r).isNotNull();
                for (int trial = 0; trial < 6; trial++) {
                    int[] d = new int[r];
                    for (int l = 0; l < r; l++) {
                        d[l] = trial == 0 ? f.order() : trial == 1 ? (l == r - 1 ? 1 : 0) : rnd.nextInt(f.size());
                    }
                    int[] out = new int[r];
                    table.syndromes(d, out);
                    assertThat(out).as("m = %d, r = %d, d = %s", m, r, java.util.Arrays.toString(d))
                            .isEqualTo(naive(f, d));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Test
    void parityCountsBeyondTheRegisterAreRefused() {
        assertThat(PackedSyndromes.of(GaloisField.gf1024(), 30)).isNotNull();
        assertThat(PackedSyndromes.of(GaloisField.gf1024(), 31)).as("six words of six symbols").isNull();
        assertThat(PackedSyndromes.of(GaloisField.standard(16), 20)).isNotNull();
        assertThat(PackedSyndromes.of(GaloisField.standard(16), 21)).as("six words of four symbols").isNull();
    }
}
