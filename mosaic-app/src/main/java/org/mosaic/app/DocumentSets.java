package org.mosaic.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.mosaic.core.scenario.Problem;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;

/**
 * Overrides of one document a command uses, addressed as {@code PREFIX.KEY} ({@code --set model.layers=48} is the key
 * {@code layers} of the model document): all are applied (in sorted key order, so the order given never matters), then
 * the document is bound once. The changed document is named by the flags that changed it, and a problem in an overridden
 * value is reported under the key the user typed.
 */
final class DocumentSets {
    private DocumentSets() {
    }

    /**
     * @param doc       the document as read (file or preset)
     * @param prefix    the document's prefix on the command line, e.g. "model"
     * @param overrides full key ({@code prefix.path}) → value
     * @param flags     full key → the flag that gave it, for overrides given by a flag rather than by --set
     * @param binder    binds the document (throws {@link ScenarioException} with every problem)
     */
    static <T> T bind(ScenarioDocument doc, String prefix, Map<String, String> overrides, Map<String, String> flags,
                      Function<ScenarioDocument, T> binder) {
        ScenarioDocument d = doc;
        List<String> how = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix + ".")) {
                throw new IllegalArgumentException(key + " is not a key of the " + prefix + " document");
            }
            String path = key.substring(prefix.length() + 1);
            String shown = flags.getOrDefault(key, "--set " + key + "=" + e.getValue());
            try {
                d = d.with(path, e.getValue());
            } catch (ScenarioException x) {
                throw new UsageException(shown + ": " + x.getMessage().replaceFirst("^--set \\S+: ", ""));
            }
            how.add(shown);
        }
        if (!how.isEmpty()) {
            d = ScenarioDocument.parse(doc.source() + " with " + String.join(", ", how), d.toYaml(), true);
        }
        try {
            return binder.apply(d);
        } catch (ScenarioException x) {
            if (x.problems().isEmpty()) {
                throw x;
            }
            List<Problem> named = new ArrayList<>();
            for (Problem p : x.problems()) {
                String full = prefix + "." + p.path();
                if (!overrides.containsKey(full)) {
                    named.add(p);
                } else if (flags.containsKey(full)) {
                    named.add(new Problem(flags.get(full), p.value(), p.expected()));
                } else {   // a --set key: its hint in the same terms
                    named.add(new Problem(full, p.value(), p.expected().replace("(did you mean ", "(did you mean " + prefix + ".")));
                }
            }
            throw new ScenarioException(d.source(), named);
        }
    }
}
