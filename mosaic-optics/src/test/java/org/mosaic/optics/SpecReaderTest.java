package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mosaic.core.scenario.Problem;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;

/** Validation of a channel scenario through {@link ChannelSpecs#bind}: every problem at once, each explained. */
class SpecReaderTest {

    private static ScenarioException bindFailure(ScenarioDocument doc) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ChannelSpecs.bind(doc));
        assertThat(e).as("binding should fail").isNotNull();
        return e;
    }

    @Test
    void threeBadValuesAreAllReportedAtOnce() {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-800g")
                .with("led.wavelength", "450") // a bare number where a length is expected
                .with("link.channelRate", "2 GB/m") // not a data rate
                .with("fiber.lenght", "50 m"); // a typo (fiber.length itself is still there)
        ScenarioException e = bindFailure(doc);
        Map<String, Problem> byPath = e.problems().stream().collect(Collectors.toMap(Problem::path, Function.identity()));
        assertThat(byPath).containsOnlyKeys("led.wavelength", "link.channelRate", "fiber.lenght");

        Problem wavelength = byPath.get("led.wavelength");
        assertThat(wavelength.value()).isEqualTo("450");
        assertThat(wavelength.expected()).contains("no unit").contains("length").contains("nm").contains("\"450 nm\"");

        Problem rate = byPath.get("link.channelRate");
        assertThat(rate.value()).isEqualTo("2 GB/m");
        assertThat(rate.expected()).contains("data rate").contains("Gb/s").contains("GB/s");

        Problem typo = byPath.get("fiber.lenght");
        assertThat(typo.value()).isEqualTo("50 m");
        assertThat(typo.expected()).contains("unknown key").contains("did you mean fiber.length");

        // the message lists all three with path and value, and names the source with its overrides
        assertThat(e.getMessage()).startsWith("3 problems in preset mosaic-800g")
                .contains("led.wavelength: \"450\"")
                .contains("link.channelRate: \"2 GB/m\"")
                .contains("fiber.lenght: \"50 m\"");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "fiber.length          | 20 km   | out of range: expected 0 m to 10 km",
            "led.wavelength        | 5 um    | out of range: expected 210 nm to 3.71 µm",
            "led.wavelength        | 100 nm  | out of range: expected 210 nm to 3.71 µm",
            "numerics.samplesPerUi | 2       | out of range: expected a whole number from 4 to 1024",
    })
    void outOfRangeNamesTheRange(String path, String value, String expected) {
        ScenarioException e = bindFailure(ScenarioDocument.preset("mosaic-800g").with(path, value));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.value()).isEqualTo(value);
            assertThat(p.expected()).isEqualTo(expected);
        });
    }

    @Test
    void wordsAndSwitchesNameTheirChoices() {
        ScenarioDocument doc = ScenarioDocument.preset("mosaic-800g").with("optics.lens", "fresnel").with("ctle.enabled", "yes");
        List<Problem> problems = bindFailure(doc).problems();
        assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder("optics.lens", "ctle.enabled");
        assertThat(problems).anySatisfy(p -> assertThat(p.expected()).isEqualTo("one of none, microlens, tir"));
        assertThat(problems).anySatisfy(p -> assertThat(p.expected()).isEqualTo("true or false"));
    }

    @Test
    void missingRequiredValueIsReported() {
        // the preset without fiber.length, re-read as JSON text
        ObjectNode tree = ScenarioDocument.preset("mosaic-800g").tree();
        ((ObjectNode) tree.get("fiber")).remove("length");
        ScenarioException e = bindFailure(ScenarioDocument.parse("no-length.json", tree.toString(), false));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("fiber.length");
            assertThat(p.value()).isNull();
            assertThat(p.expected()).contains("length is required").contains("e.g.");
        });
    }

    @Test
    void crossFieldCheckCatchesOverlappingCores() {
        ScenarioException e = bindFailure(ScenarioDocument.preset("mosaic-800g").with("fiber.coreDiameter", "5 um"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("fiber.coreDiameter");
            assertThat(p.expected()).contains("smaller than fiber.corePitch");
        });
    }

    @Test
    void crossFieldProblemShowsTheValueAsWritten() {
        ScenarioException e = bindFailure(ScenarioDocument.preset("mosaic-800g").with("fiber.coreDiameter", "5 um"));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo("5 um"));
    }

    @Test
    void goodOverridesBindToSi() {
        ChannelSpec s = ChannelSpecs.bind(ScenarioDocument.preset("mosaic-800g")
                .with("fiber.length", "30 m").with("led.wavelength", "0.85 um").with("link.channelRate", "250 MB/s"));
        // exact decimal prefixes; 1e-12 relative is rounding only
        assertThat(s.fiber().lengthMeters()).isCloseTo(30, within(30 * 1e-12));
        assertThat(s.led().wavelengthMeters()).isCloseTo(850e-9, within(850e-9 * 1e-12));
        assertThat(s.rateBitsPerSecond()).isCloseTo(2e9, within(2e9 * 1e-12)); // bytes: ×8
        assertThatCode(() -> ChannelSpecs.bind(ScenarioDocument.preset("mosaic-800g").with("ctle.peaking", "4 dB")))
                .doesNotThrowAnyException();
    }
}
