package org.mosaic.studies.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hipparchus.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;

/**
 * The one Sobol' sequence behind the sweep's {@code --sample sobol:N} and the uncertainty study's Sobol and Saltelli designs
 * gives the points each gave before it was shared: the sweep's from the origin, the designs' from point 1.
 */
class UnitSobolTest {
    @Test
    void fromTheOriginItIsTheKnownTwoDimensionalNet() {
        UnitSobol s = new UnitSobol(2, 0);
        // the first four points of the 2-D Sobol' sequence (Joe and Kuo): a (0, 2, 2)-net, one point per quarter-square
        assertThat(s.point(0)).containsExactly(0.0, 0.0);
        assertThat(s.point(1)).containsExactly(0.5, 0.5);
        assertThat(s.point(2)).containsExactly(0.75, 0.25);
        assertThat(s.point(3)).containsExactly(0.25, 0.75);
    }

    /** Before sharing, the designs took Hipparchus's point index + 1; walked here with nextVector, not skipTo. */
    @Test
    void theDesignsPointsAreTheSequenceAfterItsFirstPoint_sameAsBeforeSharing() {
        List<String> names = List.of("a", "b", "c");
        List<Distribution> unit = List.of(Distribution.uniform(0, 1), Distribution.uniform(0, 1), Distribution.uniform(0, 1));
        SobolDesign sobol = new SobolDesign(names, unit, 64);
        SobolSequenceGenerator walk = new SobolSequenceGenerator(3);
        walk.nextVector();   // the all-zero first point, skipped by the designs
        for (int i = 0; i < 64; i++) {
            assertThat(sobol.point(i)).as("point %d", i).containsExactly(walk.nextVector());
        }
        SaltelliDesign saltelli = new SaltelliDesign(names, unit, 16);
        SobolSequenceGenerator walk6 = new SobolSequenceGenerator(6);
        walk6.nextVector();
        for (int row = 0; row < 16; row++) {
            double[] ab = walk6.nextVector();
            assertThat(saltelli.point(row * 5L)).containsExactly(ab[0], ab[1], ab[2]);         // A
            assertThat(saltelli.point(row * 5L + 1)).containsExactly(ab[3], ab[4], ab[5]);     // B
            assertThat(saltelli.point(row * 5L + 3)).containsExactly(ab[0], ab[4], ab[2]);     // AB_1
        }
    }
}
