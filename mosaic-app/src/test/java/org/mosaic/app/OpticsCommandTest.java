package org.mosaic.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.core.scenario.ScenarioDocument;

class OpticsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonHasEveryRequiredKey() throws Exception {
        Cli r = Cli.run("optics", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = JSON.readTree(r.out());
        for (String key : new String[] {"seed", "channelRateBitsPerSecond", "fiberLengthMeters", "wavelengthMeters",
            "dispersionPsPerNmKm", "ber", "qFactor", "marginDb", "reachMeters", "budget"}) {
            assertThat(n.has(key)).as(key).isTrue();
        }
        for (String key : new String[] {"median", "mean", "worst"}) {
            assertThat(n.get("ber").get(key).isNumber()).as("ber." + key).isTrue();
        }
        assertThat(n.get("budget").isArray()).isTrue();
        assertThat(n.get("budget").size()).isGreaterThan(3);
        for (JsonNode item : n.get("budget")) {
            assertThat(item.get("item").isTextual()).isTrue();
            assertThat(item.get("db").isNumber()).isTrue();
        }
        assertThat(n.get("seed").asLong()).isZero();
        assertThat(n.get("fiberLengthMeters").isNumber()).isTrue();
        assertThat(n.get("channelRateBitsPerSecond").asDouble()).isEqualTo(2e9);
        assertThat(n.has("perChannelBer")).as("the per-channel array belongs in the report, not here").isFalse();
    }

    @Test
    void tableShowsNumbersWithUnitsAndTheBudget() {
        Cli r = Cli.run("optics", "--preset", "mosaic-prototype", "--set", "fiber.length=25m");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("25 m", "2 Gb/s", "450 nm", "ps/(nm·km)", " dBm", " dB", "reach at BER target", "link budget");
    }

    @Test
    void csvIsOneHeaderAndOneRow() {
        Cli r = Cli.run("optics", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("ber.median", "marginDb", "reachMeters", "budget.margin [dB]");
    }

    @Test
    void badSetValueExitsTwoNamingThePathAndTheExpectedUnit() {
        Cli r = Cli.run("optics", "--set", "fiber.length=30");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("fiber.length", "\"30\"", "no unit", "m, km");
        assertThat(r.out()).isEmpty();
        assertThat(r.noStackTrace()).as(r.err()).isTrue();
    }

    @Test
    void setWithoutEqualsSignIsAUsageError() {
        Cli r = Cli.run("optics", "--set", "fiber.length");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("KEY=VALUE");
        assertThat(r.noStackTrace()).isTrue();
    }

    @Test
    void unknownPresetExitsTwoListingThePresets() {
        Cli r = Cli.run("optics", "--preset", "mosaic-9000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("mosaic-9000");
        for (String p : ScenarioDocument.presetNames()) {
            assertThat(r.err()).contains(p);
        }
        assertThat(r.noStackTrace()).isTrue();
    }

    @Test
    void badSweepRangesExitTwoWithAMessage() {
        String[][] cases = {
            {"fiber.length=60m..5m:5m", "below FROM"},
            {"fiber.length=5m..60m", "FROM..TO:STEP"},
            {"fiber.length=5..60m:5m", "FROM"},
            {"fiber.length=5m..60m:0m", "positive"},
            {"fiber.length=5m..60m:5dB", "STEP"},
            {"fiber.lenth=5m..60m:5m", "did you mean fiber.length"},
            {"fiber.length=5m..20km:5m", "outside the allowed range"},
            {"fiber.length=1m..100m:1cm", "at most"},
            {"5m..60m:5m", "KEY="},
        };
        for (String[] c : cases) {
            Cli r = Cli.run("optics", "--sweep", c[0]);
            assertThat(r.exit()).as(c[0]).isEqualTo(2);
            assertThat(r.err()).as(c[0]).contains(c[1]);
            assertThat(r.noStackTrace()).as(c[0]).isTrue();
        }
    }

    @Test
    void sweepPrintsOneRowPerPointAndPlots(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("sweep.svg");
        Cli r = Cli.run("optics", "--sweep", "fiber.length=10m..20m:5m", "--plot", svg.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("10 m", "15 m", "20 m");
        assertThat(r.out().lines().filter(l -> l.matches("\\s*(10|15|20) m .*"))).hasSize(3);
        assertThat(Files.readString(svg)).contains("<svg", "BER");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(svg);
        }
    }

    @Test
    void sweepJsonHasAResultPerPoint() throws Exception {
        Cli r = Cli.run("optics", "--format", "json", "--sweep", "led.averagePower=-6dBm..-4dBm:1dB");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.get("points")).hasSize(3);
        assertThat(n.get("points").get(0).get("result").get("ber").get("median").isNumber()).isTrue();
    }

    @Test
    void plotNeedsAnSvgOrPngName() {
        Cli r = Cli.run("optics", "--plot", "eye.pdf");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("eye.pdf", ".svg or .png");
    }

    @Test
    void unknownOptionAndBadFormatAreUsageErrors() {
        assertThat(Cli.run("optics", "--frobnicate").exit()).isEqualTo(2);
        Cli r = Cli.run("optics", "--format", "xml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("xml", "TABLE");
    }

    @Test
    void presetAndScenarioTogetherIsAUsageError(@TempDir Path dir) {
        Cli r = Cli.run("optics", "--preset", "mosaic-800g", "--scenario", dir.resolve("x.yaml").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--preset", "--scenario");
    }

    @Test
    void missingScenarioFileIsAUsageError(@TempDir Path dir) {
        Cli r = Cli.run("optics", "--scenario", dir.resolve("nope.yaml").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.yaml", "does not exist");
        assertThat(r.noStackTrace()).isTrue();
    }

    @Test
    void verbosePrintsTheStackTrace() {
        Cli r = Cli.run("optics", "--verbose", "--set", "fiber.length=30");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("\tat ");
    }

    @Test
    void fitReportsBadMeasurementsAsUsageErrors(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "length,rate,ber\n20,2 Gb/s,2e-8\n");
        Cli r = Cli.run("optics", "fit", "--measured", csv.toString(), "--free", "led.averagePower");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("line 2", "\"20\"");
        assertThat(r.noStackTrace()).isTrue();
    }

    @Test
    void fitFindsThePowerThatMadeTheData(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "length,rate,ber\n20 m,2 Gb/s,2e-8\n25 m,2 Gb/s,4e-6\n30 m,2 Gb/s,5e-4\n");
        Cli r = Cli.run("optics", "fit", "--measured", csv.toString(), "--free", "led.averagePower", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.get("parameters").get(0).get("path").asText()).isEqualTo("led.averagePower");
        assertThat(n.get("parameters").get(0).get("value").asDouble()).isBetween(200e-6, 900e-6);
        assertThat(n.get("residuals")).hasSize(3);
    }
}
