package org.mosaic.cli.fuzz;

import java.util.LinkedHashSet;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.mosaic.cli.fuzz.Fuzz.Run;
import org.mosaic.core.scenario.Documents;

/**
 * Fuzz of {@code mosaic presets} (issue 13): a misspelt kind, a misspelt preset name, a misspelt --kind, each refused
 * (exit 2) naming what was typed, nothing on stdout, no stack trace. Nothing is computed, so the tries are fast.
 */
class PresetsFuzzTest {
    static final Set<String> KINDS = kinds();
    static final Set<String> NAMES = names();

    @Property(tries = 10, seed = "1301", shrinking = ShrinkingMode.OFF)
    void aMisspeltKindIsRefusedNamingIt(@ForAll("misspeltKinds") String kind) {
        Run r = Fuzz.run("presets", kind);
        Fuzz.refused(r, "\"" + kind + "\"");
    }

    @Property(tries = 10, seed = "1302", shrinking = ShrinkingMode.OFF)
    void aMisspeltPresetNameIsRefusedNamingIt(@ForAll("misspeltNames") String name) {
        Run r = Fuzz.run("presets", "show", name);
        Fuzz.refused(r, "\"" + name + "\"");
    }

    @Property(tries = 6, seed = "1303", shrinking = ShrinkingMode.OFF)
    void aMisspeltKindOptionIsRefusedNamingIt(@ForAll("misspeltKinds") String kind) {
        Run r = Fuzz.run("presets", "show", "mosaic-800g", "--kind", kind);
        Fuzz.refused(r, "\"" + kind + "\"");
    }

    @Provide
    Arbitrary<String> misspeltKinds() {
        return Fuzz.misspelling(KINDS).filter(s -> !s.startsWith("-"));
    }

    @Provide
    Arbitrary<String> misspeltNames() {
        return Fuzz.misspelling(NAMES).filter(s -> !s.startsWith("-") && !Documents.isFile(s));
    }

    private static Set<String> kinds() {
        Set<String> out = new LinkedHashSet<>();
        for (Documents.Kind k : Documents.Kind.values()) {
            out.add(k.id());
        }
        return out;
    }

    private static Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        for (Documents.Kind k : Documents.Kind.values()) {
            out.addAll(Documents.names(k));
        }
        return out;
    }
}
