package org.mosaic.studies.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The verdict on a synthetic claim "the metric is at least 10", the deciding input x raising the metric. */
class VerdictTest {
    private static final Sense AT_LEAST_10 = Sense.atLeast(10);

    @Test
    void holdsWhenThePointAndTheWholeIntervalMeetTheFigure() {
        Verdict v = Verdict.of(AT_LEAST_10, 12, 10.5, 14, "x", null, "m", true);
        assertThat(v.kind()).isEqualTo(Verdict.Kind.HOLDS);
        assertThat(v.text()).isEqualTo("holds");
    }

    @Test
    void holdsOnlyIfTheDecidingInputStaysOnTheRightSideOfItsBreakEven() {
        Verdict up = Verdict.of(AT_LEAST_10, 11, 8, 14, "x", 3.5, "m", true);
        assertThat(up.kind()).isEqualTo(Verdict.Kind.HOLDS_ONLY_IF);
        assertThat(up.text()).isEqualTo("holds only if x >= 3.500 m");
        Verdict down = Verdict.of(AT_LEAST_10, 9, 8, 14, "y", 2.0, "", false);
        assertThat(down.text()).isEqualTo("holds only if y <= 2.000");
        Verdict atMost = Verdict.of(Sense.atMost(10), 11, 8, 14, "z", 5.0, "W", true);
        assertThat(atMost.text()).isEqualTo("holds only if z <= 5.000 W");
    }

    @Test
    void holdsOnlyIfWithoutABreakEvenSaysWhereItHolds() {
        Verdict v = Verdict.of(AT_LEAST_10, 9, 8, 14, null, null, "", true);
        assertThat(v.kind()).isEqualTo(Verdict.Kind.HOLDS_ONLY_IF);
        assertThat(v.text()).contains("not at the assumed values");
    }

    @Test
    void doesNotHoldWhenNeitherThePointNorTheIntervalMeetsTheFigure() {
        Verdict v = Verdict.of(AT_LEAST_10, 3, 2, 4, "x", null, "m", true);
        assertThat(v.kind()).isEqualTo(Verdict.Kind.DOES_NOT_HOLD);
        assertThat(v.text()).isEqualTo("does not hold on these assumptions");
    }

    @Test
    void aboutMeansWithinItsToleranceAndARangeMeansBetweenItsEnds() {
        assertThat(Sense.about(20).satisfiedBy(17.4)).isTrue();
        assertThat(Sense.about(20).satisfiedBy(14.9)).isFalse();
        assertThat(Sense.between(6, 12).satisfiedBy(5.9)).isFalse();
        assertThat(Sense.between(6, 12).target(13)).isEqualTo(12);
        assertThat(Sense.above(1).satisfiedBy(1)).isFalse();
        assertThat(Sense.atLeast(1).satisfiedBy(1)).isTrue();
        assertThat(Sense.atLeast(1).satisfiedBy(Double.NaN)).isFalse();
    }
}
