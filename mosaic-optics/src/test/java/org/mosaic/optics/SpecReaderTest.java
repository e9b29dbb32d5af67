package org.mosaic.optics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    @Test
    void unknownTopLevelSectionsOfAChannelScenarioAreRefused_issue12() {
        // before: any section that was not a channel section was left to "a higher layer" and silently ignored
        ScenarioException e = bindFailure(ScenarioDocument.preset("mosaic-prototype").with("fibre.length", "30 m")
                .with("foo", "1").with("channel.rate", "1.6 Gb/s"));
        Map<String, Problem> byPath = e.problems().stream().collect(Collectors.toMap(Problem::path, Function.identity()));
        assertThat(byPath).containsOnlyKeys("fibre.length", "foo", "channel.rate");
        assertThat(byPath.get("fibre.length").expected()).contains("did you mean fiber.length?");
        assertThat(byPath.get("channel.rate").expected()).contains("did you mean link.channelRate?");
        assertThat(byPath.get("foo").expected()).contains("unknown key", "fiber", "led");
    }

    @Test
    void cableSectionInAChannelOnlyScenarioIsRefused_issue12() {
        ScenarioException e = bindFailure(ScenarioDocument.preset("mosaic-prototype").with("plan.spares", "3"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("plan");
            assertThat(p.expected()).contains("cable section", "no host");
        });
    }

    @Test
    void cableSectionsOfACableScenarioAreLeftToTheCableBinder_issue12() {
        assertThatCode(() -> ChannelSpecs.bind(ScenarioDocument.preset("mosaic-800g"))).doesNotThrowAnyException();
    }

    @Test
    void arrayThatLightsMoreCoresThanTheFibreHasIsRefused_issue12() {
        // before: optics accepted fiber.coreCount=10 for a 10 x 10 array that lights ~1800 cores; link refused it
        ScenarioException e = bindFailure(ScenarioDocument.preset("mosaic-prototype").with("fiber.coreCount", "10"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("fiber.coreCount");
            assertThat(p.value()).isEqualTo("10");
            assertThat(p.expected()).contains("10 x 10", "1791.", "the fibre has 10", "at least 1792 cores");
        });
        assertThatCode(() -> ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype").with("fiber.coreCount", "1800")))
                .doesNotThrowAnyException();
    }

    @Test
    void fixedPeakingWithTheCtleOffIsRefused_issue12() {
        ScenarioException e = bindFailure(ScenarioDocument.preset("mosaic-prototype").with("ctle.enabled", "false")
                .with("ctle.peaking", "3 dB"));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.expected()).contains("ctle.enabled is false"));
    }

    @Test
    void parametersWithoutEffectAreNamedWithTheReason_issue12() {
        ChannelSpec off = ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype").with("ctle.enabled", "false")
                .with("optics.lens", "microlens"));
        Set<String> modal = new TreeSet<>(ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype")).fiber().modalBandwidthOverridden()
                ? Set.of("fiber.modeCouplingLength", "fiber.differentialModeAttenuation") : Set.of());
        // the preset's measured-style fiber.crosstalk overrides the cores' geometry: its keys are unused
        modal.addAll(List.of("fiber.channelPitch", "fiber.crosstalkCorrelationLength", "fiber.coreDiameterSpread"));
        Set<String> expected = new TreeSet<>(modal);
        expected.addAll(List.of("ctle.maxPeaking", "ctle.maxBoost", "ctle.poleFrequencyPerRate", "ctle.peaking", "ctle.boost",
                "ctle.minPoleFrequencyPerRate", "ctle.maxPoleFrequencyPerRate", "optics.tirGainOverMicrolens"));
        assertThat(ChannelSpecs.unused(off).keySet()).containsExactlyInAnyOrderElementsOf(expected);
        ChannelSpec fixed = ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype").with("ctle.peaking", "3 dB"));
        Set<String> fixedExpected = new TreeSet<>(modal);
        fixedExpected.addAll(List.of("ctle.maxPeaking", "ctle.maxBoost"));
        assertThat(ChannelSpecs.unused(fixed).keySet()).containsExactlyInAnyOrderElementsOf(fixedExpected);
        assertThat(ChannelSpecs.unused(ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype"))).keySet())
                .containsExactlyInAnyOrderElementsOf(modal);
        // a measured modal bandwidth overrides the modes: their coupling and attenuation are then unused, and refused
        ChannelSpec measured = ChannelSpecs.bind(ScenarioDocument.preset("mosaic-prototype").with("fiber.modalBandwidth", "20 GHz*m"));
        assertThat(ChannelSpecs.unused(measured)).containsKeys("fiber.modeCouplingLength", "fiber.differentialModeAttenuation");
        ScenarioException e = bindFailure(ScenarioDocument.preset("mosaic-prototype").with("fiber.modalBandwidth", "20 GHz*m")
                .with("fiber.modeCouplingLength", "5 m"));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.expected()).contains("no fiber.modalBandwidth"));
    }

    @Test
    void unitExampleForAFibreLengthIsInMetres_issue12() {
        ScenarioException e = bindFailure(ScenarioDocument.preset("mosaic-prototype").with("fiber.length", "30"));
        assertThat(e.problems().get(0).expected()).contains("e.g. \"30 m\"").doesNotContain("30 nm");
    }
}
