package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The link, compare and emulate commands: the JSON fields the issues promise, and clear errors for bad input. */
class CableCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String... args) throws Exception {
        Cli c = Cli.run(args);
        assertThat(c.exit()).as(c.err()).isZero();
        return JSON.readTree(c.out());
    }

    @Test
    void linkJsonHasThePlanPowerAndReliabilityFields() throws Exception {
        JsonNode j = json("link", "--format", "json");
        assertThat(j.path("channels").path("data").asInt()).isEqualTo(400);
        assertThat(j.path("channels").path("spare").asInt()).isEqualTo(20);
        assertThat(j.path("channels").path("parity").asInt()).isEqualTo(40);
        assertThat(j.path("channels").path("total").asInt()).isEqualTo(460);
        assertThat(j.path("channels").path("rows").asInt()).isEqualTo(23);
        assertThat(j.path("channels").path("cols").asInt()).isEqualTo(20);
        assertThat(j.path("dieAreaMm2").asDouble()).isCloseTo(1.15, within(1e-9));
        assertThat(j.path("power").path("perEndWatts").asDouble()).isBetween(3.05, 5.35);
        assertThat(j.path("power").path("perBitPicojoules").asDouble())
                .isCloseTo(j.path("power").path("perEndWatts").asDouble() / 800 * 1000, within(1e-9));
        assertThat(j.path("power").path("breakdown").get(0).has("item")).isTrue();
        assertThat(j.path("power").path("breakdown").get(0).has("watts")).isTrue();
        assertThat(j.path("reliability").path("linkFit").asDouble()).isPositive();
        assertThat(j.path("reliability").path("afrPerCable").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.path("reliability").path("mttfHours").asDouble()).isPositive();
        assertThat(j.path("reliability").path("serviceYears").asDouble()).isCloseTo(5, within(1e-9));
        assertThat(j.path("seed").asLong()).isZero();
    }

    @Test
    void compareJsonIsEveryTechnologyWithReachPowerAndFit() throws Exception {
        JsonNode j = json("compare", "--rate", "800G", "--length", "30m", "--format", "json");
        JsonNode rows = j.path("rows");
        assertThat(rows.size()).isGreaterThan(8);
        boolean mosaic = false;
        for (JsonNode r : rows) {
            assertThat(r.has("technology") && r.has("reaches") && r.has("reachMeters") && r.has("powerPerEndWatts")
                    && r.has("fitPerEnd")).as(r.toString()).isTrue();
            // every row says it reaches exactly when its own reach covers the 30 m
            assertThat(r.path("reaches").asBoolean()).as(r.toString()).isEqualTo(r.path("reachMeters").asDouble() >= 30);
            if (r.path("technology").asText().startsWith("mosaic-800g")) {
                mosaic = true;
                // our channel model's reach on the preset's target definition (the array's mean BER), as optics reports it
                assertThat(r.path("reachMeters").asDouble()).isCloseTo(json("optics", "--preset", "mosaic-800g", "--format", "json")
                        .path("reachMeters").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
            }
            if (r.path("technology").asText().startsWith("Passive DAC")) {
                assertThat(r.path("reaches").asBoolean()).isFalse();
            }
        }
        assertThat(mosaic).isTrue();
        assertThat(j.path("claims").size()).isPositive();
    }

    @Test
    void aRateNoHostInterfaceHasIsAUsageError() {
        Cli c = Cli.run("compare", "--rate", "1.2T");
        assertThat(c.exit()).isEqualTo(Main.USAGE);
        assertThat(c.err()).contains("1.2T").contains("800G").contains("1.6T");
        assertThat(c.noStackTrace()).isTrue();
    }

    @Test
    void negativeSparesAndImpossiblePlansAreUsageErrors() {
        Cli neg = Cli.run("link", "--set", "plan.spares=-2");
        assertThat(neg.exit()).isEqualTo(Main.USAGE);
        assertThat(neg.err()).contains("plan.spares").contains("-2");
        Cli many = Cli.run("link", "--set", "plan.spares=300");
        assertThat(many.exit()).isEqualTo(Main.USAGE);
        assertThat(many.err()).contains("impossible cable plan").contains("fiber.coreCount");
        assertThat(neg.noStackTrace() && many.noStackTrace()).isTrue();
    }

    @Test
    void aChannelOnlyScenarioIsRefusedByLinkWithAHint() {
        Cli c = Cli.run("link", "--preset", "mosaic-prototype");
        assertThat(c.exit()).isEqualTo(Main.USAGE);
        assertThat(c.err()).contains("not a cable").contains("--preset mosaic-800g");
    }

    @Test
    void emulateJsonHasTheDatapathFields() throws Exception {
        JsonNode j = json("emulate", "--ber", "1e-3", "--codewords", "20000", "--format", "json");
        for (String f : new String[] {"seed", "engine", "mapping", "codewords", "preFecBer", "symbolErrorsPerCodeword",
            "uncorrectableCodewordRatio", "miscorrectedCodewords", "postFecBer", "frameLossRatio"}) {
            assertThat(j.has(f)).as(f).isTrue();
        }
        assertThat(j.path("frameLossRatio").has("ciLow")).isTrue();
        assertThat(j.path("frameLossRatio").has("ciHigh")).isTrue();
        assertThat(j.path("codewords").asLong()).isEqualTo(20000);
        assertThat(j.path("preFecBer").asDouble()).isCloseTo(1e-3, within(1e-4));
    }

    @Test
    void emulateBitExactReportsPayloadMismatches() throws Exception {
        JsonNode j = json("emulate", "--ber", "1e-4", "--engine", "bit-exact", "--codewords", "2000", "--format", "json");
        assertThat(j.path("payloadMismatches").asLong()).isZero(); // KP4 at 1e-4: P_cw ~ 1e-18
    }

    @Test
    void emulateBadArgumentsAreUsageErrors() {
        for (String[] args : new String[][] {
            {"emulate", "--ber", "0.7"}, {"emulate", "--mapping", "diagonal"}, {"emulate", "--fail", "999@1us"},
            {"emulate", "--fail", "3@soon"}, {"emulate", "--engine", "magic"}, {"emulate", "--dead-channels", "-1"}}) {
            Cli c = Cli.run(args);
            assertThat(c.exit()).as(String.join(" ", args) + ": " + c.err()).isEqualTo(Main.USAGE);
            assertThat(c.noStackTrace()).as(c.err()).isTrue();
        }
    }

    @Test
    void compareRefusesSetsItDoesNotUse_issue12() {
        Cli c = Cli.run("compare", "--set", "fiber.length=10m");
        assertThat(c.exit()).as(c.err()).isEqualTo(Main.USAGE);
        assertThat(c.err()).contains("fiber.length=10m").contains("--length 10m");
        Cli a = Cli.run("compare", "--set", "host.attachment=cpo");
        assertThat(a.exit()).as(a.err()).isEqualTo(Main.USAGE);
        assertThat(a.err()).contains("both host attachments");
    }

    @Test
    void claimsForACableThatDoesNotReachAreNotApplicable_issue12() throws Exception {
        JsonNode j = json("compare", "--format", "json");
        boolean sawNa = false;
        for (JsonNode cs : j.path("claims")) {
            for (JsonNode r : cs.path("ratios")) {
                if (r.path("claim").asText().startsWith("POWER") && !r.path("subjectReaches").asBoolean()) {
                    assertThat(r.path("value").isNull()).as(r.toString()).isTrue();
                    assertThat(r.path("notApplicable").asText()).contains("does not reach 30 m");
                    sawNa = true;
                }
            }
        }
        assertThat(sawNa).isTrue(); // avicena-like does not reach 30 m
        String table = Cli.run("compare").out();
        assertThat(table).doesNotContain("87.9 %").contains("n/a — does not reach 30 m");
    }

    @Test
    void afrSaysPerCableOrPerEndAndAgreesAcrossLinkAndCompare_issue12() throws Exception {
        JsonNode link = json("link", "--format", "json");
        double perEnd = link.path("reliability").path("afrPerEnd").asDouble();
        assertThat(link.path("reliability").path("afrPerCable").asDouble()).isGreaterThan(perEnd);
        assertThat(link.path("reliability").has("afr")).isFalse();
        JsonNode cmp = json("compare", "--preset", "mosaic-800g", "--format", "json");
        for (JsonNode r : cmp.path("rows")) {
            if (r.path("technology").asText().startsWith("mosaic-800g")) {
                assertThat(r.path("afrPerEnd").asDouble()).isCloseTo(perEnd, within(1e-12));
            }
        }
        String table = Cli.run("link").out();
        assertThat(table).contains("AFR per cable (both ends)").contains("AFR per end");
        assertThat(Cli.run("compare", "--preset", "mosaic-800g").out()).contains("AFR/end");
    }

    @Test
    void linkSaysLoudlyWhenTheChannelDoesNotCloseAtItsLength_issue12() throws Exception {
        // the preset's 50 m (the paper's claim) is beyond the modelled reach; the sentence gives the reach on the design's
        // target definition (the array's mean BER), the same the optics study solves
        double reach = json("optics", "--preset", "mosaic-800g", "--format", "json").path("reachMeters").asDouble();
        assertThat(reach).isLessThan(50);
        String table = Cli.run("link").out();
        assertThat(table).containsPattern("WARNING: the channel does not close at 50\\.0 m: BER [0-9.e-]+ \\(nominal channel\\) "
                + "vs target 2\\.40e-4; reach [0-9.]+ m on the array's mean BER");
        assertThat(table).contains("reach " + org.mosaic.studies.Output.meters(reach) + " on the array's mean BER");
        JsonNode j = json("link", "--format", "json");
        assertThat(j.path("channelCloses").asBoolean()).isFalse();
        // inside the reach it closes, and nothing is said
        String inside = "fiber.length=" + Math.floor(0.9 * reach) + "m";
        JsonNode ok = json("link", "--set", inside, "--format", "json");
        assertThat(ok.path("channelCloses").asBoolean()).isTrue();
        assertThat(Cli.run("link", "--set", inside).out()).doesNotContain("does not close");
    }

    /** avicena-like misses its 1e-9 target at every length; its reach was printed as "0.0 m" (a length it closes at). */
    @Test
    void aChannelThatClosesAtNoLengthSaysSoInsteadOfAReachOfZero_issue12() {
        Cli c = Cli.run("compare", "--rate", "800G", "--length", "30m");
        assertThat(c.exit()).as(c.err()).isZero();
        String avicena = c.out().lines().filter(l -> l.startsWith("avicena-like (CPO)")).findFirst().orElseThrow();
        assertThat(avicena).contains("target missed at any length").doesNotContain(" 0.0 m");
        Cli o = Cli.run("optics", "--preset", "avicena-like", "--format", "json");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("target missed at any length").doesNotContain("reach 0.0 m");
        Cli f = Cli.run("fleet", "--cluster", "h100-16k", "--technology", "avicena-like", "--rule", "gpu-leaf=avicena-like");
        assertThat(f.exit()).as(f.err()).isZero();
        assertThat(f.out()).contains("avicena-like", "target missed at any length").doesNotContain("reach 0.0100 m");
    }
}
