package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code optics fit --measurements}: the joint fit from a measurements document, and its refusals. */
class FitMeasurementsCommandTest {
    @TempDir
    Path dir;

    @Test
    void theShippedPrototypePointReportsThePowerLossDegeneracy() throws Exception {
        Cli r = Cli.run("optics", "fit", "--preset", "mosaic-prototype", "--measurements", "mosaic-prototype", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.get("degenerate").asBoolean()).isTrue();
        assertThat(n.get("parameters")).hasSize(2);
        assertThat(n.get("parameters").get(0).get("path").asText()).isEqualTo("led.averagePower");
        assertThat(n.get("parameters").get(0).get("determined").asBoolean()).isFalse();
        assertThat(n.get("parameters").get(0).get("standardError").isNull()).isTrue();   // infinite: undetermined
        assertThat(Math.abs(n.get("correlations").get(0).get("coefficient").asDouble())).isGreaterThan(0.999);
        Cli table = Cli.run("optics", "fit", "--preset", "mosaic-prototype", "--measurements", "mosaic-prototype",
                "--free", "led.averagePower");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("led.averagePower", "±").doesNotContain("DEGENERATE");
    }

    @Test
    void aMalformedOrMissingDocumentIsRefusedWithExit2AndNoStackTrace() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "kind: measurements\nformatVersion: 1\npoints:\n  - {length: 20 m, rate: 2 Gb/s, ber: 7}\n");
        Cli r = Cli.run("optics", "fit", "--measurements", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml", "points[1].ber", "(0, 0.5]").doesNotContain("Exception", "\tat ");
        Cli missing = Cli.run("optics", "fit", "--measurements", dir.resolve("none.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("none.yaml", "no such file", "mosaic-prototype");
        Cli both = Cli.run("optics", "fit", "--measurements", "mosaic-prototype", "--measured", "x.csv", "--free", "led.averagePower");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--measured and --measurements");
        Cli none = Cli.run("optics", "fit", "--free", "led.averagePower");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--measurements");
        Cli notYaml = Cli.run("optics", "fit", "--measurements", write("x.yaml", "points: [").toString());
        assertThat(notYaml.exit()).isEqualTo(2);
        assertThat(notYaml.err()).contains("not valid YAML");
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
