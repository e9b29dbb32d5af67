package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mosaic.cli.TrainCommandTest.json;
import static org.mosaic.cli.TrainCommandTest.usageError;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mosaic.cluster.training.Models;
import org.mosaic.cluster.training.goodput.CampaignDocument;
import org.mosaic.core.scenario.Documents;

/**
 * Issue 13 through the CLI: transformer models ({@code train --model FILE|NAME}) and goodput campaigns
 * ({@code goodput --campaign FILE|NAME}) are documents. A preset written to a file answers as its name; unknown keys at any
 * depth are refused with the closest key; all overrides are applied, then the document is checked once, so their order never
 * matters; a flag and a --set of the same key are refused; a flag and the --set it stands for give the same answer.
 */
class ModelAndCampaignDocumentsTest {
    @TempDir
    Path dir;

    /** A small fixed plan every model preset can be evaluated under (or refused the same way): no search, a second or less. */
    private static final String[] PLAN = {"--cluster", "nvl72-rack", "--gpus", "64", "--tp", "8", "--pp", "8", "--recompute", "full",
            "--global-batch", "64", "--format", "json"};
    private static final String[] SMALL_CAMPAIGN = {"--trials", "4", "--days", "5", "--format", "json"};

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String[] args(String[] head, String... tail) {
        List<String> a = new ArrayList<>(List.of(head));
        a.addAll(List.of(tail));
        return a.toArray(String[]::new);
    }

    @Test
    void aModelPresetWrittenToAFileGivesTheSameAnswerAsItsName_issue13() throws IOException {
        int answered = 0;
        for (String name : Models.names()) {
            Path file = write(name + ".yaml", Documents.preset(Documents.Kind.MODEL, name).toYaml());
            Cli byName = Cli.run(args(new String[] {"train", "--model", name}, PLAN));
            Cli byFile = Cli.run(args(new String[] {"train", "--model", file.toString()}, PLAN));
            assertThat(byFile).as(name).isEqualTo(byName);
            answered += byName.exit() == 0 ? 1 : 0;
        }
        assertThat(answered).as("presets that fit the small plan, so the comparison covers whole answers").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCampaignPresetWrittenToAFileGivesTheSameAnswerAsItsName_issue13() throws IOException {
        for (String name : CampaignDocument.names()) {
            Path file = write(name + ".yaml", Documents.preset(Documents.Kind.CAMPAIGN, name).toYaml());
            Cli byName = Cli.run(args(new String[] {"goodput", "--campaign", name}, SMALL_CAMPAIGN));
            Cli byFile = Cli.run(args(new String[] {"goodput", "--campaign", file.toString()}, SMALL_CAMPAIGN));
            assertThat(byName.exit()).as(byName.err()).isZero();
            assertThat(byFile).as(name).isEqualTo(byName);
        }
        // and the default is that preset
        assertThat(Cli.run(args(new String[] {"goodput"}, SMALL_CAMPAIGN)).out())
                .isEqualTo(Cli.run(args(new String[] {"goodput", "--campaign", CampaignDocument.DEFAULT}, SMALL_CAMPAIGN)).out());
    }

    @Test
    void unknownKeysInAModelFileAreRefusedWithTheClosestKey_issue13() throws IOException {
        String gpt = Documents.preset(Documents.Kind.MODEL, "gpt3-175b").toYaml();
        Path top = write("top.yaml", gpt + "layerz: 3\n");
        usageError(args(new String[] {"train", "--model", top.toString()}, PLAN), "layerz", "did you mean layers?");
        Path nested = write("nested.yaml", gpt + "moe:\n  experts: 8\n  topK: 2\n");
        usageError(args(new String[] {"train", "--model", nested.toString()}, PLAN), "moe", "unknown section");
        Path value = write("value.yaml", gpt.replace("layers: 96", "layers: many"));
        usageError(args(new String[] {"train", "--model", value.toString()}, PLAN), "layers", "many", "whole number");
        Path kind = write("kind.yaml", Documents.preset(Documents.Kind.CAMPAIGN, "llama3-54d").toYaml());
        usageError(args(new String[] {"train", "--model", kind.toString()}, PLAN), "campaign", "model document");
        usageError(args(new String[] {"train", "--model", "gpt3-175"}, PLAN), "gpt3-175", "did you mean gpt3-175b?");
    }

    @Test
    void unknownKeysInACampaignAreRefusedWithTheClosestKey_issue13() throws IOException {
        String llama = Documents.preset(Documents.Kind.CAMPAIGN, "llama3-54d").toYaml();
        Path top = write("top.yaml", llama + "dayz: 5\n");
        usageError(args(new String[] {"goodput", "--campaign", top.toString()}, SMALL_CAMPAIGN), "dayz", "did you mean days?");
        Path nested = write("nested.yaml", llama.replace("restart: \"5 min\"", "restart: \"5 min\"\n  resart: \"6 min\""));
        usageError(args(new String[] {"goodput", "--campaign", nested.toString()}, SMALL_CAMPAIGN), "checkpoint.resart",
                "did you mean checkpoint.restart?");
        usageError(args(new String[] {"goodput", "--set", "campaign.causes.nic.cont=3"}, SMALL_CAMPAIGN), "campaign.causes.nic.cont",
                "did you mean campaign.causes.nic.count?");
        usageError(args(new String[] {"goodput", "--set", "campaign.detection.hang=-1s"}, SMALL_CAMPAIGN), "campaign.detection.hang",
                "-1s", "out of range");
        usageError(args(new String[] {"goodput", "--set", "detection.hang=1s"}, SMALL_CAMPAIGN), "detection.hang", "campaign.KEY");
        usageError(args(new String[] {"goodput", "--campaign", "llama3"}, SMALL_CAMPAIGN), "llama3", "llama3-54d");
    }

    @Test
    void setOrderNeverChangesTheAnswer_issue13() {
        // every permutation of a valid set of model overrides gives identical JSON
        List<List<String>> perms = List.of(
                List.of("model.layers=48", "model.hidden=8192", "model.heads=64"), List.of("model.layers=48", "model.heads=64", "model.hidden=8192"),
                List.of("model.hidden=8192", "model.layers=48", "model.heads=64"), List.of("model.hidden=8192", "model.heads=64", "model.layers=48"),
                List.of("model.heads=64", "model.layers=48", "model.hidden=8192"), List.of("model.heads=64", "model.hidden=8192", "model.layers=48"));
        String first = null;
        for (List<String> p : perms) {
            List<String> a = new ArrayList<>(List.of("train", "--model", "gpt3-175b"));
            p.forEach(s -> a.addAll(List.of("--set", s)));
            a.addAll(List.of(PLAN));
            JsonNode j = json(Cli.run(a.toArray(String[]::new)));
            assertThat(j.path("model").asText()).isEqualTo("gpt3-175b*");
            first = first == null ? j.toString() : first;
            assertThat(j.toString()).as(p.toString()).isEqualTo(first);
        }
        // a campaign with a new cause (its keys created in either order) and a changed detection
        String[] a = {"--set", "campaign.causes.cosmic.name=Cosmic rays", "--set", "campaign.causes.cosmic.category=GPU",
            "--set", "campaign.causes.cosmic.count=20", "--set", "campaign.causes.cosmic.detection=hang", "--set", "campaign.causes.cosmic.replace=false",
            "--set", "campaign.detection.hang=5 min"};
        String[] b = {"--set", "campaign.detection.hang=5 min", "--set", "campaign.causes.cosmic.replace=false",
            "--set", "campaign.causes.cosmic.detection=hang", "--set", "campaign.causes.cosmic.count=20", "--set", "campaign.causes.cosmic.category=GPU",
            "--set", "campaign.causes.cosmic.name=Cosmic rays"};
        JsonNode ja = json(Cli.run(args(args(new String[] {"goodput"}, a), SMALL_CAMPAIGN)));
        assertThat(ja.path("interruptionsPerDay").path("byCause").has("Cosmic rays")).isTrue();
        assertThat(json(Cli.run(args(args(new String[] {"goodput"}, b), SMALL_CAMPAIGN)))).isEqualTo(ja);
    }

    @Test
    void aFlagAndTheKeyItSetsAreOneMeaning_issue13() {
        String[] base = {"goodput", "--trials", "4", "--format", "json"};
        assertThat(json(Cli.run(args(base, "--days", "5", "--checkpoint-save", "60 s", "--restart", "10 min", "--interval", "young",
                "--no-hot-spares", "--no-planned"))))
                .isEqualTo(json(Cli.run(args(base, "--set", "campaign.days=5", "--set", "campaign.checkpoint.save=60 s",
                        "--set", "campaign.checkpoint.restart=10 min", "--set", "campaign.checkpoint.interval=young",
                        "--set", "campaign.hotSpares=false", "--set", "campaign.planned=false"))));
        usageError(args(base, "--days", "5", "--set", "campaign.days=6"), "--days 5", "campaign.days=6", "expected one of them");
        usageError(args(base, "--no-hot-spares", "--set", "campaign.hotSpares=true"), "--hot-spares false", "campaign.hotSpares=true");
        usageError(args(base, "--set", "campaign.days=5", "--set", "campaign.days=6"), "campaign.days", "twice");
        // --seq-len is model.seq
        assertThat(json(Cli.run(args(new String[] {"train", "--model", "gpt3-175b", "--seq-len", "1024"}, PLAN))))
                .isEqualTo(json(Cli.run(args(new String[] {"train", "--model", "gpt3-175b", "--set", "model.seq=1024"}, PLAN))));
    }

    @Test
    void aUsersCausesChangeTheAnswerByTheArithmetic_issue13() {
        JsonNode base = json(Cli.run(args(new String[] {"goodput"}, SMALL_CAMPAIGN)));
        JsonNode more = json(Cli.run(args(new String[] {"goodput", "--set", "campaign.causes.faulty-gpu.count=296"}, SMALL_CAMPAIGN)));
        double gpus = base.path("gpus").asDouble();
        // 148 more faulty GPUs in the observed 54 d on 16,384 GPUs: the job's unplanned rate grows by 148 / 21,233,664 per GPU-hour
        double rate = 1 / base.path("mtbiHours").asDouble() + 148 / (54.0 * 24 * 16_384) * gpus;
        assertThat(more.path("mtbiHours").asDouble()).isCloseTo(1 / rate, within(1e-12));
        // a longer hang detection is honoured: NIC, NCCL, SDC and the network wait longer, so less effective time (same failures)
        JsonNode slow = json(Cli.run(args(new String[] {"goodput", "--set", "campaign.detection.hang=1 h"}, SMALL_CAMPAIGN)));
        assertThat(slow.path("ettr").path("mean").asDouble()).isLessThan(base.path("ettr").path("mean").asDouble());
    }
}
