package org.mosaic.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mosaic.core.random.RandomStreams.Purpose;

class RandomStreamsTest {

    private static long[] draw(RandomGenerator g, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = g.nextLong();
        }
        return out;
    }

    @Test
    void sameSeedAndPurposeGiveTheSameNumbers() {
        assertThat(draw(RandomStreams.of(0).stream(Purpose.EMITTER_SPREAD), 100))
                .isEqualTo(draw(RandomStreams.of(0).stream(Purpose.EMITTER_SPREAD), 100));
        assertThat(RandomStreams.of(42).seed()).isEqualTo(42L);
    }

    @Test
    void aStreamDoesNotDependOnWhichOthersWereTakenFirst() {
        RandomStreams s = RandomStreams.of(5);
        long[] before = draw(s.stream(Purpose.MONTE_CARLO_NOISE), 50);
        draw(s.stream(Purpose.MONTE_CARLO_BITS), 1000);
        draw(s.stream(Purpose.SYNTHETIC_DATA), 1000);
        assertThat(draw(s.stream(Purpose.MONTE_CARLO_NOISE), 50)).isEqualTo(before);
    }

    @Test
    void purposesAndSeedsGiveDifferentStreams() {
        RandomStreams s = RandomStreams.of(0);
        for (Purpose a : Purpose.values()) {
            for (Purpose b : Purpose.values()) {
                if (a != b) {
                    assertThat(draw(s.stream(a), 20)).as("%s vs %s", a, b).isNotEqualTo(draw(s.stream(b), 20));
                }
            }
            assertThat(draw(s.stream(a), 20)).isNotEqualTo(draw(RandomStreams.of(1).stream(a), 20));
        }
    }

    @Test
    void streamsOfTwoPurposesAreUncorrelated() {
        RandomGenerator x = RandomStreams.of(0).stream(Purpose.MONTE_CARLO_BITS);
        RandomGenerator y = RandomStreams.of(0).stream(Purpose.MONTE_CARLO_NOISE);
        int n = 20_000;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double a = x.nextGaussian();
            double b = y.nextGaussian();
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
        }
        // for independent streams r ~ N(0, 1/n): |r| < 4.4/√n fails by chance with probability 1e-5 (fixed seed:
        // deterministic here)
        assertThat(sxy / Math.sqrt(sxx * syy)).isCloseTo(0, within(4.4 / Math.sqrt(n)));
    }
}
