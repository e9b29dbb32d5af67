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
        assertThat(e.problems().get(3).toString()).contains("missing").contains("e.g. \"");
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
            assertThat(p.expected()).doesNotContain("did you mean")
                    .isEqualTo("unknown key — expected one of the top-level keys fiber, formatVersion");
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

    /** A reader that has read what a small channel binder reads. */
    private static SpecReader channelLike(String yaml) {
        SpecReader r = reader(yaml);
        r.ignore("provenance");
        r.quantity("link.channelRate", Dimension.DATA_RATE, 1e6, 1e12, 2e9);
        r.quantity("fiber.length", Dimension.LENGTH, 0, 10_000, 20);
        r.quantity("fiber.attenuation", Dimension.ATTENUATION, 0, 10, 0.2);
        r.integer("numerics.eyeBins", 64, 4096, 512);
        return r;
    }

    private static List<Problem> problems(SpecReader r) {
        return catchThrowableOfType(ScenarioException.class, r::finish).problems();
    }

    @Test
    void misspeltSectionSuggestsTheFullKey_issue12() {
        assertThat(problems(channelLike("fibre: {length: 30 m}\n"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("fibre.length");
            assertThat(p.value()).isEqualTo("30 m");
            assertThat(p.expected()).isEqualTo("unknown key (did you mean fiber.length?)");
        });
    }

    @Test
    void sameLastNameUnderAnotherSectionIsSuggested_issue12() {
        assertThat(problems(channelLike("channel: {rate: 1.6 Gb/s}\n"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("channel.rate");
            assertThat(p.expected()).contains("did you mean link.channelRate?");
        });
    }

    @Test
    void unknownKeysAtAnyDepthAreRefusedListingTheKnownOnes_issue12() {
        List<Problem> ps = problems(channelLike("foo: {bar: 1}\nfiber: {length: 5 m, zzz: 3}\n"));
        assertThat(ps).extracting(Problem::path).containsExactly("foo.bar", "fiber.zzz");
        assertThat(ps.get(0).expected()).startsWith("unknown key — expected one of the top-level keys").contains("fiber", "link");
        assertThat(ps.get(1).expected()).isEqualTo("unknown key — expected one of the keys of fiber: length, attenuation");
    }

    @Test
    void aWholeUnknownSectionIsReportedOnce_issue12() {
        assertThat(problems(channelLike("fibre: {length: 30 m, attenuation: 0.2 dB/m}\n"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("fibre");
            assertThat(p.expected()).isEqualTo("unknown section (did you mean fiber?)");
        });
    }

    @Test
    void aValueWhereAKnownSectionBelongsIsRefused_issue12() {
        assertThat(problems(channelLike("numerics: 5\n"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("numerics");
            assertThat(p.expected()).contains("a section of keys", "eyeBins");
        });
    }

    @Test
    void anEmptyKnownSectionIsFine_issue12() {
        SpecReader r = channelLike("numerics: {}\n");
        r.finish();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void unitExamplesFollowTheKeysDefaultOrRange_issue12() {
        SpecReader r = reader("fiber: {length: 30}\nlayout: {rackPower: 100}\nled: {}\n");
        r.quantity("fiber.length", Dimension.LENGTH, 0, 10_000, 20);
        r.quantity("layout.rackPower", Dimension.POWER, 1e3, 1e6, 120e3);
        r.quantity("led.averagePower", Dimension.POWER, 1e-9, 1);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, r::finish);
        assertThat(e.problems().get(0).expected()).contains("e.g. \"30 m\"").doesNotContain("30 nm");
        assertThat(e.problems().get(1).expected()).contains("e.g. \"100 kW\"").doesNotContain("100 uW");
        assertThat(e.problems().get(2).expected()).contains("e.g. \"32 uW\"");
    }
}
