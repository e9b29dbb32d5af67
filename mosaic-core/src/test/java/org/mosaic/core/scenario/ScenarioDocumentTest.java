package org.mosaic.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading scenario files: format version, syntax errors, YAML and JSON, overrides. */
class ScenarioDocumentTest {

    private static final String MINIMAL = "formatVersion: 1\nfiber:\n  length: 50 m\n  attenuation: 0.2 dB/m\n";

    private static ScenarioDocument yaml(String text) {
        return ScenarioDocument.parse("test.yaml", text, true);
    }

    @Test
    void missingFormatVersionNamesTheExpectedVersion() {
        assertThatThrownBy(() -> yaml("fiber:\n  length: 50 m\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("test.yaml")
                .hasMessageContaining("formatVersion is missing")
                .hasMessageContaining("formatVersion: " + ScenarioDocument.FORMAT_VERSION);
    }

    @ParameterizedTest(name = "formatVersion: {0}")
    @ValueSource(strings = {"2", "0", "-1", "abc", "99999999999"})
    void wrongFormatVersionNamesTheValueAndTheExpectedVersion(String version) {
        assertThatThrownBy(() -> yaml("formatVersion: " + version + "\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("formatVersion \"" + version + "\"")
                .hasMessageContaining("this build reads formatVersion " + ScenarioDocument.FORMAT_VERSION);
    }

    @ParameterizedTest(name = "formatVersion: {0}")
    @ValueSource(strings = {"1.5", "1.9", "1.0001"})
    void fractionalFormatVersionIsRefused(String version) {
        assertThatThrownBy(() -> yaml("formatVersion: " + version + "\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("formatVersion");
    }

    @Test
    void quotedFormatVersionIsAcceptedOrExplained() {
        assertThatCode(() -> yaml("formatVersion: \"1\"\n")).doesNotThrowAnyException();
    }

    @Test
    void yamlSyntaxErrorGivesTheLine() {
        // line 4 is indented under a scalar: "mapping values are not allowed here"
        String text = "formatVersion: 1\nfiber:\n  length: 50 m\n   bad: indent\n";
        assertThatThrownBy(() -> yaml(text))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("test.yaml is not valid YAML")
                .hasMessageContaining("line 4");
    }

    @Test
    void unclosedFlowSequenceGivesALine() {
        assertThatThrownBy(() -> yaml("formatVersion: 1\nfiber:\n  length: [50 m\nled:\n  wavelength: 450 nm\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageMatching("(?s).*not valid YAML at line \\d+, column \\d+.*");
    }

    @Test
    void jsonSyntaxErrorGivesTheLine() {
        String text = "{\"formatVersion\": 1,\n \"fiber\": {\"length\": \"50 m\",}\n}";
        assertThatThrownBy(() -> ScenarioDocument.parse("test.json", text, false))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("test.json is not valid JSON")
                .hasMessageContaining("line 2");
    }

    @Test
    void jsonFileIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("scenario.json");
        Files.writeString(file, "{\"formatVersion\": 1, \"fiber\": {\"length\": \"30 m\"}, \"link\": {\"array\": {\"rows\": 4}}}",
                StandardCharsets.UTF_8);
        ScenarioDocument doc = ScenarioDocument.file(file);
        assertThat(doc.source()).isEqualTo(file.toString());
        assertThat(doc.tree().at("/fiber/length").asText()).isEqualTo("30 m");
        assertThat(doc.tree().at("/link/array/rows").asInt()).isEqualTo(4);
    }

    @Test
    void jsonFileIsParsedStrictly(@TempDir Path dir) throws IOException {
        // a .json file is read as JSON, so YAML syntax in it is an error that says JSON
        Path file = dir.resolve("scenario.JSON");
        Files.writeString(file, "formatVersion: 1\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ScenarioDocument.file(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void yamlFileIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, MINIMAL, StandardCharsets.UTF_8);
        assertThat(ScenarioDocument.file(file).tree().at("/fiber/attenuation").asText()).isEqualTo("0.2 dB/m");
    }

    @Test
    void missingFileSaysSo(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ScenarioDocument.file(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void topLevelMustBeAMapping() {
        assertThatThrownBy(() -> yaml("- a\n- b\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("must be a mapping")
                .hasMessageContaining("array");
    }

    @Test
    void anEmptyDocumentIsCalledEmpty_regression() {
        // before: "must be a mapping of keys to values (found missing)" for an empty file or one of comments only
        for (String text : new String[] {"", "\n\n", "# only a comment\n"}) {
            assertThatThrownBy(() -> yaml(text)).isInstanceOf(ScenarioException.class)
                    .hasMessageContaining("is empty").hasMessageContaining("formatVersion: 1").hasMessageContaining("hint:")
                    .hasMessageNotContaining("missing)");
        }
    }

    @Test
    void unknownPresetListsTheKnownOnesAndHints() {
        assertThatThrownBy(() -> ScenarioDocument.preset("no-such-preset"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("unknown preset \"no-such-preset\"")
                .hasMessageContaining("expected one of")
                .hasMessageContaining("hint");
    }

    @Test
    void withOverridesAValueAndLeavesTheOriginalAlone() {
        ScenarioDocument doc = yaml(MINIMAL);
        ScenarioDocument changed = doc.with("fiber.length", "30 m");
        assertThat(changed.tree().at("/fiber/length").asText()).isEqualTo("30 m");
        assertThat(changed.tree().at("/fiber/attenuation").asText()).isEqualTo("0.2 dB/m");
        assertThat(doc.tree().at("/fiber/length").asText()).isEqualTo("50 m");
        assertThat(changed.source()).contains("test.yaml").contains("fiber.length=30 m");
    }

    @Test
    void withCreatesSectionsAndTypesScalars() {
        ScenarioDocument doc = yaml(MINIMAL).with("numerics.samplesPerUi", "64").with("ctle.enabled", "false")
                .with("led.wavelength", "450");
        ObjectNode t = doc.tree();
        assertThat(t.at("/numerics/samplesPerUi").isIntegralNumber()).isTrue();
        assertThat(t.at("/numerics/samplesPerUi").asInt()).isEqualTo(64);
        assertThat(t.at("/ctle/enabled").isBoolean()).isTrue();
        assertThat(t.at("/ctle/enabled").asBoolean()).isFalse();
        // a bare number stays a number here; the binder is what refuses it where a unit is needed
        assertThat(t.at("/led/wavelength").isNumber()).isTrue();
    }

    @Test
    void withThroughAScalarIsRefusedClearly() {
        assertThatThrownBy(() -> yaml(MINIMAL).with("fiber.length.unit", "m"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("fiber.length.unit")
                .hasMessageContaining("fiber.length is a value, not a section, so it has no key unit");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", ".fiber", "fiber.", "fiber..length"})
    void malformedPathsAreRefused(String path) {
        assertThatThrownBy(() -> yaml(MINIMAL).with(path, "1"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("dotted path such as fiber.length");
    }

    @Test
    void treeIsACopy() {
        ScenarioDocument doc = yaml(MINIMAL);
        ((ObjectNode) doc.tree().get("fiber")).put("length", "1 m");
        assertThat(doc.tree().at("/fiber/length").asText()).isEqualTo("50 m");
    }

    @Test
    void toYamlRoundTrips() {
        ScenarioDocument doc = yaml(MINIMAL).with("link.array.rows", "20");
        // compared as JSON text: the override is a LongNode, the re-read value an IntNode (equal as JSON, not as nodes)
        assertThat(yaml(doc.toYaml()).tree().toString()).isEqualTo(doc.tree().toString());
    }

    @Test
    void duplicateYamlKeyIsRefusedWithBothLines_issue12() {
        String text = "formatVersion: 1\nfiber:\n  length: 20 m\n  attenuation: 0.2 dB/m\n  length: 30 m\n";
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> yaml(text));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("fiber.length");
            assertThat(p.value()).isEqualTo("30 m");
            assertThat(p.expected()).contains("given twice", "line 3", "\"20 m\"", "line 5");
        });
    }

    @Test
    void duplicateJsonKeyIsRefusedWithBothLines_issue12() {
        String text = "{\"formatVersion\": 1,\n \"seed\": 1,\n \"seed\": 2}";
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioDocument.parse("t.json", text, false));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("seed");
            assertThat(p.expected()).contains("line 2", "line 3");
        });
    }

    @Test
    void sameKeyInDifferentSectionsIsFine_issue12() {
        assertThatCode(() -> yaml("formatVersion: 1\nled: {bandwidth: 1 GHz}\nfiber: {bandwidth: 2 GHz}\n"))
                .doesNotThrowAnyException();
    }

    @Test
    void yamlAliasIsRefusedNotReadAsItsName_issue12() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> yaml("formatVersion: 1\nfiber:\n  length: &l 20 m\n  crosstalkReferenceLength: *l\n"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("fiber.crosstalkReferenceLength");
            assertThat(p.expected()).contains("alias", "line 4");
        });
    }

    @Test
    void jsonTextAfterTheDocumentIsRefused_issue12() {
        assertThatThrownBy(() -> ScenarioDocument.parse("t.json", "{\"formatVersion\": 1}\n{\"seed\": 2}", false))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> ScenarioDocument.parse("t.json", "{\"formatVersion\": 1}}", false))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("extra closing '}'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"formatVersion\": 1,}",
        "{\"formatVersion\": 1 \"seed\": 2}",
        "{formatVersion: 1}",
        "{\"formatVersion\": 1, \"name\": blue}",
        "{\"formatVersion\": 1",
        "{\"formatVersion\" 1}",
        "{\"formatVersion\": 1, \"name\": 'x'}",
        "{\"formatVersion\": 01}",
        "{\"formatVersion\": NaN}",
    })
    void jsonSyntaxErrorsAreExplainedWithoutLibraryInternals_issue12(String text) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioDocument.parse("t.json", text, false));
        assertThat(e.getMessage()).startsWith("t.json is not valid JSON at line 1").contains("— line 1: \"");
        assertThat(e.getMessage()).doesNotContain("code ", "Feature", "Source", "token", "JsonParse", "Exception", "Cannot deserialize",
                "was expecting", "Unexpected character");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "formatVersion: 1\nfiber:\n  length: 50 m\n   bad: indent\n",
        "formatVersion: 1\nfiber:\n  length: [50 m\nled:\n  wavelength: 450 nm\n",
        "formatVersion: 1\n\tseed: 2\n",
        "formatVersion: 1\nname: \"unclosed\nseed: 2\n",
        "formatVersion: 1\nfiber: {length: 1 m\nseed: 2\n",
        "- a\nformatVersion: 1\n",
        "formatVersion: 1\nname: @x\n",
        "formatVersion: 1\nname: 'x'y\n",
    })
    void yamlSyntaxErrorsAreExplainedWithoutLibraryInternals_issue12(String text) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> yaml(text));
        assertThat(e.getMessage()).matches("(?s)test.yaml is not valid YAML at line \\d+, column \\d+: .+");
        assertThat(e.getMessage()).doesNotContain("<", ">", "reader", "while scanning", "while parsing", "Exception", "^");
    }

    @Test
    void yamlErrorQuotesTheOffendingLine_issue12() {
        assertThatThrownBy(() -> yaml("formatVersion: 1\nfiber:\n  length: 50 m\n   bad: indent\n"))
                .hasMessageContaining("line 4, column 7").hasMessageContaining("— line 4: \"   bad: indent\"")
                .hasMessageContaining("hint");
        assertThatThrownBy(() -> yaml("formatVersion: 1\n\tseed: 2\n")).hasMessageContaining("tab").hasMessageContaining("line 2");
    }

    @Test
    void formatVersionCannotBeOverridden_issue12() {
        // before: --set formatVersion=2 was accepted and changed nothing
        assertThatThrownBy(() -> yaml(MINIMAL).with("formatVersion", "2"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("formatVersion").hasMessageContaining("not a value to override");
    }
}
