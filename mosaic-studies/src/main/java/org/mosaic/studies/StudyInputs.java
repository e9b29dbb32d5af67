package org.mosaic.studies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mosaic.core.scenario.ScenarioDocument;
import org.mosaic.core.scenario.ScenarioException;
import org.mosaic.core.scenario.SpecReader;
import org.mosaic.core.units.UnitException;
import org.mosaic.studies.fleet.NamedDocument;

/**
 * Binds a study's input record from values named by its declared inputs ({@link InputSpec#name()}), so the generic CLI
 * command ({@code mosaic run}), the sweeps and the web studio bind every study the same way.
 *
 * <p>Values are a JSON object keyed by input name; an absent key takes its default. A number may be a JSON number (in the
 * input's declared unit) or a text with a unit ({@code "20 m"}, converted to the declared unit; a unit of another
 * dimension is refused). A document input takes a preset name, {@code {"preset": NAME, "set": {"dotted.path": "value"}}}
 * or {@code {"yaml": TEXT, "set": {...}}}; the edits are applied in sorted path order (as the CLI's {@code --set}), then
 * the document is checked once. Inputs the CLI derives rather than lets a user choose (a label shown in output, the keys
 * the user edited, notes on the user's technologies) are derived here the same way and are not values. Every problem is
 * reported at once in one {@link UsageException}, each naming its key, the value, what was expected and a hint. Nothing
 * here reads a file.
 */
public final class StudyInputs {
    private StudyInputs() {
    }

    /** Whether every input of the study can be bound from values (the report studies say no, see {@link #whyNotBindable}). */
    public static boolean bindable(Study<?, ?> study) {
        return InputForms.of(study).reason() == null;
    }

    /** Why the study cannot be bound from values (null when it can). */
    public static String whyNotBindable(Study<?, ?> study) {
        return InputForms.of(study).reason();
    }

    /** The names of the inputs a user gives (the study's declared inputs less those derived from them), in order. */
    public static List<String> names(Study<?, ?> study) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : exposed(study, bindableForm(study))) {
            out.add(c.getName());
        }
        return List.copyOf(out);
    }

    /**
     * The inputs a user gives, declared as {@link InputSpec}s: the study's own less those derived (a label, the keys edited,
     * the interconnect resolved from technologies), plus those it derives them from. What a form or a sweep offers.
     */
    public static List<InputSpec> inputs(Study<?, ?> study) {
        InputForm f = bindableForm(study);
        List<InputSpec> out = new ArrayList<>();
        for (InputSpec i : study.inputs()) {
            if (!f.derived().containsKey(i.name())) {
                out.add(i);
            }
        }
        if (f.extras() != null) {
            out.addAll(Declarations.inputs(f.extras()));
        }
        return List.copyOf(out);
    }

    /** The components a user gives: the input record's less the derived ones, then the form's extras. */
    private static List<RecordComponent> exposed(Study<?, ?> study, InputForm f) {
        List<RecordComponent> out = new ArrayList<>();
        for (RecordComponent c : study.inputType().getRecordComponents()) {
            if (!f.derived().containsKey(c.getName())) {
                out.add(c);
            }
        }
        if (f.extras() != null) {
            out.addAll(List.of(f.extras().getRecordComponents()));
        }
        return out;
    }

    /**
     * The study's input values with their defaults, as a JSON object keyed by input name: a document input as
     * {@code {"preset": NAME}} (null when it has no default), a number with a unit as text ({@code "30 m"}), an input
     * without a default as null. What a form shows before any edit; {@code bind(study, defaults(study))} is the study run
     * with no option given.
     */
    public static ObjectNode defaults(Study<?, ?> study) {
        InputForm f = bindableForm(study);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (RecordComponent c : exposed(study, f)) {
            InputForm.DocumentList list = f.lists().get(c.getName());
            if (list != null) {
                ArrayNode a = out.putArray(c.getName());
                list.defaults().get().forEach(n -> a.addObject().put("preset", n));
                continue;
            }
            DocumentInput<?> doc = f.documents().get(c.getName());
            if (doc != null) {
                if (doc.defaultPreset() == null) {
                    out.putNull(c.getName());
                } else {
                    out.putObject(c.getName()).put("preset", doc.defaultPreset());
                }
            } else {
                out.set(c.getName(), defaultValue(f, c));
            }
        }
        return out;
    }

    /**
     * The input record from a JSON object keyed by input name (absent key: its default; null: the whole defaults).
     * Unknown keys, wrong types, values out of range, bad units and bad document edits are refused together in one
     * {@link UsageException}.
     */
    public static <I extends Record> I bind(Study<I, ?> study, JsonNode values) {
        InputForm f = bindableForm(study);
        List<String> problems = new ArrayList<>();
        if (values != null && !values.isNull() && !values.isObject()) {
            throw new UsageException(study.name() + ": the inputs are " + shown(values) + " — expected a JSON object keyed by "
                    + "input name, e.g. " + example(study));
        }
        List<String> names = names(study);
        if (values != null && values.isObject()) {
            for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!names.contains(key)) {
                    problems.add(unknownKey(study, f, key));
                }
            }
        }
        InputForm.Context ctx = new InputForm.Context();
        if (values != null && values.isObject()) {
            values.fieldNames().forEachRemaining(k -> {
                if (!values.get(k).isNull()) {
                    ctx.given().add(k);
                }
            });
        }
        RecordComponent[] components = study.inputType().getRecordComponents();
        for (RecordComponent c : exposed(study, f)) {
            String name = c.getName();
            JsonNode node = values != null && values.isObject() && values.has(name) ? values.get(name) : null;
            DocumentInput<?> doc = f.documents().get(name);
            if (doc != null) {
                bindDocument(name, doc, node, ctx, problems, c.getType() == NamedDocument.class);
                continue;
            }
            InputForm.DocumentList list = f.lists().get(name);
            if (list != null) {
                bindList(name, list, node, ctx, problems, elementType(c) == NamedDocument.class);
                continue;
            }
            if (node == null) {
                node = defaultValue(f, c);
            }
            try {
                InputForm.Parser custom = f.parsers().get(name);
                ctx.values().put(name, custom != null ? custom.parse(name, node) : Values.parse(c, node, defaultValue(f, c).isNull()));
            } catch (UsageException | ScenarioException | IllegalArgumentException e) {
                problems.add(named(name, e.getMessage()));
            }
        }
        if (problems.isEmpty()) {
            for (Map.Entry<String, InputForm.Derivation> d : f.derived().entrySet()) {
                try {
                    ctx.values().put(d.getKey(), d.getValue().derive(ctx));
                } catch (UsageException | ScenarioException | IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(f.check().apply(ctx));
        }
        if (!problems.isEmpty()) {
            throw refusal(study, problems);
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = ctx.values().get(components[i].getName());
            types[i] = components[i].getType();
        }
        try {
            Constructor<I> ctor = study.inputType().getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UsageException u) {
                throw u;
            }
            if (cause instanceof RuntimeException r && (r instanceof IllegalArgumentException || r instanceof ScenarioException
                    || r instanceof UnitException)) {
                throw new UsageException(study.name() + ": " + r.getMessage(), r);
            }
            throw new IllegalStateException("cannot make the input of " + study.name(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the input of " + study.name(), e);
        }
    }

    /**
     * Flat {@code KEY=VALUE} assignments applied to {@code values}: KEY an input's name (its value replaced: a preset name
     * for a document, a number with its unit, a comma-separated list...), or {@code INPUT.PATH} for a document input (added
     * to that input's {@code "set"}, the input's default preset when it has no value yet). The replacements are applied
     * before the edits, so the order of the assignments never matters. Returns a new object; unknown keys refused, every
     * one at once.
     */
    public static ObjectNode assign(Study<?, ?> study, ObjectNode values, Map<String, String> assignments) {
        InputForm f = bindableForm(study);
        ObjectNode out = values == null ? JsonNodeFactory.instance.objectNode() : values.deepCopy();
        List<String> names = names(study);
        List<String> problems = new ArrayList<>();
        Map<String, String> sorted = new TreeMap<>(assignments);
        for (Map.Entry<String, String> e : sorted.entrySet()) {   // whole values first
            if (names.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, String> e : sorted.entrySet()) {   // then document edits
            String key = e.getKey();
            if (names.contains(key)) {
                continue;
            }
            int dot = key.indexOf('.');
            String input = dot > 0 ? key.substring(0, dot) : key;
            InputForm.DocumentList list = f.lists().get(input);
            if (list != null && dot > 0 && dot < key.length() - 1) {   // an edit of every document of the list
                JsonNode current = out.get(input);
                List<JsonNode> items = new ArrayList<>();
                if (current == null || current.isNull()) {
                    list.defaults().get().forEach(n -> items.add(JsonNodeFactory.instance.textNode(n)));
                } else if (current.isArray()) {
                    current.forEach(items::add);
                } else if (current.isTextual()) {
                    for (String n : current.asText().split(",")) {
                        items.add(JsonNodeFactory.instance.textNode(n.trim()));
                    }
                } else {
                    items.add(current);
                }
                ArrayNode edited = JsonNodeFactory.instance.arrayNode();
                for (JsonNode item : items) {
                    edited.add(withEdit(item, key.substring(dot + 1), e.getValue()));
                }
                out.set(input, edited);
                continue;
            }
            DocumentInput<?> doc = f.documents().get(input);
            if (doc == null || dot == key.length() - 1) {
                problems.add(dot > 0 && names.contains(input)
                        ? key + "=" + e.getValue() + ": " + input + " is not a document, so it has no key " + key.substring(dot + 1)
                                + " (hint: " + input + "=VALUE replaces its value)"
                        : unknownKey(study, f, key) + " (hint: KEY is an input's name, or INPUT.PATH for a document input: "
                                + String.join(", ", documentNames(f)) + ")");
                continue;
            }
            JsonNode current = out.get(input);
            if (current == null || current.isNull()) {
                if (doc.editBase() == null) {
                    problems.add(key + "=" + e.getValue() + ": " + input + " has no document to edit (it has no default) — "
                            + "expected " + input + "=PRESET first");
                    continue;
                }
                current = JsonNodeFactory.instance.textNode(doc.editBase());
            }
            if (!current.isTextual() && !current.isObject()) {
                problems.add(key + "=" + e.getValue() + ": " + input + " is " + shown(current) + ", not a document to edit");
                continue;
            }
            out.set(input, withEdit(current, key.substring(dot + 1), e.getValue()));
        }
        if (!problems.isEmpty()) {
            throw refusal(study, problems);
        }
        return out;
    }

    /** {@code doc} (a preset name or a document value object) with {@code path=value} added to its edits. */
    private static JsonNode withEdit(JsonNode doc, String path, String value) {
        ObjectNode obj = doc.isTextual() ? JsonNodeFactory.instance.objectNode().put("preset", doc.asText())
                : doc.isObject() ? ((ObjectNode) doc).deepCopy() : null;
        if (obj == null) {
            return doc;   // not a document value: bind refuses it, naming it
        }
        JsonNode set = obj.get("set");
        if (set == null || !set.isObject()) {
            set = obj.putObject("set");
        }
        ((ObjectNode) set).put(path, value);
        return obj;
    }

    private static List<String> documentNames(InputForm f) {
        List<String> out = new ArrayList<>(f.documents().keySet());
        out.addAll(f.lists().keySet());
        return out;
    }

    /** A document input's resolved document (its preset or text, its edits applied) as a JSON tree, for forms. */
    public static ObjectNode document(Study<?, ?> study, String input, JsonNode value) {
        InputForm f = bindableForm(study);
        DocumentInput<?> doc = f.documents().get(input);
        if (doc == null && f.lists().containsKey(input)) {
            doc = f.lists().get(input).element();   // one document of the list
        }
        if (doc == null) {
            throw new UsageException(input + ": not a document input of " + study.name() + " — expected one of "
                    + String.join(", ", documentNames(f)));
        }
        List<String> problems = new ArrayList<>();
        DocumentValue v = value == null || value.isNull() ? defaultDocument(input, doc, problems)
                : DocumentValue.read(input, value, problems);
        if (!problems.isEmpty()) {
            throw refusal(study, problems);
        }
        try {
            return doc.resolve(input, v).tree();
        } catch (ScenarioException | UnitException e) {
            throw new UsageException(named(input, e.getMessage()), e);
        }
    }

    /** The document kind of a document input (empty when the input is not a document) and its shipped presets. */
    public static List<String> presets(Study<?, ?> study, String input) {
        InputForm f = InputForms.of(study);
        DocumentInput<?> doc = f.documents().get(input);
        if (doc == null && f.lists().containsKey(input)) {
            doc = f.lists().get(input).element();
        }
        return doc == null ? List.of() : doc.presets();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void bindDocument(String name, DocumentInput<?> doc, JsonNode node, InputForm.Context ctx, List<String> problems,
                                     boolean named) {
        DocumentValue v;
        if (node == null || node.isNull()) {
            if (doc.defaultPreset() == null) {
                ctx.values().put(name, null);
                return;
            }
            v = DocumentValue.preset(doc.defaultPreset());
        } else {
            v = DocumentValue.read(name, node, problems);
            if (v == null) {
                return;
            }
        }
        try {
            ScenarioDocument resolved = doc.resolve(name, v);
            ctx.documents().put(name, v);
            Object bound = doc.bind(resolved);
            ctx.values().put(name, named ? new NamedDocument(label(name, v), (ScenarioDocument) bound) : bound);
        } catch (UsageException | ScenarioException | IllegalArgumentException e) {
            problems.add(named(name, e.getMessage()));
        }
    }

    private static void bindList(String name, InputForm.DocumentList list, JsonNode node, InputForm.Context ctx, List<String> problems,
                                 boolean named) {
        List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            list.defaults().get().forEach(n -> items.add(JsonNodeFactory.instance.textNode(n)));
        } else if (node.isArray()) {
            node.forEach(items::add);
        } else if (node.isTextual()) {   // NAME,NAME as a flag gives them
            for (String n : node.asText().split(",")) {
                items.add(JsonNodeFactory.instance.textNode(n.trim()));
            }
        } else if (node.isObject()) {
            items.add(node);
        } else {
            problems.add(name + ": " + shown(node) + " — expected a list of documents, each a preset name or "
                    + "{\"preset\": NAME, \"set\": {...}} (or \"NAME,NAME\")");
            return;
        }
        if (items.isEmpty() && !list.defaults().get().isEmpty()) {
            problems.add(name + ": an empty list — expected at least one document (default: " + String.join(", ", list.defaults().get()) + ")");
            return;
        }
        List<DocumentValue> values = new ArrayList<>();
        List<Object> bound = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String key = name + "[" + i + "]";
            DocumentValue v = DocumentValue.read(key, items.get(i), problems);
            if (v == null) {
                continue;
            }
            try {
                Object b = list.element().bind(list.element().resolve(key, v));
                bound.add(named ? new NamedDocument(label(key, v), (ScenarioDocument) b) : b);
                values.add(v);
            } catch (UsageException | ScenarioException | IllegalArgumentException e) {
                problems.add(named(key, e.getMessage()));
            }
        }
        ctx.lists().put(name, values);
        ctx.values().put(name, bound);
    }

    /** How a named document is given, for messages: its preset's name, or the input's key when given as text. */
    private static String label(String key, DocumentValue v) {
        return v.preset() != null ? v.preset() : key;
    }

    private static DocumentValue defaultDocument(String input, DocumentInput<?> doc, List<String> problems) {
        if (doc.editBase() == null) {
            problems.add(input + ": no value and no default — expected a preset name (" + String.join(", ", doc.presets()) + ")");
            return null;
        }
        return DocumentValue.preset(doc.editBase());
    }

    /**
     * The document a study's document input stands for when it is not given, whose values an edit {@code INPUT.PATH} and a
     * range apply to: its default preset, or the shipped catalog for a technology catalog; null when the input is not a
     * document or has none.
     */
    public static String editBase(Study<?, ?> study, String input) {
        InputForm f = InputForms.of(study);
        DocumentInput<?> doc = f.documents().get(input);
        return doc == null ? null : doc.editBase();
    }

    private static JsonNode defaultValue(InputForm f, RecordComponent c) {
        JsonNode given = f.defaults().get(c.getName());
        return given != null ? given : Values.declaredDefault(c);
    }

    private static InputForm bindableForm(Study<?, ?> study) {
        InputForm f = InputForms.of(study);
        if (f.reason() != null) {
            throw new UsageException(study.name() + " cannot be bound from values: " + f.reason());
        }
        return f;
    }

    private static String unknownKey(Study<?, ?> study, InputForm f, String key) {
        List<String> names = names(study);
        return key + ": unknown input of " + study.name() + " — expected one of " + String.join(", ", names)
                + SpecReader.didYouMean(key, names);
    }

    private static String example(Study<?, ?> study) {
        return defaults(study).toString();
    }

    private static UsageException refusal(Study<?, ?> study, List<String> problems) {
        return new UsageException(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems with the inputs of " + study.name() + ":\n  - " + String.join("\n  - ", problems));
    }

    /** "key: message", unless the message already starts with the key. */
    static String named(String key, String message) {
        String m = message == null ? "invalid" : message;
        return m.startsWith(key + ":") || m.startsWith(key + ".") || m.startsWith(key + " ") ? m : key + ": " + m;
    }

    /** A JSON value as a message shows it. */
    static String shown(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "\"" + n.asText() + "\"";
        }
        if (n.isObject()) {
            return "an object " + abbreviate(n.toString());
        }
        if (n.isArray()) {
            return "a list " + abbreviate(n.toString());
        }
        return n.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** The element type of a {@code List<X>} component (Object when unknown). */
    static Class<?> elementType(RecordComponent c) {
        Type t = c.getGenericType();
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length == 1 && p.getActualTypeArguments()[0] instanceof Class<?> k) {
            return k;
        }
        return Object.class;
    }

    /** An array node of texts. */
    static ArrayNode texts(List<String> items) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        items.forEach(a::add);
        return a;
    }
}
