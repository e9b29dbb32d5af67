package org.mosaic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: {@code --set} addresses any value of any document train and goodput use, with one meaning everywhere — the
 * cluster document's own paths (as fleet spells them), {@code system.KEY}, {@code gpu.KEY}, {@code model.KEY},
 * {@code campaign.KEY} — and a key of a document the run does not use is refused naming it and why. Each override must
 * give exactly the answer of the same document written to a file with that value edited.
 */
class TrainSetTest {
    @TempDir
    Path dir;

    /** A small model on 64 GPUs of h100-16k: a fixed plan, seconds to evaluate. */
    static final String[] SMALL = {"train", "--model", "custom", "--set", "model.layers=24", "--set", "model.hidden=2048", "--set",
            "model.heads=16", "--set", "model.vocab=51200", "--set", "model.seq=2048", "--cluster", "h100-16k", "--gpus", "64", "--tp", "8",
            "--pp", "1", "--format", "json"};
    /** Megatron Table 5's GPT-3 175B on 64 GPUs of selene, a short batch. */
    static final String[] SELENE = {"train", "--system", "selene", "--gpus", "64", "--model", "gpt3-175b", "--tp", "8", "--pp", "8",
            "--global-batch", "64", "--format", "json"};

    private static String[] with(String[] base, String... more) {
        List<String> a = new ArrayList<>(Arrays.asList(base));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** {@code base} with the argument {@code old} replaced by {@code now}. */
    private static String[] replaced(String[] base, String old, String now) {
        List<String> a = new ArrayList<>(Arrays.asList(base));
        a.set(a.indexOf(old), now);
        return a.toArray(String[]::new);
    }

    private static String ok(String... args) {
        Cli c = Cli.run(args);
        assertThat(c.exit()).as(String.join(" ", args) + "\n" + c.err()).isZero();
        return c.out();
    }

    private static Cli refused(String[] args, String... fragments) {
        Cli c = Cli.run(args);
        assertThat(c.exit()).as(c.err()).isEqualTo(2);
        assertThat(c.err()).contains(fragments).doesNotContain("Exception", "\tat ");
        return c;
    }

    /** {@code presets show NAME} written to a file with {@code from} replaced by {@code to} (each must occur). */
    private Path edited(String name, String... fromTo) throws IOException {
        String text = ok("presets", "show", name);
        for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(text).contains(fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        Path f = dir.resolve(name + "-" + Math.abs(String.join(",", fromTo).hashCode()) + ".yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void trainSetOfAClusterPathEqualsTheClusterFileEdited_issue13() throws IOException {
        String dflt = ok(SMALL);
        String set = ok(with(SMALL, "--set", "fabric.portRate=800 Gb/s", "--set", "fabric.lanesPerPort=8"));
        Path file = edited("h100-16k", "portRate: 400 Gb/s", "portRate: 800 Gb/s", "lanesPerPort: 4", "lanesPerPort: 8");
        String[] fromFile = replaced(SMALL, "h100-16k", file.toString());
        assertThat(set).isNotEqualTo(dflt).isEqualTo(ok(fromFile));

        String domain = ok(with(SMALL, "--set", "scaleUp.gpus=4"));
        assertThat(domain).isNotEqualTo(dflt).contains("\"scaleUpGpus\" : 4")
                .isEqualTo(ok(replaced(SMALL, "h100-16k", edited("h100-16k", "  gpus: 8\n", "  gpus: 4\n").toString())));
    }

    @Test
    void aClusterPathMeansTheSameInTrainAsInFleet_issue13() {
        // the same document, the same check: radix 32 cannot hold h100-16k's 16,384 GPUs in either command, and both name why
        Cli fleet = refused(new String[] {"fleet", "--cluster", "h100-16k", "--set", "fabric.radix=32"}, "8192 GPUs");
        Cli train = refused(with(SMALL, "--set", "fabric.radix=32"), "8192 GPUs");
        assertThat(problems(train.err())).isEqualTo(problems(fleet.err()));
        // and with the GPUs the radix holds, both accept it
        ok("fleet", "--cluster", "h100-16k", "--set", "fabric.radix=32", "--set", "gpus=8192", "--format", "json");
        ok(with(SMALL, "--set", "fabric.radix=32", "--set", "gpus=8192"));
    }

    /** The problem lines of a refusal, without the first line (which names the document's source as each command shows it). */
    private static String problems(String err) {
        return err.substring(err.indexOf('\n') + 1);
    }

    @Test
    void trainSystemSetEqualsAnEditedCopyOfSelene_issue13() throws IOException {
        String dflt = ok(SELENE);
        String set = ok(with(SELENE, "--set", "system.scaleUp.efficiency=0.6"));
        Path copy = edited("selene", "efficiency: 0.65\n", "efficiency: 0.6\n");
        List<String> a = new ArrayList<>(Arrays.asList(SELENE));
        a.set(a.indexOf("selene"), copy.toString());
        assertThat(set).isNotEqualTo(dflt).isEqualTo(ok(a.toArray(String[]::new)));
    }

    @Test
    void gpuSetEqualsAnEditedGpuFile_issue13() throws IOException {
        Path gpu = edited("h100-sxm", "capacity: \"80 GB\"", "capacity: \"60 GB\"");
        String dflt = ok(SMALL);
        String set = ok(with(SMALL, "--set", "gpu.hbm.capacity=60 GB"));
        assertThat(set).isNotEqualTo(dflt).isEqualTo(ok(with(SMALL, "--gpu", gpu.toString())))
                // with --gpu, gpu.KEY edits the --gpu document
                .isEqualTo(ok(with(SMALL, "--gpu", "h100-sxm", "--set", "gpu.hbm.capacity=60 GB")));
        // on a system, gpu.KEY edits the system's own GPU (a100-80g for selene): the same as --gpu with the edited file,
        // the note aside (it says where the GPU came from)
        Path a100 = edited("a100-80g", "capacity: \"80 GB\"", "capacity: \"70 GB\"");
        String sys = ok(with(SELENE, "--set", "gpu.hbm.capacity=70 GB"));
        assertThat(sys).isNotEqualTo(ok(SELENE)).contains("\"capacityBytes\" : 7.0E10");
        assertThat(sys.replaceAll("\"scaleUpNote\" : \"[^\"]*\"", ""))
                .isEqualTo(ok(with(SELENE, "--gpu", a100.toString())).replaceAll("\"scaleUpNote\" : \"[^\"]*\"", ""));
    }

    @Test
    void aKeyOfADocumentTheRunDoesNotUseIsRefused_issue13() {
        refused(with(SMALL, "--set", "system.scaleUp.efficiency=0.65"), "system.scaleUp.efficiency", "no --system");
        refused(with(SELENE, "--set", "fabric.radix=32"), "fabric.radix", "--system selene replaces the cluster");
        refused(with(SELENE, "--set", "gpus=128"), "gpus=128", "replaces the cluster");
        refused(with(SMALL, "--set", "campaign.days=3"), "campaign.days", "goodput's");
        refused(new String[] {"goodput", "--set", "model.layers=3"}, "model.layers", "no training step");
        refused(new String[] {"goodput", "--set", "system.gpusPerNode=4"}, "system.gpusPerNode", "training system");
        refused(new String[] {"goodput", "--set", "gpu.hbm.capacity=40 GB"}, "gpu.hbm.capacity", "no GPU document");
        // a key --gpu would silently replace
        refused(with(SMALL, "--gpu", "b200", "--set", "gpu=h100-sxm"), "--set gpu", "--gpu b200", "change nothing");
        refused(with(SELENE, "--gpu", "b200", "--set", "system.gpu=h100-sxm"), "system.gpu", "--gpu b200", "change nothing");
        // a document is not a value
        refused(with(SELENE, "--set", "system=selene"), "system=selene", "not a value", "system.KEY");
        // every refusal at once
        refused(with(SMALL, "--set", "system.gpusPerNode=4", "--set", "campaign.days=3"), "2 problems", "system.gpusPerNode", "campaign.days");
    }

    @Test
    void gpuKeysEditTheGpuTheClusterHoldsAfterItsOwnSet_issue13() throws IOException {
        // gpu=NAME stays the cluster's key; gpu.KEY then edits that GPU, whatever the order
        Path b200 = edited("b200", "capacity: \"180 GB\"", "capacity: \"150 GB\"");
        String viaFile = ok(with(SMALL, "--gpu", b200.toString()));
        assertThat(ok(with(SMALL, "--set", "gpu=b200", "--set", "gpu.hbm.capacity=150 GB"))).isEqualTo(viaFile)
                .isEqualTo(ok(with(SMALL, "--set", "gpu.hbm.capacity=150 GB", "--set", "gpu=b200")))
                .isNotEqualTo(ok(with(SMALL, "--set", "gpu=b200")));
    }

    @Test
    void aClusterAnEditMadeUnusableIsReportedAgainstTheEdit_issue13() {
        // 4 x 25 Gb/s lanes: no host generation runs them; the message names the --set, not only --gpus
        refused(with(SMALL, "--set", "fabric.portRate=100 Gb/s"), "--set fabric.portRate=100 Gb/s", "25 Gb/s lanes");
    }

    @Test
    void anUnknownClusterPathIsRefusedWithTheClosestKeyAndTheOtherDocuments_issue13() {
        refused(with(SMALL, "--set", "fabrc.radix=32"), "fabrc.radix", "did you mean fabric.radix", "model.KEY");
        refused(new String[] {"goodput", "--set", "fabric.radx=32"}, "fabric.radx", "did you mean fabric.radix", "campaign.KEY");
        refused(with(SELENE, "--set", "system.scaleUp.eficiency=0.65"), "system.scaleUp.eficiency", "system.scaleUp.efficiency");
        refused(with(SMALL, "--set", "gpu.hbm.capacty=60 GB"), "gpu.hbm.capacty", "gpu.hbm.capacity");
    }

    @Test
    void goodputSetOfAClusterPathEqualsTheClusterFileEdited_issue13() throws IOException {
        String[] base = {"goodput", "--cluster", "h100-16k", "--gpus", "1024", "--days", "2", "--trials", "4", "--seed", "5",
                "--format", "json"};
        String dflt = ok(base);
        String set = ok(with(base, "--set", "scaleUp.gpus=4"));
        Path file = edited("h100-16k", "  gpus: 8\n", "  gpus: 4\n");
        List<String> a = new ArrayList<>(Arrays.asList(base));
        a.set(a.indexOf("h100-16k"), file.toString());
        assertThat(set).isNotEqualTo(dflt).isEqualTo(ok(a.toArray(String[]::new)));
    }
}
