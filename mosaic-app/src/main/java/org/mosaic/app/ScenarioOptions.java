package org.mosaic.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mosaic.core.scenario.ScenarioDocument;
import picocli.CommandLine.Option;

/** Where the scenario comes from: {@code --preset NAME} or {@code --scenario FILE}, then {@code --set k=v} overrides. */
public final class ScenarioOptions {
    @Option(names = "--preset", paramLabel = "NAME",
            description = "A shipped scenario: ${COMPLETION-CANDIDATES}. Default: the first one.",
            completionCandidates = PresetNames.class)
    String preset;

    @Option(names = "--scenario", paramLabel = "FILE", description = "A scenario file (YAML or JSON).")
    Path scenario;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one value by its dotted path, e.g. --set fiber.length=30m (repeatable).")
    List<String> sets = new ArrayList<>();

    /** Names of the shipped presets, for the help text. */
    static final class PresetNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        PresetNames() {
            super(ScenarioDocument.presetNames());
        }
    }

    /** Whether the user chose a scenario (otherwise a command may use its own default). */
    public boolean given() {
        return preset != null || scenario != null;
    }

    /** The document with every {@code --set} applied; {@code defaultPreset} when neither flag is given. */
    public ScenarioDocument load(String defaultPreset) {
        if (preset != null && scenario != null) {
            throw new UsageException("--preset " + preset + " and --scenario " + scenario
                    + " were both given: expected one of them (hint: apply changes to a preset with --set KEY=VALUE)");
        }
        ScenarioDocument doc = scenario != null ? ScenarioDocument.file(scenario)
                : ScenarioDocument.preset(preset != null ? preset : defaultPreset);
        return apply(doc);
    }

    /** Applies the {@code --set} overrides to {@code doc}. */
    public ScenarioDocument apply(ScenarioDocument doc) {
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--set \"" + s + "\": expected KEY=VALUE with a dotted key, e.g. --set fiber.length=30m");
            }
            doc = doc.with(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        return doc;
    }

    /** The first shipped preset, the default scenario of the commands. */
    public static String defaultPreset() {
        List<String> names = ScenarioDocument.presetNames();
        if (names.isEmpty()) {
            throw new IllegalStateException("no presets in this build (presets/index.txt missing)");
        }
        return names.get(0);
    }
}
