package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.core.scenario.Documents;
import org.mosaic.link.LinkSpecs;
import org.mosaic.link.ModelRows;

/** --technology and --catalog through the CLI (issue 13): a user's cable and catalog flow into the fleet by the arithmetic. */
class TechnologyOptionsTest {
    @TempDir
    Path dir;

    private String cable(String file, String... replacements) throws IOException {
        String text;
        try (InputStream in = TechnologyOptionsTest.class.getResourceAsStream("/presets/mosaic-800g.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("name: mosaic-800g", "name: my-cable");
        }
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(text).contains(replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        Path p = dir.resolve(file);
        Files.writeString(p, text);
        return p.toString();
    }

    private static JsonNode fleet(String technology) throws IOException {
        Cli c = Cli.run("fleet", "--preset", "h100-16k", "--policy", "today", "--technology", technology, "--rule", "gpu-leaf=my-cable",
                "--format", "json");
        assertThat(c.exit()).as(c.err()).isZero();
        return new ObjectMapper().readTree(c.out());
    }

    private static long myCableLinks(JsonNode j) {
        return j.path("metrics").path("linksByTechnology").path("my-cable").asLong();
    }

    @Test
    void aCopyOfMosaic800gWithItsPluggableHostInterfaceOneWattLowerLowersTheFleetByTwoWattsPerMosaicLink_issue13() throws IOException {
        JsonNode same = fleet(cable("same.yaml"));
        JsonNode lower = fleet(cable("lower.yaml", "pluggable: 2.4 W", "pluggable: 1.4 W"));
        long links = myCableLinks(same);
        assertThat(links).isPositive();
        assertThat(myCableLinks(lower)).isEqualTo(links);
        assertThat(same.path("interconnectPowerWatts").asDouble() - lower.path("interconnectPowerWatts").asDouble())
                .isCloseTo(2.0 * links, within(1e-6));
        assertThat(same.path("technologyNotes").get(0).asText()).contains("technology my-cable", "--rule TIER=my-cable");
    }

    @Test
    void raisingTheCablesChannelFitRaisesTheFleetsLinkFailuresByTheCableModelsFitChange_issue13() throws IOException {
        String same = cable("same.yaml");
        // 20 spare channels absorb a small raise (k-out-of-n); 3000 FIT per LED exhausts them within the service life
        String worse = cable("worse.yaml", "led: {fit: 0.3125 FIT", "led: {fit: 3000 FIT");
        JsonNode a = fleet(same);
        JsonNode b = fleet(worse);
        long links = myCableLinks(a);
        double fitChange = perEndFit(worse) - perEndFit(same);
        assertThat(fitChange).isPositive();
        double expected = fitChange * 2 * links * 24 / 1e9;
        assertThat(b.path("linkFailuresPerDay").asDouble() - a.path("linkFailuresPerDay").asDouble())
                .isCloseTo(expected, within(1e-9 * expected));
    }

    private static double perEndFit(String file) {
        var spec = LinkSpecs.bind(Documents.load(Documents.Kind.CABLE, file));
        return ModelRows.evaluate("x", spec, "800G", 30).reliability().withSpares().perEndFit();
    }

    @Test
    void aTechnologyNoRuleChoosesIsRefused_issue13() {
        Cli c = Cli.run("fleet", "--preset", "h100-16k", "--technology", "avicena-like");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("avicena-like", "no --rule", "hint: add --rule TIER=avicena-like");
        assertThat(c.noStackTrace()).isTrue();
    }

    @Test
    void aShippedCablePresetIsATechnologyByItsName_issue13() throws IOException {
        Cli c = Cli.run("fleet", "--preset", "h100-16k", "--policy", "today", "--technology", "avicena-like",
                "--rule", "gpu-leaf=avicena-like,aoc-mmf", "--format", "json");
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(c.out());
        assertThat(j.path("metrics").path("linksByTechnology").has("avicena-like")
                || j.path("metrics").path("linksByTechnology").has("aoc-mmf")).isTrue();
    }

    @Test
    void aCableNamedLikeACatalogTechnologyIsRefused_issue13() throws IOException {
        String clash = cable("clash.yaml", "name: my-cable", "name: aoc-mmf");
        Cli c = Cli.run("fleet", "--preset", "h100-16k", "--technology", clash, "--rule", "gpu-leaf=aoc-mmf");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("aoc-mmf", "catalog technology", "hint");
        assertThat(c.noStackTrace()).isTrue();
    }

    @Test
    void aDocumentOfAnotherKindIsRefusedAsATechnology_issue13() {
        Cli c = Cli.run("fleet", "--preset", "h100-16k", "--technology", "mosaic-prototype", "--rule", "gpu-leaf=mosaic-prototype");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("mosaic-prototype");
        assertThat(c.noStackTrace()).isTrue();
    }

    static final String CATALOG = """
            formatVersion: 1
            kind: catalog
            name: my-catalog
            description: "a cheaper AOC"
            technologies:
              - id: aoc-mmf
                name: "AOC (VCSEL, multimode, with DSP)"
                kind: active-optical-cable
                at:
                  800G:
                    reach: {value: 50 m, confidence: published, source: "[nvidia-cable-faq]", refs: [nvidia-cable-faq], note: ""}
                    power: {value: 10 W, confidence: assumed, source: "assumed (Mosaic developers), range 9-12 W", note: ""}
                    fit: {value: 1000, confidence: assumed, source: "assumed (Mosaic developers), range 500-2000", note: ""}
                  1.6T:
                    availability: {status: not-offered, confidence: published, source: "[nvidia-xdr-list]", refs: [nvidia-xdr-list], note: ""}
            """;

    @Test
    void aCatalogFileOverridingAnEntryChangesTheFleetByItsArithmeticAndSaysSo_issue13() throws IOException {
        Path file = dir.resolve("catalog.yaml");
        Files.writeString(file, CATALOG);
        Cli base = Cli.run("fleet", "--preset", "h100-16k", "--policy", "today", "--format", "json");
        Cli mine = Cli.run("fleet", "--preset", "h100-16k", "--policy", "today", "--catalog", file.toString(), "--format", "json");
        assertThat(mine.exit()).as(mine.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(base.out());
        JsonNode b = new ObjectMapper().readTree(mine.out());
        long aocs = a.path("metrics").path("linksByTechnology").path("aoc-mmf").asLong();
        assertThat(aocs).isPositive();
        assertThat(b.path("metrics").path("linksByTechnology").path("aoc-mmf").asLong()).isEqualTo(aocs);
        // 11 W -> 10 W per end: 2 W per AOC link
        assertThat(a.path("interconnectPowerWatts").asDouble() - b.path("interconnectPowerWatts").asDouble())
                .isCloseTo(2.0 * aocs, within(1e-6));
        assertThat(b.path("technologyNotes").get(0).asText()).contains("overrides the shipped technology aoc-mmf");
        Cli table = Cli.run("fleet", "--preset", "h100-16k", "--policy", "today", "--catalog", file.toString());
        assertThat(table.out()).contains("note: --catalog " + file + " overrides the shipped technology aoc-mmf");
    }

    @Test
    void unknownKeysInACatalogFileExit2NamingTheKeyAndTheClosest_issue13() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, CATALOG.replace("    kind: active-optical-cable", "    knd: active-optical-cable")
                .replace("description:", "descripton:"));
        Cli c = Cli.run("fleet", "--preset", "h100-16k", "--catalog", file.toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("descripton", "did you mean description?", "knd", "did you mean kind?");
        assertThat(c.noStackTrace()).isTrue();
    }

    @Test
    void aCatalogFileOfAnotherKindIsRefused_issue13() throws IOException {
        Path file = dir.resolve("cable.yaml");
        Files.writeString(file, cable("x.yaml").isEmpty() ? "" : Files.readString(Path.of(cable("x.yaml"))));
        Cli c = Cli.run("fleet", "--preset", "h100-16k", "--catalog", file.toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("catalog");
        assertThat(c.noStackTrace()).isTrue();
    }

    @Test
    void goodputCountsAUserCablesFailuresByItsFitOnTheLinksItsRuleGivesIt_issue13() throws IOException {
        // Since issue 15 the 800G design reaches 18.7 m (10.9 m before), so the copied cable takes only the gpu-leaf links within its reach
        // and the AOC (the rule's fallback) the rest. Every gpu-leaf link is still counted once: links(mine) + links(aoc)
        // equals the tier's links, each technology's share an integer number of links at its own FIT per end.
        String mine = cable("mine.yaml");
        String[] job = {"goodput", "--gpus", "1024", "--days", "2", "--trials", "4", "--policy", "today", "--format", "json"};
        Cli base = Cli.run(job);
        Cli withCable = Cli.run(concat(job, "--technology", mine, "--rule", "gpu-leaf=my-cable,aoc-mmf"));
        assertThat(withCable.exit()).as(withCable.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(base.out());
        JsonNode b = new ObjectMapper().readTree(withCable.out());
        double aocFit = org.mosaic.link.baseline.BaselineCatalog.standard().entry("aoc-mmf",
                org.mosaic.link.baseline.BaselineCatalog.standard().generation("800G")).fit().value();
        double perLinkDay = 2 * 24 / 1e9;   // two ends, 24 h, FIT per 10⁹ h
        // today: every gpu-leaf link is an AOC
        double tierLinks = a.path("expectedLinkFailuresPerDayByTier").path("gpu-leaf").asDouble() / (aocFit * perLinkDay);
        assertThat(tierLinks).isCloseTo(Math.rint(tierLinks), within(1e-6)).isGreaterThan(0);
        double mineLinks = b.path("expectedLinkFailuresPerDayByTechnology").path("my-cable").asDouble() / (perEndFit(mine) * perLinkDay);
        assertThat(mineLinks).as("links on the user's cable").isCloseTo(Math.rint(mineLinks), within(1e-6)).isGreaterThan(0)
                .isLessThanOrEqualTo(tierLinks);
        // the gpu-leaf tier is the user's cable on its links and the AOC on the rest
        double expectedTier = (mineLinks * perEndFit(mine) + (tierLinks - mineLinks) * aocFit) * perLinkDay;
        assertThat(b.path("expectedLinkFailuresPerDayByTier").path("gpu-leaf").asDouble()).isCloseTo(expectedTier, within(1e-12));
        assertThat(b.path("technologyNotes").get(0).asText()).contains("my-cable");
    }

    @Test
    void goodputRefusesAPolicyThatLeavesLinksBeyondEveryReachUncounted_regression() throws IOException {
        // before: the gpu-leaf links beyond the copied cable's 10.9 m had no technology and silently no failures. The copy
        // keeps the 10 um emitter the 800G preset had then (10.9 m): with the prototype's 5 um one it reaches 18.7 m
        Cli c = Cli.run("goodput", "--gpus", "1024", "--days", "2", "--trials", "4", "--policy", "today", "--technology",
                cable("mine.yaml", "  emitterDiameter: 5 um", "  emitterDiameter: 10 um"), "--rule", "gpu-leaf=my-cable");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("--policy today", "unserved", "hint: give the tier a fallback");
        assertThat(c.noStackTrace()).isTrue();
    }

    @Test
    void trainTakesTheTechnologyAndItsRuleIntoThePolicy_issue13() throws IOException {
        Cli c = Cli.run("train", "--model", "gpt3-175b", "--gpu", "a100-80g", "--gpus", "64", "--tp", "8", "--pp", "8", "--global-batch", "64",
                "--technology", cable("mine.yaml"), "--rule", "gpu-leaf=my-cable", "--format", "json");
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(c.out());
        assertThat(j.path("system").asText()).contains("today+rules");
        assertThat(j.path("technologyNotes").get(0).asText()).contains("my-cable");
        Cli bad = Cli.run("train", "--technology", cable("mine.yaml"), "--rule", "gpu-leaf=my-cabel");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--technology", "my-cable", "no --rule");
        assertThat(bad.noStackTrace()).isTrue();
    }

    @Test
    void aRuleNamingAnUnknownTechnologyIsRefusedWithTheClosestId_issue13() throws IOException {
        Cli c = Cli.run("goodput", "--technology", cable("mine.yaml"), "--rule", "gpu-leaf=my-cable,aoc-mm");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("aoc-mm", "aoc-mmf");
        assertThat(c.noStackTrace()).isTrue();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
