package org.mosaic.cli.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.mosaic.cli.fuzz.Fuzz.Run;

/** Fuzz of {@code mosaic optics fit}: malformed measurement files, unknown free parameters, bad --set. */
class FitFuzzTest {
    static final Path DIR = Fuzz.tempDir();
    static final Set<String> KEYS = Fuzz.presetKeys(OpticsFuzzTest.PRESET);
    static final String GOOD = "length,rate,ber\n20 m,2 Gb/s,1.5e-8\n30 m,2 Gb/s,4e-6\n40 m,2 Gb/s,2e-4\n";

    static Path csv(String text) {
        try {
            Path f = Files.createTempFile(DIR, "lab", ".csv");
            Files.writeString(f, text, StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Property(tries = 12, seed = "1211", shrinking = ShrinkingMode.OFF)
    void malformedMeasurementsAreRefused(@ForAll("badRows") String row) {
        Path f = csv(GOOD + row + "\n");
        Run r = Fuzz.run("optics", "fit", "--format", "json", "--measured", f.toString(), "--free", "led.averagePower");
        Fuzz.refused(r, row.isBlank() ? f.getFileName().toString() : row.split(",")[0].strip(), f.getFileName().toString(), "line 5", "row 4");
    }

    @Provide
    Arbitrary<String> badRows() {
        return Arbitraries.of("20,2,1e-8", "20 m,2,1e-8", "20 m,2 Gb/s,1.5", "20 m,2 Gb/s,-1e-8", "20 m,2 Gb/s,NaN", "20 m,2 Gb/s",
                "-20 m,2 Gb/s,1e-8", "20 m,-2 Gb/s,1e-8", "20 kg,2 Gb/s,1e-8", "20 m,2 Gb/s,1e-8,extra", "x,y,z", "1e999 m,2 Gb/s,1e-8",
                "20 m,2 Gb/s,0");
    }

    @Property(tries = 9, seed = "1212", shrinking = ShrinkingMode.OFF)
    void unknownFreeParameterIsRefusedNamingIt(@ForAll("unknownKeys") String key) {
        Run r = Fuzz.run("optics", "fit", "--format", "json", "--measured", csv(GOOD).toString(), "--free", key);
        Fuzz.refused(r, key);
    }

    @Provide
    Arbitrary<String> unknownKeys() {
        return Arbitraries.oneOf(Fuzz.unknownKey(KEYS), Fuzz.misspelling(KEYS));
    }

    @Property(tries = 6, seed = "1213", shrinking = ShrinkingMode.OFF)
    void unknownSetKeyIsRefused(@ForAll("unknownKeys") String key) {
        Run r = Fuzz.run("optics", "fit", "--format", "json", "--measured", csv(GOOD).toString(), "--free", "led.averagePower",
                "--set", key + "=1 m");
        Fuzz.refused(r, key, key.substring(key.lastIndexOf('.') + 1));
    }

    @Property(tries = 5, seed = "1214", shrinking = ShrinkingMode.OFF)
    void misspeltOptionIsRefusedNamingIt(@ForAll("options") String option) {
        Fuzz.refused(Fuzz.run("optics", "fit", option, "x"), option);
    }

    @Provide
    Arbitrary<String> options() {
        return Fuzz.misspelling(Fuzz.optionNames("optics", "fit"));
    }

    @Example
    void missingEmptyOrDirectoryMeasurementsAreRefused() {
        Fuzz.refused(Fuzz.run("optics", "fit", "--measured", DIR.resolve("none.csv").toString(), "--free", "led.averagePower"), "none.csv");
        Fuzz.refused(Fuzz.run("optics", "fit", "--measured", csv("").toString(), "--free", "led.averagePower"), "empty", "no ", ".csv");
        Fuzz.refused(Fuzz.run("optics", "fit", "--measured", DIR.toString(), "--free", "led.averagePower"), DIR.getFileName().toString());
    }

    @Example
    void sameFreeParameterTwiceIsRefusedOrHonoured() {
        Run r = Fuzz.run("optics", "fit", "--format", "json", "--measured", csv(GOOD).toString(), "--free", "led.averagePower,led.averagePower");
        Fuzz.refused(r, "led.averagePower");
    }
}
