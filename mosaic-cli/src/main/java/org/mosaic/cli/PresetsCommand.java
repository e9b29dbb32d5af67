package org.mosaic.cli;

import org.mosaic.studies.Output;
import org.mosaic.studies.UsageException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.SpecReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mosaic presets [KIND]} lists the shipped documents of every kind (or of one), each with its kind, name and
 * the first sentence of its description; {@code mosaic presets show NAME} prints one exactly as shipped, comments
 * included, ready to copy, edit and pass back as a file wherever the preset name is taken. Generic over
 * {@link Documents.Kind}: a kind lists what its {@code /presets/KIND/index.txt} names (channel and cable: the
 * scenario presets).
 */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = {"List the shipped documents (presets) by kind, or print one to start your own from.",
            "  mosaic presets [KIND]                 what ships: kind, name, description",
            "  mosaic presets show NAME > my.yaml    the document as shipped; edit it and pass it back as a file"},
        subcommands = PresetsCommand.Show.class)
public final class PresetsCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "KIND", description = "Only this kind: ${COMPLETION-CANDIDATES}.",
            completionCandidates = KindNames.class)
    String kind;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    /** The kind ids, for the help text. */
    static final class KindNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        KindNames() {
            super(kindIds());
        }
    }

    /** One shipped document. */
    record Entry(Documents.Kind kind, String name, String description) {
        /** As the JSON lists it: the kind by its id. */
        Listed listed() {
            return new Listed(kind.id(), name, description);
        }
    }

    /** One preset in {@code --format json}. */
    record Listed(String kind, String name, String description) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Documents.Kind> kinds = kind == null ? List.of(Documents.Kind.values()) : List.of(kindOf(kind, "KIND"));
        List<Entry> entries = new ArrayList<>();
        List<String> none = new ArrayList<>();
        for (Documents.Kind k : kinds) {
            List<String> names = Documents.names(k);
            if (names.isEmpty()) {
                none.add(k.id());
            }
            for (String n : names) {
                entries.add(new Entry(k, n, description(Documents.preset(k, n))));
            }
        }
        switch (output.format) {
            case JSON -> {
                out.print(Output.json(entries.stream().map(Entry::listed).toList()));
            }
            case CSV -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Entry e : entries) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("kind", e.kind().id());
                    row.put("name", e.name());
                    row.put("description", e.description());
                    rows.add(row);
                }
                out.print(Output.csv(rows));
            }
            default -> {
                List<List<String>> rows = new ArrayList<>();
                for (Entry e : entries) {
                    rows.add(List.of(e.kind().id(), e.name(), firstSentence(e.description())));
                }
                if (!rows.isEmpty()) {
                    out.print(Output.table(List.of("kind", "name", "description"), rows));
                }
                if (!none.isEmpty()) {
                    out.println("no presets ship of kind " + String.join(", ", none));
                }
                out.println();
                out.println("mosaic presets show NAME > my.yaml   prints one as shipped; edit it and pass the file back "
                        + "where the preset name goes (e.g. mosaic link --scenario my.yaml)");
            }
        }
        return 0;
    }

    /** {@code mosaic presets show NAME [--kind KIND]}: the shipped document, exactly as shipped. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a shipped document exactly as shipped (comments included), ready to copy, edit and pass back.")
    static final class Show implements java.util.concurrent.Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The preset's name (mosaic presets lists them).")
        String name;

        @Option(names = "--kind", paramLabel = "KIND",
                description = "The kind, needed when two kinds ship a preset of this name: ${COMPLETION-CANDIDATES}.",
                completionCandidates = KindNames.class)
        String kind;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(Documents.presetText(resolve(name, kind), name));
            return 0;
        }
    }

    /**
     * The kind of the shipped document {@code name}: {@code kindText} when given (the name must ship in it), else the
     * one kind that ships it; a name two kinds ship needs --kind; an unknown name is refused with the closest one.
     */
    static Documents.Kind resolve(String name, String kindText) {
        return resolve(name, kindText, Documents::names);
    }

    /** {@link #resolve(String, String)} over the shipped names {@code names} gives by kind (tests give their own). */
    static Documents.Kind resolve(String name, String kindText, java.util.function.Function<Documents.Kind, List<String>> names) {
        if (kindText != null) {
            Documents.Kind k = kindOf(kindText, "--kind");
            if (!names.apply(k).contains(name)) {
                List<String> ofKind = names.apply(k);
                List<Documents.Kind> elsewhere = kindsShipping(name, names);
                String hint = SpecReader.didYouMean(name, ofKind);
                throw new UsageException("unknown " + k.id() + " preset \"" + name + "\": expected one of "
                        + (ofKind.isEmpty() ? "(none ship)" : String.join(", ", ofKind))
                        + (!elsewhere.isEmpty() ? " (hint: " + name + " is a " + ids(elsewhere) + " preset: --kind " + elsewhere.get(0).id() + ")"
                        : !hint.isEmpty() ? hint : " (hint: mosaic presets " + k.id() + " lists them)"));
            }
            return k;
        }
        List<Documents.Kind> kinds = kindsShipping(name, names);
        if (kinds.size() == 1) {
            return kinds.get(0);
        }
        if (kinds.size() > 1) {
            throw new UsageException("preset \"" + name + "\" ships as more than one kind (" + ids(kinds)
                    + "): expected --kind KIND to say which (hint: mosaic presets show " + name + " --kind " + kinds.get(0).id() + ")");
        }
        List<String> all = new ArrayList<>();
        for (Documents.Kind k : Documents.Kind.values()) {
            all.addAll(names.apply(k));
        }
        String hint = SpecReader.didYouMean(name, all);
        throw new UsageException("unknown preset \"" + name + "\": expected the name of a shipped document, one of "
                + String.join(", ", all) + (hint.isEmpty() ? " (hint: mosaic presets lists them with their kinds)" : hint));
    }

    private static List<Documents.Kind> kindsShipping(String name, java.util.function.Function<Documents.Kind, List<String>> names) {
        List<Documents.Kind> out = new ArrayList<>();
        for (Documents.Kind k : Documents.Kind.values()) {
            if (names.apply(k).contains(name)) {
                out.add(k);
            }
        }
        return out;
    }

    private static String ids(List<Documents.Kind> kinds) {
        List<String> ids = new ArrayList<>();
        for (Documents.Kind k : kinds) {
            ids.add(k.id());
        }
        return String.join(" and ", ids);
    }

    private static Documents.Kind kindOf(String text, String what) {
        for (Documents.Kind k : Documents.Kind.values()) {
            if (k.id().equals(text.trim())) {
                return k;
            }
        }
        String hint = SpecReader.didYouMean(text.trim(), kindIds());
        throw new UsageException(what + " \"" + text + "\" is not a document kind: expected one of " + String.join(", ", kindIds())
                + (hint.isEmpty() ? " (hint: mosaic presets lists what ships of each)" : hint));
    }

    static List<String> kindIds() {
        List<String> ids = new ArrayList<>();
        for (Documents.Kind k : Documents.Kind.values()) {
            ids.add(k.id());
        }
        return ids;
    }

    /** The document's description on one line (whitespace collapsed); "" when it has none. */
    static String description(ScenarioDocument doc) {
        return doc.tree().path("description").asText("").trim().replaceAll("\\s+", " ");
    }

    /** The first sentence of {@code text}, at most {@link #TABLE_WIDTH} characters, for the table. */
    static String firstSentence(String text) {
        // a sentence ends at ". " — not after an abbreviation such as "et al." or "e.g." that a citation or example holds
        int end = text.indexOf(". ");
        while (end >= 0 && ABBREVIATION.matcher(text.substring(0, end + 1)).find()) {
            end = text.indexOf(". ", end + 2);
        }
        String first = end < 0 ? text : text.substring(0, end + 1);
        if (first.length() <= TABLE_WIDTH) {
            return first;
        }
        int cut = first.lastIndexOf(' ', TABLE_WIDTH - 1);
        return first.substring(0, cut > 0 ? cut : TABLE_WIDTH - 1) + " …";
    }

    private static final java.util.regex.Pattern ABBREVIATION = java.util.regex.Pattern.compile("(\\bal|\\be\\.g|\\bi\\.e|\\bvs|\\bcf)\\.$");

    /** Longest description the table shows (the JSON and CSV carry the whole one). */
    static final int TABLE_WIDTH = 100;
}
