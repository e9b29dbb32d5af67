package org.mosaic.cli;

import org.mosaic.studies.UsageException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.core.scenario.Documents;
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
    public static final String DEFAULT_PRESET = org.mosaic.studies.channel.ChannelStudy.DEFAULT_PRESET;

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
            description = "Override one value by its dotted path, e.g. --set fiber.length=30m (repeatable; each key once, "
                    + "in any order: all are applied, then the scenario is checked once, unknown keys refused).")
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
        return load(defaultPreset, Documents.Kind.CHANNEL);
    }

    /**
     * The document with every {@code --set} applied; {@code defaultPreset} when neither flag is given. A document of
     * a kind other than channel or cable (a gpu, a cluster, ...) is refused as not the {@code expected} kind; whether
     * a channel may stand where a cable is expected is the command's to say.
     */
    public ScenarioDocument load(String defaultPreset, Documents.Kind expected) {
        if (presetGiven() && scenario != null) {
            throw new UsageException("--preset " + preset + " and --scenario " + scenario
                    + " were both given: expected one of them (hint: apply changes to a preset with --set KEY=VALUE)");
        }
        ScenarioDocument doc = scenario != null ? ScenarioDocument.file(scenario)
                : ScenarioDocument.preset(presetGiven() ? preset : defaultPreset);
        return apply(scenarioKind(doc, expected));
    }

    /** {@code doc} when it is a channel or a cable scenario; any other kind is refused as not {@code expected}. */
    static ScenarioDocument scenarioKind(ScenarioDocument doc, Documents.Kind expected) {
        Documents.Kind kind = Documents.kindOf(doc);
        return kind == Documents.Kind.CHANNEL || kind == Documents.Kind.CABLE ? doc : Documents.checked(expected, doc);
    }

    /**
     * Applies every {@code --set} override to {@code doc}; the caller then validates the result once. The
     * overrides are checked together first, so their order never matters: each must be KEY=VALUE, a key
     * may be given once, and a key may not also be the section of another ({@code fiber=1} with
     * {@code fiber.length=30m}), since one would silently undo the other.
     */
    public ScenarioDocument apply(ScenarioDocument doc) {
        // applied in key order, not the order given: the keys are distinct and none holds another, so the tree is the
        // same either way, and the document's source ("preset X (with a=1) (with b=2)"), which outputs print, is too
        Map<String, String> overrides = new java.util.TreeMap<>(overrides());
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            doc = doc.with(e.getKey(), e.getValue());
        }
        return doc;
    }

    /** The keys given with {@code --set}, in the order given. */
    public List<String> setKeys() {
        return List.copyOf(overrides().keySet());
    }

    /** The {@code --set} overrides by key, checked together (see {@link #apply}); every problem is reported at once. */
    Map<String, String> overrides() {
        return overrides(sets);
    }

    /**
     * {@code --set KEY=VALUE} arguments by key, checked together: each KEY=VALUE, each key once, no key also the
     * section of another; every problem reported at once (a {@link UsageException}). Any command whose inputs are
     * documents uses this, then applies all overrides to the document and validates it once.
     */
    static Map<String, String> overrides(List<String> sets) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                problems.add("--set \"" + s + "\": expected KEY=VALUE with a dotted key, e.g. --set fiber.length=30m");
                continue;
            }
            String key = s.substring(0, eq).trim();
            String value = s.substring(eq + 1).trim();
            String before = out.get(key);
            if (before != null) {
                problems.add("--set " + key + " is given twice (" + before + " and " + value + "): expected each key once "
                        + "(hint: keep the one you mean)");
                continue;
            }
            out.put(key, value);
        }
        for (String a : out.keySet()) {
            for (String b : out.keySet()) {
                if (b.startsWith(a + ".")) {
                    problems.add("--set " + a + "=" + out.get(a) + " and --set " + b + "=" + out.get(b) + ": " + a
                            + " cannot be both a value and a section holding " + b + " (hint: set only " + b + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems with --set:\n  - " + String.join("\n  - ", problems));
        }
        return out;
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
