package org.mosaic.cli.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Example;

/**
 * {@code mosaic evaluate} is slow (the whole report), so no fuzz loop: targeted bad inputs, each of which must be
 * refused before the work starts.
 */
class EvaluateFuzzTest {
    static final Path DIR = Fuzz.tempDir();

    @Example
    void unknownSetKeyIsRefusedBeforeTheWork() {
        Fuzz.refused(Fuzz.runIsolated(20, "evaluate", "--out", DIR.resolve("r1").toString(), "--set", "foo.bar=1"), "foo.bar");
    }

    @Example
    void outThatIsAFileIsRefused() throws IOException {
        Path f = Files.writeString(DIR.resolve("afile"), "x");
        Fuzz.refused(Fuzz.run("evaluate", "--out", f.toString()), f.toString());
    }

    @Example
    void outInAMissingDirectoryIsRefused() {
        Fuzz.refused(Fuzz.run("evaluate", "--out", DIR.resolve("no/such/r").toString()), DIR.resolve("no/such/r").toString());
    }

    @Example
    void outOverAnotherDirectoryIsRefused() throws IOException {
        Path d = Files.createDirectories(DIR.resolve("mine"));
        Files.writeString(d.resolve("thesis.tex"), "precious");
        Fuzz.refused(Fuzz.run("evaluate", "--out", d.toString()), d.toString());
    }

    @Example
    void unknownPresetIsRefused() {
        Fuzz.refused(Fuzz.run("evaluate", "--out", DIR.resolve("r2").toString(), "--preset", "mosaic-9000"), "mosaic-9000");
    }

    @Example
    void missingScenarioIsRefused() {
        Fuzz.refused(Fuzz.run("evaluate", "--out", DIR.resolve("r3").toString(), "--scenario", DIR.resolve("none.yaml").toString()),
                "none.yaml");
    }

    @Example
    void misspeltOptionIsRefused() {
        Fuzz.refused(Fuzz.run("evaluate", "--ot", DIR.resolve("r4").toString()), "--ot", "--out");
    }

    @Example
    void malformedScenarioIsRefused() throws IOException {
        Path f = Files.writeString(DIR.resolve("bad.yaml"), "formatVersion: 1\nfiber: [\n");
        Fuzz.refused(Fuzz.run("evaluate", "--out", DIR.resolve("r5").toString(), "--scenario", f.toString()), "bad.yaml");
    }
}
