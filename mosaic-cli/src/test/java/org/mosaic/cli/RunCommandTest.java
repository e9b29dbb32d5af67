package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mosaic run STUDY}: the binder's input gives exactly the JSON the study's own command prints for the same choice
 * (compared with the golden files of those commands), and bad values exit 2 with a message naming each key.
 */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static JsonNode golden(String name) throws IOException {
        return JSON.readTree(Files.readString(GOLDEN.resolve(name + ".json"), StandardCharsets.UTF_8));
    }

    private static JsonNode ok(String... args) throws IOException {
        Cli run = Cli.run(args);
        assertThat(run.exit()).as("%s", run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void runCablePrintsWhatLinkPrints() throws IOException {
        assertThat(ok("run", "cable")).isEqualTo(golden("link-800g"));
        assertThat(ok("run", "cable", "--set", "scale=true")).isEqualTo(golden("link-800g-scale"));
        assertThat(ok("run", "cable", "--set", "cable=avicena-like")).isEqualTo(golden("link-avicena"));
    }

    @Test
    void runChannelPrintsWhatOpticsPrints() throws IOException {
        assertThat(ok("run", "channel")).isEqualTo(golden("optics-prototype"));
        assertThat(ok("run", "channel", "--set", "scenario=mosaic-800g")).isEqualTo(golden("optics-800g"));
    }

    @Test
    void runChannelSweepPrintsWhatOpticsSweepPrints() throws IOException {
        assertThat(ok("run", "channel-sweep", "--set", "sweep=fiber.length=5m..60m:5m")).isEqualTo(golden("optics-sweep-length"));
    }

    @Test
    void runComparePrintsWhatComparePrints() throws IOException {
        assertThat(ok("run", "compare")).isEqualTo(golden("compare-800g"));
        assertThat(ok("run", "compare", "--set", "rate=1.6T", "--set", "lengthMeters=30m")).isEqualTo(golden("compare-1.6t-30m"));
    }

    @Test
    void runEmulatePrintsWhatEmulatePrints() throws IOException {
        assertThat(ok("run", "emulate", "--set", "codewords=20000")).isEqualTo(golden("emulate-default"));
        assertThat(ok("run", "emulate", "--set", "codewords=20000", "--set", "fails=17@5us", "--set", "detect=1us",
                "--set", "mapping=symbol")).isEqualTo(golden("emulate-fail"));
        assertThat(ok("run", "emulate", "--set", "engine=bit-exact", "--set", "codewords=2000", "--set", "ber=1e-4"))
                .isEqualTo(golden("emulate-bit-exact"));
    }

    @Test
    void runFleetPrintsWhatFleetPrints() throws IOException {
        assertThat(ok("run", "fleet", "--set", "cluster=h100-16k")).isEqualTo(golden("fleet-h100-16k"));
        assertThat(ok("run", "fleet", "--set", "cluster=nvl72-rack", "--set", "comparePolicies=true")).isEqualTo(golden("fleet-nvl72-policies"));
        Cli cli = Cli.run("fleet", "--cluster", "h100-16k", "--set", "fabric.radix=64", "--technology", "avicena-like",
                "--rule", "gpu-leaf=avicena-like", "--policy", "today", "--format", "json");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(ok("run", "fleet", "--set", "cluster=h100-16k", "--set", "cluster.fabric.radix=64", "--set", "technologies=avicena-like",
                "--set", "rules=gpu-leaf=avicena-like", "--set", "policy=today")).isEqualTo(JSON.readTree(cli.out()));
    }

    @Test
    void runTrainPrintsWhatTrainPrints() throws IOException {
        assertThat(ok("run", "train")).isEqualTo(golden("train-default"));
        assertThat(ok("run", "train", "--set", "system=selene", "--set", "model=gpt3-175b", "--set", "gpus=64"))
                .isEqualTo(golden("train-selene-gpt3"));
        assertThat(ok("run", "train", "--set", "model=mixtral-8x7b", "--set", "search=true", "--set", "top=3"))
                .isEqualTo(golden("train-search"));
    }

    @Test
    void runGoodputPrintsWhatGoodputPrints() throws IOException {
        assertThat(ok("run", "goodput", "--set", "trials=50")).isEqualTo(golden("goodput-default"));
        assertThat(ok("run", "goodput", "--set", "trials=30", "--set", "policies=today,mosaic")).isEqualTo(golden("goodput-policies"));
    }

    @Test
    void runInferencePrintsWhatInferencePrints() throws IOException {
        Cli cli = Cli.run("inference", "--format", "json");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(ok("run", "inference")).isEqualTo(JSON.readTree(cli.out()));
    }

    @Test
    void anEditWithoutEffectIsRefusedAsTheCommandRefusesIt() {
        Cli cli = Cli.run("emulate", "--codewords", "100", "--set", "power.driverEnergyPerBit=0.2pJ/bit");
        Cli run = Cli.run("run", "emulate", "--set", "codewords=100", "--set", "scenario.power.driverEnergyPerBit=0.2pJ/bit");
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("scenario.set power.driverEnergyPerBit=0.2pJ/bit has no effect on emulate")
                .contains(cli.err().substring(cli.err().indexOf("has no effect")).trim());
        run = Cli.run("run", "compare", "--set", "cables.fiber.length=20m");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cables[0].set fiber.length=20m has no effect on compare");
    }

    @Test
    void aDocumentEditIsTheSameAsTheCommandsSet() throws IOException {
        Cli link = Cli.run("link", "--set", "fiber.length=20m", "--set", "plan.spares=10", "--format", "json");
        assertThat(link.exit()).isZero();
        assertThat(ok("run", "cable", "--set", "cable.plan.spares=10", "--set", "cable.fiber.length=20m"))
                .isEqualTo(JSON.readTree(link.out()));
    }

    @Test
    void theInputFileIsBoundAndTheSetsApplyOnTop(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"cable\": {\"preset\": \"avicena-like\"}, \"scale\": true}");
        assertThat(ok("run", "cable", "--input", in.toString(), "--set", "scale=false")).isEqualTo(golden("link-avicena"));
    }

    @Test
    void badValuesExitTwoNamingEachKey(@TempDir Path dir) throws IOException {
        Cli run = Cli.run("run", "cable", "--set", "scal=true", "--set", "cable.fiber.lenght=3m");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("scal: unknown input of cable").doesNotContain("fiber.lenght");
        assertThat(run.noStackTrace()).isTrue();
        run = Cli.run("run", "cable", "--set", "cable.fiber.lenght=3m", "--set", "scale=maybe");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("2 problems with the inputs of cable").contains("fiber.lenght").contains("scale: \"maybe\"");
        assertThat(run.noStackTrace()).isTrue();
        run = Cli.run("run", "cabel");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown study").contains("cable");
        run = Cli.run("run", "cable-report");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("report");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[1]");
        run = Cli.run("run", "cable", "--input", bad.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("expected a JSON object keyed by input name");
        run = Cli.run("run", "cable", "--input", dir.resolve("missing.json").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no such file");
    }

    @Test
    void csvAndTablePrintTheMetricRows() {
        Cli csv = Cli.run("run", "cable", "--format", "csv");
        assertThat(csv.exit()).isZero();
        assertThat(csv.out()).startsWith("metric,value,unit").contains("power.perEndWatts,");
        Cli table = Cli.run("run", "cable", "--format", "table");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("power.perEndWatts").contains(" W");
    }
}
