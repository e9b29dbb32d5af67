package org.mosaic.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mosaic.core.units.Dimension;

/** SpecReader on its own (the channel binder's use of it is tested in mosaic-optics). */
class SpecReaderCoreTest {

    private static SpecReader reader(String yaml) {
        return ScenarioDocument.parse("t.yaml", "formatVersion: 1\n" + yaml, true).reader();
    }

    @Test
    void collectsEveryProblemBeforeThrowing() {
        SpecReader r = reader("fiber: {length: 50 m, lenght: 3 m}\nn: 1.5\nb: maybe\nc: blue\n");
        assertThat(r.quantity("fiber.length", Dimension.LENGTH, 0, 100)).isCloseTo(50, within(1e-12));
        r.integer("n", 0, 10, 1);
        r.bool("b", false);
        r.choice("c", List.of("red", "green"), "red");
        r.quantity("led.wavelength", Dimension.LENGTH, 0, 1);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, r::finish);
        assertThat(e.problems()).extracting(Problem::path)
                .containsExactly("n", "b", "c", "led.wavelength", "fiber.lenght");
        assertThat(e.getMessage()).startsWith("5 problems in t.yaml:");
        assertThat(e.problems().get(0).expected()).contains("whole number from 0 to 10");
        assertThat(e.problems().get(1).expected()).contains("true or false");
        assertThat(e.problems().get(2).expected()).contains("one of red, green");
        assertThat(e.problems().get(3).value()).isNull();
        assertThat(e.problems().get(3).toString()).contains("missing").contains("450 nm");
        assertThat(e.problems().get(4).expected()).contains("did you mean fiber.length?");
    }

    @Test
    void outOfRangeNamesTheRange() {
        SpecReader r = reader("fiber: {length: 20 km}\n");
        double v = r.quantity("fiber.length", Dimension.LENGTH, 0, 10_000);
        assertThat(v).isNaN();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("fiber.length");
            assertThat(p.value()).isEqualTo("20 km");
            assertThat(p.expected()).contains("out of range").contains("0").contains("10 km");
        });
    }

    @Test
    void defaultsApplyWhenAbsentAndNothingIsReported() {
        SpecReader r = reader("fiber: {length: 5 m}\n");
        assertThat(r.quantity("fiber.attenuation", Dimension.ATTENUATION, 0, 10, 0.25)).isCloseTo(0.25, within(1e-15));
        assertThat(r.integer("numerics.eyeBins", 64, 4096, 512)).isEqualTo(512);
        assertThat(r.longValue("seed", 7L)).isEqualTo(7L);
        assertThat(r.bool("ctle.enabled", true)).isTrue();
        assertThat(r.text("name", "unnamed")).isEqualTo("unnamed");
        r.quantity("fiber.length", Dimension.LENGTH, 0, 100);
        r.finish(); // nothing wrong: does not throw
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void ignoredSubtreesAreNotUnknownKeys() {
        SpecReader r = reader("provenance:\n  fiber.length: {confidence: assumed}\ndescription: free text\n");
        r.ignore("provenance");
        r.ignore("description");
        r.finish();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void aDistantTypoGetsNoHint() {
        SpecReader r = reader("fiber: {length: 5 m}\ncompletelyDifferent: 3\n");
        r.quantity("fiber.length", Dimension.LENGTH, 0, 100);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, r::finish);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("completelyDifferent");
            assertThat(p.expected()).isEqualTo("unknown key");
        });
    }

    @Test
    void levenshteinDistance() {
        assertThat(SpecReader.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(SpecReader.levenshtein("fiber.lenght", "fiber.length")).isEqualTo(2);
        assertThat(SpecReader.levenshtein("", "abc")).isEqualTo(3);
        assertThat(SpecReader.levenshtein("same", "same")).isZero();
    }

    @Test
    void quotedLongIsAccepted() {
        SpecReader r = reader("seed: \"42\"\n");
        assertThat(r.longValue("seed", 0)).isEqualTo(42L);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void quotedIntegerIsAccepted() {
        SpecReader r = reader("numerics: {samplesPerUi: \"32\"}\n");
        assertThat(r.integer("numerics.samplesPerUi", 4, 1024, 16)).isEqualTo(32);
        assertThat(r.problems()).isEmpty();
    }
}
