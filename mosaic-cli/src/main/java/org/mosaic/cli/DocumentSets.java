package org.mosaic.cli;

import org.mosaic.studies.UsageException;

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
        return bind(doc, prefix, overrides, flags, binder, "");
    }

    /** The prefix of the cluster document: its keys are addressed by their own paths, as {@code fleet} spells them. */
    static final String CLUSTER = "";

    /** The documents addressed by a prefix ({@code PREFIX.KEY}); any other key is a path of the cluster document. */
    static final List<String> PREFIXES = List.of("model", "campaign", "system", "gpu");

    /**
     * {@code --set KEY=VALUE} arguments of a command that uses several documents, checked together (KEY=VALUE, each key once, no
     * key the section of another), then split by the document each addresses: {@code model.}, {@code campaign.}, {@code system.}
     * and {@code gpu.} keys to those documents, any other key ({@code gpus}, {@code fabric.radix}, {@code gpu=NAME} ...) to the
     * cluster document ({@link #CLUSTER}). A key of a document the run does not use is refused, naming the key and why; every
     * such key is reported at once.
     *
     * @param unused prefix → why the run does not use that document (absent: used)
     * @return prefix → (full key → value), sorted by key
     */
    static Map<String, Map<String, String>> split(List<String> sets, Map<String, String> unused) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String s : sets) {   // KEY=VALUE, each key once (a key and its section are checked per document below)
            int eq = s.indexOf('=');
            if (eq <= 0) {
                problems.add("--set \"" + s + "\": expected KEY=VALUE with a dotted key, e.g. --set model.layers=32 or --set fabric.radix=64");
                continue;
            }
            String key = s.substring(0, eq).trim();
            String value = s.substring(eq + 1).trim();
            String before = all.putIfAbsent(key, value);
            if (before != null) {
                problems.add("--set " + key + " is given twice (" + before + " and " + value + "): expected each key once "
                        + "(hint: keep the one you mean)");
            }
        }
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(all).entrySet()) {
            String key = e.getKey();
            String prefix = CLUSTER;
            for (String p : PREFIXES) {
                if (key.startsWith(p + ".")) {
                    prefix = p;
                } else if (key.equals(p) && !p.equals("gpu")) {   // gpu=NAME is the cluster document's own key
                    problems.add("--set " + key + "=" + e.getValue() + ": " + p + " is a document, not a value; expected " + p + ".KEY=VALUE");
                    prefix = null;
                }
            }
            if (prefix == null) {
                continue;
            }
            String why = unused.get(prefix);
            if (why != null) {
                problems.add("--set " + key + "=" + e.getValue() + ": a key of the " + (prefix.isEmpty() ? "cluster" : prefix)
                        + " document, but " + why);
                continue;
            }
            out.computeIfAbsent(prefix, k -> new TreeMap<>()).put(key, e.getValue());
        }
        for (Map<String, String> doc : out.values()) {   // gpu=NAME (the cluster's) beside gpu.KEY (the GPU's) is no conflict
            for (String a : doc.keySet()) {
                for (String b : doc.keySet()) {
                    if (b.startsWith(a + ".")) {
                        problems.add("--set " + a + "=" + doc.get(a) + " and --set " + b + "=" + doc.get(b) + ": " + a
                                + " cannot be both a value and a section holding " + b + " (hint: set only " + b + ")");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems with --set:\n  - " + String.join("\n  - ", problems));
        }
        return out;
    }

    /**
     * As {@link #bind(ScenarioDocument, String, Map, Map, Function)}; {@code prefix} may be {@link #CLUSTER} (keys are the
     * document's paths), and {@code unknownHint} is added to a refused unknown key the user typed (e.g. the other documents
     * --set addresses).
     */
    static <T> T bind(ScenarioDocument doc, String prefix, Map<String, String> overrides, Map<String, String> flags,
                      Function<ScenarioDocument, T> binder, String unknownHint) {
        String dot = prefix.isEmpty() ? "" : prefix + ".";
        ScenarioDocument d = doc;
        List<String> how = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(dot)) {
                throw new IllegalArgumentException(key + " is not a key of the " + prefix + " document");
            }
            String path = key.substring(dot.length());
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
                String full = dot + p.path();
                boolean typed = overrides.keySet().stream().anyMatch(k -> !flags.containsKey(k) && (k.equals(full) || k.startsWith(full + ".")));
                String extra = typed && p.expected().startsWith("unknown") ? unknownHint : "";
                if (!overrides.containsKey(full)) {
                    named.add(extra.isEmpty() ? p : new Problem(p.path(), p.value(), p.expected() + extra));
                } else if (prefix.isEmpty()) {
                    named.add(new Problem(full, p.value(), p.expected() + extra));
                } else if (flags.containsKey(full)) {
                    named.add(new Problem(flags.get(full), p.value(), p.expected()));
                } else {   // a --set key: its hint in the same terms
                    named.add(new Problem(full, p.value(), p.expected().replace("(did you mean ", "(did you mean " + prefix + ".") + extra));
                }
            }
            throw new ScenarioException(d.source(), named);
        }
    }
}
