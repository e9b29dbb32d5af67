package org.mosaic.studies;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How {@link StudyInputs} binds one study: its document inputs (kind, default preset, binding), the inputs it derives
 * (as the CLI derives them), parsers for inputs that are neither plain values nor documents, default values where the
 * declared default is a description ("the cluster's") rather than a value, and checks across inputs.
 *
 * @param reason null when the study is bindable, else why not
 */
record InputForm(String reason, Map<String, DocumentInput<?>> documents, Map<String, DocumentList> lists,
                 Map<String, Derivation> derived, Map<String, Parser> parsers, Map<String, JsonNode> defaults,
                 Function<Context, List<String>> check, Class<? extends Record> extras) {

    /** A list of documents of one kind ({@code compare}'s cables): each element a document value; its default presets. */
    record DocumentList(DocumentInput<?> element, java.util.function.Supplier<List<String>> defaults) {
    }

    /** What has been bound so far: values by input name, and the document values as given (preset, edits). */
    record Context(Map<String, Object> values, Map<String, DocumentValue> documents, Map<String, List<DocumentValue>> lists,
                   java.util.Set<String> given) {
        Context() {
            this(new LinkedHashMap<>(), new HashMap<>(), new HashMap<>(), new java.util.HashSet<>());
        }

        @SuppressWarnings("unchecked")
        <T> T get(String name) {
            return (T) values.get(name);
        }
    }

    /**
     * The checks across inputs, run after every input is bound and derived; they may also settle a value that depends on
     * whether another was given (fleet's policy with comparePolicies), by putting it into {@link Context#values()}.
     */
    interface Check extends Function<Context, List<String>> {
    }

    /** An input derived from the others; throws {@link UsageException} naming the inputs when they cannot be combined. */
    interface Derivation {
        Object derive(Context ctx);
    }

    /** Parses one input's JSON value; throws {@link UsageException} (the key is added by the caller). */
    interface Parser {
        Object parse(String key, JsonNode node);
    }

    static InputForm notBindable(String reason) {
        return new InputForm(reason, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), c -> List.of(), null);
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final Map<String, DocumentInput<?>> documents = new LinkedHashMap<>();
        private final Map<String, DocumentList> lists = new LinkedHashMap<>();
        private final Map<String, Derivation> derived = new LinkedHashMap<>();
        private final Map<String, Parser> parsers = new LinkedHashMap<>();
        private final Map<String, JsonNode> defaults = new LinkedHashMap<>();
        private Function<Context, List<String>> check = c -> List.of();
        private Class<? extends Record> extras;

        /**
         * Inputs a user gives that the study's record does not hold but derives a value from (the technologies, catalog
         * and rules from which the interconnect is resolved): declared with {@link In} on the components of {@code type}.
         */
        Builder extras(Class<? extends Record> type) {
            extras = type;
            return this;
        }

        Builder document(String name, DocumentInput<?> doc) {
            documents.put(name, doc);
            return this;
        }

        Builder documents(String name, DocumentInput<?> element, java.util.function.Supplier<List<String>> defaults) {
            lists.put(name, new DocumentList(element, defaults));
            return this;
        }

        Builder derived(String name, Derivation d) {
            derived.put(name, d);
            return this;
        }

        Builder parser(String name, Parser p) {
            parsers.put(name, p);
            return this;
        }

        Builder defaultValue(String name, JsonNode value) {
            defaults.put(name, value);
            return this;
        }

        Builder check(Function<Context, List<String>> c) {
            check = c;
            return this;
        }

        InputForm build() {
            return new InputForm(null, java.util.Collections.unmodifiableMap(documents), java.util.Collections.unmodifiableMap(lists),
                    java.util.Collections.unmodifiableMap(derived),
                    java.util.Collections.unmodifiableMap(parsers), java.util.Collections.unmodifiableMap(defaults), check, extras);
        }
    }
}
