package org.mosaic.studies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.mosaic.core.scenario.ScenarioDocument;

/**
 * Edits of a document (dotted path → value) that change nothing a study uses: the study would answer the same question
 * without them, so a user who made one is told rather than silently ignored. The CLI's {@code --set} and the binder's
 * document edits ({@link StudyInputs}) share this one check (leave one out).
 */
public final class Edits {
    private Edits() {
    }

    /**
     * {@code base} with every edit applied in sorted path order (the order edits are given never matters: distinct paths,
     * none a section of another, give the same tree, and the same source text, which results print).
     */
    public static ScenarioDocument apply(ScenarioDocument base, Map<String, String> edits) {
        ScenarioDocument doc = base;
        for (Map.Entry<String, String> e : new TreeMap<>(edits).entrySet()) {
            doc = doc.with(e.getKey(), e.getValue());
        }
        return doc;
    }

    /**
     * The first edit (in the map's order) without which the study uses the same values: {@code apply} makes the document(s)
     * from a subset of the edits, {@code uses} what the study reads of them (compared with equals). An edit without which
     * the documents do not bind matters. With {@code sameDocument} non-null, an edit that only repeats the value the
     * document already has (the same {@code sameDocument} without it) is honoured, not refused.
     */
    public static <D> Optional<String> firstWithoutEffect(Map<String, String> edits, Function<Map<String, String>, D> apply,
                                                         Function<D, Object> uses, Function<D, Object> sameDocument) {
        if (edits.isEmpty()) {
            return Optional.empty();
        }
        D all = apply.apply(edits);
        Object full = uses.apply(all);
        for (String key : edits.keySet()) {
            Map<String, String> others = new LinkedHashMap<>(edits);
            others.remove(key);
            Object other;
            try {
                D without = apply.apply(others);
                if (sameDocument != null && sameDocument.apply(without).equals(sameDocument.apply(all))) {
                    continue;   // it sets the value the document already has: honoured
                }
                other = uses.apply(without);
            } catch (RuntimeException e) {
                continue;   // without it the documents do not bind: it matters
            }
            if (full.equals(other)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
