package org.mosaic.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mosaic.core.scenario.ScenarioDocument;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the scenario comes from: {@code --preset NAME} or {@code --scenario FILE}, then {@code --set k=v} overrides. */
public final class ScenarioOptions {
    /** The preset of the channel commands when none is given; cable commands name theirs through {@link CablePresetDefault}. */
    public static final String DEFAULT_PRESET = "mosaic-prototype";

    // the default shown in the help is the one the code uses: this constant, or the command's default provider's
    @Option(names = "--preset", paramLabel = "NAME", defaultValue = DEFAULT_PRESET,
            description = "A shipped scenario: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = PresetNames.class)
    String preset;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

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
        return presetGiven() || scenario != null;
    }

    /** Whether --preset was on the command line (not only its default). */
    boolean presetGiven() {
        if (mixee == null || mixee.commandLine() == null || mixee.commandLine().getParseResult() == null) {
            return preset != null && !preset.equals(DEFAULT_PRESET);
        }
        return mixee.commandLine().getParseResult().hasMatchedOption("--preset");
    }

    /** The document with every {@code --set} applied; the --preset default when neither flag is given. */
    public ScenarioDocument load() {
        return load(preset != null ? preset : DEFAULT_PRESET);
    }

    /** The document with every {@code --set} applied; {@code defaultPreset} when neither flag is given. */
    public ScenarioDocument load(String defaultPreset) {
        if (presetGiven() && scenario != null) {
            throw new UsageException("--preset " + preset + " and --scenario " + scenario
                    + " were both given: expected one of them (hint: apply changes to a preset with --set KEY=VALUE)");
        }
        ScenarioDocument doc = scenario != null ? ScenarioDocument.file(scenario)
                : ScenarioDocument.preset(presetGiven() ? preset : defaultPreset);
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

    /** The default scenario of the channel commands ({@link #DEFAULT_PRESET}, which must be shipped). */
    public static String defaultPreset() {
        List<String> names = ScenarioDocument.presetNames();
        if (!names.contains(DEFAULT_PRESET)) {
            throw new IllegalStateException("preset " + DEFAULT_PRESET + " is not in this build (presets/index.txt: " + names + ")");
        }
        return DEFAULT_PRESET;
    }

    /** For the cable commands ({@code link}, {@code emulate}): their --preset default, {@link LinkCommand#DEFAULT_PRESET}. */
    public static final class CablePresetDefault implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec arg) {
            return arg instanceof OptionSpec o && o.longestName().equals("--preset") ? LinkCommand.DEFAULT_PRESET : null;
        }
    }
}
