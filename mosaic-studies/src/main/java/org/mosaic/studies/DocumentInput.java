package org.mosaic.studies;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mosaic.core.scenario.Documents;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.link.LinkSpecs;
import org.mosaic.link.baseline.BaselineCatalog;
import org.mosaic.studies.channel.ChannelScenarios;

/**
 * How one kind of document input is resolved (preset or text, edits applied) and bound to the type the study's input
 * record holds. The CLI reads the same presets with the same edits in the same (sorted) order, so a document bound here
 * carries the same source text, which results print.
 *
 * @param kind          the document kind
 * @param defaultPreset the preset used when the input is not given (null: it must be given)
 * @param binder        the resolved document → the record's value; throws {@link ScenarioException} or
 *                      {@link UsageException} with every problem
 */
record DocumentInput<T>(Documents.Kind kind, String defaultPreset, Function<ScenarioDocument, T> binder) {
    /**
     * The document an edit applies to when the input is not given: its default preset, or, for a technology catalog
     * (whose absence means the shipped catalog), the shipped catalog {@value BaselineCatalog#PRESET}; null when none.
     */
    String editBase() {
        return defaultPreset != null ? defaultPreset : kind == Documents.Kind.CATALOG ? BaselineCatalog.PRESET : null;
    }

    /** The shipped preset names of this kind (channel inputs also take the cable presets: a cable is also a channel). */
    List<String> presets() {
        if (kind == Documents.Kind.CHANNEL) {
            return ScenarioDocument.presetNames();
        }
        return Documents.names(kind);
    }

    /** The document named or written by {@code value}, its edits applied (sorted by path). */
    ScenarioDocument resolve(String key, DocumentValue value) {
        ScenarioDocument doc;
        if (value.preset() != null) {
            doc = preset(value.preset());
        } else {
            doc = ScenarioDocument.parse(key + " (yaml)", value.yaml(), true);
            doc = kind == Documents.Kind.CHANNEL || kind == Documents.Kind.CABLE ? scenarioKind(doc) : Documents.checked(kind, doc);
        }
        for (Map.Entry<String, String> e : value.set().entrySet()) {
            try {
                doc = doc.with(e.getKey(), e.getValue());
            } catch (ScenarioException x) {
                throw new UsageException("set " + e.getKey() + "=" + e.getValue() + ": "
                        + x.getMessage().replaceFirst("^--set \\S+: ", ""));
            }
        }
        return doc;
    }

    /** The preset {@code name} as the CLI reads it (the same source text); an unknown name refused with the kind's names. */
    ScenarioDocument preset(String name) {
        if (kind == Documents.Kind.CHANNEL || kind == Documents.Kind.CABLE) {
            if (!ScenarioDocument.presetNames().contains(name)) {
                return Documents.preset(kind, name);   // throws: unknown, with the names of this kind
            }
            return scenarioKind(ScenarioDocument.preset(name));
        }
        return Documents.preset(kind, name);
    }

    /** A channel or cable scenario (either is accepted where a scenario is: the study says whether a channel will do). */
    private ScenarioDocument scenarioKind(ScenarioDocument doc) {
        Documents.Kind k = Documents.kindOf(doc);
        return k == Documents.Kind.CHANNEL || k == Documents.Kind.CABLE ? doc : Documents.checked(kind, doc);
    }

    T bind(ScenarioDocument doc) {
        return binder.apply(doc);
    }

    /** A channel design (a channel or a cable scenario), checked as the channel study checks it. */
    static DocumentInput<ScenarioDocument> channel(String defaultPreset) {
        return new DocumentInput<>(Documents.Kind.CHANNEL, defaultPreset, doc -> {
            ChannelScenarios.bind(doc);
            return doc;
        });
    }

    /** A cable scenario (a host section), checked as the cable study binds it. */
    static DocumentInput<ScenarioDocument> cable(String defaultPreset) {
        return new DocumentInput<>(Documents.Kind.CABLE, defaultPreset, doc -> {
            if (!LinkSpecs.isCable(doc)) {
                throw new UsageException("the scenario " + doc.source() + " describes a channel, not a cable (it has no host "
                        + "section): expected a cable scenario");
            }
            LinkSpecs.bind(doc);
            return doc;
        });
    }
}
